"""Alias-free generator (StyleGAN3; Karras et al. 2021, "Alias-Free Generative Adversarial
Networks"), written to load the official networks' weights.

``Generator(z_dim, c_dim, w_dim, img_resolution, img_channels, mapping_kwargs, **synthesis)``
takes the official constructor arguments and has the official parameter / buffer names, so an
official state dict loads with ``strict=True``. Config T is the default; config R is
``conv_kernel=1, use_radial_filters=True`` (with doubled channel_base / channel_max).
``build_official_sg3(init_kwargs)`` builds one from the keyword arguments an official pickle
records.

Rows of ws: row 0 drives the Fourier-feature input, row i + 1 drives layer ``L{i}_...``; the
last row drives the ToRGB layer (``ws_layers()`` lists them). There are no noise inputs.
Everything runs in float32 with plain PyTorch ops, on CPU or CUDA.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .layers import check_shape
from .stylegan3_layers import MappingNetwork, SynthesisInput, SynthesisLayer
from .stylegan_layers import MixedPrecision

NOISE_MODES = ("const", "random", "none")  # accepted for the app's sake; StyleGAN3 has no noise


@dataclass(frozen=True)
class WsRow:
    """What one row of ws drives."""
    row: int              # index into ws[:, row]
    name: str             # "input" or the official layer name, e.g. "L3_52_512"
    size: int             # output size in pixels (layers before the last two add margins)
    sampling_rate: float  # output samples per unit length (the image spans one unit)
    cutoff: float         # cutoff frequency of the layer's output (input: its bandwidth)
    channels: int         # output channels


@dataclass(frozen=True)
class LayerSchedule:
    """Per-layer specification of the synthesis network (index 0 .. num_layers, the last
    being ToRGB): cutoffs and stopbands grow geometrically from the first layer's to
    img_resolution / 2, reached ``num_critical`` layers before the end."""
    cutoffs: np.ndarray         # f_c
    stopbands: np.ndarray       # f_t
    sampling_rates: np.ndarray  # s: smallest power of two >= 2 f_t, at most img_resolution
    half_widths: np.ndarray     # f_h: transition band half-widths
    sizes: np.ndarray           # s + 2 * margin, the last two = img_resolution
    channels: np.ndarray        # min(channel_base / 2 / f_c, channel_max); ToRGB: img_channels


def layer_schedule(img_resolution: int, img_channels: int, channel_base: int, channel_max: int,
                   num_layers: int, num_critical: int, first_cutoff: float,
                   first_stopband: float, last_stopband_rel: float,
                   margin_size: int) -> LayerSchedule:
    """The layer specification of the paper's appendix F (same float64 arithmetic as the
    official networks, so sizes and channel counts agree exactly)."""
    if num_layers <= num_critical:
        raise ValueError(translate("nets", "num_layers ({0}) must exceed "
                                           "num_critical ({1})").format(num_layers, num_critical))
    last_cutoff = img_resolution / 2
    last_stopband = last_cutoff * last_stopband_rel
    exponents = np.minimum(np.arange(num_layers + 1) / (num_layers - num_critical), 1)
    cutoffs = first_cutoff * (last_cutoff / first_cutoff) ** exponents
    stopbands = first_stopband * (last_stopband / first_stopband) ** exponents
    rates = np.exp2(np.ceil(np.log2(np.minimum(stopbands * 2, img_resolution))))
    half_widths = np.maximum(stopbands, rates / 2) - cutoffs
    sizes = rates + margin_size * 2
    sizes[-2:] = img_resolution
    channels = np.rint(np.minimum((channel_base / 2) / cutoffs, channel_max))
    channels[-1] = img_channels
    return LayerSchedule(cutoffs, stopbands, rates, half_widths, sizes, channels)


class SynthesisNetwork(nn.Module):
    """ws [N, num_ws, w_dim] -> image [N, img_channels, R, R]: Fourier-feature ``input``, then
    layers ``L{i}_{size}_{channels}``, the last being ToRGB; output times ``output_scale``."""

    def __init__(self, w_dim: int, img_resolution: int, img_channels: int,
                 channel_base: int = 32768,          # channels = channel_base / 2 / cutoff ...
                 channel_max: int = 512,             # ... at most channel_max
                 num_layers: int = 14,               # layers, without input and ToRGB
                 num_critical: int = 2,              # critically sampled layers at the end
                 first_cutoff: float = 2,            # cutoff of the first layer
                 first_stopband: float = 2 ** 2.1,   # minimum stopband of the first layer
                 last_stopband_rel: float = 2 ** 0.3,  # last stopband / last cutoff
                 margin_size: int = 10,              # extra pixels around the image
                 output_scale: float = 0.25,         # scale of the output image
                 num_fp16_res: int = 4,              # layers above R / 2**n run in float16 on a GPU
                 **layer_kwargs,                     # SynthesisLayer hyperparameters
                 ):
        super().__init__()
        self.w_dim, self.img_resolution, self.img_channels = w_dim, img_resolution, img_channels
        self.num_layers, self.num_critical = num_layers, num_critical
        self.num_ws = num_layers + 2
        self.margin_size, self.output_scale, self.num_fp16_res = (margin_size, output_scale,
                                                                  num_fp16_res)
        s = layer_schedule(img_resolution, img_channels, channel_base, channel_max, num_layers,
                           num_critical, first_cutoff, first_stopband, last_stopband_rel,
                           margin_size)
        self.schedule = s
        self.input = SynthesisInput(w_dim, int(s.channels[0]), int(s.sizes[0]),
                                    s.sampling_rates[0], s.cutoffs[0])
        self.layer_names: list[str] = []  # official attribute: names of L0 .. ToRGB
        for idx in range(num_layers + 1):
            prev = max(idx - 1, 0)
            layer = SynthesisLayer(
                w_dim, is_torgb=idx == num_layers,
                is_critically_sampled=idx >= num_layers - num_critical,
                in_channels=int(s.channels[prev]), out_channels=int(s.channels[idx]),
                in_size=int(s.sizes[prev]), out_size=int(s.sizes[idx]),
                in_sampling_rate=int(s.sampling_rates[prev]),
                out_sampling_rate=int(s.sampling_rates[idx]),
                in_cutoff=s.cutoffs[prev], out_cutoff=s.cutoffs[idx],
                in_half_width=s.half_widths[prev], out_half_width=s.half_widths[idx],
                **layer_kwargs)
            name = f"L{idx}_{layer.out_size}_{layer.out_channels}"
            setattr(self, name, layer)
            self.layer_names.append(name)
        self.set_fp16()

    def fp16_layers(self) -> list[str]:
        """The layers that compute in float16 on a GPU: as NVIDIA's generator decides, those
        whose output sampling rate times 2 ** num_fp16_res exceeds the image resolution."""
        n = int(self.num_fp16_res or 0)
        return [name for name in self.layer_names
                if getattr(self, name).out_sampling_rate * 2 ** n > self.img_resolution]

    def set_fp16(self, enabled: bool = True, on_cpu: bool = False) -> None:
        """Mixed precision as recorded (num_fp16_res): enabled = the fp16 layers compute in
        float16 on a GPU; on_cpu = on the CPU as well (tests; by default the CPU is float32)."""
        MixedPrecision.mark(((name, getattr(self, name)) for name in self.layer_names),
                            set(self.fp16_layers()) if enabled else set(), on_cpu)

    def ws_layers(self) -> list[WsRow]:
        """One entry per row of ws, in row order."""
        s, inp = self.schedule, self.input
        rows = [WsRow(0, "input", inp.size, float(inp.sampling_rate), float(inp.bandwidth),
                      inp.channels)]
        for idx, name in enumerate(self.layer_names):
            layer = getattr(self, name)
            rows.append(WsRow(idx + 1, name, layer.out_size, float(layer.out_sampling_rate),
                              float(s.cutoffs[idx]), layer.out_channels))
        return rows

    def forward(self,
                ws: torch.Tensor,                # [N, num_ws, w_dim]
                noise_mode: str = "const",       # accepted for the app; there is no noise
                noise_strength: dict | None = None,  # must be empty: there are no noise inputs
                update_emas: bool = False,       # EMA-update each layer's magnitude_ema
                force_fp32: bool = False,        # official option: every layer in float32
                ) -> torch.Tensor:               # [N, img_channels, R, R], linear output
        check_shape(ws, (None, self.num_ws, self.w_dim), "ws")
        if noise_mode not in NOISE_MODES:
            raise ValueError(translate("nets", "noise_mode must be one of {0}, "
                                               "got {1!r}").format(NOISE_MODES, noise_mode))
        if noise_strength:
            raise ValueError(translate("nets", "a StyleGAN3 generator has no "
                                               "noise inputs; noise_strength must"
                                               " be empty"))
        rows = ws.to(torch.float32).unbind(dim=1)
        x = self.input(rows[0])  # [N, C0, size0, size0]
        for name, w in zip(self.layer_names, rows[1:]):
            x = getattr(self, name)(x, w, update_emas=update_emas, force_fp32=force_fp32)
        if self.output_scale != 1:
            x = x * self.output_scale
        return x.float().contiguous()  # the layers run channels-last on the CPU

    def extra_repr(self) -> str:
        return (f"w_dim={self.w_dim}, num_ws={self.num_ws}, img_resolution={self.img_resolution}"
                f", img_channels={self.img_channels}, num_layers={self.num_layers}")


class Generator(nn.Module):
    """StyleGAN3 generator: ``synthesis(mapping(z, c))``."""

    def __init__(self,
                 z_dim: int,                 # size of z
                 c_dim: int,                 # size of the label c; 0 = unconditional
                 w_dim: int,                 # size of w
                 img_resolution: int,        # output size in pixels
                 img_channels: int,          # output channels
                 mapping_kwargs: dict = {},  # MappingNetwork options; never mutated  # noqa: B006
                 **synthesis_kwargs,         # SynthesisNetwork and SynthesisLayer options
                 ):
        super().__init__()
        self.init_kwargs = copy.deepcopy(dict(
            z_dim=z_dim, c_dim=c_dim, w_dim=w_dim, img_resolution=img_resolution,
            img_channels=img_channels, mapping_kwargs=dict(mapping_kwargs), **synthesis_kwargs))
        self.z_dim, self.c_dim, self.w_dim = z_dim, c_dim, w_dim
        self.img_resolution, self.img_channels = img_resolution, img_channels
        self.synthesis = SynthesisNetwork(w_dim, img_resolution, img_channels, **synthesis_kwargs)
        self.num_ws = self.synthesis.num_ws
        self.mapping = MappingNetwork(z_dim, c_dim, w_dim, self.num_ws, **mapping_kwargs)

    def ws_layers(self) -> list[WsRow]:
        """What each row of ws drives (row 0: input, rows 1..: L0 ..., last row: ToRGB)."""
        return self.synthesis.ws_layers()

    def layer_names(self) -> list[str]:
        """Name of the layer each row of ws drives, in row order."""
        return [r.name for r in self.ws_layers()]

    has_noise = False   # StyleGAN3 removed StyleGAN2's per-pixel noise inputs

    @property
    def block_resolutions(self) -> list[int]:
        """The layers' sampling rates, coarse to fine: the groups per-resolution style mixing
        works on (the same role as StyleGAN2's block resolutions)."""
        return sorted({int(r.sampling_rate) for r in self.ws_layers()})

    def ws_rows(self, res: int) -> list[int]:
        """The rows of ws that drive the layers sampled at ``res``."""
        return [r.row for r in self.ws_layers() if int(r.sampling_rate) == int(res)]

    def forward(self,
                z: torch.Tensor,                       # [N, z_dim]
                c: torch.Tensor | None = None,         # [N, c_dim] labels; None = class 0
                truncation_psi: float = 1,             # 1 = no truncation
                truncation_cutoff: int | None = None,  # truncate rows [:cutoff]; None = all
                update_emas: bool = False,             # EMA-update w_avg and magnitude_ema
                **synthesis_kwargs,                    # see SynthesisNetwork.forward
                ) -> torch.Tensor:                     # [N, img_channels, R, R]
        ws = self.mapping(z, c, truncation_psi=truncation_psi,
                          truncation_cutoff=truncation_cutoff, update_emas=update_emas)
        return self.synthesis(ws, update_emas=update_emas, **synthesis_kwargs)


# --- operation counts (for benchmarks) -------------------------------------------------------------

@dataclass(frozen=True)
class ConvShape:
    """One modulated convolution of the synthesis network, as a plain ``F.conv2d`` call:
    ``F.conv2d(torch.randn(input), torch.randn(weight), padding=padding)``."""
    name: str                             # layer name, e.g. "L3_52_512"
    input: tuple[int, int, int, int]      # [N, I, H, W]
    weight: tuple[int, int, int, int]     # [O, I, k, k]
    padding: int                          # zero padding on every side

    @property
    def flops(self) -> int:
        """2 * multiply-adds of the convolution."""
        n, i, h, w = self.input
        o, _, kh, kw = self.weight
        return 2 * n * o * i * kh * kw * (h + 2 * self.padding - kh + 1) * (
            w + 2 * self.padding - kw + 1)


def _synthesis_of(G) -> SynthesisNetwork:
    return G.synthesis if isinstance(G, Generator) else G


def stylegan3_conv_shapes(G,              # Generator or SynthesisNetwork
                          batch: int = 1,  # images per forward
                          ) -> list[ConvShape]:
    """The generator's convolutions (one per layer, ToRGB included) in forward order: what a
    benchmark times with plain ``F.conv2d`` calls as the machine's limit for this network."""
    net = _synthesis_of(G)
    shapes = []
    for name in net.layer_names:
        layer = getattr(net, name)
        k = layer.conv_kernel
        shapes.append(ConvShape(name, (batch, layer.in_channels, layer.in_size, layer.in_size),
                                (layer.out_channels, layer.in_channels, k, k), k - 1))
    return shapes


def _layer_filter_macs(layer: SynthesisLayer) -> tuple[int, int]:
    """(multiply-adds of the layer's resampling filters, samples at the upsampled rate) per
    channel and image, at the rates they need: upsampling along width then height with the
    taps that meet real samples, downsampling computing only the kept samples."""
    conv_out = layer.in_size + layer.conv_kernel - 1
    x0, x1, y0, y1 = layer.padding
    u, ku, kd = layer.up_factor, layer.up_taps, layer.down_taps
    w_up = conv_out * u + x0 + x1 - ku + 1
    h_up = conv_out * u + y0 + y1 - ku + 1
    out = layer.out_size
    macs = 0.0
    if layer.up_filter is not None:
        per = ku / u                     # taps per output that meet real samples
        macs += conv_out * w_up * per + h_up * w_up * per        # width pass, height pass
    if layer.down_filter is not None:
        if layer.down_radial:
            macs += out * out * kd * kd                           # one 2-D pass
        else:
            macs += h_up * out * kd + out * out * kd              # width pass, height pass
    return int(round(macs)), h_up * w_up


def stylegan3_flops(G,              # Generator or SynthesisNetwork
                    batch: int = 1,  # images per forward
                    ) -> dict[str, int]:
    """FLOP (2 * multiply-adds; elementwise operations count 1) one synthesis forward needs:

    - ``conv``: the modulated convolutions (``stylegan3_conv_shapes``);
    - ``filter``: the resampling filters of the filtered leaky ReLUs, counted as polyphase /
      separable filtering at the needed rates: upsampling by u with a K-tap filter costs K / u
      taps per output sample (inserted zeros are not multiplied), each axis in turn;
      downsampling by d computes only every d-th sample (K taps each along width on the
      upsampled rows, then along height; a radial filter K^2 taps per output sample);
    - ``other``: the Fourier input (sines and channel mixing), modulation and demodulation of
      the weights, bias, and leaky ReLU + clamp at the upsampled rate;
    - ``total``: their sum. The mapping network is not included."""
    net = _synthesis_of(G)
    conv = sum(c.flops for c in stylegan3_conv_shapes(net, batch))
    inp = net.input
    other = batch * inp.size ** 2 * inp.channels * (2 * inp.channels + 4)
    filt = 0
    for name in net.layer_names:
        layer = getattr(net, name)
        macs, up_samples = _layer_filter_macs(layer)
        c = layer.out_channels
        filt += 2 * batch * c * macs
        weight = layer.weight.numel()
        conv_out = layer.in_size + layer.conv_kernel - 1
        other += batch * (4 * weight + c * conv_out ** 2 + 2 * c * up_samples)
    return {"conv": conv, "filter": filt, "other": other, "total": conv + filt + other}


_REQUIRED = ("z_dim", "c_dim", "w_dim", "img_resolution", "img_channels")
_MAPPING_KEYS = ("num_layers", "lr_multiplier", "w_avg_beta")
_SYNTHESIS_KEYS = ("channel_base", "channel_max", "num_layers", "num_critical", "first_cutoff",
                   "first_stopband", "last_stopband_rel", "margin_size", "output_scale",
                   "num_fp16_res", "conv_kernel", "filter_size", "lrelu_upsampling",
                   "use_radial_filters", "conv_clamp", "magnitude_ema_beta")


def _plain(value):
    """Numpy scalars (as some pickles hold) as Python numbers."""
    return value.item() if isinstance(value, np.generic) else value


def build_official_sg3(init_kwargs: dict) -> Generator:
    """A Generator from the keyword arguments recorded in an official StyleGAN3 pickle.

    Synthesis options may be flat (as the official Generator records them) or nested in a
    ``synthesis_kwargs`` dict; ``mapping_kwargs`` is a nested dict. Unknown or missing options
    raise ValueError naming them."""
    if not isinstance(init_kwargs, dict):
        raise ValueError(translate("nets", "StyleGAN3 init kwargs must be a dict,"
                                           " got {0}").format(type(init_kwargs).__name__))
    kw = dict(init_kwargs)
    nested = kw.pop("synthesis_kwargs", None) or {}
    both = sorted(set(nested) & set(kw))
    if both:
        raise ValueError(translate("nets", "StyleGAN3 options given twice (flat "
                                           "and in synthesis_kwargs): {0}").format(both))
    kw.update(nested)
    mapping = {k: _plain(v) for k, v in dict(kw.pop("mapping_kwargs", None) or {}).items()}
    missing = [k for k in _REQUIRED if k not in kw]
    if missing:
        raise ValueError(translate("nets", "StyleGAN3 init kwargs lack {0}").format(missing))
    unknown = sorted(set(kw) - set(_REQUIRED) - set(_SYNTHESIS_KEYS))
    unknown += sorted(f"mapping_kwargs.{k}" for k in set(mapping) - set(_MAPPING_KEYS))
    if unknown:
        raise ValueError(translate("nets", "unknown StyleGAN3 generator "
                                           "option(s): {0}").format(', '.join(unknown)))
    kw = {k: _plain(v) for k, v in kw.items()}
    for key in _REQUIRED:
        if not isinstance(kw[key], int) or isinstance(kw[key], bool) or kw[key] < 0:
            raise ValueError(translate("nets", "StyleGAN3 option {0} must be a "
                                               "non-negative integer, got {1!r}").format(key, kw[key]))
    return Generator(mapping_kwargs=mapping, **kw)
