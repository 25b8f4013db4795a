"""DragTask: one drag edit (:mod:`ganstudio.core.drag`) of the Explorer's main image.

Like :mod:`.projection_task`, the :class:`~ganstudio.core.drag.Dragger` lives on the render
thread: a first job works out where the drag starts (the ws the main image is made of) and
builds the dragger, then one job after another runs a few steps each (about ``STEP_MS``), so
renders of the same generator go in between and never run at the same time as a step.  The
newest step of each job reaches the GUI through :attr:`DragTask.progressed`; :meth:`stop`
ends the chain after the step in flight.  With a GPU the drag runs there on a copy of the
generator (made once per model).
"""
from __future__ import annotations

import time
import weakref

import numpy as np
from PySide6.QtCore import Signal

from ...core.drag import DragSettings, DragStart, DragStep, generator_on
from ...core.render_request import RenderRequest
from ..render_worker import JobKind
from .stepped_task import SteppedTask

STEP_MS = 120.0    # about this much dragging per render-thread job
_device_copies: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # G -> its copy on the GPU


def drag_generator(G):
    """G, or its copy on the GPU when there is one (made once per model)."""
    try:
        copy = _device_copies.get(G)
        if copy is None:
            copy = _device_copies[G] = generator_on(G, "auto")
        return copy
    except TypeError:   # not weak-referenceable
        return generator_on(G, "auto")


class DragTask(SteppedTask):
    """One drag stepped on ``worker`` (a RenderWorker); see the module docstring."""

    KIND = JobKind.DRAG

    progressed = Signal(object)       # DragStep (the newest of a job)
    finished = Signal(object, str)    # DragResult (None when the drag could not start), message

    def __init__(self, worker, G, request: RenderRequest, handles, targets, mask: np.ndarray | None,
                 settings: DragSettings, parent=None):
        super().__init__(worker, parent)
        self.G, self.request = G, request
        self.handles, self.targets = list(handles), list(targets)
        self.mask, self.settings = mask, settings
        self.dragger = None
        self.result = None
        self.message = ""

    def _on_own_job(self, what: str, value, error: str) -> None:
        if what == "setup":
            if error or value is None:
                return self._end(None, error or self.tr("the drag could not start"))
            self.dragger = value
            self.phase = "running"
        elif what == "steps":
            if value is not None:
                self.progressed.emit(value)
            if error:
                self.message = error
                self._stop.set()
        if self._stop.is_set() or self.dragger.finished:
            if not self.dragger.finished:
                self.dragger.stop()
            return self._end(self.dragger.result(), self.message)
        self.worker.submit_job(self.job.part("steps"), self._steps)

    def _end(self, result, message: str) -> None:
        self.phase = "done"
        self.result, self.message = result, message
        self._disconnect()
        self.finished.emit(result, message)

    # --- render thread ------------------------------------------------------------------------------
    def _setup(self):
        G = drag_generator(self.G)
        start = DragStart.of(G, self.request)
        return start.dragger(G, self.handles, self.targets, self.mask, self.settings)

    def _steps(self) -> DragStep | None:
        """A few steps (about STEP_MS); the newest."""
        d, t0, last = self.dragger, time.perf_counter(), None
        try:
            while not d.finished and not self._stop.is_set():
                last = d.step()
                if (time.perf_counter() - t0) * 1000 >= STEP_MS:
                    break
        except FloatingPointError:
            if last is None:
                raise
            self._stop.set()
        return last
