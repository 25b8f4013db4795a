"""Teaching views of toy (1-D / 2-D) runs: what G makes, what D thinks, where G is pushed.

``toy_snapshot`` evaluates the current nets on grids over the data range and returns plain
NumPy arrays for plotting; the picture a run stores in ``samples/`` comes from
:mod:`.toy_picture` (samples on labelled axes).
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ganstudio.core.nets import generate
from ganstudio.train.losses import Objective
from ganstudio.train.metrics import PACGAN_SAMPLES, gaussian_fit, toy_mode_stats
from ganstudio.train.toy_theory import lesson_numbers
from ganstudio.train.toy_divergence import grid_divergences
from ganstudio.train.toy_manifold import manifold_lines
from ganstudio.train.toy_picture import density_histogram


GRID = 64   # cells per side of the 2-D views' grid (D's heat map, p_g, the KL / JS estimate)


def data_extent(data, margin: float = 0.15) -> np.ndarray:
    """[[lo, hi] per dimension] around the data (plus a margin)."""
    x = data.data.detach().float().cpu().numpy()
    lo, hi = np.percentile(x, 0.1, axis=0), np.percentile(x, 99.9, axis=0)
    pad = np.maximum((hi - lo) * margin, 0.25)
    return np.stack([lo - pad, hi + pad], axis=1)


def view_extent_1d(ext: np.ndarray, samples: np.ndarray, most: float = 3.0) -> np.ndarray:
    """The 1-D view's range: the data's, widened to show generated samples outside it (their
    0.5-99.5 % range) in steps of a quarter of the data's width, so the view moves seldom, and
    at most ``most`` data widths to each side."""
    lo, hi = float(ext[0, 0]), float(ext[0, 1])
    v = samples[:, 0][np.isfinite(samples[:, 0])]
    if not len(v):
        return ext
    step = (hi - lo) / 4
    s_lo, s_hi = np.percentile(v, [0.5, 99.5])
    if s_lo < lo:
        lo -= min(np.ceil((lo - s_lo) / step), 4 * most) * step
    if s_hi > hi:
        hi += min(np.ceil((s_hi - hi) / step), 4 * most) * step
    return np.array([[lo, hi]])


def _density(data, pts: np.ndarray) -> np.ndarray | None:
    fn = getattr(data, "density", None)
    if fn is None:
        return None
    out = fn(torch.from_numpy(pts.astype(np.float32)))
    if isinstance(out, torch.Tensor):
        out = out.detach().cpu().numpy()
    return np.asarray(out, dtype=np.float64).reshape(len(pts))


def _d_logits(D: nn.Module, pts: torch.Tensor, pack: int) -> torch.Tensor:
    """D's logits for each point (with PacGAN packing: a pack of ``pack`` copies of the point)."""
    return D(pts.repeat_interleave(pack, dim=0) if pack > 1 else pts).reshape(-1)


