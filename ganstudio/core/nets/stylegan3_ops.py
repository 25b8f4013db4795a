"""Signal-processing operations of the alias-free (StyleGAN3) generator, in plain PyTorch.

- ``upfirdn2d``: upsample by zero insertion, pad (negative = crop), convolve with a FIR filter,
  downsample by keeping every n-th sample, at the rates each step needs: upsampling is a
  strided depthwise transposed convolution (polyphase: inserted zeros are never multiplied),
  downsampling a strided depthwise convolution (dropped samples are never computed); a
  separable filter runs axis by axis, a 2-D one in one pass. The memory layout of the input
  (e.g. channels-last, which the generator uses on the CPU) is kept;
- ``filtered_lrelu``: bias, upsample, leaky ReLU with gain, clamp, downsample
  (Karras et al. 2021, sec. 3.2: the nonlinearity is applied at a higher sampling rate);
  the gain rides on the downsampling filter and the clamp is skipped where it cannot act;
- ``modulated_conv2d``: weight modulation/demodulation with an extra input gain and a bias.

Filters are [taps] (separable, applied along width then height) or [taps, taps]; None is the
identity filter. Their design is in ``stylegan3_filters``.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from . import stylegan3_native
from .stylegan_layers import demodulation


# --- resampling -----------------------------------------------------------------------------------
#
# Every pass is one depthwise (transposed) convolution at the rates it needs:
# - upsampling by u: a transposed convolution with stride u, which computes each output sample
#   from the ceil(K / u) taps that meet real samples (the polyphase form of zero insertion
#   followed by a K-tap convolution: the inserted zeros are never multiplied);
# - downsampling by d: a convolution with stride d, which computes only the kept samples.
# Padding is the transposed convolution's symmetric crop plus, where needed, a slice or zeros.


def _depthwise_weight(f: torch.Tensor,      # [kh, kw] kernel, the same for every channel
                      channels: int,        # number of channels (groups) of the input
                      like: torch.Tensor,   # input whose dtype / device the weight takes
                      ) -> torch.Tensor:    # [channels, 1, kh, kw]
    """The depthwise convolution weight that applies f to every channel."""
    f = f.to(device=like.device, dtype=like.dtype)
    return f.reshape(1, 1, *f.shape).expand(channels, 1, *f.shape).contiguous()


def _axis_kernel(taps: torch.Tensor, dim: int) -> torch.Tensor:
    """1-D taps as a 2-D kernel along width (dim -1: [1, k]) or height (dim -2: [k, 1])."""
    return taps.reshape(1, -1) if dim == -1 else taps.reshape(-1, 1)


def _axis_pair(value: int, other: int, dim: int) -> tuple[int, int]:
    """An (height, width) pair with ``value`` on axis dim and ``other`` on the other axis."""
    return (other, value) if dim == -1 else (value, other)


def _crop_or_pad(x: torch.Tensor, dim: int, start: int, stop: int) -> torch.Tensor:
    """Samples [start, stop) of x along dim; indices outside x read as zeros."""
    n = x.shape[dim]
    lo = min(max(start, 0), n)
    hi = min(max(stop, lo), n)
    if (lo, hi) != (0, n):
        x = x.narrow(dim, lo, hi - lo)
    before = min(max(-start, 0), stop - start)
    after = stop - start - before - (hi - lo)
    if before or after:
        x = F.pad(x, [before, after] if dim == -1 else [0, 0, before, after])
    return x


def _upsample_axis(x: torch.Tensor,    # [N, C, H, W]
                   taps: torch.Tensor,  # [k] filter taps
                   dim: int,            # -1: along width, -2: along height
                   up: int,             # upsampling factor (> 1)
                   pad0: int, pad1: int,  # padding of the zero-inserted signal (< 0 crops)
                   ) -> torch.Tensor:
    """Zero insertion, padding and K-tap convolution along one axis, as a strided depthwise
    transposed convolution (polyphase: only the taps that meet real samples are used).

    Sample j of the transposed convolution's full output (length (n - 1) up + k) is sample
    j - (k - 1) + pad0 of the padded-and-filtered signal, whose length is
    n up + pad0 + pad1 - k + 1."""
    n, k = x.shape[dim], taps.numel()
    start = k - 1 - pad0
    stop = start + n * up + pad0 + pad1 - k + 1
    full = (n - 1) * up + k
    crop = max(0, min(start, full - stop))   # the symmetric part the convolution drops itself
    weight = _depthwise_weight(_axis_kernel(taps, dim), x.shape[1], x)
    y = F.conv_transpose2d(x, weight, stride=_axis_pair(up, 1, dim),
                           padding=_axis_pair(crop, 0, dim), groups=x.shape[1])
    return _crop_or_pad(y, dim, start - crop, stop - crop)


def _polyphase_matrix(taps: torch.Tensor, up: int, pad0: int,
                      ) -> tuple[torch.Tensor, int]:
    """Upsampling by ``up`` as one small matrix G [up, L] per block of ``up`` output samples:
    output sample up * m + r (of the padded-and-filtered signal) is
    sum over l of G[r, l] * x[m + lo + l]. Returns (G, lo)."""
    k = taps.numel()
    c = k - 1 - pad0
    phases = []                           # (r, first tap s, offset q, number of taps)
    for r in range(up):
        q, s = divmod(c + r, up)          # output u m + r reads x[m + q - l] via tap s + u l
        phases.append((r, s, q, len(range(s, k, up))))
    lo = min(q - n + 1 for _, _, q, n in phases)
    hi = max(q for _, _, q, _ in phases)
    g = taps.new_zeros(up, hi - lo + 1)
    for r, s, q, n in phases:
        for l in range(n):
            g[r, q - l - lo] = taps[s + up * l]
    return g, lo


_ROW_CHUNK = 32768   # columns of a row product done at once: its output stays in the cache


def _rows_times_windows(rows: torch.Tensor,  # [h, D] input rows of one image
                        g: torch.Tensor,     # [up, span] polyphase matrix
                        lo: int,             # block m reads rows m + lo .. m + lo + span - 1
                        m0: int, m1: int,    # blocks to compute
                        out: torch.Tensor,   # [m1 - m0, up, D], written in place
                        epilogue=None,       # in-place elementwise op on each output chunk
                        ) -> None:
    """out[m] = g @ rows[m0 + m + lo : ... + span] for each block, as one batched product over
    overlapping windows of rows (a strided view, no copy); rows outside the image read as
    zeros (then only the few rows the windows need are copied). One call for all blocks:
    a product per block costs far more on the CPU (a fixed cost per call for long rows).
    The product runs over ``_ROW_CHUNK`` columns at a time and ``epilogue`` (if any) acts on
    each chunk while it is still in the cache (no extra pass over the whole output)."""
    span, d = g.shape[1], rows.shape[1]
    first, last = m0 + lo, m1 - 1 + lo + span      # rows [first, last) are read
    if first >= 0 and last <= rows.shape[0]:
        src = rows.narrow(0, first, last - first)
    else:
        src = _crop_or_pad(rows, 0, first, last).contiguous()
    _windows_product(g, src.as_strided((m1 - m0, span, d), (d, d, 1)), out, epilogue)


def _windows_product(g: torch.Tensor,        # [M, span] small matrix
                     windows: torch.Tensor,  # [B, span, D] windows of rows (strided view)
                     out: torch.Tensor,      # [B, M, D], written in place
                     epilogue=None,          # in-place elementwise op on each output chunk
                     ) -> None:
    """out[b] = g @ windows[b], ``_ROW_CHUNK`` columns at a time (then epilogue on that
    chunk, while it is in the cache)."""
    d = windows.shape[2]
    for c0 in range(0, d, _ROW_CHUNK):
        c1 = min(d, c0 + _ROW_CHUNK)
        chunk = out[..., c0:c1]
        torch.matmul(g, windows[..., c0:c1], out=chunk)
        if epilogue is not None:
            epilogue(chunk)


def _upsample_rows_gemm(x: torch.Tensor,     # [N, C, H, W], channels-last
                        taps: torch.Tensor,  # [k] filter taps
                        up: int, pad0: int, pad1: int,
                        epilogue=None,       # in-place elementwise op run on the output
                        ) -> torch.Tensor:   # [N, C, H', W], channels-last
    """``_upsample_axis`` along height for inference on the CPU: the rows of a channels-last
    image are contiguous [W * C] vectors, so each block of ``up`` output rows is a small
    matrix (``_polyphase_matrix``) times a window of input rows; the products go straight
    into the output (interior blocks read the input in place, edge blocks a zero-padded
    copy of the few rows they need). ``epilogue`` acts on each piece of the output as soon
    as it is written (see ``_rows_times_windows``)."""
    n, c, h, w = x.shape
    rows = x.permute(0, 2, 3, 1).reshape(n, h, w * c)   # a view: x is channels-last
    g, lo = _polyphase_matrix(taps.to(x.dtype), up, pad0)
    span = g.shape[1]
    length = h * up + pad0 + pad1 - taps.numel() + 1     # output rows
    full = length // up                                 # blocks that fit whole
    inner0 = min(max(0, -lo), full)                     # blocks [inner0, inner1) need no
    inner1 = max(inner0, min(full, h - lo - span + 1))  # padding
    out = x.new_empty(n, length, w * c)
    for i in range(n):
        blocks = out[i, :full * up].view(full, up, w * c)
        for m0, m1 in ((inner0, inner1), (0, inner0), (inner1, full)):
            if m1 > m0:
                _rows_times_windows(rows[i], g, lo, m0, m1, blocks[m0:m1], epilogue)
        if length > full * up:                          # a last, partial block
            tail = x.new_empty(1, up, w * c)
            _rows_times_windows(rows[i], g, lo, full, full + 1, tail, epilogue)
            out[i, full * up:] = tail[0, :length - full * up]
    return out.reshape(n, length, w, c).permute(0, 3, 1, 2)


def _downsample_axis(x: torch.Tensor,    # [N, C, H, W]
                     taps: torch.Tensor,  # [k] filter taps
                     dim: int,            # -1: along width, -2: along height
                     down: int,           # keep every down-th sample (>= 1)
                     pad0: int, pad1: int,  # padding before filtering (< 0 crops)
                     ) -> torch.Tensor:
    """Padding, K-tap convolution and keeping every ``down``-th sample along one axis, as a
    depthwise convolution with stride ``down`` (the dropped samples are never computed)."""
    x = _crop_or_pad(x, dim, -pad0, x.shape[dim] + pad1)
    weight = _depthwise_weight(_axis_kernel(taps.flip(0), dim), x.shape[1], x)
    return F.conv2d(x, weight, stride=_axis_pair(down, 1, dim), groups=x.shape[1])


def _downsample_rows_gemm(x: torch.Tensor,     # [N, C, H, W], channels-last
                          taps: torch.Tensor,  # [k] filter taps
                          down: int, pad0: int, pad1: int,
                          ) -> torch.Tensor:   # [N, C, H', W], channels-last
    """``_downsample_axis`` along height for inference on the CPU: each kept output row is
    the taps times a window of k contiguous [W * C] input rows, one batched product over
    windows ``down`` rows apart (a strided view of the input, no copy)."""
    x = _crop_or_pad(x, -2, -pad0, x.shape[2] + pad1)
    n, c, h, w = x.shape
    k, d = taps.numel(), w * c
    rows = x.permute(0, 2, 3, 1).reshape(n, h, d)      # a view while x is channels-last
    length = (h - k) // down + 1
    out = x.new_empty(n, length, 1, d)
    g = taps.flip(0).to(x.dtype).reshape(1, k)
    for i in range(n):
        _windows_product(g, rows[i].as_strided((length, k, d), (down * d, d, 1)), out[i])
    return out.reshape(n, length, w, c).permute(0, 3, 1, 2)


def _use_row_gemm(x: torch.Tensor) -> bool:
    """Whether upsampling along height takes ``_upsample_rows_gemm``: inference (no autograd
    through x) on the CPU, with x channels-last."""
    return (x.device.type == "cpu" and x.dim() == 4 and x.shape[1] > 1
            and not (torch.is_grad_enabled() and x.requires_grad)
            and x.permute(0, 2, 3, 1).is_contiguous())


def _resample_axis(x: torch.Tensor, taps: torch.Tensor, dim: int, up: int, down: int,
                   pad0: int, pad1: int, epilogue=None) -> torch.Tensor:
    """One separable pass (see ``upfirdn2d``) along dim. When both up and down exceed 1
    (which the generator never asks for) the upsampled signal is decimated by slicing.
    ``epilogue``: an in-place elementwise op applied to the result (by pieces, while they
    are in the cache, on the row-product path)."""
    if up == 1:
        if dim == -2 and down > 1 and x.shape[-2] + pad0 + pad1 >= taps.numel() \
                and _use_row_gemm(x):
            y = _downsample_rows_gemm(x, taps, down, pad0, pad1)
        else:
            y = _downsample_axis(x, taps, dim, down, pad0, pad1)
        return y if epilogue is None else epilogue(y)
    if dim == -2 and _use_row_gemm(x):
        y = _upsample_rows_gemm(x, taps, up, pad0, pad1, epilogue)
        epilogue = None
    else:
        y = _upsample_axis(x, taps, dim, up, pad0, pad1)
        if epilogue is not None:
            y = epilogue(y)
    if down > 1:
        y = y[..., ::down] if dim == -1 else y[..., ::down, :]
    return y


def _resample_2d(x: torch.Tensor,        # [N, C, H, W]
                 f: torch.Tensor,        # [kh, kw] non-separable kernel (true convolution)
                 up: int, down: int,
                 pad: tuple[int, int, int, int],  # (x0, x1, y0, y1) of the zero-inserted image
                 ) -> torch.Tensor:
    """Depthwise pass with a non-separable kernel: a strided transposed convolution when
    upsampling (then decimation by slicing, if also downsampling), else a convolution with
    stride ``down``."""
    x0, x1, y0, y1 = pad
    kh, kw = f.shape
    if up == 1:
        x = _crop_or_pad(_crop_or_pad(x, -1, -x0, x.shape[3] + x1), -2, -y0, x.shape[2] + y1)
        weight = _depthwise_weight(f.flip([0, 1]), x.shape[1], x)
        return F.conv2d(x, weight, stride=down, groups=x.shape[1])
    h, w = x.shape[2:]
    y = F.conv_transpose2d(x, _depthwise_weight(f, x.shape[1], x), stride=up,
                           groups=x.shape[1])
    y = _crop_or_pad(y, -1, kw - 1 - x0, kw - 1 - x0 + w * up + x0 + x1 - kw + 1)
    y = _crop_or_pad(y, -2, kh - 1 - y0, kh - 1 - y0 + h * up + y0 + y1 - kh + 1)
    return y[:, :, ::down, ::down] if down > 1 else y


def upfirdn2d(x: torch.Tensor,                      # [N, C, H, W]
              f: torch.Tensor | None,               # [k] separable, [k, k], or None (identity)
              up: int = 1,                          # zero-insertion factor
              down: int = 1,                        # keep every `down`-th sample
              padding: tuple[int, int, int, int] = (0, 0, 0, 0),  # (x0, x1, y0, y1), after up
              gain: float = 1.0,                    # overall gain (split over the two axes)
              ) -> torch.Tensor:                    # [N, C, H', W']
    """Upsample, pad, FIR-filter and downsample each channel of x (the memory layout of x,
    e.g. channels-last, is kept). Inference on the CPU in float32 runs the native kernels
    when they are built (``stylegan3_native``)."""
    if f is not None:
        if up > 1:
            y = stylegan3_native.resample(x, f, up, padding, gain, None, down, 1.0)
        else:
            y = stylegan3_native.resample(x, None, 1, padding, 1.0, f, down, gain)
        if y is not None:
            return _like(y, x)
    return _upfirdn2d(x, f, up, down, padding, gain)


def _like(y: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """y (channels-last, from the native kernels) in the memory layout of x."""
    if x.is_contiguous(memory_format=torch.channels_last):
        return y
    return y.contiguous()


def _upfirdn2d(x: torch.Tensor, f: torch.Tensor | None, up: int, down: int,
               padding: tuple[int, int, int, int], gain: float,
               epilogue=None,     # in-place elementwise op applied to the result
               ) -> torch.Tensor:
    """``upfirdn2d``, then ``epilogue`` on the result: on the CPU's row-product path by
    pieces as they are written (one pass over the largest tensor less). With an identity
    filter and nothing to do, epilogue acts on x itself."""
    x0, x1, y0, y1 = padding
    if f is None:
        if up == down == 1 and tuple(padding) == (0, 0, 0, 0):
            x = x * gain if gain != 1 else x
            return x if epilogue is None else epilogue(x)
        f = torch.ones(1, dtype=torch.float32, device=x.device)
    if f.ndim == 2:
        x = _resample_2d(x, f * gain, up, down, padding)
        return x if epilogue is None else epilogue(x)
    taps = f * math.sqrt(gain)
    x = _resample_axis(x, taps, -1, up, down, x0, x1)    # along width
    return _resample_axis(x, taps, -2, up, down, y0, y1, epilogue)  # along height


def _amplification(f: torch.Tensor | None, up: int) -> float:
    """Largest |output| / max |input| of upsampling by ``up`` with filter f (gain up^2; None
    is the one-tap identity filter): the largest absolute tap sum of a polyphase component."""
    f = torch.ones(1) if f is None else f.detach().double().cpu().abs()
    if f.ndim == 1:
        return (max(f[r::up].sum().item() for r in range(up)) * up) ** 2
    return max(f[r::up, s::up].sum().item() for r in range(up) for s in range(up)) * up ** 2


def _flat(x: torch.Tensor) -> torch.Tensor:
    """The elements of x as a 1-D tensor in memory order (a view for contiguous and
    channels-last tensors: full reductions over channels-last tensors are slow otherwise)."""
    if x.dim() == 4 and not x.is_contiguous() and x.is_contiguous(
            memory_format=torch.channels_last):
        return x.permute(0, 2, 3, 1).reshape(-1)
    return x.reshape(-1)


def filtered_lrelu(x: torch.Tensor,                 # [N, C, H, W]
                   fu: torch.Tensor | None,         # upsampling filter (None = identity)
                   fd: torch.Tensor | None,         # downsampling filter (None = identity)
                   b: torch.Tensor | None,          # [C] bias; None = already added
                   up: int = 1,                     # upsampling factor
                   down: int = 1,                   # downsampling factor
                   padding: tuple[int, int, int, int] = (0, 0, 0, 0),  # (x0, x1, y0, y1)
                   gain: float = math.sqrt(2),      # scale after the activation
                   slope: float = 0.2,              # negative slope; 1 = linear
                   clamp: float | None = None,      # clamp to [-clamp, clamp]; None = off
                   ) -> torch.Tensor:
    """Bias, upsample (gain up^2 keeps the magnitude), leaky ReLU * gain, clamp, downsample.

    A positive gain moves into the downsampling filter (clamp(g a, c) = g clamp(a, c / g)),
    and on the CPU the clamp is skipped when a bound from the low-rate input shows that it
    cannot change a sample (the same result, one pass over the largest tensor less).

    Inference on the CPU in float32 runs the whole chain in one pass of native kernels when
    they are built (``stylegan3_native``: the upsampled image is never stored in full)."""
    post_gain = gain if gain > 0 else 1.0           # applied by the downsampling filter
    limit = None if clamp is None else clamp / post_gain
    if fu is not None or fd is not None:
        y = stylegan3_native.resample(
            x, fu, up, padding, up ** 2, fd, down, post_gain, bias=b,
            slope=None if slope == 1 else slope, act_gain=gain if gain <= 0 else None,
            limit=limit)
        if y is not None:
            return _like(y, x)
    if b is not None:
        x = x + b.to(x.dtype).reshape(1, -1, 1, 1)
    if limit is not None and x.device.type == "cpu" and x.numel():
        lo, hi = torch.aminmax(_flat(x.detach()))
        if max(-lo.item(), hi.item()) * _amplification(fu, up) * (1 + 1e-4) < limit:
            limit = None                            # |lrelu(y)| <= |y| < limit everywhere
    # the upsampled tensor is ours to overwrite unless upfirdn2d hands back x unchanged
    owned = b is not None or fu is not None or up != 1 or any(padding)
    if owned and not (torch.is_grad_enabled() and x.requires_grad):   # in place, fused
        def activation(t: torch.Tensor) -> torch.Tensor:
            if slope != 1:
                F.leaky_relu_(t, slope)
            if gain <= 0:
                t.mul_(gain)
            if limit is not None:
                t.clamp_(-limit, limit)
            return t
        x = _upfirdn2d(x, fu, up, 1, padding, up ** 2, activation)
    else:
        x = upfirdn2d(x, fu, up=up, padding=padding, gain=up ** 2)
        if slope != 1:
            x = F.leaky_relu(x, slope)
        if gain <= 0:
            x = x * gain
        if limit is not None:
            x = x.clamp(-limit, limit)
    return upfirdn2d(x, fd, down=down, gain=post_gain)


# --- modulated convolution ------------------------------------------------------------------------

def modulated_conv2d(x: torch.Tensor,               # [N, I, H, W]
                     weight: torch.Tensor,          # [O, I, k, k]
                     styles: torch.Tensor,          # [N, I] per-sample input scales
                     *,
                     demodulate: bool = True,       # normalise each output to unit gain
                     padding: int = 0,              # zero padding on every side
                     input_gain: torch.Tensor | float = 1.0,  # extra scale after demodulation
                     bias: torch.Tensor | None = None,  # [O] added to the result
                     ) -> torch.Tensor:             # [N, O, H + 2p - k + 1, ...]
    """Convolution with weight[o, i] * styles[n, i] (demodulated per n, o), times input_gain,
    plus bias.

    One sample: the scales go into the weight of one plain convolution (no pass over the
    activations). Several: the activations are scaled around one shared convolution (equal
    to the per-sample grouped convolution, and faster for batches), and demodulation and bias
    are one fused multiply-add."""
    n, i = styles.shape
    o = weight.shape[0]
    scales = (styles * input_gain).to(x.dtype)                           # [N, I]
    dcoefs = demodulation(weight, styles).to(x.dtype) if demodulate else None  # [N, O]
    b = None if bias is None else bias.to(x.dtype)
    if n == 1:
        w = weight.to(x.dtype) * scales.reshape(1, i, 1, 1)
        if dcoefs is not None:
            w = w * dcoefs.reshape(o, 1, 1, 1)
        return F.conv2d(x, w, b, padding=padding)
    x = F.conv2d(x * scales.reshape(n, i, 1, 1), weight.to(x.dtype), padding=padding)
    if dcoefs is None:
        return x if b is None else x + b.reshape(1, o, 1, 1)
    if b is None:
        return x * dcoefs.reshape(n, o, 1, 1)
    return torch.addcmul(b.reshape(1, o, 1, 1), x, dcoefs.reshape(n, o, 1, 1))
