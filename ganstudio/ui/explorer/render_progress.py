"""What the Explorer's render thread is doing, shown to the user.

:class:`RenderProgress` turns the worker's ``activity`` into a status line ("loading…",
"rendering the image…", "gallery 5 of 16"; "" when idle) and, while a slow main render is on
its way (the last full render took longer than the worker's ``slow_ms``), puts a badge with a progress bar on the main
image: "rendering…" over the previous image, "preview · full image coming" over a preview.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from ..render_worker import Job, JobKind
from .image_view import ImageView

JOB_TEXT = {JobKind.OPEN: QT_TRANSLATE_NOOP("RenderProgress", "loading…"),
            JobKind.DIRECTIONS: QT_TRANSLATE_NOOP("RenderProgress", "computing directions…"),
            JobKind.EXPORT: QT_TRANSLATE_NOOP("RenderProgress", "exporting…"),
            JobKind.PROJECT: QT_TRANSLATE_NOOP("RenderProgress", "projecting…"),
            JobKind.RECORD: QT_TRANSLATE_NOOP("RenderProgress", "writing how the image was made…")}
STRIP_TEXT = {"gallery": QT_TRANSLATE_NOOP("RenderProgress", "gallery"),
              "interp": QT_TRANSLATE_NOOP("RenderProgress", "interpolation"),
              "sweep": QT_TRANSLATE_NOOP("RenderProgress", "sweep"),
              "mix_grid": QT_TRANSLATE_NOOP("RenderProgress", "mixing grid"),
              "variation": QT_TRANSLATE_NOOP("RenderProgress", "noise variation"),
              "motion": QT_TRANSLATE_NOOP("RenderProgress", "motion")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RenderProgress", text)


def activity_text(what: str | Job, done: int, total: int, strip_kind: str) -> str:
    """The status line for the worker's (what, done, total); "" when it is idle."""
    if isinstance(what, Job):
        return _tr(JOB_TEXT[what.kind]) if what.kind in JOB_TEXT else f"{what.kind.value}…"
    if not what:
        return ""
    if what == "main":
        return QCoreApplication.translate("RenderProgress", "rendering the image…")
    if what == "layer":
        return QCoreApplication.translate("RenderProgress", "capturing a layer…")
    if what == "sources":
        return QCoreApplication.translate("RenderProgress", "rendering B and C…")
    if what == "export_preview":
        return QCoreApplication.translate("RenderProgress", "rendering the export preview…")
    label = _tr(STRIP_TEXT[strip_kind]) if strip_kind in STRIP_TEXT else strip_kind
    if not total:
        return f"{label}…"
    return QCoreApplication.translate("RenderProgress", "{0} {1} of {2}").format(label, min(done + 1, total), total)


class RenderProgress(QObject):
    """Status text and the main image's busy badge (see the module docstring)."""

    activity_changed = Signal(str)

    def __init__(self, view: ImageView, strip_kind: Callable[[], str], slow_ms: Callable[[], float],
                 parent=None):
        """strip_kind: the strip's kind now ("gallery", "interp", ...); slow_ms: the render time
        above which the main image gets a badge while it renders."""
        super().__init__(parent)
        self._slow_ms = slow_ms
        self._view = view
        self._strip_kind = strip_kind
        self._text = ""
        self._waiting_for = -1          # request id of the main render the badge waits for
        self._started = 0.0
        self._expected_ms = 0.0
        self._label = ""
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._tick)

    @property
    def text(self) -> str:
        return self._text

    def on_activity(self, what, done: int, total: int) -> None:
        text = activity_text(what, done, total, self._strip_kind())
        if text != self._text:
            self._text = text
            self.activity_changed.emit(text)

    # --- the main image's badge -----------------------------------------------------------------
    def main_submitted(self, request_id: int, last_ms: float | None) -> None:
        """A main request was sent; last_ms: how long the last full render of this model took."""
        if last_ms is None or last_ms <= self._slow_ms() or not self._view.has_image():
            return
        self._started, self._expected_ms = time.perf_counter(), float(last_ms)
        self._waiting_for = request_id
        self._label = self.tr("rendering…")
        self._timer.start()
        self._tick()

    def preview_shown(self, request_id: int) -> None:
        if request_id == self._waiting_for:
            self._label = self.tr("preview · full image coming")
            self._tick()

    def main_done(self, request_id: int) -> None:
        """The render of ``request_id`` arrived (or failed): the badge goes once it is the newest."""
        if request_id >= self._waiting_for:
            self.reset()

    def reset(self) -> None:
        self._waiting_for = -1
        self._timer.stop()
        self._view.set_badge(None)

    def _tick(self) -> None:
        elapsed = (time.perf_counter() - self._started) * 1000
        self._view.set_badge(self._label, min(0.95, elapsed / max(self._expected_ms, 1.0)))
