"""Bar views of latent A: z and w = mapping(z) (the w bars come from the last render).

Drawn with QPainter: one rectangle per dimension, the current slider page shaded, a click on
a bar reports its dimension.  All bars are drawn in one call: cheap enough to follow drags.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

AXIS_WIDTH = 28        # pixels left of the bars for the scale labels
MIN_LIMIT = 3.0        # the vertical scale shows at least -3 .. 3 (a standard normal's range)


class BarChart(QWidget):
    """Signed values as vertical bars around a zero line."""

    clicked_dim = Signal(int)

    def __init__(self, colour: str, parent=None):
        super().__init__(parent)
        self.setFixedHeight(64)
        self.colour = QColor(colour)
        self.values = np.zeros(0, np.float32)
        self.limit = MIN_LIMIT
        self.page = (0, 0)

    def set_values(self, values: np.ndarray | None) -> None:
        values = np.zeros(0, np.float32) if values is None else np.asarray(values, np.float32).reshape(-1)
        if np.array_equal(values, self.values, equal_nan=True):
            return  # nothing to repaint
        self.values = values.copy()
        finite = self.values[np.isfinite(self.values)]
        self.limit = max(MIN_LIMIT, float(np.abs(finite).max()) if finite.size else MIN_LIMIT)
        self.update()

    def set_page(self, start: int, stop: int) -> None:
        if (int(start), int(stop)) != self.page:
            self.page = (int(start), int(stop))
            self.update()

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        return font

    def _plot_rect(self) -> QRectF:
        """The bars' room: the scale's top and bottom labels are centred on its edges, so it
        leaves half a label's height above and below (else "+3" is cut off)."""
        half = QFontMetricsF(self._label_font()).height() / 2 + 1
        return QRectF(AXIS_WIDTH, half, max(1, self.width() - AXIS_WIDTH - 2), max(1, self.height() - 2 * half))

    def bar_at(self, x: float) -> int | None:
        """The dimension whose bar is under widget x-coordinate ``x``, or None."""
        r, n = self._plot_rect(), len(self.values)
        if n == 0 or not r.left() <= x < r.right():
            return None
        return min(n - 1, int((x - r.left()) / r.width() * n))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        r, n = self._plot_rect(), len(self.values)
        text = self.palette().color(self.foregroundRole())
        p.setPen(text)
        p.setFont(self._label_font())
        half = p.fontMetrics().height() / 2 + 1
        for value, y in ((self.limit, r.top()), (0.0, r.center().y()), (-self.limit, r.bottom())):
            p.drawText(QRectF(0, y - half, AXIS_WIDTH - 4, 2 * half), Qt.AlignRight | Qt.AlignVCenter,
                       f"{value:.0f}" if value == 0 else f"{value:+.0f}")
        if n == 0:
            return
        step = r.width() / n
        lo, hi = self.page
        if hi > lo:
            p.fillRect(QRectF(r.left() + lo * step, r.top(), (hi - lo) * step, r.height()),
                       QColor(255, 255, 255, 28))
        zero = r.center().y()
        p.fillRect(QRectF(r.left(), int(zero), r.width(), 1), QColor(255, 255, 255, 60))
        # every bar in one call: repainted on every render while a slider is dragged
        h = np.nan_to_num(self.values, nan=0.0, posinf=self.limit, neginf=-self.limit) * (r.height() / 2 / self.limit)
        x = (r.left() + np.arange(n) * step).tolist()
        top = (zero - np.maximum(h, 0.0)).tolist()
        width = max(1.0, step * 0.85)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.colour)
        p.drawRects([QRectF(a, b, width, c) for a, b, c in zip(x, top, np.abs(h).tolist()) if c > 0])
        p.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        dim = self.bar_at(event.position().x())
        if dim is not None:
            self.clicked_dim.emit(dim)
        super().mousePressEvent(event)


# What the lower chart shows: the w the image is rendered from, direction edits included.
W_LABELS = {"z": QT_TRANSLATE_NOOP("LatentBars", "w the image is made from: mapping(z) + direction edits"),
            "w": QT_TRANSLATE_NOOP("LatentBars", "w the image is made from: your w + direction edits"),
            "w+": QT_TRANSLATE_NOOP("LatentBars", "w+ row {row} the image is made from: your row + direction edits")}


class LatentBars(QWidget):
    """z (what the sliders edit) and w (what the synthesis sees) as bar charts."""

    dim_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.z_label = QLabel("z")
        self.z_bars = BarChart("#5b9bd5")
        self.w_label = QLabel(self.tr(W_LABELS["z"]))
        self.w_bars = BarChart("#e8a33d")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        for label in (self.z_label, self.w_label):   # long captions wrap: never widen the pane
            label.setWordWrap(True)
        for w in (self.z_label, self.z_bars, self.w_label, self.w_bars):
            lay.addWidget(w)
        self.z_bars.clicked_dim.connect(self.dim_clicked)

    def set_edit_values(self, space: str, values: np.ndarray, row: int = 0) -> None:
        vals = values[row] if values.ndim == 2 else values
        self.z_label.setText({"z": self.tr("z (click a bar to jump to its slider)"),
                              "w": self.tr("w (edited directly)"),
                              "w+": self.tr("w+ row {0} (edited directly)").format(row)}[space])
        self.w_label.setText(self.tr(W_LABELS[space]).format(row=row))
        self.z_bars.set_values(vals)

    def set_w(self, w: np.ndarray | None, style: bool) -> None:
        self.w_label.setVisible(style)
        self.w_bars.setVisible(style)
        if style and w is not None:
            self.w_bars.set_values(w[0] if w.ndim == 2 else w)

    def set_page(self, start: int, stop: int) -> None:
        self.z_bars.set_page(start, stop)
