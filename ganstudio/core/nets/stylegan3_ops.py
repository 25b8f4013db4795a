"""Signal-processing operations of the alias-free (StyleGAN3) generator, in plain PyTorch.

- low-pass FIR design: Kaiser-windowed sinc (separable) and Kaiser-windowed jinc (radially
  symmetric), normalised to unit DC gain. The separable design gives the same taps as the
  usual windowed-sinc ``firwin`` recipe (window beta from Kaiser's empirical formulas);
- ``upfirdn2d``: upsample by zero insertion, pad (negative = crop), convolve with a FIR filter,
  downsample by keeping every n-th sample. A separable filter runs, axis by axis, as
  matrix products with the banded matrix of that linear map, one tile of outputs at a time
  (BLAS-fast; dropped samples are never computed); a 2-D filter as a depthwise (transposed)
  convolution;
- ``filtered_lrelu``: bias, upsample, leaky ReLU with gain, clamp, downsample
  (Karras et al. 2021, sec. 3.2: the nonlinearity is applied at a higher sampling rate);
- ``modulated_conv2d``: weight modulation/demodulation with an extra input gain.

Filters are [taps] (separable, applied along width then height) or [taps, taps]; None is the
identity filter.
"""
from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F


# --- filter design ------------------------------------------------------------------------------

def kaiser_attenuation(numtaps: int, width: float) -> float:
    """Stopband attenuation (dB) reached by a Kaiser FIR of ``numtaps`` taps whose transition
    band is ``width`` wide, in units of the Nyquist frequency (Kaiser's estimate)."""
    return 2.285 * (numtaps - 1) * math.pi * width + 7.95


def kaiser_beta(attenuation: float) -> float:
    """Kaiser window shape parameter for a stopband ``attenuation`` in dB (Kaiser's formula)."""
    a = attenuation
    if a > 50:
        return 0.1102 * (a - 8.7)
    if a > 21:
        return 0.5842 * (a - 21) ** 0.4 + 0.07886 * (a - 21)
    return 0.0


def _check_design(numtaps: int, cutoff: float, width: float, fs: float) -> None:
    if numtaps < 1:
        raise ValueError(f"a filter needs at least one tap, got {numtaps}")
    if not 0 < cutoff < fs / 2:
        raise ValueError(f"cutoff {cutoff:g} must lie strictly between 0 and fs/2 = {fs / 2:g}")
    if width <= 0:
        raise ValueError(f"transition width must be positive, got {width:g}")


def kaiser_sinc_lowpass(numtaps: int, cutoff: float, width: float, fs: float) -> np.ndarray:
    """Linear-phase low-pass FIR [numtaps] (float64, sums to 1): ideal sinc response with
    ``cutoff`` (Hz, gain -6 dB there) times a Kaiser window sized for a transition band
    ``width`` (Hz) wide, at sampling rate ``fs``."""
    _check_design(numtaps, cutoff, width, fs)
    nyquist = fs / 2
    c = cutoff / nyquist                                    # cutoff in units of Nyquist
    beta = kaiser_beta(kaiser_attenuation(numtaps, width / nyquist))
    m = np.arange(numtaps) - (numtaps - 1) / 2              # tap positions around the centre
    h = c * np.sinc(c * m) * np.kaiser(numtaps, beta)
    return h / h.sum()


def kaiser_jinc_lowpass(numtaps: int, cutoff: float, width: float, fs: float) -> np.ndarray:
    """Radially symmetric low-pass FIR [numtaps, numtaps] (float64, sums to 1): the ideal disc
    response J1(2 pi fc r) / (pi r) with radius ``cutoff``, times a separable Kaiser window."""
    _check_design(numtaps, cutoff, width, fs)
    x = (np.arange(numtaps) - (numtaps - 1) / 2) / fs
    r = np.hypot(*np.meshgrid(x, x))
    j1 = torch.special.bessel_j1(torch.from_numpy(2 * math.pi * cutoff * r)).numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(r > 0, j1 / (math.pi * np.where(r > 0, r, 1)), cutoff)  # limit at r=0
    window = np.kaiser(numtaps, kaiser_beta(kaiser_attenuation(numtaps, width / (fs / 2))))
    f = f * np.outer(window, window)
    return f / f.sum()


