"""Steps per second of a run, and the time left: the one estimate every front end shows.

``ganstudio train``'s progress line, the GUI's live run and a followed run directory all feed
a :class:`StepRate` with (step, seconds) pairs.  Only the clock differs: the command line and a
live run use the wall clock (so the ETA includes sample grids, evaluations and checkpoints), a
followed run the training clock its ``metrics.jsonl`` records carry (``time``), which also
replays a finished run.

The rate is measured over windows of at least ``window`` seconds and smoothed from window to
window (new = (1 - weight) old + weight window): steady enough to read, recent enough to follow
a run that slows down.  Before the first whole window it is the average since the first step
seen.  A clock or step that goes back (a resumed run) starts the estimate over.

A run that has finished is read in one go: there is no "recent" rate to follow, so
:class:`RunClock` gives its own average instead, the steps over the training clock of its
records.

The time left is the steps left at that rate plus, for a run that evaluates every
``train.eval_every`` steps, the last evaluation's duration (``eval_seconds`` of its log record)
for each evaluation still ahead: Inception metrics on a CPU can take longer than the steps
between them, and neither clock's rate holds them (the training clock leaves them out, the
wall clock's smoothed rate forgets them within a few windows).
"""
from __future__ import annotations

import math

WINDOW = 0.5     # seconds a window lasts at least
WEIGHT = 0.3     # share of the newest window in the smoothed rate


def evaluations_ahead(step: int, total: int, every: int) -> int:
    """How many evaluations (one at every multiple of ``every``; 0: none) a run at ``step``
    still makes up to step ``total``."""
    every = int(every or 0)
    if every <= 0 or int(total) <= int(step):
        return 0
    return int(total) // every - int(step) // every


def seconds_left(step: int, total: int, steps_per_s: float, eval_every: int = 0,
                 eval_seconds: float | None = None) -> float:
    """Time to reach step ``total`` at ``steps_per_s`` (inf when the rate is unknown), with
    ``eval_seconds`` for each evaluation ahead (none known yet: none counted)."""
    if not steps_per_s > 0:
        return math.inf
    left = max(int(total) - int(step), 0) / steps_per_s
    if isinstance(eval_seconds, (int, float)) and math.isfinite(eval_seconds) and eval_seconds > 0:
        left += evaluations_ahead(step, total, eval_every) * eval_seconds
    return left


class StepRate:
    def __init__(self, window: float = WINDOW, weight: float = WEIGHT):
        self.window, self.weight = float(window), float(weight)
        self.reset()

    def reset(self) -> None:
        """Forget every observation (a new run, or a followed run that started over)."""
        self._first: tuple[int, float] | None = None    # (step, seconds) of the first observation
        self._mark: tuple[int, float] | None = None     # where the current window began
        self._last: tuple[int, float] | None = None
        self._smoothed = 0.0
        self._windows = 0

    def observe(self, step: int, seconds: float) -> float:
        """Step ``step`` was reached at ``seconds`` (any clock, one per estimate); returns the rate."""
        step, seconds = int(step), float(seconds)
        if not math.isfinite(seconds):
            return self.per_second
        if self._last is not None and (step < self._last[0] or seconds < self._last[1]):
            self.reset()                                  # the run went back: start over
        if self._first is None:
            self._first = self._mark = (step, seconds)
        self._last = (step, seconds)
        s0, t0 = self._mark
        if seconds - t0 >= self.window:
            rate = (step - s0) / (seconds - t0)
            self._smoothed = rate if not self._windows else \
                (1.0 - self.weight) * self._smoothed + self.weight * rate
            self._windows += 1
            self._mark = (step, seconds)
        return self.per_second

    @property
    def per_second(self) -> float:
        """Steps per second (0.0 while nothing can be said)."""
        if self._windows:
            return self._smoothed
        if self._first is None:
            return 0.0
        (s0, t0), (s1, t1) = self._first, self._last
        return (s1 - s0) / (t1 - t0) if t1 > t0 and s1 > s0 else 0.0

    def seconds_left(self, step: int, total: int, eval_every: int = 0,
                     eval_seconds: float | None = None) -> float:
        """Time to reach step ``total`` at the current rate (inf when the rate is unknown),
        evaluations included (:func:`seconds_left`)."""
        return seconds_left(step, total, self.per_second, eval_every, eval_seconds)


class RunClock:
    """A run's own average steps per second: its newest step over its records' training clock.

    The training clock counts only time spent training (pauses and the time between a stop and
    a resume are not on it: a resumed run continues its clock from the checkpoint).  A run
    resumed on a fresh clock shows as a clock that goes back: each such stretch adds its own
    time, from the step the previous stretch had reached, so the stopped time never counts.
    """

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self._steps = self._seconds = 0.0      # of the stretches that ended
        self._start = (0, 0.0)                 # where the current stretch began (a run starts at 0, 0)
        self._last: tuple[int, float] | None = None

    def observe(self, step: int, seconds: float) -> None:
        step, seconds = int(step), float(seconds)
        if not math.isfinite(seconds) or seconds < 0:
            return
        last = self._last
        if last is not None and seconds < last[1]:                 # a fresh clock: a new stretch
            self._steps += last[0] - self._start[0]
            self._seconds += last[1] - self._start[1]
            self._start = (min(last[0], step), 0.0)
        self._last = (step, seconds)

    @property
    def per_second(self) -> float:
        """Steps per second over the run so far (0.0 while nothing can be said)."""
        if self._last is None:
            return 0.0
        steps = self._steps + self._last[0] - self._start[0]
        seconds = self._seconds + self._last[1] - self._start[1]
        return steps / seconds if steps > 0 and seconds > 0 else 0.0
