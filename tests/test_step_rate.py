"""The one steps-per-second estimate (Qt-free) and the command line's progress line built on it."""
from __future__ import annotations

import io
import math

import pytest

from ganstudio.cli.train import ProgressBar
from ganstudio.train.step_rate import StepRate, evaluations_ahead, seconds_left


def test_a_steady_run_reads_its_rate_and_time_left():
    r = StepRate()
    assert r.per_second == 0.0 and math.isinf(r.seconds_left(0, 100))
    for i in range(0, 41):                      # 20 steps/s for 4 s, observed every 0.1 s
        r.observe(2 * i, 0.1 * i)
    assert r.per_second == pytest.approx(20.0)
    assert r.seconds_left(80, 100) == pytest.approx(1.0)


def test_before_a_whole_window_it_is_the_average_since_the_first_step():
    r = StepRate(window=10.0)
    r.observe(100, 5.0)
    assert r.per_second == 0.0                  # one observation says nothing yet
    r.observe(130, 6.0)
    assert r.per_second == pytest.approx(30.0)


def test_a_run_that_slows_down_is_followed_within_a_few_windows():
    r = StepRate(window=1.0)
    step = 0
    for t in range(0, 11):                      # 100 steps/s for 10 s ...
        step = 100 * t
        r.observe(step, float(t))
    assert r.per_second == pytest.approx(100.0)
    for t in range(11, 31):                     # ... then 10 steps/s
        step += 10
        r.observe(step, float(t))
    assert r.per_second == pytest.approx(10.0, rel=0.01)


def test_a_run_that_goes_back_starts_the_estimate_over():
    r = StepRate(window=1.0)
    for t in range(6):
        r.observe(1000 + 50 * t, 100.0 + t)     # 50 steps/s
    r.observe(10, 1.0)                          # resumed from an earlier checkpoint: new clock
    assert r.per_second == 0.0
    r.observe(40, 2.0)
    assert r.per_second == pytest.approx(30.0)


def test_the_command_lines_progress_line_shows_the_rate_and_eta():
    bar = ProgressBar(100, stream=io.StringIO())
    bar.rate = StepRate()
    bar.rate.observe(0, 0.0)
    bar.rate.observe(50, 2.0)                   # 25 steps/s, the same estimate the GUI shows
    bar.step = 50
    line = bar.line()
    assert "50/100" in line and "25.0 it/s" in line and "ETA 00:02" in line


def test_a_runs_own_average_is_its_steps_over_its_training_clock():
    from ganstudio.train.step_rate import RunClock
    c = RunClock()
    assert c.per_second == 0.0
    c.observe(200, 5.0)                         # one record of a finished run: steps from 0 at 0 s
    assert c.per_second == pytest.approx(40.0)
    for step, t in ((400, 15.0), (600, 25.0)):  # then 20 steps/s
        c.observe(step, t)
    assert c.per_second == pytest.approx(600 / 25.0)


def test_a_run_resumed_on_a_fresh_clock_leaves_the_stopped_time_out():
    from ganstudio.train.step_rate import RunClock
    c = RunClock()
    for step, t in ((100, 10.0), (200, 20.0)):  # 10 steps/s, then stopped at step 200
        c.observe(step, t)
    for step, t in ((300, 5.0), (400, 10.0)):   # resumed: its clock starts at 0 from step 200
        c.observe(step, t)
    assert c.per_second == pytest.approx(400 / 30.0)
    c.observe(500, float("nan"))                # a broken record changes nothing
    assert c.per_second == pytest.approx(400 / 30.0)


def test_the_time_left_counts_the_evaluations_still_ahead():
    # 20 steps/s at step 80 of 1,000, an evaluation every 200 steps taking 30 s: five are ahead
    # (steps 200, 400, ..., 1,000), so 46 s of steps and 150 s of evaluations
    r = StepRate()
    r.observe(0, 0.0)
    r.observe(80, 4.0)
    assert r.seconds_left(80, 1000) == pytest.approx(46.0)
    assert r.seconds_left(80, 1000, eval_every=200, eval_seconds=30.0) == pytest.approx(196.0)
    assert evaluations_ahead(200, 1000, 200) == 4          # the one at step 200 is done
    assert evaluations_ahead(1000, 1000, 200) == 0 and evaluations_ahead(80, 1000, 0) == 0
    # no evaluation measured yet, or none asked for: the steps alone
    assert r.seconds_left(80, 1000, eval_every=200) == pytest.approx(46.0)
    assert r.seconds_left(80, 1000, eval_every=0, eval_seconds=30.0) == pytest.approx(46.0)
    assert math.isinf(seconds_left(80, 1000, 0.0, 200, 30.0))


def test_the_command_lines_eta_takes_the_newest_evaluations_duration():
    bar = ProgressBar(1000, stream=io.StringIO(), eval_every=200)
    bar.rate = StepRate()
    bar.rate.observe(0, 0.0)
    bar.rate.observe(80, 4.0)
    bar.step = 80
    assert "ETA 00:46" in bar.line()
    bar.on_event({"type": "log", "step": 80, "loss_d": 1.0, "loss_g": 1.0, "eval_seconds": 30.0})
    assert "ETA 03:16" in bar.line()
    bar.on_event({"type": "log", "step": 80, "loss_d": 1.0, "loss_g": 1.0})   # a step without one
    assert "ETA 03:16" in bar.line()
