"""Comparing runs: recipe differences (Qt-free) and other runs drawn over the live curves."""
from __future__ import annotations

import json

import pytest

from ganstudio.train.run import RunDirError
from ganstudio.train.run_compare import read_run, recipe_differences

pytest.importorskip("pytestqt")


def write_run(folder, *, lr: float, steps: int = 5, loss: float = 1.0):
    folder.mkdir()
    (folder / "recipe.toml").write_text(
        f'title = "t"\n[optim]\nlr_g = {lr}\nlr_d = 0.0002\n[train]\nsteps = {steps}\n')
    with open(folder / "metrics.jsonl", "w") as f:
        for step in range(1, steps + 1):
            f.write(json.dumps({"type": "log", "step": step * 10, "time": step, "loss_d": loss,
                                "loss_g": 2 * loss, "d_real": 0.6}) + "\n")
        f.write(json.dumps({"type": "hyper", "step": 50, "lr_g": 0.1}) + "\n")
    return folder


def test_recipe_differences_list_only_the_keys_that_differ():
    a = {"title": "a", "optim": {"lr_g": 1e-3, "lr_d": 2e-4}, "train": {"steps": 10}}
    b = {"title": "b", "optim": {"lr_g": 5e-4, "lr_d": 2e-4}, "train": {"steps": 10, "seed": 3}}
    assert recipe_differences([a, b]) == [("optim.lr_g", [1e-3, 5e-4]), ("train.seed", [None, 3])]
    assert recipe_differences([a, a]) == []


def test_read_run_keeps_logged_steps_and_refuses_what_is_not_a_run(tmp_path):
    run = read_run(write_run(tmp_path / "r1", lr=1e-3))
    assert [r["step"] for r in run.records] == [10, 20, 30, 40, 50]
    assert run.recipe["optim"]["lr_g"] == 1e-3 and run.name == "r1"
    (tmp_path / "empty").mkdir()
    with pytest.raises(RunDirError, match="no metrics.jsonl"):
        read_run(tmp_path / "empty")


def test_compared_runs_are_drawn_over_the_curves_with_their_differences(training_panel, qtbot,
                                                                       tmp_path):
    curves = training_panel.curves
    overlay = curves.overlay
    overlay.add(write_run(tmp_path / "fast", lr=1e-3, loss=1.0))
    overlay.add(write_run(tmp_path / "slow", lr=1e-4, loss=3.0))
    qtbot.waitUntil(lambda: len(overlay.runs) == 2, timeout=10000)
    assert overlay.isVisible()
    plot = curves.loss_plot.getPlotItem()
    drawn = {run.records.name: run.items for run in overlay.runs}
    x, y = drawn["slow"]["loss_g"][1].getData()
    assert list(x) == [10, 20, 30, 40, 50] and y[-1] == pytest.approx(6.0, rel=1e-3)
    assert drawn["fast"]["loss_d"][1] in plot.listDataItems()
    text = overlay.differences.text()
    assert "optim.lr_g" in text and "0.001" in text and "0.0001" in text
    assert "optim.lr_d" not in text
    # the diagnostics group on show is drawn too, and follows the group box
    curves.group_box.setCurrentText("D(real) / D(fake)")
    assert "d_real" in drawn["fast"]
    overlay.add(tmp_path / "fast")                       # twice: refused, said
    assert "already compared" in overlay.message.text()
    overlay.remove("fast")
    assert [r.records.name for r in overlay.runs] == ["slow"]
    assert all(item not in plot.listDataItems() for _, item in drawn.get("fast", {}).values())


def test_a_folder_that_is_not_a_run_is_refused_with_its_reason(training_panel, qtbot, tmp_path):
    overlay = training_panel.curves.overlay
    (tmp_path / "photos").mkdir()
    overlay.add(tmp_path / "photos")
    qtbot.waitUntil(lambda: "no metrics.jsonl" in overlay.message.text(), timeout=10000)
    assert not overlay.runs and overlay.isVisible()


def test_differences_are_against_the_attached_runs_own_recipe(training_panel, qtbot, tmp_path):
    from ganstudio.train.recipe import Recipe, apply_overrides
    base = {"model": {"family": "dcgan", "resolution": 32, "channels": 3, "z_dim": 16,
                      "base_channels": 8},
            "data": {"kind": "emoji", "emoji_subset": "faces", "mirror": True},
            "train": {"steps": 5}}
    runs = {}
    for name, lr in (("shown", 2e-4), ("other", 1e-3)):
        folder = write_run(tmp_path / name, lr=lr)
        recipe = Recipe.from_dict(apply_overrides(base, [f"optim.lr_g={lr}"]))
        (folder / "recipe.toml").write_text(recipe.to_toml())
        runs[name] = folder
    training_panel.load_lesson("game_1d")
    assert training_panel.attach(runs["shown"])
    assert training_panel.lesson_box.currentIndex() == 0     # "choose a lesson", not the 1-D game
    qtbot.waitUntil(lambda: training_panel.source.recipe_dict is not None, timeout=10000)
    assert training_panel.form.recipe().data.mirror         # the form keeps what it shows
    training_panel.curves.overlay.add(runs["other"])
    overlay = training_panel.curves.overlay
    qtbot.waitUntil(lambda: len(overlay.runs) == 1, timeout=10000)
    text = overlay.differences.text()
    assert "this run" in text and "optim.lr_g" in text
    assert "data.mirror" not in text and "model." not in text


