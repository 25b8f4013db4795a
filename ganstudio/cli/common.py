"""What several subcommands parse the same way."""
from __future__ import annotations

from ..errors import UsageError
from ..i18n import translate


def render_device(name: str) -> str:
    """--device: "auto" (the GPU when there is one, else the CPU), "cpu" or "cuda[:N]"."""
    import torch
    if name == "auto":   # the same decision as the Explorer's (core.render_device)
        from ..core.render_device import decide_device
        return decide_device("auto")
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise UsageError(translate("cli", "--device cuda: no CUDA device is available"))
    if name != "cpu" and not name.startswith("cuda"):
        raise UsageError(translate("cli", "--device takes cpu, cuda or auto; got {0!r}").format(name))
    return name
