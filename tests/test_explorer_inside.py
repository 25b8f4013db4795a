"""The Explorer's Layers and Transform tabs, driven through their widgets (pytest-qt)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from PySide6.QtCore import Qt

from explorer_models import isolated_qsettings, one_torch_thread
from ganstudio.core import latent as L
from ganstudio.core.checkpoint import load_checkpoint
from ganstudio.ui.explorer.state_events import Change
from test_official_ui import opened, settle, sg3_network, sg3_pickle

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "resources" / "models" / "stylegan_fashion32.pt"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)
    yield from one_torch_thread()


@pytest.fixture
def panel(explorer_panel):
    return explorer_panel


def pixels(view) -> np.ndarray:
    """What an ImageView holds, as HWC uint8 RGB."""
    img = view.image().convertToFormat(view.image().Format.Format_RGB888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return arr[:, :img.width() * 3].reshape(img.height(), img.width(), 3).copy()


def show_tab(p, page):
    p.tabs.setCurrentWidget(page)


def select_layer(qtbot, p, name):
    tab = p.layers_tab
    items = tab.tree.findItems(name, Qt.MatchFlag.MatchExactly, 0)
    assert items, [tab.tree.topLevelItem(i).text(0) for i in range(tab.tree.topLevelItemCount())]
    tab.tree.setCurrentItem(items[0])


def shown_layer(qtbot, p, name, first):
    def done():
        v = p.layers_tab.maps
        return (v.has_image() and p.worker.is_idle() and p.layers_tab.last_request_id == p.last_layer_request_id
                and v._caption.startswith(name + " ") and f" {first}" in v._caption)
    qtbot.waitUntil(done, timeout=15000)


@torch.no_grad()
def b8_features(G, seed):
    ws = G.mapping(L.z_from_seed(seed, G.z_dim)[None], psi=1.0)
    return G.synthesis.block_outputs(ws, noise_mode="const")[8][0][0]


def test_the_layers_tab_lists_the_layers_and_shows_what_the_network_computes(qtbot, panel):
    p = panel
    opened(qtbot, p, SHIPPED)
    show_tab(p, p._inside_pages[0])
    qtbot.waitUntil(lambda: p.layers_tab.tree.topLevelItemCount() > 0, timeout=15000)
    rows = {p.layers_tab.tree.topLevelItem(i).text(0): p.layers_tab.tree.topLevelItem(i).text(1)
            for i in range(p.layers_tab.tree.topLevelItemCount())}
    G = load_checkpoint(SHIPPED).build_generator(ema=True).eval()
    act = b8_features(G, p.state.a.seed)
    assert rows["b8:0"] == " × ".join(map(str, act.shape)) and rows["output"] == "1 × 32 × 32"
    assert len(rows) > 10
    # one channel, values as they are: the picture is that channel of the block's output
    select_layer(qtbot, p, "b8:0")
    p.layers_tab.mode.setCurrentIndex(p.layers_tab.mode.findData("channel"))
    p.layers_tab.mode.activated.emit(p.layers_tab.mode.currentIndex())
    p.layers_tab.norm.setCurrentIndex(p.layers_tab.norm.findData("none"))
    p.layers_tab.norm.activated.emit(p.layers_tab.norm.currentIndex())
    p.layers_tab.channel.setValue(3)
    shown_layer(qtbot, p, "b8:0", 3)
    expected = (act[3] * 127.5 + 128).clamp(0, 255).to(torch.uint8).numpy()
    np.testing.assert_array_equal(pixels(p.layers_tab.maps)[..., 0], expected)
    assert f"mean {float(act.mean()):.3g}" in p.layers_tab.stats.text()
    assert p.layers_tab.spectrum.has_image()
    # a new seed for A: the layer follows
    p.state.set_seed("a", 11)
    qtbot.waitUntil(lambda: p.worker.is_idle() and p.layers_tab.last_request_id == p.last_layer_request_id,
                    timeout=15000)
    again = (b8_features(G, 11)[3] * 127.5 + 128).clamp(0, 255).to(torch.uint8).numpy()
    np.testing.assert_array_equal(pixels(p.layers_tab.maps)[..., 0], again)
    # a grid from channel 3 on; clicking its third tile shows channel 5 alone
    p.layers_tab.mode.setCurrentIndex(p.layers_tab.mode.findData("grid"))
    p.layers_tab.mode.activated.emit(p.layers_tab.mode.currentIndex())
    shown_layer(qtbot, p, "b8:0", "channels 3–")
    qtbot.mouseClick(p.layers_tab.maps, Qt.MouseButton.LeftButton, pos=p.layers_tab.maps.tile_rect(2).center())
    shown_layer(qtbot, p, "b8:0", "channel 5 of")
    assert p.layers_tab.mode.currentData() == "channel" and p.layers_tab.channel.value() == 5


def test_the_newest_layer_request_wins(qtbot, panel):
    p = panel
    opened(qtbot, p, SHIPPED)
    show_tab(p, p._inside_pages[0])
    qtbot.waitUntil(lambda: p.layers_tab.tree.topLevelItemCount() > 0, timeout=15000)
    select_layer(qtbot, p, "b16:0")
    p.layers_tab.mode.setCurrentIndex(p.layers_tab.mode.findData("channel"))
    p.layers_tab.mode.activated.emit(p.layers_tab.mode.currentIndex())
    shown_layer(qtbot, p, "b16:0", 0)
    p.worker.reset_stats()
    burst = list(range(1, 41)) * 5 + list(range(1, 21))   # a burst of edits, ending on 20
    for c in burst:
        p.layers_tab.channel.setValue(c)
    shown_layer(qtbot, p, "b16:0", 20)
    stats = p.worker.stats()   # nothing queued: each request was drawn or replaced by a newer one
    assert stats["submitted"] == len(burst) and stats["max_pending"] <= 1
    assert stats["rendered"] + stats["replaced"] == len(burst)
    assert "channel 20 of" in p.layers_tab.maps._caption
    # the capture is only asked for while the tab is shown
    show_tab(p, p.tabs.widget(0))
    p.worker.reset_stats()
    p.layers_tab.channel.setValue(5)
    settle(qtbot, p)
    assert p.worker.stats()["submitted"] == 0


def test_transform_is_explained_and_disabled_for_other_models(qtbot, panel):
    p = panel
    opened(qtbot, p, SHIPPED)
    show_tab(p, p._inside_pages[1])
    t = p.transform_tab
    assert not t.controls.isEnabled() and t.unavailable.isVisible()
    assert "StyleGAN3" in t.unavailable.text()
    chooser = p.strip_chooser.kind
    assert not chooser.model().item(chooser.findData("motion")).isEnabled()   # no motion strip either


def test_moving_the_input_of_a_stylegan3_model(qtbot, panel, tmp_path):
    p = panel
    G = sg3_network(c_dim=0)
    still = opened(qtbot, p, sg3_pickle(tmp_path / "sg3.pkl", G))
    show_tab(p, p._inside_pages[1])
    t = p.transform_tab
    assert t.controls.isEnabled() and not t.unavailable.isVisible()
    t.x.setValue(3)
    t.y.setValue(-2)
    moved = settle(qtbot, p)
    inner = (slice(2, 14), slice(0, 13))
    assert np.abs(moved[inner].astype(float) - still[inner]).mean() > 10
    # the picture moved right and up: what was at (y, x) is now at (y - 2, x + 3)
    assert np.abs(moved[2:14, 3:16].astype(float) - still[4:16, 0:13]).mean() < 2
    t.untransform.setChecked(True)
    back = settle(qtbot, p)
    assert np.abs(back[inner].astype(float) - still[inner]).mean() < 1
    t.angle.setValue(30)
    turned = settle(qtbot, p)
    assert not np.array_equal(turned, back)
    t.reset.click()
    t.untransform.setChecked(False)
    np.testing.assert_array_equal(settle(qtbot, p), still)      # (0, 0, 0): the image as it was
    assert p.state.main_request().input_transform is None
    # a transform restored into the state (from a PNG or a sidecar) shows in the fields
    from ganstudio.core.input_transform import InputTransform
    p.state.set_input_transform(InputTransform.from_pixels(-4, 1.5, 45, 16, untransform=True))
    assert (t.x.value(), t.y.value(), t.angle.value(), t.untransform.isChecked()) == (-4, 1.5, 45, True)
    settle(qtbot, p)
    # the fields and the state agree for the next model too (moves are in its pixels)
    t.x.setValue(2)
    t.move_x.setValue(4)
    assert p.state.motion.x == pytest.approx(4 / 16)
    assert p.open_path(tmp_path / "sg3.pkl")
    settle(qtbot, p)
    assert t.x.value() == 0 and t.move_x.value() == 0
    assert p.state.motion.x == 0 and p.state.main_request().input_transform is None


def test_the_motion_plays_live_and_exports_as_an_animation(qtbot, panel, tmp_path):
    from ganstudio.ui.explorer.export_dialog import ExportChoice
    p = panel
    G = sg3_network(c_dim=0)
    still = opened(qtbot, p, sg3_pickle(tmp_path / "sg3.pkl", G))
    show_tab(p, p._inside_pages[1])
    t = p.transform_tab
    t.frames.setValue(4)
    t.turns.setValue(0.5)
    t.to_strip.click()
    settle(qtbot, p, strip=True)
    strip = p._strip_result
    assert strip.kind == "strip" and len(strip.images) == 4
    np.testing.assert_array_equal(strip.images[0], still)
    assert "Motion" in p.layout_.strip_title.text() and p.strip_chooser.kind.currentData() == "motion"
    out = tmp_path / "turn.gif"
    with qtbot.waitSignal(p.worker.job_done, timeout=15000):
        p.export(ExportChoice("strip", out, fps=8))
    gif = Image.open(out)
    assert gif.n_frames == 4
    gif.seek(2)
    np.testing.assert_array_equal(np.asarray(gif.convert("RGB")), strip.images[2])
    # live: Play moves A's input frame after frame, each once it has been shown; Stop goes back
    frames = []
    p.state.subscribe(lambda a: frames.append(p.state.motion_frame) if Change.TRANSFORM in a else None)
    t.play_button.click()
    qtbot.waitUntil(lambda: len({f for f in frames if f is not None}) >= 3, timeout=15000)
    t.play_button.click()
    assert p.state.motion_frame is None
    np.testing.assert_array_equal(settle(qtbot, p), still)
