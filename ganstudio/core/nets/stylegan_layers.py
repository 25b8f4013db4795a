"""Building blocks of the StyleGAN2 generator (official ``networks_stylegan2.py`` structure).

Parameter and buffer names follow the official layout (``fc0``, ``w_avg``, ``const``,
``conv0``/``conv1``/``torgb``, ``affine``, ``weight``, ``bias``, ``noise_strength``,
``noise_const``) so that official weights can be mapped onto these modules.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from . import stylegan3_native as native
from .layers import LRELU_GAIN, LRELU_SLOPE, EqualLinear, blur, resample_kernel, upsample2d

NOISE_MODES = ("const", "random", "none")


def normalize_2nd_moment(x: torch.Tensor, eps: float = 1e-8) -> torch.Tensor:
    """Scale each row of x [N, D] to unit mean square."""
    return x * (x.square().mean(dim=1, keepdim=True) + eps).rsqrt()


def class_labels(c: torch.Tensor | None, c_dim: int, n: int, device) -> torch.Tensor:
    """The labels [n, c_dim] a conditional mapping network embeds: ``c`` checked and as float32,
    or class 0 (one-hot) for every sample when ``c`` is None. Shared by the StyleGAN2 and
    StyleGAN3 mapping networks, so that "no class given" means the same in both."""
    if c is None:
        c = torch.zeros(n, c_dim, device=device)
        c[:, 0] = 1
        return c
    if c.ndim != 2 or c.shape[0] != n or c.shape[1] != c_dim:
        raise ValueError(f"c must have shape [{n}, {c_dim}], got {list(c.shape)}")
    return c.to(device=device, dtype=torch.float32)


def clamp(x: torch.Tensor, limit: float | None, inplace: bool = False) -> torch.Tensor:
    """x clamped to [-limit, limit] (in place if asked); unchanged when limit is None."""
    if limit is None:
        return x
    return x.clamp_(-limit, limit) if inplace else x.clamp(-limit, limit)


def demodulation(weight: torch.Tensor,               # [O, I, k, k]
                 styles: torch.Tensor,               # [N, I]
                 energy: torch.Tensor | None = None,  # weight's squares summed over the
                                                     # kernel [O, I], if kept; None = computed
                 ) -> torch.Tensor:                  # [N, O]
    """1 / the norm of every sample's modulated filter weight[o] * styles[n] (the weight
    demodulation of StyleGAN2 and StyleGAN3), as one matrix product of squares: no per-sample
    weight is built."""
    if energy is None:
        energy = weight.square().sum(dim=[2, 3])
    return (styles.square() @ energy.t() + 1e-8).rsqrt()


def per_sample_weights(weight: torch.Tensor, styles: torch.Tensor, demodulate: bool = True,
                       gain: float = 1.0) -> torch.Tensor:
    """weight [O,I,k,k] scaled by styles [N,I] per sample (and demodulated), times gain:
    [N,O,I,k,k]. Demodulation sums each filter's I*k*k squares: one contiguous reduction."""
    n, i = styles.shape
    o = weight.shape[0]
    if not demodulate and gain != 1:
        styles = styles * gain  # [N, I]: cheaper than scaling the weights
    w = weight.unsqueeze(0) * styles.reshape(n, 1, i, 1, 1)
    if demodulate:
        d = (w.square().sum(dim=[2, 3, 4]) + 1e-8).rsqrt()  # [N, O]
        w = w * (d if gain == 1 else d * gain).reshape(n, o, 1, 1, 1)
    return w


def conv1x1(x: torch.Tensor, w: torch.Tensor, bias: torch.Tensor | None = None) -> torch.Tensor:
    """Per-sample 1x1 convolution as one batched matrix product: x [N,I,H,W], w [N,O,I],
    bias [O] -> [N,O,H,W], in x's memory layout (channels-last input: no copy)."""
    n, i, h, w_ = x.shape
    o = w.shape[1]
    if not x.is_contiguous() and x.is_contiguous(memory_format=torch.channels_last):
        xl = x.permute(0, 2, 3, 1).reshape(n, h * w_, i)  # a view: [N, HW, I]
        wt = w.transpose(1, 2)
        y = torch.bmm(xl, wt) if bias is None else torch.baddbmm(bias.reshape(1, 1, o), xl, wt)
        return y.reshape(n, h, w_, o).permute(0, 3, 1, 2)
    xl = x.reshape(n, i, h * w_)
    y = torch.bmm(w, xl) if bias is None else torch.baddbmm(bias.reshape(1, o, 1), w, xl)
    return y.reshape(n, o, h, w_)


