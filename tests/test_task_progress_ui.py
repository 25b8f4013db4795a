"""The Explorer's long jobs (opening a model, exporting) show progress and can be cancelled;
a cancelled open leaves the open model as it was, a cancelled export writes nothing."""
from __future__ import annotations

import threading
from enum import Enum

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from explorer_models import save, style_generator
from official_pickles import marker_source, network_pickle, official_like, sg2_generator_record
from ganstudio.ui.explorer.export_dialog import ExportChoice
from ganstudio.ui.explorer.task_progress import TaskProgress
from ganstudio.ui.render_worker import Job


@pytest.fixture
def files(tmp_path):
    ckpt = save(tmp_path / "style.pt", style_generator())
    pkl = tmp_path / "official.pkl"
    pkl.write_bytes(network_pickle(sg2_generator_record(official_like(), marker_source(tmp_path / "ran"))))
    return ckpt, pkl


class Held(Enum):
    GATE = "gate"


def _block(panel):
    """Hold the render thread until the returned event is set (jobs queue behind it)."""
    gate = threading.Event()
    panel.worker.submit_job(Job(Held.GATE), lambda: gate.wait(10))
    return gate


def _dialogs(panel):
    return [d for d in panel.findChildren(QProgressDialog)]


def _press_cancel(dialog):
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
    button.click()


def test_cancelling_an_open_keeps_the_open_model(qtbot, explorer_panel, files):
    p = explorer_panel
    ckpt, pkl = files
    with qtbot.waitSignal(p.first_image_shown, timeout=15000):
        assert p.open_path(ckpt)
    before = p.source.checkpoint_path
    gate = _block(p)
    assert p.open_path(pkl, wait=False)
    (dialog,) = _dialogs(p)
    assert "Opening official.pkl" in dialog.labelText()
    _press_cancel(dialog)
    gate.set()
    qtbot.waitUntil(lambda: not _dialogs(p) and p.worker.is_idle(), timeout=15000)
    assert p.source.checkpoint_path == before and p.state.model is not None
    assert not p.banner.isVisible() or "cancel" in p.banner.text().lower()


def test_a_newer_open_supersedes_a_running_one_and_the_model_arrives(qtbot, explorer_panel, files):
    p = explorer_panel
    ckpt, pkl = files
    gate = _block(p)
    assert p.open_path(ckpt, wait=False) and p.open_path(pkl, wait=False)
    gate.set()
    qtbot.waitUntil(lambda: p.source is not None and p.source.checkpoint_path.endswith("official.pkl")
                    and p.worker.is_idle() and not _dialogs(p), timeout=15000)


def test_a_cancelled_export_writes_nothing(qtbot, explorer_panel, files, tmp_path):
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=15000):
        assert p.open_path(files[0])
    out = tmp_path / "out" / "grid.png"
    gate = _block(p)
    messages = []
    p.status_message.connect(messages.append)
    p.export(ExportChoice("grid", out, rows=4, cols=4, sidecar=True, latents=True))
    (dialog,) = _dialogs(p)
    _press_cancel(dialog)
    gate.set()
    qtbot.waitUntil(lambda: any("cancelled" in m for m in messages), timeout=15000)
    qtbot.waitUntil(lambda: not _dialogs(p), timeout=5000)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_an_export_that_runs_to_the_end_closes_its_dialog(qtbot, explorer_panel, files, tmp_path):
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=15000):
        assert p.open_path(files[0])
    out = tmp_path / "grid.png"
    p.export(ExportChoice("grid", out, rows=2, cols=2, sidecar=False))
    qtbot.waitUntil(lambda: out.exists() and not _dialogs(p), timeout=15000)


def test_a_second_export_started_before_the_first_ends_runs_too(qtbot, explorer_panel, files, tmp_path):
    # the user exports twice in a row: both files are written, each with its own dialog, and the
    # first one's end does not close (and break) the second one's
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=15000):
        assert p.open_path(files[0])
    first, second = tmp_path / "a.png", tmp_path / "g.png"
    errors = []
    p.worker.job_done.connect(lambda job, value, error: error and errors.append(error))
    gate = _block(p)
    p.export(ExportChoice("image", first))
    between = _block(p)                  # the second export waits until the first has ended
    p.export(ExportChoice("grid", second, rows=2, cols=2, sidecar=False))
    assert len(_dialogs(p)) == 2
    gate.set()
    qtbot.waitUntil(lambda: first.exists() and len(_dialogs(p)) == 1, timeout=15000)
    between.set()
    qtbot.waitUntil(lambda: second.exists() and not _dialogs(p), timeout=15000)
    assert errors == []


def test_the_dialog_shows_the_fraction_and_time_left_reported_from_another_thread(qtbot, explorer_panel):
    task = TaskProgress(explorer_panel, "Export", "Exporting walk.gif…")
    t = threading.Thread(target=lambda: [task.report(f) for f in (0.1, 0.25, 0.5)])
    t.start()
    t.join()
    qtbot.waitUntil(lambda: task.dialog.value() == 500, timeout=5000)
    assert "50 %" in task.dialog.labelText() and "left" in task.dialog.labelText()
    _press_cancel(task.dialog)
    with pytest.raises(BaseException) as info:
        task.report(0.6)
    assert type(info.value).__name__ == "Cancelled"
    task.finish()
