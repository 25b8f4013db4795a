"""The Explorer panel, driven through its real widgets (pytest-qt, offscreen)."""
import json
import time
from enum import Enum

import numpy as np
import pytest
import torch
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from explorer_models import dcgan_generator, isolated_qsettings, one_torch_thread, save, style_generator
from ganstudio.core import latent as L
from ganstudio.core.imaging import to_uint8
from ganstudio.core.render import Latent, RenderRequest, RenderResult, Sidecar
from ganstudio.ui.explorer.export_dialog import ExportChoice
from ganstudio.ui.explorer.panel import ExplorerPanel
from ganstudio.ui.render_worker import Job, RenderWorker

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(scope="module")
def ckpts(tmp_path_factory):
    d = tmp_path_factory.mktemp("models")
    run = d / "run"
    save(run / "checkpoints" / "step_000100.pt", style_generator(3), step=100)
    save(run / "checkpoints" / "latest.pt", style_generator(), step=200)
    return {"style": save(d / "style.pt", style_generator()), "dcgan": save(d / "dcgan.pt", dcgan_generator()),
            "run": run}


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)


@pytest.fixture
def panel(explorer_panel):
    return explorer_panel


def settle(qtbot, p, strip=False):
    """Wait until the newest main (and strip) request has been rendered and painted."""
    def done():
        main = p._main_result is not None and p._main_result.request_id == p.last_main_request_id
        s = not strip or (p._strip_result is not None and p._strip_result.request_id == p.last_strip_request_id
                          and not p._strip_timer.isActive())
        return main and s and p.worker.is_idle()
    qtbot.waitUntil(done, timeout=10000)
    qtbot.waitUntil(lambda: p.view._announced == p._main_result.request_id or p._play_timer.isActive(),
                    timeout=5000)
    return p._main_result.images[0].copy()


def opened(qtbot, p, path):
    with qtbot.waitSignal(p.first_image_shown, timeout=10000):
        assert p.open_path(path)
    return settle(qtbot, p)


def test_opening_shows_the_model_and_the_same_seed_gives_the_same_image(qtbot, panel, ckpts):
    changed = []
    panel.model_changed.connect(changed.append)
    first = opened(qtbot, panel, ckpts["style"])
    assert changed and changed[0]["family"] == "stylegan" and changed[0]["step"] == 100
    texts = [panel.model_info.form.itemAt(i).widget().text() for i in range(panel.model_info.form.count())
             if panel.model_info.form.itemAt(i).widget() is not None]
    assert any("16×16" in t for t in texts) and any("10 × 6 style rows" in t for t in texts)
    assert any("tiny test model" in t for t in texts)
    panel.editor.seed.spin.setValue(5)
    five = settle(qtbot, panel)
    assert not np.array_equal(five, first)
    panel.editor.seed.spin.setValue(0)
    assert np.array_equal(settle(qtbot, panel), first)
    assert panel.view.scale_factor() >= 2 and panel.view.scale_factor() == int(panel.view.scale_factor())


def test_a_slider_changes_the_image_and_undo_redo_reset_restore_it(qtbot, panel, ckpts):
    before = opened(qtbot, panel, ckpts["style"])
    _, s, reset = panel.editor.sliders.rows[3]
    s.setValue(s.value() + 2.5)
    state_a = panel.state.a.values.copy()
    s.sliderReleased.emit()
    moved = settle(qtbot, panel)
    assert not np.array_equal(moved, before) and reset.isEnabled()
    assert panel.undo_action.isEnabled()
    panel.undo_action.trigger()
    assert np.array_equal(settle(qtbot, panel), before)
    panel.redo_action.trigger()
    assert np.array_equal(settle(qtbot, panel), moved) and np.array_equal(panel.state.a.values, state_a)
    reset.click()
    assert np.array_equal(settle(qtbot, panel), before)


def test_psi_zero_shows_the_w_avg_image(qtbot, panel, ckpts):
    opened(qtbot, panel, ckpts["style"])
    panel.editor.psi.setValue(0.0)
    img = settle(qtbot, panel)
    G = style_generator()
    ws = G.mapping.w_avg.reshape(1, 1, -1).repeat(1, G.num_ws, 1)
    assert np.array_equal(img, to_uint8(G.synthesis(ws, noise_mode="const"))[0])
    panel.editor.seed.spin.setValue(9)
    assert np.array_equal(settle(qtbot, panel), img)


