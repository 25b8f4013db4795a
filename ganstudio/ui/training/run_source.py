"""What the Training panel reads: one run's data and its state, whoever produces the run.

A :class:`RunSource` delivers a run the way the panel shows it: curve columns (``columns``,
already converted by ``records_to_columns`` on the thread that read the records), the progress
line (``progress``: a :class:`Progress` whose steps/s comes from the one
:class:`~ganstudio.train.step_rate.StepRate`), sample grids, toy snapshots, the run's recipe
and its other events.  Two sources stand behind it:

- :class:`LiveSource`: a run the panel trains, through the :class:`TrainWorker`'s batches (a
  QThread).  Its rate is measured on the wall clock as batches arrive, so the ETA includes
  sample grids, evaluations and checkpoints.
- :class:`FollowedSource`: a run directory another process writes (or wrote), read by a
  :class:`RunFollower` thread.  Its rate is measured on the run's own training clock (the
  records' ``time``), which also holds for a run written long ago.  Once the run has reached
  its last step (a finished run is often read in one go) the rate shown is the run's own
  average over its whole training clock, and ``finished`` says so; so it is, too, while a run
  attached as it trains has been read only once.

The ETA is the steps left at that rate plus the evaluations ahead (``train.eval_every``) at the
newest one's duration (:func:`ganstudio.train.step_rate.seconds_left`).

The run's state (idle, running, paused, ...) is a :class:`RunState`: the model the panel
writes and the controls, the teaching controls and the form follow.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from ganstudio.train.step_rate import StepRate, seconds_left
from ganstudio.ui.training.run_follower import POLL_MS, RunFollower

# Every state of the run on show.  "invalid": no run, and the form cannot start one.
STATES = ("idle", "invalid", "loading", "running", "paused", "stopping", "finished", "attached")
EDITABLE = frozenset({"idle", "invalid", "finished"})   # the recipe form may be edited
PROGRESS_INTERVAL = 0.25  # seconds between progress updates of a live run (each one repaints)


def _eval_every(recipe: dict) -> int:
    """train.eval_every of a recipe (0 when it has none or it is not a whole number)."""
    every = (recipe.get("train") or {}).get("eval_every", 0)
    return every if isinstance(every, int) and not isinstance(every, bool) and every > 0 else 0


class RunState(QObject):
    """The state of the run on show, and a detail to say instead of the state's own text."""

    changed = Signal(str, str)       # state, detail

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state, self.detail = "idle", ""

    def set(self, state: str, detail: str = "") -> None:
        if state not in STATES:
            raise ValueError(f"unknown run state {state!r}")
        self.state, self.detail = state, detail
        self.changed.emit(state, detail)

    @property
    def editable(self) -> bool:
        """Whether the recipe form may be changed (no run is under way)."""
        return self.state in EDITABLE


@dataclass(frozen=True)
class Progress:
    """What the progress line shows."""

    step: int
    total: int
    steps_per_s: float               # 0.0: unknown, or paused
    images_per_s: float | None
    threads: int | None
    seconds_left: float = math.inf   # evaluations ahead included; inf: unknown


class RunSource(QObject):
    """One run as the panel shows it.  Subclasses feed it through the ``_take_*`` methods."""

    columns = Signal(object)          # Columns to append to the curves
    progress = Signal(object)         # Progress
    grid = Signal(int, str, object)   # step, path, QImage | None (decoded later)
    toy = Signal(object)              # the newest toy snapshot (dict)
    recipe = Signal(dict)             # the run's resolved recipe, once known
    event = Signal(dict)              # any other event of the run (paused, checkpoint, hyper, ...)
    reset = Signal()                  # the run's history starts over (a resumed run truncated it)
    notice = Signal(str)              # something the user must read
    finished = Signal(bool)           # a followed run reached its last step (False: it goes on again)

    def __init__(self, run_dir: str | Path, parent=None):
        super().__init__(parent)
        self.run_dir = Path(run_dir)
        self.rate = StepRate()
        self.recipe_dict: dict | None = None
        self.total = 0
        self.step = 0
        self.images_per_s: float | None = None
        self.threads: int | None = None
        self.eval_every = 0                   # train.eval_every of the run's recipe
        self.eval_seconds: float | None = None  # what its newest evaluation took
        self._shown_at = -float("inf")

    def close(self) -> None:
        """Deliver nothing more (the panel shows another source)."""

    # --- the one path every source takes ------------------------------------------------------
    def _take_records(self, cols, last: dict | None) -> None:
        """Logged steps (as Columns) and the newest log record."""
        if cols is not None and len(cols):
            self.columns.emit(cols)
        if last is not None:
            self.images_per_s = last.get("images_per_s", self.images_per_s)
            self.threads = last.get("threads", self.threads)
            self.eval_seconds = last.get("eval_seconds", self.eval_seconds)

    def _take_step(self, step: int, seconds: float | None, *, paused: bool = False,
                   force: bool = True) -> None:
        """Step ``step`` reached at ``seconds`` of this source's clock (None: not known)."""
        self.step = int(step)
        if seconds is not None:
            self.rate.observe(self.step, seconds)
        now = time.monotonic()
        if not force and now - self._shown_at < PROGRESS_INTERVAL:
            return
        self._shown_at = now
        total = self.total or max(self.step, 1)
        rate = 0.0 if paused else self._steps_per_s()
        self.progress.emit(Progress(self.step, total, rate, self.images_per_s, self.threads,
                                    seconds_left(self.step, total, rate, self.eval_every, self.eval_seconds)))

    def _steps_per_s(self) -> float:
        return self.rate.per_second

    def _use_recipe(self, recipe: dict) -> None:
        """What the progress line needs of the run's recipe."""
        self.recipe_dict = recipe
        self.total = int((recipe.get("train") or {}).get("steps", 0) or 0)
        self.eval_every = _eval_every(recipe)

    def _take_recipe(self, recipe: dict) -> None:
        self._use_recipe(recipe)
        self.recipe.emit(recipe)

    def replay(self, up_to_step: int) -> None:
        """Deliver what the run directory holds up to ``up_to_step``: the history of a run
        that is continued from its checkpoint at that step."""
        from ganstudio.train.run import RunDir
        from ganstudio.ui.training.series import newest_record, records_to_columns
        run = RunDir(self.run_dir)
        records = [r for r in run.read_metrics()[0] if int(r.get("step", 0)) <= up_to_step]
        if records:
            self._take_records(records_to_columns(records), newest_record(records))
        for step, path in run.list_sample_grids():
            if step <= up_to_step:
                self.grid.emit(step, str(path), None)
        self._take_step(up_to_step, None)

    def _start_over(self) -> None:
        self.rate.reset()
        self.reset.emit()


