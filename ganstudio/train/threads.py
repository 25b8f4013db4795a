"""How many CPU threads a training uses: the cores that other work leaves free, now and later.

The 1-minute load average says what the machine did during the last minute, not what it does
now: a run started right after another job kept 1 of 2 idle cores for its whole life (Fashion
DCGAN, 114 img/s; 193 img/s with both).  Here the choice comes from what is busy *now*: the
CPU time that the machine's cores spent working over a short window (``/proc/stat``), minus
the CPU time of this process itself (``time.process_time``) — so a training never sees its
own threads as "other work".  :class:`ThreadChooser` looks again every ``every`` seconds
during the run (two cheap reads, no waiting) and changes ``torch.set_num_threads`` when the
free cores change.  :func:`choose_threads` is the decision, a pure function of the readings.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Callable

import torch

RECHECK_S = 10.0      # look again this often during a run
FIRST_WINDOW_S = 0.2  # the first look: how long to watch the machine before the first step


@dataclass(frozen=True)
class CpuSample:
    """One reading: wall clock, busy and total CPU seconds of our cores, our own CPU seconds."""
    wall: float
    busy: float
    total: float
    own: float


def affinity_cpus() -> list[int]:
    """The CPUs this process may run on."""
    try:
        return sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return list(range(os.cpu_count() or 1))


def read_proc_stat(cpus: list[int], path: str = "/proc/stat") -> tuple[float, float] | None:
    """(busy, total) CPU seconds since boot summed over ``cpus``; None where unreadable."""
    try:
        with open(path) as f:
            lines = f.readlines()
    except OSError:
        return None
    hz = float(os.sysconf("SC_CLK_TCK")) if hasattr(os, "sysconf") else 100.0
    wanted = {f"cpu{i}" for i in cpus}
    busy = total = 0.0
    found = 0
    for line in lines:
        parts = line.split()
        if not parts or parts[0] not in wanted:
            continue
        values = [float(v) for v in parts[1:9]]     # user nice system idle iowait irq softirq steal
        idle = values[3] + (values[4] if len(values) > 4 else 0.0)
        total += sum(values)
        busy += sum(values) - idle
        found += 1
    if not found:
        return None
    return busy / hz, total / hz


def sample(cpus: list[int] | None = None, read=read_proc_stat,
           clock: Callable[[], float] = time.monotonic,
           own: Callable[[], float] = time.process_time) -> CpuSample | None:
    """A reading now (``own``: this process's CPU seconds, all its threads)."""
    reading = read(cpus if cpus is not None else affinity_cpus())
    if reading is None:
        return None
    return CpuSample(clock(), reading[0], reading[1], own())


def others_busy(a: CpuSample, b: CpuSample) -> float:
    """Cores kept busy by other processes between two readings (0 .. number of cores)."""
    span = b.total - a.total
    wall = b.wall - a.wall
    if span <= 0 or wall <= 0:
        return 0.0
    cores = span / wall                              # cores the readings cover
    busy = (b.busy - a.busy) / span * cores          # busy cores, ours included
    ours = max(0.0, (b.own - a.own) / wall)          # cores this process used
    return max(0.0, min(cores, busy - ours))


def choose_threads(cpus: int, busy_elsewhere: float, family: str | None = None) -> int:
    """Threads for a CPU training: one per core that other work leaves free (at least 1; a
    core busy half the time or more counts as taken).  Toy MLPs get one (more only contend)."""
    if family == "toy":
        return 1
    return max(1, min(cpus, int(cpus - busy_elsewhere + 0.5)))


def describe(threads: int, cpus: int, busy_elsewhere: float | None, why: str = "") -> str:
    """Why this many threads, for the progress line and the Training panel."""
    from ganstudio.i18n import translate   # the interface's language (the GUI shows it too)
    if why:
        if threads == 1:
            return translate("threads", "1 thread ({0})").format(why)
        return translate("threads", "{0} threads ({1})").format(threads, why)
    if busy_elsewhere is None:
        return translate("threads", "{0} of {1} cores (from the load average)").format(threads, cpus)
    if busy_elsewhere >= 0.05:
        return translate("threads", "{0} of {1} cores (other work keeps {2:.1f} busy)").format(
            threads, cpus, busy_elsewhere)
    return translate("threads", "{0} of {1} cores (all free)").format(threads, cpus)


def load_average_busy(cpus: int) -> float:
    """Where /proc/stat is missing: the 1-minute load average (what the old choice used)."""
    try:
        return min(float(cpus), os.getloadavg()[0])
    except (AttributeError, OSError):
        return 0.0


class ThreadChooser:
    """Sets torch's threads for a CPU training and revisits the choice during the run.

    ``fixed`` > 0 is taken as given and never changed.  ``read`` / ``clock`` / ``own`` /
    ``sleep`` / ``set_threads`` are injectable (tests feed readings; nothing waits)."""

    def __init__(self, fixed: int, family: str | None, *, every: float = RECHECK_S,
                 read=read_proc_stat, clock: Callable[[], float] = time.monotonic,
                 own: Callable[[], float] = time.process_time,
                 sleep: Callable[[float], None] = time.sleep,
                 set_threads: Callable[[int], None] = torch.set_num_threads,
                 cpus: list[int] | None = None):
        self.fixed, self.family, self.every = int(fixed), family, every
        self._read, self._clock, self._own, self._sleep, self._set = read, clock, own, sleep, set_threads
        self.cpus = cpus if cpus is not None else affinity_cpus()
        self.threads = 0
        self.busy_elsewhere: float | None = None
        self._last: CpuSample | None = None

    @property
    def adaptive(self) -> bool:
        return self.fixed <= 0 and self.family != "toy"

    def start(self) -> int:
        """The first choice (watches the machine for FIRST_WINDOW_S); returns the threads."""
        if not self.adaptive:
            return self._apply(self.fixed if self.fixed > 0 else 1)
        first = sample(self.cpus, self._read, self._clock, self._own)
        if first is None:   # no /proc/stat: the load average, once
            self.busy_elsewhere = None
            return self._apply(choose_threads(len(self.cpus), load_average_busy(len(self.cpus)), self.family))
        self._sleep(FIRST_WINDOW_S)
        return self._decide(first)

    def update(self) -> bool:
        """Look again if ``every`` seconds passed since the last look; True if the threads
        changed.  Cheap: two small file reads, no waiting."""
        if not self.adaptive or self._last is None or self._clock() - self._last.wall < self.every:
            return False
        before = self.threads
        self._decide(self._last)
        return self.threads != before

    def _decide(self, since: CpuSample) -> int:
        now = sample(self.cpus, self._read, self._clock, self._own)
        if now is None:
            return self.threads
        self.busy_elsewhere = others_busy(since, now)
        self._last = now
        return self._apply(choose_threads(len(self.cpus), self.busy_elsewhere, self.family))

    def _apply(self, threads: int) -> int:
        if threads != self.threads:
            self._set(threads)
            self.threads = threads
        return threads

    def note(self) -> str:
        from ganstudio.i18n import translate
        why = ("train.threads" if self.fixed > 0 else
               translate("threads", "toy MLP") if self.family == "toy" else "")
        return describe(self.threads, len(self.cpus), self.busy_elsewhere, why)
