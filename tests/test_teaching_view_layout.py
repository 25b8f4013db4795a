"""The Training panel's plots keep a readable height in a window 800 px high: the 1-D teaching
view's Discriminator plot was 40-80 px tall there (its axis labels crowded and the caption took
the height), its legends covered the curves, and at 1.5x text the Diagnostics plot stacked its
value labels.  Now the two 1-D plots keep their minimum heights (the view scrolls instead), the
caption lies below them, the legends lie outside the plotted data, and a value axis keeps its
labels at least two lines apart."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QFontMetricsF  # noqa: E402


def snapshot_1d(panel):
    from ganstudio.train.recipe import Recipe
    from ganstudio.train.trainer import Trainer
    panel.load_lesson("game_1d")
    values = panel.form.values()
    trainer = Trainer(Recipe.from_dict(values | {"train": values["train"] | {
        "steps": 30, "device": "cpu", "threads": 1}}), None)
    trainer.run()
    return trainer.toy_snapshot()


def rect_in(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def test_the_1d_plots_keep_a_readable_height_in_a_window_800_px_high(main_window, qtbot):
    w = main_window
    panel = w.training_panel()
    w.tabs.setCurrentWidget(w.training_tab)
    w.showNormal()
    w.resize(1250, 800)
    qtbot.waitUntil(lambda: w.height() == 800 and w.width() == 1250)
    snap = snapshot_1d(panel)
    panel.toy.show_snapshot(snap)
    view = panel.toy.view_1d
    qtbot.waitUntil(lambda: view.isVisible() and view.d_plot.height() > 0, timeout=3000)
    qtbot.wait(200)
    for plot in (view.density_plot, view.d_plot):
        assert plot.height() >= 140, plot.height()
        area = plot.getViewBox().height()              # the plotted area, without title and axis
        assert area >= 90, area
    content = view.scroll.widget()
    caption = rect_in(view.info, content)
    for plot in (view.density_plot, view.d_plot):
        assert not caption.intersects(rect_in(plot, content))
        assert plot.getPlotItem().legend is None       # no legend over the data
    for legend, plot in ((view.density_legend, view.density_plot), (view.d_legend, view.d_plot)):
        assert legend.isVisible()
        assert not rect_in(legend, content).intersects(rect_in(plot, content))
    # what does not fit scrolls: nothing is squeezed below its minimum, and all of it can be reached
    bar = view.scroll.verticalScrollBar()
    assert content.height() - bar.maximum() <= view.scroll.viewport().height() + 1


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_a_short_plot_with_large_text_keeps_its_value_labels_two_lines_apart(qtbot, scale):
    from PySide6.QtWidgets import QApplication

    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.training.curves import LiveCurves
    ensure_app()
    curves = LiveCurves()
    qtbot.addWidget(curves)
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    axis = curves.diag_plot.getPlotItem().getAxis("left")
    axis.setStyle(tickFont=font)
    line = QFontMetricsF(font).height()
    for size in (60, 90, 150, 300):
        for lo, hi in ((0.3, 0.9), (0.0, 1.0), (-3.0, 250.0), (0.61, 0.62)):
            levels = axis.tickSpacing(lo, hi, size)
            assert levels
            for spacing, _offset in levels:
                assert spacing * size / (hi - lo) >= 2 * line - 1e-6, (size, lo, hi, levels)
