"""A hover readout for the live curves: a vertical line at the step under the mouse and the
value of every visible curve there (the smoothed value, and the raw one beside it), as
TensorBoard shows.  Both plots show the line at the same step."""
from __future__ import annotations

import math
from typing import Callable, Iterable

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF

from . import style

pg = style.pyqtgraph()


def value_at(x: np.ndarray, y: np.ndarray, step: float) -> tuple[float, float] | None:
    """(step, value) of the logged point nearest to ``step`` with a finite value, or None."""
    if not len(x):
        return None
    finite = np.isfinite(y)
    if not finite.any():
        return None
    xs, ys = x[finite], y[finite]
    i = int(np.clip(np.searchsorted(xs, step), 1, len(xs) - 1)) if len(xs) > 1 else 0
    if len(xs) > 1 and abs(xs[i - 1] - step) <= abs(xs[i] - step):
        i -= 1
    return float(xs[i]), float(ys[i])


def _number(v: float) -> str:
    return f"{v:.4g}" if math.isfinite(v) else str(v)


class HoverReadout:
    """The line and label on ``plots``; ``rows(step)`` yields (colour, text) for one plot."""

    def __init__(self, plots: list[pg.PlotWidget],
                 rows: Callable[[pg.PlotWidget, float], Iterable[tuple[str, str]]]):
        self.plots, self.rows = plots, rows
        self.step: float | None = None
        self._parts = {}
        for w in plots:
            line = pg.InfiniteLine(angle=90, movable=False,
                                   pen=style.pen(style.FOREGROUND, 1.0, alpha=120))
            label = pg.TextItem(anchor=(0, 0), fill=style.brush(style.PLOT_BACKGROUND, 215))
            for item in (line, label):
                item.setZValue(1000)
                item.setVisible(False)
                w.addItem(item, ignoreBounds=True)
            self._parts[w] = (line, label)
            w.scene().sigMouseMoved.connect(lambda pos, w=w: self._moved(w, pos))
            w.installEventFilter(_LeaveFilter(self, w))

    def _moved(self, w: pg.PlotWidget, pos: QPointF) -> None:
        vb = w.getViewBox()
        if not vb.sceneBoundingRect().contains(pos):
            self.hide()
            return
        self.show_at(vb.mapSceneToView(pos).x())

    def show_at(self, step: float) -> None:
        """Put the line at ``step`` in every plot and list the values there."""
        self.step = step
        for w, (line, label) in self._parts.items():
            rows = list(self.rows(w, step))
            line.setPos(step)
            line.setVisible(True)
            if not rows:
                label.setVisible(False)
                continue
            html = "<br>".join(f"<span style='color:{c}'>{t}</span>" for c, t in rows)
            label.setHtml(f"<div style='color:{style.FOREGROUND}'>{html}</div>")
            vb = w.getViewBox()
            (x0, x1), (y0, y1) = vb.viewRange()
            right = step > x0 + 0.6 * (x1 - x0)      # keep the label inside the plot
            label.setAnchor((1, 0) if right else (0, 0))
            label.setPos(step, y1)
            label.setVisible(True)
            below = _below_legend(w, label)
            if below is not None:
                label.setPos(step, below)

    def hide(self) -> None:
        self.step = None
        for line, label in self._parts.values():
            line.setVisible(False)
            label.setVisible(False)

    def text(self, w: pg.PlotWidget) -> str:
        """The label's plain text in plot ``w`` ("" when hidden)."""
        label = self._parts[w][1]
        return label.textItem.toPlainText() if label.isVisible() else ""


def _below_legend(w: pg.PlotWidget, label: pg.TextItem) -> float | None:
    """The view y that puts ``label``'s top just under the plot's legend when the two would
    overlap (the legend sits in a top corner), else None."""
    legend = w.getPlotItem().legend
    if legend is None or not legend.isVisible() or not legend.items:
        return None
    box = legend.sceneBoundingRect()
    if not label.sceneBoundingRect().intersects(box):
        return None
    vb = w.getViewBox()
    return vb.mapSceneToView(QPointF(box.center().x(), box.bottom() + 2)).y()


class _LeaveFilter(pg.QtCore.QObject):
    def __init__(self, readout: HoverReadout, w):
        super().__init__(w)
        self.readout = readout

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() == pg.QtCore.QEvent.Leave:
            self.readout.hide()
        return False


def step_text(step: float) -> str:
    return QCoreApplication.translate("LiveCurves", "step {0:,}").format(int(step))
