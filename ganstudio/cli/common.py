"""What several subcommands parse the same way."""
from __future__ import annotations

from ..errors import UsageError


def render_device(name: str) -> str:
    """--device: "auto" (the GPU when there is one, else the CPU), "cpu" or "cuda[:N]"."""
    import torch
    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise UsageError("--device cuda: no CUDA device is available")
    if name != "cpu" and not name.startswith("cuda"):
        raise UsageError(f"--device takes cpu, cuda or auto; got {name!r}")
    return name
