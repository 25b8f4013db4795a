"""The generator's manifold: the image under G of a regular grid of latents.

A regular grid of z (lines of constant z[0] and of constant z[1], each sampled densely) is
pushed through G; drawn over the data, the deformed grid shows how G folds and stretches
the latent plane onto the data (GAN Lab's "manifold" layer).  With more than two latent
dimensions the grid lies in the plane of z[0] and z[1] with every other coordinate 0 (a 2-D
slice through z); with one, it is a single line.
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ganstudio.core.nets import generate

Z_RANGE = 2.5          # the grid spans z in [-2.5, 2.5] per axis (99 % of N(0, 1) mass)
LINES = 11             # lines per direction
POINTS = 41            # points along each line


@torch.no_grad()
def manifold_lines(G: nn.Module, z_dim: int, device, lines: int = LINES, points: int = POINTS,
                   z_range: float = Z_RANGE) -> dict:
    """{"rows": [L, P, D], "cols": [L, P, D] (None for z_dim 1), "z_dim", "z_range", "slice"}:
    G's image of the lines z[1] = const ("rows") and z[0] = const ("cols")."""
    ticks = np.linspace(-z_range, z_range, lines)
    along = np.linspace(-z_range, z_range, points)
    if z_dim == 1:
        z = along[:, None]
        rows = _run(G, z, device)[None]
        return {"rows": rows, "cols": None, "z_dim": 1, "z_range": z_range, "slice": False}
    a, t = np.meshgrid(along, ticks)                 # [L, P]: a varies along a line
    rows_z = np.zeros((lines * points, z_dim))
    rows_z[:, 0], rows_z[:, 1] = a.ravel(), t.ravel()
    cols_z = np.zeros((lines * points, z_dim))
    cols_z[:, 0], cols_z[:, 1] = t.ravel(), a.ravel()
    out = _run(G, np.concatenate([rows_z, cols_z]), device)
    d = out.shape[1]
    half = lines * points
    return {"rows": out[:half].reshape(lines, points, d), "cols": out[half:].reshape(lines, points, d),
            "z_dim": z_dim, "z_range": z_range, "slice": z_dim > 2}


def _run(G: nn.Module, z: np.ndarray, device) -> np.ndarray:
    was_training = G.training
    G.eval()
    try:
        return generate(G, torch.from_numpy(z.astype(np.float32)).to(device)).float().cpu().numpy()
    finally:
        G.train(was_training)
