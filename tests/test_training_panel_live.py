"""Live monitoring that stays cheap: compact curve history, bounded drawing work, grids painted
without piling up copies, progress text."""
from __future__ import annotations

import math

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from ganstudio.ui.training.series import Columns, History, ema_continue  # noqa: E402

KEYS = ("loss_d", "loss_g", "d_real", "d_fake", "grad_norm_d", "grad_norm_g")


def columns(first: int, n: int, keys=KEYS, every: int = 1) -> Columns:
    steps = np.arange(first, first + n * every, every, dtype=float)
    return Columns(steps, {k: 0.5 + 0.1 * np.sin(steps / 40 + i) for i, k in enumerate(keys)})


# --- the history table ------------------------------------------------------------------------

def test_history_costs_a_few_numbers_per_step_and_keeps_every_value():
    h = History()
    for first in range(1, 60_001, 500):
        h.append(columns(first, 500))
    assert len(h) == 60_000
    per_step = h.nbytes() / len(h)
    assert per_step <= 2 * (8 + 8 * len(KEYS))        # one shared step, two float32 per key
    s = h.series("loss_d")
    assert len(s) == 60_000 and s.x[0] == 1 and s.x[-1] == 60_000
    assert s.y[123] == pytest.approx(0.5 + 0.1 * math.sin(124 / 40), rel=1e-6)
    assert s.last_value == pytest.approx(0.5 + 0.1 * math.sin(60_000 / 40), rel=1e-6)


def test_a_key_that_appears_later_starts_at_its_step_and_gaps_are_empty():
    h = History()
    h.append(columns(1, 10, keys=("loss_d",)))
    h.append(columns(11, 5, keys=("loss_d", "gp")))
    h.append(columns(16, 5, keys=("loss_d",)))          # gp not logged here
    h.append(columns(21, 5, keys=("loss_d", "gp")))
    gp = h.series("gp")
    assert list(gp.x) == list(range(11, 26))
    assert np.isnan(gp.y[5:10]).all() and np.isfinite(gp.y[:5]).all() and np.isfinite(gp.y[10:]).all()
    assert np.isfinite(gp.smoothed).all()              # the average holds over the gap
    assert len(h.series("r1")) == 0 and h.series("r1").x.size == 0


def test_smoothing_continues_across_appends_and_can_be_changed():
    h = History(smoothing=0.9)
    c = columns(1, 300)
    h.append(Columns(c.steps[:100], {k: v[:100] for k, v in c.values.items()}))
    h.append(Columns(c.steps[100:], {k: v[100:] for k, v in c.values.items()}))
    whole, _, _ = ema_continue(c.values["loss_g"], 0.9, 0.0, 0)
    assert h.series("loss_g").smoothed == pytest.approx(whole, rel=1e-5)
    h.set_smoothing(0.5)
    again, _, _ = ema_continue(c.values["loss_g"], 0.5, 0.0, 0)
    assert h.series("loss_g").smoothed == pytest.approx(again, rel=1e-5)


# --- the curves ---------------------------------------------------------------------------------

@pytest.fixture
def curves(qtbot):
    from ganstudio.ui.app import ensure_app
    ensure_app()
    from ganstudio.ui.training.curves import LiveCurves
    w = LiveCurves()
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def x_range(plot) -> list[float]:
    return list(plot.getPlotItem().viewRange()[0])


def test_a_long_history_draws_about_one_min_max_pair_per_pixel_column(curves, qtbot):
    curves.add_columns(columns(1, 200_000))
    curves.refresh()
    qtbot.wait(50)
    width = curves.loss_plot.getViewBox().width()
    for key in ("loss_d", "loss_g"):
        c = curves.curve(key)
        drawn = [len(item.curve.getData()[0]) for item in (c.raw, c.smooth)]
        assert all(0 < n <= 2 * width + 8 for n in drawn), (drawn, width)


def test_the_x_range_follows_the_run_in_round_steps_until_the_user_pans(curves, qtbot):
    from ganstudio.ui.training.curves import nice_ceil
    assert [nice_ceil(v) for v in (0.7, 1, 1.1, 13, 2500, 2501, 7000)] == \
        pytest.approx([0.8, 1, 1.2, 15, 2500, 3000, 8000])
    curves.add_columns(columns(10, 100, every=10))       # steps 10 .. 1000
    curves.refresh()
    first = x_range(curves.loss_plot)
    assert first[0] == 10 and first[1] >= 1000 and x_range(curves.diag_plot) == first
    curves.add_columns(columns(1010, 1, every=10))       # still inside: the axis stays put
    curves.refresh()
    assert x_range(curves.loss_plot) == first
    curves.add_columns(columns(1020, 100, every=10))     # beyond: it moves, both plots alike
    curves.refresh()
    moved = x_range(curves.loss_plot)
    assert moved[1] >= 2010 and moved != first and x_range(curves.diag_plot) == moved

    vb = curves.loss_plot.getViewBox()                   # the user zooms in: following stops
    vb.setXRange(100, 200, padding=0)
    vb.sigRangeChangedManually.emit([True, False])
    curves.add_columns(columns(2020, 300, every=10))
    curves.refresh()
    assert x_range(curves.loss_plot) == pytest.approx([100, 200])
    assert not curves.following
    curves.reset_view.click()                            # Fit: everything, and follow again
    assert curves.following and x_range(curves.loss_plot)[1] >= 5010


# --- sample grid and progress ------------------------------------------------------------------

def test_grids_are_painted_directly_and_only_a_few_stay_decoded(qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage
    from ganstudio.ui.training import sample_grid
    view = sample_grid.SampleGridView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    qtbot.waitExposed(view)
    for step in range(1, 41):
        img = QImage(24, 16, QImage.Format_RGB32)
        img.fill(QColor(6 * step, 0, 0))
        path = tmp_path / f"step_{step}.png"
        img.save(str(path))
        view.add_grid(step, img, path)
    assert view.shown_step() == 40
    shot = view.view.grab().toImage()
    centre = shot.pixelColor(shot.width() // 2, shot.height() // 2)
    assert (centre.red(), centre.green()) == (240, 0)
    # painted by the view itself: QLabel's pixmap (kept in a QIcon whose scaled copies go to
    # the process-wide QPixmapCache) is never set, so grids do not pile up there
    assert view.view.pixmap().isNull()
    assert len(view._decoded) <= sample_grid.DECODED_CACHE and not view._memory
    view.slider.setValue(0)                              # an old grid is read back from its file
    shot = view.view.grab().toImage()
    assert shot.pixelColor(shot.width() // 2, shot.height() // 2).red() == 6


def test_progress_shows_step_of_total_rate_and_eta(qtbot):
    from ganstudio.ui.training.controls import TrainingControls
    c = TrainingControls()
    qtbot.addWidget(c)
    c.reset_progress(100_000)
    assert c.progress.text() == "step 0 / 100,000"
    c.set_state("running")
    c.set_progress(1234, 100_000, steps_per_s=20.0, images_per_s=1280.0)
    assert c.progress.value() == 1234 and c.progress.text() == "step 1,234 / 100,000"
    assert c.rate_label.text().startswith("1,280 img/s   20.0 steps/s   ETA ")
    c.set_state("finished", "stopped (checkpoint written)")   # nothing left to wait for
    assert c.rate_label.text() == "1,280 img/s   20.0 steps/s"
    c.set_state("running")
