"""Layers shared by the network families.

- equalised learning rate layers (``EqualLinear``, ``EqualConv2d``): weights are stored with
  unit variance and scaled at run time by ``weight_gain`` (He constant), as in StyleGAN;
- FIR resampling with the [1, 3, 3, 1] filter (``blur``, ``upsample2d``), padded exactly like
  the official StyleGAN2 ``upfirdn2d`` so that official weights behave the same here;
- ``MinibatchStd`` (the discriminator's batch-statistics feature);
- ``pack_samples`` (PacGAN) and ``apply_spectral_norm`` (spectral normalisation for any D).
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parametrizations

LRELU_SLOPE = 0.2
LRELU_GAIN = math.sqrt(2.0)  # keeps activation variance ~1 after leaky ReLU (official def_gain)


def lrelu(x: torch.Tensor, gain: float = 1.0) -> torch.Tensor:
    """Leaky ReLU (slope 0.2) times sqrt(2) * gain, as the official ``bias_act('lrelu')``."""
    return F.leaky_relu(x, LRELU_SLOPE) * (LRELU_GAIN * gain)


# --- resampling filters ----------------------------------------------------------------------

def resample_kernel(taps=(1.0, 3.0, 3.0, 1.0)) -> torch.Tensor:
    """The separable FIR filter as a normalised 2-D kernel [k, k] (sums to 1)."""
    f = torch.tensor(taps, dtype=torch.float32)
    k = f[:, None] * f[None, :]
    return k / k.sum()


def blur(x: torch.Tensor, kernel: torch.Tensor, pad: tuple[int, int], gain: float = 1.0,
         down: int = 1, bias: torch.Tensor | None = None) -> torch.Tensor:
    """Depthwise FIR filter of x [N,C,H,W]: pad (before, after) on both axes, filter, keep every
    ``down``-th pixel, add ``bias`` [C] if given (free: the filter's own bias). The kernel is
    symmetric, so correlation equals convolution.

    Under the CPU's bf16 autocast the filter runs in float32: oneDNN's bf16 depthwise
    convolutions are several times slower than float32 ones (their backward most of all)."""
    if x.device.type == "cpu" and torch.is_autocast_enabled("cpu"):
        with torch.autocast("cpu", enabled=False):
            return blur(x.float(), kernel, pad, gain, down, None if bias is None else bias.float())
    c = x.shape[1]
    k = (kernel if gain == 1 else kernel * gain).to(x.dtype).expand(c, 1, *kernel.shape)
    if x.is_contiguous(memory_format=torch.channels_last) and not x.is_contiguous():
        # a real channels-last kernel: an expanded one sends oneDNN down a path several
        # times slower, with layout copies of the whole image around it
        k = k.contiguous(memory_format=torch.channels_last)
    if pad[0] == pad[1]:  # the convolution pads by itself: no padded copy of x
        return F.conv2d(x, k, bias, stride=down, padding=pad[0], groups=c)
    x = F.pad(x, (pad[0], pad[1], pad[0], pad[1]))
    return F.conv2d(x, k, bias, stride=down, groups=c)


def upsample2d(x: torch.Tensor, kernel: torch.Tensor | None = None) -> torch.Tensor:
    """2x FIR upsampling [N,C,H,W] -> [N,C,2H,2W] (zero insertion, pad (2, 1), filter * 4).

    kernel None: the standard [1, 3, 3, 1] filter (``resample_kernel()``), with which this
    is bilinear 2x interpolation of x padded with zeros (every new pixel is 3/4 and 1/4 of its
    two nearest neighbours on each axis; equal up to float rounding), computed as such: much
    faster on a CPU than the transposed convolution for a few channels (images).
    Any other kernel: one depthwise transposed convolution, the operation in general form."""
    if kernel is None:
        y = F.interpolate(F.pad(x, (1, 1, 1, 1)), scale_factor=2, mode="bilinear", align_corners=False)
        return y[:, :, 2:-2, 2:-2]
    c = x.shape[1]
    k = (kernel * 4.0).to(x.dtype).expand(c, 1, *kernel.shape)
    return F.conv_transpose2d(x, k, stride=2, padding=1, groups=c)


# --- equalised learning rate layers -----------------------------------------------------------

class EqualLinear(nn.Module):
    """Fully connected layer with equalised learning rate (official ``FullyConnectedLayer``).

    Stored weight ~ N(0, 1/lr_mul^2); used weight = weight * lr_mul / sqrt(in_features).
    """

    def __init__(self, in_features: int, out_features: int, *, bias: bool = True,
                 bias_init: float = 0.0, lr_mul: float = 1.0, activation: str = "linear"):
        super().__init__()
        if activation not in ("linear", "lrelu"):
            raise ValueError(f"unknown activation {activation!r}")
        self.activation = activation
        self.weight = nn.Parameter(torch.randn(out_features, in_features) / lr_mul)
        self.bias = nn.Parameter(torch.full([out_features], float(bias_init))) if bias else None
        self.weight_gain = lr_mul / math.sqrt(in_features)
        self.bias_gain = lr_mul

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # [N, in] -> [N, out]
        # 2-D input (every caller): the gains scale the product inside the matrix multiply
        # (alpha, beta) instead of making a scaled copy of the [out, in] weight per call
        if x.ndim != 2:
            b = None if self.bias is None else self.bias * self.bias_gain
            x = F.linear(x, self.weight * self.weight_gain, b)
        elif self.bias is None:
            x = torch.mm(x, self.weight.t()) * self.weight_gain
        else:
            x = torch.addmm(self.bias, x, self.weight.t(), beta=self.bias_gain, alpha=self.weight_gain)
        return lrelu(x) if self.activation == "lrelu" else x

    def extra_repr(self) -> str:
        out_f, in_f = self.weight.shape
        return f"in={in_f}, out={out_f}, activation={self.activation}"


class EqualConv2d(nn.Module):
    """Conv layer with equalised learning rate (official ``Conv2dLayer``), optional 2x FIR
    downsampling (blur, then strided conv) and a leaky-ReLU or linear output.
    ``forward(x, gain)`` multiplies the output by ``gain`` (used for resnet branches)."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, *,
                 bias: bool = True, activation: str = "linear", down: int = 1):
        super().__init__()
        if activation not in ("linear", "lrelu") or down not in (1, 2):
            raise ValueError(f"unsupported activation {activation!r} / down {down}")
        self.activation = activation
        self.down = down
        self.padding = kernel_size // 2
        self.weight = nn.Parameter(torch.randn(out_channels, in_channels, kernel_size, kernel_size))
        self.bias = nn.Parameter(torch.zeros(out_channels)) if bias else None
        self.weight_gain = 1.0 / math.sqrt(in_channels * kernel_size * kernel_size)
        if down > 1:
            self.register_buffer("resample_filter", resample_kernel(), persistent=False)

    def forward(self, x: torch.Tensor, gain: float = 1.0) -> torch.Tensor:
        w = self.weight * self.weight_gain
        if self.down == 1:
            x = F.conv2d(x, w, self.bias, padding=self.padding)  # [N,out,H,W]
        elif w.shape[-1] == 1:
            x = blur(x, self.resample_filter, (1, 1), down=2)  # [N,in,H/2,W/2]
            x = F.conv2d(x, w, self.bias)
        else:
            x = blur(x, self.resample_filter, (self.padding + 1,) * 2)  # [N,in,H+1,W+1]
            x = F.conv2d(x, w, self.bias, stride=2)  # [N,out,H/2,W/2]
        return lrelu(x, gain) if self.activation == "lrelu" else x * gain

    def extra_repr(self) -> str:
        o, i, k, _ = self.weight.shape
        return f"{i}, {o}, kernel={k}, down={self.down}, activation={self.activation}"


