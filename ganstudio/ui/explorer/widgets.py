"""Small building blocks shared by the Explorer's sections."""
from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (QFrame, QGroupBox, QHBoxLayout, QLabel, QScrollArea, QSpinBox,
                               QToolButton, QVBoxLayout, QWidget)
from ganstudio.ui.flow_layout import FlowLayout
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


class Group(QGroupBox):
    """A group box whose title never sets its minimum width: QGroupBox is at least as wide as
    its title, so a long title (twice as large in presentation mode) widened the whole pane.
    Where the box is narrower than its title, the title ends in "…" and shows whole as a tool tip."""

    TITLE_INSET = 24     # the title's offset from the left edge and its padding (style sheet), px

    def __init__(self, title: str = "", parent=None):
        super().__init__(title, parent)
        self._full_title = title
        self._own_tip = ""

    def setTitle(self, title: str) -> None:  # noqa: N802 - Qt API
        self._full_title = title
        self._fit_title()

    def full_title(self) -> str:
        return self._full_title

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        contents = QWidget.minimumSizeHint(self)       # the layout's, without QGroupBox's title width
        short = self.fontMetrics().horizontalAdvance(self._full_title[:6] + "…") + self.TITLE_INSET
        return QSize(max(contents.width(), min(short, super().minimumSizeHint().width())),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_title()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_title()

    def _fit_title(self) -> None:
        room = self.width() - self.TITLE_INSET
        shown = self.fontMetrics().elidedText(self._full_title, Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != self.title():
            QGroupBox.setTitle(self, shown)
        tip = self._full_title if shown != self._full_title else ""
        if self.toolTip() in ("", self._own_tip) and tip != self._own_tip:
            self.setToolTip(tip)
            self._own_tip = tip


def group(title: str, *children, layout=None) -> QGroupBox:
    box = Group(title)
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


def flow(*items) -> FlowLayout:
    """A row of buttons (or label + field pairs given as a ``row``'s widget) that wraps onto a
    second line where the pane is narrower than the row, instead of widening the pane."""
    lay = FlowLayout(spacing=6, shrink=True)
    for it in items:
        if isinstance(it, str):
            lay.addWidget(QLabel(it))
        elif isinstance(it, QWidget):
            lay.addWidget(it)
        elif it is not None:
            box = QWidget()
            box.setLayout(it)
            lay.addWidget(box)
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
    side of its rows (the value boxes of sliders).  Where the window cannot give it that width
    after all (very large presentation text in a small window) a horizontal scroll bar shows
    the rest: nothing is cut off out of reach."""

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
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)   # only when squeezed
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
