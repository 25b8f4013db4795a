"""How the Explorer keeps the GUI thread free: its render-thread size, what it repaints, the
bars of w still following the image, and models read on the render thread."""
import numpy as np
import pytest

from explorer_models import isolated_qsettings, one_torch_thread, save, style_generator
from ganstudio.ui.explorer import panel as panel_module
from ganstudio.ui.explorer.image_view import ImageView
from ganstudio.ui.explorer.latent_bars import BarChart

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)


@pytest.mark.parametrize("cores, env, expected", [(2, "", 1), (8, "", 4), (64, "", 4), (1, "", 1),
                                                  (2, "3", 3), (8, "0", 4), (8, "many", 4)])
def test_the_render_thread_leaves_half_the_cores_free(monkeypatch, cores, env, expected):
    monkeypatch.setattr(panel_module.os, "cpu_count", lambda: cores)
    monkeypatch.setenv("GANSTUDIO_RENDER_THREADS", env)
    assert panel_module.default_render_threads() == expected


def test_the_w_bars_follow_the_rendered_image(qtbot, explorer_panel, tmp_path):
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=10000):
        assert p.open_path(save(tmp_path / "style.pt", style_generator()))
    slider = p.editor.sliders.rows[0][1]
    for v in (1.5, -2.0, 0.5):
        slider.setValue(v)
        qtbot.waitUntil(lambda: p._main_result is not None and p._main_result.request_id == p.last_main_request_id,
                        timeout=10000)
        w = p._main_result.w[0]
        qtbot.waitUntil(lambda: np.array_equal(p.editor.bars.w_bars.values, w), timeout=5000)
        assert np.array_equal(p.editor.bars.z_bars.values, p.state.a.values)


def test_a_models_first_image_shows_its_w_bars_without_waiting(qtbot, explorer_panel, tmp_path):
    # at start-up the GUI thread builds the Training panel right after the first image: bars
    # left to the 25 fps timer stayed empty behind it
    p = explorer_panel
    for name in ("one.pt", "two.pt"):      # the first image of every newly opened model
        p.editor._bars_timer.setInterval(60_000)
        with qtbot.waitSignal(p.view.painted, timeout=10000,
                              check_params_cb=lambda rid: rid == p.last_main_request_id):
            assert p.open_path(save(tmp_path / name, style_generator()))
        assert np.array_equal(p.editor.bars.w_bars.values, p._main_result.w[0])


def test_a_new_image_of_the_same_size_is_painted_in_place(qtbot):
    view = ImageView()
    qtbot.addWidget(view)
    view.resize(200, 200)
    view.show()
    painted = []
    view.painted.connect(painted.append)
    black, white = np.zeros((8, 8, 3), np.uint8), np.full((8, 8, 3), 255, np.uint8)
    for rid, img in ((1, black), (2, white)):
        view.set_image(img, rid)
        view.set_caption(f"image {rid}")
        qtbot.waitUntil(lambda: bool(painted) and painted[-1] == rid, timeout=5000)
    shot = view.grab().toImage()
    centre = shot.pixelColor(100, 90)
    assert (centre.red(), centre.green(), centre.blue()) == (255, 255, 255)


def test_bars_repaint_only_when_their_values_change(qtbot):
    chart = BarChart("#ff0000")
    qtbot.addWidget(chart)
    values = np.linspace(-2, 2, 16, dtype=np.float32)
    chart.set_values(values)
    shown = chart.values
    values[0] = 5.0                       # the caller's array is not aliased
    assert shown[0] == -2.0
    chart.set_values(shown.copy())
    assert chart.values is shown          # equal values: kept, nothing to repaint
    chart.set_values(values)
    assert chart.values[0] == 5.0 and chart.limit == 5.0


def test_opening_in_the_background_installs_only_the_newest_model(qtbot, explorer_panel, tmp_path):
    from explorer_models import dcgan_generator
    p = explorer_panel
    bad = tmp_path / "broken.pt"
    bad.write_bytes(b"not a checkpoint")
    assert p.open_path(bad, wait=False)           # started; the reason arrives in the banner
    qtbot.waitUntil(lambda: "broken.pt" in p.banner.text(), timeout=10000)
    assert p.state.model is None
    style, dcgan = save(tmp_path / "style.pt", style_generator()), save(tmp_path / "dcgan.pt", dcgan_generator())
    families = []
    p.model_changed.connect(lambda info: families.append(info["family"]))
    with qtbot.waitSignal(p.first_image_shown, timeout=10000):
        assert p.open_path(style, wait=False) and p.open_path(dcgan, wait=False)
    qtbot.waitUntil(lambda: p.worker.is_idle(), timeout=10000)
    assert families == ["dcgan"] and p.state.model.family == "dcgan"
