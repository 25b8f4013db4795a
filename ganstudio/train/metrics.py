"""How well a toy run covers its data: PacGAN mode coverage, and a Gaussian fit of 1-D samples.

Toy data (mixtures of Gaussians) use the PacGAN protocol (Lin et al. 2018): draw 2500
generator samples; a sample is *high quality* when it lies within 3 standard deviations of its
nearest mode; a mode is *captured* when at least one high-quality sample is nearest to it.
"""
from __future__ import annotations

import numpy as np

PACGAN_SAMPLES = 2500


def toy_mode_stats(samples, modes, sigma, *, threshold: float = 3.0) -> dict:
    """Mode coverage of toy samples.

    samples: [N, D] generated points (array-like).
    modes: [K, D] mode centres.
    sigma: the modes' standard deviation (scalar, or one per mode).
    threshold: a sample is high quality within ``threshold * sigma`` of its nearest mode.

    Returns dict(modes_captured: int, n_modes: int, high_quality: fraction in [0, 1],
    mode_counts: high-quality samples per mode, kl_modes: KL(p_modes || uniform) of the
    high-quality samples over modes, inf when nothing is high quality).
    """
    x = np.asarray(samples, dtype=np.float64)
    m = np.asarray(modes, dtype=np.float64)
    if x.ndim == 1:
        x = x[:, None]
    if m.ndim == 1:
        m = m[:, None] if x.shape[1] == 1 else m[None, :]
    if x.ndim != 2 or m.ndim != 2 or x.shape[1] != m.shape[1]:
        raise ValueError(f"samples {x.shape} and modes {m.shape} must be [N, D] and [K, D]")
    k = m.shape[0]
    sig = np.broadcast_to(np.asarray(sigma, dtype=np.float64), (k,))
    if len(x) == 0:
        return {"modes_captured": 0, "n_modes": k, "high_quality": 0.0,
                "mode_counts": [0] * k, "kl_modes": float("inf")}
    finite = np.isfinite(x).all(axis=1)
    dist = np.sqrt(((x[:, None, :] - m[None, :, :]) ** 2).sum(-1))      # [N, K]
    dist[~finite] = np.inf
    nearest = dist.argmin(axis=1)
    near_d = dist[np.arange(len(x)), nearest]
    hq = near_d <= threshold * sig[nearest]
    counts = np.bincount(nearest[hq], minlength=k)
    if hq.any():
        p = counts / counts.sum()
        nz = p > 0
        kl = float((p[nz] * np.log(p[nz] * k)).sum())
    else:
        kl = float("inf")
    return {"modes_captured": int((counts > 0).sum()), "n_modes": k,
            "high_quality": float(hq.mean()), "mode_counts": counts.tolist(), "kl_modes": kl}


def gaussian_fit(samples) -> dict:
    """Mean and standard deviation of 1-D samples (for the 1-D Gaussian lesson)."""
    x = np.asarray(samples, dtype=np.float64).reshape(-1)
    return {"mean": float(x.mean()), "std": float(x.std())}
