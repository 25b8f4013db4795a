"""GUI responsiveness while training: event-loop stalls and the throughput cost of the GUI.

Runs the real main window (offscreen unless a display is set) training a DCGAN on
Fashion-MNIST for ``--seconds`` and measures

* stalls of the GUI event loop: a 10 ms precise timer records when it actually fires; a stall
  is how much later than due a tick came (largest and 99th percentile);
* training throughput (steps/s) with the GUI attached, as a fraction of the same recipe run
  headless (``Trainer.run`` without Qt), measured before and after the GUI run and averaged,
  so slow drifts in machine load cancel out.  The headless reference runs on a background
  thread, as the GUI's worker does: on a busy CPU, which thread calls into OpenMP changes
  PyTorch's speed by a large factor, and the question here is what the GUI costs.
  ``--main-thread`` also reports ``Trainer.run`` on the main thread (``ganstudio train``).

It also reports an idle baseline (the same timer with the window open and nothing training:
what the machine itself costs) and how long the panel's own slots ran on the GUI thread.

Targets: largest stall < 50 ms, p99 < 20 ms, throughput >= 95 % of headless.

    python benchmarks/ui_responsiveness.py [--seconds 60] [--headless-seconds 20] [--json]
"""
from __future__ import annotations

import argparse
import faulthandler
import json
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    import ganstudio  # noqa: F401
except ImportError:  # run from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

TICK_MS = 10
WARMUP_S = 3.0
TARGETS = {"largest_stall_ms": 50.0, "p99_stall_ms": 20.0, "throughput_fraction": 0.95}


def bench_recipe(steps: int = 1_000_000) -> dict:
    """The DCGAN lesson's recipe, long enough never to finish during the benchmark."""
    from ganstudio.ui.training.lessons import lesson
    d = lesson("dcgan_fashion").recipe(0)
    d["train"] = dict(d["train"], steps=steps, checkpoint_every=0, device="auto")
    return d


def load_data(recipe):
    from ganstudio.train.data import load_dataset
    m = recipe.model
    return load_dataset(recipe.data, resolution=m.get("resolution"), channels=m.get("channels"))


def headless_rate(recipe, data, seconds: float, root: Path, main_thread: bool = False) -> float:
    """Steps per second of Trainer.run without any GUI, after a warm-up."""
    from ganstudio.train.trainer import Trainer
    trainer = Trainer(recipe, root / f"headless-{time.monotonic_ns()}", data=data)
    marks: list[tuple[float, int]] = []
    trainer.progress_fn = lambda step, total: marks.append((time.perf_counter(), step))
    timer = threading.Timer(WARMUP_S + seconds, trainer.stop)
    timer.start()
    if main_thread:
        trainer.run()
    else:
        runner = threading.Thread(target=trainer.run, name="headless-trainer")
        runner.start()
        runner.join()
    timer.cancel()
    trainer.close()
    return _rate(marks, WARMUP_S)


def _rate(marks: list[tuple[float, int]], warmup: float) -> float:
    if len(marks) < 2:
        return float("nan")
    t0 = marks[0][0] + warmup
    kept = [(t, s) for t, s in marks if t >= t0] or marks[-2:]
    (ta, sa), (tb, sb) = kept[0], kept[-1]
    return (sb - sa) / max(tb - ta, 1e-9)


def _stalls(ticks: list[float]) -> np.ndarray:
    gaps = np.diff(np.asarray(ticks)) - TICK_MS if len(ticks) > 1 else np.zeros(1)
    return np.maximum(gaps, 0.0)


def _timed(obj, name: str, durations: list[float]) -> None:
    """Wrap method ``name`` of ``obj`` to record how long each call takes (ms)."""
    original = getattr(obj, name)

    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            durations.append((time.perf_counter() - t0) * 1000)
    setattr(obj, name, wrapper)


def training_window(recipe_dict: dict, data, root: Path):
    """The real main window on the Training panel, set to ``recipe_dict`` with ``data`` loaded,
    showing the sample grid: (app, window, panel)."""
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.main_window import MainWindow
    app = ensure_app()
    window = MainWindow()
    window.training.runs_root = root
    window.resize(1440, 900)
    window.show()
    panel = window.training
    panel.load_lesson("dcgan_fashion")
    panel.form.set_values(recipe_dict)
    panel.preview.use_dataset(data, panel.form.values()["data"], recipe_dict["model"])
    window.tabs.setCurrentIndex(window.tabs.indexOf(window._training_host))
    panel.views.setCurrentWidget(panel.samples)
    return app, window, panel


def tick_until_run_ends(app, panel, tick):
    """Call ``tick(timer)`` from a precise TICK_MS timer until the panel's run finishes (the
    event loop runs meanwhile); ``tick`` stops the timer and the run when it is done."""
    from PySide6.QtCore import Qt, QTimer
    timer = QTimer()
    timer.setTimerType(Qt.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: tick(timer))
    panel.run_finished.connect(lambda _status: app.quit())
    timer.start()
    app.exec()


