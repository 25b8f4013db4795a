"""Growing NumPy buffers for live curves, and the conversion of metric records into columns.

Metric records are plain dicts (``{"step": 120, "loss_d": 0.61, ...}``).  The expensive part,
turning thousands of dicts into arrays, happens where the records arrive (the training worker
or the run-directory follower thread); the GUI thread only appends ready-made arrays.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

# Keys of a metric record that are not curves.
NON_SERIES_KEYS = frozenset({"step", "time", "type", "images", "kimg", "epoch", "elapsed",
                             "images_per_s", "imgs_per_s", "steps_per_s", "lr_g", "lr_d",
                             "n_modes"})


@dataclass
class Columns:
    """Metric records as columns: one step array and one value array per numeric key."""

    steps: np.ndarray
    values: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.steps)


def records_to_columns(records: list[dict]) -> Columns:
    """Columns of every numeric key (a record missing a key, or holding null, gives NaN there)."""
    rows = [r for r in records if isinstance(r.get("step"), (int, float))]
    steps = np.fromiter((r["step"] for r in rows), dtype=np.float64, count=len(rows))
    keys: list[str] = []
    seen = set()
    for r in rows:
        for k, v in r.items():
            if k in seen or k in NON_SERIES_KEYS:
                continue
            if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)):
                seen.add(k)
                keys.append(k)
    values = {}
    for k in keys:
        col = np.empty(len(rows), dtype=np.float64)
        for i, r in enumerate(rows):
            v = r.get(k)
            col[i] = v if isinstance(v, (int, float)) and not isinstance(v, bool) else math.nan
        if np.isfinite(col).any():
            values[k] = col
    return Columns(steps, values)


def ema_continue(x: np.ndarray, weight: float, last: float, count: int) -> tuple[np.ndarray, float, int]:
    """Debiased exponential moving average of ``x`` continuing from a previous state.

    ``last`` is the biased running average so far and ``count`` how many finite values it has
    seen (0 = none yet).  NaN values are skipped (the average holds).  Returns the debiased
    averages for ``x`` and the new (last, count).
    """
    out = np.empty(len(x), dtype=np.float64)
    w = float(weight)
    if w <= 0.0:  # no smoothing
        finite = np.isfinite(x)
        out[:] = x
        return out, (float(x[finite][-1]) if finite.any() else last), count + int(finite.sum())
    block = 64
    for start in range(0, len(x), block):
        chunk = x[start:start + block]
        if not np.isfinite(chunk).all():  # rare (diverged runs): a plain loop skipping NaN
            for i, v in enumerate(chunk):
                if math.isfinite(v):
                    last = w * last + (1.0 - w) * v
                    count += 1
                out[start + i] = last / (1.0 - w ** count) if count else math.nan
            continue
        m = len(chunk)
        p = w ** np.arange(1, m + 1)                       # w^1 .. w^m
        # y_k = w^(k+1) last + (1-w) sum_{j<=k} w^(k-j) x_j
        y = p * last + (1.0 - w) * p / w * np.cumsum(chunk / (p / w))
        n = count + np.arange(1, m + 1)
        out[start:start + m] = y / (1.0 - w ** n)
        last, count = float(y[-1]), count + m
    return out, last, count


class Series:
    """One curve's data: raw values, their smoothed version, in arrays that grow by doubling."""

    def __init__(self, smoothing: float = 0.9, capacity: int = 1024):
        self._x = np.empty(capacity)
        self._y = np.empty(capacity)
        self._s = np.empty(capacity)
        self._n = 0
        self.smoothing = smoothing
        self._last, self._count = 0.0, 0

    def __len__(self) -> int:
        return self._n

    def _reserve(self, extra: int) -> None:
        need = self._n + extra
        if need <= len(self._x):
            return
        cap = max(need, 2 * len(self._x))
        for name in ("_x", "_y", "_s"):
            old = getattr(self, name)
            new = np.empty(cap)
            new[:self._n] = old[:self._n]
            setattr(self, name, new)

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        if not len(x):
            return
        self._reserve(len(x))
        n = self._n
        self._x[n:n + len(x)] = x
        self._y[n:n + len(x)] = y
        s, self._last, self._count = ema_continue(np.asarray(y, dtype=np.float64), self.smoothing,
                                                  self._last, self._count)
        self._s[n:n + len(x)] = s
        self._n += len(x)

    def set_smoothing(self, weight: float) -> None:
        """Recompute the smoothed curve with a new weight (O(n), vectorised)."""
        self.smoothing = weight
        s, self._last, self._count = ema_continue(self._y[:self._n], weight, 0.0, 0)
        self._s[:self._n] = s

    def clear(self) -> None:
        self._n, self._last, self._count = 0, 0.0, 0

    @property
    def x(self) -> np.ndarray:
        return self._x[:self._n]

    @property
    def y(self) -> np.ndarray:
        return self._y[:self._n]

    @property
    def smoothed(self) -> np.ndarray:
        return self._s[:self._n]

    @property
    def last_value(self) -> float:
        return float(self._y[self._n - 1]) if self._n else math.nan
