"""RenderWorker: renders Explorer requests on its own thread; the newest request wins.

Each *channel* ("main" image, "strip" of frames) has one pending slot: submitting replaces
whatever was waiting there, so a burst of slider events can never queue work — at most one
render is in flight and one is pending per channel.  Results (images, timing, error string)
come back through ``rendered``; rendering never raises into the UI.  A main render given up
for a newer request comes back too, with ``cancelled`` set and no images.  Longer one-off jobs
(loading, directions, exports) run through ``submit_job`` on the same thread and report
through ``job_done``; each is named by a :class:`Job` (its kind, which one, which part).

Big models stay live (see :mod:`ganstudio.core.render_job`):

* The first channel of ``priorities`` ("main") always goes first.  Its renders keep a
  :class:`~ganstudio.core.synthesis_cache.SynthesisCache` (an edit of fine styles resumes at the
  first changed block), give up between blocks when a newer main request arrives, and — once
  a full render of the model has taken over ``SLOW_MS`` — first send a low-resolution preview
  through ``partial``.
* Then jobs; then the other channels, rendered a few tiles at a time (about ``STEP_MS`` of
  work): between steps the main image and jobs go first, the tiles so far arrive through
  ``partial``, and a newer request for the channel drops the rest of the old one.
* ``activity`` says what the thread is doing: (what, done, total) with what = a channel,
  the :class:`Job` running, or ``""`` when idle.

The thread renders on one device (:attr:`device`, see :mod:`ganstudio.core.render_device`):
before each render it moves the generator there (in place, on this thread), so every request's
tensors follow G's device; ``device_changed`` says where G now is and, when a move failed and
rendering fell back to the CPU, why.
"""
from __future__ import annotations

import itertools
import threading
import time
import traceback
import weakref
from collections import deque
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Callable

import torch
from PySide6.QtCore import QThread, Signal

from ..core.render import RenderRequest, RenderResult, SynthesisCache, preview_resolution, render
from ..core.render_device import device_of, move_generator
from ..core.render_job import RenderJob

SLOW_MS = 300.0    # a main render slower than this gets a preview first
STEP_MS = 300.0    # about this much work per step of a background (strip) render


class JobKind(Enum):
    """What a job on the render thread does (the value is how the status line names it)."""

    OPEN = "open"                        # read a model file
    DIRECTIONS = "directions"            # PCA / SeFa directions of the open model
    LAYERS = "layers"                    # list the layers of the open model
    EXPORT = "export"                    # render and write an export
    RECORD = "record"                    # check, copy or write an image's record
    PROJECT = "project"                  # project a picture into the latent space
    DRAG = "drag"                        # drag handles of the main image
    STUDY = "study"                      # a StyleGAN lesson's study
    CLASS_DIRECTIONS = "named-class"     # named directions of the Fashion-MNIST classes
    LABELLED_DIRECTION = "named-fit"     # a named direction from labelled gallery tiles


_tokens = itertools.count(1)


@dataclass(frozen=True)
class Job:
    """The name of a render-thread job: what it does, which one (a model generation, an open,
    a task: ``token``) and which part of that one (``step``, e.g. "setup" or "steps")."""

    kind: Enum                           # a JobKind (another Enum for jobs outside the Explorer)
    token: int = 0
    step: str = ""

    @classmethod
    def new(cls, kind: Enum) -> "Job":
        """A job of ``kind`` with a token no other job of this process has."""
        return cls(kind, next(_tokens))

    def part(self, step: str) -> "Job":
        """The part ``step`` of this job (same kind and token)."""
        return replace(self, step=step)

    def of(self, other: "Job") -> bool:
        """Whether this job is a part of ``other`` (same kind and token, any step)."""
        return self.kind is other.kind and self.token == other.token


class _ModelTiming:
    """Measured speed of one generator: the last full main render and ms per batch sample."""

    def __init__(self):
        self.full_main_ms: float | None = None
        self.sample_ms: float | None = None


