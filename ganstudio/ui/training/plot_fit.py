"""Plots that stay readable when they are short or their text is large.

:func:`readable_ticks`: pyqtgraph picks a value axis's ticks from the axis length alone, so a
short plot with presentation mode's large text stacked its labels into a smear (the Training
panel's Diagnostics plot at 1.5x text in an 800 px window).  The axis keeps only the tick
levels whose labels lie at least two lines of its font apart, widening the major step (1, 2, 5
times a power of ten) where even that level is too dense.
"""
from __future__ import annotations

import math

from PySide6.QtGui import QFontMetricsF

LABEL_GAP_LINES = 2.0     # the least distance between two value labels, in lines of their font


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
