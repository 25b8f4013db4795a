"""A view that shows one rendered image as large as its pane allows, crisply: small images
grow by whole-number nearest-neighbour factors (a fractional factor only where a whole one
would leave more than a quarter of the pane empty), with zoom (wheel, Ctrl + / Ctrl -, Ctrl 0
fits again, double-click fits) and pan (drag a zoomed image; the middle button always pans).
A grid of tiles (gallery, strip, sweep, mixing grid) can carry row and column labels beside
it and a tooltip per tile (:mod:`.tile_labels`); it reports clicked tiles.  It also shows a
caption and an optional busy badge (e.g. "preview · full image coming" with a progress bar),
and says when a new image has actually been painted."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QImage, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .tile_labels import TileLabels

MAX_SCALE = 64.0          # screen pixels per image pixel, at most
WHOLE_FILL = 0.75         # a whole-number factor is used when it fills at least this much of the fit


def to_qimage(img: np.ndarray) -> QImage:
    """HWC uint8 (C = 1, 3 or 4) -> a QImage that owns its pixels."""
    img = np.ascontiguousarray(img)
    h, w, c = img.shape
    fmt = {1: QImage.Format.Format_Grayscale8, 3: QImage.Format.Format_RGB888,
           4: QImage.Format.Format_RGBA8888}[c]
    return QImage(img.data, w, h, w * c, fmt).copy()


def fit_scale(avail: QSize, size: QSize) -> float:
    """Screen pixels per image pixel that fit ``size`` into ``avail``: a whole number when it
    fills at least WHOLE_FILL of the largest fit (crisp, square pixels), else the largest fit."""
    if size.width() <= 0 or size.height() <= 0:
        return 1.0
    k = min(avail.width() / size.width(), avail.height() / size.height())
    if k >= 1 and math.floor(k) / k >= WHOLE_FILL:
        return float(math.floor(k))
    return max(k, 1e-3)


class ImageView(QWidget):
    """Paints an image as large as fits (see the module docstring), zoomable and pannable."""

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
        self.labels = TileLabels(self)
        self._target = QRect()
        self._scale: float | None = None   # None: fit the pane; else screen px per image px
        self._pan = QPointF(0, 0)          # the image's centre minus the pane's centre
        self._press: tuple[QPointF, QPointF, Qt.MouseButton] | None = None
        self._dragged = False
        self.pan_button = Qt.MouseButton.LeftButton   # drags with it pan a zoomed image
        self.setMinimumSize(min_size)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor(24, 25, 28))
        self.setPalette(pal)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.zoom_actions = self._make_zoom_actions()

    def _make_zoom_actions(self) -> list[QAction]:
        acts = []
        for text, keys, fn in ((self.tr("Zoom In"), QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(1)),
                               (self.tr("Zoom Out"), QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(-1)),
                               (self.tr("Fit to Pane"), QKeySequence("Ctrl+0"), self.fit_to_pane),
                               (self.tr("Actual Pixels (1:1)"), None, lambda: self.set_scale(1.0))):
            a = QAction(text, self)
            if keys is not None:
                a.setShortcut(keys)
                a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            a.triggered.connect(fn)
            self.addAction(a)
            acts.append(a)
        sep = QAction(self)
        sep.setSeparator(True)
        self.addAction(sep)
        return acts

    # --- content ------------------------------------------------------------------------------------
    def set_image(self, img: np.ndarray | None, request_id: int = 0,
                  tiles: tuple[int, int, int, int, int] | None = None) -> None:
        old = self._image
        self._image = None if img is None else to_qimage(img)
        self._request_id = request_id
        self._tiles = tiles
        if old is None or self._image is None or old.size() != self._image.size():
            self._scale, self._pan = None, QPointF(0, 0)   # another kind of image: fit it again
            self.update()
        elif not self._target.isEmpty() and self._scale is None:
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
        self.labels.clear()
        self.set_image(None, -1)

    def has_image(self) -> bool:
        return self._image is not None

    def image(self) -> QImage | None:
        return self._image

    def image_rect(self) -> QRect:
        """Where the image is painted (empty before the first paint)."""
        return QRect(self._target)

    def scale_factor(self) -> float:
        """Screen pixels per image pixel, as last painted (0 before)."""
        return self._target.width() / self._image.width() if self._image and self._target.width() else 0.0

    # --- zoom and pan -------------------------------------------------------------------------------
    def zoomed(self) -> bool:
        return self._scale is not None

    def fit_to_pane(self) -> None:
        self._scale, self._pan = None, QPointF(0, 0)
        self.update()

    def set_scale(self, scale: float, anchor: QPointF | None = None) -> None:
        """Show the image at ``scale`` screen pixels per image pixel, keeping the image point
        under ``anchor`` (default: the pane's centre) where it is."""
        if self._image is None:
            return
        avail = self._avail()
        if self._target.isEmpty():
            self._target = self._place(avail, self._current_scale(avail))
        old = self._target.width() / self._image.width()
        fit = fit_scale(avail.size(), self._image.size())
        scale = min(MAX_SCALE, max(min(fit, 1.0) / 4, float(scale)))
        anchor = QPointF(avail.center()) if anchor is None else QPointF(anchor)
        at = (anchor - QPointF(self._target.topLeft())) / old          # image point under the anchor
        centre = anchor - at * scale + QPointF(self._image.width(), self._image.height()) * (scale / 2)
        if abs(scale - fit) < 1e-6:
            self.fit_to_pane()
            return
        self._scale, self._pan = scale, centre - QPointF(avail.center())
        self.update()

    def zoom_by(self, steps: int, anchor: QPointF | None = None) -> None:
        """One step in (> 0) or out (< 0): the next whole-number factor at 1x and above."""
        if self._image is None:
            return
        s = self._current_scale(self._avail())
        for _ in range(abs(int(steps))):
            if steps > 0:
                s = math.floor(s + 1e-6) + 1.0 if s >= 1 else min(1.0, s * 1.25)
            else:
                s = math.ceil(s - 1e-6) - 1.0 if s > 1 + 1e-6 else s / 1.25
        self.set_scale(s, anchor)

    def _current_scale(self, avail: QRect) -> float:
        return self._scale if self._scale is not None else fit_scale(avail.size(), self._image.size())

    def _pannable(self) -> bool:
        avail = self._avail()
        return self._target.width() > avail.width() or self._target.height() > avail.height()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        dy = event.angleDelta().y()
        if self._image is None or not dy:
            return super().wheelEvent(event)
        self.zoom_by(1 if dy > 0 else -1, event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._image is not None and event.button() in (self.pan_button, Qt.MouseButton.MiddleButton):
            self._press, self._dragged = (event.position(), QPointF(self._pan), event.button()), False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._press is not None:
            start, pan, button = self._press
            d = event.position() - start
            if self._dragged or (abs(d.x()) + abs(d.y()) >= 4 and self._pannable()):
                self._dragged = True
                self._pan = pan + d
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        press, self._press = self._press, None
        if press is not None and not self._dragged and event.button() == Qt.MouseButton.LeftButton:
            index = self.tile_at(event.position().toPoint())
            if index is not None:
                self.tile_clicked.emit(index)
        self._dragged = False
        self.unsetCursor()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.fit_to_pane()
        super().mouseDoubleClickEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.tile_at(event.pos())
            tip = self.labels.tip(index) if index is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # --- painting -----------------------------------------------------------------------------------
    def _caption_rect(self) -> QRect:
        return QRect(0, self.height() - 22, self.width(), 20)

    def _avail(self) -> QRect:
        """The room for the image: the pane less its border, caption and label margins."""
        left, top = self.labels.margins(self.width())
        return self.rect().adjusted(8 + left, 8 + top, -8, -8 - (18 if self._caption else 0))

    def _place(self, avail: QRect, scale: float) -> QRect:
        w, h = self._image.width(), self._image.height()
        tw, th = max(1, round(w * scale)), max(1, round(h * scale))
        if self._scale is not None:   # zoomed: pan, but never so far that the image leaves its room
            px = max(-(tw - avail.width()) / 2, min((tw - avail.width()) / 2, self._pan.x())) \
                if tw > avail.width() else 0.0
            py = max(-(th - avail.height()) / 2, min((th - avail.height()) / 2, self._pan.y())) \
                if th > avail.height() else 0.0
            self._pan = QPointF(px, py)
        cx, cy = avail.center().x() + self._pan.x(), avail.center().y() + self._pan.y()
        return QRect(round(cx - tw / 2), round(cy - th / 2), tw, th)

    def _fit(self) -> QRect:
        avail = self._avail()
        return self._place(avail, self._current_scale(avail))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        if self._image is None:
            p.setPen(QColor(150, 150, 160))
            p.drawText(self.rect().adjusted(16, 16, -16, -16), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self._placeholder)
            p.end()
            return
        avail = self._avail()
        self._target = self._place(avail, self._current_scale(avail))
        k = self._target.width() / self._image.width()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, k < 1)
        shown = QRectF(self._target).intersected(QRectF(avail))   # draw only what is in the room
        if not shown.isEmpty():
            source = QRectF((shown.x() - self._target.x()) / k, (shown.y() - self._target.y()) / k,
                            shown.width() / k, shown.height() / k)
            p.drawImage(shown, self._image, source)
        self.labels.paint(p, avail)
        if self._caption:
            p.setPen(QColor(190, 190, 200))
            f = QFont(self.font())
            f.setPointSizeF(max(7.5, f.pointSizeF() - 1))
            p.setFont(f)
            caption = self._caption + (f" · {k:.3g}×" if self._scale is not None else "")
            p.drawText(self._caption_rect(), Qt.AlignmentFlag.AlignCenter, caption)
        elif self._scale is not None:
            p.setPen(QColor(160, 160, 170))
            p.drawText(self.rect().adjusted(8, 0, -8, -4), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                       f"{k:.3g}×")
        if self._marked is not None and self._tiles is not None:
            p.setClipRect(avail)
            self._paint_mark(p)
            p.setClipping(False)
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

    def tiles(self) -> tuple[int, int, int, int, int] | None:
        return self._tiles

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

    def tile_at(self, pos: QPoint) -> int | None:
        if self._image is None or self._tiles is None or not self._target.contains(pos):
            return None
        rows, cols, th, tw, pad = self._tiles
        k = self._target.width() / self._image.width()
        x, y = (pos.x() - self._target.x()) / k - pad, (pos.y() - self._target.y()) / k - pad
        c, r = int(x // (tw + pad)), int(y // (th + pad))
        return r * cols + c if 0 <= r < rows and 0 <= c < cols else None
