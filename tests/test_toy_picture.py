"""The picture a toy run stores as its samples: points on labelled axes over the data."""
from __future__ import annotations

import numpy as np
import pytest

from ganstudio.train.toy_picture import FAKE, REAL, density_histogram, nice_ticks, render_toy_png


def test_nice_ticks_are_round_and_cover_the_range():
    assert nice_ticks(-4, 4) == [-4, -2, 0, 2, 4]
    assert nice_ticks(0, 1) == pytest.approx([0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert nice_ticks(0.013, 0.047)[0] >= 0.013 and nice_ticks(0.013, 0.047)[-1] <= 0.047


def test_2d_samples_land_where_they_are_with_axes_and_the_data_beside_them():
    real = np.array([[-2.0, -2.0]] * 50)
    fake = np.array([[2.0, 2.0]] * 50)
    img = render_toy_png(fake, real, np.array([[-4.0, 4.0], [-4.0, 4.0]]), size=320)
    assert img.shape == (320, 320, 3)
    blue = np.argwhere((img == FAKE).all(-1))
    grey = np.argwhere((img == REAL).all(-1))
    fy, fx = blue.mean(0)
    gy, gx = grey[grey[:, 0] > 100].mean(0)      # below the legend's swatch
    assert fx > gx + 60 and fy < gy - 60           # up and right of the data, as in x, y
    left_margin = img[40:260, :30]
    assert (left_margin < 200).any()               # tick labels of the y axis were drawn


def test_1d_histograms_show_where_the_generator_puts_its_mass():
    rng = np.random.default_rng(0)
    real = rng.normal(5, 1, (4000, 1))
    fake = rng.normal(2, 0.3, (4000, 1))
    img = render_toy_png(fake, real, np.array([[0.0, 10.0]]), size=320)
    cols_blue = np.argwhere((img[60:] == FAKE).all(-1))[:, 1]
    cols_grey = np.argwhere((img[60:] == REAL).all(-1))[:, 1]
    assert cols_blue.mean() < cols_grey.mean() - 60


def test_a_density_histogram_over_an_empty_range_is_refused_not_infinite():
    assert density_histogram(np.array([0.5, 1.5, np.nan]), 2, (0.0, 2.0)).tolist() == [0.5, 0.5]
    with pytest.raises(ValueError, match="extent"):
        density_histogram(np.array([1.0, 1.0]), 4, (1.0, 1.0))
