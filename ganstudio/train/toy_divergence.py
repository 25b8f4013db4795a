"""KL and Jensen-Shannon divergences between p_data and p_g of a 2-D toy run, on a grid.

Both densities are estimated the same way, so that a generator that matches the data scores
about 0: a Gaussian kernel density estimate of the real samples and one of the generated
samples, with the same bandwidth (Scott's rule from the real samples), binned on the view's
grid (a histogram blurred by a separable Gaussian: exact up to the binning).  Mass that falls
outside the grid is one more cell, so a generator that throws samples far away is charged for
them.  Each distribution is then mixed with a uniform one of weight ``FLOOR`` (1e-6), which
keeps KL finite where one density has no mass at all: a dropped mode shows as a large KL
(capped near log(cells / FLOOR)), never as infinity.

KL(p_data || p_g) punishes dropped modes (mode covering), KL(p_g || p_data) samples off the
data (mode seeking); JS is symmetric and at most log 2 = 0.693 nats.  All values are in nats.
"""
from __future__ import annotations

import math

import numpy as np

FLOOR = 1e-6


def scott_bandwidth(samples: np.ndarray) -> float:
    """Scott's rule for a d-dimensional isotropic Gaussian kernel: n^(-1/(d+4)) times the mean
    per-axis standard deviation."""
    s = np.asarray(samples, dtype=np.float64)
    s = s[np.isfinite(s).all(1)]
    if len(s) < 2:
        return 1.0
    d = s.shape[1]
    return max(float(s.std(0).mean()) * len(s) ** (-1.0 / (d + 4)), 1e-6)


def _blur_axis(a: np.ndarray, sigma_cells: float, axis: int) -> np.ndarray:
    radius = max(1, int(math.ceil(4 * sigma_cells)))
    t = np.arange(-radius, radius + 1)
    k = np.exp(-0.5 * (t / max(sigma_cells, 1e-9)) ** 2)
    k /= k.sum()
    n = a.shape[axis]
    return np.apply_along_axis(lambda v: np.convolve(v, k)[radius:radius + n], axis, a)


def binned_kde(samples: np.ndarray, xs: np.ndarray, ys: np.ndarray, bandwidth: float) -> np.ndarray:
    """Probability masses [len(ys) * len(xs) + 1]: a Gaussian KDE of ``samples`` [n, 2] over the
    grid cells centred on ``xs`` x ``ys`` (row = y), plus the mass outside the grid (last)."""
    s = np.asarray(samples, dtype=np.float64)
    n = len(s)
    s = s[np.isfinite(s).all(1)]
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    x_edges = np.concatenate([xs - dx / 2, [xs[-1] + dx / 2]])
    y_edges = np.concatenate([ys - dy / 2, [ys[-1] + dy / 2]])
    counts, _, _ = np.histogram2d(s[:, 1], s[:, 0], bins=[y_edges, x_edges])
    # blurring inside the grid: what leaks over the edge joins the outside mass
    blurred = _blur_axis(_blur_axis(counts, bandwidth / dy, 0), bandwidth / dx, 1)
    inside = blurred.ravel() / max(n, 1)
    return np.concatenate([inside, [max(0.0, 1.0 - inside.sum())]])


def divergences(p: np.ndarray, q: np.ndarray, floor: float = FLOOR) -> dict:
    """KL(p || q), KL(q || p) and JS(p, q) in nats of two distributions over the same cells
    (each normalised and mixed with ``floor`` of the uniform distribution first)."""
    p = np.asarray(p, dtype=np.float64).ravel()
    q = np.asarray(q, dtype=np.float64).ravel()
    if p.shape != q.shape or not len(p):
        raise ValueError(f"p and q must have the same non-empty shape, got {p.shape} and {q.shape}")
    if (p < 0).any() or (q < 0).any() or p.sum() <= 0 or q.sum() <= 0:
        raise ValueError("p and q must be non-negative with positive total mass")
    u = 1.0 / len(p)
    p = (1 - floor) * p / p.sum() + floor * u
    q = (1 - floor) * q / q.sum() + floor * u
    m = 0.5 * (p + q)
    kl_pq = float(np.sum(p * np.log(p / q)))
    kl_qp = float(np.sum(q * np.log(q / p)))
    js = float(0.5 * np.sum(p * np.log(p / m)) + 0.5 * np.sum(q * np.log(q / m)))
    return {"kl_data_g": max(kl_pq, 0.0), "kl_g_data": max(kl_qp, 0.0), "js": max(js, 0.0)}


def grid_divergences(real: np.ndarray, fake: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> dict:
    """KL both ways and JS (nats) between KDEs of ``real`` and ``fake`` [n, 2] on the grid, plus
    the bandwidth used (see the module docstring)."""
    h = scott_bandwidth(real)
    out = divergences(binned_kde(real, xs, ys, h), binned_kde(fake, xs, ys, h))
    out["bandwidth"] = h
    return out
