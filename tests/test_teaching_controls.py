"""Teaching controls in the real Training panel (pytest-qt): draw data and train on it, step one
player at a time, slow motion, live learning rates and loss, the manifold layer and the KL / JS
readout."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from ganstudio.train.drawn_data import read_points_csv  # noqa: E402

TIMEOUT = 30_000


def small_toy(**train) -> dict:
    return {"title": "tiny ring", "name": "tiny-ring",
            "model": {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 16, "layers": 2},
            "data": {"kind": "toy", "toy": "ring8", "toy_samples": 2000},
            "train": {"steps": 100_000, "batch": 32, "log_every": 5, "sample_every": 0,
                      "checkpoint_every": 0, "device": "cpu", "threads": 1, **train}}


def _screen(canvas, x: float, y: float) -> QPoint:
    """Widget position (in the plot's viewport) of data point (x, y)."""
    scene = canvas.box.mapViewToScene(QPointF(x, y))
    return canvas.plot.mapFromScene(scene)


def click(qtbot, canvas, x, y, button=Qt.LeftButton):
    qtbot.mouseClick(canvas.plot.viewport(), button, pos=_screen(canvas, x, y))


def drag(canvas, points):
    vp = canvas.plot.viewport()
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, _screen(canvas, *points[0]))
    for p in points[1:]:
        QTest.mouseMove(vp, _screen(canvas, *p))
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, _screen(canvas, *points[-1]))


@pytest.fixture
def panel(training_panel):
    training_panel.views.setCurrentWidget(training_panel.drawing)
    return training_panel


def test_draw_points_undo_erase_save_load_and_train_on_them(panel, qtbot, tmp_path):
    c = panel.drawing
    assert not c.train_button.isEnabled()
    for x, y in ((0.0, 1.0), (1.0, 0.0), (-1.0, 0.0)):
        click(qtbot, c, x, y)
    assert len(c.points) == 3 and np.allclose(c.points[0], (0, 1), atol=0.05)
    assert c.train_button.isEnabled() and "3 points" in c.train_button.text()
    drag(c, [(-1.0, -1.0), (-0.5, -1.0), (0.0, -1.0), (0.5, -1.0), (1.0, -1.0)])
    stroke = len(c.points) - 3
    assert stroke >= 10                                   # a painted stroke, evenly spaced
    assert np.allclose(c.points[3:, 1], -1.0, atol=0.05)
    c.undo_button.click()                                 # one undo takes the whole stroke
    assert len(c.points) == 3
    click(qtbot, c, 1.0, 0.0, Qt.RightButton)             # right click erases the nearest point
    assert len(c.points) == 2 and not c.train_button.isEnabled()
    click(qtbot, c, 0.0, -1.0)

    out = tmp_path / "mine.csv"
    assert c.save_csv(out) and np.allclose(read_points_csv(out), c.points)
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\n3,4\n5,abc\n", encoding="utf-8")
    assert not c.load_csv(bad)
    assert c.message.isVisible() and "line 4" in c.message.text()
    assert len(c.points) == 3                             # the drawing is kept
    assert c.load_csv(out) and not c.message.isVisible()

    c.train_button.click()
    data = panel.form.values()["data"]
    assert data["kind"] == "points" and data["path"] == str(out)
    recipe = panel.form.recipe()
    assert recipe is not None and recipe.model["family"] == "toy"
    assert panel.views.currentWidget() is panel.toy
    panel.start()
    qtbot.waitUntil(lambda: "JS" in panel.toy.view_2d.stats.text(), timeout=TIMEOUT)
    snap = panel.toy.last_snapshot
    assert snap["p_data"] is not None and snap["divergence"]["js"] >= 0
    panel.stop()
    qtbot.waitUntil(lambda: panel.state == "finished", timeout=TIMEOUT)
    assert (panel.session.run_dir / "points.csv").is_file()


def test_too_few_points_are_refused_with_a_message(panel, qtbot):
    c = panel.drawing
    c.set_points([[0, 0], [1, 1]])
    assert c.train_on_points() is None
    assert c.message.isVisible() and "at least 3" in c.message.text()


def _params(m):
    return [p.detach().clone() for p in m.parameters()]


def _same(a, m):
    return all(torch.equal(x, y) for x, y in zip(a, m.parameters()))


def test_step_buttons_move_one_player_while_paused(panel, qtbot):
    panel.form.set_values(small_toy())
    panel.views.setCurrentWidget(panel.toy)
    live = panel.live
    assert not live.d_button.isEnabled()
    panel.start()
    qtbot.waitUntil(lambda: panel.state == "running", timeout=TIMEOUT)
    assert not live.d_button.isEnabled() and live.apply_button.isEnabled()
    panel.controls.pause_action.trigger()
    qtbot.waitUntil(lambda: panel.state == "paused" and live.d_button.isEnabled(), timeout=TIMEOUT)
    t = panel.session.worker.trainer
    qtbot.wait(200)                          # a step under way when Pause was pressed ends
    step = t.step_count
    # the teaching view shows the nets where they stopped, not the last snapshot before
    qtbot.waitUntil(lambda: (panel.toy.last_snapshot or {}).get("step") == step, timeout=TIMEOUT)
    g, d = _params(t.G), _params(t.D)
    with qtbot.waitSignal(panel.status_message, timeout=TIMEOUT,
                          check_params_cb=lambda m: "D step" in m):
        live.d_button.click()
    assert _same(g, t.G) and not _same(d, t.D) and t.step_count == step
    g, d = _params(t.G), _params(t.D)
    live.k_box.setValue(3)
    with qtbot.waitSignal(panel.status_message, timeout=TIMEOUT,
                          check_params_cb=lambda m: "G step" in m):
        live.g_button.click()
    assert not _same(g, t.G) and _same(d, t.D) and t.step_count == step
    live.both_button.click()
    qtbot.waitUntil(lambda: t.step_count == step + 3, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.controls.progress.value() == step + 3, timeout=TIMEOUT)
    panel.stop()
    qtbot.waitUntil(lambda: panel.state == "finished", timeout=TIMEOUT)
    records = [json.loads(x) for x in (panel.session.run_dir / "metrics.jsonl").read_text().splitlines()]
    manual = [(r["player"], r["count"]) for r in records if r.get("type") == "manual_steps"]
    assert manual == [("d", 1), ("g", 3), ("both", 3)]