def test_the_mixing_table_changes_only_what_it_should(qtbot, panel, ckpts):
    plain = opened(qtbot, panel, ckpts["style"])
    mixing = panel.tabs.widget(1).widget()
    assert mixing.body.isVisible() or not mixing.unavailable.isVisible()
    mixing.combos[16].setCurrentIndex(1)                 # the finest block from B
    fine = settle(qtbot, panel)
    assert not np.array_equal(fine, plain)
    req = panel._main_result
    assert tuple(req.latents.shape) == (1, 6, 10)
    rows = L.mixing_rows(panel.state.model.G, {16: 1})
    G = style_generator()
    ws = G.mapping(torch.from_numpy(np.stack([L.z_from_seed(0, 12).numpy(), L.z_from_seed(1, 12).numpy()])))
    for r, src in enumerate(rows):
        assert torch.allclose(torch.from_numpy(req.latents[0, r]), ws[src, r], atol=1e-6)
    mixing.seed_b.spin.setValue(0)                       # B = A: mixing changes nothing
    assert np.array_equal(settle(qtbot, panel), plain)
    mixing.seed_b.spin.setValue(1)
    mixing.combos[16].setCurrentIndex(0)                 # back to all-A
    assert np.array_equal(settle(qtbot, panel), plain)
    panel.state.apply_preset("coarse")
    assert [c.currentIndex() for c in mixing.combos.values()] == [1, 0, 0]
    mixing.show_grid.click()
    settle(qtbot, panel, strip=True)
    r = panel._strip_result
    assert r.kind == "mix_grid" and (r.rows, r.cols) == (4, 5)


def test_a_dcgan_model_explains_why_mixing_and_noise_are_unavailable(qtbot, panel, ckpts):
    before = opened(qtbot, panel, ckpts["dcgan"])
    assert before.shape == (28, 28, 1)
    mixing, noise = panel.tabs.widget(1).widget(), panel.tabs.widget(2).widget()
    panel.tabs.setCurrentIndex(1)
    assert mixing.unavailable.isVisible() and not mixing.body.isVisible()
    assert "unavailable" in mixing.unavailable.text() and "mapping network" in mixing.unavailable.text()
    panel.tabs.setCurrentIndex(2)
    assert noise.unavailable.isVisible() and "DCGAN" in noise.unavailable.text()
    assert not panel.editor.space.model().item(1).isEnabled()
    panel.editor.sliders.rows[0][1].setValue(3.0)
    assert not np.array_equal(settle(qtbot, panel), before)
    panel.editor.psi.setValue(0.0)                        # psi pulls z to 0: every seed looks alike
    zero = settle(qtbot, panel)
    panel.editor.seed.spin.setValue(4)
    assert np.array_equal(settle(qtbot, panel), zero)


def test_a_bad_file_is_refused_with_a_message_and_the_model_stays(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["style"])
    bad = tmp_path / "broken.pt"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    messages = []
    panel.status_message.connect(messages.append)
    assert panel.open_path(bad) is False
    assert panel.banner.isVisible() and "broken.pt" in panel.banner.text()
    assert panel.state.model.family == "stylegan" and messages
    assert panel.open_path(tmp_path / "missing.pt") is False and "does not exist" in panel.banner.text()


def test_run_directories_recent_files_and_drag_and_drop(qtbot, panel, ckpts):
    opened(qtbot, panel, ckpts["run"])
    assert panel.state.model.info["step"] == 200 and panel.state.model.info["file"] == "latest.pt"
    from ganstudio.ui.explorer.files import recent_files
    recent = recent_files()
    assert recent and str(ckpts["run"].resolve()) == recent[0]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ckpts["dcgan"]))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(ev)   # read on the render thread: the window does not wait for it
    qtbot.waitUntil(lambda: panel.state.model.family == "dcgan", timeout=10000)
    panel.recent_menu.aboutToShow.emit()
    assert any(str(ckpts["dcgan"].resolve()) in a.text() for a in panel.recent_menu.actions())


