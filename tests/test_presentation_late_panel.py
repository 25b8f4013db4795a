"""Presentation mode on before the Training panel is built (the panel is made on first use, and
a window that starts in presentation mode turns it on first): the panel's text is scaled like
the rest, the lesson title's own point size included (it stayed at its normal size, smaller
than the scaled text around it)."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")


def test_a_training_panel_built_in_presentation_mode_scales_its_lesson_title(qtbot, tmp_path):
    from ganstudio.ui.app import ensure_app
    ensure_app()
    from ganstudio.ui.main_window import MainWindow
    w = MainWindow()
    w.show()
    t = None
    try:
        w.set_presentation_scale(1.5)
        w.set_presentation(True)
        t = w.training_panel()                    # built now, while the text is scaled
        t.runs_root = tmp_path / "runs"
        title, text = t.lesson_pane.title, t.lesson_pane.course
        assert "font-size: 18.0pt" in title.styleSheet()                  # 12 pt x 1.5
        w.set_presentation(False)
        assert "font-size: 12pt" in title.styleSheet() or "font-size: 12.0pt" in title.styleSheet()
        assert text.font().pointSizeF() == pytest.approx(w.font().pointSizeF(), rel=0.02)
    finally:
        w.set_presentation(False)
        if t is not None:
            t.shutdown()
        w._close_approved = True
        w.close()
        w.deleteLater()
