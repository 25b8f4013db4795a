"""Distribution metrics between sets of image features (any embedding, e.g. the classifier's).

- :func:`frechet_distance`: the Frechet (2-Wasserstein) distance between two Gaussians fitted to
  the features (Heusel et al. 2017; "FID" when the features are Inception-v3's, which ours are
  not).  The matrix square root is computed without SciPy from symmetric eigen-decompositions:
  ``tr sqrt(S1 S2) = tr sqrt(sqrt(S1) S2 sqrt(S1))`` and the right-hand matrix is symmetric
  positive semi-definite, so its eigenvalues are real and >= 0 (clipped at 0 against rounding).
- :func:`kid`: the kernel inception distance (Binkowski et al. 2018): the unbiased estimate of
  the squared MMD with the cubic polynomial kernel ``k(x, y) = (x.y / d + 1)^3``, averaged over
  random subsets.
- :func:`precision_recall`: improved precision and recall (Kynkaanniemi et al. 2019): each set's
  manifold is the union of balls around its points reaching their k-th nearest neighbour.
- :func:`class_coverage`: how many classes a classifier predicts for generated samples, and the
  KL divergence of the predicted-class histogram from the uniform one.

Everything here is NumPy / PyTorch on the CPU (or the features' device); nothing imports Qt.
"""
from __future__ import annotations

import math

import numpy as np
import torch

ArrayLike = np.ndarray | torch.Tensor


def _np64(x: ArrayLike) -> np.ndarray:
    if isinstance(x, torch.Tensor):
        x = x.detach().cpu().numpy()
    return np.asarray(x, dtype=np.float64)


def _features(x: ArrayLike, name: str) -> torch.Tensor:
    t = torch.as_tensor(_np64(x))
    if t.ndim != 2 or len(t) == 0:
        raise ValueError(f"{name} must be a non-empty [N, F] feature matrix, got {tuple(t.shape)}")
    if not torch.isfinite(t).all():
        raise ValueError(f"{name} contains NaN or inf")
    return t


# --- Frechet distance ---------------------------------------------------------------------------------