def test_a_burst_of_1000_slider_events_leaves_no_backlog(qtbot, panel, ckpts):
    opened(qtbot, panel, ckpts["style"])
    panel.worker.reset_stats()
    s = panel.editor.sliders.rows[0][1]
    for i in range(1000):
        s.setValue(-3 + 6 * i / 999)
        if i % 50 == 0:
            qtbot.wait(1)  # let some results arrive mid-burst, as a real drag does
    # at most one waiting request per channel: the main image, the debounced strip, and B and C's
    # thumbnails of the model just opened (still waiting when the burst starts on a busy machine)
    stats = panel.worker.stats()
    assert stats["submitted"] >= 1000 and stats["max_in_flight"] <= 1 and stats["pending"] <= 3
    settle(qtbot, panel, strip=True)
    stats = panel.worker.stats()
    assert stats["max_in_flight"] <= 1 and stats["max_pending"] <= 3
    assert stats["rendered"] < 200 and stats["replaced"] > 800
    assert panel._main_result.request_id == panel.last_main_request_id
    assert float(panel.state.a.values[0]) == pytest.approx(3.0)


class Boom(Enum):
    BOOM = "boom"


def test_the_worker_keeps_one_render_in_flight_and_one_pending(qtbot):
    active, peak = [0], [0]

    def slow(G, req):
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        time.sleep(0.01)
        active[0] -= 1
        return RenderResult(request_id=req.request_id)
    w = RenderWorker(render_fn=slow)
    got = []
    w.rendered.connect(lambda ch, r: got.append(r.request_id))
    lat = Latent("z", np.zeros(2))
    try:
        for i in range(1000):
            w.submit("main", None, RenderRequest((lat,), request_id=i))
        qtbot.waitUntil(lambda: w.is_idle() and bool(got) and got[-1] == 999, timeout=5000)
        st = w.stats()
        assert peak[0] == 1 and st["max_in_flight"] == 1 and st["max_pending"] == 1 and len(got) <= 3
        with qtbot.waitSignal(w.job_done, timeout=5000) as sig:
            w.submit_job(Job(Boom.BOOM, 7), lambda: 1 / 0)
        assert sig.args[0] == Job(Boom.BOOM, 7) and sig.args[1] is None and "ZeroDivisionError" in sig.args[2]
        with pytest.raises(TypeError, match="Job"):
            w.submit_job("boom", lambda: 1)       # jobs are named by a Job, never by a string to parse
    finally:
        assert w.stop()


def test_spaces_directions_and_noise(qtbot, panel, ckpts):
    base = opened(qtbot, panel, ckpts["style"])
    panel.editor.space_requested.emit("w")
    assert panel.state.a.space == "w" and np.array_equal(settle(qtbot, panel), base)
    panel.editor.space_requested.emit("w+")
    assert panel.state.a.values.shape == (6, 10) and np.array_equal(settle(qtbot, panel), base)
    panel.editor.ws_row.setCurrentIndex(5)
    panel.editor.sliders.rows[0][1].setValue(panel.editor.sliders.rows[0][1].value() + 1.5)
    assert not np.array_equal(settle(qtbot, panel), base)
    assert not np.array_equal(panel.state.a.values[5], panel.state.a.base[5])
    assert np.array_equal(panel.state.a.values[:5], panel.state.a.base[:5])
    panel.editor.space_requested.emit("z")
    assert np.array_equal(settle(qtbot, panel), base)
    qtbot.waitUntil(lambda: panel.state.directions is not None, timeout=10000)
    lab, s = panel.directions.rows[0]
    assert lab.text().startswith("PC0")
    s.setValue(3.0)
    assert not np.array_equal(settle(qtbot, panel), base)
    noise = panel.tabs.widget(2).widget()
    panel.state.reset_coeffs()
    assert np.array_equal(settle(qtbot, panel), base)
    noise.reroll.click()
    assert panel.state.noise_mode == "random" and not np.array_equal(settle(qtbot, panel), base)
    noise.mode.setCurrentIndex(0)
    noise.mode.activated.emit(0)
    noise.strengths[16].setValue(0.0)
    assert not np.array_equal(settle(qtbot, panel), base)
    noise.show_var.click()
    settle(qtbot, panel, strip=True)
    assert panel._strip_result.kind == "variation"


