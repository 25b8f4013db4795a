"""Reliability catalogue, GUI: bad checkpoints in the Explorer, faults of a run in the Training
panel, closing during a render or an export, opening a model while rendering, following a run
directory that is being written or deleted.  (Closing during training is tested in
test_main_window.py: test_closing_mid_run_stops_cleanly_with_a_loadable_checkpoint.)
"""
from __future__ import annotations

import shutil
import threading

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from explorer_models import dcgan_generator, save  # noqa: E402
from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.train.recipe import Recipe  # noqa: E402
from ganstudio.train.run import read_metrics  # noqa: E402
from ganstudio.ui.app import ensure_app  # noqa: E402
from test_reliability_faults import fail_second_checkpoint, oom_at_step, poison  # noqa: E402
from test_reliability_inputs import BAD_CHECKPOINTS, make_bad_checkpoint  # noqa: E402

TIMEOUT = 30_000


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path, monkeypatch):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def _explorer():
    ensure_app()
    from ganstudio.ui.explorer.panel import ExplorerPanel
    p = ExplorerPanel(render_threads=1)
    p.resize(1000, 700)
    p.show()
    return p


@pytest.fixture
def explorer(qtbot):
    p = _explorer()
    qtbot.addWidget(p)
    yield p
    p.shutdown()


@pytest.fixture(scope="module")
def shared_explorer():
    """One Explorer for the bad-checkpoint catalogue (building a panel takes a second)."""
    p = _explorer()
    yield p
    p.shutdown()
    p.close()
    p.deleteLater()


@pytest.fixture
def window(main_window):
    return main_window


class Gate:
    """Holds the Explorer's renders (or exports) in flight until opened."""

    def __init__(self, fn):
        self.fn, self.open, self.entered = fn, threading.Event(), threading.Event()

    def __call__(self, *args, **kwargs):
        self.entered.set()
        assert self.open.wait(20), "the gate was never opened"
        return self.fn(*args, **kwargs)


# --- bad checkpoints in the Explorer -------------------------------------------------------------------

@pytest.mark.parametrize("case", [c.param() for c in BAD_CHECKPOINTS])
def test_the_explorer_refuses_every_bad_checkpoint_and_keeps_its_model(case, shared_explorer, tmp_path,
                                                                       monkeypatch):
    explorer = shared_explorer
    good, bad = make_bad_checkpoint(case, tmp_path, monkeypatch)
    assert explorer.open_path(good)
    assert explorer.open_path(bad) is False
    text = explorer.banner.text()
    assert explorer.banner.isVisible() and f"Could not open {bad.name}" in text and case.words in text, text
    assert "Error:" not in text and "\n" not in text.strip(), text     # no raw exception type
    model = explorer.state.model
    assert model.info["path"] == str(good) and model.info["step"] == 7
    assert not (tmp_path / "code-ran").exists()


# --- opening a second model while rendering ---------------------------------------------------------

def test_opening_a_second_model_while_rendering_shows_only_the_second(explorer, qtbot, tmp_path):
    first = save(tmp_path / "first.pt", dcgan_generator(1), step=1)
    second = save(tmp_path / "second.pt", dcgan_generator(2), step=2)
    gate = Gate(explorer.worker._render)
    explorer.worker._render = gate
    delivered = []
    explorer.worker.rendered.connect(lambda channel, result: delivered.append(result.meta["tag"]))
    assert explorer.open_path(first)
    assert gate.entered.wait(10)                 # the first model's render is in flight
    assert explorer.open_path(second)
    gate.open.set()
    qtbot.waitUntil(lambda: explorer.state.shown_request is not None and explorer.worker.is_idle()
                    and explorer.state.shown_request.request_id == explorer.last_main_request_id,
                    timeout=TIMEOUT)
    assert len(delivered) >= 2 and delivered[0] != delivered[-1]   # the first model's render came back
    assert explorer.state.model.info["step"] == 2 and not explorer.banner.isVisible()
    from ganstudio.core.render import render
    from ganstudio.ui.explorer.image_view import to_qimage
    from ganstudio.ui.explorer.panel_records import qimage_pixels
    expected = render(explorer.state.model.G, explorer.state.shown_request).composite
    assert np.array_equal(qimage_pixels(explorer.view.image()), qimage_pixels(to_qimage(expected)))   # shown: the second's


# --- closing during a render, during an export ------------------------------------------------------

def test_closing_the_window_during_a_render_waits_for_it(window, qtbot, tmp_path):
    path = save(tmp_path / "model.pt", dcgan_generator(), step=3)
    worker = window.explorer.worker
    gate = Gate(worker._render)
    worker._render = gate
    assert window.explorer.open_path(path)
    assert gate.entered.wait(10)
    threading.Timer(0.3, gate.open.set).start()
    window.close()                                 # returns once the render in flight is done
    assert gate.open.is_set() and not worker.isRunning() and not window.isVisible()


def test_closing_the_window_during_an_export_finishes_the_file(window, qtbot, tmp_path, monkeypatch):
    from ganstudio.ui.explorer import files
    from ganstudio.ui.explorer.export_dialog import ExportChoice
    path = save(tmp_path / "model.pt", dcgan_generator(), step=3)
    assert window.explorer.open_path(path)
    qtbot.waitUntil(lambda: window.explorer.state.shown_request is not None, timeout=TIMEOUT)
    gate = Gate(files.run_export)
    monkeypatch.setattr(files, "run_export", gate)
    out = tmp_path / "exports" / "grid.png"
    window.explorer.export(ExportChoice("grid", out, rows=2, cols=3, padding=2))
    assert gate.entered.wait(10)                   # the export is in flight
    threading.Timer(0.3, gate.open.set).start()
    window.close()
    assert not window.explorer.worker.isRunning()
    with Image.open(out) as im:                    # the whole file was written
        im.load()
        assert im.size == (3 * 30 + 2, 2 * 30 + 2)
    assert out.with_suffix(".json").is_file()