def fused_is_cheaper(x: torch.Tensor, weight: torch.Tensor, up: bool) -> bool:
    """Whether per-sample weights beat scaling the activations around one shared conv.

    Building them reads and writes the weights three or four times per sample; the shared
    conv scales its input and output once each. Measured on a 2-core CPU, per-sample weights
    win only when they are much smaller than the activations (big images, few channels:
    an official 1024x1024 model's fine layers), so: weights < 1/10 of the activations."""
    n, i, h, w_ = x.shape
    o, _, k, _ = weight.shape
    out = 4 * h * w_ if up else h * w_
    return 10 * o * i * k * k < i * h * w_ + o * out


class RenderWeights:
    """What rendering on a CPU wants of a conv weight [O, I, k, k], made once and kept until
    the parameter changes (rendering calls a layer many times with the same weights):
    the weight channels-last (oneDNN's convolutions otherwise convert it on every call, and
    a transposed view makes them write their output in the slow layout and copy it), the
    transposed weight [I, O, k, k] for an upsampling conv, and the squares summed over the
    kernel [O, I] for demodulation."""

    def __init__(self):
        self._key = None
        self.weight = self.transposed = self.energy = None

    def of(self, weight: torch.Tensor, up: bool) -> "RenderWeights":
        key = (weight.data_ptr(), weight._version, weight.dtype, weight.device, up)
        if key != self._key:
            cl = torch.channels_last
            with torch.no_grad():
                self.weight = weight.detach().contiguous(memory_format=cl)
                self.transposed = (weight.detach().transpose(0, 1).contiguous(memory_format=cl)
                                   if up else None)
                self.energy = weight.detach().square().sum(dim=[2, 3])  # [O, I]
            self._key = key
        return self


