"""Live-curve histories in compact NumPy tables, and metric records turned into columns.

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
                             "n_modes", "threads", "eval_samples", "eval_seconds"})
# Keys only some records hold (the steps that evaluate), kept by newest_record.
NOW_AND_THEN_KEYS = ("eval_seconds",)


def newest_record(records: list[dict]) -> dict:
    """The newest of ``records`` (non-empty), with the newest value of each key that only some
    records hold (:data:`NOW_AND_THEN_KEYS`) when it does not hold it itself."""
    last = records[-1]
    missing = [k for k in NOW_AND_THEN_KEYS if k not in last]
    if not missing:
        return last
    last = dict(last)
    for r in reversed(records):
        for k in [k for k in missing if k in r]:
            last[k] = r[k]
            missing.remove(k)
        if not missing:
            break
    return last


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


def _with_room(a: np.ndarray, used: int, need: int) -> np.ndarray:
    """``a`` if it holds ``need`` items, else a copy of its first ``used`` items in an array of
    the same dtype at least twice as long (amortised growth)."""
    if need <= len(a):
        return a
    new = np.empty(max(need, 2 * len(a)), dtype=a.dtype)
    new[:used] = a[:used]
    return new


class _Column:
    """One key's raw and smoothed values (float32), from the history row where it first appeared."""

    def __init__(self, start: int, capacity: int):
        self.start = start
        self.raw = np.empty(capacity, dtype=np.float32)
        self.smoothed = np.empty(capacity, dtype=np.float32)
        self.n = 0
        self.last, self.count = 0.0, 0      # the running average (see ema_continue)

    def extend(self, values: np.ndarray, weight: float) -> None:
        need = self.n + len(values)
        self.raw = _with_room(self.raw, self.n, need)
        self.smoothed = _with_room(self.smoothed, self.n, need)
        values = np.asarray(values, dtype=np.float64)
        s, self.last, self.count = ema_continue(values, weight, self.last, self.count)
        self.raw[self.n:need] = values
        self.smoothed[self.n:need] = s
        self.n = need

    def resmooth(self, weight: float) -> None:
        s, self.last, self.count = ema_continue(self.raw[:self.n].astype(np.float64), weight, 0.0, 0)
        self.smoothed[:self.n] = s


class History:
    """Every curve of a run in one compact table that grows by doubling.

    One step column is shared by all keys; each key keeps its raw and smoothed values as float32
    from the row where it first appeared (a row without the key holds NaN).  A logged step thus
    costs 8 bytes plus 8 per key, and an append writes only the new rows (the arrays double
    when full, so copying is amortised).
    """

    def __init__(self, smoothing: float = 0.9, capacity: int = 1024):
        self._steps = np.empty(capacity, dtype=np.float64)
        self._n = 0
        self._columns: dict[str, _Column] = {}
        self.smoothing = smoothing

    def __len__(self) -> int:
        return self._n

    def keys(self) -> list[str]:
        return list(self._columns)

    @property
    def steps(self) -> np.ndarray:
        """The step of every row (a view)."""
        return self._steps[:self._n]

    def append(self, cols: Columns) -> None:
        m = len(cols)
        if not m:
            return
        n = self._n
        self._steps = _with_room(self._steps, n, n + m)
        self._steps[n:n + m] = cols.steps
        for key, values in cols.values.items():
            col = self._columns.get(key)
            if col is None:
                col = self._columns[key] = _Column(n, max(1024, m))
            gap = n - (col.start + col.n)      # rows logged without this key since it last came
            if gap > 0:
                col.extend(np.full(gap, np.nan), self.smoothing)
            col.extend(values, self.smoothing)
        self._n = n + m

    def set_smoothing(self, weight: float) -> None:
        """Recompute every smoothed curve with a new weight (O(n), vectorised)."""
        self.smoothing = weight
        for col in self._columns.values():
            col.resmooth(weight)

    def clear(self) -> None:
        self._n = 0
        self._columns.clear()

    def series(self, key: str) -> Series:
        return Series(self, key)

    def nbytes(self) -> int:
        """Memory held by the table (capacity included)."""
        return self._steps.nbytes + sum(c.raw.nbytes + c.smoothed.nbytes
                                        for c in self._columns.values())

    def _column(self, key: str) -> _Column | None:
        return self._columns.get(key)

    def _steps_of(self, col: _Column) -> np.ndarray:
        return self._steps[col.start:col.start + col.n]


class Series:
    """One key's curve in a :class:`History`: views, no copies (valid until the next append)."""

    _EMPTY = np.empty(0, dtype=np.float64)

    def __init__(self, history: History, key: str):
        self.history, self.key = history, key

    def __len__(self) -> int:
        col = self.history._column(self.key)
        return 0 if col is None else col.n

    @property
    def x(self) -> np.ndarray:
        col = self.history._column(self.key)
        return self._EMPTY if col is None else self.history._steps_of(col)

    @property
    def y(self) -> np.ndarray:
        col = self.history._column(self.key)
        return self._EMPTY if col is None else col.raw[:col.n]

    @property
    def smoothed(self) -> np.ndarray:
        col = self.history._column(self.key)
        return self._EMPTY if col is None else col.smoothed[:col.n]

    @property
    def last_value(self) -> float:
        col = self.history._column(self.key)
        return float(col.raw[col.n - 1]) if col is not None and col.n else math.nan
