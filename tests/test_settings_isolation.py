"""The user's settings are the user's (issue 22): a benchmark driving the real window left the
app's runs folder pointing at a deleted temporary folder, so later trainings went where they
are lost at reboot."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from ganstudio.ui.app import ensure_app  # noqa: E402
from ganstudio.ui.training.settings import app_settings  # noqa: E402

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def settings_snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def close(window) -> None:
    window.training_panel().shutdown()
    window._close_approved = True
    window.close()          # saves the layout, as quitting the app does
    window.deleteLater()


def test_a_benchmark_run_leaves_the_users_settings_untouched(qtbot, tmp_path, monkeypatch):
    user = tmp_path / "user-settings"
    monkeypatch.setenv("GANSTUDIO_SETTINGS_DIR", str(user))
    monkeypatch.setenv("GANSTUDIO_CONFIG_DIR", str(tmp_path / "user-config"))
    s = app_settings()
    s.setValue("training/runs_root", str(Path.home() / "my runs"))
    s.setValue("recent_files", ["/data/model.pt"])
    s.setValue("window/tab", 0)
    s.sync()
    before = settings_snapshot(user)

    monkeypatch.syspath_prepend(str(BENCHMARKS))
    monkeypatch.delitem(sys.modules, "ui_responsiveness", raising=False)
    import ui_responsiveness as bench
    recipe = bench.bench_recipe(steps=10)
    recipe["data"] = {"kind": "toy", "toy": "ring8", "toy_samples": 500}   # no data to load
    recipe["model"] = {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 8, "layers": 2}
    from ganstudio.train.recipe import Recipe
    data = bench.load_data(Recipe.from_dict(recipe))
    _app, window, panel = bench.training_window(recipe, data, tmp_path / "bench-runs")
    assert panel.runs_root == tmp_path / "bench-runs"
    close(window)
    assert settings_snapshot(user) == before


def test_the_app_remembers_only_a_runs_folder_the_user_chose(main_window, qtbot, tmp_path):
    from ganstudio.ui.main_window import MainWindow
    w = main_window                              # the fixture sets runs_root, as a script would
    w.save_layout()
    assert app_settings().value("training/runs_root") is None

    chosen = Path.home() / "GAN Studio test runs"
    w.training_panel().choose_runs_root(chosen)         # Training > Runs folder…
    w.save_layout()
    assert app_settings().value("training/runs_root") == str(chosen)
    again = MainWindow()
    assert again.training_panel().runs_root == chosen
    close(again)


def test_a_temporary_or_missing_runs_folder_is_said_and_a_stored_temporary_one_dropped(qtbot, tmp_path):
    ensure_app()
    from ganstudio.ui.training.panel import TrainingPanel, default_runs_root
    s = app_settings()
    s.setValue("training/runs_root", str(tmp_path / "ganstudio-bench-x"))   # what a benchmark left
    s.sync()
    p = TrainingPanel()
    qtbot.addWidget(p)
    p.show()
    assert p.runs_root == default_runs_root()
    assert p.notice.isVisible() and "temporary" in p.notice.text()
    p.save_state(s)
    assert s.value("training/runs_root") is None

    p.choose_runs_root(tmp_path / "my-runs")    # the user insists on a temporary folder
    assert p.runs_root == tmp_path / "my-runs" and "temporary" in p.notice.text()
    p.save_state(s)
    assert s.value("training/runs_root") is None            # used now, never remembered
    missing = Path.home() / "no-such-drive" / "runs"
    p.choose_runs_root(missing)
    assert p.notice.isVisible() and "does not exist" in p.notice.text()
    p.shutdown()
