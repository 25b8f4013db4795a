"""Low-pass FIR design of the alias-free (StyleGAN3) generator: Kaiser-windowed sinc
(separable) and Kaiser-windowed jinc (radially symmetric), normalised to unit DC gain. The
separable design gives the same taps as the usual windowed-sinc ``firwin`` recipe (window beta
from Kaiser's empirical formulas). The filters are applied by ``stylegan3_ops``."""
from __future__ import annotations

import math

import numpy as np
import torch


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
