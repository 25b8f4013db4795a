"""Progress and cancelling of long operations (opening a big model, rendering a big export).

A long operation takes an optional ``progress`` callback and calls it with the fraction done,
0..1, rising, ending at exactly 1 on success.  The callback stops the operation by raising
:class:`Cancelled` (the GUI's Cancel button sets a flag that its callback checks); Ctrl-C
(KeyboardInterrupt) stops it the same way on the command line.  Either way the operation
leaves nothing half-done behind: no half-written output file, no half-opened model.

``Cancelled`` is a ``BaseException`` (as ``asyncio.CancelledError`` and ``KeyboardInterrupt``
are) so that code which turns every ``Exception`` into an error message ("the file is
damaged", "rendering failed") lets a cancel through as what it is.
"""
from __future__ import annotations

import time
from typing import Callable

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

ProgressFn = Callable[[float], None]


class Cancelled(BaseException):
    """The user stopped the operation; nothing it would have changed was changed."""


def ignore(_fraction: float) -> None:
    """The progress callback of a caller that does not watch."""


def stage(progress: ProgressFn | None, start: float, end: float) -> ProgressFn:
    """A callback reporting a sub-task's own 0..1 as ``start``..``end`` of ``progress``."""
    if progress is None:
        return ignore
    span = end - start

    def report(fraction: float) -> None:
        progress(start + span * min(1.0, max(0.0, float(fraction))))
    return report


class Monotonic:
    """Wraps a callback so that it only ever sees rising fractions in 0..1 (a sub-task that
    restarts its count, or rounding, can never make a progress bar step back)."""

    def __init__(self, progress: ProgressFn | None):
        self._progress = progress or ignore
        self.last = 0.0

    def __call__(self, fraction: float) -> None:
        fraction = min(1.0, max(self.last, float(fraction)))
        self.last = fraction
        self._progress(fraction)


class Eta:
    """The time left of an operation from its fraction done so far: elapsed x (1 - f) / f,
    once enough is done to extrapolate.  ``clock`` is injectable (tests pass a fake one)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._t0 = clock()

    def elapsed(self) -> float:
        return max(0.0, self._clock() - self._t0)

    def seconds_left(self, fraction: float) -> float | None:
        """None until 2 % is done (too early to tell); 0 when done."""
        if fraction >= 1:
            return 0.0
        if fraction < 0.02:
            return None
        return self.elapsed() * (1 - fraction) / fraction


def format_seconds(seconds: float | None) -> str:
    """"about 12 s", "about 3 min 05 s", "about 1 h 02 min"; "estimating…" while unknown."""
    if seconds is None:
        return translate("progress", "estimating…")
    s = int(round(seconds))
    if s < 60:
        return translate("progress", "about {0} s").format(s)
    if s < 3600:
        return translate("progress", "about {0} min {1:02d} s").format(s // 60, s % 60)
    return translate("progress", "about {0} h {1:02d} min").format(s // 3600, s % 3600 // 60)


def progress_text(what: str, fraction: float, eta: Eta | None = None) -> str:
    """One line: "Exporting walk.gif: 42 % · about 12 s left"."""
    text = f"{what}: {int(fraction * 100):3d} %"
    if eta is not None and fraction < 1:
        left = eta.seconds_left(fraction)
        text += " · " + (format_seconds(left) if left is None else
                         translate("progress", "{0} left").format(format_seconds(left)))
    return text


class ProgressLine:
    """A progress callback that shows "what: 42 % · about 12 s left" on a text stream (stderr).

    Nothing is shown for an operation done within ``after`` seconds.  Then, on a terminal the
    line is redrawn in place (at most every ``interval`` seconds); in a log (not a terminal) a
    line is written at each tenth done, so a log stays short."""

    def __init__(self, what: str, stream, clock: Callable[[], float] = time.monotonic,
                 interval: float = 0.2, after: float = 1.0):
        self.what, self.stream, self._clock, self._interval = what, stream, clock, interval
        self._after = after
        self.eta = Eta(clock)
        self._tty = bool(getattr(stream, "isatty", lambda: False)())
        self._shown_at = -1e9
        self._tenth = -1
        self._drawn = False

    def __call__(self, fraction: float) -> None:
        if self.eta.elapsed() < self._after:
            return
        text = progress_text(self.what, fraction, self.eta)
        if self._tty:
            now = self._clock()
            if fraction >= 1 or now - self._shown_at >= self._interval:
                self._shown_at = now
                self.stream.write("\r\033[K" + text)
                self.stream.flush()
                self._drawn = True
            return
        tenth = int(fraction * 10)
        if tenth > self._tenth:
            self._tenth = tenth
            self.stream.write(text + "\n")
            self.stream.flush()

    def close(self) -> None:
        """End the line (a terminal's line is left showing the last state)."""
        if self._tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
