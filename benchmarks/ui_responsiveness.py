"""GUI responsiveness while training: event-loop stalls and the throughput cost of the GUI.

Runs the real main window (offscreen unless a display is set) training a DCGAN on
Fashion-MNIST and measures

* stalls of the GUI event loop: a 10 ms precise timer records when it actually fires; a stall
  is how much later than due a tick came (largest and 99th percentile);
* training throughput (steps/s) with the GUI attached, as a fraction of the same recipe run
  headless (``Trainer.run`` without Qt, with only a thread that wakes as often as the stall
  timer, so both sides carry the same probe).  Headless and GUI runs alternate (headless, GUI,
  headless, GUI, ..., headless: ``--rounds`` GUI runs), and each GUI run is compared with the
  mean of the headless runs just before and after it, so slow drifts in machine load cancel
  out; the fraction is the mean over rounds (each round's is printed too).  The headless
  reference runs on a background thread, as the GUI's worker does: on a busy CPU, which thread
  calls into OpenMP changes PyTorch's speed by a large factor, and the question here is what
  the GUI costs.  All runs use the same number of torch threads (what the app picks at the
  start).  ``--main-thread`` also reports ``Trainer.run`` on the main thread (``ganstudio
  train``).

It also reports an idle baseline (the same timer with the window open and nothing training:
what the machine and this timer cost), how long the panel's own slots ran on the GUI thread,
and the share of a core the GUI thread used while training.

Targets: largest stall < 50 ms, p99 < 20 ms, throughput >= 95 % of headless.

    python benchmarks/ui_responsiveness.py [--seconds 60] [--rounds 3] [--headless-seconds 10] [--json]
"""
from __future__ import annotations

import argparse
import atexit
import faulthandler
import json
import os
import shutil
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


def bench_recipe(steps: int = 1_000_000, threads: int = 0) -> dict:
    """The DCGAN lesson's recipe, long enough never to finish during the benchmark."""
    from ganstudio.ui.training.lessons import lesson
    d = lesson("dcgan_fashion").recipe(0)
    d["train"] = dict(d["train"], steps=steps, checkpoint_every=0, device="auto", threads=threads)
    return d


def app_threads(recipe_dict: dict) -> int:
    """The number of torch threads the app would train this recipe with now."""
    import torch
    from ganstudio.train.steps import configure_threads, resolve_device
    device = resolve_device(recipe_dict["train"].get("device", "auto"))
    configure_threads(0, recipe_dict["model"].get("family"), torch.device(device))
    return torch.get_num_threads()


def load_data(recipe):
    from ganstudio.train.data import load_dataset
    m = recipe.model
    return load_dataset(recipe.data, resolution=m.get("resolution"), channels=m.get("channels"))


def headless_rate(recipe, data, seconds: float, root: Path, main_thread: bool = False) -> float:
    """Steps per second of Trainer.run without any GUI, after a warm-up.

    A probe thread wakes every TICK_MS meanwhile, as the stall timer does in the GUI runs, so
    both sides carry the same measuring instrument (its wake-ups take the GIL too)."""
    from ganstudio.train.trainer import Trainer
    trainer = Trainer(recipe, root / f"headless-{time.monotonic_ns()}", data=data)
    marks: list[tuple[float, int]] = []
    trainer.progress_fn = lambda step, total: marks.append((time.perf_counter(), step))
    timer = threading.Timer(WARMUP_S + seconds, trainer.stop)
    done = threading.Event()
    probe = threading.Thread(target=_probe, args=(done,), name="stall-probe")
    probe.start()
    timer.start()
    if main_thread:
        trainer.run()
    else:
        runner = threading.Thread(target=trainer.run, name="headless-trainer")
        runner.start()
        runner.join()
    timer.cancel()
    done.set()
    probe.join()
    trainer.close()
    return _rate(marks, WARMUP_S)


def _probe(done: threading.Event) -> None:
    ticks: list[float] = []
    while not done.wait(TICK_MS / 1000):
        ticks.append(time.perf_counter() * 1000)


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


