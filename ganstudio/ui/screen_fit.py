"""Keeping the main window on the screen.

A widget's minimum size travels up its layouts to the window: one wide row (a readout, a
model's slider boxes, a caption) used to widen the whole window past the screen (the 2-D
teaching view took it from 1440 to 1606 px on a 1600 px screen, cutting off the status bar).
Each panel of the window therefore sits in a :class:`PanelScroll`, which shows the panel at the
window's size and scrolls only where the panel cannot be made that small: the chain of minimum
sizes stops there.  :func:`fit_to_screen` keeps the window's own size and position inside the
screen's available geometry (a layout remembered on a bigger screen, the default 1440 x 900 on a
1280 x 800 laptop).
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PanelScroll(QScrollArea):
    """A whole panel, at the window's size; scroll bars only when the panel's minimum is larger.

    Its own minimum size is small, so nothing inside can make the window grow."""

    def __init__(self, panel: QWidget, parent=None):
        super().__init__(parent)
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(200, 150)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        w = self.widget()
        return w.sizeHint() if w is not None else super().sizeHint()


def fitted(wanted: QRect | QSize, available: QRect) -> QRect:
    """``wanted`` (a size, or a rectangle in screen coordinates) made to fit ``available``:
    no larger, and moved inside it."""
    rect = QRect(available.topLeft(), wanted) if isinstance(wanted, QSize) else QRect(wanted)
    if isinstance(wanted, QSize):   # a new window: centred
        rect.moveCenter(available.center())
    rect.setWidth(min(rect.width(), available.width()))
    rect.setHeight(min(rect.height(), available.height()))
    rect.moveLeft(max(available.left(), min(rect.left(), available.right() - rect.width() + 1)))
    rect.moveTop(max(available.top(), min(rect.top(), available.bottom() - rect.height() + 1)))
    return rect


def fit_to_screen(window: QWidget, size: QSize | None = None) -> None:
    """Size (``size``, else the current one) and place ``window`` within its screen's available
    geometry, frame included.  A maximised or full-screen window is left to the window system."""
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    extra = QSize(max(frame.width() - window.width(), 0), max(frame.height() - window.height(), 0))
    inner = QRect(available.left(), available.top(), available.width() - extra.width(),
                  available.height() - extra.height())
    want = size if size is not None else window.size()
    # ``target``: the client size, placed where the frame's top-left corner goes
    target = fitted(QRect(frame.topLeft(), want) if window.isVisible() else want, inner)
    if target.size() != window.size():
        window.resize(target.size())
    if window.isVisible() and target.topLeft() != frame.topLeft():
        window.move(target.topLeft())
