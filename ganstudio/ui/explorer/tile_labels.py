"""Labels of a tiled result in an :class:`~.image_view.ImageView`: a label above each column
(frames of a strip, values along a sweep, the column sources of a mixing grid), a label left of
each row (the row sources of a mixing grid) and a tooltip per tile (e.g. a gallery tile's seed).
Labels sit beside the image and follow its tiles when it is zoomed or panned; they stay in
view at the pane's edge (like a spreadsheet's headers); one that does not fit its tile is
shortened with an ellipsis."""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

LABEL_COLOUR = QColor(170, 176, 186)
GAP = 4                    # pixels between a label and its tiles


class TileLabels:
    def __init__(self, view):
        self._view = view
        self._cols: list[str] = []
        self._rows: list[str] = []
        self._tips: list[str] = []

    def set(self, cols: Sequence[str] = (), rows: Sequence[str] = (), tips: Sequence[str] = ()) -> None:
        """Column labels (left to right), row labels (top to bottom), tooltips (row-major)."""
        new = ([str(c) for c in cols], [str(r) for r in rows], [str(t) for t in tips])
        if new != (self._cols, self._rows, self._tips):
            self._cols, self._rows, self._tips = new
            self._view.update()

    def clear(self) -> None:
        self.set()

    def columns(self) -> list[str]:
        return list(self._cols)

    def rows(self) -> list[str]:
        return list(self._rows)

    def tip(self, index: int) -> str:
        return self._tips[index] if 0 <= index < len(self._tips) else ""

    def font(self) -> QFont:
        f = QFont(self._view.font())
        f.setPointSizeF(max(7.0, f.pointSizeF() - 1))
        return f

    def margins(self, width: int) -> tuple[int, int]:
        """(left, top) room the labels take beside the image in a pane ``width`` wide."""
        fm = QFontMetrics(self.font())
        left = 0
        if any(self._rows):
            left = min(max(fm.horizontalAdvance(r) for r in self._rows) + 2 * GAP, width // 4)
        top = fm.height() + GAP if any(self._cols) else 0
        return left, top

    def paint(self, p: QPainter, avail: QRect) -> None:
        """Draw the labels of the tiles the view shows in ``avail`` (its room for the image)."""
        tiles = self._view.tiles()
        if tiles is None or not (any(self._cols) or any(self._rows)):
            return
        rows, cols = tiles[0], tiles[1]
        p.save()
        p.setFont(self.font())
        p.setPen(LABEL_COLOUR)
        fm = p.fontMetrics()
        image = self._view.image_rect()
        left, top = self.margins(self._view.width())
        y = max(image.top(), avail.top()) - fm.height() - GAP // 2      # above the tiles, in view
        for c, text in enumerate(self._cols[:cols]):
            r = self._view.tile_rect(c)
            if not text or r is None or r.right() < avail.left() or r.left() > avail.right():
                continue
            pitch = max(r.width(), image.width() // cols)            # a tile and its share of padding
            box = QRect(r.center().x() - pitch // 2, y, pitch, fm.height())
            p.setClipRect(QRect(avail.left(), 0, avail.width(), self._view.height()))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, fm.elidedText(text, Qt.TextElideMode.ElideRight, pitch))
        right = max(image.left(), avail.left()) - GAP                   # left of the tiles, in view
        for i, text in enumerate(self._rows[:rows]):
            r = self._view.tile_rect(i * cols)
            if not text or r is None or r.bottom() < avail.top() or r.top() > avail.bottom():
                continue
            box = QRect(right - (left - GAP), r.top(), left - GAP, r.height())
            p.setClipRect(QRect(0, avail.top(), self._view.width(), avail.height()))
            p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(text, Qt.TextElideMode.ElideRight, box.width()))
        p.restore()
