"""Text that must stay readable when room runs short: a combo box narrower than its choice ends
the choice in "…" (it used to be cut mid-letter) and can still grow to show it whole; the
Training panel's state ("ready", "finished") keeps room for a short state beside the buttons
instead of shrinking to a few pixels; a plot title wider than its plot wraps; and the 2-D
critic's colour bar speaks the window's language."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

LONG = "minimax GAN (saturating: the original, collapses more easily)"


def test_a_narrow_combo_box_elides_its_choice_and_shows_it_whole_when_there_is_room(qtbot):
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.training.form_fields import narrow_combo
    ensure_app()
    box = narrow_combo()
    qtbot.addWidget(box)
    box.addItems([LONG, "WGAN"])
    box.show()
    assert box.minimumSizeHint().width() < box.fontMetrics().horizontalAdvance(LONG)   # never widens its form
    box.resize(box.minimumSizeHint())
    shown = box.shown_text()
    assert shown.endswith("…") and LONG.startswith(shown[:-1]) and len(shown) > 3
    box.resize(box.fontMetrics().horizontalAdvance(LONG) + 80, box.height())
    assert box.shown_text() == LONG
    box.setCurrentIndex(1)
    assert box.shown_text() == "WGAN"


def test_the_training_state_is_shown_whole_beside_the_buttons_in_a_narrow_window(training_panel, qtbot):
    panel = training_panel
    panel.resize(900, 700)
    label = panel.controls.state_label
    for state in ("idle", "finished", "paused"):
        panel.run_state.set(state)
        qtbot.waitUntil(lambda: label.width() >= label.fontMetrics().horizontalAdvance(label.text()),
                        timeout=3000)


def test_a_plot_title_wider_than_its_plot_wraps_instead_of_being_cut_at_both_ends(qtbot):
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.training import style
    ensure_app()
    import pyqtgraph as pg
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    item = plot.getPlotItem()
    style.style_plot(item, title="Your data: click or drag to draw, right-click to erase " * 2)
    plot.resize(260, 300)
    plot.show()
    label = item.titleLabel

    def whole_title_inside() -> bool:
        text = label.item.boundingRect()
        return 0 < text.width() <= label.rect().width() + 1 and text.height() <= label.rect().height() + 1
    qtbot.waitUntil(whole_title_inside, timeout=3000)
    assert label.item.document().firstBlock().layout().lineCount() >= 2     # wrapped
    assert label.rect().width() < plot.width()               # and the title never widened the plot


def test_a_critics_colour_bar_is_labelled_in_the_language_of_the_window(training_panel, qtbot):
    from ganstudio.train.recipe import Recipe
    from ganstudio.train.trainer import Trainer
    from ganstudio.ui import i18n as ui_i18n
    from ganstudio.ui.training.toy_views import ToyView
    panel = training_panel
    panel.load_lesson("wgan")                              # a 2-D critic (no probability D*)
    values = panel.form.values()
    trainer = Trainer(Recipe.from_dict(values | {"train": values["train"] | {
        "steps": 2, "device": "cpu", "threads": 1}}), None)
    trainer.run()
    snap = trainer.toy_snapshot()
    assert not snap.get("probability", True)
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    before = ui_i18n.current_language()
    ui_i18n.install(app, "ja")
    try:
        view = ToyView()
        qtbot.addWidget(view)
        view.show_snapshot(snap)
        bar = view._views[2].colour_bar
        assert bar.getAxis("left").labelText == "クリティック f(x)"
    finally:
        ui_i18n.install(app, before)