def modulated_conv2d(x: torch.Tensor,                    # [N, I, H, W]
                     weight: torch.Tensor,               # [O, I, k, k]
                     styles: torch.Tensor,               # [N, I] per-sample input scales
                     *,
                     demodulate: bool = True,            # normalise every output to unit gain
                     up: bool = False,                   # stride-2 transposed conv (the caller blurs)
                     fused: bool | None = True,          # grouped conv over per-sample weights;
                                                         # None = the cheaper way (see below)
                     gain: float = 1.0,                  # multiplies the output
                     bias: torch.Tensor | None = None,   # [O] added to the output (not with up)
                     cache: RenderWeights | None = None,  # the layer's weights for rendering
                     ) -> torch.Tensor:                  # [N, O, H, W]; up: [N, O, 2H+1, 2W+1]
    """Convolution whose weight is scaled per sample by ``styles`` (and demodulated).

    fused=True: one grouped conv over per-sample weights (groups=N); gain and bias ride along
    in the weights and the conv's own bias, so the output is written once.
    fused=False: scale the activations instead and run one shared conv, then scale and bias
    the output in one pass (the official non-fused path). Both give the same result.
    fused=None: with autograd, fused for N = 1 and shared for batches.
    A 1x1 kernel is always a batched matrix product over per-sample weights (they are small).
    Rendering on a CPU (no autograd) goes to :func:`_render_modconv`, whatever ``fused`` says."""
    n, i, h, w_ = x.shape
    o, _, k, _ = weight.shape
    if up and bias is not None:
        raise ValueError("an upsampling modulated conv takes no bias: add it after the blur")
    if k == 1 and not up:
        return conv1x1(x, per_sample_weights(weight, styles, demodulate, gain).reshape(n, o, i), bias)
    if x.device.type == "cpu" and not torch.is_grad_enabled():
        rw = (cache or RenderWeights()).of(weight, up)
        return _render_modconv(x, rw, styles, demodulate=demodulate, up=up, gain=gain, bias=bias)
    if fused is None:
        fused = n == 1
    if fused:
        w = per_sample_weights(weight, styles, demodulate, gain)  # [N,O,I,k,k]
        x = x.reshape(1, n * i, h, w_)
        if up:
            w = w.transpose(1, 2).reshape(n * i, o, k, k)
            x = F.conv_transpose2d(x, w, stride=2, groups=n)  # [1, N*O, 2H+1, 2W+1]
        else:
            b = bias if bias is None or n == 1 else bias.repeat(n)
            x = F.conv2d(x, w.reshape(n * o, i, k, k), b, padding=k // 2, groups=n)
        return x.reshape(n, o, *x.shape[2:])
    if not demodulate and gain != 1:
        styles, gain = styles * gain, 1.0
    x = x * styles.reshape(n, i, 1, 1)
    if up:
        x = F.conv_transpose2d(x, weight.transpose(0, 1), stride=2)
    else:
        x = F.conv2d(x, weight, padding=k // 2)
    if demodulate:
        scale = demodulation(weight, styles)  # [N, O]
        scale = (scale if gain == 1 else scale * gain).reshape(n, o, 1, 1)
        return x * scale if bias is None else torch.addcmul(bias.reshape(1, o, 1, 1), x, scale)
    return x if bias is None else x + bias.reshape(1, o, 1, 1)


def _render_modconv(x: torch.Tensor, rw: RenderWeights, styles: torch.Tensor, *,
                    demodulate: bool, up: bool, gain: float,
                    bias: torch.Tensor | None) -> torch.Tensor:
    """modulated_conv2d when rendering on a CPU: everything channels-last, the output written
    in place. One image whose per-sample weights are much smaller than its activations (the
    fine layers of a big model) convolves with them directly; anything else scales the
    activations around the shared weight (a batch then runs as one dense conv, not a
    grouped one)."""
    n, i = styles.shape
    o, _, k, _ = rw.weight.shape
    x = x.contiguous(memory_format=torch.channels_last)
    scale = (demodulation(rw.weight, styles, rw.energy) if demodulate
             else styles.new_ones(n, o))  # [N, O]
    if gain != 1:
        scale = scale * gain
    if n == 1 and fused_is_cheaper(x, rw.weight, up):
        if up:  # [I, O, k, k] * styles over I * scale over O
            w = rw.transposed * styles.reshape(i, 1, 1, 1) * scale.reshape(1, o, 1, 1)
            return F.conv_transpose2d(x, w, stride=2)
        w = rw.weight * styles.reshape(1, i, 1, 1) * scale.reshape(o, 1, 1, 1)
        return F.conv2d(x, w, bias, padding=k // 2)
    x = x * styles.reshape(n, i, 1, 1)
    x = (F.conv_transpose2d(x, rw.transposed, stride=2) if up
         else F.conv2d(x, rw.weight, padding=k // 2))
    scale = scale.reshape(n, o, 1, 1)
    return x.mul_(scale) if bias is None else torch.addcmul(bias.reshape(1, o, 1, 1), x, scale, out=x)


def half_modulated_conv2d(x: torch.Tensor,                # [N, I, H, W] float16
                          weight: torch.Tensor,           # [O, I, k, k] float32
                          styles: torch.Tensor,           # [N, I] float32
                          *,
                          demodulate: bool = True,
                          up: bool = False,
                          gain: float = 1.0,
                          bias: torch.Tensor | None = None,
                          ) -> torch.Tensor:              # float16, as modulated_conv2d
    """modulated_conv2d for a block that computes in float16, the way NVIDIA's
    mixed-precision StyleGAN2 generator does it: before demodulating, the weight is scaled by
    1 / (sqrt(I k k) * its largest magnitude per output) and the styles by 1 / their largest
    magnitude (demodulation undoes any such scale; it keeps float16 products in range). The
    per-sample weights and demodulation factors are made in float32 and cast; convolutions,
    activations and bias run in float16. One image convolves with per-sample weights (the
    official "fused" path); a batch scales the activations around one shared conv."""
    n, i = styles.shape
    o, _, k, _ = weight.shape
    half = x.dtype
    if demodulate:
        weight = weight * (1 / math.sqrt(i * k * k) / weight.abs().amax(dim=[1, 2, 3], keepdim=True))
        styles = styles / styles.abs().amax(dim=1, keepdim=True)
    b = None if bias is None else bias.to(half)
    if k == 1 and not up:
        w = per_sample_weights(weight, styles, demodulate, gain).reshape(n, o, i)
        return conv1x1(x, w.to(half), b)
    if up and bias is not None:
        raise ValueError("an upsampling modulated conv takes no bias: add it after the blur")
    if n == 1:
        w = per_sample_weights(weight, styles, demodulate, gain)[0].to(half)  # [O, I, k, k]
        if up:
            return F.conv_transpose2d(x, w.transpose(0, 1), stride=2)
        return F.conv2d(x, w, b, padding=k // 2)
    if not demodulate and gain != 1:
        styles, gain = styles * gain, 1.0
    x = x * styles.to(half).reshape(n, i, 1, 1)
    if up:
        x = F.conv_transpose2d(x, weight.to(half).transpose(0, 1), stride=2)
    else:
        x = F.conv2d(x, weight.to(half), padding=k // 2)
    if demodulate:
        scale = demodulation(weight, styles)
        x = x * (scale if gain == 1 else scale * gain).to(half).reshape(n, o, 1, 1)
    return x if b is None else x + b.reshape(1, o, 1, 1)


class MappingNetwork(nn.Module):
    """z [N, z_dim] (and class labels c [N, c_dim]) -> ws [N, num_ws, w_dim]: normalise z,
    append the normalised class embedding, MLP with lrelu, track w_avg, broadcast to num_ws
    rows, truncate towards w_avg."""

    def __init__(self, z_dim: int, w_dim: int, num_ws: int, num_layers: int = 8,
                 lr_mul: float = 0.01, w_avg_beta: float = 0.995, c_dim: int = 0):
        super().__init__()
        self.z_dim, self.w_dim, self.num_ws, self.c_dim = z_dim, w_dim, num_ws, c_dim
        self.num_layers = num_layers
        self.w_avg_beta = w_avg_beta
        if c_dim > 0:
            self.embed = EqualLinear(c_dim, w_dim)  # class label -> embedding (official "embed")
        features = [z_dim + (w_dim if c_dim > 0 else 0)] + [w_dim] * num_layers
        for idx in range(num_layers):
            layer = EqualLinear(features[idx], features[idx + 1], lr_mul=lr_mul, activation="lrelu")
            setattr(self, f"fc{idx}", layer)
        self.register_buffer("w_avg", torch.zeros(w_dim))

    def forward(self,
                z: torch.Tensor,                # [N, z_dim] latent codes
                c: torch.Tensor | None = None,  # [N, c_dim] one-hot classes (conditional models);
                                                # None = class 0; ignored when c_dim == 0
                psi: float = 1.0,               # truncation: 1 = none, 0 = every ws equals w_avg
                cutoff: int | None = None,      # truncate only rows [:cutoff]; None = all rows
                update_w_avg: bool = False,     # EMA-update w_avg with this batch (training)
                ) -> torch.Tensor:              # ws [N, num_ws, w_dim]
        if z.ndim != 2 or z.shape[1] != self.z_dim:
            raise ValueError(f"z must have shape [N, {self.z_dim}], got {list(z.shape)}")
        x = normalize_2nd_moment(z)
        if self.c_dim > 0:
            y = normalize_2nd_moment(self.embed(class_labels(c, self.c_dim, z.shape[0], z.device)))
            x = torch.cat([x, y], dim=1)  # [N, z_dim + w_dim]
        for idx in range(self.num_layers):
            x = getattr(self, f"fc{idx}")(x)  # [N, w_dim]
        # under mixed precision the layers may return bf16 / fp16: ws keep the network's own
        # precision (its w_avg's: float32, or what .double() made it)
        x = x.to(self.w_avg.dtype)
        if update_w_avg:
            self.w_avg.copy_(x.detach().mean(dim=0).lerp(self.w_avg, self.w_avg_beta))
        ws = x.unsqueeze(1).repeat(1, self.num_ws, 1)  # [N, num_ws, w_dim]
        if psi != 1:
            ws[:, :cutoff] = self.w_avg.lerp(ws[:, :cutoff], psi)
        return ws

    def extra_repr(self) -> str:
        return f"z_dim={self.z_dim}, c_dim={self.c_dim}, w_dim={self.w_dim}, num_ws={self.num_ws}"


class SynthesisLayer(nn.Module):
    """Styled 3x3 conv: affine(w) -> modulated conv (optionally 2x up) -> + noise -> bias, lrelu
    (-> clamp to +-conv_clamp when set, as official models trained with mixed precision do).

    Owns its noise input: ``noise_strength`` (learned scalar, starts at 0) and ``noise_const``
    (a fixed noise image for noise_mode="const")."""

    def __init__(self, in_channels: int, out_channels: int, w_dim: int, resolution: int,
                 up: bool = False, conv_clamp: float | None = None):
        super().__init__()
        self.up = up
        self.resolution = resolution
        self.conv_clamp = conv_clamp
        self.affine = EqualLinear(w_dim, in_channels, bias_init=1.0)
        self.weight = nn.Parameter(torch.randn(out_channels, in_channels, 3, 3))
        self.bias = nn.Parameter(torch.zeros(out_channels))
        self.noise_strength = nn.Parameter(torch.zeros([]))
        self.register_buffer("noise_const", torch.randn(resolution, resolution))
        self.demodulate = True      # False only to show what demodulation does (a lesson)
        if up:
            self.register_buffer("resample_filter", resample_kernel(), persistent=False)
        # the blur's 1-D taps for the native end of a CPU render (a fixed filter: made once)
        self._blur_taps = native.separable_taps(resample_kernel(), 4.0) if up else None
        self._render_weights = RenderWeights()

    def noise(self, x: torch.Tensor, mode: str, multiplier: float) -> torch.Tensor | None:
        """The noise image to add, [N,1,R,R] or [R,R], or None."""
        if mode == "none" or multiplier == 0:
            return None
        strength = self.noise_strength * multiplier
        if mode == "const":
            return self.noise_const * strength
        r = self.resolution
        if x.device.type != "cpu" and not torch.is_grad_enabled():
            # rendering on a GPU: drawn on the CPU (seeded there by the request's noise seed),
            # so a request gives the same noise on every device
            return torch.randn(x.shape[0], 1, r, r).to(x.device) * strength
        return torch.randn(x.shape[0], 1, r, r, device=x.device, dtype=torch.float32) * strength

    def forward(self, x: torch.Tensor, w: torch.Tensor, noise_mode: str = "random",
                noise_multiplier: float = 1.0, fused: bool | None = True) -> torch.Tensor:
        styles = self.affine(w)  # [N, in]
        # lrelu(g * y) = g * lrelu(y) for g > 0: the activation gain is folded into the conv, its
        # bias and the noise, so the output is not scaled in a separate pass
        bias = self.bias * LRELU_GAIN
        if x.dtype == torch.float16:
            x = half_modulated_conv2d(x, self.weight, styles, up=self.up, gain=LRELU_GAIN,
                                      bias=None if self.up else bias, demodulate=self.demodulate)
        else:
            x = modulated_conv2d(x, self.weight, styles, up=self.up, fused=fused, gain=LRELU_GAIN,
                                 bias=None if self.up else bias, cache=self._render_weights,
                                 demodulate=self.demodulate)
        noise = self.noise(x, noise_mode, noise_multiplier * LRELU_GAIN)
        if noise is not None:
            noise = noise.to(x.dtype)
        # rendering on a CPU: blur, bias, noise, activation and clamp in one native pass
        ended = native.blur_act(x, self._blur_taps, 1 if self.up else 0, bias if self.up else None,
                                noise, LRELU_SLOPE, self.conv_clamp, inplace=True)
        if ended is not None:
            return ended
        if self.up:
            x = blur(x, self.resample_filter, (1, 1), gain=4.0, bias=bias.to(x.dtype))  # [N, out, R, R]
        inplace = not torch.is_grad_enabled()  # rendering: x is ours, no copies needed
        if noise is not None:
            x = x.add_(noise) if inplace else x + noise
        return clamp(F.leaky_relu(x, LRELU_SLOPE, inplace=inplace), self.conv_clamp, inplace)

    def extra_repr(self) -> str:
        o, i, _, _ = self.weight.shape
        return f"{i}, {o}, resolution={self.resolution}, up={self.up}"


class ToRGBLayer(nn.Module):
    """1x1 modulated conv (no demodulation) from features to image channels; linear output."""

    def __init__(self, in_channels: int, img_channels: int, w_dim: int,
                 conv_clamp: float | None = None):
        super().__init__()
        self.conv_clamp = conv_clamp
        self.affine = EqualLinear(w_dim, in_channels, bias_init=1.0)
        self.weight = nn.Parameter(torch.randn(img_channels, in_channels, 1, 1))
        self.bias = nn.Parameter(torch.zeros(img_channels))
        self.weight_gain = in_channels ** -0.5

    def forward(self, x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        styles = self.affine(w) * self.weight_gain  # [N, in]
        # 1x1: per-sample weights are tiny, so this is always one batched matrix product
        if x.dtype == torch.float16:
            x = half_modulated_conv2d(x, self.weight, styles, demodulate=False, bias=self.bias)
        else:
            x = modulated_conv2d(x, self.weight, styles, demodulate=False, bias=self.bias)
        return clamp(x, self.conv_clamp, not torch.is_grad_enabled())  # [N, C, R, R]


class MixedPrecision:
    """NVIDIA's mixed precision for a block or layer of an official model: with ``use_fp16`` it
    computes in float16 on a GPU (see the synthesis networks' ``set_fp16``); ``fp16_on_cpu``
    lets it do so on the CPU too (tests)."""

    use_fp16 = False
    fp16_on_cpu = False

    def compute_dtype(self, device: torch.device) -> torch.dtype:
        """float16 for an fp16 block / layer on a GPU (or on the CPU when asked), else float32."""
        if self.use_fp16 and (device.type == "cuda" or self.fp16_on_cpu):
            return torch.float16
        return torch.float32

    @staticmethod
    def mark(parts, fp16: set, on_cpu: bool) -> None:
        """Set each (key, part) of a synthesis network to float16 when its key is in fp16."""
        for key, part in parts:
            part.use_fp16 = key in fp16
            part.fp16_on_cpu = bool(on_cpu)


class SynthesisBlock(MixedPrecision, nn.Module):
    """One resolution of the synthesis network (skip architecture).

    Resolution 4: learned constant -> conv1 -> torgb. Higher: conv0 (2x up) -> conv1 -> torgb,
    and the image so far is upsampled and added to: img = up(img) + torgb(x).
    Uses ws rows [num_conv + num_torgb] = (conv0,) conv1, torgb."""

    def __init__(self, in_channels: int, out_channels: int, w_dim: int, resolution: int,
                 img_channels: int, conv_clamp: float | None = None):
        super().__init__()
        self.resolution = resolution
        self.is_first = in_channels == 0
        if self.is_first:
            self.const = nn.Parameter(torch.randn(out_channels, resolution, resolution))
        else:
            self.conv0 = SynthesisLayer(in_channels, out_channels, w_dim, resolution, up=True,
                                        conv_clamp=conv_clamp)
        self.conv1 = SynthesisLayer(out_channels, out_channels, w_dim, resolution,
                                    conv_clamp=conv_clamp)
        self.torgb = ToRGBLayer(out_channels, img_channels, w_dim, conv_clamp=conv_clamp)
        self.num_conv = 1 if self.is_first else 2
        self.num_torgb = 1

    def forward(self, x: torch.Tensor | None, img: torch.Tensor | None, ws: torch.Tensor,
                noise_mode: str = "random", noise_multiplier: float = 1.0, fused: bool | None = True,
                ) -> tuple[torch.Tensor, torch.Tensor]:
        # x [N, in, R/2, R/2] (None for the first block), img [N, C, R/2, R/2] or None,
        # ws [N, num_conv + num_torgb, w_dim]  ->  x [N, out, R, R], img [N, C, R, R]
        kw = dict(noise_mode=noise_mode, noise_multiplier=noise_multiplier, fused=fused)
        half = self.compute_dtype(ws.device) == torch.float16
        if self.is_first:
            x = self.const.unsqueeze(0).expand(ws.shape[0], -1, -1, -1)
        if half:
            x = x.half()
        elif x.dtype == torch.float16:   # (an fp16 block never comes before an fp32 one)
            x = x.to(ws.dtype)
        if self.is_first:
            x = self.conv1(x, ws[:, 0], **kw)
        else:
            x = self.conv0(x, ws[:, 0], **kw)
            x = self.conv1(x, ws[:, 1], **kw)
        y = self.torgb(x, ws[:, -1])
        if y.dtype == torch.float16:
            y = y.to(ws.dtype)                   # the image is summed in ws's precision
        img = y if img is None else upsample2d(img) + y  # the standard [1, 3, 3, 1] filter
        return x, img

    def extra_repr(self) -> str:
        return f"resolution={self.resolution}"
