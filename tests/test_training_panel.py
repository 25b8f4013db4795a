"""The Training panel driven like a user would: real widgets, a real (tiny) trainer thread."""
from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.train.losses import optimal_discriminator  # noqa: E402
from ganstudio.train.recipe import Recipe  # noqa: E402
from ganstudio.ui.app import ensure_app  # noqa: E402

TIMEOUT = 30_000


def toy_recipe(toy="ring8", steps=100_000, **train) -> dict:
    dim = 1 if toy == "gauss1d" else 2
    return {"title": f"tiny {toy}", "name": f"tiny-{toy}",
            "model": {"family": "toy", "data_dim": dim, "z_dim": dim, "hidden": 16, "layers": 2},
            "data": {"kind": "toy", "toy": toy, "toy_samples": 2000},
            "train": {"steps": steps, "batch": 32, "log_every": 5, "sample_every": 50,
                      "checkpoint_every": 0, "device": "cpu", "threads": 1, **train}}


@pytest.fixture
def panel(training_panel):
    return training_panel


def curve_points(p, key: str) -> int:
    p.curves.refresh()
    c = p.curves.curve(key)
    return 0 if c is None else len(c.series)


def test_start_pause_resume_stop_changes_state_controls_and_plots(panel, qtbot):
    panel.form.set_values(toy_recipe())
    c = panel.controls
    assert panel.form.recipe() is not None and c.start_action.isEnabled()
    assert not c.pause_action.isEnabled() and not c.stop_action.isEnabled()

    panel.start()
    qtbot.waitUntil(lambda: panel.state == "running", timeout=TIMEOUT)
    assert not c.start_action.isEnabled() and c.stop_action.isEnabled()
    assert not panel.form.data.box.isEnabled()          # the form is locked while training
    qtbot.waitUntil(lambda: curve_points(panel, "loss_d") >= 3, timeout=TIMEOUT)
    assert curve_points(panel, "loss_g") >= 3
    x, y = panel.curves.curve("loss_d").smooth.getData()
    assert x is not None and len(x) >= 1 and np.isfinite(y).all()

    c.pause_action.trigger()
    qtbot.waitUntil(lambda: panel.state == "paused", timeout=TIMEOUT)
    assert c.pause_action.text() == "&Resume"
    qtbot.wait(250)                        # a step under way when Pause was pressed finishes
    step = panel.session.worker.trainer.step_count
    qtbot.wait(300)
    assert panel.session.worker.trainer.step_count == step   # nothing trains while paused

    c.pause_action.trigger()
    qtbot.waitUntil(lambda: panel.state == "running", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.session.worker.trainer.step_count > step + 10, timeout=TIMEOUT)
    assert c.pause_action.text() == "&Pause"
    assert c.progress.value() > 0 and c.progress.maximum() == 100_000

    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT) as finished:
        c.stop_action.trigger()
    assert finished.args == ["stopped"]
    assert panel.state == "finished"
    assert "ETA" not in c.rate_label.text() and "steps/s" in c.rate_label.text()
    assert c.start_action.isEnabled() and not c.stop_action.isEnabled()
    assert panel.form.data.box.isEnabled()
    ckpt = load_checkpoint(panel.session.run_dir / "checkpoints" / "latest.pt")
    assert ckpt.step == panel.session.worker.trainer.step_count > step

    # both plots kept following the run (x auto-range on), and zooming one moves the other
    last = panel.curves.curve("loss_d").series.x[-1]
    for plot in (panel.curves.loss_plot, panel.curves.diag_plot):
        qtbot.waitUntil(lambda plot=plot: plot.getPlotItem().viewRange()[0][1] >= last, timeout=5000)
    vb = panel.curves.loss_plot.getViewBox()
    vb.setXRange(0, 20, padding=0)
    vb.sigRangeChangedManually.emit([True, False])
    assert panel.curves.diag_plot.getPlotItem().viewRange()[0] == pytest.approx([0, 20])
    panel.curves.reset_view.click()
    qtbot.waitUntil(lambda: panel.curves.diag_plot.getPlotItem().viewRange()[0][1] >= last, timeout=5000)


