"""An official network pickle in the GUI: the Explorer opens it like any checkpoint (mixing,
truncation, noise work on it), a refused pickle is a message, and File ▸ Save as GAN Studio
checkpoint converts it."""
from __future__ import annotations

import os

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings  # noqa: E402

from explorer_models import one_torch_thread  # noqa: E402
from official_pickles import marker_source, network_pickle, official_like, sg2_generator_record  # noqa: E402
from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.ui.explorer import files  # noqa: E402
from ganstudio.ui.explorer.panel import ExplorerPanel  # noqa: E402

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_CONFIG_DIR", str(tmp_path / "config"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def pkl(tmp_path):
    path = tmp_path / "stylegan2-tiny.pkl"
    path.write_bytes(network_pickle(sg2_generator_record(official_like(), marker_source(tmp_path / "ran"))))
    return path


@pytest.fixture
def panel(qtbot):
    p = ExplorerPanel()
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    yield p
    p.shutdown()


def settle(qtbot, p):
    def done():
        r = p._main_result
        return r is not None and r.request_id == p.last_main_request_id and p.worker.is_idle()
    qtbot.waitUntil(done, timeout=15000)
    assert not p._main_result.error, p._main_result.error
    return p._main_result.images[0].copy()


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
