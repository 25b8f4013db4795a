"""Presentation mode's large text must not push the Explorer's side pane past its edge: at 1.5x
text in a 1250 px window the Latent tab's right-most buttons (undo/redo, Reset, the page arrow,
every dimension's reset) lay beyond the pane's visible rect, cut off.  In English and Japanese,
at 1.5x and 2x, every control of every tab lies inside its tab's visible area, no tab needs a
horizontal scroll bar, no tab makes the whole Explorer scroll sideways (the Drag tab's settings
form and button row made it about 700 px wide at 2x, so the window's Explorer scrolled while it
was shown), and the image keeps room beside the pane."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLabel,  # noqa: E402
                               QScrollArea, QWidget)

MODEL = Path(__file__).parents[1] / "resources/models/stylegan_fashion32.pt"
CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLabel)


@pytest.fixture
def language(request, qapp):
    from ganstudio.ui import i18n as ui_i18n
    before = ui_i18n.current_language()
    ui_i18n.install(qapp, request.param)
    yield request.param
    ui_i18n.install(qapp, before)


def cut_off(page: QScrollArea) -> list[str]:
    """The controls of a tab that reach past the left or right edge of its visible area."""
    view = page.viewport()
    right = view.width()
    bad = []
    for w in page.widget().findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisibleTo(page.widget()) or w.width() <= 0:
            continue
        left = w.mapTo(view, w.rect().topLeft()).x()
        if left < 0 or left + w.width() > right:
            text = w.text() if hasattr(w, "text") and isinstance(w.text(), str) else ""
            bad.append(f"{type(w).__name__} {text[:20]!r}: x {left}..{left + w.width()} of {right}")
    return bad


@pytest.mark.skipif(not MODEL.exists(), reason="the shipped model is not there")
@pytest.mark.parametrize("language, scale, width", [("en", 1.5, 1250), ("ja", 1.5, 1250),
                                                    ("en", 2.0, 1000), ("ja", 2.0, 1000)],
                         indirect=["language"])
def test_every_explorer_control_stays_inside_its_pane_with_large_text(language, scale, width, main_window, qtbot):
    w = main_window
    assert w.open_path(str(MODEL), remember=False, wait=True)
    e = w.explorer
    w.tabs.setCurrentWidget(w.explorer_tab)
    outer = w.explorer_tab.horizontalScrollBar()
    # the gallery strip and its title (beside the image) as the user sees them: they widen the
    # image's side, leaving the pane less room than an empty strip does
    qtbot.waitUntil(lambda: e._strip_result is not None, timeout=30000)
    label_pt = e.editor.seed.findChild(QLabel).font().pointSizeF()
    w.set_presentation_scale(scale)
    w.set_presentation(True)
    try:
        assert e.editor.seed.findChild(QLabel).font().pointSizeF() == pytest.approx(scale * label_pt, rel=0.02)
        w.showNormal()          # presentation mode's text in a window of this width
        w.resize(width, 800)
        qtbot.waitUntil(lambda: w.width() == width)
        problems = {}
        for i in range(e.tabs.count()):
            e.tabs.setCurrentIndex(i)
            page = e.tabs.widget(i)
            if not isinstance(page, QScrollArea):
                continue
            assert e.tabs.isTabEnabled(i), e.tabs.tabText(i)      # every tab works on this model

            def problems_of(page=page) -> list[str]:
                bad = cut_off(page)
                if page.horizontalScrollBar().maximum() > 0:
                    bad.append(f"needs a horizontal scroll bar of {page.horizontalScrollBar().maximum()} px")
                if outer.maximum() > 0:
                    bad.append(f"the Explorer scrolls sideways by {outer.maximum()} px")
                return bad
            try:                # the splitter follows a tab's new minimum a few events later
                qtbot.waitUntil(lambda: not problems_of(), timeout=3000)
            except qtbot.TimeoutError:
                pass
            if bad := problems_of():
                problems[e.tabs.tabText(i)] = bad
        assert not problems, problems
        pane = e.tabs.parentWidget()
        assert pane.mapTo(w, pane.rect().topRight()).x() < w.width()    # beside the image, inside the window
        assert e.view.width() >= e.view.minimumWidth() > 0
    finally:
        w.set_presentation(False)
