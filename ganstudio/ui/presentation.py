"""Presentation mode's text scaling: every widget's text, not only the plots'.

``QApplication.setFont`` alone leaves widgets that the application's style sheet already
polished at their old size (re-applying the style sheet would fix that but takes seconds for
the ~1,600 widgets of the window), and a widget's own style sheet may fix a size in points (a
lesson's title).  :func:`scale_text` therefore sets the application font (for widgets made
later), then gives each existing widget its own font at its original size times the factor and
scales the point sizes written in widgets' own style sheets, remembering the originals so that
factor 1 brings everything back.  Plots follow through their ``apply_style`` /
``set_presentation`` hooks (``ui/training/style.py: apply_fonts``).
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


_ORIGINAL_PT = "_ganstudioPointSizeBeforePresentation"
_active = 1.0          # the factor the widgets are shown at now


def scale_text(base_font, factor: float) -> None:
    """Show every text at ``factor`` times its normal size (factor 1: back to normal);
    ``base_font`` is the application font of normal mode."""
    global _active
    app = QApplication.instance()
    font = base_font.__class__(base_font)
    font.setPointSizeF(base_font.pointSizeF() * factor)
    widgets = app.allWidgets()
    for w in widgets:            # every original first: setting a parent's font below changes the
        if w.property(_ORIGINAL_PT) is None:   # font of children not reached yet (a spin box's editor)
            w.setProperty(_ORIGINAL_PT, w.font().pointSizeF() / _active)   # made while scaled by _active
    _active = factor     # before any font changes: widgets that follow it (text_scale) see the new factor
    app.setFont(font)
    for w in widgets:
        original = w.property(_ORIGINAL_PT)
        f = w.font()
        f.setPointSizeF(original * factor)
        w.setFont(f)
        _scale_sheet(w, factor)


def text_scale(widget) -> float:
    """How much larger than in normal mode ``widget``'s text is shown now (1 in normal mode),
    for sizes in pixels that must grow with the text (a pane's widest width)."""
    original = widget.property(_ORIGINAL_PT)
    if not original:              # made while scaled: it took the application's scaled font
        return _active
    return widget.font().pointSizeF() / float(original)


def _scale_sheet(w, factor: float) -> None:
    """Point sizes in a widget's own style sheet (they win over its font)."""
    original = w.property(_ORIGINAL)
    sheet = original if original is not None else w.styleSheet()
    if not sheet or not _POINTS.search(sheet):
        return
    if original is None:
        w.setProperty(_ORIGINAL, sheet)
    w.setStyleSheet(_scaled_sheet(sheet, factor))
