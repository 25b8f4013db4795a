"""Start / Pause-Resume / Stop / Save checkpoint / Open in Explorer, and the progress line.

The buttons are QActions (so the menu bar and keyboard shortcuts share them); their enabled
state follows the run's state (``run_source.RunState``), which the training panel shows here.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (QHBoxLayout, QProgressBar, QSizePolicy, QStyle, QToolButton,
                               QVBoxLayout, QWidget)

from ganstudio.text import format_duration
from ganstudio.train.step_rate import seconds_left as time_left
from ganstudio.ui.training.run_source import STATES

# What the state line says in each state (translated where shown).
STATE_TEXT = {"idle": QT_TRANSLATE_NOOP("TrainingControls", "ready"),
              "invalid": QT_TRANSLATE_NOOP("TrainingControls", "fix the marked fields to start"),
              "loading": QT_TRANSLATE_NOOP("TrainingControls", "loading data and building the networks…"),
              "running": QT_TRANSLATE_NOOP("TrainingControls", "training"),
              "paused": QT_TRANSLATE_NOOP("TrainingControls", "paused"),
              "stopping": QT_TRANSLATE_NOOP("TrainingControls", "stopping: writing a checkpoint…"),
              "finished": QT_TRANSLATE_NOOP("TrainingControls", "finished"),
              "attached": QT_TRANSLATE_NOOP("TrainingControls", "following a run directory")}
# Which actions each state enables.
_ENABLED = {
    "start": {"idle", "finished"},
    "pause": {"loading", "running", "paused"},   # while loading: start paused (at step 0)
    "stop": {"loading", "running", "paused"},
    "save": {"running", "paused"},
    "explorer": {"running", "paused", "finished", "attached"},
}


class TextLine(QWidget):
    """One line of text that changes often (progress, rate, state).

    Unlike QLabel.setText, which asks the layout to recompute (and, in a deep widget tree,
    repaints dozens of widgets several times a second), ``set_text`` only repaints this widget.
    """

    def __init__(self, sample: str, align=Qt.AlignRight | Qt.AlignVCenter, parent=None,
                 whole: bool = False,      # never elide: claim the width the text needs
                 min_chars: int = 0):      # else claim room for this many characters of it at least
        super().__init__(parent)
        self._text = ""
        self._min_chars = min_chars
        self._align = align
        self._sample = sample
        self._whole, self._needed = whole, 0
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.setAutoFillBackground(True)  # opaque: repainting it never repaints its parents

    def sizeHint(self):  # noqa: N802 - Qt API
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._sample) + 8, fm.height() + 4)

    def minimumSizeHint(self):  # noqa: N802 - Qt API
        fm = self.fontMetrics()
        least = 40
        if self._min_chars:     # a short state ("ready") whole, a long one elided
            least = max(least, min(fm.horizontalAdvance(self._text),
                                   fm.horizontalAdvance("x" * self._min_chars)) + 8)
        return QSize(max(least, self._needed), fm.height() + 4)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel-compatible
        if text != self._text:
            self._text = text
            if self._whole:     # the layout is asked again only when the text outgrows the line
                needed = self.fontMetrics().horizontalAdvance(text) + 8
                if needed > self.width() or needed < self._needed // 2:
                    self._needed = needed
                    self.updateGeometry()
            elif self._min_chars:
                self.updateGeometry()
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
        self.start_action = QAction(st.standardIcon(QStyle.SP_MediaPlay), self.tr("&Start training"), self)
        self.start_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.start_action.setToolTip(self.tr("Start training this recipe (Ctrl+Enter)"))
        self.pause_action = QAction(st.standardIcon(QStyle.SP_MediaPause), self.tr("&Pause"), self)
        self.pause_action.setShortcut(QKeySequence(Qt.Key_Space))
        self.pause_action.setToolTip(self.tr("Pause or resume between two steps (Space)"))
        self.stop_action = QAction(st.standardIcon(QStyle.SP_MediaStop), self.tr("S&top"), self)
        self.stop_action.setShortcut(QKeySequence("Ctrl+."))
        self.stop_action.setToolTip(self.tr("Stop after the current step and write a checkpoint (Ctrl+.)"))
        self.save_action = QAction(st.standardIcon(QStyle.SP_DialogSaveButton), self.tr("Save &checkpoint now"), self)
        self.save_action.setShortcut(QKeySequence("Ctrl+K"))
        self.save_action.setToolTip(self.tr("Write checkpoints/latest.pt now (Ctrl+K)"))
        self.explorer_action = QAction(st.standardIcon(QStyle.SP_FileDialogContentsView),
                                       self.tr("Open in &Explorer"), self)
        self.explorer_action.setShortcut(QKeySequence("Ctrl+E"))
        self.explorer_action.setToolTip(self.tr("Explore the current (EMA) generator (Ctrl+E)"))
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
        self.state_label = TextLine(self.tr("following a run directory"), min_chars=12)
        buttons.addWidget(self.state_label, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("no run yet"))     # not "step 0 / 1": no run, no total
        self.progress.setAutoFillBackground(True)
        self.rate_label = TextLine("999,999 img/s   9,999.9 steps/s   ETA 99:59:59", whole=True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.rate_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addLayout(bar)
        self._shown_state = ""
        self._rate_parts: list[str] = []
        self._eta = ""
        self.set_state("idle")

    def set_state(self, state: str, detail: str = "") -> None:
        """Show ``state`` (one of run_source.STATES): enabled actions, the state line, the ETA."""
        assert state in STATES, state
        self._shown_state = state
        for name, action in self.actions_by_name.items():
            action.setEnabled(state in _ENABLED[name])
        paused = state == "paused"
        self.pause_action.setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        self.pause_action.setIcon(self.style().standardIcon(
            QStyle.SP_MediaPlay if paused else QStyle.SP_MediaPause))
        self.state_label.setText(detail or QCoreApplication.translate("TrainingControls", STATE_TEXT[state]))
        self._show_rate()

    def set_progress(self, step: int, total: int, steps_per_s: float = 0.0,
                     images_per_s: float | None = None, threads: int | None = None,
                     seconds_left: float | None = None) -> None:
        """``seconds_left``: the run's own estimate (evaluations ahead included); None: the
        steps left at ``steps_per_s``."""
        total = max(int(total), 1)
        step = min(int(step), total)
        if self.progress.maximum() != total:
            self.progress.setRange(0, total)
        # The step is written into the format, not left to "%v": with "%v" every setValue
        # repaints the bar at once (synchronously); this way it joins the next frame.
        self.progress.setFormat(self.tr("step {0:,} / {1:,}").format(step, total))
        self.progress.setValue(step)
        parts = []
        if images_per_s is not None and images_per_s > 0:
            parts.append(self.tr("{0:,.0f} img/s").format(images_per_s))
        if steps_per_s > 0:
            parts.append(self.tr("{0:,.1f} steps/s").format(steps_per_s))
        if threads:
            parts.append(self.tr("{0} CPU threads").format(threads) if threads != 1 else self.tr("1 CPU thread"))
        self._rate_parts = parts
        if seconds_left is None:
            seconds_left = time_left(step, total, steps_per_s)
        self._eta = (self.tr("ETA {0}").format(format_duration(seconds_left))
                     if steps_per_s > 0 and math.isfinite(seconds_left) else "")
        self._show_rate()

    def _show_rate(self) -> None:
        """The speed readout; the ETA only while a run trains (or is being followed)."""
        parts = list(self._rate_parts)
        if self._eta and self._shown_state in ("running", "attached"):
            parts.insert(min(2, len(parts)), self._eta)
        self.rate_label.setText("   ".join(parts))

    def set_threads_note(self, note: str) -> None:
        """Why the training uses the threads it does (the rate line's tooltip)."""
        self.rate_label.setToolTip(self.tr("CPU threads: {0}").format(note) if note else "")

    def reset_progress(self, total: int | None = None) -> None:
        """Back to step 0 of a run of ``total`` steps ("step 0 / 3,000"); None: no run yet."""
        self.progress.setRange(0, max(int(total or 1), 1))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("step {0:,} / {1:,}").format(0, max(int(total), 1)) if total
                                else self.tr("no run yet"))
        self._rate_parts, self._eta = [], ""
        self.rate_label.setText("")
