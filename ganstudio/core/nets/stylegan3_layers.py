"""Building blocks of the alias-free (StyleGAN3) generator (Karras et al. 2021).

Parameter and buffer names follow the official ``networks_stylegan3.py`` layout so that
official state dicts load with ``strict=True``:
- MappingNetwork: ``embed`` (when c_dim > 0), ``fc0`` .. ``fc{n-1}``, buffer ``w_avg``;
- SynthesisInput: ``weight``, ``affine``, buffers ``transform``, ``freqs``, ``phases``;
- SynthesisLayer: ``affine``, ``weight``, ``bias``, buffers ``magnitude_ema``, ``up_filter``
  and ``down_filter`` (the filters are None, hence absent from the state dict, when a layer
  does not resample).
"""
from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .layers import EqualLinear, check_shape
from .stylegan3_filters import design_lowpass_filter
from .stylegan3_ops import filtered_lrelu, modulated_conv2d
from .stylegan_layers import MappingNetwork as StyleGAN2Mapping
from .stylegan_layers import MixedPrecision


class MappingNetwork(StyleGAN2Mapping):
    """StyleGAN2's mapping network (z [N, z_dim] + labels c -> ws [N, num_ws, w_dim], w_avg,
    truncation) with StyleGAN3's defaults and its official call signature; an unconditional
    network refuses labels instead of ignoring them."""

    def __init__(self, z_dim: int, c_dim: int, w_dim: int, num_ws: int,
                 num_layers: int = 2,          # depth of the MLP
                 lr_multiplier: float = 0.01,  # learning-rate multiplier of the MLP
                 w_avg_beta: float = 0.998,    # EMA decay of w_avg
                 ):
        super().__init__(z_dim, w_dim, num_ws, num_layers=num_layers, lr_mul=lr_multiplier,
                         w_avg_beta=w_avg_beta, c_dim=c_dim)

    def forward(self,
                z: torch.Tensor,                       # [N, z_dim]
                c: torch.Tensor | None = None,         # [N, c_dim] labels; None = class 0
                truncation_psi: float = 1,             # 1 = none, 0 = every row is w_avg
                truncation_cutoff: int | None = None,  # truncate rows [:cutoff]; None = all
                update_emas: bool = False,             # EMA-update w_avg (training)
                *,
                psi: float | None = None,              # the app's spelling of truncation_psi
                cutoff: int | None = None,             # the app's spelling of truncation_cutoff
                ) -> torch.Tensor:                     # ws [N, num_ws, w_dim]
        if self.c_dim == 0 and c is not None and c.numel() > 0:
            raise ValueError("this generator is unconditional (c_dim = 0): pass no labels")
        return super().forward(z.to(torch.float32), c,
                               psi=truncation_psi if psi is None else psi,
                               cutoff=truncation_cutoff if cutoff is None else cutoff,
                               update_w_avg=update_emas)


class SynthesisInput(nn.Module):
    """Fourier features: sin(2 pi (f . x + phase)) for ``channels`` fixed random frequencies
    inside a disc of radius ``bandwidth``, sampled on a ``size`` x ``size`` grid at
    ``sampling_rate`` samples per unit, then mixed by a learned channels x channels matrix.

    The features are rotated and translated by a transform predicted from w (``affine``),
    then by the user's ``transform`` buffer (a 3x3 inverse transform of the image: translating
    it by t shows the image content moved by -t). Frequencies pushed out of band by that
    transform are faded out."""

    def __init__(self, w_dim: int, channels: int, size: int, sampling_rate: float,
                 bandwidth: float):
        super().__init__()
        self.w_dim, self.channels, self.size = w_dim, channels, int(size)
        self.sampling_rate, self.bandwidth = float(sampling_rate), float(bandwidth)
        freqs = torch.randn(channels, 2)
        radii = freqs.square().sum(dim=1, keepdim=True).sqrt()
        freqs = freqs / (radii * radii.square().exp().pow(0.25)) * bandwidth
        self.weight = nn.Parameter(torch.randn(channels, channels))
        self.affine = EqualLinear(w_dim, 4)
        with torch.no_grad():  # starts as the identity transform: (cos, sin, tx, ty) = (1, 0, 0, 0)
            self.affine.weight.zero_()
            self.affine.bias.copy_(torch.tensor([1.0, 0.0, 0.0, 0.0]))
        self.register_buffer("transform", torch.eye(3))
        self.register_buffer("freqs", freqs)
        self.register_buffer("phases", torch.rand(channels) - 0.5)

    def transforms(self, w: torch.Tensor) -> torch.Tensor:
        """[N, 3, 3]: rotation and translation predicted from w, then the user transform."""
        t = self.affine(w)  # [N, 4] = (cos, sin, tx, ty), up to scale
        t = t / t[:, :2].norm(dim=1, keepdim=True)
        n = w.shape[0]
        rot = torch.eye(3, device=w.device).repeat(n, 1, 1)
        rot[:, 0, 0], rot[:, 0, 1], rot[:, 1, 0], rot[:, 1, 1] = t[:, 0], -t[:, 1], t[:, 1], t[:, 0]
        shift = torch.eye(3, device=w.device).repeat(n, 1, 1)
        shift[:, 0, 2], shift[:, 1, 2] = -t[:, 2], -t[:, 3]
        return rot @ shift @ self.transform.unsqueeze(0)

    def forward(self, w: torch.Tensor) -> torch.Tensor:  # [N, w_dim] -> [N, C, size, size]
        m = self.transforms(w)
        phases = self.phases.unsqueeze(0) + (self.freqs.unsqueeze(0) @ m[:, :2, 2:]).squeeze(2)
        freqs = self.freqs.unsqueeze(0) @ m[:, :2, :2]  # [N, C, 2] as (fx, fy)
        amplitudes = (1 - (freqs.norm(dim=2) - self.bandwidth)
                      / (self.sampling_rate / 2 - self.bandwidth)).clamp(0, 1)  # [N, C]
        coords = (torch.arange(self.size, device=w.device, dtype=torch.float32)
                  + 0.5 - self.size / 2) / self.sampling_rate  # pixel centres
        fx = freqs[:, None, None, :, 0] * coords.reshape(1, 1, -1, 1)  # [N, 1, W, C]
        fy = freqs[:, None, None, :, 1] * coords.reshape(1, -1, 1, 1)  # [N, H, 1, C]
        x = torch.sin((fx + fy + phases[:, None, None, :]) * (2 * math.pi))  # [N, H, W, C]
        # amplitudes and the channel mixing as one per-sample matrix [N, C, O]
        mix = amplitudes.unsqueeze(2) * (self.weight.t() / math.sqrt(self.channels))
        n = w.shape[0]
        x = torch.bmm(x.reshape(n, -1, self.channels), mix)  # [N, H * W, O]
        x = x.reshape(n, self.size, self.size, -1).permute(0, 3, 1, 2)  # channels-last NCHW
        return x if x.device.type == "cpu" else x.contiguous()

    def extra_repr(self) -> str:
        return (f"w_dim={self.w_dim}, channels={self.channels}, size={self.size}, "
                f"sampling_rate={self.sampling_rate:g}, bandwidth={self.bandwidth:g}")


