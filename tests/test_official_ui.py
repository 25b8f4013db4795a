"""An official network pickle in the GUI: the Explorer opens it like any checkpoint (mixing,
truncation, noise work on it), a refused pickle is a message, and File ▸ Save as GAN Studio
checkpoint converts it.

StyleGAN2 and StyleGAN3 pickles render exactly what their networks compute: the same seed, psi = 0
(the w_avg image), truncation with a cutoff, per-group style mixing (StyleGAN3 groups rows by
sampling rate); StyleGAN3's Noise tab explains that it has no noise inputs; the class of a
conditional model is chosen in the Latent tab and reproduced from an export's sidecar."""
from __future__ import annotations

import os

import numpy as np
import pytest
import torch
from PIL import Image

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QFileDialog  # noqa: E402

from explorer_models import isolated_qsettings, one_torch_thread, save, style_generator  # noqa: E402
from official_pickles import (EasyDict, marker_source, network_pickle, official_like,  # noqa: E402
                              persistent_tree, sg2_generator_record)
from ganstudio.core import latent as L  # noqa: E402
from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.core.export import reproduce  # noqa: E402
from ganstudio.core.imaging import to_uint8  # noqa: E402
from ganstudio.core.render import Sidecar  # noqa: E402
from ganstudio.ui.explorer import files  # noqa: E402
from ganstudio.ui.explorer.export_dialog import ExportChoice  # noqa: E402
from ganstudio.ui.explorer.panel import ExplorerPanel  # noqa: E402

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)


def sg2_pickle(path):
    """An official StyleGAN2 pickle of official_like() (3 classes; blocks 4, 8, 16)."""
    path.write_bytes(network_pickle(sg2_generator_record(official_like(), marker_source(path.with_name("ran")))))
    return path


SG3_KWARGS = dict(z_dim=8, w_dim=8, img_resolution=16, img_channels=3, channel_base=256, channel_max=16,
                  num_layers=4, first_cutoff=1, first_stopband=1.5, output_scale=1.0)
# ... whose layers are sampled at 4 (input, L0: rows 0-1), 8 (L1: row 2) and 16 (L2-L4: rows 3-5)


def sg3_network(c_dim: int = 2, seed: int = 0):
    """A tiny StyleGAN3 G (three sampling rates) with a non-zero w_avg."""
    sg3 = pytest.importorskip("ganstudio.core.nets.stylegan3")
    torch.manual_seed(seed)
    G = sg3.build_official_sg3(dict(SG3_KWARGS, c_dim=c_dim, mapping_kwargs={"num_layers": 2}))
    with torch.no_grad():
        G.mapping.w_avg.normal_()
    return G.eval().requires_grad_(False)


def sg3_pickle(path, G):
    rec = persistent_tree(G, marker_source(path.with_name("ran")), rename=False)
    rec.state["_init_kwargs"] = {**G.init_kwargs, "mapping_kwargs": EasyDict(num_layers=2)}
    path.write_bytes(network_pickle(rec))
    return path


@pytest.fixture
def pkl(tmp_path):
    return sg2_pickle(tmp_path / "stylegan2-tiny.pkl")


@pytest.fixture(params=["sg2", "sg3"])
def official(request, tmp_path):
    """(pickle, the network it holds, {group: the rows only it feeds}, the rows "coarse" takes)."""
    if request.param == "sg2":   # a block's ToRGB row is the next block's first: 4 feeds row 0 only
        return sg2_pickle(tmp_path / "sg2.pkl"), official_like(), {16: [3, 4, 5]}, [0]
    G = sg3_network()
    return sg3_pickle(tmp_path / "sg3.pkl", G), G, {16: [3, 4, 5], 8: [2]}, [0, 1]


@pytest.fixture
def panel(explorer_panel):
    return explorer_panel


def settle(qtbot, p, strip=False):
    """Wait until the newest main (and strip) request has been rendered; A's image."""
    def done():
        r, s = p._main_result, p._strip_result
        strip_done = not strip or (s is not None and s.request_id == p.last_strip_request_id
                                   and not p._strip_timer.isActive())
        return r is not None and r.request_id == p.last_main_request_id and strip_done and p.worker.is_idle()
    qtbot.waitUntil(done, timeout=15000)
    assert not p._main_result.error, p._main_result.error
    return p._main_result.images[0].copy()


