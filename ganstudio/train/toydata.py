"""Toy distributions for teaching: a 1-D Gaussian, a 1-D pair of Gaussians (for the f-GAN
lesson: mode-seeking vs mode-covering), the PacGAN 2-D mixtures, plus a spiral.

Each set is sampled deterministically (fixed seed) and knows its exact density, so the
optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)) can be drawn.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

from .datacache import DataError

TOY_SETS = ("gauss1d", "bimodal1d", "ring8", "grid25", "spiral")
TOY_SEED = 20240601

GAUSS1D_MEAN, GAUSS1D_STD = 5.0, 1.0
BIMODAL1D_MEANS, BIMODAL1D_SIGMA = (-3.0, 3.0), 0.5  # two equal Gaussians, far apart
RING8_RADIUS, RING8_SIGMA = 1.0, 0.01          # PacGAN "2D-ring": variance 1e-4
GRID25_SPACING, GRID25_SIGMA = 2.0, 0.05       # PacGAN "2D-grid": means {-4,-2,0,2,4}^2, var 0.0025
SPIRAL_TURNS, SPIRAL_R0, SPIRAL_R1, SPIRAL_SIGMA = 2.0, 0.2, 2.0, 0.05
_SPIRAL_NODES = 1024  # quadrature nodes along the curve: spacing <= sigma / 2 everywhere


@dataclass
class ToySpec:
    """What a toy set is: dimension, mixture centres / noise (None when not a mixture)."""
    name: str
    dim: int
    modes: np.ndarray | None
    sigma: float | None


def ring8_modes() -> np.ndarray:
    angles = 2 * np.pi * np.arange(8) / 8
    return RING8_RADIUS * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def grid25_modes() -> np.ndarray:
    ticks = GRID25_SPACING * np.arange(-2, 3)
    xx, yy = np.meshgrid(ticks, ticks, indexing="ij")
    return np.stack([xx.ravel(), yy.ravel()], axis=1)


def spiral_curve(t: np.ndarray) -> np.ndarray:
    """Points of the spiral's centre line for t in [0, 1]: radius grows linearly with angle."""
    angle = 2 * np.pi * SPIRAL_TURNS * t
    radius = SPIRAL_R0 + (SPIRAL_R1 - SPIRAL_R0) * t
    return np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=-1)


def toy_spec(name: str) -> ToySpec:
    if name == "gauss1d":
        return ToySpec(name, 1, None, None)
    if name == "bimodal1d":
        return ToySpec(name, 1, np.asarray(BIMODAL1D_MEANS, dtype=np.float64)[:, None],
                       BIMODAL1D_SIGMA)
    if name == "ring8":
        return ToySpec(name, 2, ring8_modes(), RING8_SIGMA)
    if name == "grid25":
        return ToySpec(name, 2, grid25_modes(), GRID25_SIGMA)
    if name == "spiral":
        return ToySpec(name, 2, None, None)
    raise DataError(f"unknown toy set {name!r} (known: {', '.join(TOY_SETS)})")


def sample_toy(name: str, n: int, seed: int = TOY_SEED) -> np.ndarray:
    """float32 [n, D] samples of toy set ``name``, the same for the same seed on any machine."""
    rng = np.random.RandomState(seed)
    if name == "gauss1d":
        x = GAUSS1D_MEAN + GAUSS1D_STD * rng.randn(n, 1)
    elif name in ("ring8", "grid25", "bimodal1d"):
        spec = toy_spec(name)
        centres = spec.modes[rng.randint(len(spec.modes), size=n)]
        x = centres + spec.sigma * rng.randn(n, spec.dim)
    elif name == "spiral":
        x = spiral_curve(rng.rand(n)) + SPIRAL_SIGMA * rng.randn(n, 2)
    else:
        toy_spec(name)  # raises
    return x.astype(np.float32)


def _mixture_density(x: np.ndarray, centres: np.ndarray, sigma: float,
                     chunk: int = 4096) -> np.ndarray:
    """Equal-weight isotropic Gaussian mixture density at x [n, D], float64, chunked."""
    d = centres.shape[1]
    norm = (2 * math.pi * sigma ** 2) ** (-d / 2) / len(centres)
    c = torch.from_numpy(np.ascontiguousarray(centres, dtype=np.float64))
    pts = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float64))
    out = torch.empty(len(pts), dtype=torch.float64)
    for i in range(0, len(pts), chunk):
        d2 = ((pts[i:i + chunk, None, :] - c[None]) ** 2).sum(-1)
        out[i:i + chunk] = d2.mul_(-0.5 / sigma ** 2).exp_().sum(1)
    return out.numpy() * norm


def _local_mixture_density(x: np.ndarray, centres: np.ndarray, sigma: float) -> np.ndarray:
    """Like :func:`_mixture_density` for many centres, summing only those within 8 sigma
    (the rest add < 1e-13 of a peak): points and centres are bucketed into square cells of
    side 8 sigma and each cell of points meets the centres of its 3x3 neighbourhood."""
    cell = 8.0 * sigma
    norm = (2 * math.pi * sigma ** 2) ** (-x.shape[1] / 2) / len(centres)
    out = np.zeros(len(x))
    c_cells = np.floor(centres / cell).astype(np.int64)
    by_cell: dict[tuple[int, int], list[int]] = {}
    for i, key in enumerate(map(tuple, c_cells)):
        by_cell.setdefault(key, []).append(i)
    p_cells = np.floor(x / cell).astype(np.int64)
    keys, inverse = np.unique(p_cells, axis=0, return_inverse=True)
    order = np.argsort(inverse.ravel(), kind="stable")
    bounds = np.searchsorted(inverse.ravel()[order], np.arange(len(keys) + 1))
    for k, (cx, cy) in enumerate(keys):
        near = [i for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                for i in by_cell.get((cx + dx, cy + dy), ())]
        if not near:
            continue
        rows = order[bounds[k]:bounds[k + 1]]
        d2 = ((x[rows, None, :] - centres[None, near, :]) ** 2).sum(-1)
        out[rows] = np.exp(-0.5 / sigma ** 2 * d2).sum(1)
    return out * norm


def toy_density(name: str, x: np.ndarray) -> np.ndarray:
    """p_data(x) for points x ([n, D], or [n] for 1-D); float64 [n].

    Exact for gauss1d, bimodal1d, ring8 and grid25; for the spiral, the Gaussian-blurred curve is
    integrated with a midpoint rule over 1024 nodes; their spacing along the curve stays
    below sigma / 2 (relative error < 1e-3, largest at the two ends of the curve).
    """
    spec = toy_spec(name)
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 1 and spec.dim == 1:
        x = x[:, None]
    if x.ndim != 2 or x.shape[1] != spec.dim:
        raise DataError(f"{name} density expects points of shape [n, {spec.dim}], "
                         f"got {list(x.shape)}")
    if name == "gauss1d":
        z = (x[:, 0] - GAUSS1D_MEAN) / GAUSS1D_STD
        return np.exp(-0.5 * z ** 2) / (GAUSS1D_STD * math.sqrt(2 * math.pi))
    if spec.modes is not None:
        return _mixture_density(x, spec.modes, spec.sigma)
    nodes = spiral_curve((np.arange(_SPIRAL_NODES) + 0.5) / _SPIRAL_NODES)
    return _local_mixture_density(x, nodes, SPIRAL_SIGMA)


def as_tensor(arr: np.ndarray | None) -> torch.Tensor | None:
    return None if arr is None else torch.from_numpy(np.asarray(arr, dtype=np.float32))