def test_a_run_paused_while_loading_waits_at_step_0_with_its_view_shown(panel, qtbot):
    panel.form.set_values(small_toy())
    panel.views.setCurrentWidget(panel.toy)
    panel.start()
    assert panel.state == "loading" and panel.controls.pause_action.isEnabled()
    panel.controls.pause_action.trigger()
    qtbot.waitUntil(lambda: panel.state == "paused", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: (panel.toy.last_snapshot or {}).get("step") == 0, timeout=TIMEOUT)
    t = panel.session.worker.trainer
    assert t.step_count == 0
    panel.live.both_button.click()                      # then one step at a time
    qtbot.waitUntil(lambda: (panel.toy.last_snapshot or {}).get("step") == 1, timeout=TIMEOUT)
    assert t.step_count == 1
    panel.stop()
    qtbot.waitUntil(lambda: panel.state == "finished", timeout=TIMEOUT)


def test_live_learning_rates_loss_and_slow_motion(panel, qtbot):
    panel.form.set_values(small_toy())
    live = panel.live
    live.delay_box.setValue(0.05)
    panel.start()
    qtbot.waitUntil(lambda: panel.state == "running", timeout=TIMEOUT)
    t = panel.session.worker.trainer
    assert t.controls.delay == pytest.approx(0.05)       # slow motion set before Start holds
    assert live.lr_g_edit.text() == "0.0002"
    live.lr_g_edit.setText("-1")
    live.apply_button.click()
    assert live.message.isVisible() and "lr_g" in live.message.text()
    assert t.opt_g.param_groups[0]["lr"] == pytest.approx(2e-4)
    live.lr_g_edit.setText("0.001")
    live.objective_box.setCurrentIndex(live.objective_box.findData("hinge"))
    live.apply_button.click()
    assert not live.message.isVisible()
    qtbot.waitUntil(lambda: t.opt_g.param_groups[0]["lr"] == pytest.approx(1e-3), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: t.objective.name == "hinge", timeout=TIMEOUT)
    live.delay_box.setValue(0.0)
    qtbot.waitUntil(lambda: t.controls.delay == 0.0, timeout=TIMEOUT)
    panel.stop()
    qtbot.waitUntil(lambda: panel.state == "finished", timeout=TIMEOUT)
    records = [json.loads(x) for x in (panel.session.run_dir / "metrics.jsonl").read_text().splitlines()]
    hyper = [r for r in records if r.get("type") == "hyper"]
    assert len(hyper) == 1
    assert hyper[0]["changed"] == {"lr_g": [2e-4, 1e-3], "objective": ["nonsaturating", "hinge"]}


def test_manifold_layer_and_divergence_readout(panel, qtbot):
    panel.form.set_values(small_toy())
    panel.views.setCurrentWidget(panel.toy)
    panel.start()
    qtbot.waitUntil(lambda: "JS" in panel.toy.view_2d.stats.text(), timeout=TIMEOUT)
    panel.views.setCurrentWidget(panel.drawing)        # the run's data shows behind a drawing
    assert len(panel.drawing.background.data) == 1000
    panel.views.setCurrentWidget(panel.toy)
    v = panel.toy.view_2d
    assert "modes captured" in v.stats.text() and "KL(data‖G)" in v.stats.text()
    box = v.layers["Manifold"]
    assert not box.isChecked() and not v.manifold.isVisible()
    box.setChecked(True)
    assert v.manifold.isVisible()
    x, y = v.manifold.getData()
    assert x is not None and np.isfinite(x).sum() == 2 * 11 * 41
    labels = [label.text for _s, label in v.legend.items]
    assert v.legend.isVisible() and any("grid of z" in text for text in labels)
    box.setChecked(False)
    assert not v.legend.isVisible() and not v.manifold.isVisible()
    # the same estimate is logged: the diagnostics plot draws it over the run, in nats
    group = "KL / JS divergence (2-D toy)"
    qtbot.waitUntil(lambda: group in panel.curves.groups(), timeout=TIMEOUT)
    panel.curves.group_box.setCurrentIndex(panel.curves.groups().index(group))
    qtbot.waitUntil(lambda: panel.curves.curve("js") is not None
                    and len(panel.curves.curve("js").series) >= 2, timeout=TIMEOUT)
    assert panel.curves.diag_plot.getPlotItem().getAxis("left").labelText == "nats"
    panel.stop()
    qtbot.waitUntil(lambda: panel.state == "finished", timeout=TIMEOUT)
