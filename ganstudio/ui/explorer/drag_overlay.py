"""DragOverlay: the handle and target points and the mask of a drag edit, drawn over the
Explorer's main image and placed with the mouse.

A transparent child of the :class:`~.image_view.ImageView` covering it.  While active, a left
click places a handle (red), the next one its target (blue); a right click removes the pair
nearest to it.  In mask mode the left button paints the region that may change and the right
button wipes it; the region is tinted and the rest dimmed.  The wheel, the middle button and
double-clicks go on to the view (zoom and pan).  Positions are image pixels (x, y), so the
points stay on the picture whatever the zoom.  Inactive, the overlay lets every event through
and draws nothing.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

HANDLE = QColor(235, 64, 52)
TARGET = QColor(52, 120, 235)


class DragOverlay(QWidget):
    changed = Signal()     # points or mask edited by the user

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.handles: list[tuple[float, float]] = []
        self.targets: list[tuple[float, float]] = []
        self.mask: np.ndarray | None = None        # [R, R] bool, True = may change
        self.mode = "points"                       # "points" | "mask"
        self.brush = 2.0                           # mask brush radius, image pixels
        self.locked = False                        # while a drag runs
        self._painting: bool | None = None         # mask stroke: True paints, False wipes
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setMouseTracking(False)
        self.set_active(False)
        view.installEventFilter(self)
        self.setGeometry(view.rect())

    # --- state -----------------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        self.active = on
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not on)
        self.setCursor(Qt.CursorShape.CrossCursor) if on else self.unsetCursor()
        self.setVisible(on)
        if on:
            self.raise_()

    def resolution(self) -> int:
        img = self.view.image()
        return img.width() if img is not None else 0

    def pending(self) -> bool:
        """A handle waits for its target."""
        return len(self.handles) > len(self.targets)

    def pairs(self) -> tuple[list, list]:
        """The complete handle / target pairs."""
        n = len(self.targets)
        return list(self.handles[:n]), list(self.targets[:n])

    def set_points(self, handles, targets) -> None:
        self.handles = [tuple(map(float, p)) for p in handles]
        self.targets = [tuple(map(float, p)) for p in targets]
        self.update()

    def clear_points(self) -> None:
        self.set_points([], [])
        self.changed.emit()

    def clear_mask(self) -> None:
        self.mask = None
        self.update()
        self.changed.emit()

    def mask_or_none(self) -> np.ndarray | None:
        return self.mask.copy() if self.mask is not None and self.mask.any() else None

    # --- geometry --------------------------------------------------------------------------------
    def to_image(self, pos: QPointF) -> tuple[float, float] | None:
        """The image pixel under a widget position (None off the image)."""
        rect, r = self.view.image_rect(), self.resolution()
        if rect.isEmpty() or not r:
            return None
        k = rect.width() / r
        x, y = (pos.x() - rect.x()) / k, (pos.y() - rect.y()) / k
        if not (0 <= x < r and 0 <= y < r):
            return None
        return float(int(x)), float(int(y))

    def to_widget(self, p: tuple[float, float]) -> QPointF:
        """The centre of image pixel p on this widget."""
        rect, r = self.view.image_rect(), max(1, self.resolution())
        k = rect.width() / r
        return QPointF(rect.x() + (p[0] + 0.5) * k, rect.y() + (p[1] + 0.5) * k)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.view and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.rect())
        return False

    # --- mouse -----------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        button = event.button()
        p = self.to_image(event.position())
        if self.locked or p is None or button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            event.ignore()      # to the view: pan with the middle button
            return
        if self.mode == "mask":
            self._painting = button == Qt.MouseButton.LeftButton
            self._stroke(p)
        elif button == Qt.MouseButton.LeftButton:
            (self.targets if self.pending() else self.handles).append(p)
            self.update()
            self.changed.emit()
        else:
            self._remove_near(p)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._painting is None:
            return event.ignore()
        p = self.to_image(event.position())
        if p is not None:
            self._stroke(p)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._painting is not None:
            self._painting = None
            self.changed.emit()
        else:
            event.ignore()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        event.ignore()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        event.ignore()

    def _stroke(self, p: tuple[float, float]) -> None:
        r = self.resolution()
        if self.mask is None or self.mask.shape != (r, r):
            self.mask = np.zeros((r, r), bool)
        yy, xx = np.mgrid[0:r, 0:r]
        self.mask[(xx - p[0]) ** 2 + (yy - p[1]) ** 2 <= self.brush ** 2] = self._painting
        self.update()

    def _remove_near(self, p: tuple[float, float]) -> None:
        pts = [(i, q) for i, q in enumerate(self.handles)] + [(i, q) for i, q in enumerate(self.targets)]
        if not pts:
            return
        i, _ = min(pts, key=lambda iq: (iq[1][0] - p[0]) ** 2 + (iq[1][1] - p[1]) ** 2)
        del self.handles[i]
        if i < len(self.targets):
            del self.targets[i]
        self.update()
        self.changed.emit()

    # --- painting --------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        rect = self.view.image_rect()
        if not self.active or rect.isEmpty() or not self.resolution():
            return
        p = QPainter(self)
        p.setClipRect(rect.intersected(self.rect().adjusted(8, 8, -8, -28)))   # not over the caption
        if self.mask is not None and self.mask.shape == (self.resolution(),) * 2 and self.mask.any():
            self._paint_mask(p, rect)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        k = rect.width() / self.resolution()
        radius = max(5.0, min(10.0, 0.5 * k))
        for h, t in zip(self.handles, self.targets):
            a, b = self.to_widget(h), self.to_widget(t)
            p.setPen(QPen(QColor(255, 255, 255, 210), 2))
            p.drawLine(a, b)
        p.setPen(QPen(QColor(255, 255, 255), 1.5))
        for pts, colour, size in ((self.targets, TARGET, radius), (self.handles, HANDLE, radius * 0.75)):
            p.setBrush(colour)   # a handle that reached its target sits inside it
            for q in pts:
                p.drawEllipse(self.to_widget(q), size, size)
        p.end()

    def _paint_mask(self, p: QPainter, rect) -> None:
        """Tint what may change, dim what must stay."""
        r = self.resolution()
        shade = np.zeros((r, r, 4), np.uint8)
        shade[self.mask] = (255, 210, 80, 60)
        shade[~self.mask] = (0, 0, 0, 130)
        img = QImage(shade.data, r, r, r * 4, QImage.Format.Format_RGBA8888).copy()
        p.drawImage(QRectF(rect), img)