_UNWRAPPED: dict[tuple[type, str], object] = {}


def _timed(cls: type, name: str, durations: list[float]) -> None:
    """Wrap method ``name`` of class ``cls`` so each call records how long it takes (ms), for
    every instance built afterwards (signals connect to the method when an instance is built, so
    wrap before building). Wrapping again replaces the previous wrapper; it never nests."""
    original = _UNWRAPPED.setdefault((cls, name), getattr(cls, name))

    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            durations.append((time.perf_counter() - t0) * 1000)
    setattr(cls, name, wrapper)


_ISOLATED: Path | None = None


def isolate_settings() -> Path:
    """Point GAN Studio's settings (window layout, recent files, runs folder) and its config
    folder (bookmarks) at a temporary folder of this process, removed at exit: the benchmark's
    window must never write into the user's own settings (it once left ``training/runs_root``
    pointing at a deleted temporary folder)."""
    global _ISOLATED
    if _ISOLATED is None:
        _ISOLATED = Path(tempfile.mkdtemp(prefix="ganstudio-bench-settings-"))
        atexit.register(shutil.rmtree, _ISOLATED, True)
    os.environ["GANSTUDIO_SETTINGS_DIR"] = str(_ISOLATED / "settings")
    os.environ["GANSTUDIO_CONFIG_DIR"] = str(_ISOLATED / "config")
    return _ISOLATED


def training_window(recipe_dict: dict, data, root: Path):
    """The real main window on the Training panel, set to ``recipe_dict`` with ``data`` loaded,
    showing the sample grid: (app, window, panel).  Its settings are the benchmark's own."""
    isolate_settings()
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.main_window import MainWindow
    app = ensure_app()
    window = MainWindow()
    window.training_panel().runs_root = root
    window.resize(1440, 900)
    window.show()
    panel = window.training_panel()
    panel.load_lesson("dcgan_fashion")
    panel.form.set_values(recipe_dict)
    panel.preview.use_dataset(data, panel.form.values()["data"], recipe_dict["model"])
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.training_tab))
    panel.views.setCurrentWidget(panel.samples)
    return app, window, panel


