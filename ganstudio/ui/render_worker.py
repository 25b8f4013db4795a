"""RenderWorker: renders Explorer requests on its own thread; the newest request wins.

Each *channel* ("main" image, "strip" of frames) has one pending slot: submitting replaces
whatever was waiting there, so a burst of slider events can never queue work — at most one
render is in flight and one is pending per channel.  Channels earlier in ``priorities`` go
first.  Results (images, timing, error string) come back through ``rendered``; rendering never
raises into the UI.  Longer one-off jobs (directions, exports) run through ``submit_job`` on the
same thread, between renders, and report through ``job_done``.
"""
from __future__ import annotations

import threading
import time
import traceback
from collections import deque
from typing import Any, Callable

from PySide6.QtCore import QThread, Signal

from ..core.render import RenderRequest, RenderResult, render


class RenderWorker(QThread):
    rendered = Signal(str, object)          # channel, RenderResult (meta: tag, submitted_at)
    job_done = Signal(str, object, str)     # name, value (None on error), error ("" on success)

    def __init__(self, parent=None, priorities: tuple[str, ...] = ("main", "strip"),
                 render_fn: Callable[[Any, RenderRequest], RenderResult] = render,
                 threads: int | None = None):
        """threads: intra-op threads for renders on this thread only (OpenMP keeps the setting
        per thread, so training elsewhere is unaffected); None = as set for the process."""
        super().__init__(parent)
        self._threads = threads
        self.setObjectName("RenderWorker")
        self._priorities = priorities
        self._render = render_fn
        self._cond = threading.Condition()
        self._pending: dict[str, tuple[Any, RenderRequest, Any, float]] = {}
        self._jobs: deque[tuple[str, Callable[[], Any]]] = deque()
        self._stopping = False
        self._in_flight = 0
        self._stats = {"submitted": 0, "rendered": 0, "replaced": 0, "max_in_flight": 0,
                       "max_pending": 0, "jobs": 0}

    # --- called from the GUI thread -----------------------------------------------------------
    def submit(self, channel: str, G, request: RenderRequest, tag: Any = None) -> None:
        """Queue ``request`` for ``channel``, replacing any request still waiting there."""
        with self._cond:
            if channel in self._pending:
                self._stats["replaced"] += 1
            self._pending[channel] = (G, request, tag, time.perf_counter())
            self._stats["submitted"] += 1
            self._stats["max_pending"] = max(self._stats["max_pending"], len(self._pending))
            self._cond.notify()
        if not self.isRunning() and not self._stopping:
            self.start()

    def submit_job(self, name: str, fn: Callable[[], Any]) -> None:
        """Run ``fn()`` on the render thread; its value or error arrives via ``job_done``."""
        with self._cond:
            self._jobs.append((name, fn))
            self._cond.notify()
        if not self.isRunning() and not self._stopping:
            self.start()

    def cancel(self, channel: str | None = None) -> None:
        """Drop pending requests (of one channel, or all)."""
        with self._cond:
            if channel is None:
                self._pending.clear()
            else:
                self._pending.pop(channel, None)

    def stats(self) -> dict:
        with self._cond:
            return dict(self._stats, in_flight=self._in_flight, pending=len(self._pending),
                        jobs_waiting=len(self._jobs))

    def reset_stats(self) -> None:
        with self._cond:
            for key in self._stats:
                self._stats[key] = 0

    def is_idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._jobs and self._in_flight == 0

    def stop(self) -> bool:
        """Stop after the render or job in flight (pending work is dropped); True when ended.

        Waits for the item in flight however long it takes: an export being written is
        finished rather than cut off, and the thread is never destroyed while still running
        (Qt aborts the whole process when that happens, e.g. on closing the window).
        """
        with self._cond:
            self._stopping = True
            self._pending.clear()
            self._jobs.clear()
            self._cond.notify_all()
        return self.wait() if self.isRunning() else True

    # --- the render thread --------------------------------------------------------------------
    def _next(self):
        with self._cond:
            while not self._stopping and not self._pending and not self._jobs:
                self._cond.wait()
            if self._stopping:
                return None
            if self._pending:
                channel = next((c for c in self._priorities if c in self._pending), next(iter(self._pending)))
                item = ("render", channel, *self._pending.pop(channel))
            else:
                item = ("job", *self._jobs.popleft())
            self._in_flight += 1
            self._stats["max_in_flight"] = max(self._stats["max_in_flight"], self._in_flight)
            return item

    def run(self) -> None:  # noqa: D401 - QThread API
        if self._threads:
            import torch
            torch.set_num_threads(int(self._threads))
        while True:
            item = self._next()
            if item is None:
                return
            try:
                if item[0] == "render":
                    self._do_render(*item[1:])
                else:
                    self._do_job(*item[1:])
            finally:
                with self._cond:
                    self._in_flight -= 1
                    if item[0] == "render":
                        self._stats["rendered"] += 1
                    else:
                        self._stats["jobs"] += 1

    def _do_render(self, channel: str, G, request: RenderRequest, tag: Any, submitted: float) -> None:
        try:
            result = self._render(G, request)
        except BaseException as e:  # render() never raises, but a custom render_fn might
            result = RenderResult(request_id=request.request_id, kind=request.kind,
                                  error=f"{type(e).__name__}: {e}")
        result.meta.update(tag=tag, channel=channel, submitted_at=submitted)
        if not self._stopping:
            self.rendered.emit(channel, result)

    def _do_job(self, name: str, fn: Callable[[], Any]) -> None:
        try:
            value, error = fn(), ""
        except Exception as e:  # noqa: BLE001 - reported, never raised into the UI
            from ..errors import describe
            value = None
            error = describe(e) or f"{type(e).__name__}: {e}"
            if describe(e) is None:
                traceback.print_exc()
        if not self._stopping:
            self.job_done.emit(name, value, error)