class SynthesisLayer(MixedPrecision, nn.Module):
    """One alias-free layer: modulated conv, then filtered leaky ReLU (bias, upsample to the
    temporary rate with ``up_filter``, lrelu * sqrt(2), clamp, low-pass with ``down_filter``
    and downsample to the output rate). The final ToRGB layer is a 1x1 modulated conv without
    demodulation and a linear activation.

    ``magnitude_ema`` tracks the mean square of the layer's input during training; its inverse
    square root is the input gain of the convolution."""

    def __init__(self, w_dim: int, is_torgb: bool, is_critically_sampled: bool,
                 in_channels: int, out_channels: int, in_size: int, out_size: int,
                 in_sampling_rate: int, out_sampling_rate: int, in_cutoff: float,
                 out_cutoff: float, in_half_width: float, out_half_width: float,
                 conv_kernel: int = 3,             # conv size (the ToRGB layer uses 1)
                 filter_size: int = 6,             # filter taps per sample at the lower rate
                 lrelu_upsampling: int = 2,        # rate of the nonlinearity / max(in, out) rate
                 use_radial_filters: bool = False, # radially symmetric downsampling filter
                 conv_clamp: float | None = 256,   # clamp activations to +-X; None = no clamp
                 magnitude_ema_beta: float = 0.999,  # EMA decay of the input magnitude
                 ):
        super().__init__()
        self.w_dim, self.is_torgb = w_dim, is_torgb
        self.is_critically_sampled = is_critically_sampled
        self.in_channels, self.out_channels = in_channels, out_channels
        self.in_size, self.out_size = int(in_size), int(out_size)
        self.in_sampling_rate, self.out_sampling_rate = in_sampling_rate, out_sampling_rate
        self.tmp_sampling_rate = max(in_sampling_rate, out_sampling_rate) * (
            1 if is_torgb else lrelu_upsampling)
        self.in_cutoff, self.out_cutoff = in_cutoff, out_cutoff
        self.in_half_width, self.out_half_width = in_half_width, out_half_width
        self.conv_kernel = 1 if is_torgb else conv_kernel
        self.conv_clamp = conv_clamp
        self.magnitude_ema_beta = magnitude_ema_beta

        self.affine = EqualLinear(w_dim, in_channels, bias_init=1.0)
        k = self.conv_kernel
        self.weight = nn.Parameter(torch.randn(out_channels, in_channels, k, k))
        self.bias = nn.Parameter(torch.zeros(out_channels))
        self.register_buffer("magnitude_ema", torch.ones([]))

        self.up_factor = self._rate_ratio(self.tmp_sampling_rate, in_sampling_rate)
        self.up_taps = filter_size * self.up_factor if self.up_factor > 1 and not is_torgb else 1
        self.register_buffer("up_filter", design_lowpass_filter(
            self.up_taps, in_cutoff, in_half_width * 2, self.tmp_sampling_rate))
        self.down_factor = self._rate_ratio(self.tmp_sampling_rate, out_sampling_rate)
        self.down_taps = (filter_size * self.down_factor
                          if self.down_factor > 1 and not is_torgb else 1)
        self.down_radial = use_radial_filters and not is_critically_sampled
        self.register_buffer("down_filter", design_lowpass_filter(
            self.down_taps, out_cutoff, out_half_width * 2, self.tmp_sampling_rate,
            radial=self.down_radial))
        self.padding = self._padding()

    @staticmethod
    def _rate_ratio(high: float, low: float) -> int:
        ratio = int(np.rint(high / low))
        if low * ratio != high:
            raise ValueError(f"sampling rate {high:g} is not an integer multiple of {low:g}")
        return ratio

    def _padding(self) -> tuple[int, int, int, int]:
        """(x0, x1, y0, y1) padding of the upsampled image so that the output has out_size
        samples whose positions are centred like the input's (symmetric sample grid)."""
        wanted = (self.out_size - 1) * self.down_factor + 1        # before downsampling
        have = (self.in_size + self.conv_kernel - 1) * self.up_factor  # after upsampling
        total = wanted - have + self.up_taps + self.down_taps - 2  # filters shrink the image
        lo = (total + self.up_factor) // 2
        return (lo, total - lo, lo, total - lo)

    def forward(self, x: torch.Tensor, w: torch.Tensor, update_emas: bool = False,
                force_fp32: bool = False,   # this layer in float32 even where it uses float16
                ) -> torch.Tensor:  # [N, in, in_size, in_size] -> [N, out, out_size, out_size]
        check_shape(x, (None, self.in_channels, self.in_size, self.in_size), "layer input")
        if update_emas:
            current = x.detach().to(torch.float32).square().mean()
            self.magnitude_ema.copy_(current.lerp(self.magnitude_ema, self.magnitude_ema_beta))
        styles = self.affine(w)  # [N, in]
        if self.is_torgb:
            styles = styles / math.sqrt(self.in_channels * self.conv_kernel ** 2)
        if not force_fp32 and self.compute_dtype(x.device) == torch.float16:
            return self._forward_half(x, styles)
        if x.dtype == torch.float16:   # after a float16 layer
            x = x.to(styles.dtype)
        x = modulated_conv2d(x, self.weight, styles, demodulate=not self.is_torgb,
                             padding=self.conv_kernel - 1,
                             input_gain=self.magnitude_ema.rsqrt(), bias=self.bias)
        return filtered_lrelu(x, self.up_filter, self.down_filter, None,
                              up=self.up_factor, down=self.down_factor, padding=self.padding,
                              gain=1 if self.is_torgb else math.sqrt(2),
                              slope=1 if self.is_torgb else 0.2, clamp=self.conv_clamp)

    def _forward_half(self, x: torch.Tensor, styles: torch.Tensor) -> torch.Tensor:
        """The layer in float16, the way NVIDIA's mixed-precision StyleGAN3 runs it: the
        per-sample weights are made in float32 (a demodulated layer's weight and styles first
        divided by their root mean squares, which demodulation undoes, so that float16 stays
        in range), cast, and convolved with the float16 input; the bias is cast to float16;
        the filtered leaky ReLU and its clamp at conv_clamp work in float32 on float16 values
        (as the CUDA kernel does) and the result is stored in float16."""
        half = torch.float16
        n, i = styles.shape
        weight = self.weight
        demodulate = not self.is_torgb
        if demodulate:
            weight = weight * weight.square().mean(dim=[1, 2, 3], keepdim=True).rsqrt()
            styles = styles * styles.square().mean().rsqrt()
        w = weight.unsqueeze(0) * styles.reshape(n, 1, i, 1, 1)          # [N, O, I, k, k]
        if demodulate:
            w = w * (w.square().sum(dim=[2, 3, 4], keepdim=True) + 1e-8).rsqrt()
        w = w * self.magnitude_ema.rsqrt()
        o, k = w.shape[1], w.shape[-1]
        x = x.to(half).contiguous().reshape(1, n * i, *x.shape[2:])
        x = F.conv2d(x, w.reshape(n * o, i, k, k).to(half), padding=self.conv_kernel - 1, groups=n)
        x = x.reshape(n, o, *x.shape[2:])
        x = x.float() + self.bias.to(half).float().reshape(1, o, 1, 1)
        x = filtered_lrelu(x, self.up_filter, self.down_filter, None,
                           up=self.up_factor, down=self.down_factor, padding=self.padding,
                           gain=1 if self.is_torgb else math.sqrt(2),
                           slope=1 if self.is_torgb else 0.2, clamp=self.conv_clamp)
        return x.to(half)

    def extra_repr(self) -> str:
        return (f"{self.in_channels}, {self.out_channels}, size {self.in_size}->{self.out_size}, "
                f"rate {self.in_sampling_rate:g}->{self.out_sampling_rate:g} "
                f"(x{self.up_factor}, /{self.down_factor}), cutoff {self.out_cutoff:g}, "
                f"torgb={self.is_torgb}")
