"""A long job of the Explorer (opening a big model, a big export) shown with its progress,
the time left and a Cancel button: a small progress dialog that does not block the window
(the open model stays usable while another one loads) and appears only for jobs that take
more than a moment.

The job runs on the render thread and calls :meth:`TaskProgress.report` (a core progress
callback); the fraction reaches the dialog through a queued signal.  Cancel sets a flag the
job sees at its next report (or between synthesis blocks through :meth:`should_stop`); the
job then raises :class:`~ganstudio.core.progress.Cancelled` and changes nothing.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from ...core.progress import Cancelled, Eta

STEPS = 1000
SHOW_AFTER_MS = 500


def time_left_text(seconds: float | None) -> str:
    """How long is left, in the user's language: "about 12 s left", "about 3 min 05 s left";
    "estimating…" while unknown (the words of :func:`~ganstudio.core.progress.format_seconds`)."""
    if seconds is None:
        return QCoreApplication.translate("TaskProgress", "estimating…")
    s = int(round(seconds))
    if s < 60:
        return QCoreApplication.translate("TaskProgress", "about {0} s left").format(s)
    if s < 3600:
        return QCoreApplication.translate("TaskProgress", "about {0} min {1:02d} s left").format(s // 60, s % 60)
    return QCoreApplication.translate("TaskProgress", "about {0} h {1:02d} min left").format(
        s // 3600, s % 3600 // 60)


class TaskProgress(QObject):
    """Progress, time left and Cancel of one background job (see the module docstring)."""

    progressed = Signal(float)

    def __init__(self, parent_widget, title: str, label: str):
        super().__init__(parent_widget)
        self.title, self.label = title, label
        self._cancel = threading.Event()
        self._last = -1.0
        self.fraction = 0.0
        self.eta = Eta()
        d = self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, STEPS, parent_widget)
        d.setWindowTitle(title)
        d.setWindowModality(Qt.WindowModality.NonModal)
        d.setMinimumDuration(SHOW_AFTER_MS)
        d.setAutoClose(False)
        d.setAutoReset(False)
        d.setValue(0)
        d.canceled.connect(self.cancel)
        self.progressed.connect(self._show)   # queued: report() runs on the render thread

    # --- the job's side (render thread) ------------------------------------------------------------
    def report(self, fraction: float) -> None:
        """The core progress callback: raises Cancelled once Cancel was pressed."""
        if self._cancel.is_set():
            raise Cancelled()
        if fraction - self._last >= 0.002 or fraction >= 1.0:
            self._last = fraction
            self.progressed.emit(float(fraction))

    def should_stop(self) -> bool:
        return self._cancel.is_set()

    # --- the GUI's side ----------------------------------------------------------------------------
    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Stop the job at its next report; the dialog says so until the job has ended."""
        if not self._cancel.is_set():
            self._cancel.set()
            self.dialog.setLabelText(self.label + "\n" + self.tr("Cancelling…"))

    def text(self) -> str:
        """What the dialog says: "Opening ffhq.pkl… 42 % · about 3 s left"."""
        left = self.eta.seconds_left(self.fraction)
        eta = f" · {time_left_text(left)}" if left is not None and self.fraction < 1 else ""
        return f"{self.label} {int(self.fraction * 100)} %{eta}"

    def _show(self, fraction: float) -> None:
        if self._cancel.is_set():
            return
        self.fraction = max(self.fraction, fraction)
        self.dialog.setValue(int(self.fraction * STEPS))
        self.dialog.setLabelText(self.text())

    def finish(self) -> None:
        """The job ended (done, failed or cancelled): close the dialog for good."""
        try:
            self.progressed.disconnect(self._show)
        except (RuntimeError, TypeError):
            pass
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()
