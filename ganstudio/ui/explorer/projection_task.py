"""ProjectionTask: one projection (GAN inversion) of a picture with the Explorer's model.

The :class:`~ganstudio.core.projection.Projector` lives on the render thread: a first job
reads the model's discriminator (for the distance) and builds the projector, then one job
after another runs a few steps each (about ``STEP_MS`` of work), so that the main image and
other renders of the same generator go in between and never run at the same time as a step.
Each job's newest step arrives on the GUI thread through :attr:`ProjectionTask.progressed`;
:meth:`stop` ends the chain after the step in flight and a last job makes the result (the
best latent so far, rendered).  Views only show what the signals carry.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import Signal

from ...core.checkpoint import load_checkpoint
from ...core.progress import Eta
from ...core.projection import Projector, ProjectionSettings, ProjectionStep
from ...core.projection_run import choose_distance, discriminator_of
from ...core.target_image import TargetImage
from ..render_worker import JobKind
from .stepped_task import SteppedTask

STEP_MS = 150.0   # about this much optimisation per render-thread job


@dataclass
class ProjectionProgress:
    """What the GUI shows after a job: the newest step and every loss so far."""

    step: ProjectionStep
    losses: list[float]
    seconds_left: float | None    # None while too early to tell


class ProjectionTask(SteppedTask):
    """One projection stepped on ``worker`` (a RenderWorker); see the module docstring."""

    KIND = JobKind.PROJECT
    RUNNING = ("setup", "running", "finishing")

    started = Signal(str, str)        # distance name, note ("" or why z is optimised)
    progressed = Signal(object)       # ProjectionProgress
    finished = Signal(object, str)    # ProjectionResult (None when there is none), message

    def __init__(self, worker, G, target: TargetImage, settings: ProjectionSettings,
                 checkpoint_path: str | None = None,   # the file of G, to read its D (None: no D)
                 checkpoint_sha256: str | None = None,  # D is used only from the same file
                 parent=None):
        super().__init__(worker, parent)
        self.G, self.target = G, target
        self.settings = settings.check()
        self.checkpoint_path, self.checkpoint_sha256 = checkpoint_path, checkpoint_sha256
        self.projector: Projector | None = None
        self.distance_name = ""
        self.note = ""
        self.result = None
        self.message = ""                 # why it ended early (divergence, an error)
        self._eta: Eta | None = None
        self.losses: list[float] = []

    def _on_own_job(self, what: str, value, error: str) -> None:
        if what == "setup":
            if error or value is None:
                return self._end(None, self.tr("The projection could not start: {0}").format(error))
            self.projector = value
            self.distance_name = getattr(value.distance, "name", type(value.distance).__name__)
            self.note = value.note
            self.phase = "running"
            self._eta = Eta()
            self.started.emit(self.distance_name, self.note)
            self._next()
        elif what == "steps":
            if value:
                self.losses.extend(value[0])
                step = value[1]
                left = self._eta.seconds_left(step.step / step.steps) if self._eta else None
                self.progressed.emit(ProjectionProgress(step, list(self.losses), left))
            if error:
                self.message = error
                self._stop.set()
            self._next()
        elif what == "result":
            self._end(value, error and self.tr("The projection's result could not be rendered: {0}").format(error))

    def _next(self) -> None:
        p = self.projector
        if self._stop.is_set() or p is None or p.finished:
            self.phase = "finishing"
            self.worker.submit_job(self.job.part("result"), self._result)
        else:
            self.worker.submit_job(self.job.part("steps"), self._steps)

    def _end(self, result, message: str) -> None:
        self.phase = "done"
        self.result = result
        if message:
            self.message = message
        self._disconnect()
        self.finished.emit(result, self.message)

    # --- render thread ------------------------------------------------------------------------------
    def _setup(self) -> Projector:
        p = next(iter(self.G.parameters()), None)
        device = p.device if p is not None else "cpu"
        D = None
        if self.checkpoint_path:
            try:
                ckpt = load_checkpoint(self.checkpoint_path, validate=False)
                if not self.checkpoint_sha256 or ckpt.sha256 == self.checkpoint_sha256:
                    D = discriminator_of(ckpt, device)
            except Exception:  # noqa: BLE001 - no D (moved, changed, an official pickle): SSIM
                D = None
        target = self.target.tensor.to(device)
        return Projector(self.G, target, self.settings, choose_distance("auto", target, D))

    def _steps(self) -> tuple[list[float], ProjectionStep] | None:
        """A few steps (about STEP_MS): their losses and the newest step."""
        p, t0 = self.projector, time.perf_counter()
        losses, last = [], None
        try:
            while not p.finished and not self._stop.is_set():
                last = p.step()
                losses.append(last.loss)
                if (time.perf_counter() - t0) * 1000 >= STEP_MS:
                    break
        except FloatingPointError:
            if last is None:
                raise
            self._stop.set()   # diverged after some steps: report them, then the best so far
        return (losses, last) if last is not None else None

    def _result(self):
        self.projector.stop()
        return self.projector.result()
