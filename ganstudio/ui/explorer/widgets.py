"""Small building blocks shared by the Explorer's sections."""
from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (QFrame, QGroupBox, QHBoxLayout, QLabel, QScrollArea, QSpinBox,
                               QToolButton, QVBoxLayout, QWidget)
from ganstudio.ui.sliders import LabeledDoubleSlider

MAX_SEED = 2 ** 31 - 1


@contextlib.contextmanager
def blocked(*widgets):
    """Update widgets from the state without their signals writing back."""
    old = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for w, o in zip(widgets, old):
            w.blockSignals(o)


def group(title: str, *children, layout=None) -> QGroupBox:
    box = QGroupBox(title)
    lay = layout or QVBoxLayout()
    lay.setContentsMargins(8, 6, 8, 8)
    lay.setSpacing(6)
    box.setLayout(lay)
    for c in children:
        if isinstance(c, QWidget):
            lay.addWidget(c)
        else:
            lay.addLayout(c)
    return box


def row(*items, stretch_last: bool = False) -> QHBoxLayout:
    lay = QHBoxLayout()
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(6)
    for it in items:
        if it is None:
            lay.addStretch(1)
        elif isinstance(it, str):
            lay.addWidget(QLabel(it))
        elif isinstance(it, QWidget):
            lay.addWidget(it)
        else:
            lay.addLayout(it)
    return lay


def note(text: str, kind: str = "info") -> QLabel:
    """A wrapped explanatory label (kind: info | warn)."""
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.RichText)
    color = {"info": "#9aa0aa", "warn": "#e0b050"}[kind]
    lab.setStyleSheet(f"color: {color};")
    return lab


def heading(text: str) -> QLabel:
    """A wrapped, semi-bold label that opens a part of a tab."""
    lab = QLabel(text)
    lab.setStyleSheet("font-weight: 600;")
    lab.setWordWrap(True)
    return lab


class FittingScrollArea(QScrollArea):
    """A vertical scroll area that is never narrower than its content: its minimum width is the
    content's plus the scroll bar, so a splitter or a small window cannot clip the right-hand
    side of its rows (the value boxes of sliders)."""

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt API
        # The content's minimum changed (fields appeared): the layouts outside learn it only
        # through this area's own geometry (the content's request stops at the viewport).
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().viewportEvent(event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        w = self.widget()
        if w is None:
            return hint
        width = (w.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
                 + 2 * self.frameWidth())
        return QSize(max(hint.width(), width), hint.height())


def scroll(widget: QWidget) -> QScrollArea:
    area = FittingScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def tool_button(text: str, tip: str, slot=None) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setToolTip(tip)
    b.setAutoRaise(False)
    if slot is not None:
        b.clicked.connect(slot)
    return b


def slider(lo: float, hi: float, value: float = 0.0, decimals: int = 2) -> LabeledDoubleSlider:
    s = LabeledDoubleSlider(Qt.Orientation.Horizontal)
    s.setRange(lo, hi)
    s.setDecimals(decimals)
    s.setValue(value)
    return s


class SeedBox(QWidget):
    """A seed spin box with a "random" button."""

    seed_changed = Signal(int)
    randomize = Signal()

    def __init__(self, label: str = "", parent=None):
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(0, MAX_SEED)
        self.spin.setKeyboardTracking(False)
        self.spin.setAccelerated(True)
        self.spin.setToolTip(self.tr("The same seed always gives the same latent, on every machine"))
        self.spin.valueChanged.connect(self.seed_changed)
        self.random_button = tool_button("🎲", self.tr("A random seed"), self.randomize.emit)
        lay = row(QLabel(label or self.tr("Seed")), self.spin, self.random_button)
        lay.setStretch(1, 1)
        self.setLayout(lay)

    def set_seed(self, seed: int | None) -> None:
        with blocked(self.spin):
            self.spin.setValue(int(seed or 0) % (MAX_SEED + 1))
        self.spin.setSpecialValueText("")
