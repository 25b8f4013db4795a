"""The main window: opening things, remembered layout, presentation mode, closing mid-run."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtGui import QAction  # noqa: E402

from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.train.recipe import Recipe  # noqa: E402
from ganstudio.ui.app import UNTRAINED_NOTICE, ensure_app, open_initial  # noqa: E402

TIMEOUT = 30_000


def toy_recipe(steps=100_000) -> dict:
    return {"title": "tiny ring", "name": "tiny-ring",
            "model": {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 16, "layers": 2},
            "data": {"kind": "toy", "toy": "ring8", "toy_samples": 2000},
            "train": {"steps": steps, "batch": 32, "log_every": 10, "sample_every": 0,
                      "checkpoint_every": 0, "device": "cpu", "threads": 1}}


@pytest.fixture
def window(main_window):
    return main_window


def test_starts_with_a_lesson_and_shows_the_device(window):
    assert window.tabs.count() == 2
    assert window.tabs.tabText(0) == "Training" and window.tabs.tabText(1) == "Explorer"
    assert window.device_label.text() == "Training: CPU"   # no CUDA in the test environment
    window.tabs.setCurrentIndex(0)
    assert window.training_panel().lesson_pane.isVisible()
    recipe = window.training_panel().form.recipe()
    assert recipe is not None and recipe.data.kind == "toy" and recipe.train.steps <= 2000
    assert window.activity_label.text() == "idle"


def test_untrained_generator_notice_when_no_model_ships(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_RESOURCES", str(tmp_path / "no-resources"))
    open_initial(window, None)
    assert window.notice.isVisible() and UNTRAINED_NOTICE in window.notice.text().lower()
    assert window.tabs.currentWidget().isAncestorOf(window.explorer)


def test_open_path_routes_recipes_and_run_dirs_and_remembers_them(window, qtbot, tmp_path):
    from ganstudio.ui.explorer.files import recent_files
    recipe = tmp_path / "mine.toml"
    recipe.write_text(Recipe.from_dict(toy_recipe(steps=321)).to_toml())
    assert window.open_path(str(recipe))
    assert window.tabs.currentWidget().isAncestorOf(window.training_panel())
    assert window.training_panel().form.recipe().train.steps == 321
    run = tmp_path / "a-run"
    (run / "samples").mkdir(parents=True)
    (run / "metrics.jsonl").write_text('{"step": 5, "loss_d": 1.0, "loss_g": 0.5}\n')
    assert window.open_path(str(run))
    assert window.training_panel().state == "attached"
    assert "following" in window.activity_label.text()
    recent = recent_files()
    assert recent[0] == str(run.resolve()) and str(recipe.resolve()) in recent
    assert not window.open_path(str(tmp_path / "missing.pt"))
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert "a-run" in texts and "mine.toml" in texts


def test_layout_is_remembered_between_runs(window, qtbot):
    from ganstudio.ui.main_window import MainWindow
    window.tabs.setCurrentIndex(0)
    window.training_panel().main_split.setSizes([300, 900])
    window.save_layout()
    other = MainWindow()
    qtbot.addWidget(other)
    other.tabs.setCurrentIndex(1)
    other.restore_layout()
    assert other.tabs.currentIndex() == 0
    assert other.training_panel().main_split.saveState() == window.training_panel().main_split.saveState()


def test_presentation_mode_enlarges_fonts_and_curves(window, qtbot):
    from ganstudio.ui.training import style
    app = ensure_app()
    size = app.font().pointSizeF()
    window.presentation_action.trigger()
    assert window.presentation_action.isChecked()
    assert app.font().pointSizeF() > size * 1.3 and style.pen_scale() > 2
    qtbot.waitUntil(window.isFullScreen, timeout=5000)
    window.presentation_action.trigger()
    assert app.font().pointSizeF() == pytest.approx(size) and style.pen_scale() == 1
    assert not window.isFullScreen()


def test_menus_and_shortcuts(window):
    from ganstudio.ui.training.guide import GETTING_STARTED, ShortcutsDialog
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Training", "View", "Help"]
    keys = {a.shortcut().toString(): a.text().replace("&", "") for a in window.findChildren(QAction)
            if not a.shortcut().isEmpty()}
    assert keys["Ctrl+O"].startswith("Open") and keys["Ctrl+Q"] == "Quit"
    assert keys["Space"] == "Pause" and keys["F11"] == "Presentation mode"
    assert keys["Ctrl+S"] == "Save recipe"
    dialog = ShortcutsDialog(window.findChildren(QAction), window)
    listed = {dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())}
    assert {"Space", "F11", "Ctrl+O", "Ctrl+Q"} <= listed
    assert "Training panel" in GETTING_STARTED and "Explorer panel" in GETTING_STARTED


def _start_toy(window, qtbot):
    window.training_panel().form.set_values(toy_recipe())
    assert window.training_panel().start()
    qtbot.waitUntil(lambda: window.training_panel().state == "running", timeout=TIMEOUT)
    worker = window.training_panel().session.worker
    qtbot.waitUntil(lambda: worker.trainer is not None and worker.trainer.step_count > 5,
                    timeout=TIMEOUT)
    return worker


def test_closing_while_training_can_be_cancelled(window, qtbot, monkeypatch):
    worker = _start_toy(window, qtbot)
    monkeypatch.setattr(window, "confirm_stop_training", lambda: False)
    window.close()
    qtbot.wait(100)
    assert window.isVisible() and worker.isRunning() and window.training_panel().state == "running"


def test_closing_mid_run_stops_cleanly_with_a_loadable_checkpoint(window, qtbot, monkeypatch):
    worker = _start_toy(window, qtbot)
    asked = []
    monkeypatch.setattr(window, "confirm_stop_training", lambda: asked.append(1) or True)
    window.close()
    assert asked == [1]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
    assert not worker.isRunning() and worker.status == "stopped"
    ckpt = load_checkpoint(window.training_panel().session.run_dir)
    assert ckpt.step == worker.trainer.step_count > 5
    assert ckpt.D is not None and ckpt.recipe["train"]["steps"] == 100_000


def test_open_in_explorer_shows_the_generator_being_trained(window, qtbot):
    from ganstudio.train.idxfile import fashion_mnist_files
    try:
        fashion_mnist_files("", "train")
    except Exception:
        pytest.skip("Fashion-MNIST is not installed")
    if not hasattr(window.explorer, "model_changed"):
        pytest.skip("the Explorer panel is not available")
    window.training_panel().form.set_values({
        "name": "tiny-mlp", "model": {"family": "mlp", "resolution": 16, "z_dim": 8, "hidden": [32]},
        "data": {"kind": "fashion_mnist", "limit": 256},
        "train": {"steps": 100_000, "batch": 16, "log_every": 5, "sample_every": 10,
                  "checkpoint_every": 0, "device": "cpu", "threads": 1, "sample_grid": "2x4"}})
    assert window.training_panel().start()
    qtbot.waitUntil(lambda: bool(window.training_panel().samples.steps()), timeout=TIMEOUT)  # a live grid
    assert window.training_panel().samples.view.image() is not None
    explorer_action = window.training_panel().controls.explorer_action
    assert explorer_action.isEnabled()
    with qtbot.waitSignal(window.explorer.model_changed, timeout=TIMEOUT) as opened:
        explorer_action.trigger()
    assert window.tabs.currentWidget().isAncestorOf(window.explorer)
    assert opened.args[0]["family"] == "mlp" and opened.args[0]["step"] >= 10
    assert window.training_panel().is_training()                                       # training goes on


def test_the_training_panel_is_built_after_start_up_when_first_needed(qtbot):
    ensure_app()
    from ganstudio.ui.main_window import MainWindow
    w = MainWindow()
    try:
        w.show()
        from ganstudio.ui.training.panel import TrainingPanel
        assert not w.training_tab.findChildren(TrainingPanel)   # not on the start-up path
        assert not w.training_menu.actions()
        w.tabs.setCurrentIndex(0)                       # the Training tab builds it
        assert isinstance(w.training_tab.widget(), TrainingPanel)   # and shows it in the tab
        names = [a.text().replace("&", "") for a in w.training_menu.actions()]
        assert "Attach to run directory…" in names and len(names) >= 7
        assert w.training_panel().form.recipe().title          # the first-run lesson is loaded
    finally:
        w._close_approved = True
        w.close()
        w.deleteLater()


def test_the_training_panel_builds_itself_shortly_after_start_up(qtbot):
    ensure_app()
    from ganstudio.ui.main_window import MainWindow
    w = MainWindow()
    try:
        from ganstudio.ui.training.panel import TrainingPanel
        qtbot.waitUntil(lambda: isinstance(w.training_tab.widget(), TrainingPanel), timeout=TIMEOUT)
    finally:
        w._close_approved = True
        w.close()
        w.deleteLater()


def test_an_explorer_that_cannot_be_built_leaves_a_message_and_a_working_window(qtbot, monkeypatch, tmp_path):
    ensure_app()
    from ganstudio.ui.explorer import panel
    from ganstudio.ui.main_window import MainWindow

    def broken(self, *a, **k):
        raise RuntimeError("no render thread")
    monkeypatch.setattr(panel.ExplorerPanel, "__init__", broken)
    w = MainWindow()
    try:
        w.show()
        assert w.explorer is None
        assert "no render thread" in w.explorer_tab.widget().text()     # said where it would be
        files = [a.text().replace("&", "") for a in w.menuBar().actions()[0].menu().actions()]
        assert "Project an image…" not in files and not w.export_menu.isEnabled()
        assert not w.open_path("resources/models/stylegan_fashion32.pt")   # refused, and why
        assert "no render thread" in w.statusBar().currentMessage()
        w.set_presentation(True)                                        # the rest still works
        w.set_presentation(False)
        t = w.training_panel()
        t.runs_root = tmp_path / "runs"
        t.form.set_values(toy_recipe(steps=30))
        assert t.start()
        qtbot.waitUntil(lambda: t.state in ("finished", "idle"), timeout=TIMEOUT)
    finally:
        w.training_panel().shutdown()
        w._close_approved = True
        w.close()
        w.deleteLater()


def test_start_up_does_not_import_the_plotting_library():
    import subprocess
    import sys
    code = ("import sys\nfrom ganstudio.ui.app import ensure_app\nensure_app()\n"
            "from ganstudio.ui.main_window import MainWindow\nw = MainWindow()\n"
            "print('pyqtgraph' in sys.modules)\nw.tabs.setCurrentIndex(0)\n"
            "print('pyqtgraph' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["False", "True"], out.stderr[-2000:]


def test_the_shipped_models_menu_opens_each_model_in_the_explorer(window, qtbot):
    from ganstudio import resources
    shipped = resources.shipped_models()
    window.shipped_menu.aboutToShow.emit()
    actions = window.shipped_menu.actions()
    if not shipped:
        assert [a.text() for a in actions] == ["(none installed)"]
        return
    assert [a.statusTip() for a in actions] == [str(p) for p in shipped]
    with qtbot.waitSignal(window.explorer.model_changed, timeout=TIMEOUT) as sig:
        actions[0].trigger()
    assert sig.args[0]["path"] == str(shipped[0])
    assert window.tabs.currentWidget().isAncestorOf(window.explorer)


def test_recent_files_open_checkpoints_in_the_background(window, qtbot, tmp_path):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from explorer_models import dcgan_generator, save
    from ganstudio.ui.explorer.files import add_recent
    good = save(tmp_path / "good.pt", dcgan_generator())
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a checkpoint")
    for p in (bad, good):
        add_recent(p)
    window.recent_menu.aboutToShow.emit()
    actions = {a.text(): a for a in window.recent_menu.actions()}
    before = window.explorer.source
    actions["good.pt"].trigger()              # returns at once; the model arrives from the worker
    assert window.explorer.source is before   # (its result is queued to this thread)
    qtbot.waitUntil(lambda: window.explorer.source is not None
                    and Path(window.explorer.source.checkpoint_path).name == "good.pt", timeout=TIMEOUT)
    opened = window.explorer.source
    actions["bad.pt"].trigger()
    qtbot.waitUntil(lambda: "bad.pt" in window.explorer.banner.label.text(), timeout=TIMEOUT)
    assert "Could not open" in window.explorer.banner.label.text()
    assert window.explorer.source is opened    # the good model stays