def gui_run(recipe_dict: dict, data, seconds: float, root: Path, idle_seconds: float = 5.0) -> dict:
    """An idle baseline, then training in the real window for ``seconds``: stalls and steps/s."""
    from PySide6.QtCore import QElapsedTimer

    app, window, panel = training_window(recipe_dict, data, root)

    slot_ms: list[float] = []
    _timed(panel, "_refresh", slot_ms)
    _timed(panel.session, "_on_batch", slot_ms)
    clock = QElapsedTimer()
    clock.start()
    idle_ticks: list[float] = []
    ticks: list[float] = []
    marks: list[tuple[float, int]] = []
    state = {"t_start": None, "started": False}

    def tick(timer):
        now = clock.nsecsElapsed() / 1e6
        if state["t_start"] is not None and "cpu0" not in state and now >= state["t_start"]:
            state["cpu0"], state["wall0"] = time.thread_time(), time.perf_counter()
        if not state["started"]:
            if now >= 1000:                      # let the window settle first
                idle_ticks.append(now)
            if now >= 1000 + idle_seconds * 1000:
                state["started"] = True
                panel.start()
            return
        if state["t_start"] is not None and now >= state["t_start"]:
            ticks.append(now)
        w = panel.session.worker
        if w is not None and w.trainer is not None and panel.state == "running":
            if state["t_start"] is None:
                state["t_start"] = now + WARMUP_S * 1000
            marks.append((time.perf_counter(), w.trainer.step_count))
            if now >= state["t_start"] + seconds * 1000:
                state["gui_cpu"] = ((time.thread_time() - state["cpu0"])
                                    / (time.perf_counter() - state["wall0"]))
                timer.stop()
                panel.stop()

    tick_until_run_ends(app, panel, tick)
    window._close_approved = True
    window.close()
    gaps, idle = _stalls(ticks), _stalls(idle_ticks)
    slots = np.asarray(slot_ms or [0.0])
    worker = panel.session.worker
    return {"largest_stall_ms": float(gaps.max()), "p99_stall_ms": float(np.percentile(gaps, 99)),
            "median_stall_ms": float(np.median(gaps)), "ticks": len(ticks),
            "idle_largest_stall_ms": float(idle.max()), "idle_p99_stall_ms": float(np.percentile(idle, 99)),
            "slot_max_ms": float(slots.max()), "slot_p99_ms": float(np.percentile(slots, 99)),
            "slot_calls": len(slot_ms), "gui_steps_per_s": _rate(marks, 0.0),
            "gui_thread_cpu_fraction": state.get("gui_cpu", float("nan")),
            "steps": worker.trainer.step_count if worker and worker.trainer else 0}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=60.0, help="GUI training time (after warm-up)")
    p.add_argument("--headless-seconds", type=float, default=20.0,
                   help="headless training time before and after the GUI run")
    p.add_argument("--main-thread", action="store_true",
                   help="also measure headless training on the main thread (like `ganstudio train`)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    args = p.parse_args(argv)
    if hasattr(signal, "SIGUSR1"):  # `kill -USR1 PID` prints every thread's stack
        faulthandler.register(signal.SIGUSR1, all_threads=True)

    import torch
    from ganstudio.train.recipe import Recipe
    recipe_dict = bench_recipe()
    recipe = Recipe.from_dict(recipe_dict)
    data = load_data(recipe)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    with tempfile.TemporaryDirectory(prefix="ganstudio-bench-") as tmp:
        root = Path(tmp)
        before = headless_rate(recipe, data, args.headless_seconds, root)
        gui = gui_run(recipe_dict, data, args.seconds, root)
        after = headless_rate(recipe, data, args.headless_seconds, root)
        main_rate = (headless_rate(recipe, data, args.headless_seconds, root, main_thread=True)
                     if args.main_thread else None)
    headless = (before + after) / 2
    result = dict(gui, headless_steps_per_s=headless, headless_before=before, headless_after=after,
                  throughput_fraction=gui["gui_steps_per_s"] / headless if headless else float("nan"),
                  headless_main_thread_steps_per_s=main_rate,
                  torch_threads=torch.get_num_threads(), load_average_at_start=load,
                  device="cuda" if torch.cuda.is_available() else "cpu")
    result["pass"] = {k: (result[k] < v if "stall" in k else result[k] >= v) for k, v in TARGETS.items()}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"DCGAN {recipe.model['resolution']}px batch {recipe.train.batch} on {result['device']}, "
              f"{result['torch_threads']} torch threads, load average {load:.1f}")
        print(f"event loop: largest stall {result['largest_stall_ms']:.1f} ms "
              f"(target < {TARGETS['largest_stall_ms']:.0f}), p99 {result['p99_stall_ms']:.1f} ms "
              f"(target < {TARGETS['p99_stall_ms']:.0f}), median {result['median_stall_ms']:.2f} ms, "
              f"{result['ticks']} ticks")
        print(f"  idle window on this machine: largest {result['idle_largest_stall_ms']:.1f} ms, "
              f"p99 {result['idle_p99_stall_ms']:.1f} ms; panel slots on the GUI thread: "
              f"max {result['slot_max_ms']:.1f} ms, p99 {result['slot_p99_ms']:.1f} ms "
              f"({result['slot_calls']} calls); the GUI thread used "
              f"{100 * result['gui_thread_cpu_fraction']:.1f} % of one core")
        print(f"throughput: GUI {result['gui_steps_per_s']:.2f} steps/s, headless {headless:.2f} "
              f"(before {before:.2f}, after {after:.2f}) -> {100 * result['throughput_fraction']:.1f} % "
              f"(target >= {100 * TARGETS['throughput_fraction']:.0f} %)")
        if main_rate is not None:
            print(f"  headless on the main thread: {main_rate:.2f} steps/s")
        print("pass: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in result["pass"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