def _kde(samples: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """Gaussian KDE (Scott's rule) of 1-D samples on a grid."""
    s = samples[np.isfinite(samples)]
    if len(s) < 2:
        return np.zeros_like(grid)
    bw = max(1.06 * s.std() * len(s) ** (-1 / 5), 1e-3)
    u = (grid[:, None] - s[None, :]) / bw
    return np.exp(-0.5 * u * u).sum(1) / (len(s) * bw * np.sqrt(2 * np.pi))


def _g_push(D, objective: Objective, pts: torch.Tensor, real: torch.Tensor | None,
            pack: int) -> np.ndarray:
    """-d(G loss)/dx at each point: the direction the generator's gradient moves a sample there."""
    x = pts.detach().clone().requires_grad_(True)
    logits = _d_logits(D, x, pack)[:, None]
    real_logits = None
    if objective.g_needs_real:
        with torch.no_grad():
            real_logits = _d_logits(D, real[: len(x)], pack)[:, None]
    loss = objective.fn(real_logits, logits, "g") * len(x)   # per-point losses, summed
    (grad,) = torch.autograd.grad(loss, x)
    return (-grad).detach().cpu().numpy()


@torch.no_grad()
def toy_samples(G: nn.Module, z: torch.Tensor) -> np.ndarray:
    return generate(G, z).float().cpu().numpy()


def toy_snapshot(*, G: nn.Module, D: nn.Module, data, objective: Objective, z: torch.Tensor,
                 real: torch.Tensor, pack: int = 1, grid: int = GRID, field_grid: int = 16) -> dict:
    """Everything a toy teaching view draws, as NumPy arrays (see module docstring).

    z: latents for the generated samples (2500 for the PacGAN mode statistics).
    real: real samples (for scatter plots and for relativistic G losses).
    """
    device = next(D.parameters()).device
    samples = toy_samples(G, z.to(device))
    dim = samples.shape[1]
    ext = data_extent(data)
    if dim == 1:
        ext = view_extent_1d(ext, samples)
    prob_fn = objective.probability
    out: dict = {"dim": dim, "samples": samples, "real": real.cpu().numpy(), "extent": ext,
                 "objective": objective.name, "probability": prob_fn is not None}
    real_dev = real.to(device)
    with torch.no_grad():
        if dim == 1:
            xs = np.linspace(ext[0, 0], ext[0, 1], 256)
            pts = torch.from_numpy(xs[:, None].astype(np.float32)).to(device)
            logits = _d_logits(D, pts, pack)
            out.update(x=xs, p_data=_density(data, xs[:, None]), p_g=_kde(samples[:, 0], xs))
        else:
            xs = np.linspace(ext[0, 0], ext[0, 1], grid)
            ys = np.linspace(ext[1, 0], ext[1, 1], grid)
            gx, gy = np.meshgrid(xs, ys)                     # [H, W], row = y
            flat = np.stack([gx.ravel(), gy.ravel()], 1)
            pts = torch.from_numpy(flat.astype(np.float32)).to(device)
            logits = _d_logits(D, pts, pack)
            # rows = y, columns = x, as the grid; a density of all samples, as the 1-D views
            hist = density_histogram(samples[:, ::-1], grid, ext[::-1])
            dens = _density(data, flat)
            out.update(x=xs, y=ys, p_g=hist, p_data=None if dens is None else dens.reshape(grid, grid))
            out["divergence"] = grid_divergences(out["real"], samples, xs, ys)
            out["manifold"] = manifold_lines(G, int(z.shape[1]), device)
            logits = logits.reshape(grid, grid)
        out["d_logits"] = logits.float().cpu().numpy()
        out["d_value"] = prob_fn(logits.float()).cpu().numpy() if prob_fn else out["d_logits"]
    # the generator's push: on a coarse grid, and at (some of) the generated samples
    if dim == 1:
        fx = np.linspace(ext[0, 0], ext[0, 1], 2 * field_grid)
        fpts = fx[:, None]
    else:
        fx = np.linspace(ext[0, 0], ext[0, 1], field_grid)
        fy = np.linspace(ext[1, 0], ext[1, 1], field_grid)
        fgx, fgy = np.meshgrid(fx, fy)
        fpts = np.stack([fgx.ravel(), fgy.ravel()], 1)
    push = _g_push(D, objective, torch.from_numpy(fpts.astype(np.float32)).to(device), real_dev, pack)
    if dim == 1:
        out["field"] = {"x": fx, "u": push[:, 0]}
    else:
        out["field"] = {"x": fx, "y": fy, "u": push[:, 0].reshape(field_grid, field_grid),
                        "v": push[:, 1].reshape(field_grid, field_grid)}
    k = min(256, len(samples))
    out["sample_push"] = _g_push(D, objective, torch.from_numpy(samples[:k]).to(device), real_dev, pack)
    out.update(toy_quality(samples, data))
    out["lesson"] = lesson_numbers(G=G, D=D, objective=objective, snap=out, data=data, pack=pack)
    return out


def toy_quality(samples: np.ndarray, data) -> dict:
    """Mode statistics (PacGAN protocol) and, for 1-D data, the samples' mean and std."""
    out = {}
    modes = getattr(data, "modes", None)
    sigma = getattr(data, "sigma", None)
    if isinstance(modes, torch.Tensor):
        modes = modes.detach().cpu().numpy()
    if modes is not None and sigma is not None and len(modes):
        st = toy_mode_stats(samples[:PACGAN_SAMPLES], modes, sigma)
        out.update(modes_captured=st["modes_captured"], n_modes=st["n_modes"],
                   high_quality=st["high_quality"])
    if samples.shape[1] == 1:
        fit = gaussian_fit(samples)
        out.update(mean=fit["mean"], std=fit["std"])
    return out