# --- faults of a run started in the Training panel ----------------------------------------------------

def toy_recipe(**train) -> dict:
    return {"title": "tiny ring", "name": "tiny-ring",
            "model": {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 16, "layers": 2},
            "data": {"kind": "toy", "toy": "ring8", "toy_samples": 2000},
            "train": {"steps": 100_000, "batch": 32, "log_every": 5, "sample_every": 0,
                      "checkpoint_every": 10, "device": "cpu", "threads": 1, **train}}


@pytest.fixture
def training(training_panel):
    return training_panel


def _run_until_it_ends(panel, qtbot) -> str:
    panel.form.set_values(toy_recipe())
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT) as finished:
        assert panel.start()
    return finished.args[0]


def test_a_diverging_loss_is_named_in_the_panel_and_the_checkpoint_loads(training, qtbot, monkeypatch):
    poison(monkeypatch, "g", 23, float("nan"))
    assert _run_until_it_ends(training, qtbot) == "diverged"
    text = training.notice.text()
    assert training.notice.isVisible() and "diverged at step 23: loss_g is nan" in text, text
    assert load_checkpoint(training.session.run_dir).step == 20
    assert training.state == "finished" and training.controls.start_action.isEnabled()


def test_out_of_memory_in_the_panel_suggests_a_smaller_batch(training, qtbot, monkeypatch):
    oom_at_step(monkeypatch, 15)
    assert _run_until_it_ends(training, qtbot) == "failed"
    text = training.notice.text()
    assert "out of memory with train.batch=32" in text and "smaller batch" in text, text
    assert load_checkpoint(training.session.run_dir).step == 10


def test_a_full_disk_in_the_panel_keeps_the_previous_checkpoint_and_says_so(training, qtbot, monkeypatch,
                                                                             tmp_path):
    fail_second_checkpoint(monkeypatch, "disk_full", tmp_path)
    assert _run_until_it_ends(training, qtbot) == "failed"
    text = training.notice.text()
    assert "cannot write step_000020.pt: the disk is full; the previous checkpoint is unchanged" in text
    assert load_checkpoint(training.session.run_dir).step == 10


# --- following a run directory that is being written or deleted ----------------------------------------

def _curve_points(panel) -> int:
    panel.curves.refresh()
    c = panel.curves.curve("loss_d")
    return 0 if c is None else len(c.series)


def test_following_a_run_while_another_thread_writes_it_misses_nothing(training, qtbot, tmp_path):
    from ganstudio.train.trainer import Trainer
    run = tmp_path / "live-run"
    trainer = Trainer(Recipe.from_dict(toy_recipe(steps=120, log_every=2, sample_every=40,
                                                  checkpoint_every=60)), run)
    writer = threading.Thread(target=trainer.run, daemon=True)
    writer.start()
    try:
        assert training.attach(run)
        qtbot.waitUntil(lambda: not writer.is_alive(), timeout=TIMEOUT * 2)
    finally:
        trainer.stop()
        writer.join(30)
        trainer.close()
    logged = [r for r in read_metrics(run / "metrics.jsonl")[0] if r.get("type", "log") == "log"]
    assert len(logged) == 60
    qtbot.waitUntil(lambda: _curve_points(training) == 60, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: training.samples.steps() == [40, 80, 120], timeout=TIMEOUT)
    assert training.curves.curve("loss_g").series.last_value == pytest.approx(logged[-1]["loss_g"])


def _finished_run(tmp_path):
    from ganstudio.train.trainer import Trainer
    run = tmp_path / "finished-run"
    t = Trainer(Recipe.from_dict(toy_recipe(steps=40, sample_every=20, checkpoint_every=0)), run)
    assert t.run() == "done"
    t.close()
    return run


def test_a_followed_run_directory_that_is_deleted_keeps_the_curves(training, qtbot, tmp_path):
    run = _finished_run(tmp_path)
    assert training.attach(run)
    qtbot.waitUntil(lambda: _curve_points(training) == 8, timeout=TIMEOUT)
    shutil.rmtree(run)
    qtbot.wait(1500)                                # three polls of a directory that is gone
    assert _curve_points(training) == 8 and training.following and training.state == "finished"
    assert training.samples.steps() == [20, 40]
    training.detach()
    assert training.attach(run) is False and "not a run directory" in training.notice.text()


def test_a_followed_run_directory_that_is_deleted_is_reported(training, qtbot, tmp_path):
    run = _finished_run(tmp_path)
    assert training.attach(run)
    qtbot.waitUntil(lambda: _curve_points(training) == 8, timeout=TIMEOUT)
    reports = []
    training.source.notice.connect(reports.append)
    shutil.rmtree(run)
    qtbot.waitUntil(lambda: "no longer exists" in training.notice.text(), timeout=2000)
    qtbot.wait(1200)                                # more polls of the missing directory: said once
    assert reports == [f"{run} no longer exists; the curves show what was read before"]
    assert _curve_points(training) == 8 and training.following and training.state == "finished"