class RenderWorker(QThread):
    rendered = Signal(str, object)          # channel, RenderResult (meta: tag, submitted_at)
    partial = Signal(str, object)           # channel, RenderResult: a preview (meta "preview")
                                            # or the tiles so far (meta "partial", done, total)
    job_done = Signal(object, object, str)  # Job, value (None on error), error ("" on success)
    activity = Signal(object, int, int)     # what (a channel "main", "strip"..., a Job, "" = idle), done, total
    device_changed = Signal(str, str)       # the device G renders on now ("cpu", "cuda:0"),
                                            # why a move failed ("" when it did not)

    def __init__(self, parent=None, priorities: tuple[str, ...] = ("main", "strip"),
                 render_fn: Callable[[Any, RenderRequest], RenderResult] = render,
                 threads: int | Callable[[Any], int] | None = None, device: str = "cpu"):
        """threads: intra-op threads for renders on this thread only (OpenMP keeps the setting
        per thread, so training elsewhere is unaffected): a number, or a function of the
        generator about to render that gives one (looked at before every render); None = as
        set for the process.
        render_fn: a replacement for core.render (tests) taking (G, request); it renders every
        request in one go. (A wrapper of core.render put in ``_render`` later must pass keyword
        arguments on.)
        device: where to render ("cpu", "cuda:N"; see core.render_device.decide_device)."""
        super().__init__(parent)
        self._device = str(device)
        self._threads = threads
        self.setObjectName("RenderWorker")
        self._priorities = priorities
        self._render = render_fn
        self._progressive = render_fn is render
        self.slow_ms = SLOW_MS      # main renders slower than this get a preview first
        self.step_ms = STEP_MS      # about this much work per background step (0: one tile)
        self._cond = threading.Condition()
        self._pending: dict[str, tuple[Any, RenderRequest, Any, float]] = {}
        self._background: dict[str, tuple[RenderJob, Any, Any, float]] = {}
        self._jobs: deque[tuple[Job, Callable[[], Any]]] = deque()
        self._stopping = False
        self._in_flight = 0
        self._idle_said = True
        self._main_cache = SynthesisCache()
        self._timing: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._tasks: weakref.WeakSet = weakref.WeakSet()   # long tasks stepped on this thread
        self._stats = {"submitted": 0, "rendered": 0, "replaced": 0, "max_in_flight": 0,
                       "max_pending": 0, "jobs": 0, "previews": 0, "steps": 0}

    # --- called from the GUI thread -----------------------------------------------------------
    def submit(self, channel: str, G, request: RenderRequest, tag: Any = None) -> None:
        """Queue ``request`` for ``channel``, replacing any request still waiting there (and
        the unfinished rest of an older one being rendered in the background)."""
        with self._cond:
            if channel in self._pending or channel in self._background:
                self._stats["replaced"] += 1
            self._pending[channel] = (G, request, tag, time.perf_counter())
            self._stats["submitted"] += 1
            self._stats["max_pending"] = max(self._stats["max_pending"], len(self._pending))
            self._cond.notify()
        if not self.isRunning() and not self._stopping:
            self.start()

    def submit_job(self, job: Job, fn: Callable[[], Any]) -> None:
        """Run ``fn()`` on the render thread; its value or error arrives via ``job_done`` with ``job``."""
        if not isinstance(job, Job):
            raise TypeError(f"a render-thread job is named by a Job, not {job!r}")
        with self._cond:
            self._jobs.append((job, fn))
            self._cond.notify()
        if not self.isRunning() and not self._stopping:
            self.start()

    def cancel(self, channel: str | None = None) -> None:
        """Drop pending and unfinished requests (of one channel, or all)."""
        with self._cond:
            if channel is None:
                self._pending.clear()
                self._background.clear()
            else:
                self._pending.pop(channel, None)
                self._background.pop(channel, None)

    @property
    def device(self) -> str:
        """The device renders run on (a generator is moved there before its next render)."""
        with self._cond:
            return self._device

    def set_device(self, device: str) -> None:
        """Render on ``device`` from the next render on (the generator moves then, on the render
        thread; a failed move falls back to the CPU and says so through ``device_changed``)."""
        with self._cond:
            self._device = str(device)

    def track(self, task) -> None:
        """Remember a long task stepped on this thread (projection, drag): its tensors live on
        the device it started on, so the device does not change while it runs."""
        self._tasks.add(task)

    def running_tasks(self) -> list:
        """The tracked tasks still running (``task.running``)."""
        return [t for t in list(self._tasks) if getattr(t, "running", False)]

    def stats(self) -> dict:
        with self._cond:
            return dict(self._stats, in_flight=self._in_flight, pending=len(self._pending),
                        jobs_waiting=len(self._jobs), unfinished=len(self._background))

    def reset_stats(self) -> None:
        with self._cond:
            for key in self._stats:
                self._stats[key] = 0

    def is_idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._jobs and not self._background and self._in_flight == 0

    def stop(self) -> bool:
        """Stop after the render step or job in flight (pending work is dropped); True when ended.

        Waits for the item in flight however long it takes: an export being written is
        finished rather than cut off, and the thread is never destroyed while still running
        (Qt aborts the whole process when that happens, e.g. on closing the window).
        """
        with self._cond:
            self._stopping = True
            self._pending.clear()
            self._background.clear()
            self._jobs.clear()
            self._cond.notify_all()
        return self.wait() if self.isRunning() else True

    # --- the render thread --------------------------------------------------------------------
    def _next(self):
        with self._cond:
            while not self._stopping and not self._pending and not self._jobs and not self._background:
                if not self._idle_said:
                    self._idle_said = True
                    self.activity.emit("", 0, 0)
                self._cond.wait()
            if self._stopping:
                return None
            self._idle_said = False
            first = self._priorities[0] if self._priorities else None
            if first in self._pending or (self._pending and not self._progressive):
                channel = next((c for c in self._priorities if c in self._pending), next(iter(self._pending)))
                item = ("render", channel, *self._pending.pop(channel))
            elif self._jobs:
                item = ("job", *self._jobs.popleft())
            elif self._pending:
                channel = next((c for c in self._priorities if c in self._pending), next(iter(self._pending)))
                G, request, tag, submitted = self._pending.pop(channel)
                self._background[channel] = (RenderJob(G, request), G, tag, submitted)
                item = ("step", channel)
            else:
                item = ("step", next(iter(self._background)))
            self._in_flight += 1
            self._stats["max_in_flight"] = max(self._stats["max_in_flight"], self._in_flight)
            return item

    def _use_threads(self, G) -> None:
        """Set this thread's torch threads for rendering G (see ``threads``)."""
        if not self._threads:
            return
        import torch
        try:
            wanted = int(self._threads(G) if callable(self._threads) else self._threads)
        except Exception:  # noqa: BLE001 - a wrong guess must never stop a render
            return
        if wanted > 0 and wanted != torch.get_num_threads():
            torch.set_num_threads(wanted)

    def place(self, G) -> None:
        """Move G to this thread's device (on the render thread: before a render, or in a job
        that loads a model). A failed move leaves G on the CPU, which becomes the device."""
        if not isinstance(G, torch.nn.Module):
            return   # a test double
        with self._cond:
            wanted = self._device
        if str(device_of(G)) == str(torch.device(wanted)):
            return
        now, why = move_generator(G, wanted)
        if why:
            with self._cond:
                if self._device == wanted:
                    self._device = now
        self._main_cache = SynthesisCache()   # nothing kept from the other device
        if not self._stopping:
            self.device_changed.emit(now, why)

    def run(self) -> None:  # noqa: D401 - QThread API
        while True:
            item = self._next()
            if item is None:
                return
            try:
                if item[0] == "render":
                    self._do_render(*item[1:])
                elif item[0] == "step":
                    self._do_step(item[1])
                else:
                    self._do_job(*item[1:])
            finally:
                with self._cond:
                    self._in_flight -= 1
                    if item[0] == "job":
                        self._stats["jobs"] += 1

    def _timing_of(self, G) -> _ModelTiming:
        try:
            timing = self._timing.get(G)
            if timing is None:
                timing = self._timing[G] = _ModelTiming()
            return timing
        except TypeError:  # not weak-referenceable (a test double): no memory of its speed
            return _ModelTiming()

    def _newer(self, channel: str) -> bool:
        with self._cond:
            return self._stopping or channel in self._pending

    def _do_render(self, channel: str, G, request: RenderRequest, tag: Any, submitted: float) -> None:
        meta = dict(tag=tag, channel=channel, submitted_at=submitted)
        self.activity.emit(channel, 0, 1)
        self.place(G)
        self._use_threads(G)
        if not self._progressive:
            result = self._call_render_fn(G, request)
        else:
            timing = self._timing_of(G)
            slow = timing.full_main_ms is not None and timing.full_main_ms > self.slow_ms
            saved = self._main_cache.stats.ms_saved

            def preview(p: RenderResult) -> None:
                p.meta.update(meta)
                self._stats["previews"] += 1
                self.partial.emit(channel, p)

            result = self._render(G, request, cache=self._main_cache, should_stop=lambda: self._newer(channel),
                                  preview_res=preview_resolution(G) if slow else None, on_preview=preview)
            if result.ok:   # what the whole image costs, the blocks served from the cache included
                timing.full_main_ms = full = result.ms + self._main_cache.stats.ms_saved - saved
                if len(result.images) == 1:
                    timing.sample_ms = timing.sample_ms or full
        self._finish(channel, result, meta)

    def _call_render_fn(self, G, request: RenderRequest) -> RenderResult:
        try:
            return self._render(G, request)
        except BaseException as e:  # render() never raises, but a custom render_fn might
            return RenderResult(request_id=request.request_id, kind=request.kind,
                                error=f"{type(e).__name__}: {e}")

    def _do_step(self, channel: str) -> None:
        """One step (a few tiles) of the channel's unfinished background render."""
        with self._cond:
            entry = self._background.get(channel)
        if entry is None:
            return
        job, G, tag, submitted = entry
        self.place(G)
        self._use_threads(G)
        job.prepare()
        self.activity.emit(channel, job.done, job.total)
        timing = self._timing_of(G)
        per_step = max(1, int(self.step_ms / timing.sample_ms)) if timing.sample_ms else None
        per_step = 1 if self.step_ms <= 0 else per_step
        job.step(should_stop=self._background_should_stop(channel), max_samples=per_step)
        with self._cond:
            self._stats["steps"] += 1
            current = self._background.get(channel, (None,))[0] is job
            replaced = channel in self._pending or not current
            if current and (job.finished or replaced):
                del self._background[channel]
        if replaced or self._stopping:
            return
        if job.done and not job.cancelled and job.request.capture is None:   # a capture stops early
            timing.sample_ms = job.result().ms / job.done
        meta = dict(tag=tag, channel=channel, submitted_at=submitted)
        if job.finished:
            self._finish(channel, job.result(), meta)
        elif not job.cancelled:
            part = job.partial()
            part.meta.update(meta)
            self.partial.emit(channel, part)

    def _background_should_stop(self, channel: str) -> Callable[[], bool]:
        first = self._priorities[0] if self._priorities else None

        def should_stop() -> bool:
            with self._cond:
                return (self._stopping or first in self._pending or bool(self._jobs)
                        or channel in self._pending)
        return should_stop

    def _finish(self, channel: str, result: RenderResult, meta: dict) -> None:
        result.meta.update(meta)
        with self._cond:
            self._stats["rendered"] += 1
        if not self._stopping:
            self.rendered.emit(channel, result)

    def _do_job(self, job: Job, fn: Callable[[], Any]) -> None:
        self.activity.emit(job, 0, 0)
        try:
            value, error = fn(), ""
        except Exception as e:  # noqa: BLE001 - reported, never raised into the UI
            from ..errors import describe
            value = None
            error = describe(e) or f"{type(e).__name__}: {e}"
            if describe(e) is None:
                traceback.print_exc()
        if not self._stopping:
            self.job_done.emit(job, value, error)
