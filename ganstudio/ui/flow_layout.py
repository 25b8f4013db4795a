"""A row of controls that wraps onto further lines when its space is narrower than the row.

A plain QHBoxLayout makes its whole width the minimum of everything above it: a tool bar of
check boxes and buttons over a plot widened the Training panel's curves past a 1280 px screen
(issue 22).  :class:`FlowLayout` asks only for its widest item and takes the height the
wrapped lines need (height for width), so the panel scrolls or wraps, never grows.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapped to the next line when the width runs out; ``align_right``
    pushes each line to the right edge (a tool bar over a plot).  ``shrink``: like a row of a
    QHBoxLayout, items shrink from their preferred towards their minimum widths before a line
    wraps (a combo box that elides keeps its place beside the spin boxes)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6, align_right: bool = False,
                 shrink: bool = False):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.align_right = align_right
        self.shrink = shrink
        self.setContentsMargins(0, 0, 0, 0)

    # --- QLayout's item list ---------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 - Qt naming
        self.addWidget(widget)                       # appended; moved to its place below
        self._items.insert(index, self._items.pop())
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # --- sizes ------------------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hints = [item.sizeHint() for item in self._visible()]
        width = sum(h.width() for h in hints) + self._gap * max(len(hints) - 1, 0)
        height = max((h.height() for h in hints), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # --- placing ----------------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (when ``move``); the height the lines take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        least: list[list[int]] = [[]]           # the narrowest each item of a line may become
        used = 0
        for item in self._visible():
            hint = item.sizeHint().boundedTo(item.maximumSize()).expandedTo(item.minimumSize())
            hint.setWidth(min(hint.width(), max(area.width(), 1)))
            low = min(item.minimumSize().width(), hint.width()) if self.shrink else hint.width()
            needed = low + (self._gap if lines[-1] else 0)
            if lines[-1] and used + needed > area.width():
                lines.append([])
                least.append([])
                used, needed = 0, low
            lines[-1].append((item, hint))
            least[-1].append(low)
            used += needed
        for line, lows in zip(lines, least):    # a line too narrow for its preferred widths
            room = area.width() - self._gap * (len(line) - 1)
            want = sum(h.width() for _, h in line)
            if not line or want <= room:
                continue
            spare = max(0, room - sum(lows)) / max(1, want - sum(lows))
            for (_, hint), low in zip(line, lows):
                hint.setWidth(low + int((hint.width() - low) * spare))
        for line in lines:                      # an item that wraps itself takes the height it needs
            for item, hint in line:
                if item.hasHeightForWidth():
                    hint.setHeight(max(hint.height(), item.heightForWidth(hint.width())))
        y = area.top()
        for line in lines:
            if not line:
                continue
            height = max(h.height() for _, h in line)
            width = sum(h.width() for _, h in line) + self._gap * (len(line) - 1)
            x = area.right() + 1 - width if self.align_right else area.left()
            for item, hint in line:
                if move:
                    top = y + (height - hint.height()) // 2    # centred on the line
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + self._gap
            y += height + self._gap
        return max(y - self._gap - area.top(), 0) + m.top() + m.bottom()

