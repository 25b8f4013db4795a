"""Start / Pause-Resume / Stop / Save checkpoint / Open in Explorer, and the progress line.

The buttons are QActions (so the menu bar and keyboard shortcuts share them); their enabled
state follows one ``state`` string set by the training panel.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (QHBoxLayout, QProgressBar, QSizePolicy, QStyle, QToolButton,
                               QVBoxLayout, QWidget)

from ganstudio.text import format_duration

# Panel states and which actions they enable.
STATES = ("idle", "invalid", "loading", "running", "paused", "stopping", "finished", "attached")
_ENABLED = {
    "start": {"idle", "finished"},
    "pause": {"running", "paused"},
    "stop": {"loading", "running", "paused"},
    "save": {"running", "paused"},
    "explorer": {"running", "paused", "finished", "attached"},
}


class TextLine(QWidget):
    """One line of text that changes often (progress, rate, state).

    Unlike QLabel.setText, which asks the layout to recompute (and, in a deep widget tree,
    repaints dozens of widgets several times a second), ``set_text`` only repaints this widget.
    """

    def __init__(self, sample: str, align=Qt.AlignRight | Qt.AlignVCenter, parent=None):
        super().__init__(parent)
        self._text = ""
        self._align = align
        self._sample = sample
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.setAutoFillBackground(True)  # opaque: repainting it never repaints its parents

    def sizeHint(self):  # noqa: N802 - Qt API
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._sample) + 8, fm.height() + 4)

    def minimumSizeHint(self):  # noqa: N802 - Qt API
        return QSize(40, self.fontMetrics().height() + 4)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel-compatible
        if text != self._text:
            self._text = text
            self.update()

    def paintEvent(self, event):  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setPen(self.palette().color(QPalette.WindowText))
        p.drawText(self.rect().adjusted(2, 0, -2, 0), int(self._align),
                   self.fontMetrics().elidedText(self._text, Qt.ElideRight, self.width() - 4))


class TrainingControls(QWidget):
    """The control buttons and progress bar of the training panel."""

    def __init__(self, parent=None):
        super().__init__(parent)
        st = self.style()
        self.start_action = QAction(st.standardIcon(QStyle.SP_MediaPlay), "&Start training", self)
        self.start_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.start_action.setToolTip("Start training this recipe (Ctrl+Enter)")
        self.pause_action = QAction(st.standardIcon(QStyle.SP_MediaPause), "&Pause", self)
        self.pause_action.setShortcut(QKeySequence(Qt.Key_Space))
        self.pause_action.setToolTip("Pause or resume between two steps (Space)")
        self.stop_action = QAction(st.standardIcon(QStyle.SP_MediaStop), "S&top", self)
        self.stop_action.setShortcut(QKeySequence("Ctrl+."))
        self.stop_action.setToolTip("Stop after the current step and write a checkpoint (Ctrl+.)")
        self.save_action = QAction(st.standardIcon(QStyle.SP_DialogSaveButton), "Save &checkpoint now", self)
        self.save_action.setShortcut(QKeySequence("Ctrl+K"))
        self.save_action.setToolTip("Write checkpoints/latest.pt now (Ctrl+K)")
        self.explorer_action = QAction(st.standardIcon(QStyle.SP_FileDialogContentsView),
                                       "Open in &Explorer", self)
        self.explorer_action.setShortcut(QKeySequence("Ctrl+E"))
        self.explorer_action.setToolTip("Explore the current (EMA) generator (Ctrl+E)")
        self.actions_by_name = {"start": self.start_action, "pause": self.pause_action,
                                "stop": self.stop_action, "save": self.save_action,
                                "explorer": self.explorer_action}

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(6)
        self.buttons = {}
        for name, action in self.actions_by_name.items():
            b = QToolButton()
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            b.setAutoRaise(False)
            buttons.addWidget(b)
            self.buttons[name] = b
        self.buttons["start"].setObjectName("startButton")
        self.state_label = TextLine("following a run directory")
        buttons.addWidget(self.state_label, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("step 0 / 1")
        self.progress.setAutoFillBackground(True)
        self.rate_label = TextLine("999,999 img/s   9,999.9 steps/s   ETA 99:59:59")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.rate_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addLayout(bar)
        self.state = ""
        self._rate_parts: list[str] = []
        self._eta = ""
        self.set_state("idle")

    def set_state(self, state: str, detail: str = "") -> None:
        assert state in STATES, state
        self.state = state
        for name, action in self.actions_by_name.items():
            action.setEnabled(state in _ENABLED[name])
        paused = state == "paused"
        self.pause_action.setText("&Resume" if paused else "&Pause")
        self.pause_action.setIcon(self.style().standardIcon(
            QStyle.SP_MediaPlay if paused else QStyle.SP_MediaPause))
        labels = {"idle": "ready", "invalid": "fix the marked fields to start",
                  "loading": "loading data and building the networks…", "running": "training",
                  "paused": "paused", "stopping": "stopping: writing a checkpoint…",
                  "finished": "finished", "attached": "following a run directory"}
        self.state_label.setText(detail or labels[state])
        self._show_rate()

    def set_progress(self, step: int, total: int, steps_per_s: float = 0.0,
                     images_per_s: float | None = None, threads: int | None = None) -> None:
        total = max(int(total), 1)
        step = min(int(step), total)
        if self.progress.maximum() != total:
            self.progress.setRange(0, total)
        # The step is written into the format, not left to "%v": with "%v" every setValue
        # repaints the bar at once (synchronously); this way it joins the next frame.
        self.progress.setFormat(f"step {step:,} / {total:,}")
        self.progress.setValue(step)
        parts = []
        if images_per_s is not None and images_per_s > 0:
            parts.append(f"{images_per_s:,.0f} img/s")
        if steps_per_s > 0:
            parts.append(f"{steps_per_s:,.1f} steps/s")
        if threads:
            parts.append(f"{threads} CPU thread{'s' if threads != 1 else ''}")
        self._rate_parts = parts
        self._eta = f"ETA {format_duration((total - step) / steps_per_s)}" if steps_per_s > 0 else ""
        self._show_rate()

    def _show_rate(self) -> None:
        """The speed readout; the ETA only while a run trains (or is being followed)."""
        parts = list(self._rate_parts)
        if self._eta and self.state in ("running", "attached"):
            parts.insert(min(2, len(parts)), self._eta)
        self.rate_label.setText("   ".join(parts))

    def set_threads_note(self, note: str) -> None:
        """Why the training uses the threads it does (the rate line's tooltip)."""
        self.rate_label.setToolTip(f"CPU threads: {note}" if note else "")

    def reset_progress(self, total: int = 1) -> None:
        total = max(int(total), 1)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.setFormat(f"step 0 / {total:,}")
        self._rate_parts, self._eta = [], ""
        self.rate_label.setText("")
