"""Following a run directory that ``ganstudio train`` is writing (or has finished).

A :class:`RunFollower` polls the directory on its own thread (a run on a server is typically
watched through a synced or mounted folder, where a read can take a while): new complete lines
of ``metrics.jsonl`` become :class:`Columns`, new sample grids are announced (the newest one
decoded), and the recipe is read once it appears.  A metrics file that shrank (the run was
resumed and its future truncated) starts the curves over.  A run directory that disappears is
reported once (what was read stays on screen); polling goes on in case it comes back.
"""
from __future__ import annotations

import time
import tomllib
from pathlib import Path

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from ganstudio.train.run import RunDir
from ganstudio.train.step_rate import RunClock
from ganstudio.ui.training.series import newest_record, records_to_columns

POLL_MS = 500
CHUNK_RECORDS = 50_000  # records per emitted chunk when reading a long finished run


def is_run_dir(path: str | Path) -> bool:
    """Whether ``path`` looks like a run directory (metrics, recipe or samples inside)."""
    p = Path(path)
    return p.is_dir() and any((p / name).exists() for name in ("metrics.jsonl", "recipe.toml", "samples"))


class _Poller(QObject):
    columns = Signal(object)          # Columns
    average = Signal(float)           # the run's own steps/s so far (its records' training clock)
    last_record = Signal(dict)
    grid = Signal(int, str, object)   # step, path, QImage | None
    recipe = Signal(dict)
    reset = Signal()
    failed = Signal(str)

    def __init__(self, path: Path, interval_ms: int):
        super().__init__()
        self.run = RunDir(path)
        self.interval_ms = interval_ms
        self.offset = 0
        self.clock = RunClock()
        self.grids_seen: set[int] = set()
        self.recipe_seen = False
        self.gone_reported = False
        self.timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self.timer = QTimer(self)
        self.timer.setInterval(self.interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.poll()

    @Slot()
    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()

    @Slot()
    def poll(self) -> None:
        if not self.run.path.is_dir():
            if not self.gone_reported:
                self.gone_reported = True
                self.failed.emit(self.tr("{0} no longer exists; the curves show what was read "
                                         "before").format(self.run.path))
            return
        self.gone_reported = False
        try:
            self._poll_recipe()
            self._poll_metrics()
            self._poll_grids()
        except Exception as e:  # a flaky network folder must not end the follower
            self.failed.emit(self.tr("cannot read {0}: {1}").format(self.run.path, e))

    def _poll_recipe(self) -> None:
        if self.recipe_seen:
            return
        text = self.run.read_recipe_text()
        if text is None:
            return
        try:
            self.recipe.emit(tomllib.loads(text))
        except tomllib.TOMLDecodeError:
            return  # being written; try again next time
        self.recipe_seen = True

    def _poll_metrics(self) -> None:
        path = self.run.metrics_path
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return
        if size < self.offset:  # truncated (a resumed run): start over
            self.offset = 0
            self.clock.reset()
            self.reset.emit()
        if size == self.offset:
            return
        records, self.offset = self.run.read_metrics(self.offset)
        records = [r for r in records if r.get("type", "log") == "log"]
        for start in range(0, len(records), CHUNK_RECORDS):
            self.columns.emit(records_to_columns(records[start:start + CHUNK_RECORDS]))
        for r in records:
            step, t = r.get("step"), r.get("time")
            if _number(step) and _number(t):
                self.clock.observe(step, t)
        if records:
            self.average.emit(self.clock.per_second)
            self.last_record.emit(newest_record(records))

    def _poll_grids(self) -> None:
        new = [(s, p) for s, p in self.run.list_sample_grids() if s not in self.grids_seen]
        for i, (step, path) in enumerate(new):
            self.grids_seen.add(step)
            image = None
            if i == len(new) - 1:  # decode only the newest; older ones load when scrubbed to
                image = QImage(str(path))
                if image.isNull():  # still being written: look again next time
                    self.grids_seen.discard(step)
                    continue
            self.grid.emit(step, str(path), image)


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class RunFollower(QObject):
    """Watches one run directory; signals arrive on the GUI thread."""

    columns = Signal(object)
    average = Signal(float)
    last_record = Signal(dict)
    grid = Signal(int, str, object)
    recipe = Signal(dict)
    reset = Signal()
    failed = Signal(str)

    def __init__(self, path: str | Path, interval_ms: int = POLL_MS, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.started_at = time.monotonic()
        self._thread = QThread()
        self._thread.setObjectName("RunFollower")
        self._poller = _Poller(self.path, interval_ms)
        self._poller.moveToThread(self._thread)
        for name in ("columns", "average", "last_record", "grid", "recipe", "reset", "failed"):
            getattr(self._poller, name).connect(getattr(self, name))
        self._thread.started.connect(self._poller.start)
        self._thread.finished.connect(self._poller.deleteLater)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop polling and end the thread (waits at most one poll)."""
        if self._thread.isRunning():
            QMetaObject.invokeMethod(self._poller, "stop", Qt.BlockingQueuedConnection)
            self._thread.quit()
            self._thread.wait(5000)