def test_invalid_field_is_marked_and_blocks_start(panel, qtbot):
    panel.form.set_values(toy_recipe())
    start = panel.controls.start_action
    assert start.isEnabled()
    lr = panel.form.editor("optim.lr_g")
    lr.widget.setFocus()
    lr.widget.selectAll()
    qtbot.keyClicks(lr.widget, "-0.5")
    assert not start.isEnabled()
    assert lr.widget.property("invalid") is True
    assert "optim.lr_g" in lr.widget.toolTip() and "must be > 0" in lr.widget.toolTip()
    assert "optim.lr_g" in panel.form.error_label.text()
    assert panel.start() is False and panel.session.worker is None

    lr.widget.selectAll()
    qtbot.keyClicks(lr.widget, "abc")
    assert not start.isEnabled() and "expected a number" in lr.widget.toolTip()

    lr.widget.selectAll()
    qtbot.keyClicks(lr.widget, "2e-4")
    assert start.isEnabled()
    assert not lr.widget.property("invalid")
    assert not panel.form.error_label.isVisible()
    assert panel.form.recipe().optim.lr_g == pytest.approx(2e-4)


def test_cross_field_error_marks_the_named_field(panel, qtbot):
    d = toy_recipe()
    d["model"]["pack"] = 3              # batch 32 is not a multiple of 3
    panel.form.set_values(d)
    assert not panel.controls.start_action.isEnabled()
    batch = panel.form.editor("train.batch").widget
    assert batch.property("invalid") is True and "model.pack" in batch.toolTip()


def _write_run(tmp_path, steps=40):
    from ganstudio.train.trainer import Trainer
    run = tmp_path / "server-run"
    recipe = Recipe.from_dict(toy_recipe(steps=steps, sample_every=20))
    t = Trainer(recipe, run)
    assert t.run() == "done"
    t.close()
    return run


def test_attaching_to_a_run_directory_shows_its_curves_and_follows_growth(panel, qtbot, tmp_path):
    run = _write_run(tmp_path)
    assert panel.attach(run)
    assert panel.state == "attached" and not panel.controls.start_action.isEnabled()
    qtbot.waitUntil(lambda: curve_points(panel, "loss_d") == 8, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.samples.steps() == [20, 40], timeout=TIMEOUT)
    assert panel.samples.shown_step() == 40
    assert panel.form.recipe() is not None and panel.form.recipe().train.steps == 40
    qtbot.waitUntil(lambda: panel.controls.progress.value() == 40, timeout=TIMEOUT)

    # the run grows (another process appends); a partial last line waits until it is complete
    with open(run / "metrics.jsonl", "a") as f:
        f.write(json.dumps({"type": "log", "step": 45, "time": 1.0, "loss_d": 1.0, "loss_g": 2.0}) + "\n")
        f.write('{"type": "log", "step": 50, "loss_d"')
    qtbot.waitUntil(lambda: curve_points(panel, "loss_d") == 9, timeout=TIMEOUT)
    qtbot.wait(700)
    assert curve_points(panel, "loss_d") == 9
    with open(run / "metrics.jsonl", "a") as f:
        f.write(': 1.5, "loss_g": 2.5}\n')
    qtbot.waitUntil(lambda: curve_points(panel, "loss_d") == 10, timeout=TIMEOUT)
    assert panel.curves.curve("loss_g").series.last_value == 2.5

    # scrubbing back shows an earlier grid
    panel.samples.slider.setValue(0)
    assert panel.samples.shown_step() == 20 and not panel.samples.follow.isChecked()
    panel.detach()
    assert panel.state == "idle" and panel.source is None and not panel.following