def mean_cov(feats: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Mean [F] and covariance [F, F] (unbiased, float64) of features [N, F], N >= 2."""
    x = _np64(feats)
    if x.ndim != 2 or len(x) < 2:
        raise ValueError(f"need at least 2 feature vectors [N, F], got shape {x.shape}")
    return x.mean(axis=0), np.cov(x, rowvar=False).reshape(x.shape[1], x.shape[1])


def sqrtm_psd(a: ArrayLike) -> np.ndarray:
    """Square root of a symmetric positive semi-definite matrix (negative eigenvalues -> 0)."""
    a = _np64(a)
    a = (a + a.T) / 2
    w, v = np.linalg.eigh(a)
    return (v * np.sqrt(np.clip(w, 0.0, None))) @ v.T


def trace_sqrt_product(s1: ArrayLike, s2: ArrayLike) -> float:
    """tr sqrt(S1 S2) for symmetric PSD S1, S2, via the symmetric sqrt(S1) S2 sqrt(S1)."""
    r1 = sqrtm_psd(s1)
    m = r1 @ _np64(s2) @ r1
    w = np.linalg.eigvalsh((m + m.T) / 2)
    return float(np.sqrt(np.clip(w, 0.0, None)).sum())


def frechet_distance(mu1: ArrayLike, sigma1: ArrayLike, mu2: ArrayLike, sigma2: ArrayLike) -> float:
    """|mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr sqrt(S1 S2): the Frechet distance of two Gaussians."""
    mu1, mu2 = _np64(mu1).reshape(-1), _np64(mu2).reshape(-1)
    s1, s2 = _np64(sigma1), _np64(sigma2)
    d = mu1.shape[0]
    if mu2.shape != (d,) or s1.shape != (d, d) or s2.shape != (d, d):
        raise ValueError(f"shapes do not match: mu1 {mu1.shape}, S1 {s1.shape}, "
                         f"mu2 {mu2.shape}, S2 {s2.shape}")
    diff = mu1 - mu2
    value = diff @ diff + np.trace(s1) + np.trace(s2) - 2.0 * trace_sqrt_product(s1, s2)
    return float(max(value, 0.0))


def frechet_distance_features(feats_a: ArrayLike, feats_b: ArrayLike) -> float:
    """Frechet distance between Gaussians fitted to two feature sets."""
    return frechet_distance(*mean_cov(feats_a), *mean_cov(feats_b))


# --- KID --------------------------------------------------------------------------------------------

def polynomial_kernel(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """(x . y / d + 1)^3 for all pairs: [n, d] x [m, d] -> [n, m] (float32; sum it in float64)."""
    x, y = x.float(), y.float()  # no copy when already float32
    t = torch.addmm(torch.ones(1, dtype=x.dtype, device=x.device), x, y.T, alpha=1.0 / x.shape[1])
    return t.square().mul_(t)  # much faster than t ** 3 on CPUs


def _total(k: torch.Tensor) -> float:
    """Sum of a float32 matrix: float32 row sums (pairwise summation) added in float64."""
    return float(k.sum(dim=1).double().sum())


def mmd2_unbiased(x: torch.Tensor, y: torch.Tensor) -> float:
    """Unbiased MMD^2 of two samples [m, d] and [n, d] (m, n >= 2) with the cubic kernel.

    Kernel values are float32 and their sums are accumulated in float64, so the difference
    of the three means keeps about 6 significant digits of the kernel's scale."""
    m, n = len(x), len(y)
    kxx, kyy, kxy = polynomial_kernel(x, x), polynomial_kernel(y, y), polynomial_kernel(x, y)
    xx = (_total(kxx) - float(kxx.diagonal().double().sum())) / (m * (m - 1))
    yy = (_total(kyy) - float(kyy.diagonal().double().sum())) / (n * (n - 1))
    return xx + yy - 2.0 * _total(kxy) / (m * n)


def kid(feats_a: ArrayLike, feats_b: ArrayLike, *, n_subsets: int = 100, subset_size: int = 1000,
        seed: int = 0) -> tuple[float, float]:
    """Kernel inception distance (in whatever feature space the features come from).

    Returns (mean, standard deviation) of the unbiased MMD^2 over ``n_subsets`` random subsets
    of ``min(subset_size, len(a), len(b))`` points drawn without replacement from each set.
    The mean is an unbiased estimate: about 0 (it can be slightly negative) for one distribution.
    """
    a, b = _features(feats_a, "feats_a"), _features(feats_b, "feats_b")
    if a.shape[1] != b.shape[1]:
        raise ValueError(f"feature sizes differ: {a.shape[1]} and {b.shape[1]}")
    size = min(subset_size, len(a), len(b))
    if size < 2:
        raise ValueError("KID needs at least 2 samples in each set")
    a, b = a.float(), b.float()  # once, not per subset
    rng = np.random.RandomState(seed)
    values = [mmd2_unbiased(a[torch.from_numpy(rng.choice(len(a), size, replace=False))],
                            b[torch.from_numpy(rng.choice(len(b), size, replace=False))])
              for _ in range(n_subsets)]
    return float(np.mean(values)), float(np.std(values))


# --- precision and recall -----------------------------------------------------------------------------

def _pairwise_dist(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Euclidean distances [n, m] between rows of x [n, F] and y [m, F] (same dtype)."""
    sq = (x * x).sum(1)[:, None] + (y * y).sum(1)[None, :]
    return torch.addmm(sq, x, y.T, alpha=-2.0).clamp_(min=0.0).sqrt_()


def knn_radii(feats: torch.Tensor, k: int = 3, chunk: int = 1024) -> torch.Tensor:
    """Distance of every point [N, F] to its k-th nearest neighbour in the set (itself excluded)."""
    if len(feats) <= k:
        raise ValueError(f"k-NN radii with k={k} need more than {k} points, got {len(feats)}")
    out = torch.empty(len(feats), dtype=feats.dtype)
    for i in range(0, len(feats), chunk):
        d = _pairwise_dist(feats[i:i + chunk], feats)
        rows = torch.arange(len(d))
        d[rows, rows + i] = 0.0  # exactly 0 to itself (rounding may leave ~1e-4 of the norm)
        # the smallest k + 1 distances include the point itself
        out[i:i + chunk] = d.topk(k + 1, dim=1, largest=False).values[:, k]
    return out


def coverage_by_balls(centres: torch.Tensor, radii: torch.Tensor, queries: torch.Tensor,
                      chunk: int = 1024) -> float:
    """Fraction of ``queries`` lying in at least one ball (centre, radius) of the manifold."""
    inside = 0
    for i in range(0, len(queries), chunk):
        d = _pairwise_dist(queries[i:i + chunk], centres)
        inside += int((d <= radii[None, :]).any(dim=1).sum())
    return inside / len(queries)


def precision_recall(real_feats: ArrayLike, fake_feats: ArrayLike, k: int = 3, *,
                     real_radii: torch.Tensor | None = None) -> tuple[float, float]:
    """Improved precision and recall (Kynkaanniemi et al. 2019) with k-NN manifolds.

    precision: fraction of fake samples inside the real manifold (are samples realistic?).
    recall: fraction of real samples inside the fake manifold (is the data's variety covered?).
    Real outliers have large balls, so a generator collapsed onto one point near an outlier
    can score high precision; its recall (and class coverage) then shows the collapse.
    real_radii: the real set's k-NN radii when already known (from :func:`knn_radii`).
    """
    real, fake = _features(real_feats, "real_feats"), _features(fake_feats, "fake_feats")
    if real.shape[1] != fake.shape[1]:
        raise ValueError(f"feature sizes differ: {real.shape[1]} and {fake.shape[1]}")
    # float32 distances: 2-4x faster; a point's distance to its own copy is ~1e-4 of its norm
    real, fake = real.float(), fake.float()
    r_real = knn_radii(real, k) if real_radii is None else real_radii.float()
    r_fake = knn_radii(fake, k)
    return coverage_by_balls(real, r_real, fake), coverage_by_balls(fake, r_fake, real)


# --- class coverage ----------------------------------------------------------------------------------

def class_histogram(pred_labels: ArrayLike, n_classes: int = 10) -> np.ndarray:
    """Counts [n_classes] of predicted labels."""
    labels = np.asarray(pred_labels.detach().cpu() if isinstance(pred_labels, torch.Tensor)
                        else pred_labels).reshape(-1)
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(f"labels must lie in [0, {n_classes})")
    return np.bincount(labels.astype(np.int64), minlength=n_classes)


def class_coverage(pred_labels: ArrayLike, n_classes: int = 10) -> tuple[int, float]:
    """(number of classes predicted at least once, KL(predicted histogram || uniform) in nats).

    KL is 0 for perfectly balanced predictions and log(n_classes) when every sample gets the
    same class; inf for no samples at all.
    """
    counts = class_histogram(pred_labels, n_classes)
    total = counts.sum()
    if total == 0:
        return 0, math.inf
    p = counts[counts > 0] / total
    return int((counts > 0).sum()), float(max((p * np.log(p * n_classes)).sum(), 0.0))


# --- Inception Score and path length -----------------------------------------------------------------

def inception_score(probs: ArrayLike, splits: int = 10) -> tuple[float, float]:
    """Inception Score (Salimans et al. 2016) of class probabilities [N, C]: mean and standard
    deviation over ``splits`` equal parts of exp(E_x KL(p(y|x) || p(y))), p(y) the part's mean.

    1 when every sample gets the same prediction (or every prediction is uniform); C for
    confident predictions spread evenly over the C classes."""
    p = _np64(probs)
    if p.ndim != 2 or len(p) == 0:
        raise ValueError(f"probabilities must be a non-empty [N, C] matrix, got {p.shape}")
    if not 1 <= splits <= len(p):
        raise ValueError(f"splits must be in [1, {len(p)}] for {len(p)} samples, got {splits}")
    if (p < 0).any() or not np.allclose(p.sum(1), 1.0, atol=1e-4):
        raise ValueError("each row must be a probability distribution (>= 0, summing to 1)")
    scores = []
    for part in np.array_split(p, splits):
        marginal = part.mean(0, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            kl = np.where(part > 0, part * (np.log(part) - np.log(marginal)), 0.0).sum(1)
        scores.append(math.exp(kl.mean()))
    return float(np.mean(scores)), float(np.std(scores))


def filtered_mean(values: ArrayLike, lo: float = 1.0, hi: float = 99.0) -> float:
    """Mean of the values between the ``lo``-th and ``hi``-th percentiles (inclusive): the
    perceptual path length's guard against rare huge steps (Karras et al. 2019)."""
    v = _np64(values).reshape(-1)
    if v.size == 0:
        raise ValueError("no values")
    a, b = np.percentile(v, lo, method="lower"), np.percentile(v, hi, method="higher")
    return float(v[(v >= a) & (v <= b)].mean())
