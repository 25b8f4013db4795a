"""Background threads of the GUI.  The GUI thread never runs a training step.

:class:`TrainWorker` is a QThread around :class:`ganstudio.train.trainer.Trainer`.  The
trainer's events (plain dicts, called on the worker thread) are collected into a
:class:`TrainBatch` and handed to the GUI by the ``batch`` signal about 5 times a second (10
for the animated toy views), never more than one batch at a time: until the GUI calls
:meth:`TrainWorker.ack`, new events keep accumulating in the next batch.  A run doing
thousands of steps a second therefore cannot flood the event loop, and per step the worker
only keeps the event dict.  What costs more (turning log dicts into arrays, decoding the
newest sample PNG, toy snapshots) happens on the worker thread, once per batch.

Errors in the worker become the ``failed`` signal with a one-line message, never a crash.
"""
from __future__ import annotations

import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, QTimer, Signal
from PySide6.QtGui import QImage

from ganstudio.errors import describe
from ganstudio.ui import gui_gc
from ganstudio.ui.training.series import Columns, newest_record, records_to_columns

BATCH_INTERVAL = 0.2       # seconds between batches (5 Hz: curves and progress stay live)
TOY_INTERVAL = 0.1         # seconds between toy snapshots and their batches (at most 10 Hz) ...
TOY_BUDGET = 0.1           # ... and at most this share of the training time
# Sent at once (or as soon as the GUI takes the previous batch): no step may follow soon, as
# after an evaluation's start, which can hold the steps for a minute.
URGENT = frozenset({"paused", "resumed", "stopped", "done", "diverged", "checkpoint", "evaluating",
                    "evaluated", "manual_steps", "hyper", "delay"})


class _Cancelled(Exception):
    """Stop was pressed while the dataset was still loading."""


@dataclass
class TrainBatch:
    """What happened since the previous batch."""

    step: int = 0                                   # steps done
    total: int = 0                                  # steps in the run
    columns: Columns | None = None                  # log events as arrays
    last_log: dict | None = None                    # the newest log event
    events: list[dict] = field(default_factory=list)  # other events, in order
    grids: list[tuple[int, str, QImage | None]] = field(default_factory=list)  # (step, path, image)
    toy: dict | None = None                         # the newest toy snapshot


def error_message(exc: BaseException) -> str:
    """One line for the user; unknown errors also print their traceback to stderr."""
    message = describe(exc)
    if message is None:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        text = str(exc).splitlines()[0] if str(exc) else ""
        message = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return message


