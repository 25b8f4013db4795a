"""The automatic CPU thread count of a training (issue 15, part C): chosen from what other
work keeps busy now (not the last minute's load average), revisited during the run, and said
in the log events.  Readings are injected: nothing here depends on this machine's load."""
from __future__ import annotations

import numpy as np
import torch

from ganstudio.train.recipe import Recipe
from ganstudio.train.threads import CpuSample, ThreadChooser, choose_threads, others_busy, read_proc_stat
from ganstudio.train.trainer import Trainer


def test_an_idle_machine_gives_every_core_and_a_busy_core_is_left_alone():
    assert choose_threads(2, 0.0) == 2
    assert choose_threads(2, 1.0) == 1
    assert choose_threads(8, 3.0) == 5
    assert choose_threads(2, 0.3) == 2          # a core mostly free still counts as free
    assert choose_threads(2, 2.0) == 1          # at least one thread, however busy
    assert choose_threads(16, 0.0, "toy") == 1  # toy MLPs: more threads only contend


def test_our_own_threads_are_not_other_work():
    a = CpuSample(wall=0.0, busy=0.0, total=0.0, own=0.0)
    ours = CpuSample(wall=1.0, busy=2.0, total=2.0, own=2.0)        # both cores busy: us
    assert others_busy(a, ours) == 0.0
    shared = CpuSample(wall=1.0, busy=2.0, total=2.0, own=1.0)      # one core: someone else
    assert others_busy(a, shared) == 1.0


class FakeMachine:
    """Cumulative /proc/stat-like readings of a 2-core machine; ``others`` cores are busy with
    other processes and ``ours`` with this one, from now on."""

    def __init__(self):
        self.t = 0.0
        self.busy = self.total = self.own = 0.0
        self.others, self.ours = 0.0, 0.0
        self.set_to: list[int] = []

    def advance(self, seconds: float) -> None:
        self.t += seconds
        self.total += 2 * seconds
        self.busy += min(2.0, self.others + self.ours) * seconds
        self.own += self.ours * seconds

    def chooser(self, fixed=0, family="dcgan") -> ThreadChooser:
        return ThreadChooser(fixed, family, every=10.0, read=lambda cpus: (self.busy, self.total),
                             clock=lambda: self.t, own=lambda: self.own, sleep=self.advance,
                             set_threads=self.set_to.append, cpus=[0, 1])


def test_the_choice_follows_other_work_during_the_run():
    m = FakeMachine()
    m.others = 1.0                           # a job still running when training starts
    c = m.chooser()
    assert c.start() == 1 and m.set_to == [1]
    assert "1 of 2 cores" in c.note() and "1.0 busy" in c.note()
    m.ours, m.others = 1.0, 0.0              # the other job ends as training starts
    m.advance(5.0)
    assert not c.update()                    # not yet time to look again
    m.advance(6.0)
    assert c.update() and c.threads == 2 and m.set_to == [1, 2]
    assert "all free" in c.note()
    m.ours, m.others = 1.4, 0.6              # another job starts: it gets a share of the cores
    m.advance(10.0)
    assert c.update() and c.threads == 1
    m.advance(10.0)
    assert not c.update() and c.threads == 1  # still there: no change, nothing set
    assert m.set_to == [1, 2, 1]


def test_an_idle_machine_starts_with_every_core_and_a_fixed_count_never_moves():
    m = FakeMachine()
    assert m.chooser().start() == 2
    fixed = m.chooser(fixed=1)
    assert fixed.start() == 1 and "train.threads" in fixed.note()
    m.others = 0.0
    m.advance(60.0)
    assert not fixed.update() and fixed.threads == 1
    assert m.chooser(family="toy").start() == 1


def test_proc_stat_is_read_for_our_cores_only(tmp_path):
    stat = tmp_path / "stat"
    stat.write_text("cpu  300 0 100 600 0 0 0 0 0 0\n"
                    "cpu0 100 0 50 350 0 0 0 0 0 0\n"
                    "cpu1 200 0 50 250 0 0 0 0 0 0\n"
                    "intr 12345\n")
    busy0, total0 = read_proc_stat([0], str(stat))
    busy, total = read_proc_stat([0, 1], str(stat))
    assert busy / total == 400 / 1000 and busy0 / total0 == 150 / 500
    assert read_proc_stat([0], str(tmp_path / "missing")) is None


def test_a_cpu_training_says_its_threads_in_events(tmp_path):
    images = (np.random.RandomState(0).rand(32, 8, 8) * 255).astype(np.uint8)
    idx = tmp_path / "imgs.idx"
    idx.write_bytes(bytes([0, 0, 8, 3]) + np.array(images.shape, ">i4").tobytes() + images.tobytes())
    recipe = Recipe.from_dict({
        "model": {"family": "mlp", "resolution": 8, "channels": 1, "z_dim": 4, "hidden": [16]},
        "data": {"kind": "idx", "path": str(idx)},
        "train": {"steps": 2, "batch": 8, "log_every": 2, "sample_every": 0, "checkpoint_every": 0,
                  "device": "cpu", "threads": 1}})
    old = torch.get_num_threads()
    try:
        t = Trainer(recipe, None)
        events = []
        t.add_listener(events.append)
        t.run()
    finally:
        torch.set_num_threads(old)
    said = [e for e in events if e["type"] == "threads"]
    assert len(said) == 1 and said[0]["threads"] == 1 and "train.threads" in said[0]["note"]
    assert [e["threads"] for e in events if e["type"] == "log"] == [1]
