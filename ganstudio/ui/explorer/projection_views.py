"""Two small views of the projection dialog: the picture with a square crop the user moves
(drag) and sizes (wheel, or :meth:`CropView.set_fraction`), and the loss curve."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .image_view import to_qimage

MIN_FRACTION = 0.05   # the smallest crop square, as a fraction of the picture's shorter side


class CropView(QWidget):
    """The (shrunk) picture with the crop square; the box is in the full picture's pixels."""

    crop_changed = Signal(tuple)    # (left, top, right, bottom) of the square

    def __init__(self, parent=None):
        super().__init__(parent)
        self._image = None
        self._full = (1, 1)          # (width, height) of the whole picture
        self._box = (0, 0, 1, 1)
        self._drag: tuple[QPointF, tuple[int, int, int, int]] | None = None
        self.setMinimumSize(280, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(self.tr("Drag the square to choose what to project; the mouse wheel resizes it"))

    # --- content --------------------------------------------------------------------------------
    def set_picture(self, pixels: np.ndarray, full_size: tuple[int, int]) -> None:
        """Show a new picture with the largest centred square."""
        self._image = to_qimage(pixels)
        self._full = (max(1, int(full_size[0])), max(1, int(full_size[1])))
        self.set_fraction(1.0)

    def box(self) -> tuple[int, int, int, int]:
        return self._box

    def fraction(self) -> float:
        return (self._box[2] - self._box[0]) / min(self._full)

    def set_fraction(self, f: float) -> None:
        """Resize the square to ``f`` of the shorter side, keeping its centre where it fits."""
        w, h = self._full
        side = max(1, min(min(w, h), round(min(w, h) * min(1.0, max(MIN_FRACTION, f)))))
        l, t, r, b = self._box
        cx, cy = ((l + r) / 2, (t + b) / 2) if self._box != (0, 0, 1, 1) else (w / 2, h / 2)
        self._set_box(round(cx - side / 2), round(cy - side / 2), side)

    def move_by(self, dx: int, dy: int) -> None:
        l, t, r, _ = self._box
        self._set_box(l + dx, t + dy, r - l)

    def _set_box(self, left: int, top: int, side: int) -> None:
        w, h = self._full
        left = int(min(max(0, left), w - side))
        top = int(min(max(0, top), h - side))
        box = (left, top, left + side, top + side)
        if box != self._box:
            self._box = box
            self.update()
            self.crop_changed.emit(box)

    # --- geometry ---------------------------------------------------------------------------------
    def _scale(self) -> tuple[float, QPointF]:
        """Screen pixels per picture pixel, and where the picture's corner is drawn."""
        w, h = self._full
        s = min(self.width() / w, self.height() / h)
        return s, QPointF((self.width() - w * s) / 2, (self.height() - h * s) / 2)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(24, 25, 28))
        if self._image is None:
            return
        s, o = self._scale()
        w, h = self._full
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(QRectF(o.x(), o.y(), w * s, h * s), self._image)
        l, t, r, b = self._box
        sq = QRectF(o.x() + l * s, o.y() + t * s, (r - l) * s, (b - t) * s)
        shade = QPainterPath()
        shade.addRect(QRectF(o.x(), o.y(), w * s, h * s))
        inner = QPainterPath()
        inner.addRect(sq)
        p.fillPath(shade.subtracted(inner), QColor(0, 0, 0, 130))
        p.setPen(QPen(QColor(255, 210, 80), 2))
        p.drawRect(sq)

    def mousePressEvent(self, e) -> None:  # noqa: N802 - Qt API
        if e.button() == Qt.MouseButton.LeftButton:
            self._drag = (e.position(), self._box)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, e) -> None:  # noqa: N802 - Qt API
        if self._drag is None:
            return
        start, box = self._drag
        s, _ = self._scale()
        d = (e.position() - start) / max(s, 1e-9)
        self._set_box(round(box[0] + d.x()), round(box[1] + d.y()), box[2] - box[0])

    def mouseReleaseEvent(self, _e) -> None:  # noqa: N802 - Qt API
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, e) -> None:  # noqa: N802 - Qt API
        steps = e.angleDelta().y() / 120
        if steps:
            self.set_fraction(self.fraction() * (0.93 ** steps))
            e.accept()


class LossPlot(QWidget):
    """The distance per step (log scale when it spans more than a factor of 10), best marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._losses: list[float] = []
        self._steps = 1
        self.setMinimumSize(240, 110)
        self.setToolTip(self.tr("Distance of the reconstruction to the target, per step (lower is closer)"))

    def set_losses(self, losses: list[float], steps: int) -> None:
        self._losses, self._steps = list(losses), max(1, int(steps))
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(24, 25, 28))
        p.setPen(QColor(150, 155, 165))
        vals = [v for v in self._losses if math.isfinite(v)]
        if not vals:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("loss curve: waiting for the first steps"))
            return
        lo, hi = min(vals), max(vals)
        log = lo > 0 and hi / lo > 10
        f = (lambda v: math.log10(v)) if log else (lambda v: v)  # noqa: E731
        flo, fhi = f(lo), f(hi)
        span = (fhi - flo) or 1.0
        m, w, h = 8, self.width() - 16, self.height() - 28
        label = (self.tr("distance (log): {0:.4g} now, best {1:.4g}") if log
                 else self.tr("distance: {0:.4g} now, best {1:.4g}"))
        p.drawText(m, 14, label.format(vals[-1], lo))
        path = QPainterPath()
        for i, v in enumerate(self._losses):
            if not math.isfinite(v):
                continue
            pt = QPointF(m + w * (i + 1) / self._steps, 20 + h * (1 - (f(v) - flo) / span))
            path.moveTo(pt) if path.elementCount() == 0 else path.lineTo(pt)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(90, 170, 255), 1.5))
        p.drawPath(path)
        best = self._losses.index(lo)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 210, 80))
        p.drawEllipse(QPointF(m + w * (best + 1) / self._steps, 20 + h * (1 - (f(lo) - flo) / span)), 3, 3)