def test_interpolation_strip_plays_and_bookmarks_persist(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["style"])
    animate = panel.tabs.widget(3).widget()
    animate.frames.setValue(6)
    animate.show_interp.click()
    settle(qtbot, panel, strip=True)
    r = panel._strip_result
    assert r.kind == "strip" and r.images.shape[0] == 6
    panel.play(True)
    assert panel._play_timer.isActive()
    qtbot.waitUntil(lambda: panel._play_index > 1, timeout=5000)
    panel.play(False)
    assert not panel._play_timer.isActive()
    panel.bookmarks.add("mine")
    stored = json.loads(next((tmp_path / "config" / "bookmarks").glob("*.json")).read_text())
    assert stored[0]["name"] == "mine" and stored[0]["latent"]["seed"] == 0
    panel.editor.seed.spin.setValue(11)
    other = ExplorerPanel()
    qtbot.addWidget(other)
    try:
        assert other.open_path(ckpts["style"])
        assert [b["name"] for b in other.state.bookmarks] == ["mine"]
        other.bookmarks.list.setCurrentRow(0)
        other.bookmarks.load_into("b")
        assert other.state.slots["b"].seed == 0
    finally:
        other.shutdown()
    animate.points.item(2).setCheckState(Qt.CheckState.Checked)   # C joins the path
    panel.state.set_bookmarks(panel.state.bookmarks)   # the list is refilled: the order stays
    assert panel.state.strip.points == ["a", "b", "c"]


def test_exports_write_files_of_the_right_size_and_the_sidecar_round_trips(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["style"])
    assert [a.isEnabled() for a in panel.export_actions()] == [True] * 6   # + Copy Image, Capture the View
    panel.state.set_strip(kind="interp")
    panel.editor.psi.setValue(0.8)
    settle(qtbot, panel, strip=True)
    for choice, size in ((ExportChoice("grid", tmp_path / "g.png", rows=2, cols=3, padding=2, upscale=2),
                          (2 * 34 + 2, 3 * 34 + 2)),
                         (ExportChoice("strip", tmp_path / "s.gif", upscale=3, latents=True), (48, 48)),
                         (ExportChoice("image", tmp_path / "i.png", upscale=4), (64, 64))):
        with qtbot.waitSignal(panel.worker.job_done, timeout=10000) as sig:
            panel.export(choice)
        assert sig.args[2] == "", sig.args[2]
        from PIL import Image
        im = Image.open(choice.out)
        assert (im.size[1], im.size[0]) == size
        sc = Sidecar.read(choice.out.with_suffix(".json"))
        assert sc.request.psi == pytest.approx(0.8)
        from ganstudio.core.export import reproduce
        again = reproduce(choice.out.with_suffix(".json"), out=tmp_path / f"again{choice.out.suffix}")
        a, b = Image.open(choice.out), Image.open(again.out)
        for i in range(getattr(a, "n_frames", 1)):
            a.seek(i)
            b.seek(i)
            assert np.array_equal(np.asarray(a.convert("L")), np.asarray(b.convert("L")))
    assert np.load(tmp_path / "s_latents.npy").shape == (8, 6, 10)
    panel.export(ExportChoice("latent", tmp_path / "a.npy"))
    panel.editor.seed.spin.setValue(3)
    assert panel.load_latent(tmp_path / "a.npy") and panel.state.a.seed is None
    assert np.array_equal(panel.state.a.values, L.z_from_seed(0, 12).numpy())
    assert panel.load_latent(tmp_path / "g.json") and panel.state.psi == pytest.approx(0.8)


def test_a_model_opens_on_a_gallery_of_random_seeds_and_a_click_picks_one(qtbot, panel, ckpts):
    opened(qtbot, panel, ckpts["style"])
    settle(qtbot, panel, strip=True)
    r, seeds = panel._strip_result, list(panel.state.strip.gallery_seeds)
    assert r.kind == "grid" and (r.rows, r.cols) == (2, 8) and len(r.images) == 16
    assert len(set(seeds[:16])) == 16 and "Gallery" in panel.layout_.strip_title.text()
    G = panel.state.model.G
    with torch.no_grad():
        tile5 = to_uint8(G(L.z_from_seed(seeds[5], 12)[None], noise_mode="const"))[0]
    assert np.array_equal(r.images[5], tile5)            # tile i is exactly seed i's image
    sv = panel.strip_view
    qtbot.waitUntil(lambda: not sv.image_rect().isEmpty(), timeout=10000)   # painted: a user sees it
    shown, pad, th = sv.image_rect(), 2, r.images.shape[1]
    k = shown.width() / sv.image().width()
    x = shown.x() + (pad + 5 * (th + pad) + th / 2) * k   # centre of tile 5 (row 0)
    y = shown.y() + (pad + th / 2) * k
    qtbot.mouseClick(sv, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))
    assert panel.state.a.seed == seeds[5]
    assert np.array_equal(settle(qtbot, panel), tile5)
    animate = panel.tabs.widget(3).widget()
    animate.shuffle.click()
    assert panel.state.strip.gallery_seeds != seeds
    animate.gallery_shape.setCurrentIndex(animate.gallery_shape.findText("3 x 8"))
    animate.gallery_shape.activated.emit(animate.gallery_shape.currentIndex())
    settle(qtbot, panel, strip=True)
    assert (panel._strip_result.rows, panel._strip_result.cols) == (3, 8)


