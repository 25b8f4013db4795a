"""Inside the generator: the layers it is made of, one layer's feature maps and their spectrum.

Forward hooks on every module of the network (the synthesis network of a StyleGAN, the whole
generator otherwise) see each module's output as the image is made.  :func:`list_layers`
keeps only the names and shapes; :func:`capture` keeps one layer's output (the first sample)
and stops the forward there, so a big model never holds more than that one layer.  What
:class:`LayerCapture` asks for is then drawn by :func:`layer_view`: one channel, a grid of
channels, or the mean / max over channels, normalised and scaled by a gain in dB, with the
layer's statistics and its 2-D power spectrum (centred, in dB: the way the StyleGAN3 paper
shows aliasing, energy that should not be there at high frequencies).

Names: a module's dotted name in the network (``b16.conv0``, ``L3_52_512``, ``main.4``);
a module returning several tensors gives ``name:0``, ``name:1``; the network's own output
is ``output``; a module run twice gives ``name_2`` the second time.  No Qt in here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .imaging import grid_shape, make_grid
from .nets import has_mapping

MODES = ("channel", "grid", "mean", "max")        # what of the channels is shown
NORMS = ("max", "channel", "minmax", "none")      # how values become grey levels
MAX_TILES = 256                                   # most channels in one grid
MAX_GAIN_DB = 120.0


@dataclass(frozen=True)
class LayerInfo:
    name: str
    shape: tuple[int, ...]   # one sample's output: (C, H, W), or (F,) for a dense layer


@dataclass(frozen=True)
class LayerCapture:
    """Which layer to capture and how to draw it."""

    layer: str                 # a name from list_layers
    mode: str = "grid"         # channel | grid | mean | max
    channel: int = 0           # channel: the one shown; grid: the first tile
    tiles: int = 64            # grid: at most this many channels from ``channel`` on
    norm: str = "max"          # max: by the largest |value| shown; channel: each channel by its
                               # own; minmax: stretch min..max; none: values as they are (+-1)
    gain_db: float = 0.0       # brightness: values times 10 ** (gain_db / 20)
    fft_range_db: float = 60.0  # the spectrum's colours span this many dB below its peak ...
    fft_all: bool = True       # ... of every channel (summed) or only of the channels shown

    def __post_init__(self):
        if self.mode not in MODES:
            raise ValueError(translate("layer_capture", "mode must be one of {0}, got {1!r}").format(MODES, self.mode))
        if self.norm not in NORMS:
            raise ValueError(translate("layer_capture", "normalisation must be one of {0}, got "
                                                        "{1!r}").format(NORMS, self.norm))
        if not 1 <= int(self.tiles) <= MAX_TILES:
            raise ValueError(translate("layer_capture", "tiles must be 1 .. {0}, got {1}").format(MAX_TILES, self.tiles))
        if int(self.channel) < 0:
            raise ValueError(translate("layer_capture", "channel must be >= 0, got {0}").format(self.channel))
        if not math.isfinite(self.gain_db) or abs(self.gain_db) > MAX_GAIN_DB:
            raise ValueError(translate("layer_capture", "gain must be a finite number of dB "
                                                        "within ±{0:g}, got {1}").format(MAX_GAIN_DB, self.gain_db))
        if not math.isfinite(self.fft_range_db) or not 1 <= self.fft_range_db <= 200:
            raise ValueError(translate("layer_capture", "the spectrum's range must be 1 .. 200 "
                                                        "dB, got {0}").format(self.fft_range_db))


@dataclass
class LayerView:
    """A captured layer, drawn: pictures (HWC uint8) and numbers."""

    name: str
    shape: tuple[int, ...]
    maps: np.ndarray                       # the feature maps as asked
    spectrum: np.ndarray | None            # the power spectrum; None for a dense layer
    stats: dict[str, float]                # the whole layer: mean, std, min, max
    shown: tuple[int, int]                 # channels [first, last) in the picture
    grid: tuple[int, int] = (1, 1)         # rows, cols of the maps picture
    spectrum_peak_db: float = 0.0          # the spectrum's peak, dB above its mean
    layers: list[LayerInfo] = field(default_factory=list)   # every layer passed on the way


class _Captured(Exception):
    """Raised by the hook once the wanted layer has been seen: the forward stops there."""


def hook_root(G) -> torch.nn.Module:
    """The network whose modules are listed: the synthesis network of a StyleGAN (ws in),
    else the generator itself (z in)."""
    return G.synthesis if has_mapping(G) else G


def _run_hooked(G, run: Callable[[], object], on_output: Callable[[str, torch.Tensor], None]) -> None:
    """Run ``run()`` with a hook on every module of G's :func:`hook_root` calling
    ``on_output(name, tensor)`` for each output feature map (4-D; also 2-D, dense layers, when
    the root is a whole z-to-image generator: a StyleGAN's 2-D outputs are its styles)."""
    root = hook_root(G)
    names = {m: (n or "output") for n, m in root.named_modules()}
    dense_too = root is G
    seen: dict[str, int] = {}

    def hook(module, _inputs, outputs):
        outs = list(outputs) if isinstance(outputs, (tuple, list)) else [outputs]
        outs = [o for o in outs if isinstance(o, torch.Tensor) and (o.ndim == 4 or (dense_too and o.ndim == 2))]
        for i, out in enumerate(outs):
            name = names[module] + (f":{i}" if len(outs) > 1 else "")
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name = f"{name}_{seen[name]}"
            on_output(name, out)

    handles = [m.register_forward_hook(hook) for m in root.modules()]
    try:
        out = run()
    finally:
        for h in handles:
            h.remove()
    if "output" not in seen and isinstance(out, torch.Tensor) and out.ndim == 4:
        on_output("output", out)   # run block by block: the network's own forward never ran


def list_layers(G, run: Callable[[], object]) -> list[LayerInfo]:
    """Every layer ``run()`` (a forward pass of G on one sample) goes through, in order, with
    its output shape. Only shapes are kept."""
    layers: list[LayerInfo] = []
    _run_hooked(G, run, lambda n, t: layers.append(LayerInfo(n, tuple(int(s) for s in t.shape[1:]))))
    return layers


def capture(G, run: Callable[[], object], layer: str) -> tuple[torch.Tensor, list[LayerInfo]]:
    """The output of ``layer`` for the first sample of ``run()`` (float32 on the CPU, [C, H, W]
    or [F]) and the layers passed up to it. The forward stops at the layer; raises ValueError
    naming the layers when there is no such layer."""
    layers: list[LayerInfo] = []
    kept: list[torch.Tensor] = []

    def on_output(name: str, t: torch.Tensor) -> None:
        layers.append(LayerInfo(name, tuple(int(s) for s in t.shape[1:])))
        if name == layer:
            kept.append(t[0].detach().float().cpu().clone())
            raise _Captured()

    try:
        _run_hooked(G, run, on_output)
    except _Captured:
        return kept[0], layers
    raise ValueError(translate("layer_capture", "this network has no layer {0!r};"
                                                " its layers: {1}").format(layer, ', '.join(i.name for i in layers)))


# --- drawing ----------------------------------------------------------------------------------------

def _as_maps(act: torch.Tensor) -> torch.Tensor:
    """[C, H, W] as is; a dense layer's [F] as one near-square map [1, s, s] (zeros after F)."""
    if act.ndim == 3:
        return act
    flat = act.reshape(-1)
    s = max(1, math.ceil(math.sqrt(flat.numel())))
    out = torch.zeros(s * s, dtype=flat.dtype)
    out[:flat.numel()] = flat
    return out.reshape(1, s, s)


def _normalise(sel: torch.Tensor, norm: str) -> torch.Tensor:
    if norm == "max":
        return sel / sel.abs().max().clamp_min(1e-8)
    if norm == "channel":
        return sel / sel.abs().amax(dim=(1, 2), keepdim=True).clamp_min(1e-8)
    if norm == "minmax":
        lo, hi = sel.min(), sel.max()
        return (sel - lo) / (hi - lo).clamp_min(1e-8) * 2 - 1
    return sel


def _grey(x: torch.Tensor) -> np.ndarray:
    """[n, H, W] values in about [-1, 1] -> [n, H, W, 3] uint8 (0 = mid grey)."""
    g = (x * 127.5 + 128).clamp(0, 255).to(torch.uint8).numpy()
    return np.repeat(g[..., None], 3, axis=-1)


def power_spectrum_db(maps: torch.Tensor,     # [C, H, W]
                      beta: float = 8.0,      # Kaiser window shape (hides the edges' jump)
                      ) -> torch.Tensor:      # [H, W] dB above the mean power; DC in the centre
    """The 2-D power spectrum of the maps, summed over channels: each channel's mean removed,
    windowed, |FFT|^2, zero frequency moved to the centre, 10 log10 of power / mean power."""
    sig = maps.float() - maps.float().mean(dim=(1, 2), keepdim=True)
    h, w = sig.shape[1:]
    win = (torch.kaiser_window(h, periodic=False, beta=beta)[:, None]
           * torch.kaiser_window(w, periodic=False, beta=beta)[None, :]) if h > 1 and w > 1 else 1.0
    power = torch.fft.fft2(sig * win).abs().square().sum(dim=0)
    power = torch.fft.fftshift(power, dim=(0, 1))
    return 10 * torch.log10(power.clamp_min(1e-30) / power.mean().clamp_min(1e-30))


# A dark-to-bright colour ramp (black, indigo, crimson, orange, pale yellow) for spectra.
_RAMP = np.array([[0, 0, 4], [60, 15, 110], [180, 40, 80], [245, 135, 30], [252, 250, 190]], np.float32)


def colormap(t: np.ndarray) -> np.ndarray:
    """Values in [0, 1] -> RGB uint8 along the ramp."""
    t = np.clip(np.nan_to_num(np.asarray(t, np.float32)), 0, 1) * (len(_RAMP) - 1)
    i = np.minimum(t.astype(int), len(_RAMP) - 2)
    f = (t - i)[..., None]
    return (_RAMP[i] * (1 - f) + _RAMP[i + 1] * f).round().astype(np.uint8)


def layer_view(name: str, act: torch.Tensor, spec: LayerCapture) -> LayerView:
    """Draw a captured layer (``act``: [C, H, W] or [F]) as ``spec`` asks."""
    dense = act.ndim != 3
    maps = _as_maps(act.float())
    c = maps.shape[0]
    stats = {"mean": float(act.mean()), "std": float(act.std()) if act.numel() > 1 else 0.0,
             "min": float(act.min()), "max": float(act.max())}
    first = min(int(spec.channel), c - 1)
    if spec.mode == "channel":
        sel, shown = maps[first:first + 1], (first, first + 1)
    elif spec.mode == "grid":
        sel, shown = maps[first:first + int(spec.tiles)], (first, min(c, first + int(spec.tiles)))
    elif spec.mode == "mean":
        sel, shown = maps.mean(dim=0, keepdim=True), (0, c)
    else:
        sel, shown = maps.amax(dim=0, keepdim=True), (0, c)
    img = _normalise(sel, spec.norm) * (10 ** (spec.gain_db / 20))
    tiles = _grey(img)
    rows, cols = grid_shape(len(tiles))
    picture = tiles[0] if len(tiles) == 1 else make_grid(tiles, rows, cols, padding=1)
    spectrum, peak = None, 0.0
    if not dense:
        source = maps if spec.fft_all or spec.mode in ("mean", "max") else sel
        db = power_spectrum_db(source)
        peak = float(db.max())
        spectrum = colormap(((db - peak) / spec.fft_range_db + 1).numpy())
    return LayerView(name, tuple(int(s) for s in act.shape), picture, spectrum, stats, shown,
                     (rows, cols) if len(tiles) > 1 else (1, 1), peak)
