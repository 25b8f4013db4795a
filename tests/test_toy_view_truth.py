"""The 1-D teaching view says what is true now and shows samples that left the data's range."""
from __future__ import annotations

import numpy as np
import pytest

from ganstudio.train.toy import view_extent_1d


def test_the_view_widens_in_quarter_steps_to_show_samples_off_the_data():
    ext = np.array([[2.0, 8.0]])
    assert np.array_equal(view_extent_1d(ext, np.full((100, 1), 5.0)), ext)
    wide = view_extent_1d(ext, np.linspace(-0.2, 5, 1000)[:, None])
    assert wide[0, 0] <= -0.2 and wide[0, 1] == 8.0
    assert ((2.0 - wide[0, 0]) / 1.5) == pytest.approx(round((2.0 - wide[0, 0]) / 1.5))
    far = view_extent_1d(ext, np.full((100, 1), 1e6))
    assert far[0, 1] == 8.0 + 3 * 6.0                      # at most 3 data widths


def test_the_caption_says_whether_d_star_is_one_half_where_the_data_lives(qtbot):
    from ganstudio.ui.app import ensure_app
    ensure_app()
    from ganstudio.ui.training.toy_views import Toy1DView
    view = Toy1DView()
    qtbot.addWidget(view)
    x = np.linspace(0, 10, 256)
    p_data = np.exp(-0.5 * (x - 5) ** 2) / np.sqrt(2 * np.pi)
    snap = {"x": x, "p_data": p_data, "p_g": p_data.copy(), "real": np.random.randn(500, 1) + 5,
            "samples": np.random.randn(500, 1) + 5, "d_value": np.full_like(x, 0.5), "step": 10}
    view.show_snapshot(snap)
    assert "at equilibrium" in view.info.text() and "not at" not in view.info.text()
    snap["p_g"] = np.exp(-0.5 * (x - 4) ** 2) / np.sqrt(2 * np.pi)
    view.show_snapshot(snap)
    assert "not at equilibrium" in view.info.text()