def test_open_generator_takes_a_snapshot_of_a_live_model(qtbot, panel):
    G = style_generator()
    with qtbot.waitSignal(panel.first_image_shown, timeout=10000):
        assert panel.open_generator(G, {"family": "stylegan", "step": 42, "source": "training"})
    before = settle(qtbot, panel)
    with torch.no_grad():
        for p in G.parameters():
            p.add_(1.0)            # training goes on; the Explorer keeps what it opened
    panel.editor.seed.spin.setValue(1)
    panel.editor.seed.spin.setValue(0)
    assert np.array_equal(settle(qtbot, panel), before)
    assert panel.shutdown() is None and not panel.worker.isRunning()


def test_a_long_session_does_not_wear_out_none(qtbot):
    """Every slider drag makes thousands of Qt calls. A PySide6 build whose bindings drop the
    reference they owe to None (abi3 wheels built for Python >= 3.12's immortal None, run on an
    older Python — PySide6 6.12.0 on Python 3.11) crashes the app after a few minutes of
    exploring with "Fatal Python error: none_dealloc"."""
    import gc
    import sys
    from PySide6.QtWidgets import QSlider
    s = QSlider()
    qtbot.addWidget(s)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        s.setVisible(False)
    gc.collect()
    lost = before - sys.getrefcount(None)
    assert lost < 100, (f"{lost} references to None lost in 2000 Qt calls: this PySide6 build will crash "
                        "the app (none_dealloc); use PySide6 < 6.12 on Python 3.11, or Python >= 3.12")


def test_latent_bars_draw_the_values_and_a_click_jumps_to_that_page(qtbot):
    from ganstudio.ui.explorer.latent_bars import BarChart
    chart = BarChart("#ff0000")
    qtbot.addWidget(chart)
    chart.resize(28 + 2 + 40 * 4, 64)
    values = np.zeros(40, np.float32)
    values[33] = 3.0
    chart.set_values(values)
    chart.set_page(32, 40)
    img = chart.grab().toImage()
    x33 = 28 + 33 * 4 + 1
    def is_red(x, y):
        c = img.pixelColor(x, y)
        return c.red() == 255 and c.green() == 0 and c.blue() == 0
    assert sum(is_red(x33, y) for y in range(32)) >= 25      # a tall red bar above the zero line
    assert not any(is_red(x33, y) for y in range(34, 64))    # ... and nothing below it
    assert not any(is_red(28 + 10 * 4 + 1, y) for y in range(64))   # no bar for a zero value
    clicks = []
    chart.clicked_dim.connect(clicks.append)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x33, 20))
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(5, 20))   # the scale: nothing
    assert clicks == [33]
    chart.set_values(np.array([np.nan, np.inf], np.float32))   # still paints
    chart.grab()


def test_a_narrow_window_never_clips_the_slider_rows(qtbot, panel, ckpts):
    from PySide6.QtWidgets import QAbstractButton, QDoubleSpinBox, QScrollArea
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)  # a larger font (presentation, another system)
    panel.setFont(font)
    panel.resize(640, 700)                       # narrower than the panels want
    opened(qtbot, panel, ckpts["style"])
    qtbot.wait(50)
    area = next(a for a in panel.findChildren(QScrollArea) if a.isVisible()
                and a.widget().isAncestorOf(panel.editor))
    ends = [w for t in (QDoubleSpinBox, QAbstractButton) for w in panel.editor.findChildren(t)
            if w.isVisible()]
    assert ends
    for w in ends:                                # value boxes and reset buttons lie inside
        right = w.mapTo(area.viewport(), w.rect().topRight()).x()
        assert right < area.viewport().width(), f"{type(w).__name__} ends at {right}, the " \
                                                 f"panel at {area.viewport().width()}"
