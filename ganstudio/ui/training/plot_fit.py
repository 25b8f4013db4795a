"""Plots that stay readable when they are short or their text is large.

:func:`readable_ticks`: pyqtgraph picks a value axis's ticks from the axis length alone, so a
short plot with presentation mode's large text stacked its labels into a smear (the Training
panel's Diagnostics plot at 1.5x text in an 800 px window).  The axis keeps only the tick
levels whose labels lie at least two lines of its font apart, widening the major step (1, 2, 5
times a power of ten) where even that level is too dense.

:func:`place_legend`: a legend fixed in one corner covered the curves whenever the data lay
there (the 1-D teaching view's densities and D(x)).  It is moved to whichever corner of the
plot covers the fewest of the plotted points.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QFontMetricsF

LABEL_GAP_LINES = 2.0     # the least distance between two value labels, in lines of their font
OFFSET = 6                # px between the legend and the plot's edges
CORNERS = ((OFFSET, OFFSET), (-OFFSET, OFFSET), (OFFSET, -OFFSET), (-OFFSET, -OFFSET))  # TL, TR, BL, BR


def _grown(spacing: float) -> float:
    """The next step of the 1, 2, 5 series after ``spacing``."""
    exp = math.floor(math.log10(spacing))
    mantissa = spacing / 10 ** exp
    for m in (2.0, 5.0, 10.0):
        if mantissa < m * 0.999:
            return m * 10 ** exp
    return 20.0 * 10 ** exp


def label_gap(axis) -> float:
    """Pixels between two labels of a vertical axis for them to read apart."""
    font = axis.style.get("tickFont")
    if font is None:
        from PySide6.QtWidgets import QApplication
        font = QApplication.font()
    return LABEL_GAP_LINES * QFontMetricsF(font).height()


def readable_ticks(axis) -> None:
    """Give a vertical axis ticks whose labels never crowd (see the module's note)."""
    original = axis.tickSpacing

    def spacing(min_val: float, max_val: float, size: float):
        levels = original(min_val, max_val, size)
        span = abs(max_val - min_val)
        if not levels or span == 0 or size <= 0 or axis._tickSpacing is not None:
            return levels
        px = size / span                     # pixels per unit
        need = label_gap(axis)
        kept = [(s, o) for s, o in levels if s * px >= need]
        if kept:
            return kept
        step = levels[0][0]
        while step * px < need and step < span:
            step = _grown(step)
        return [(step, 0.0)]

    axis.tickSpacing = spacing


def _covered(rect: tuple[float, float, float, float], lines, fills) -> int:
    """How many plotted points lie in ``rect`` (x0, x1, y0, y1, in data units): points of
    ``lines``, and the columns of filled histograms (``fills``) that reach up into it."""
    x0, x1, y0, y1 = rect
    n = 0
    for x, y in lines:
        n += int(np.count_nonzero((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)))
    for x, y in fills:
        n += int(np.count_nonzero((x >= x0) & (x <= x1) & (y >= y0)))
    return n


def _data(curve) -> tuple[np.ndarray, np.ndarray] | None:
    if not curve.isVisible():
        return None
    x, y = curve.getData()
    if x is None or y is None or len(y) == 0:
        return None
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(x) == len(y) + 1:                 # a histogram (stepMode "center"): bin centres
        x = (x[:-1] + x[1:]) / 2
    ok = np.isfinite(x) & np.isfinite(y)
    return x[ok], y[ok]


def legend_rect(legend, viewbox, corner: tuple[int, int]) -> tuple[float, float, float, float]:
    """The rectangle (x0, x1, y0, y1, in data units) the legend takes in ``corner``."""
    (xmin, xmax), (ymin, ymax) = viewbox.viewRange()
    w_px, h_px = max(viewbox.width(), 1.0), max(viewbox.height(), 1.0)
    ux, uy = (xmax - xmin) / w_px, (ymax - ymin) / h_px
    size = legend.boundingRect()
    dx, dy = corner
    x0 = xmin + abs(dx) * ux if dx > 0 else xmax - (abs(dx) + size.width()) * ux
    y1 = ymax - abs(dy) * uy if dy > 0 else ymin + (abs(dy) + size.height()) * uy
    return x0, x0 + size.width() * ux, y1 - size.height() * uy, y1


def place_legend(legend, viewbox, lines=(), fills=()) -> tuple[int, int]:
    """Move ``legend`` to the corner of ``viewbox`` where it covers the fewest points of the
    curves ``lines`` and of the filled histograms ``fills`` (ties keep the current corner,
    then the top right); the corner chosen."""
    line_data = [d for d in map(_data, lines) if d is not None]
    fill_data = [d for d in map(_data, fills) if d is not None]
    now = tuple(legend.opts.get("offset") or CORNERS[1])
    order = sorted(CORNERS, key=lambda c: (c != now, c != CORNERS[1]))
    best = min(order, key=lambda c: _covered(legend_rect(legend, viewbox, c), line_data, fill_data))
    if best != now:
        legend.setOffset(best)
    return best


def covered_points(legend, viewbox, lines=(), fills=()) -> int:
    """How many plotted points the legend covers where it is now."""
    line_data = [d for d in map(_data, lines) if d is not None]
    fill_data = [d for d in map(_data, fills) if d is not None]
    corner = tuple(legend.opts.get("offset") or CORNERS[1])
    return _covered(legend_rect(legend, viewbox, corner), line_data, fill_data)
