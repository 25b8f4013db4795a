"""SteppedTask: the life of a long optimisation stepped on the render thread.

Projection and drag both build their optimiser in a first job (``<name>:setup``), then run
one job after another of a few steps each, so that renders of the same generator go in
between; :meth:`stop` ends the chain after the step in flight and :meth:`abandon` forgets the
task (nothing more is emitted). Subclasses give ``_setup`` (run on the render thread) and
``_on_own_job(what, value, error)`` for the jobs named after them.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from ..render_worker import Job, JobKind



class SteppedTask(QObject):
    KIND: JobKind                             # the kind of the task's jobs
    RUNNING = ("setup", "running")            # phases in which the task is busy

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.job = Job.new(self.KIND)         # its parts are the jobs of this task
        self.phase = "new"
        self._stop = threading.Event()
        worker.job_done.connect(self._on_job)
        track = getattr(worker, "track", None)   # the render device waits for this task to end
        if track is not None:
            track(self)

    # --- GUI thread ---------------------------------------------------------------------------------
    def start(self) -> None:
        self.phase = "setup"
        self.worker.submit_job(self.job.part("setup"), self._setup)

    def stop(self) -> None:
        """Stop after the step in flight (the result keeps what the steps so far made)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return self.phase in self.RUNNING

    def abandon(self) -> None:
        """Stop and forget: nothing more is emitted (the model changed, the panel closes)."""
        self._stop.set()
        self.phase = "done"
        self._disconnect()

    def _disconnect(self) -> None:
        try:
            self.worker.job_done.disconnect(self._on_job)
        except (RuntimeError, TypeError):
            pass

    def _on_job(self, job: Job, value, error: str) -> None:
        if not job.of(self.job) or self.phase == "done":
            return
        self._on_own_job(job.step, value, error)

    # --- for subclasses -----------------------------------------------------------------------------
    def _setup(self):
        raise NotImplementedError

    def _on_own_job(self, what: str, value, error: str) -> None:
        raise NotImplementedError