def test_diagnostics_offer_what_the_run_logged_one_unit_per_plot_and_say_why_empty(panel, qtbot, tmp_path):
    curves = panel.curves
    assert curves.loss_note.isVisible() and "start training" in curves.loss_note.text()
    assert panel.attach(_write_run(tmp_path))                 # a 2-D toy run
    toy_groups = {"Modes captured (toy)", "High-quality share (toy)"}
    qtbot.waitUntil(lambda: toy_groups <= set(curves.groups()), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not curves.loss_note.isVisible(), timeout=TIMEOUT)
    curves.group_box.setCurrentText("Modes captured (toy)")  # a count ...
    assert curves.diag_plot.getPlotItem().getAxis("left").labelText == "modes"
    curves.group_box.setCurrentText("High-quality share (toy)")   # ... and a share: two axes
    assert curves.diag_plot.getPlotItem().getAxis("left").labelText == "share"
    assert not curves.diag_note.isVisible()

    panel.detach()
    panel.load_lesson("dcgan_fashion")                       # not a toy run: no mode coverage
    assert not toy_groups & set(curves.groups())
    assert curves.group_box.currentText() == "D(real) / D(fake)"

    run = tmp_path / "dcgan-run"                            # a run that logged no gradient norms
    run.mkdir()
    with open(run / "metrics.jsonl", "w") as f:
        for step in (10, 20, 30):
            f.write(json.dumps({"type": "log", "step": step, "time": step / 10, "loss_d": 1.0,
                                "loss_g": 0.5, "d_real": 0.7, "d_fake": 0.3}) + "\n")
    assert panel.attach(run)
    qtbot.waitUntil(lambda: curve_points(panel, "d_real") == 3, timeout=TIMEOUT)
    assert not toy_groups & set(curves.groups())
    curves.group_box.setCurrentText("Gradient norms")
    assert curves.diag_note.isVisible() and "not logged Gradient norms" in curves.diag_note.text()
    curves.group_box.setCurrentText("D(real) / D(fake)")
    assert not curves.diag_note.isVisible()


def test_teaching_view_draws_the_optimal_discriminator_for_1d(panel, qtbot):
    panel.form.set_values(toy_recipe("gauss1d", sample_every=100_000))
    panel.views.setCurrentWidget(panel.toy)
    panel.start()
    qtbot.waitUntil(lambda: panel.toy.last_snapshot is not None
                    and panel.toy.last_snapshot["step"] >= 10, timeout=TIMEOUT)
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT):
        panel.stop()
    snap = panel.toy.last_snapshot
    assert snap["dim"] == 1
    view = panel.toy.view_1d
    assert panel.toy.currentWidget() is view
    x, dstar = view.dstar_curve.getData()
    expected = optimal_discriminator(snap["p_data"], snap["p_g"])
    np.testing.assert_allclose(x, snap["x"])
    np.testing.assert_allclose(dstar, expected)
    assert view.dstar_curve.isVisible() and 0 <= dstar.min() and dstar.max() <= 1
    _, d = view.d_curve.getData()
    np.testing.assert_allclose(d, snap["d_value"])
    assert view.half_line.value() == 0.5
    # the histograms show real and generated samples
    assert view.real_hist.getData()[1].sum() > 0


def test_two_d_teaching_view_shows_heat_map_field_and_modes(qtbot):
    ensure_app()
    from ganstudio.train.trainer import Trainer
    from ganstudio.ui.training.toy_views import ToyView
    t = Trainer(Recipe.from_dict(toy_recipe(steps=5)), None)
    t.run()
    snap = t.toy_snapshot()
    view = ToyView()
    qtbot.addWidget(view)
    view.show_snapshot(snap)
    v2 = view.view_2d
    assert view.currentWidget() is v2
    assert v2.heat.image.shape == snap["d_value"].shape
    assert len(v2.arrows.getData()[0]) == 6 * snap["field"]["u"].size
    assert "modes captured" in v2.stats.text() and "/8" in v2.stats.text()


def test_errors_in_the_worker_become_a_message(panel, qtbot, tmp_path):
    d = toy_recipe()
    d["model"] = {"family": "mlp", "resolution": 16, "hidden": [16]}
    d["data"] = {"kind": "idx", "path": str(tmp_path / "missing-images.idx")}
    panel.form.set_values(d)
    assert panel.form.recipe() is not None
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT) as finished:
        panel.start()
    assert finished.args == ["failed"]
    assert panel.notice.isVisible() and "missing-images.idx" in panel.notice.text()
    assert panel.state == "finished" and panel.controls.start_action.isEnabled()


