"""The one RunSource the Training panel reads: a live run and a followed run directory deliver
the same records the same way (curves, progress, rates), and the run's state is a model the
controls follow."""
from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QObject, Signal  # noqa: E402

from ganstudio.ui.training.series import History, records_to_columns  # noqa: E402

TIMEOUT = 10_000
TOTAL = 400


def records(first: int, n: int, *, every: int = 10, rate: float = 40.0) -> list[dict]:
    """Log records of a run doing ``rate`` steps per second of training time."""
    out = []
    for i in range(n):
        step = first + i * every
        out.append({"type": "log", "step": step, "time": round(step / rate, 4),
                    "images_per_s": 64 * rate, "threads": 2,
                    "loss_d": 1.0 + 0.01 * np.sin(step), "loss_g": 2.0 - 0.01 * step / TOTAL,
                    "d_real": 0.6, "d_fake": 0.4})
    return out


CHUNKS = [records(10, 5), records(60, 5, rate=40.0), records(110, 10, rate=20.0),
          records(210, 10, rate=20.0)]


class FakeWorker(QObject):
    """What a LiveSource needs of a TrainWorker: its batches, its run directory, pause, ack."""

    batch = Signal(object)

    def __init__(self, run_dir):
        super().__init__()
        self.run_dir, self.is_paused, self.acks = run_dir, False, 0

    def ack(self):
        self.acks += 1


class Seen:
    """What a panel would get from a source: its curves (a History) and its progress lines."""

    def __init__(self, source):
        self.history, self.progress = History(), []
        source.columns.connect(self.history.append)
        source.progress.connect(self.progress.append)


def test_a_live_run_and_the_same_run_followed_give_the_same_curves_progress_and_rates(qtbot, tmp_path):
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.training.run_source import FollowedSource, LiveSource
    from ganstudio.ui.workers import TrainBatch
    ensure_app()
    recipe = {"train": {"steps": TOTAL}}

    # live: the worker's batches, the clock standing at each batch's newest record
    worker = FakeWorker(tmp_path / "live")
    now = {"t": 0.0}
    live = LiveSource(worker, recipe, clock=lambda: now["t"])
    live_seen, live_rates = Seen(live), []
    for chunk in CHUNKS:
        now["t"] = chunk[-1]["time"]
        worker.batch.emit(TrainBatch(step=chunk[-1]["step"], total=TOTAL,
                                     columns=records_to_columns(chunk), last_log=chunk[-1],
                                     events=[{"type": "checkpoint", "step": chunk[-1]["step"]}]))
        live_rates.append(live.rate.per_second)
    assert worker.acks == len(CHUNKS)                      # every batch handed back

    # followed: another process writes the same records into a run directory
    run = tmp_path / "followed"
    run.mkdir()
    (run / "recipe.toml").write_text(f"[train]\nsteps = {TOTAL}\n")
    followed = FollowedSource(run, interval_ms=30)
    followed_seen, followed_rates = Seen(followed), []
    followed.start()
    try:
        for chunk in CHUNKS:
            with open(run / "metrics.jsonl", "a") as f:    # one write: read whole
                f.write("".join(json.dumps(r) + "\n" for r in chunk))
            qtbot.waitUntil(lambda chunk=chunk: followed.step == chunk[-1]["step"], timeout=TIMEOUT)
            followed_rates.append(followed.rate.per_second)
    finally:
        followed.close()

    for seen in (live_seen, followed_seen):
        assert list(seen.history.steps) == [r["step"] for c in CHUNKS for r in c]
    for key in ("loss_d", "loss_g", "d_real"):
        np.testing.assert_array_equal(live_seen.history.series(key).smoothed,
                                      followed_seen.history.series(key).smoothed)
    assert live_rates == pytest.approx(followed_rates)
    assert live_rates[1] == pytest.approx(40.0)            # a steady 40 steps/s is read as such
    assert 20.0 < live_rates[-1] < 40.0                    # ... and a run that slowed down follows
    assert live_seen.progress[-1] == followed_seen.progress[-1]
    last = live_seen.progress[-1]
    assert (last.step, last.total, last.threads) == (300, TOTAL, 2)
    assert last.images_per_s == pytest.approx(64 * 20.0)


def test_a_paused_live_run_shows_no_rate(qtbot, tmp_path):
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.training.run_source import LiveSource
    from ganstudio.ui.workers import TrainBatch
    ensure_app()
    worker = FakeWorker(tmp_path)
    now = {"t": 0.0}
    live = LiveSource(worker, {"train": {"steps": 100}}, clock=lambda: now["t"])
    seen = Seen(live)
    for step in (0, 10, 20):
        now["t"] = step / 10
        worker.batch.emit(TrainBatch(step=step, total=100, events=[{"type": "log"}]))
    assert seen.progress[-1].steps_per_s == pytest.approx(10.0)
    worker.is_paused = True
    worker.batch.emit(TrainBatch(step=20, total=100, events=[{"type": "paused", "step": 20}]))
    assert seen.progress[-1].steps_per_s == 0.0 and seen.progress[-1].step == 20