def opened(qtbot, p, path):
    with qtbot.waitSignal(p.first_image_shown, timeout=15000):
        assert p.open_path(path)
    return settle(qtbot, p)


def info_texts(panel) -> dict[str, str]:
    """The Model tab's rows: label -> value."""
    form = panel.model_info.form
    return {form.itemAt(i, form.ItemRole.LabelRole).widget().text().strip("<b/>"):
            form.itemAt(i, form.ItemRole.FieldRole).widget().text() for i in range(form.rowCount())}


def labels(G, cls: int, n: int):
    return torch.nn.functional.one_hot(torch.full((n,), cls), G.c_dim).float() if G.c_dim else None


@torch.no_grad()
def direct(G, seeds, cls=0, psi=1.0, cutoff=None, rows_from_b=(), noise_mode="const"):
    """What G itself draws for the first seed (rows_from_b taken from the second seed's ws)."""
    z = torch.stack([L.z_from_seed(s, G.z_dim) for s in seeds])
    ws = L.truncate(G.mapping(z, labels(G, cls, len(seeds)), psi=1.0), G.mapping.w_avg, psi, cutoff)
    mixed = ws[:1].clone()
    if rows_from_b:
        mixed[:, list(rows_from_b)] = ws[1:2, list(rows_from_b)]
    return to_uint8(G.synthesis(mixed, noise_mode=noise_mode))[0]


@torch.no_grad()
def direct_ws(G, seed, cls=0):
    return G.mapping(L.z_from_seed(seed, G.z_dim)[None], labels(G, cls, 1), psi=1.0)[0].numpy()


def test_the_explorer_opens_a_pickle_and_its_features_work_on_it(qtbot, panel, pkl, tmp_path):
    infos = []
    panel.model_changed.connect(infos.append)
    with qtbot.waitSignal(panel.first_image_shown, timeout=15000):
        assert panel.open_path(pkl)
    first = settle(qtbot, panel)
    assert infos[-1]["family"] == "nvlabs-stylegan2" and infos[-1]["classes"] == 3
    assert panel.state.model.style and panel.state.model.num_ws == 6
    panel.state.set_truncation(psi=0.3, cutoff=2)
    truncated = settle(qtbot, panel)
    assert not np.array_equal(truncated, first)
    panel.state.set_seed("b", 9)
    panel.state.apply_preset("coarse")
    mixed = settle(qtbot, panel)
    assert not np.array_equal(mixed, truncated)
    panel.state.set_noise(mode="none")
    assert not np.array_equal(settle(qtbot, panel), mixed)
    assert not (tmp_path / "ran").exists()
    assert str(pkl.resolve()) in files.recent_files()


def test_a_refused_pickle_is_a_message_and_the_open_model_stays(qtbot, panel, pkl, tmp_path):
    with qtbot.waitSignal(panel.first_image_shown, timeout=15000):
        assert panel.open_path(pkl)
    evil = tmp_path / "evil.pkl"
    evil.write_bytes(b"\x80\x02cposix\nsystem\nX\x05\x00\x00\x00touch\x85R.")
    assert panel.open_path(evil) is False
    assert "posix.system" in panel.banner.text() and "not unpickled" in panel.banner.text()
    assert panel.state.model.family == "nvlabs-stylegan2"


def test_file_menu_saves_the_open_pickle_as_a_checkpoint(qtbot, pkl, tmp_path):
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.main_window import MainWindow
    ensure_app()
    w = MainWindow()
    qtbot.addWidget(w)
    try:
        assert not w.save_checkpoint_action.isEnabled()
        assert w.open_path(str(pkl))
        assert w.save_checkpoint_action.isEnabled()
        assert files.converted_path(w.explorer.source.checkpoint_path) == pkl.with_suffix(".pt").resolve()
        out = tmp_path / "converted"               # ".pt" is added
        worker = w.save_as_checkpoint(w.explorer.source.checkpoint_path, str(out))
        qtbot.waitUntil(worker.isFinished, timeout=15000)
        qtbot.waitUntil(lambda: "Saved" in w.statusBar().currentMessage(), timeout=5000)
        ckpt = load_checkpoint(tmp_path / "converted.pt")
        assert ckpt.family == "nvlabs-stylegan2" and ckpt.extra["official"]["generator"] == "G_ema"
    finally:
        w.explorer.shutdown()
        w._close_approved = True
        w.close()
    assert os.path.getsize(tmp_path / "converted.pt") > 0



