"""Presentation mode (View > Presentation mode, F11) scales every text of the window: labels,
fields, buttons, lesson text, plot axes, in the Training panel and the Explorer; hides the
recipe form; and is remembered for the next start."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QLabel, QLineEdit  # noqa: E402

from ganstudio.ui import presentation  # noqa: E402
from ganstudio.ui.training.settings import app_settings  # noqa: E402


def text_sizes(w) -> dict:
    t = w.training_panel()
    v2 = t.toy.view_2d
    return {
        "form label": t.form.findChildren(QLabel)[0].font().pointSizeF(),
        "form field": t.form.findChildren(QLineEdit)[0].font().pointSizeF(),
        "lesson text": max(lab.font().pointSizeF() for lab in t.lesson_pane.findChildren(QLabel)),
        "start button": t.controls.buttons["start"].font().pointSizeF(),
        "step button": t.live.d_button.font().pointSizeF(),
        "loss ticks": t.curves.loss_plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF()
        if t.curves.loss_plot.getPlotItem().getAxis("left").style.get("tickFont") else None,
        "loss axis label": t.curves.loss_plot.getPlotItem().getAxis("bottom").label.font().pointSizeF(),
        "toy axis label": v2.plot.getPlotItem().getAxis("left").label.font().pointSizeF(),
        "toy caption": v2.stats.font().pointSizeF(),
        "explorer label": w.explorer.findChildren(QLabel)[0].font().pointSizeF(),
        "menu": w.menuBar().font().pointSizeF(),
        "loss legend": _legend_pt(t.curves.loss_plot.getPlotItem().legend),
        "plot title": float(t.curves.diag_plot.getPlotItem().titleLabel.opts["size"].rstrip("pt")),
    }


def _legend_pt(legend) -> float:
    """The size a legend entry is drawn at (its rich text's font)."""
    _sample, label = legend.items[0]
    return float(label.item.toHtml().split("font-size:")[-1].split("pt")[0])   # the entry's span


def test_presentation_mode_scales_every_text_hides_the_form_and_is_remembered(main_window, qtbot):
    w = main_window
    t = w.training_panel()
    w.tabs.setCurrentWidget(w.training_tab)
    before = text_sizes(w)
    assert t.main_split.widget(0).isVisible()
    w.set_presentation_scale(1.5)
    w.presentation_action.trigger()
    try:
        assert w.presentation_action.isChecked()
        after = text_sizes(w)
        app_font = before["form label"]
        for key, size in after.items():
            # ticks, legends and titles have pyqtgraph's own size until first styled: they
            # follow the application font from then on
            old = app_font if key in ("loss ticks", "loss legend", "plot title") else before[key]
            assert size == pytest.approx(1.5 * old, rel=0.02), key
        assert not t.main_split.widget(0).isVisible()     # the recipe form is hidden ...
        assert t.live.isVisible() and t.views.isVisible()  # ... the teaching parts stay
        assert app_settings().value(presentation.SETTINGS_ON, False, type=bool)
        w.set_presentation_scale(2.0)                      # a new size applies at once
        assert t.live.d_button.font().pointSizeF() == pytest.approx(2 * before["step button"], rel=0.02)
        late = QLabel("made in presentation mode", t)       # e.g. a lesson's variant button
        assert late.font().pointSizeF() == pytest.approx(2 * before["form label"], rel=0.02)
    finally:
        w.set_presentation(False)
    assert late.font().pointSizeF() == pytest.approx(before["form label"], rel=0.02)
    assert text_sizes(w)["form label"] == before["form label"]
    assert text_sizes(w)["toy axis label"] == before["toy axis label"]
    assert t.main_split.widget(0).isVisible()
    assert not app_settings().value(presentation.SETTINGS_ON, False, type=bool)


def test_presentation_mode_comes_back_at_the_next_start(main_window, qtbot):
    w = main_window
    app_settings().setValue(presentation.SETTINGS_ON, True)
    app_settings().setValue(presentation.SETTINGS_SCALE, "not a number")   # refused: default
    base = w.training_panel().live.d_button.font().pointSizeF()
    w.restore_layout()
    try:
        assert w.presentation_action.isChecked()
        assert w.presentation_scale() == presentation.DEFAULT_SCALE
        assert w.training_panel().live.d_button.font().pointSizeF() == pytest.approx(
            presentation.DEFAULT_SCALE * base, rel=0.02)
    finally:
        w.set_presentation(False)


def test_presentation_mode_scales_the_explorers_value_boxes_once_and_keeps_their_values_whole(main_window):
    """Every slider's typed value (a spin box and its editor) grows by the factor exactly once,
    and the box widens so that its longest value still shows whole; both come back after."""
    from PySide6.QtGui import QFontMetrics

    from ganstudio.ui.sliders import LabeledDoubleSlider
    w = main_window
    boxes = [s.findChild(QLineEdit) for s in w.explorer.findChildren(LabeledDoubleSlider)][:40]
    assert len(boxes) >= 10
    sizes = [e.font().pointSizeF() for e in boxes]
    widths = [e.parentWidget().width() for e in boxes]
    w.set_presentation_scale(1.5)
    w.set_presentation(True)
    try:
        for editor, size in zip(boxes, sizes):
            assert editor.font().pointSizeF() == pytest.approx(1.5 * size, rel=0.02)
            box = editor.parentWidget()
            longest = f"-{box.maximum():.{box.decimals()}f}"
            assert box.width() >= QFontMetrics(editor.font()).horizontalAdvance(longest)
    finally:
        w.set_presentation(False)
    assert [e.font().pointSizeF() for e in boxes] == sizes
    assert [e.parentWidget().width() for e in boxes] == widths
