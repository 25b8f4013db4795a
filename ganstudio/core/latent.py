"""Latent-space maths: seeded sampling, truncation, interpolation, style mixing, sweeps, directions.

Everything here is pure tensor maths on z ([N, z_dim]) and ws ([N, num_ws, w_dim]); nothing
renders.  The StyleGAN generator's ``mapping`` owns ``w_avg`` and the row layout of ws
(``G.block_resolutions``, ``G.ws_rows(res)``); these functions only read them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .nets import has_mapping
from .render_device import device_of

# --- sampling -----------------------------------------------------------------------------------


def z_from_seed(seed: int, z_dim: int) -> torch.Tensor:
    """One latent [z_dim] from a seed; identical on every machine (NumPy's MT19937 + Box-Muller)."""
    if not 0 <= int(seed) < 2 ** 32:
        raise ValueError(translate("latent", "seed must be in [0, 2^32), got {0}").format(seed))
    return torch.from_numpy(np.random.RandomState(int(seed)).randn(z_dim).astype(np.float32))


def z_from_seeds(seeds: Sequence[int], z_dim: int) -> torch.Tensor:
    """A batch [len(seeds), z_dim]: latent i comes from seeds[i] alone (so grids are reproducible)."""
    return torch.stack([z_from_seed(s, z_dim) for s in seeds]) if len(seeds) else torch.zeros(0, z_dim)


def sample_z(seed: int, n: int, z_dim: int) -> torch.Tensor:
    """n latents [n, z_dim] from one seed: the same seed always gives the same batch."""
    return torch.from_numpy(np.random.RandomState(int(seed)).randn(n, z_dim).astype(np.float32))


# --- truncation and interpolation ---------------------------------------------------------------


def truncate(ws: torch.Tensor, w_avg: torch.Tensor, psi: float, cutoff: int | None = None) -> torch.Tensor:
    """Pull ws [N, num_ws, w_dim] toward w_avg by psi on rows [0, cutoff) (None: all rows)."""
    if psi == 1:
        return ws
    out = ws.clone()
    rows = slice(None) if cutoff is None else slice(0, cutoff)
    out[:, rows] = w_avg.to(ws.dtype).lerp(ws[:, rows], psi)
    return out


def lerp(a: torch.Tensor, b: torch.Tensor, t: float) -> torch.Tensor:
    """Linear interpolation: t = 0 gives a, t = 1 gives b."""
    return a + (b - a) * t


def slerp(a: torch.Tensor, b: torch.Tensor, t: float | Sequence[float] | torch.Tensor) -> torch.Tensor:
    """Spherical interpolation along the last axis; the norm goes linearly from |a| to |b|.

    t: a scalar (result shaped like a) or a 1-D sequence (result [len(t), *a.shape]).
    Endpoints are exact: t = 0 gives a and t = 1 gives b, bit for bit.
    """
    ts = torch.as_tensor(t, dtype=torch.float64)
    scalar = ts.ndim == 0
    ts = ts.reshape(-1)
    a64, b64 = a.double(), b.double()
    na, nb = a64.norm(dim=-1, keepdim=True), b64.norm(dim=-1, keepdim=True)
    ua, ub = a64 / na.clamp_min(1e-12), b64 / nb.clamp_min(1e-12)
    omega = torch.acos((ua * ub).sum(-1, keepdim=True).clamp(-1 + 1e-7, 1 - 1e-7))
    frames = []
    for ti in ts.tolist():
        if ti == 0.0:
            frames.append(a.clone())
            continue
        if ti == 1.0:
            frames.append(b.clone())
            continue
        so = torch.sin(omega)
        small = so.abs() < 1e-6  # (anti)parallel: fall back to lerp of directions
        wa = torch.where(small, torch.full_like(so, 1 - ti), torch.sin((1 - ti) * omega) / so)
        wb = torch.where(small, torch.full_like(so, ti), torch.sin(ti * omega) / so)
        d = wa * ua + wb * ub
        d = d / d.norm(dim=-1, keepdim=True).clamp_min(1e-12)
        frames.append((d * ((1 - ti) * na + ti * nb)).to(a.dtype))
    return frames[0] if scalar else torch.stack(frames)


def interpolation_path(points: torch.Tensor, n_frames: int, mode: str = "lerp",
                       closed: bool = False) -> torch.Tensor:
    """n_frames latents along a path through points [P, ...] (P >= 2), evenly spaced per segment.

    mode: "lerp" or "slerp".  closed: return to the first point (for seamless loops).
    """
    if mode not in ("lerp", "slerp"):
        raise ValueError(translate("latent", "mode must be 'lerp' or 'slerp', got"
                                             " {0!r}").format(mode))
    if points.shape[0] < 2:
        raise ValueError(translate("latent", "an interpolation needs at least two"
                                             " points"))
    if n_frames < 2:
        raise ValueError(translate("latent", "an interpolation needs at least two"
                                             " frames"))
    pts = torch.cat([points, points[:1]]) if closed else points
    segments = pts.shape[0] - 1
    # Global parameter u in [0, segments]; a closed loop leaves out its final (repeated) frame.
    us = np.linspace(0, segments, n_frames, endpoint=not closed)
    out = []
    for u in us:
        i = min(int(np.floor(u)), segments - 1)
        t = float(u - i)
        a, b = pts[i], pts[i + 1]
        out.append(slerp(a, b, t) if mode == "slerp" else a + (b - a) * t)
    return torch.stack(out)


# --- style mixing -------------------------------------------------------------------------------

MIX_PRESETS = ("coarse", "middle", "fine")


def mixing_rows(G, schedule: dict[int, int]) -> list[int]:
    """Which source latent feeds each row of ws, from a per-resolution schedule.

    schedule: block resolution -> source index (0 = latent A, 1 = B, ...); resolutions not named
    take source 0.
    """
    rows = [0] * G.num_ws
    for res in G.block_resolutions:
        for r in G.ws_rows(res):
            rows[r] = int(schedule.get(res, 0))
    # A ToRGB row shared with the next block follows that next block's source (official layout:
    # a block's last row is the next block's first), which ws_rows already reflects in order.
    return rows


def mix_ws(sources: Sequence[torch.Tensor] | torch.Tensor, rows: Sequence[int]) -> torch.Tensor:
    """ws whose row r comes from sources[rows[r]]; sources: S tensors [N, num_ws, w_dim]."""
    stack = torch.stack(list(sources)) if not isinstance(sources, torch.Tensor) else sources
    if stack.ndim != 4:
        raise ValueError(translate("latent", "expected sources [S, N, num_ws, "
                                             "w_dim], got {0}").format(tuple(stack.shape)))
    if len(rows) != stack.shape[2]:
        raise ValueError(translate("latent", "rows has {0} entries, ws has {1} "
                                             "rows").format(len(rows), stack.shape[2]))
    idx = torch.as_tensor(list(rows), device=stack.device)
    if idx.min() < 0 or idx.max() >= stack.shape[0]:
        raise ValueError(translate("latent", "a row names source {0}, only {1} "
                                             "given").format(int(idx.max()), stack.shape[0]))
    ar = torch.arange(stack.shape[2], device=stack.device)
    return stack[idx, :, ar].permute(1, 0, 2).contiguous()


def preset_resolutions(block_resolutions: Sequence[int], preset: str) -> list[int]:
    """Resolutions a StyleGAN-paper mixing preset takes from the second latent.

    For models of 64 px and up that start at 4 or 8 px the paper's bands are used (coarse 4-8,
    middle 16-32, fine 64+); other models (smaller ones, StyleGAN3's sampling rates) split their
    resolutions into three bands of near-equal size.
    """
    if preset not in MIX_PRESETS:
        raise ValueError(translate("latent", "preset must be one of {0}").format(', '.join(MIX_PRESETS)))
    res = list(block_resolutions)
    if max(res) >= 64 and min(res) <= 8:
        bands = {"coarse": [r for r in res if r <= 8], "middle": [r for r in res if 16 <= r <= 32],
                 "fine": [r for r in res if r >= 64]}
        return bands[preset]
    n = len(res)
    cut1 = max(1, round(n / 3 + 0.34))
    cut2 = max(cut1 + 1, round(2 * n / 3)) if n > 2 else n
    bands = {"coarse": res[:cut1], "middle": res[cut1:cut2], "fine": res[cut2:]}
    return bands[preset]


# --- sweeps and directions ----------------------------------------------------------------------


def sweep(base: torch.Tensor, direction: int | torch.Tensor, n: int,
          lo: float = -3.0, hi: float = 3.0, absolute: bool = True) -> torch.Tensor:
    """n latents varying one dimension (int) or moving along a direction vector.

    absolute: for a dimension, set it to values lo..hi (seed 000's latent exploration); for a
    direction, or when False, add lo..hi times the (unit) direction to base.
    """
    if n < 2:
        raise ValueError(translate("latent", "a sweep needs at least two steps"))
    values = torch.linspace(lo, hi, n, dtype=base.dtype, device=base.device)
    out = base.unsqueeze(0).repeat(n, *([1] * base.ndim))
    if isinstance(direction, int):
        if not 0 <= direction < base.shape[-1]:
            raise ValueError(translate("latent", "dimension {0} is outside 0..{1}").format(direction, base.shape[-1] - 1))
        if absolute:
            out[..., direction] = values.reshape(-1, *([1] * (base.ndim - 1)))
        else:
            out[..., direction] += values.reshape(-1, *([1] * (base.ndim - 1)))
        return out
    d = direction.to(base.dtype)
    d = d / d.norm().clamp_min(1e-12)
    return out + values.reshape(-1, *([1] * base.ndim)) * d


@dataclass(frozen=True)
class Directions:
    """Principal directions of w (GANSpace) or closed-form ones (SeFa)."""

    mean: torch.Tensor        # [w_dim]
    components: torch.Tensor  # [k, w_dim], unit rows
    stdevs: torch.Tensor      # [k]: spread of w along each direction (1.0 for SeFa)
    method: str


@torch.no_grad()
def pca_directions(G, k: int = 16, n_samples: int = 8192, seed: int = 0) -> Directions:
    """GANSpace: the top-k principal components of w = mapping(z) over n_samples random z
    (a class-conditional mapping network maps them with class 0, its default)."""
    if not has_mapping(G):
        raise ValueError(translate("latent", "PCA directions need a generator "
                                             "with a mapping network"))
    z = sample_z(seed, n_samples, G.z_dim).to(device_of(G))
    w = torch.cat([G.mapping(c, psi=1.0)[:, 0] for c in z.split(1024)]).double().cpu()
    mean = w.mean(0)
    _, s, vh = torch.linalg.svd(w - mean, full_matrices=False)
    k = min(k, vh.shape[0])
    return Directions(mean.float(), vh[:k].float(), (s[:k] / np.sqrt(n_samples - 1)).float(), "pca")


@torch.no_grad()
def sefa_directions(G, k: int = 16, resolutions: Sequence[int] | None = None) -> Directions:
    """SeFa: eigenvectors of A^T A for the style (affine) weights of the chosen blocks."""
    weights = []
    for name, p in G.named_parameters():
        if name.endswith("affine.weight"):
            res = _block_resolution(name)
            if resolutions is None or res in resolutions:
                weights.append(p.detach().double().cpu())
    if not weights:
        raise ValueError(translate("latent", "SeFa needs style (affine) layers; "
                                             "this generator has none"))
    A = torch.cat(weights, dim=0)
    A = A / A.norm(dim=1, keepdim=True).clamp_min(1e-12)
    evals, evecs = torch.linalg.eigh(A.T @ A)
    order = torch.argsort(evals, descending=True)[:k]
    comps = evecs[:, order].T.float()
    w_avg = getattr(G.mapping, "w_avg", torch.zeros(comps.shape[1]))
    return Directions(w_avg.detach().float().cpu(), comps, torch.ones(len(order)), "sefa")


def _block_resolution(param_name: str) -> int | None:
    for part in param_name.split("."):
        if part.startswith("b") and part[1:].isdigit():
            return int(part[1:])
    return None
