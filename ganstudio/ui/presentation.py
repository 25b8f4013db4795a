"""Presentation mode's text scaling: every widget's text, not only the plots'.

``QApplication.setFont`` alone leaves widgets that the application's style sheet already
polished at their old size, and a widget's own style sheet may fix a size in points (a lesson's
title).  :func:`scale_text` therefore sets the application font, scales the point sizes written
in widgets' own style sheets (remembering the originals) and re-applies the application style
sheet so that every widget is polished again with the new font.  Plots follow through their
``apply_style`` / ``set_presentation`` hooks (``ui/training/style.py: apply_fonts``).
"""
from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

DEFAULT_SCALE = 1.5
SCALES = (1.25, 1.5, 1.75, 2.0)        # what View > Presentation text size offers
MIN_SCALE, MAX_SCALE = 1.0, 3.0
SETTINGS_ON = "view/presentation"
SETTINGS_SCALE = "view/presentation_scale"
_ORIGINAL = "_ganstudioSheetBeforePresentation"
_POINTS = re.compile(r"font-size\s*:\s*([0-9.]+)\s*pt")


def checked_scale(value, default: float = DEFAULT_SCALE) -> float:
    """A stored or chosen scale, or ``default`` when it is not a number from 1 to 3."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return default
    return v if MIN_SCALE <= v <= MAX_SCALE else default


def _scaled_sheet(sheet: str, factor: float) -> str:
    return _POINTS.sub(lambda m: f"font-size: {float(m.group(1)) * factor:.1f}pt", sheet)


def scale_text(base_font, factor: float) -> None:
    """Show every text at ``factor`` times ``base_font`` (factor 1: back to normal)."""
    app = QApplication.instance()
    font = base_font.__class__(base_font)
    font.setPointSizeF(base_font.pointSizeF() * factor)
    app.setFont(font)
    for w in app.allWidgets():
        original = w.property(_ORIGINAL)
        sheet = original if original is not None else w.styleSheet()
        if not sheet or not _POINTS.search(sheet):
            continue
        if original is None:
            w.setProperty(_ORIGINAL, sheet)
        w.setStyleSheet(_scaled_sheet(sheet, factor) if factor != 1 else sheet)
        if factor == 1:
            w.setProperty(_ORIGINAL, None)
    app.setStyleSheet(app.styleSheet())     # polish every widget again, with the new font