def test_hovering_a_plot_reads_every_visible_curve_at_the_step(training_panel, qtbot, tmp_path):
    from ganstudio.ui.training.hover import value_at
    import numpy as np
    assert value_at(np.array([10., 20., 30.]), np.array([1., np.nan, 3.]), 19) == (10.0, 1.0)
    assert value_at(np.array([10., 20., 30.]), np.array([1., 2., 3.]), 26) == (30.0, 3.0)
    curves = training_panel.curves
    assert training_panel.attach(write_run(tmp_path / "shown", lr=1e-3, loss=1.0))
    qtbot.waitUntil(lambda: len(curves.history.steps) == 5, timeout=10000)
    curves.overlay.add(write_run(tmp_path / "other", lr=1e-4, loss=3.0))
    qtbot.waitUntil(lambda: len(curves.overlay.runs) == 1, timeout=10000)
    curves.refresh()
    # the mouse over the loss plot at step 30 (the scene's own mouse-move signal: a synthetic
    # cursor move would reach whichever window lies on top of the offscreen screen)
    vb = curves.loss_plot.getViewBox()
    curves.loss_plot.scene().sigMouseMoved.emit(vb.mapViewToScene(pg_point(30.0, 1.0)))
    assert curves.hover.step == pytest.approx(30.0, abs=1.0)
    text = curves.hover.text(curves.loss_plot)
    assert "step 30" in text and "D loss: 1" in text and "G loss: 2" in text
    assert "other · G loss: 6" in text
    assert "D(real)" in curves.hover.text(curves.diag_plot)
    curves.hover.hide()
    assert curves.hover.text(curves.loss_plot) == ""


def pg_point(x, y):
    from PySide6.QtCore import QPointF
    return QPointF(x, y)


def test_compare_runs_opens_in_the_runs_folder(training_panel, qtbot, tmp_path, monkeypatch):
    from ganstudio.ui.training import overlay as overlay_module
    overlay = training_panel.curves.overlay
    asked = []
    monkeypatch.setattr(overlay_module.QFileDialog, "getExistingDirectory",
                        lambda parent, title, folder: asked.append(folder) or "")
    training_panel.runs_root.mkdir(parents=True)
    overlay.choose()                                     # no run on show: where runs go
    assert asked[-1] == str(training_panel.runs_root)
    server = tmp_path / "server"
    server.mkdir()
    assert training_panel.attach(write_run(server / "shown", lr=1e-3))
    overlay.choose()                                     # beside the run on show
    assert asked[-1] == str(server)
    overlay.add(write_run(tmp_path / "elsewhere", lr=1e-4))
    qtbot.waitUntil(lambda: len(overlay.runs) == 1, timeout=10000)
    overlay.choose()                                     # where the last compared run was
    assert asked[-1] == str(tmp_path)


def test_closing_the_panel_while_a_run_is_read_is_quiet(qtbot, tmp_path, monkeypatch, capfd):
    import threading
    import shiboken6
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.training import overlay as overlay_module
    from ganstudio.ui.training.panel import TrainingPanel
    ensure_app()
    release, reading = threading.Event(), threading.Event()

    def slow_read(path):
        reading.set()
        release.wait(10)
        return read_run(path)
    monkeypatch.setattr(overlay_module, "read_run", slow_read)
    panel = TrainingPanel()
    panel.runs_root = tmp_path / "runs"
    panel.show()
    overlay = panel.curves.overlay
    overlay.add(write_run(tmp_path / "big", lr=1e-3))
    assert reading.wait(10)
    panel.close()
    panel.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(overlay), timeout=5000)
    release.set()                                        # the read ends after the panel is gone
    for t in [t for t in threading.enumerate() if t.name == "read-run"]:
        t.join(10)
    qtbot.wait(100)                                      # deliver anything that was queued
    err = capfd.readouterr().err
    assert not [w for w in ("Traceback", "RuntimeError", "QObject", "QThread") if w in err], err


def test_the_hover_readout_keeps_clear_of_the_legend(training_panel, qtbot, tmp_path):
    curves = training_panel.curves
    assert training_panel.attach(write_run(tmp_path / "shown", lr=1e-3, steps=40))
    qtbot.waitUntil(lambda: len(curves.history.steps) == 40, timeout=10000)
    training_panel.refresh_now()
    legend = curves.loss_plot.getPlotItem().legend
    label = curves.hover._parts[curves.loss_plot][1]
    for step in (10, 200, 400):                          # left, middle, right (under the legend)
        curves.hover.show_at(step)
        assert label.isVisible()
        assert not label.sceneBoundingRect().intersects(legend.sceneBoundingRect()), step
        assert curves.loss_plot.getViewBox().sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5).contains(
            label.sceneBoundingRect().topLeft())          # still inside the plot (to a sub-pixel)