def design_lowpass_filter(numtaps: int, cutoff: float, width: float, fs: float,
                          radial: bool = False) -> torch.Tensor | None:
    """The float32 filter tensor of a synthesis layer: None for a single tap (identity),
    otherwise ``kaiser_jinc_lowpass`` if radial else ``kaiser_sinc_lowpass``."""
    if numtaps == 1:
        return None
    design = kaiser_jinc_lowpass if radial else kaiser_sinc_lowpass
    return torch.as_tensor(design(numtaps, cutoff, width, fs), dtype=torch.float32)


# --- resampling -----------------------------------------------------------------------------------

_TILE = 128  # output samples per matrix product in a separable pass


def axis_matrix(taps: torch.Tensor, n_in: int, up: int, down: int, pad0: int, pad1: int,
                ) -> tuple[torch.Tensor, torch.Tensor]:
    """The linear map of one separable pass along an axis of n_in samples, as a banded matrix
    A [n_in, n_out] (y = x @ A), and its band mask: zero insertion (``up``), padding
    (``pad0`` before, ``pad1`` after; negative crops), convolution with ``taps``, keeping
    every ``down``-th sample. Output j reads input n through tap
    k - 1 - pad0 + j * down - n * up."""
    k = taps.numel()
    n_out = (n_in * up + pad0 + pad1 - k) // down + 1
    n = torch.arange(n_in, device=taps.device).unsqueeze(1)
    j = torch.arange(n_out, device=taps.device).unsqueeze(0)
    idx = k - 1 - pad0 + j * down - n * up
    band = (idx >= 0) & (idx < k)
    return torch.where(band, taps[idx.clamp(0, k - 1)], taps.new_zeros([])), band


def _separable_pass(x: torch.Tensor, taps: torch.Tensor, dim: int, up: int, down: int,
                    pad0: int, pad1: int) -> torch.Tensor:
    """Resample x along dim (-1: width, -2: height) by banded matrix products, one tile of
    output samples at a time, each reading only the input rows its band touches."""
    a, band = axis_matrix(taps.to(x.dtype), x.shape[dim], up, down, pad0, pad1)
    chunks = []
    for j0 in range(0, a.shape[1], _TILE):
        j1 = min(j0 + _TILE, a.shape[1])
        rows = band[:, j0:j1].any(dim=1).nonzero()
        r0, r1 = (int(rows[0]), int(rows[-1]) + 1) if len(rows) else (0, 1)
        block = a[r0:r1, j0:j1]
        if dim == -1:
            chunks.append(x[..., r0:r1] @ block)              # [..., H, tile]
        else:
            chunks.append(block.t() @ x[..., r0:r1, :])       # [..., tile, W]
    return chunks[0] if len(chunks) == 1 else torch.cat(chunks, dim=dim)


def _fir_pass_2d(x: torch.Tensor, f: torch.Tensor, up: int, down: int,
                 pad: tuple[int, int, int, int]) -> torch.Tensor:
    """Depthwise pass of x [N,C,H,W] with a non-separable kernel f [kh, kw] (true
    convolution); pad (x0, x1, y0, y1) applies to the zero-inserted image."""
    c = x.shape[1]
    kh, kw = f.shape
    x0, x1, y0, y1 = pad
    weight = f.to(x.dtype).reshape(1, 1, kh, kw).repeat(c, 1, 1, 1)
    if up > 1:
        h, w = x.shape[2:]
        # A transposed conv with stride `up` equals zero insertion followed by a full
        # convolution; output index j of it is sample j - (k - 1) + p0 of the padded result.
        x = F.conv_transpose2d(x, weight, stride=up, groups=c)
        lh, lw = x.shape[2:]
        x = F.pad(x, [-(kw - 1 - x0), w * up + x1 - lw, -(kh - 1 - y0), h * up + y1 - lh])
        return x[:, :, ::down, ::down]
    x = F.pad(x, [x0, x1, y0, y1])  # negative padding crops
    return F.conv2d(x, weight.flip([2, 3]), stride=down, groups=c)