class TrainWorker(QThread):
    """Builds a Trainer for ``recipe`` on its own thread and runs it.

    Commands (``pause``, ``resume``, ``stop``, ``save_checkpoint``, ``request_generator``) may
    be called from the GUI thread at any time; they take effect between two steps.
    """

    batch = Signal(object)           # TrainBatch
    state_changed = Signal(str)      # "loading", "running", "paused", "stopping", "finished"
    failed = Signal(str)             # a one-line error message
    run_finished = Signal(str)       # "done", "stopped", "diverged", "failed", "cancelled"
    checkpoint_loaded = Signal(object)  # a ganstudio.core.checkpoint.Checkpoint (for the Explorer)

    def __init__(self, recipe, run_dir: str | Path, *, data=None, toy_views: bool = True,
                 resume: bool = False, parent=None):
        super().__init__(parent)
        self.recipe = recipe
        self.resuming = resume          # continue run_dir from its checkpoint
        self.resume_note = ""           # what resuming changed (wider networks, new rates), in words
        self.data = data  # an already loaded dataset (else the trainer loads it)
        self.run_dir = Path(run_dir)
        self.toy_views = toy_views
        self.trainer = None
        self.status: str | None = None
        self.device_name = ""
        self.precision_refused = ""     # why the recipe's train.cpu_bf16 is not used ("" = it is)
        self._lock = threading.Lock()
        self._pending = TrainBatch(total=recipe.train.steps)
        self._logs: list[dict] = []
        self._in_flight = False
        self._last_flush = 0.0
        self._last_toy = 0.0
        self._toy_interval = TOY_INTERVAL
        self._animate_toy = False    # toy views on and a toy run: snapshots up to 10 Hz
        self._sent_step = -1
        self._stop_requested = False
        self._paused = False
        self._want_generator = False
        self._delay = 0.0            # slow motion, applied to the trainer once it exists

    def start(self, *args) -> None:  # noqa: D401 - QThread API
        """Start the thread; cyclic garbage is collected on the GUI thread only from now on
        (:mod:`ganstudio.ui.gui_gc`: a collection on this worker could free widget wrappers
        whose C++ widgets the GUI thread still sends events to)."""
        gui_gc.install(QCoreApplication.instance())
        super().start(*args)

    # --- commands (any thread) ----------------------------------------------------------------
    def pause(self) -> None:
        with self._lock:
            self._paused = True
            trainer = self.trainer
        if trainer is not None:
            trainer.pause()
            trainer.call_soon(self._snapshot_now)   # the teaching view shows where it stopped

    def _snapshot_now(self) -> None:
        """(Training thread) a toy snapshot of the current nets, sent at once if possible."""
        self._toy_snapshot(self.trainer, force=True)
        self._flush()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            trainer = self.trainer
        if trainer is not None:
            trainer.resume()

    def stop(self) -> None:
        """Stop after the current step; the trainer writes a checkpoint."""
        with self._lock:
            self._stop_requested = True
            trainer = self.trainer
        self.state_changed.emit("stopping")
        if trainer is not None:
            trainer.stop()

    def save_checkpoint(self) -> None:
        """Write checkpoints/latest.pt between two steps (a ``checkpoint`` event follows)."""
        trainer = self.trainer
        if trainer is not None:
            trainer.save_checkpoint(wait=False)

    def request_generator(self) -> None:
        """Save a checkpoint and load it back (off the GUI thread) for ``checkpoint_loaded``."""
        with self._lock:
            self._want_generator = True
        self.save_checkpoint()

    def request_steps(self, player: str, count: int) -> None:
        """D-only / G-only / full steps of a paused run (InterventionError for bad values)."""
        trainer = self.trainer
        if trainer is not None:
            trainer.request_steps(player, count)

    def set_hyperparameters(self, **changes) -> None:
        """New learning rates / objective from the next step on (InterventionError if bad)."""
        trainer = self.trainer
        if trainer is not None:
            trainer.set_hyperparameters(**changes)

    def set_delay(self, seconds: float) -> None:
        """Slow motion: seconds of pause after every step (InterventionError if bad)."""
        from ganstudio.train.interventions import check_delay
        self._delay = check_delay(seconds)
        trainer = self.trainer
        if trainer is not None:
            trainer.set_delay(self._delay)

    @property
    def is_paused(self) -> bool:
        return self._paused

    def ack(self) -> None:
        """The GUI has handled the previous batch; the next one may be sent."""
        with self._lock:
            self._in_flight = False
            urgent = any(e.get("type") in URGENT for e in self._pending.events) or (
                self._paused and self._pending.toy is not None)   # no step will send it
        if urgent or not self.isRunning():
            # deferred, so a batch is never handled inside the handler of the previous one
            QTimer.singleShot(0, self._flush)

    # --- the thread -----------------------------------------------------------------------------
    def run(self) -> None:  # noqa: D401 - QThread API
        trainer = None
        status = "failed"
        try:
            self.state_changed.emit("loading")
            from ganstudio.train.trainer import Trainer
            trainer = Trainer(self.recipe, self.run_dir, progress_fn=self._after_step,
                              data=self.data, data_progress=self._loading_progress,
                              resume=self.resuming)
            from ganstudio.train.state import resumed_text
            self.resume_note = resumed_text(trainer)
            self.data = None
            self.device_name = device_name(trainer.device)
            if trainer.amp.enabled:
                self.device_name += ", " + trainer.amp.precision
            self.precision_refused = trainer.amp.refused
            self._animate_toy = self.toy_views and getattr(trainer, "is_toy", False)
            trainer.add_listener(self._on_event)
            if self._delay:
                trainer.set_delay(self._delay)
            with self._lock:
                self.trainer = trainer
                stop, paused = self._stop_requested, self._paused
            if stop:
                status = "cancelled"
            else:
                if paused:                 # paused while loading: wait at step 0, shown
                    trainer.pause()
                    trainer.call_soon(self._snapshot_now)
                self.state_changed.emit("paused" if paused else "running")
                status = trainer.run()
                self._toy_snapshot(trainer, force=True)
        except _Cancelled:
            status = "cancelled"
        except Exception as e:  # every failure becomes a message in the window
            self.failed.emit(error_message(e))
        finally:
            if trainer is not None:
                try:
                    trainer.close()
                except Exception:  # closing must not hide the real outcome
                    pass
            self.status = status
            with self._lock:
                self._in_flight = False
            self._flush(force=True)
            self.state_changed.emit("finished")
            self.run_finished.emit(status)

    # --- worker-thread hooks --------------------------------------------------------------------
    def _loading_progress(self, done: int, total: int) -> None:
        """While the dataset loads: Stop cancels (loading a big image folder can take minutes)."""
        if self._stop_requested:
            raise _Cancelled()

    def _after_step(self, step: int, total: int) -> None:
        """Called by the trainer after every step, on this thread: cheap unless a batch is due."""
        now = time.monotonic()
        with self._lock:
            self._pending.step, self._pending.total = step, total
        since = now - self._last_flush
        if since < TOY_INTERVAL:
            return
        toy_due = self._animate_toy and now - self._last_toy >= self._toy_interval
        if since < BATCH_INTERVAL and not toy_due:
            return
        if toy_due:
            self._toy_snapshot(self.trainer)
        self._flush()

    def _toy_snapshot(self, trainer, force: bool = False) -> None:
        if trainer is None or not self.toy_views or not getattr(trainer, "is_toy", False):
            return
        with self._lock:
            waiting = self._pending.toy is not None
        if waiting and not force:
            return  # the GUI has not taken the previous snapshot yet
        t0 = time.monotonic()
        snap = trainer.toy_snapshot()
        self._last_toy = time.monotonic()
        # slow snapshots (big nets, a busy CPU) are taken less often, never costing > 10 %
        self._toy_interval = max(TOY_INTERVAL, (self._last_toy - t0) / TOY_BUDGET)
        with self._lock:
            self._pending.toy = snap

    def _on_event(self, event: dict) -> None:
        """Trainer listener (worker thread, or the GUI thread for pause/resume)."""
        kind = event.get("type")
        grid = None
        if kind == "samples" and event.get("path"):
            image = QImage(str(event["path"]))
            grid = (int(event["step"]), str(event["path"]), None if image.isNull() else image)
        load = None
        with self._lock:
            if kind == "log":
                self._logs.append(event)
            else:
                self._pending.events.append(dict(event))
            if kind in ("evaluating", "evaluated"):   # of the weights after this step: it is done
                self._pending.step = max(self._pending.step, int(event["step"]))
            if grid is not None:
                self._pending.grids.append(grid)
            if kind == "paused":
                self._paused = True
            elif kind == "resumed":
                self._paused = False
            if kind == "checkpoint" and self._want_generator:
                self._want_generator = False
                load = event.get("path")
        if load:
            self._load_for_explorer(load)
        if kind == "manual_steps":     # a paused run moved: show where it is now
            self._toy_snapshot(self.trainer, force=True)
        if kind in URGENT:
            self._flush()

    def _load_for_explorer(self, path: str) -> None:
        try:
            from ganstudio.core.checkpoint import load_checkpoint
            self.checkpoint_loaded.emit(load_checkpoint(path))
        except Exception as e:
            self.failed.emit(self.tr("cannot open the generator in the Explorer: {0}").format(error_message(e)))

    def _flush(self, force: bool = False) -> None:
        """Send the pending batch unless the GUI is still handling the previous one."""
        now = time.monotonic()
        with self._lock:
            if self._in_flight and not force:
                return
            pending, logs = self._pending, self._logs
            if not (logs or pending.events or pending.grids or pending.toy is not None
                    or pending.step != self._sent_step or force):
                return
            self._pending = TrainBatch(step=pending.step, total=pending.total)
            self._logs = []
            self._in_flight = True
            self._sent_step = pending.step
            self._last_flush = now
        if logs:
            pending.columns = records_to_columns(logs)
            pending.last_log = newest_record(logs)
        if len(pending.grids) > 1:  # only the newest grid needs its pixels now
            pending.grids = [(s, p, None) for s, p, _ in pending.grids[:-1]] + pending.grids[-1:]
        self.batch.emit(pending)


def device_name(device=None) -> str:
    """"CPU", or the CUDA device's name (``device`` None: the one training would pick)."""
    try:
        import torch
        if device is None:
            device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        if torch.device(device).type == "cuda":
            return torch.cuda.get_device_name(device)
    except Exception:  # a broken CUDA install still leaves the CPU
        pass
    return "CPU"


class CallWorker(QThread):
    """Runs ``fn()`` once on its own thread; ``done(tag, result)`` or ``failed(tag, message)``.

    For one-off work that must not block the GUI: loading a dataset preview, building a
    model, reading a checkpoint.  ``tag`` lets a receiver ignore the answers of outdated calls.
    Connect the signals to methods of a QObject so they run on that object's (GUI) thread.
    """

    done = Signal(object, object)
    failed = Signal(object, str)

    def __init__(self, fn, tag=None, parent=None):
        super().__init__(parent)
        self.fn, self.tag = fn, tag

    def run(self) -> None:  # noqa: D401 - QThread API
        try:
            result = self.fn()
        except Exception as e:  # reported, never raised into the GUI
            self.failed.emit(self.tag, error_message(e))
            return
        self.done.emit(self.tag, result)