def test_lesson_loads_a_valid_recipe_and_shows_its_text(panel):
    from ganstudio.ui.training.lessons import LESSONS
    for item in LESSONS:
        for i in range(len(item.variants)):
            panel.load_lesson(item.key, i)
            assert panel.form.recipe() is not None, (item.key, i, panel.form.error())
            assert panel.lesson_pane.isVisible() and panel.lesson_pane.title.text() == item.title
    panel.load_lesson("mode_collapse", 0)
    assert panel.form.recipe().objective.name == "minimax"
    panel.load_lesson("mode_collapse", 1)
    assert panel.form.recipe().objective.name == "nonsaturating"
    assert panel.form.recipe().objective.r1 > 0


def test_a_new_lesson_or_recipe_clears_the_previous_runs_plots_and_progress(panel, qtbot, tmp_path):
    panel.form.set_values(toy_recipe(steps=40))
    messages = []
    panel.status_message.connect(messages.append)
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT):
        panel.start()
    run_dir = panel.session.run_dir
    c = panel.controls
    assert curve_points(panel, "loss_d") > 0 and c.progress.text() == "step 40 / 40"
    assert panel.toy.last_snapshot is not None
    assert "ETA" not in c.rate_label.text()                  # finished: nothing left to wait for

    panel.load_lesson("dcgan_fashion")
    assert curve_points(panel, "loss_d") == 0 and curve_points(panel, "d_real") == 0
    assert "Losses" == panel.curves.loss_plot.getPlotItem().titleLabel.text
    for plot in (panel.curves.loss_plot, panel.curves.diag_plot):   # the old steps left the axis
        assert plot.getPlotItem().viewRange()[0][1] < 40
    steps = panel.form.recipe().train.steps
    assert c.progress.text() == f"step 0 / {steps:,}" and c.rate_label.text() == ""
    assert panel.toy.last_snapshot is None and panel.samples.steps() == []
    assert str(run_dir) in messages[-1] and (run_dir / "metrics.jsonl").is_file()   # still there

    panel.form.set_values(toy_recipe(steps=20))              # a preset does the same
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT):
        panel.start()
    path = tmp_path / "preset.toml"
    path.write_text(panel.recipe_toml(), encoding="utf-8")
    assert curve_points(panel, "loss_d") > 0
    assert panel.load_recipe_file(path)
    assert curve_points(panel, "loss_d") == 0 and c.progress.text() == "step 0 / 20"


def test_recipe_round_trips_through_toml(panel, tmp_path):
    panel.form.set_values(toy_recipe(steps=1234))
    path = tmp_path / "r.toml"
    assert panel.save_recipe_file(path)
    panel.form.set_values(toy_recipe(steps=5))
    assert panel.load_recipe_file(path)
    assert panel.form.recipe().train.steps == 1234
    assert Recipe.load(path).to_dict() == panel.form.recipe().to_dict()


def test_the_course_dcgan_recipe_shows_its_layout_and_round_trips(panel):
    from pathlib import Path
    training = Path(__file__).resolve().parents[1] / "training"
    assert panel.load_recipe_file(training / "toy_ring8.toml")
    assert panel.views.currentWidget() is panel.toy          # a toy is watched in its teaching view
    path = training / "seed_dcgan_fashion.toml"
    assert panel.load_recipe_file(path)
    assert panel.views.currentWidget() is panel.samples      # an image GAN in its samples
    combo = panel.form.model_editors["dcgan"]["layout"].widget
    assert combo.currentData() == "course" and combo.currentText().startswith("Course")
    assert panel.form.recipe().to_dict() == Recipe.load(path).to_dict()
    combo.setCurrentIndex(combo.findData("radford"))
    assert panel.form.recipe().model["layout"] == "radford"
