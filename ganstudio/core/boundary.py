"""A linear boundary in latent space from labelled samples (the idea of InterFaceGAN): samples of
w that have an attribute lie on one side of a hyperplane, those that lack it on the other, and
the hyperplane's unit normal is a direction that adds the attribute.

Two fits, both an L2-regularised linear classifier minimised with L-BFGS in float64:

- ``"logistic"``: logistic regression (log loss);
- ``"svm"``: a linear support vector machine with the squared hinge loss (smooth, so the same
  optimiser serves).

Samples are centred and divided by one overall spread (the root mean variance of w's
dimensions), so that the penalty means the same for any model; w's coordinates are kept, which
lets the penalty shrink the normal's components along directions in which w barely varies
(measured on the shipped Fashion-MNIST model's w: a planted direction is found better this way
than after scaling every dimension on its own).  The penalty falls as 10 / N with N samples.
Positives and negatives get equal total weight, so 20 marked tiles against 200 (or one class of
ten) do not pull the boundary to "never".

:func:`fit_boundary` reports its accuracy on a held-out part of the labels (stratified: a share
of each side), then fits the direction it returns on every label.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

METHODS = ("logistic", "svm")
MIN_PER_SIDE = 2          # a boundary needs at least this many samples on each side


@dataclass(frozen=True)
class Boundary:
    """A fitted hyperplane: ``normal . w + offset > 0`` means "has the attribute"."""

    normal: np.ndarray          # [D] float32, unit length, in w's coordinates
    offset: float               # the bias, for w in its own coordinates
    held_out_accuracy: float | None   # share of held-out samples on their side; None: none held out
    held_out: int               # how many samples were held out
    train_accuracy: float       # share of the fitted samples on their side
    positives: int
    negatives: int
    method: str


def _check(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(x, np.float64)
    y = np.asarray(y).astype(bool).reshape(-1)
    if x.ndim != 2:
        raise ValueError(translate("boundary", "samples must be [N, D], got shape"
                                               " {0}").format(x.shape))
    if len(y) != len(x):
        raise ValueError(translate("boundary", "{0} samples but {1} labels").format(len(x), len(y)))
    if not np.isfinite(x).all():
        raise ValueError(translate("boundary", "the samples contain NaN or inf"))
    pos, neg = int(y.sum()), int((~y).sum())
    if min(pos, neg) < MIN_PER_SIDE:
        raise ValueError(translate("boundary", "a boundary needs at least {0} "
                                               "samples on each side (got {1} "
                                               "with the attribute, {2} without)").format(MIN_PER_SIDE, pos, neg))
    return x, y


def fit_linear(x: np.ndarray, y: np.ndarray, method: str = "logistic",
               l2: float | None = None,  # penalty on the scaled weights; None: 10 / N
               max_iter: int = 200,     # L-BFGS iterations
               ) -> tuple[np.ndarray, float]:
    """(normal [D] unit, offset) of a balanced, L2-regularised linear classifier of x [N, D]."""
    if method not in METHODS:
        raise ValueError(translate("boundary", "method must be one of {0}, got "
                                               "{1!r}").format(', '.join(METHODS), method))
    x, y = _check(x, y)
    l2 = 10.0 / len(x) if l2 is None else l2
    if not (np.isfinite(l2) and l2 > 0):
        raise ValueError(translate("boundary", "l2 must be a positive number, got"
                                               " {0}").format(l2))
    mu, sd = x.mean(0), float(np.sqrt(x.var(0).mean()))
    sd = sd if sd > 1e-12 else 1.0
    xs = torch.from_numpy((x - mu) / sd)
    t = torch.from_numpy(np.where(y, 1.0, -1.0))
    weight = torch.from_numpy(np.where(y, 0.5 / y.sum(), 0.5 / (~y).sum()))  # each side sums to 1/2
    a = torch.zeros(x.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([a, b], lr=1.0, max_iter=max_iter, tolerance_grad=1e-9,
                            tolerance_change=1e-12, history_size=20, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        margin = t * (xs @ a + b)
        per = torch.nn.functional.softplus(-margin) if method == "logistic" else \
            torch.clamp(1 - margin, min=0) ** 2
        loss = (weight * per).sum() + 0.5 * l2 * (a * a).sum()
        loss.backward()
        return loss

    with torch.enable_grad():
        opt.step(closure)
    coef = a.detach().numpy() / sd                       # back to w's coordinates
    norm = float(np.linalg.norm(coef))
    if not np.isfinite(norm) or norm < 1e-12:
        raise ValueError(translate("boundary", "the labels do not separate along "
                                               "any direction of w (the fit is "
                                               "flat)"))
    offset = (float(b.detach()) - float(coef @ mu)) / norm
    return (coef / norm).astype(np.float32), offset


def _accuracy(normal: np.ndarray, offset: float, x: np.ndarray, y: np.ndarray) -> float:
    return float(((x @ normal.astype(np.float64) + offset > 0) == y).mean())


def held_out_split(y: np.ndarray, share: float, seed: int) -> np.ndarray:
    """A boolean mask of held-out samples: ``share`` of each side (at least one of each when the
    side has MIN_PER_SIDE + 1 or more), chosen at random with ``seed``."""
    if not 0 <= share < 1:
        raise ValueError(translate("boundary", "the held-out share must be in [0,"
                                               " 1), got {0}").format(share))
    rng = np.random.RandomState(seed)
    mask = np.zeros(len(y), bool)
    for side in (True, False):
        idx = np.flatnonzero(y == side)
        k = int(round(share * len(idx)))
        k = min(max(k, 1 if share > 0 else 0), len(idx) - MIN_PER_SIDE)
        if k > 0:
            mask[rng.choice(idx, k, replace=False)] = True
    return mask


def fit_boundary(x: np.ndarray,            # samples [N, D] (e.g. w of the labelled images)
                 y: np.ndarray,            # labels [N]: True = has the attribute
                 method: str = "logistic",
                 held_out: float = 0.25,   # share of each side kept out to measure accuracy
                 seed: int = 0,            # which samples are held out
                 l2: float | None = None,  # see fit_linear
                 ) -> Boundary:
    """Fit on all but a held-out share, report accuracy there, then fit on every label."""
    x, y = _check(x, y)
    mask = held_out_split(y, held_out, seed)
    acc = None
    if mask.any():
        n_fit, off_fit = fit_linear(x[~mask], y[~mask], method, l2)
        acc = _accuracy(n_fit, off_fit, x[mask], y[mask])
    normal, offset = fit_linear(x, y, method, l2)
    return Boundary(normal, offset, acc, int(mask.sum()), _accuracy(normal, offset, x, y),
                    int(y.sum()), int((~y).sum()), method)


def orthogonalise(direction: np.ndarray, against: np.ndarray | list) -> np.ndarray:
    """``direction`` [D] with its components along every row of ``against`` [K, D] removed,
    unit length (InterFaceGAN's conditional manipulation: moving along the result leaves the
    attributes of ``against`` unchanged, to first order)."""
    d = np.asarray(direction, np.float64).reshape(-1)
    basis = np.asarray(against, np.float64).reshape(-1, d.shape[0]) if len(against) else np.zeros((0, d.shape[0]))
    if basis.shape[0]:
        q, r = np.linalg.qr(basis.T)                 # orthonormal basis of their span
        keep = np.abs(np.diag(r)) > 1e-9 * max(1.0, float(np.abs(r).max()))
        q = q[:, keep]
        d = d - q @ (q.T @ d)
    norm = float(np.linalg.norm(d))
    if norm < 1e-6 * max(1.0, float(np.linalg.norm(direction))):
        raise ValueError(translate("boundary", "the direction lies within the "
                                               "span of the directions it should "
                                               "be independent of: nothing is "
                                               "left"))
    return (d / norm).astype(np.float32)


def cosine_matrix(vectors: np.ndarray) -> np.ndarray:
    """Cosine similarity of every pair of rows of ``vectors`` [K, D] -> [K, K]."""
    v = np.asarray(vectors, np.float64)
    if v.ndim != 2:
        raise ValueError(translate("boundary", "vectors must be [K, D], got shape"
                                               " {0}").format(v.shape))
    u = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    return np.clip(u @ u.T, -1.0, 1.0)
