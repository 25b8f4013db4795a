"""Soak test: train for a long time with the GUI attached; memory and fluidity at the end.

Runs the real main window (offscreen unless a display is set) with the Training panel
training a small DCGAN on Fashion-MNIST (a log line every step, a sample grid every
``--sample-every`` steps, so the curves and the grid history grow all the time) for
``--minutes``, and reports

* resident memory (RSS) after a warm-up (the first minute, or a quarter of a short run) and at
  the end, and its growth in % (target: < 5 %), with the samples taken every few seconds;
* event-loop stalls (a 10 ms precise timer; how much later than due each tick came) in the
  first and in the last minute after the warm-up: the last minute draws the whole history,
  so similar figures mean the curves stay fluid (targets as benchmarks/ui_responsiveness.py:
  largest < 50 ms, p99 < 20 ms);
* how long the panel's refresh slot ran on the GUI thread in those two windows, the number
  of points in the loss curves and of sample grids at the end.

    python benchmarks/soak.py [--minutes 30] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))       # ui_responsiveness helpers
try:
    import ganstudio  # noqa: F401
except ImportError:  # run from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from ui_responsiveness import (_stalls, _timed, bench_recipe, load_data,  # noqa: E402
                               tick_until_run_ends, training_window)

RSS_EVERY_S = 5.0
TARGETS = {"rss_growth_pct": 5.0, "largest_stall_ms": 50.0, "p99_stall_ms": 20.0}


def rss_mb() -> float:
    """Resident memory of this process in MiB (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def soak_recipe(sample_every: int) -> dict:
    """The DCGAN lesson, made small (16 base channels, batch 32) and endless, logging every step."""
    d = bench_recipe()
    d["model"] = dict(d["model"], base_channels=16)
    d["train"] = dict(d["train"], batch=32, log_every=1, sample_every=sample_every,
                      checkpoint_every=0, threads=1)
    return d


def _window_stats(ticks: list[float], slots: list[tuple[float, float]], t0: float, t1: float) -> dict:
    in_ticks = [t for t in ticks if t0 <= t < t1]
    gaps = _stalls(in_ticks)
    durations = np.asarray([d for t, d in slots if t0 <= t < t1] or [0.0])
    return {"largest_stall_ms": float(gaps.max()), "p99_stall_ms": float(np.percentile(gaps, 99)),
            "ticks": len(in_ticks), "refresh_p99_ms": float(np.percentile(durations, 99)),
            "refresh_max_ms": float(durations.max()), "refresh_calls": int(len(durations))}


def soak(minutes: float, sample_every: int, root: Path) -> dict:
    from PySide6.QtCore import QElapsedTimer
    from ganstudio.train.recipe import Recipe
    from ganstudio.ui.training.panel import TrainingPanel

    recipe_dict = soak_recipe(sample_every)
    data = load_data(Recipe.from_dict(recipe_dict))
    refresh_ms: list[float] = []
    _timed(TrainingPanel, "_refresh", refresh_ms)       # before the panel connects its timer
    app, window, panel = training_window(recipe_dict, data, root)

    total_ms = minutes * 60_000
    warmup_ms = min(60_000.0, total_ms / 4)
    window_ms = min(60_000.0, (total_ms - warmup_ms) / 2)
    clock = QElapsedTimer()
    clock.start()
    ticks: list[float] = []
    slots: list[tuple[float, float]] = []
    rss: list[tuple[float, float]] = []
    state = {"t0": None, "started": False, "steps": 0}

    def tick(timer):
        now = clock.nsecsElapsed() / 1e6
        if not state["started"]:
            state["started"] = True
            panel.start()
            return
        w = panel.session.worker
        if state["t0"] is None:
            if w is not None and w.trainer is not None and panel.state == "running":
                state["t0"] = now
            return
        ticks.append(now - state["t0"])
        while refresh_ms:
            slots.append((now - state["t0"], refresh_ms.pop()))
        if not rss or now - state["t0"] - rss[-1][0] >= RSS_EVERY_S * 1000:
            rss.append((now - state["t0"], rss_mb()))
        if w is not None and w.trainer is not None:
            state["steps"] = w.trainer.step_count
        if now - state["t0"] >= total_ms:
            timer.stop()
            panel.stop()

    tick_until_run_ends(app, panel, tick)
    curve = panel.curves.curve("loss_d")
    points = 0 if curve is None else len(curve.series)
    history = getattr(panel.curves, "history", None)
    history_mb = history.nbytes() / 2 ** 20 if history is not None else float("nan")
    grids = len(panel.samples.steps())
    window._close_approved = True
    window.close()

    start = [m for t, m in rss if t >= warmup_ms][:1] or [rss[-1][1]]
    rss_start, rss_end = start[0], rss[-1][1]
    first = _window_stats(ticks, slots, warmup_ms, warmup_ms + window_ms)
    last = _window_stats(ticks, slots, total_ms - window_ms, total_ms)
    return {"minutes": minutes, "warmup_s": warmup_ms / 1000, "window_s": window_ms / 1000,
            "steps": state["steps"], "curve_points": points, "sample_grids": grids,
            "curve_history_mb": history_mb,
            "rss_mb_after_warmup": rss_start, "rss_mb_end": rss_end,
            "rss_mb_peak": max(m for _, m in rss),
            "rss_growth_pct": 100.0 * (rss_end - rss_start) / rss_start,
            "rss_samples": [(round(t / 1000, 1), round(m, 1)) for t, m in rss],
            "first_window": first, "last_window": last}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=30.0, help="training time with the GUI (default 30)")
    p.add_argument("--sample-every", type=int, default=100, help="steps between sample grids")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    args = p.parse_args(argv)
    if args.minutes <= 0:
        p.error("--minutes must be > 0")
    with tempfile.TemporaryDirectory(prefix="ganstudio-soak-") as tmp:
        r = soak(args.minutes, args.sample_every, Path(tmp))
    r["pass"] = {"rss_growth_pct": r["rss_growth_pct"] < TARGETS["rss_growth_pct"],
                 **{k: r["last_window"][k] < v for k, v in TARGETS.items() if "stall" in k}}
    if args.json:
        print(json.dumps(r, indent=2))
        return 0
    f, l = r["first_window"], r["last_window"]
    print(f"soak: {r['minutes']:g} min of DCGAN training with the GUI, {r['steps']} steps, "
          f"{r['curve_points']} points per loss curve ({r['curve_history_mb']:.1f} MiB for every "
          f"curve's history), {r['sample_grids']} sample grids")
    print(f"memory: {r['rss_mb_after_warmup']:.1f} MiB after {r['warmup_s']:.0f} s warm-up -> "
          f"{r['rss_mb_end']:.1f} MiB at the end ({r['rss_growth_pct']:+.2f} %, target < "
          f"{TARGETS['rss_growth_pct']:.0f} %); peak {r['rss_mb_peak']:.1f} MiB")
    for name, w in (("first", f), ("last", l)):
        print(f"{name} {r['window_s']:.0f} s after warm-up: largest stall {w['largest_stall_ms']:.1f} ms, "
              f"p99 {w['p99_stall_ms']:.1f} ms ({w['ticks']} ticks); refresh slot p99 "
              f"{w['refresh_p99_ms']:.1f} ms, max {w['refresh_max_ms']:.1f} ms ({w['refresh_calls']} calls)")
    print("pass: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in r["pass"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
