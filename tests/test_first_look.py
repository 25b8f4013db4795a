"""Small things a new user sees first (issue 18 §6, issue 22): the Training panel's progress
line says there is no run yet instead of "step 0 / 1"; the latent bar charts' scale labels
(+3 / -3) are drawn whole, not cut off at the chart's edge."""
import numpy as np
from PySide6.QtGui import QColor

from ganstudio.ui.explorer.latent_bars import AXIS_WIDTH, BarChart
from ganstudio.ui.training.controls import TrainingControls


def test_the_progress_line_says_no_run_yet_until_a_run_has_a_length(qtbot):
    c = TrainingControls()
    qtbot.addWidget(c)
    assert c.progress.text() == "no run yet"
    c.reset_progress(300)
    assert c.progress.text() == "step 0 / 300"
    c.reset_progress(None)
    assert c.progress.text() == "no run yet"


def test_the_bar_charts_scale_labels_are_not_cut_off(qtbot):
    chart = BarChart("#5b9bd5")
    qtbot.addWidget(chart)
    chart.resize(300, chart.height())
    chart.set_values(np.linspace(-2, 2, 64))
    img = chart.grab().toImage()
    text = chart.palette().color(chart.foregroundRole())
    rows = [y for y in range(img.height())
            if any(QColor(img.pixel(x, y)).lightness() > 90 and abs(QColor(img.pixel(x, y)).lightness()
                   - text.lightness()) < 120 for x in range(AXIS_WIDTH - 4))]
    assert rows, "no scale labels drawn"
    # "+3" on top and "-3" at the bottom lie inside the chart: no glyph touches its edges
    assert rows[0] > 0 and rows[-1] < img.height() - 1, (rows[0], rows[-1], img.height())


def test_the_training_sample_grid_fills_its_pane_like_the_explorers_results(qtbot):
    from ganstudio.ui.training.sample_grid import PixelView, qimage_from_array
    view = PixelView()
    qtbot.addWidget(view)
    view.resize(420, 420)
    grey = 137                                                             # unlike any background

    def drawn_width() -> int:                                              # the grid's width on screen
        img = view.grab().toImage()
        y = img.height() // 2
        return sum(all(abs(v - grey) <= 2 for v in img.pixelColor(x, y).getRgb()[:3])
                   for x in range(img.width()))

    view.set_image(qimage_from_array(np.full((242, 242, 1), grey, np.uint8)))   # an 8 x 8 grid of 28 px
    side = drawn_width()
    assert side >= 0.75 * view.contentsRect().width()                      # not 242 px in a 420 px pane
    view.set_image(qimage_from_array(np.full((32, 32, 1), grey, np.uint8)))
    side = drawn_width()
    assert side > 32 and side % 32 == 0                                    # small: whole-number factors