def test_a_followed_run_that_was_resumed_starts_its_curves_and_rate_over(qtbot, tmp_path):
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.training.run_source import FollowedSource
    ensure_app()
    run = tmp_path / "run"
    run.mkdir()
    path = run / "metrics.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records(10, 20)))
    source = FollowedSource(run, interval_ms=30)
    resets = []
    source.reset.connect(lambda: resets.append(source.rate.per_second))
    source.start()
    try:
        qtbot.waitUntil(lambda: source.step == 200, timeout=TIMEOUT)
        path.write_text("".join(json.dumps(r) + "\n" for r in records(10, 3)))   # truncated
        qtbot.waitUntil(lambda: source.step == 30, timeout=TIMEOUT)
    finally:
        source.close()
    assert resets == [0.0]


def test_the_controls_follow_the_run_state_model(training_panel):
    panel = training_panel
    c = panel.controls
    panel.set_state("paused")
    assert panel.run_state.state == panel.state == "paused"
    assert c.pause_action.text() == "&Resume" and not panel.form.data.box.isEnabled()
    panel.run_state.set("finished", "stopped (checkpoint written)")
    assert c.state_label.text() == "stopped (checkpoint written)" and panel.form.data.box.isEnabled()
    with pytest.raises(ValueError, match="sleeping"):
        panel.run_state.set("sleeping")
    assert panel.state == "finished"


def test_a_run_trained_in_the_panel_and_then_followed_draws_the_same_curves(training_panel, qtbot):
    panel = training_panel
    panel.form.set_values({
        "title": "tiny ring", "name": "tiny-ring",
        "model": {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 16, "layers": 2},
        "data": {"kind": "toy", "toy": "ring8", "toy_samples": 2000},
        "train": {"steps": 60, "batch": 32, "log_every": 5, "sample_every": 30,
                  "checkpoint_every": 0, "device": "cpu", "threads": 1}})
    with qtbot.waitSignal(panel.run_finished, timeout=30_000):
        panel.start()
    panel.refresh_now()
    keys = ("loss_d", "loss_g", "d_real", "d_fake", "modes_captured")
    live_steps = panel.curves.history.steps.copy()
    live = {k: (panel.curves.history.series(k).y.copy(), panel.curves.history.series(k).smoothed.copy())
            for k in keys}
    assert len(live_steps) == 12 and panel.controls.progress.text() == "step 60 / 60"

    assert panel.attach(panel.session.run_dir)            # the same run, read from its directory
    qtbot.waitUntil(lambda: len(panel.curves.history) == len(live_steps), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.controls.progress.text() == "step 60 / 60", timeout=TIMEOUT)
    np.testing.assert_array_equal(panel.curves.history.steps, live_steps)
    for k in keys:
        raw, smoothed = live[k]
        np.testing.assert_array_equal(panel.curves.history.series(k).y, raw)
        np.testing.assert_array_equal(panel.curves.history.series(k).smoothed, smoothed)
    qtbot.waitUntil(lambda: panel.samples.steps() == [30, 60], timeout=TIMEOUT)


def test_a_finished_run_read_in_one_go_shows_its_own_average_rate_and_that_it_finished(qtbot, tmp_path):
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.training.run_source import FollowedSource
    ensure_app()
    run = tmp_path / "done"
    run.mkdir()
    (run / "recipe.toml").write_text("[train]\nsteps = 300\n")
    written = records(10, 10, rate=40.0) + records(110, 20, rate=20.0)[:10]   # ends at step 200
    written += [{"type": "log", "step": 300, "time": written[-1]["time"] + 5.0}]  # 20 steps/s
    (run / "metrics.jsonl").write_text("".join(json.dumps(r) + "\n" for r in written))
    source = FollowedSource(run, interval_ms=30)
    seen, finished = Seen(source), []
    source.finished.connect(finished.append)
    source.start()
    try:
        qtbot.waitUntil(lambda: finished == [True], timeout=TIMEOUT)
    finally:
        source.close()
    last = seen.progress[-1]
    assert (last.step, last.total) == (300, 300)
    assert last.steps_per_s == pytest.approx(300 / written[-1]["time"])   # steps over the run's clock


def test_following_a_finished_run_shows_finished_and_its_own_average_rate(training_panel, qtbot, tmp_path):
    from ganstudio.train.recipe import Recipe
    from ganstudio.train.trainer import Trainer
    panel = training_panel
    run = tmp_path / "finished-run"
    recipe = {"title": "tiny ring", "name": "tiny-ring",
              "model": {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 16, "layers": 2},
              "data": {"kind": "toy", "toy": "ring8", "toy_samples": 2000},
              "train": {"steps": 40, "batch": 32, "log_every": 40, "sample_every": 0,
                        "checkpoint_every": 0, "device": "cpu", "threads": 1}}
    assert Trainer(Recipe.from_dict(recipe), run).run() == "done"
    logged = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    logged = [r for r in logged if r.get("type", "log") == "log"]
    assert [r["step"] for r in logged] == [40]             # one record: the old rate had one point
    assert panel.attach(run)
    qtbot.waitUntil(lambda: panel.run_state.state == "finished", timeout=TIMEOUT)
    assert panel.controls.state_label.text() == "finished-run finished"
    assert panel.controls.progress.text() == "step 40 / 40"
    rate = 40 / logged[0]["time"]
    assert f"{rate:,.1f} steps/s" in panel.controls.rate_label.text()
    assert "ETA" not in panel.controls.rate_label.text()
