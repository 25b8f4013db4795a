"""A view that shows one rendered image, upscaled crisply (whole-number nearest-neighbour
factors), with a caption and an optional busy badge (e.g. "preview · full image coming" with a
progress bar); it reports when a new image has actually been painted."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


def to_qimage(img: np.ndarray) -> QImage:
    """HWC uint8 (C = 1, 3 or 4) -> a QImage that owns its pixels."""
    img = np.ascontiguousarray(img)
    h, w, c = img.shape
    fmt = {1: QImage.Format.Format_Grayscale8, 3: QImage.Format.Format_RGB888,
           4: QImage.Format.Format_RGBA8888}[c]
    return QImage(img.data, w, h, w * c, fmt).copy()


class ImageView(QWidget):
    """Paints an image as large as fits, scaled by a whole number (crisp pixels)."""

    painted = Signal(int)          # the request id of an image that has just reached the screen
    tile_clicked = Signal(int)     # index of a clicked tile (when a tile layout is set)

    def __init__(self, parent=None, placeholder: str = "", min_size: QSize = QSize(160, 160)):
        super().__init__(parent)
        self._image: QImage | None = None
        self._request_id = -1
        self._announced = -1
        self._placeholder = placeholder
        self._caption = ""
        self._badge: tuple[str, float | None] | None = None   # text, progress 0..1 (None: none)
        self._tiles: tuple[int, int, int, int, int] | None = None   # rows, cols, tile_h, tile_w, pad
        self._marked: tuple[int, str] | None = None   # a tile outlined with a tag (e.g. latent A)
        self._target = QRect()
        self.setMinimumSize(min_size)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor(24, 25, 28))
        self.setPalette(pal)

    # --- content ------------------------------------------------------------------------------------
    def set_image(self, img: np.ndarray | None, request_id: int = 0,
                  tiles: tuple[int, int, int, int, int] | None = None) -> None:
        old = self._image
        self._image = None if img is None else to_qimage(img)
        self._request_id = request_id
        self._tiles = tiles
        if old is not None and self._image is not None and old.size() == self._image.size() \
                and not self._target.isEmpty():
            self.update(self._target)  # same place: repaint only the image, not the whole view
        else:
            self.update()

    def set_marked_tile(self, index: int | None, tag: str = "A") -> None:
        """Outline tile ``index`` (row-major) and tag it, e.g. the gallery tile that is latent A."""
        marked = None if index is None else (int(index), tag)
        if marked != self._marked:
            self._marked = marked
            self.update()

    def marked_tile(self) -> int | None:
        return None if self._marked is None or self._tiles is None else self._marked[0]

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def set_caption(self, text: str) -> None:
        if text != self._caption:
            had = bool(self._caption)
            self._caption = text
            if had and text:  # the image keeps its place: only the caption line changes
                self.update(self._caption_rect())
            else:
                self.update()

    def set_badge(self, text: str | None, progress: float | None = None) -> None:
        """Show a small busy badge on the image's top-right corner (None hides it); progress
        0..1 draws a bar under the text."""
        badge = None if not text else (text, None if progress is None else min(1.0, max(0.0, progress)))
        if badge != self._badge:
            self._badge = badge
            self.update()

    def badge(self) -> str | None:
        """The badge's text, or None when no badge is shown."""
        return self._badge[0] if self._badge else None

    def clear(self) -> None:
        self._badge = None
        self.set_image(None, -1)

    def has_image(self) -> bool:
        return self._image is not None

    def image(self) -> QImage | None:
        return self._image

    def scale_factor(self) -> float:
        return self._target.width() / self._image.width() if self._image and self._target.width() else 0.0

    # --- painting -----------------------------------------------------------------------------------
    def _caption_rect(self) -> QRect:
        return QRect(0, self.height() - 22, self.width(), 20)

    def _fit(self) -> QRect:
        img = self._image
        avail = self.rect().adjusted(8, 8, -8, -8 - (18 if self._caption else 0))
        w, h = img.width(), img.height()
        k = min(avail.width() / w, avail.height() / h)
        if k >= 1:
            k = max(1, int(k))  # whole-number upscale keeps pixels square and crisp
        tw, th = max(1, int(w * k)), max(1, int(h * k))
        return QRect(avail.x() + (avail.width() - tw) // 2, avail.y() + (avail.height() - th) // 2, tw, th)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        if self._image is None:
            p.setPen(QColor(150, 150, 160))
            p.drawText(self.rect().adjusted(16, 16, -16, -16), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self._placeholder)
            p.end()
            return
        self._target = self._fit()
        smooth = self._target.width() < self._image.width()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        p.drawImage(self._target, self._image)
        if self._caption:
            p.setPen(QColor(190, 190, 200))
            f = QFont(self.font())
            f.setPointSizeF(max(7.5, f.pointSizeF() - 1))
            p.setFont(f)
            p.drawText(self._caption_rect(), Qt.AlignmentFlag.AlignCenter, self._caption)
        if self._marked is not None and self._tiles is not None:
            self._paint_mark(p)
        if self._badge:
            self._paint_badge(p)
        p.end()
        if self._request_id != self._announced:
            self._announced = self._request_id
            self.painted.emit(self._request_id)

    def tile_rect(self, index: int) -> QRect | None:
        """Where tile ``index`` is painted (None without tiles or outside them)."""
        if self._image is None or self._tiles is None or self._target.isEmpty():
            return None
        rows, cols, th, tw, pad = self._tiles
        r, c = divmod(int(index), cols)
        if not (0 <= r < rows and 0 <= c < cols):
            return None
        k = self._target.width() / self._image.width()
        x, y = self._target.x() + (pad + c * (tw + pad)) * k, self._target.y() + (pad + r * (th + pad)) * k
        return QRect(round(x), round(y), max(1, round(tw * k)), max(1, round(th * k)))

    def _paint_mark(self, p: QPainter) -> None:
        rect = self.tile_rect(self._marked[0])
        if rect is None:
            return
        colour = QColor(110, 170, 255)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(colour, 2))
        p.drawRect(rect.adjusted(-1, -1, 1, 1))
        f = QFont(self.font())
        f.setBold(True)
        f.setPointSizeF(max(7.0, f.pointSizeF() - 2))
        p.setFont(f)
        tag = QRect(rect.left() - 1, rect.top() - 1, p.fontMetrics().horizontalAdvance(self._marked[1]) + 8,
                    p.fontMetrics().height() + 2)
        p.fillRect(tag, colour)
        p.setPen(QColor(10, 10, 14))
        p.drawText(tag, Qt.AlignmentFlag.AlignCenter, self._marked[1])

    def _paint_badge(self, p: QPainter) -> None:
        text, progress = self._badge
        f = QFont(self.font())
        f.setPointSizeF(max(7.5, f.pointSizeF() - 1))
        p.setFont(f)
        fm = p.fontMetrics()
        w, h = fm.horizontalAdvance(text) + 16, fm.height() + (16 if progress is not None else 8)
        box = QRect(self._target.right() - w - 6, self._target.top() + 6, w, h)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(20, 20, 24, 200))
        p.drawRoundedRect(box, 6, 6)
        p.setPen(QColor(235, 235, 240))
        p.drawText(box.adjusted(8, 4, -8, -(12 if progress is not None else 4)),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        if progress is not None:
            bar = QRect(box.left() + 8, box.bottom() - 7, box.width() - 16, 3)
            p.setBrush(QColor(90, 90, 100))
            p.drawRect(bar)
            p.setBrush(QColor(110, 170, 255))
            p.drawRect(QRect(bar.left(), bar.top(), max(1, int(bar.width() * progress)), bar.height()))

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        index = self.tile_at(event.position().toPoint())
        if index is not None:
            self.tile_clicked.emit(index)
        super().mousePressEvent(event)

    def tile_at(self, pos: QPoint) -> int | None:
        if self._image is None or self._tiles is None or not self._target.contains(pos):
            return None
        rows, cols, th, tw, pad = self._tiles
        k = self._target.width() / self._image.width()
        x, y = (pos.x() - self._target.x()) / k - pad, (pos.y() - self._target.y()) / k - pad
        c, r = int(x // (tw + pad)), int(y // (th + pad))
        return r * cols + c if 0 <= r < rows and 0 <= c < cols else None