# --- discriminator helpers ----------------------------------------------------------------------

class MinibatchStd(nn.Module):
    """Appends the mean standard deviation over groups of samples as extra feature maps.

    Groups hold ``min(group_size, N)`` samples, reduced to the largest size dividing N (the
    official layer requires N to be divisible); samples i, i+N/G, ... form one group."""

    def __init__(self, group_size: int = 4, num_channels: int = 1):
        super().__init__()
        self.group_size = group_size
        self.num_channels = num_channels

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # [N,C,H,W] -> [N,C+F,H,W]
        n, c, h, w = x.shape
        g = next(s for s in range(min(self.group_size, n), 0, -1) if n % s == 0)
        f = self.num_channels
        y = x.reshape(g, -1, f, c // f, h, w)  # [G, N/G, F, c, H, W]
        y = (y - y.mean(dim=0)).square().mean(dim=0)  # variance over the group
        y = (y + 1e-8).sqrt().mean(dim=[2, 3, 4])  # [N/G, F]
        y = y.reshape(-1, f, 1, 1).repeat(g, 1, h, w)  # [N, F, H, W]
        return torch.cat([x, y], dim=1)

    def extra_repr(self) -> str:
        return f"group_size={self.group_size}, num_channels={self.num_channels}"


def pack_samples(x: torch.Tensor, pack: int) -> torch.Tensor:
    """PacGAN packing: [N*pack, C, ...] -> [N, pack*C, ...] (consecutive samples side by side
    along channels / features)."""
    if pack == 1:
        return x
    if x.shape[0] % pack:
        raise ValueError(f"a batch of {x.shape[0]} samples cannot be packed in groups of {pack}")
    return x.reshape(x.shape[0] // pack, pack * x.shape[1], *x.shape[2:])


SPECTRAL_NORM_TYPES = (nn.Linear, nn.Conv2d, EqualLinear, EqualConv2d)


def apply_spectral_norm(module: nn.Module) -> nn.Module:
    """Spectrally normalise the weight of every linear / conv layer inside ``module``.

    Equalised-lr layers get ``weight_gain = 1`` so the normalised weight is used as is."""
    layers = [m for m in module.modules() if isinstance(m, SPECTRAL_NORM_TYPES)]
    for layer in layers:
        parametrizations.spectral_norm(layer)
        if hasattr(layer, "weight_gain"):
            layer.weight_gain = 1.0
    return module


def check_shape(x: torch.Tensor, expected: tuple, what: str) -> None:
    """Raise ValueError unless x has shape ``expected`` (None entries match any size)."""
    ok = x.ndim == len(expected) and all(e is None or e == s for e, s in zip(expected, x.shape))
    if not ok:
        want = "[" + ", ".join("N" if e is None else str(e) for e in expected) + "]"
        raise ValueError(f"{what} must have shape {want}, got {list(x.shape)}")
