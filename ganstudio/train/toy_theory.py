"""The theory the toy lessons check, computed from densities, networks and small simulations.

* The optimal discriminator and the Jensen-Shannon divergence on a 1-D grid: for a fixed G,
  D*(x) = p_data / (p_data + p_g) and V(D*, G) = 2 JSD(p_data, p_g) - log 4; both sides are
  integrated numerically (trapezoid rule), so the identity can be seen to hold.
* The generator's gradient under the saturating (minimax) and the non-saturating loss at the
  same samples and the same D: where D is confident the first vanishes, the second does not.
* A bilinear game min_x max_y x*y played by gradient steps: simultaneous steps spiral out,
  alternating steps circle forever; neither reaches the Nash equilibrium (0, 0).
* Per-layer largest singular values of D (spectral normalisation keeps them at 1), the share
  of D's weights pinned at a WGAN clipping bound, the critic's gradient norm between real and
  generated samples, and the share of samples on each mode of a mixture.
* For a generator with a mapping network (z -> w -> x): the path length at each w, the
  regulariser's |J_w^T y| averaged over directions y, its spread over w (path length
  regularisation shrinks it), and the image under the synthesis network of a regular grid of w.

Everything returns plain floats or NumPy arrays (no Qt).
"""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from ganstudio.core.nets import generate, has_mapping

LOG4 = math.log(4.0)
MASS_FRACTION = 0.05   # "where the data has mass": p_data at least 5 % of its peak


def _trapz(y: np.ndarray, x: np.ndarray) -> float:
    return float(np.sum(0.5 * (y[1:] + y[:-1]) * np.diff(x)))


def _normalised(p: np.ndarray, x: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), 0.0, None)
    total = _trapz(p, x)
    return p / total if total > 0 else p