def upfirdn2d(x: torch.Tensor,                      # [N, C, H, W]
              f: torch.Tensor | None,               # [k] separable, [k, k], or None (identity)
              up: int = 1,                          # zero-insertion factor
              down: int = 1,                        # keep every `down`-th sample
              padding: tuple[int, int, int, int] = (0, 0, 0, 0),  # (x0, x1, y0, y1), after up
              gain: float = 1.0,                    # overall gain (split over the two axes)
              ) -> torch.Tensor:                    # [N, C, H', W']
    """Upsample, pad, FIR-filter and downsample each channel of x."""
    x0, x1, y0, y1 = padding
    if f is None:
        if up == down == 1 and tuple(padding) == (0, 0, 0, 0):
            return x * gain if gain != 1 else x
        f = torch.ones(1, dtype=torch.float32, device=x.device)
    if f.ndim == 2:
        return _fir_pass_2d(x, f * gain, up, down, padding)
    taps = f * math.sqrt(gain)
    x = _separable_pass(x, taps, -1, up, down, x0, x1)    # along width
    return _separable_pass(x, taps, -2, up, down, y0, y1)  # along height


def filtered_lrelu(x: torch.Tensor,                 # [N, C, H, W]
                   fu: torch.Tensor | None,         # upsampling filter (None = identity)
                   fd: torch.Tensor | None,         # downsampling filter (None = identity)
                   b: torch.Tensor,                 # [C] bias
                   up: int = 1,                     # upsampling factor
                   down: int = 1,                   # downsampling factor
                   padding: tuple[int, int, int, int] = (0, 0, 0, 0),  # (x0, x1, y0, y1)
                   gain: float = math.sqrt(2),      # scale after the activation
                   slope: float = 0.2,              # negative slope; 1 = linear
                   clamp: float | None = None,      # clamp to [-clamp, clamp]; None = off
                   ) -> torch.Tensor:
    """Bias, upsample (gain up^2 keeps the magnitude), leaky ReLU * gain, clamp, downsample."""
    x = x + b.to(x.dtype).reshape(1, -1, 1, 1)
    x = upfirdn2d(x, fu, up=up, padding=padding, gain=up ** 2)
    inplace = not (torch.is_grad_enabled() and x.requires_grad)  # saves the largest copies
    if slope != 1:
        x = F.leaky_relu(x, slope, inplace=inplace)
    if gain != 1:
        x = x.mul_(gain) if inplace else x * gain
    if clamp is not None:
        x = x.clamp_(-clamp, clamp) if inplace else x.clamp(-clamp, clamp)
    return upfirdn2d(x, fd, down=down)


# --- modulated convolution ------------------------------------------------------------------------

def modulated_conv2d(x: torch.Tensor,               # [N, I, H, W]
                     weight: torch.Tensor,          # [O, I, k, k]
                     styles: torch.Tensor,          # [N, I] per-sample input scales
                     *,
                     demodulate: bool = True,       # normalise each output to unit gain
                     padding: int = 0,              # zero padding on every side
                     input_gain: torch.Tensor | float = 1.0,  # extra scale after demodulation
                     ) -> torch.Tensor:             # [N, O, H + 2p - k + 1, ...]
    """Convolution with weight[o, i] * styles[n, i] (demodulated per n, o), times input_gain.

    Computed by scaling the activations around one shared convolution, which equals the
    per-sample grouped convolution and is faster for batches."""
    n, i = styles.shape
    o = weight.shape[0]
    x = x * (styles * input_gain).to(x.dtype).reshape(n, i, 1, 1)
    x = F.conv2d(x, weight.to(x.dtype), padding=padding)
    if demodulate:
        dcoefs = (styles.square() @ weight.square().sum(dim=[2, 3]).t() + 1e-8).rsqrt()  # [N,O]
        x = x * dcoefs.to(x.dtype).reshape(n, o, 1, 1)
    return x