class LiveSource(RunSource):
    """A run this panel trains: the TrainWorker's batches (``clock``: the wall clock)."""

    def __init__(self, worker, recipe: dict, clock: Callable[[], float] = time.monotonic,
                 parent=None):
        super().__init__(worker.run_dir, parent)
        self.worker, self._clock = worker, clock
        self._use_recipe(recipe)
        worker.batch.connect(self._on_batch)

    def close(self) -> None:
        try:
            self.worker.batch.disconnect(self._on_batch)
        except (RuntimeError, TypeError):   # already disconnected
            pass

    def _on_batch(self, batch) -> None:
        try:
            self.total = batch.total
            self._take_records(batch.columns, batch.last_log)
            for ev in batch.events:
                if ev.get("type") == "threads":
                    self.threads = ev.get("threads", self.threads)
            self._take_step(batch.step, self._clock(), paused=self.worker.is_paused,
                            force=bool(batch.events))
            for step, path, image in batch.grids:
                self.grid.emit(step, path, image)
            if batch.toy is not None:
                self.toy.emit(batch.toy)
            for ev in batch.events:
                self.event.emit(ev)
        finally:
            self.worker.ack()     # the next batch may come


class FollowedSource(RunSource):
    """A run directory another process writes (or wrote), read on a RunFollower thread."""

    def __init__(self, path: str | Path, interval_ms: int = POLL_MS, parent=None):
        super().__init__(path, parent)
        self.follower = f = RunFollower(path, interval_ms, parent=self)
        self.average = 0.0            # the run's own steps/s over its training clock so far
        self.done = False
        f.columns.connect(lambda cols: self._take_records(cols, None))
        f.average.connect(self._on_average)
        f.last_record.connect(self._on_record)
        f.grid.connect(self.grid)
        f.recipe.connect(self._take_recipe)
        f.reset.connect(self._start_over)
        f.failed.connect(self.notice)

    def start(self) -> None:
        self.follower.start()

    def close(self) -> None:
        self.follower.stop()

    def _on_average(self, rate: float) -> None:
        self.average = float(rate)

    def _steps_per_s(self) -> float:
        """The recent rate; until two reads have given one (a run attached while it trains is
        read in one go first), the run's own average."""
        return self.rate.per_second or self.average

    def _on_record(self, record: dict) -> None:
        """The newest record of a read: progress, with the rate on the run's training clock."""
        self._take_records(None, record)
        t = record.get("time")
        self._take_step(int(record.get("step", 0)),
                        float(t) if isinstance(t, (int, float)) and not isinstance(t, bool) else None)
        self._check_done()

    def _take_recipe(self, recipe: dict) -> None:
        super()._take_recipe(recipe)
        self._check_done()

    def _start_over(self) -> None:
        self.average = 0.0
        super()._start_over()

    def _check_done(self) -> None:
        """A run at its last step has finished: its progress shows its own average rate."""
        done = self.total > 0 and self.step >= self.total
        if done:
            self.progress.emit(Progress(self.step, self.total, self.average, self.images_per_s, self.threads))
        if done != self.done:
            self.done = done
            self.finished.emit(done)