def _xlogy_ratio(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """p * log(p / q), 0 where p = 0 (q > 0 wherever p > 0 here)."""
    out = np.zeros_like(p)
    m = p > 0
    out[m] = p[m] * np.log(p[m] / np.maximum(q[m], 1e-300))
    return out


def jsd_identity(x: np.ndarray, p_data: np.ndarray, p_g: np.ndarray) -> dict:
    """JSD(p_data, p_g) and V(D*, G) integrated on the grid ``x`` (densities renormalised on it).

    Returns {"jsd", "v_dstar", "two_jsd_minus_log4", "identity_gap"}: the two sides of
    V(D*, G) = 2 JSD - log 4, computed by different formulas (JSD through the KL divergences
    to the mixture, V from log D* and log(1 - D*)), and their difference.
    """
    x = np.asarray(x, dtype=np.float64)
    p, q = _normalised(p_data, x), _normalised(p_g, x)
    mix = 0.5 * (p + q)
    jsd = 0.5 * _trapz(_xlogy_ratio(p, mix), x) + 0.5 * _trapz(_xlogy_ratio(q, mix), x)
    total = p + q
    d_star = np.divide(p, total, out=np.full_like(p, 0.5), where=total > 0)
    with np.errstate(divide="ignore"):
        log_d = np.where(p > 0, np.log(np.maximum(d_star, 1e-300)), 0.0)
        log_1md = np.where(q > 0, np.log(np.maximum(1.0 - d_star, 1e-300)), 0.0)
    v = _trapz(p * log_d, x) + _trapz(q * log_1md, x)
    rhs = 2.0 * jsd - LOG4
    return {"jsd": float(jsd), "v_dstar": float(v), "two_jsd_minus_log4": float(rhs),
            "identity_gap": float(abs(v - rhs))}


def value_of_d(x: np.ndarray, p_data: np.ndarray, p_g: np.ndarray, d: np.ndarray) -> float:
    """V(D, G) = E_data[log D] + E_g[log(1 - D)] for D's probabilities ``d`` on the grid."""
    x = np.asarray(x, dtype=np.float64)
    p, q = _normalised(p_data, x), _normalised(p_g, x)
    d = np.clip(np.asarray(d, dtype=np.float64), 1e-12, 1 - 1e-12)
    return _trapz(p * np.log(d), x) + _trapz(q * np.log1p(-d), x)


def mass_mask(p_data: np.ndarray, fraction: float = MASS_FRACTION) -> np.ndarray:
    """Where the data has mass: p_data at least ``fraction`` of its peak."""
    p = np.asarray(p_data, dtype=np.float64)
    return p >= fraction * p.max(initial=0.0)


def max_deviation_from_half(values: np.ndarray, where: np.ndarray) -> float:
    """max |v - 1/2| over the points in ``where`` (the test of D = 1/2 at the equilibrium)."""
    v = np.asarray(values, dtype=np.float64)[where]
    return float(np.abs(v - 0.5).max()) if v.size else float("nan")


# --- the generator's gradient: saturating vs non-saturating ----------------------------------------

def saturation_gradients(D: nn.Module, fake: torch.Tensor, pack: int = 1) -> dict:
    """|d(G loss)/dx| at generated samples for both generator losses, with the same D.

    minimax (saturating): loss log(1 - D(x)), gradient D(x) |dl/dx| -> 0 where D is sure x is fake;
    non-saturating: loss -log D(x), gradient (1 - D(x)) |dl/dx| -> |dl/dx| there.
    Returns mean gradient norms {"grad_minimax", "grad_nonsaturating"} and "d_fake" = mean D(x).
    """
    x = fake.detach().clone().requires_grad_(True)
    logits = D(x.repeat_interleave(pack, dim=0) if pack > 1 else x).reshape(-1).float()
    (dl_dx,) = torch.autograd.grad(logits.sum(), x)
    slope = dl_dx.reshape(len(x), -1).norm(dim=1)
    prob = torch.sigmoid(logits.detach())
    return {"grad_minimax": float((prob * slope).mean()),
            "grad_nonsaturating": float(((1 - prob) * slope).mean()),
            "d_fake": float(prob.mean())}


# --- a bilinear game -------------------------------------------------------------------------------

def bilinear_game(steps: int, lr: float = 0.05, start: tuple[float, float] = (1.0, 1.0),
                  alternating: bool = False) -> np.ndarray:
    """Gradient play on min_x max_y x*y: [steps + 1, 2] positions (x, y).

    Simultaneous: x' = x - lr y, y' = y + lr x; each step multiplies the distance to the
    equilibrium (0, 0) by sqrt(1 + lr^2), so the players spiral outwards.
    Alternating (y moves after seeing the new x): the orbit stays on a closed curve: the players
    circle the equilibrium for ever without reaching it.
    """
    if steps < 0 or not math.isfinite(lr) or lr <= 0:
        raise ValueError("bilinear_game needs steps >= 0 and a positive finite lr")
    out = np.empty((steps + 1, 2))
    x, y = start
    out[0] = x, y
    for t in range(1, steps + 1):
        if alternating:
            x = x - lr * y
            y = y + lr * x
        else:
            x, y = x - lr * y, y + lr * x
        out[t] = x, y
    return out


# --- properties of D ---------------------------------------------------------------------------------

def _linear_layers(D: nn.Module) -> list[nn.Linear]:
    return [m for m in D.modules() if isinstance(m, nn.Linear)]


@torch.no_grad()
def layer_spectral_norms(D: nn.Module) -> list[float]:
    """Largest singular value of each linear layer's weight as the layer uses it (after
    spectral normalisation when it is applied), in order from input to output."""
    return [float(torch.linalg.matrix_norm(m.weight.detach().float(), ord=2))
            for m in _linear_layers(D)]


@torch.no_grad()
def clipped_share(D: nn.Module, bound: float) -> float:
    """Share of D's weights (not biases) at the clipping bound |w| = c (within 0.1 %)."""
    ws = [m.weight.detach().reshape(-1) for m in _linear_layers(D)]
    if not ws:
        return float("nan")
    w = torch.cat(ws).abs()
    return float((w >= bound * 0.999).float().mean())


def critic_gradient_norm(D: nn.Module, real: torch.Tensor, fake: torch.Tensor,
                         pack: int = 1) -> float:
    """Mean ||grad_x D(x)|| at points on the lines between real and generated samples (where
    WGAN-GP asks for 1), alpha = 0, 1/16, ..., 1 spread over the rows."""
    n = min(len(real), len(fake))
    n -= n % pack
    if n == 0:
        return float("nan")
    alpha = torch.linspace(0, 1, n, device=real.device)[:, None]
    x = (alpha * real[:n] + (1 - alpha) * fake[:n]).detach().requires_grad_(True)
    out = D(x).reshape(-1)
    (g,) = torch.autograd.grad(out.sum(), x)
    return float(g.reshape(n // pack, -1).norm(dim=1).mean())


# --- mixtures ----------------------------------------------------------------------------------------

def mode_shares(samples: np.ndarray, centres: np.ndarray, sigma: float,
                radius: float = 3.0) -> np.ndarray:
    """Share of samples within ``radius`` sigma of each mode (the rest lie between or outside)."""
    s = np.asarray(samples, dtype=np.float64).reshape(len(samples), -1)
    c = np.asarray(centres, dtype=np.float64).reshape(len(centres), -1)
    d = np.linalg.norm(s[:, None, :] - c[None], axis=-1)
    near = d <= radius * sigma
    return near.mean(axis=0) if len(s) else np.zeros(len(c))


# --- path lengths of a generator with a mapping network ---------------------------------------------

PATH_SAMPLES = 512     # w (from fixed z) at which the path lengths are measured
PATH_SEED = 61


def synthesis_jacobians(G: nn.Module, ws: torch.Tensor) -> torch.Tensor:
    """J = d synthesis / d w at each w of ``ws`` [N, 1, w_dim] (a toy's outputs are points):
    [N, data_dim, w_dim], one backward pass per output coordinate."""
    ws = ws.detach().requires_grad_(True)
    with torch.enable_grad():
        x = G.synthesis(ws).float()
        rows = [torch.autograd.grad(x[:, k].sum(), ws, retain_graph=k + 1 < x.shape[1])[0][:, 0]
                for k in range(x.shape[1])]
    return torch.stack(rows, 1).detach()


def fixed_ws(G: nn.Module, n: int = PATH_SAMPLES, seed: int = PATH_SEED) -> torch.Tensor:
    """The mapping network's w [n, 1, w_dim] for ``n`` fixed z (the same at every snapshot)."""
    device = next(G.parameters()).device
    z = torch.randn(n, G.z_dim, generator=torch.Generator().manual_seed(seed)).to(device)
    with torch.no_grad():
        return G.mapping(z)


def path_length_numbers(G: nn.Module, n: int = PATH_SAMPLES, seed: int = PATH_SEED, *,
                        ws: torch.Tensor | None = None) -> dict:
    """How evenly the synthesis network stretches w, at ``n`` w from fixed z (or at ``ws``
    [N, 1, w_dim] when given, e.g. the same :func:`fixed_ws` the grid is drawn over).

    The regulariser's length at w is |J_w^T y| for a random output direction y ~ N(0, I); its
    mean square over y is the squared Frobenius norm of J_w, so the path length at w is
    measured exactly (no probe noise) as |J_w|_F.  Returns "pl_cv" (std / mean of the lengths
    over w: 0 when every step in w moves the output equally far), "pl_mean" and "pl_stretch"
    (the median of sigma_max / sigma_min of J_w: 1 when a small circle of w maps to a circle)."""
    J = synthesis_jacobians(G, fixed_ws(G, n, seed) if ws is None else ws)
    lengths = J.square().sum((1, 2)).sqrt().double()
    mean = float(lengths.mean())
    s = torch.linalg.svdvals(J.double())
    stretch = s[:, 0] / s[:, -1].clamp_min(1e-12)
    return {"pl_cv": float(lengths.std() / mean) if mean > 0 else float("nan"), "pl_mean": mean,
            "pl_stretch": float(stretch.median())}


W_GRID_LINES, W_GRID_POINTS = 11, 41


@torch.no_grad()
def w_grid_lines(G: nn.Module, lines: int = W_GRID_LINES, points: int = W_GRID_POINTS, *,
                 ws: torch.Tensor | None = None) -> dict:
    """The synthesis network's image of a regular grid of w over the range the mapping network
    fills (the 1st to 99th percentile of each of the first two coordinates of w; the others at
    their median): {"rows": [L, P, D], "cols": [L, P, D], "w_lo": [2], "w_hi": [2]}.  An even
    grid of cells means equal steps in w move the output equally far."""
    ws = (fixed_ws(G) if ws is None else ws)[:, 0].float()
    lo = torch.quantile(ws[:, :2], 0.01, dim=0)
    hi = torch.quantile(ws[:, :2], 0.99, dim=0)
    centre = ws.median(dim=0).values
    ticks = [torch.linspace(float(lo[i]), float(hi[i]), lines) for i in range(2)]
    along = [torch.linspace(float(lo[i]), float(hi[i]), points) for i in range(2)]
    out = {}
    for key, moving in (("rows", 0), ("cols", 1)):
        fixed = 1 - moving
        w = centre.repeat(lines, points, 1)
        w[:, :, moving] = along[moving][None, :]
        w[:, :, fixed] = ticks[fixed][:, None]
        x = G.synthesis(w.reshape(lines * points, 1, -1).to(next(G.parameters()).device))
        out[key] = x.float().cpu().numpy().reshape(lines, points, -1)
    out["w_lo"], out["w_hi"] = lo.cpu().numpy(), hi.cpu().numpy()
    return out


def grid_cell_spread(grid: dict) -> float:
    """std / mean of the areas of the cells of a grid's image (``w_grid_lines``' rows at its
    tick lines): 0 when equal squares of w map to equal areas of the output plane."""
    rows = np.asarray(grid["rows"], dtype=np.float64)          # [L, P, 2], P = (L - 1) k + 1
    k = (rows.shape[1] - 1) // (rows.shape[0] - 1)
    p = rows[:, ::k, :2]                                       # the lattice [L, L, 2]
    a, b, c, d = p[:-1, :-1], p[:-1, 1:], p[1:, 1:], p[1:, :-1]
    area = 0.5 * np.abs((a[..., 0] * b[..., 1] - b[..., 0] * a[..., 1]) +
                        (b[..., 0] * c[..., 1] - c[..., 0] * b[..., 1]) +
                        (c[..., 0] * d[..., 1] - d[..., 0] * c[..., 1]) +
                        (d[..., 0] * a[..., 1] - a[..., 0] * d[..., 1]))
    mean = float(area.mean())
    return float(area.std() / mean) if mean > 0 else float("nan")


# --- every number the lessons read, for one toy snapshot ---------------------------------------------

SATURATION_OBJECTIVES = ("minimax", "nonsaturating")


def lesson_numbers(*, G: nn.Module, D: nn.Module, objective, snap: dict, data,
                   pack: int = 1) -> dict:
    """The numbers toy lessons show and check, from the snapshot's arrays and the nets.

    Always: "sigma_max" (largest singular value per D layer), "critic_grad" (mean ||grad_x D||
    between real and generated samples); probability objectives: "d_real" (mean D on real
    samples); minimax / non-saturating: the generator's gradient under both losses
    (:func:`saturation_gradients`) and their ratio "saturation"; clipped WGAN: "clip_share".
    1-D data with a known density (p_g from :func:`generator_density`): "dstar_dev" / "d_dev"
    (max |D* - 1/2| and |D - 1/2| where the data has mass), the JSD identity
    (:func:`jsd_identity`) and "v_d" = V(D, G); 1-D mixtures: "mode_share" per mode; 2-D
    generators with a mapping network: the path lengths (:func:`path_length_numbers`),
    "w_grid", the synthesis network's image of a grid of w (:func:`w_grid_lines`), and
    "grid_cv", the spread of its cells' areas (:func:`grid_cell_spread`).
    """
    device = next(D.parameters()).device
    samples = np.asarray(snap["samples"], dtype=np.float32)
    real = np.asarray(snap["real"], dtype=np.float32)
    fake_t = torch.from_numpy(samples[np.isfinite(samples).all(1)][:512]).to(device)
    real_t = torch.from_numpy(real[:512]).to(device)
    out: dict = {"sigma_max": layer_spectral_norms(D)}
    n = min(len(fake_t), len(real_t))
    out["critic_grad"] = critic_gradient_norm(D, real_t[:n], fake_t[:n], pack)
    prob = objective.probability
    if prob is not None:
        with torch.no_grad():
            logits = D(real_t.repeat_interleave(pack, 0) if pack > 1 else real_t).float()
            out["d_real"] = float(prob(logits).mean())
    if objective.name in SATURATION_OBJECTIVES and len(fake_t):
        sat = saturation_gradients(D, fake_t, pack)
        sat["saturation"] = sat["grad_minimax"] / max(sat["grad_nonsaturating"], 1e-30)
        out.update(sat)
    if objective.clip_weights:
        out["clip_share"] = clipped_share(D, objective.clip_weights)
    if snap["dim"] == 1 and snap.get("p_data") is not None:
        out.update(_one_d_numbers(G, D, prob, snap, data, samples, pack, device))
    if has_mapping(G) and snap["dim"] == 2:
        ws = fixed_ws(G)              # the mapping of the fixed z, once for both
        out.update(path_length_numbers(G, ws=ws))
        out["w_grid"] = w_grid_lines(G, ws=ws)
        out["grid_cv"] = grid_cell_spread(out["w_grid"])
    return out


DENSITY_SAMPLES = 10_000   # generator samples behind the 1-D density estimate of p_g
DENSITY_SEED = 97


def generator_density(G: nn.Module, z_dim: int, x: np.ndarray,
                      n: int = DENSITY_SAMPLES) -> np.ndarray:
    """p_g on the uniform grid ``x`` (1-D): ``n`` samples of G from fixed latents, binned on the
    grid and smoothed by a Gaussian kernel (Scott's bandwidth), so it costs O(n)."""
    device = next(G.parameters()).device
    z = torch.randn(n, z_dim, generator=torch.Generator().manual_seed(DENSITY_SEED)).to(device)
    with torch.no_grad():
        s = generate(G, z).float().cpu().numpy().reshape(-1)
    s = s[np.isfinite(s)]
    dx = float(x[1] - x[0])
    if len(s) < 2:
        return np.zeros_like(x)
    edges = np.concatenate([x - dx / 2, [x[-1] + dx / 2]])
    counts, _ = np.histogram(s, bins=edges)
    bw = max(1.06 * float(s.std()) * len(s) ** (-1 / 5), dx / 2)
    half = int(np.ceil(4 * bw / dx))
    u = np.arange(-half, half + 1) * dx / bw
    kernel = np.exp(-0.5 * u * u)
    kernel /= kernel.sum()
    return np.convolve(counts, kernel, mode="same") / (len(s) * dx)


def _one_d_numbers(G, D, prob, snap, data, samples, pack, device) -> dict:
    out: dict = {}
    # the integrals run over a grid wide enough for the data and (nearly) all generated samples
    s = samples[np.isfinite(samples[:, 0]), 0]
    lo, hi = float(snap["x"][0]), float(snap["x"][-1])
    if len(s):
        lo = min(lo, float(np.percentile(s, 0.1)) - 1.0)
        hi = max(hi, float(np.percentile(s, 99.9)) + 1.0)
    x = np.linspace(lo, hi, 1024)
    p_data = np.asarray(data.density(torch.from_numpy(x[:, None].astype(np.float32))), dtype=np.float64)
    p_g = generator_density(G, int(G.z_dim), x)
    out.update(jsd_identity(x, p_data, p_g))
    where = mass_mask(p_data)
    total = p_data + p_g
    d_star = np.divide(p_data, total, out=np.full_like(p_data, 0.5), where=total > 0)
    out["dstar_dev"] = max_deviation_from_half(d_star, where)
    if prob is not None:
        with torch.no_grad():
            pts = torch.from_numpy(x[:, None].astype(np.float32)).to(device)
            logits = D(pts.repeat_interleave(pack, 0) if pack > 1 else pts).reshape(-1).float()
            d = prob(logits).cpu().numpy()
        out["v_d"] = value_of_d(x, p_data, p_g, d)
        out["d_dev"] = max_deviation_from_half(d, where)
    modes = getattr(data, "modes", None)
    if modes is not None and getattr(data, "sigma", None) is not None:
        c = modes.detach().cpu().numpy() if isinstance(modes, torch.Tensor) else modes
        out["mode_share"] = mode_shares(samples, c, data.sigma).tolist()
    return out
