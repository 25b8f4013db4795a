"""Requests from other threads to a running trainer: pause, resume, stop, write a checkpoint,
take single D / G steps while paused, slow down, change hyper-parameters.

The training thread takes them between two steps (never in the middle of one); a paused loop
naps until it is woken.  Whoever asked for a checkpoint may wait until it was written.
Step requests and hyper-parameter changes wait in a queue that the loop serves in order.
"""
from __future__ import annotations

import threading
from collections import deque
from typing import Callable


class Controls:
    def __init__(self):
        self.paused = threading.Event()
        self.stopping = threading.Event()
        self.save_wanted = threading.Event()
        self._wake = threading.Event()
        self._saved = threading.Condition()
        self.delay = 0.0                 # slow motion: seconds of pause after every step
        self._queue: deque = deque()     # ("steps", player, count) | ("set", changes)
        self._queue_lock = threading.Lock()

    def ask(self, request: tuple) -> None:
        """Queue a request for the training thread (served between two steps)."""
        with self._queue_lock:
            self._queue.append(request)
        self._wake.set()

    def take(self) -> list[tuple]:
        """Every queued request, oldest first (and the queue is empty afterwards)."""
        with self._queue_lock:
            out = list(self._queue)
            self._queue.clear()
        return out

    def set_delay(self, seconds: float) -> None:
        self.delay = float(seconds)
        self._wake.set()

    def pause(self) -> bool:
        """Pause; True when this call changed something (it was running)."""
        if self.paused.is_set():
            return False
        self.paused.set()
        return True

    def resume(self) -> bool:
        """Resume; True when this call changed something (it was paused)."""
        if not self.paused.is_set():
            return False
        self.paused.clear()
        self._wake.set()
        return True

    def stop(self) -> None:
        """Stop after the current step (a paused loop wakes up to stop)."""
        self.stopping.set()
        self.paused.clear()
        self._wake.set()

    def nap(self, seconds: float = 0.05) -> None:
        """Sleep while paused: until a request wakes the loop, at most ``seconds``."""
        self._wake.wait(seconds)
        self._wake.clear()

    def ask_save(self) -> None:
        self.save_wanted.set()
        self._wake.set()

    def serve_save(self, write: Callable[[], object]) -> None:
        """Call ``write`` if a checkpoint was asked for; then (even if it failed) release
        whoever waits for it."""
        if not self.save_wanted.is_set():
            return
        try:
            write()
        finally:
            with self._saved:
                self.save_wanted.clear()
                self._saved.notify_all()

    def wait_saved(self, timeout: float | None = None) -> None:
        with self._saved:
            self._saved.wait_for(lambda: not self.save_wanted.is_set(), timeout)