# --- every Explorer feature on StyleGAN2 and StyleGAN3 pickles ------------------------------------

def test_official_models_render_exactly_what_their_networks_compute(qtbot, panel, official):
    path, G, alone, coarse = official
    first = opened(qtbot, panel, path)
    assert np.array_equal(first, direct(G, [0]))                  # seed 0, class 0
    panel.editor.seed.spin.setValue(5)
    assert np.array_equal(settle(qtbot, panel), direct(G, [5]))
    panel.editor.seed.spin.setValue(0)
    assert np.array_equal(settle(qtbot, panel), first)            # the same seed, the same image
    panel.editor.psi.setValue(0.0)
    w_avg = settle(qtbot, panel)
    assert np.array_equal(w_avg, direct(G, [0], psi=0.0)) and not np.array_equal(w_avg, first)
    panel.editor.seed.spin.setValue(9)
    assert np.array_equal(settle(qtbot, panel), w_avg)            # psi 0: every seed is w_avg
    panel.editor.cutoff.setCurrentIndex(panel.editor.cutoff.findData(2))
    assert np.array_equal(settle(qtbot, panel), direct(G, [9], psi=0.0, cutoff=2))
    panel.editor.cutoff.setCurrentIndex(0)
    panel.editor.psi.setValue(1.0)
    panel.editor.seed.spin.setValue(0)
    mixing = panel.tabs.widget(1).widget()
    mixing.seed_b.spin.setValue(7)
    mixing.seed_c.spin.setValue(8)
    assert np.array_equal(settle(qtbot, panel), first)            # B and C alone change nothing
    for group, rows in alone.items():
        mixing.combos[group].setCurrentIndex(1)                   # this group's styles from B
        assert np.array_equal(settle(qtbot, panel), direct(G, [0, 7, 8], rows_from_b=rows))
        fed = panel._main_result.latents[0]
        ws_a = direct_ws(G, 0)
        changed = [r for r in range(G.num_ws) if not np.allclose(fed[r], ws_a[r], atol=1e-6)]
        assert changed == rows
        mixing.combos[group].setCurrentIndex(0)
        assert np.array_equal(settle(qtbot, panel), first)
    panel.state.apply_preset("coarse")
    assert [c.currentIndex() for c in mixing.combos.values()] == [1, 0, 0]
    assert np.array_equal(settle(qtbot, panel), direct(G, [0, 7, 8], rows_from_b=coarse))
    mixing.show_grid.click()
    settle(qtbot, panel, strip=True)
    r = panel._strip_result
    assert r.ok and r.kind == "mix_grid" and (r.rows, r.cols) == (4, 5)
    qtbot.waitUntil(lambda: panel.state.directions is not None, timeout=15000)   # PCA of w (class 0)


def test_stylegan3_mixing_groups_are_sampling_rates_and_it_has_no_noise(qtbot, panel, tmp_path, pkl):
    opened(qtbot, panel, pkl)
    panel.tabs.widget(2).widget().show_var.click()               # StyleGAN2: variation on offer
    settle(qtbot, panel, strip=True)
    assert panel._strip_result.kind == "variation"
    G = sg3_network()
    assert panel.open_path(sg3_pickle(tmp_path / "sg3.pkl", G))
    settle(qtbot, panel)
    assert panel.state.strip.kind != "variation"                  # not offered: it would be blank
    m = panel.state.model
    assert m.by_rate and not m.has_noise and m.block_resolutions == (4, 8, 16)
    assert panel.editor.class_row.isVisible() and panel.editor.class_box.maximum() == 1   # 2 classes
    mixing, noise = panel.tabs.widget(1).widget(), panel.tabs.widget(2).widget()
    t = mixing.table
    assert t.horizontalHeaderItem(0).text() == "Sampling rate"
    assert [(t.item(i, 0).text(), t.item(i, 1).text()) for i in range(3)] == [("4", "0–1"), ("8", "2"),
                                                                              ("16", "3–5")]
    names = G.layer_names()
    assert names[:2] == ["input", "L0_24_16"] and all(n in t.item(2, 0).toolTip() for n in names[3:])
    assert "rate 4" in panel.editor.ws_row.itemText(1) and names[1] in panel.editor.ws_row.itemText(1)
    panel.tabs.setCurrentIndex(2)
    assert noise.unavailable.isVisible() and not noise.body.isVisible() and not noise.strengths
    assert "No noise inputs" in noise.unavailable.text() and "StyleGAN3" in noise.unavailable.text()
    assert panel.state.noise_strength == {} and panel.state.main_request().noise_strength == ()
    texts = info_texts(panel)
    assert "Sampling rates" in texts and texts["Noise inputs"] == "none"
    assert texts["Origin"] == "official StyleGAN3 network pickle (G_ema)" and texts["Classes"].startswith("2 ")


