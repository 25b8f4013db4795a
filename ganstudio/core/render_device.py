"""Where rendering runs: the one place that decides the render device (Qt-free).

``"auto"`` is the first CUDA device when torch sees one, else the CPU; ``"cpu"`` and
``"cuda[:N]"`` name a device.  :func:`render_devices` lists the devices this machine can
render on (the CPU, then every CUDA device by name): the Explorer's "Render on" menu shows
exactly these.  :func:`move_generator` moves a generator there in place and, when that fails
(e.g. the GPU is out of memory), puts it back on the CPU and says why.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these


@dataclass(frozen=True)
class RenderDevice:
    """A device to render on: ``key`` as torch names it ("cpu", "cuda:0"), ``name`` for people."""

    key: str
    name: str

    @property
    def is_cuda(self) -> bool:
        return self.key.startswith("cuda")


def cuda_count() -> int:
    """CUDA devices torch can use (0 when CUDA is missing or broken)."""
    try:
        return int(torch.cuda.device_count()) if torch.cuda.is_available() else 0
    except Exception:  # noqa: BLE001 - a broken CUDA install still leaves the CPU
        return 0


def cuda_name(index: int) -> str:
    try:
        return str(torch.cuda.get_device_name(index))
    except Exception:  # noqa: BLE001
        return f"cuda:{index}"


def render_devices() -> list[RenderDevice]:
    """The CPU, then every CUDA device (by name) this machine can render on."""
    out = [RenderDevice("cpu", "CPU")]
    out += [RenderDevice(f"cuda:{i}", cuda_name(i)) for i in range(cuda_count())]
    return out


def decide_device(choice: str | None = "auto") -> str:
    """The device to render on for ``choice`` ("auto", "cpu", "cuda", "cuda:N"): "auto" (or
    None / "") = the first GPU when there is one, else the CPU; a GPU that is not there (a
    remembered choice on another machine) = "auto". Raises ValueError on anything else."""
    choice = (choice or "auto").strip().lower()
    n = cuda_count()
    if choice == "auto":
        return "cuda:0" if n else "cpu"
    if choice == "cpu":
        return "cpu"
    if choice == "cuda":
        choice = "cuda:0"
    if choice.startswith("cuda:") and choice[5:].isdigit():
        return choice if int(choice[5:]) < n else ("cuda:0" if n else "cpu")
    raise ValueError(translate("render_device", "a render device is cpu, cuda, cuda:N or auto; "
                                                "got {0!r}").format(choice))


def device_of(G) -> torch.device:
    """The device of G's parameters (the CPU for a generator without any)."""
    p = next(iter(G.parameters()), None)
    return p.device if p is not None else torch.device("cpu")


def describe_device(device: str | torch.device, threads: int | None = None) -> str:
    """How the status bar says where rendering runs: "CPU · 2 threads" or "GPU: <name>"."""
    device = torch.device(device)
    if device.type == "cuda":
        return translate("render_device", "GPU: {0}").format(cuda_name(device.index or 0))
    if threads:
        return translate("render_device", "CPU · {0} threads").format(threads) if threads != 1 \
            else translate("render_device", "CPU · 1 thread")
    return translate("render_device", "CPU")


def move_generator(G, device: str | torch.device) -> tuple[str, str]:
    """Move G (in place) to ``device``: (the device it is on now, "" or why it could not go
    there). A failed move (out of memory, a broken driver) leaves G whole on the CPU."""
    target = torch.device(device)
    if device_of(G) == target:
        return str(target), ""
    try:
        G.to(target)
        if target.type == "cuda":
            torch.cuda.synchronize(target)
        return str(target), ""
    except Exception as e:  # noqa: BLE001 - reported; rendering goes on on the CPU
        G.to("cpu")
        if target.type == "cuda":
            try:
                torch.cuda.empty_cache()
            except Exception:  # noqa: BLE001
                pass
        why = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return "cpu", translate("render_device", "Could not render on {0} ({1}); rendering on "
                                                 "the CPU instead").format(target, why)
