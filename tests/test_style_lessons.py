"""StyleGAN and evaluation lessons measured on a generator: the studies and their dialog."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from ganstudio.core.nets import build_generator, default_config
from ganstudio.train import style_studies as ss


@pytest.fixture(scope="module")
def tiny_style():
    torch.manual_seed(0)
    cfg = default_config("stylegan")
    cfg.update(resolution=16, channels=1, z_dim=16, w_dim=16, mapping_layers=2,
               channel_base=128, channel_max=16)
    G = build_generator(cfg).eval()
    for m in G.synthesis.modules():          # noise must be visible to be measured
        if hasattr(m, "noise_strength"):
            m.noise_strength.data.fill_(0.5)
    return G


def test_mapping_study_measures_both_spaces_and_draws_two_strips(tiny_style):
    r = ss.mapping_study(tiny_style, n=16)
    assert r.numbers["path_z"] > 0 and r.numbers["path_w"] > 0
    assert r.numbers["ratio"] == pytest.approx(r.numbers["path_z"] / r.numbers["path_w"])
    assert r.pictures["z"].shape == r.pictures["w"].shape


def test_switching_demodulation_off_lets_the_styles_scale_the_features(tiny_style):
    r = ss.demodulation_study(tiny_style, n=8)
    assert r.numbers["spread_off"] > r.numbers["spread_on"]
    layers = [m for m in tiny_style.synthesis.modules() if hasattr(m, "demodulate")]
    assert layers and all(m.demodulate for m in layers)          # switched back on


def test_noise_study_finds_where_noise_acts(tiny_style):
    r = ss.noise_study(tiny_style, draws=4)
    assert 0 < r.numbers["moved_share"] <= 1 and r.numbers["max_std"] >= r.numbers["mean_std"] > 0
    assert r.pictures["std"].shape[:2] == (16, 16)


def test_mixing_bands_each_change_the_image(tiny_style):
    r = ss.mixing_study(tiny_style, n=8)
    assert all(r.numbers[f"change_{b}"] > 0 for b in ("coarse", "middle", "fine"))
    assert "class_coarse" not in r.numbers          # no classifier given


def test_the_studies_refuse_a_generator_without_a_mapping():
    G = build_generator(default_config("dcgan"))
    with pytest.raises(ValueError, match="StyleGAN"):
        ss.noise_study(G)


def test_the_lessons_dialog_runs_a_study_on_the_explorers_model(explorer_panel, qtbot):
    from PySide6.QtCore import Qt
    from ganstudio import resources
    from ganstudio.ui.explorer.studies import StudyDialog
    explorer = explorer_panel
    dialog = StudyDialog(explorer)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.run_button.isEnabled() and dialog.open_shipped.isVisible()
    assert explorer.open_path(str(resources.resource("models/stylegan_fashion32.pt")))
    qtbot.waitUntil(dialog.run_button.isEnabled, timeout=10000)   # the open model was announced
    dialog.close()                                   # closed and shown again, it still runs
    dialog.show()
    dialog.list.setCurrentRow(2)                     # noise
    qtbot.mouseClick(dialog.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "pixels" in dialog.result.text(), timeout=60000)
    assert "%" in dialog.result.text() and dialog.pictures.count() == 4    # 2 captions, 2 pictures
    picture = dialog.pictures.itemAt(1).widget()             # drawn to the dialog's width
    width = picture.width()
    qtbot.waitUntil(lambda: picture.image_rect().width() >= 0.6 * picture.width(), timeout=5000)
    dialog.resize(dialog.width() + 300, dialog.height())     # a wider dialog, a larger picture
    qtbot.waitUntil(lambda: picture.width() > width and picture.image_rect().width() >= 0.6 * picture.width(),
                    timeout=5000)
    dialog.list.setCurrentRow(5)                     # truncation: a Fashion-MNIST model
    assert dialog.run_button.isEnabled() and not dialog.open_shipped.isVisible()


def test_path_length_study_ranks_samples_by_how_fast_w_changes_them(tiny_style):
    r = ss.path_length_study(tiny_style, n=16)
    n = r.numbers
    assert 0 < n["shortest"] <= n["mean"] <= n["longest"] and n["cv"] >= 0
    assert n["penalty"] == pytest.approx((n["cv"] * n["mean"]) ** 2, rel=0.2)
    assert r.pictures["extremes"].shape[0] > r.pictures["extremes"].shape[1] / 8
