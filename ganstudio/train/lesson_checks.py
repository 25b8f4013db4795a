"""What a toy lesson claims, as numbers that can be checked against a run (no Qt).

A lesson variant names checks such as ``Check("mean", "<", 0.1, centre=5.0)`` (|mean - 5| <
0.1) or ``Check("high_quality", ">", 0.9)``.  :func:`readings` flattens a toy snapshot (see
:func:`ganstudio.train.toy.toy_snapshot` and :func:`ganstudio.train.toy_theory.lesson_numbers`)
into named numbers; :class:`LessonTracker` adds what needs the whole run so far (peaks) and
the bilinear game played for as many steps as the run has made.  The lesson pane shows the
same numbers live that ``tests/test_lesson_claims.py`` checks at the end of each recipe.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ganstudio.train.toy_theory import bilinear_game

BILINEAR_LR = 0.05                 # step size of the bilinear game shown beside a run
BILINEAR_START = (1.0, 1.0)
PEAK_KEYS = ("d_real",)           # numbers whose largest value so far is "peak_<key>"
LOW_KEYS = ("saturation",)        # numbers whose smallest value so far is "low_<key>"


@dataclass(frozen=True)
class Check:
    """One claim: ``key`` (or |key - centre| when centre is set) is below / above ``bound``."""
    key: str
    op: str                 # "<" or ">"
    bound: float
    centre: float | None = None

    def __post_init__(self):
        if self.op not in ("<", ">"):
            raise ValueError(f"Check.op must be '<' or '>', got {self.op!r}")

    def measured(self, numbers: dict) -> float | None:
        v = numbers.get(self.key)
        if v is None or not isinstance(v, (int, float)) or not math.isfinite(v):
            return None
        return abs(v - self.centre) if self.centre is not None else float(v)

    def holds(self, numbers: dict) -> bool | None:
        """True / False, or None when the number is not measured (yet)."""
        v = self.measured(numbers)
        if v is None:
            return None
        return v < self.bound if self.op == "<" else v > self.bound


def evaluate(checks, numbers: dict) -> tuple[bool, list[tuple[Check, bool | None]]]:
    """(every check holds, [(check, holds) ...])."""
    results = [(c, c.holds(numbers)) for c in checks]
    return bool(results) and all(ok is True for _, ok in results), results


def readings(snap: dict) -> dict:
    """The named numbers of a toy snapshot: its scalars, the lesson numbers, and summaries of
    the per-layer / per-mode lists ("sigma_max_max", "lipschitz_bound", "mode_share_max", ...)."""
    out: dict = {}
    for key in ("step", "mean", "std", "modes_captured", "n_modes", "high_quality"):
        v = snap.get(key)
        if isinstance(v, (int, float, np.floating, np.integer)):
            out[key] = float(v)
    lesson = snap.get("lesson") or {}
    for key, v in lesson.items():
        if isinstance(v, (int, float, np.floating)):
            out[key] = float(v)
        elif isinstance(v, (list, tuple)) and v:
            out[key] = [float(x) for x in v]
    sig = out.get("sigma_max")
    if isinstance(sig, list):
        out["sigma_max_max"], out["sigma_max_min"] = max(sig), min(sig)
        out["lipschitz_bound"] = float(np.prod(sig))
    shares = out.get("mode_share")
    if isinstance(shares, list):
        out["mode_share_max"], out["mode_share_min"] = max(shares), min(shares)
        out["mode_share_between"] = max(0.0, 1.0 - sum(shares))
    if "v_d" in out and "v_dstar" in out:
        out["v_gap"] = out["v_dstar"] - out["v_d"]       # >= 0: D* is the best D
    return out


def bilinear_numbers(steps: int, lr: float = BILINEAR_LR) -> dict:
    """Distances from the equilibrium (0, 0) of min_x max_y xy after ``steps`` gradient steps."""
    start = float(np.hypot(*BILINEAR_START))
    sim = bilinear_game(steps, lr, BILINEAR_START)[-1]
    alt = bilinear_game(steps, lr, BILINEAR_START, alternating=True)[-1]
    return {"bilinear_start": start, "bilinear_simultaneous": float(np.hypot(*sim)),
            "bilinear_alternating": float(np.hypot(*alt))}


class LessonTracker:
    """Numbers of one run, snapshot after snapshot (peaks so far; the bilinear game)."""

    def __init__(self, bilinear: bool = False):
        self.bilinear = bilinear
        self.reset()

    def reset(self) -> None:
        self.peaks: dict[str, float] = {}
        self.lows: dict[str, float] = {}
        self.last_step = -1
        self.numbers: dict = {}

    def update(self, snap: dict) -> dict:
        numbers = readings(snap)
        step = int(numbers.get("step", 0))
        if step < self.last_step:          # a new run started
            self.reset()
        self.last_step = step
        for key in PEAK_KEYS:
            if key in numbers:
                self.peaks[key] = max(self.peaks.get(key, -math.inf), numbers[key])
        for key in LOW_KEYS:
            if key in numbers:
                self.lows[key] = min(self.lows.get(key, math.inf), numbers[key])
        numbers.update({f"peak_{k}": v for k, v in self.peaks.items()})
        numbers.update({f"low_{k}": v for k, v in self.lows.items()})
        if self.bilinear:
            numbers.update(bilinear_numbers(step))
        self.numbers = numbers
        return numbers