def tick_until(tick, done_signal=None) -> None:
    """Run the event loop, calling ``tick(timer, loop)`` from a precise TICK_MS timer, until
    ``loop.quit()`` or ``done_signal``.  (A local loop: QApplication.quit() would also close
    every window.)"""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    loop = QEventLoop()
    timer = QTimer()
    timer.setTimerType(Qt.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: tick(timer, loop))
    if done_signal is not None:
        done_signal.connect(loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    if done_signal is not None:
        done_signal.disconnect(loop.quit)


def tick_until_run_ends(app, panel, tick):
    """Call ``tick(timer)`` from a precise TICK_MS timer until the panel's run finishes (the
    event loop runs meanwhile); ``tick`` stops the timer and the run when it is done."""
    tick_until(lambda timer, _loop: tick(timer), panel.run_finished)


class GuiRuns:
    """The real window, an idle baseline, then one training run per :meth:`run` call."""

    def __init__(self, recipe_dict: dict, data, root: Path, idle_seconds: float = 5.0):
        from PySide6.QtCore import QElapsedTimer
        from ganstudio.ui.training.panel import TrainingPanel
        from ganstudio.ui.training.run_source import LiveSource
        self.recipe_dict, self.data = recipe_dict, data
        self.slot_ms: list[float] = []
        _timed(TrainingPanel, "_refresh", self.slot_ms)     # the panel's redraws
        _timed(LiveSource, "_on_batch", self.slot_ms)       # every live run's batches
        self.app, self.window, self.panel = training_window(recipe_dict, data, root)
        self.clock = QElapsedTimer()
        self.clock.start()
        self.gaps: list[np.ndarray] = []
        self.cpu: list[float] = []
        self.idle = self._idle(idle_seconds)

    def _idle(self, seconds: float) -> dict:
        """The timer with the window open and nothing training (after 1 s to settle)."""
        ticks: list[float] = []
        t0 = self.clock.nsecsElapsed() / 1e6
        cpu = {}

        def tick(timer, loop):
            now = self.clock.nsecsElapsed() / 1e6 - t0
            if now >= 1000:
                ticks.append(now)
                cpu.setdefault("t0", (time.thread_time(), time.perf_counter()))
            if now >= 1000 + seconds * 1000:
                c0, w0 = cpu["t0"]
                cpu["fraction"] = (time.thread_time() - c0) / (time.perf_counter() - w0)
                timer.stop()
                loop.quit()
        tick_until(tick)
        gaps = _stalls(ticks)
        return {"idle_largest_stall_ms": float(gaps.max()),
                "idle_p99_stall_ms": float(np.percentile(gaps, 99)),
                "idle_gui_thread_cpu_fraction": cpu.get("fraction", float("nan"))}

    def run(self, seconds: float) -> float:
        """Train in the window for WARMUP_S + ``seconds``; steps/s after the warm-up."""
        panel = self.panel
        ticks: list[float] = []
        marks: list[tuple[float, int]] = []
        state: dict = {"t_start": None, "started": False}

        def tick(timer):
            now = self.clock.nsecsElapsed() / 1e6
            if not state["started"]:
                state["started"] = True
                panel.start()
                return
            t_start = state["t_start"]
            if t_start is not None and now >= t_start:
                ticks.append(now)
                state.setdefault("cpu0", (time.thread_time(), time.perf_counter()))
            w = panel.session.worker
            if w is not None and w.trainer is not None and panel.state == "running":
                if t_start is None:
                    state["t_start"] = now + WARMUP_S * 1000
                    return
                if now >= t_start:
                    marks.append((time.perf_counter(), w.trainer.step_count))
                if now >= t_start + seconds * 1000:
                    c0, w0 = state["cpu0"]
                    self.cpu.append((time.thread_time() - c0) / (time.perf_counter() - w0))
                    timer.stop()
                    panel.stop()

        tick_until_run_ends(self.app, panel, tick)
        assert panel.curves.isVisible(), "the training panel must be on screen while measuring"
        self.gaps.append(_stalls(ticks))
        return _rate(marks, 0.0)

    def close(self) -> dict:
        self.window._close_approved = True
        self.window.close()
        gaps = np.concatenate(self.gaps) if self.gaps else np.zeros(1)
        slots = np.asarray(self.slot_ms or [0.0])
        return {"largest_stall_ms": float(gaps.max()), "p99_stall_ms": float(np.percentile(gaps, 99)),
                "median_stall_ms": float(np.median(gaps)), "ticks": int(gaps.size),
                **self.idle,
                "slot_max_ms": float(slots.max()), "slot_p99_ms": float(np.percentile(slots, 99)),
                "slot_calls": len(self.slot_ms),
                "gui_thread_cpu_fraction": float(np.mean(self.cpu)) if self.cpu else float("nan")}


def measure(recipe, recipe_dict: dict, data, root: Path, *, rounds: int, gui_seconds: float,
            headless_seconds: float) -> dict:
    """headless, (GUI, headless) x rounds; each GUI rate against its two neighbours' mean."""
    headless = [headless_rate(recipe, data, headless_seconds, root)]
    gui = GuiRuns(recipe_dict, data, root)
    rates = []
    for _ in range(rounds):
        rates.append(gui.run(gui_seconds / rounds))
        headless.append(headless_rate(recipe, data, headless_seconds, root))
    result = gui.close()
    fractions = [g / ((a + b) / 2) for g, a, b in zip(rates, headless, headless[1:])]
    return dict(result, gui_steps_per_s=float(np.mean(rates)), gui_rates=rates,
                headless_steps_per_s=float(np.mean(headless)), headless_rates=headless,
                round_fractions=fractions, throughput_fraction=float(np.mean(fractions)))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=60.0,
                   help="GUI training time in all, after each run's warm-up (default 60)")
    p.add_argument("--rounds", type=int, default=3, help="GUI runs, each between two headless ones")
    p.add_argument("--headless-seconds", type=float, default=10.0,
                   help="training time of each headless run, after its warm-up (default 10)")
    p.add_argument("--main-thread", action="store_true",
                   help="also measure headless training on the main thread (like `ganstudio train`)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    args = p.parse_args(argv)
    if args.rounds < 1 or args.seconds <= 0 or args.headless_seconds <= 0:
        p.error("--rounds must be >= 1 and the times > 0")
    if hasattr(signal, "SIGUSR1"):  # `kill -USR1 PID` prints every thread's stack
        faulthandler.register(signal.SIGUSR1, all_threads=True)

    import torch
    from ganstudio.train.recipe import Recipe
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    recipe_dict = bench_recipe()
    recipe_dict = bench_recipe(threads=app_threads(recipe_dict))   # the same for every run
    recipe = Recipe.from_dict(recipe_dict)
    data = load_data(recipe)
    with tempfile.TemporaryDirectory(prefix="ganstudio-bench-") as tmp:
        root = Path(tmp)
        result = measure(recipe, recipe_dict, data, root, rounds=args.rounds,
                         gui_seconds=args.seconds, headless_seconds=args.headless_seconds)
        main_rate = (headless_rate(recipe, data, args.headless_seconds, root, main_thread=True)
                     if args.main_thread else None)
    result.update(headless_main_thread_steps_per_s=main_rate, torch_threads=torch.get_num_threads(),
                  load_average_at_start=load, device="cuda" if torch.cuda.is_available() else "cpu")
    result["pass"] = {k: (result[k] < v if "stall" in k else result[k] >= v) for k, v in TARGETS.items()}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result, recipe)
    return 0