def test_noise_modes_and_strengths_of_an_official_stylegan2(qtbot, panel, pkl):
    const = opened(qtbot, panel, pkl)
    G = official_like()
    noise = panel.tabs.widget(2).widget()
    assert noise.body.isVisible() or not noise.unavailable.isVisible()
    assert sorted(noise.strengths) == [4, 8, 16]
    noise.mode.setCurrentIndex(noise.mode.findData("none"))
    noise.mode.activated.emit(noise.mode.currentIndex())
    assert np.array_equal(settle(qtbot, panel), direct(G, [0], noise_mode="none"))
    noise.mode.setCurrentIndex(noise.mode.findData("const"))
    noise.mode.activated.emit(noise.mode.currentIndex())
    assert np.array_equal(settle(qtbot, panel), const)
    noise.strengths[16].setValue(0.0)
    assert not np.array_equal(settle(qtbot, panel), const)
    noise.reset.click()
    assert np.array_equal(settle(qtbot, panel), const)
    noise.reroll.click()
    assert panel.state.noise_mode == "random" and not np.array_equal(settle(qtbot, panel), const)


def test_the_class_box_picks_the_class_and_a_sidecar_reproduces_it(qtbot, panel, pkl, tmp_path):
    class0 = opened(qtbot, panel, pkl)
    G = official_like()
    box = panel.editor.class_box
    assert panel.editor.class_row.isVisible() and (box.minimum(), box.maximum()) == (0, 2)
    assert "Classes" in info_texts(panel) and info_texts(panel)["Classes"].startswith("3 ")
    box.setValue(2)
    class2 = settle(qtbot, panel, strip=True)
    assert panel.state.class_index == 2 and not np.array_equal(class2, class0)
    assert np.array_equal(class2, direct(G, [0], cls=2))
    assert "class 2" in panel.view._caption
    gallery = panel._strip_result                                   # the gallery draws class 2 too
    seed = panel.state.gallery_seed(0)
    assert np.array_equal(gallery.images[0], direct(G, [seed], cls=2))
    panel.editor.psi.setValue(0.7)
    for choice in (ExportChoice("image", tmp_path / "a.png"),
                   ExportChoice("grid", tmp_path / "g.png", rows=1, cols=3, padding=2, upscale=1)):
        with qtbot.waitSignal(panel.worker.job_done, timeout=15000) as sig:
            panel.export(choice)
        assert sig.args[2] == "", sig.args[2]
        side = choice.out.with_suffix(".json")
        assert Sidecar.read(side).request.class_index == 2
        again = reproduce(side, out=tmp_path / f"again-{choice.out.name}")
        assert np.array_equal(np.asarray(Image.open(choice.out)), np.asarray(Image.open(again.out)))
    assert np.array_equal(np.asarray(Image.open(tmp_path / "a.png")), direct(G, [0], cls=2, psi=0.7))
    box.setValue(0)
    assert panel.load_latent(tmp_path / "a.json")                  # the sidecar brings class 2 back
    assert panel.state.class_index == 2 and box.value() == 2


def test_unconditional_models_have_no_class_box_and_the_open_dialog_offers_pickles(qtbot, panel, tmp_path,
                                                                                    monkeypatch):
    assert ".pkl" in panel.model_info.empty.text()
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (asked.append(a[3]), ("", ""))[1])
    panel.open_dialog()
    assert asked == [files.CHECKPOINT_FILTER] and "*.pkl" in asked[0]
    opened(qtbot, panel, save(tmp_path / "own.pt", style_generator()))
    assert not panel.editor.class_row.isVisible() and panel.state.model.c_dim == 0
    assert "class_index" not in panel.state.main_request().to_dict()
    assert panel.state.model.has_noise and "Origin" not in info_texts(panel)