def report(r: dict, recipe) -> None:
    pct = " ".join(f"{100 * f:.1f}" for f in r["round_fractions"])
    print(f"DCGAN {recipe.model['resolution']}px batch {recipe.train.batch} on {r['device']}, "
          f"{r['torch_threads']} torch threads, load average {r['load_average_at_start']:.1f}")
    print(f"event loop: largest stall {r['largest_stall_ms']:.1f} ms "
          f"(target < {TARGETS['largest_stall_ms']:.0f}), p99 {r['p99_stall_ms']:.1f} ms "
          f"(target < {TARGETS['p99_stall_ms']:.0f}), median {r['median_stall_ms']:.2f} ms, "
          f"{r['ticks']} ticks")
    print(f"  idle window on this machine: largest {r['idle_largest_stall_ms']:.1f} ms, "
          f"p99 {r['idle_p99_stall_ms']:.1f} ms, the GUI thread (this timer) used "
          f"{100 * r['idle_gui_thread_cpu_fraction']:.1f} % of one core")
    print(f"  training: panel slots on the GUI thread max {r['slot_max_ms']:.1f} ms, p99 "
          f"{r['slot_p99_ms']:.1f} ms ({r['slot_calls']} calls); the GUI thread used "
          f"{100 * r['gui_thread_cpu_fraction']:.1f} % of one core")
    print(f"throughput: GUI {r['gui_steps_per_s']:.2f} steps/s, headless {r['headless_steps_per_s']:.2f} "
          f"({' '.join(f'{h:.2f}' for h in r['headless_rates'])} around GUI "
          f"{' '.join(f'{g:.2f}' for g in r['gui_rates'])}) -> {100 * r['throughput_fraction']:.1f} % "
          f"(rounds: {pct}; target >= {100 * TARGETS['throughput_fraction']:.0f} %)")
    if r["headless_main_thread_steps_per_s"] is not None:
        print(f"  headless on the main thread: {r['headless_main_thread_steps_per_s']:.2f} steps/s")
    print("pass: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in r["pass"].items()))


if __name__ == "__main__":
    sys.exit(main())
