"""Cyclic garbage is collected on the GUI thread only (ganstudio.ui.gui_gc).

A collection on a worker thread could free the Python wrappers of widgets the GUI thread
dropped while their C++ widgets still had events posted to them: PySide then looked up an
event override on a freed wrapper and the app segfaulted (the first training run's
``import torch._dynamo`` on the worker made it likely).  These tests make that situation
and check that no collection runs on the worker and that the garbage is still freed."""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
import threading

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QThread  # noqa: E402
from PySide6.QtWidgets import QLabel, QWidget  # noqa: E402

from ganstudio.ui import gui_gc  # noqa: E402


class _Allocator(QThread):
    """Allocates containers as an import or a training step does (gen-0 counts rise here)."""

    def run(self):
        keep = []
        for i in range(1_500_000):
            keep.append((i, {"a": [i]}))
            if len(keep) > 2000:
                keep.clear()


def _collections_by_thread(found: dict):
    main = threading.get_ident()

    def on_gc(phase, info):
        if phase == "stop" and info["collected"]:
            key = "gui" if threading.get_ident() == main else "worker"
            found[key] = found.get(key, 0) + info["collected"]
    return on_gc


def test_widgets_dropped_in_cycles_are_collected_on_the_gui_thread_while_a_worker_allocates(qtbot):
    assert gui_gc.installed() and not gc.isenabled()
    found, destroyed = {}, []
    callback = _collections_by_thread(found)
    gc.callbacks.append(callback)
    try:
        worker = _Allocator()
        made = 0
        with qtbot.waitSignal(worker.finished, timeout=60_000):
            worker.start()
            while worker.isRunning() and made < 400:
                p = QWidget()
                label = QLabel("x", p)
                p.me, label.owner = p, p                  # a reference cycle through wrappers
                p.destroyed.connect(lambda *_: destroyed.append(1))
                del p, label
                made += 1
                qtbot.wait(1)
        # the timer collected while the worker allocated (what is younger waits for more
        # allocation, as with Python's own collection)
        qtbot.waitUntil(lambda: len(destroyed) > 0, timeout=20_000)
    finally:
        gc.callbacks.remove(callback)
    assert made >= 20 and found.get("worker", 0) == 0 and found.get("gui", 0) > 0
    gc.collect()
    qtbot.waitUntil(lambda: len(destroyed) == made, timeout=10_000)    # none was lost


def test_only_the_gui_thread_may_collect(qtbot):
    errors = []

    class Collector(QThread):
        def run(self):
            try:
                gui_gc.collect_due()
            except RuntimeError as e:
                errors.append(str(e))
    c = Collector()
    with qtbot.waitSignal(c.finished, timeout=10_000):
        c.start()
    assert errors and "GUI thread" in errors[0]


# A fresh interpreter with a bare QCoreApplication (no ensure_app) runs a tiny toy recipe in a
# TrainWorker, whose first optimiser imports torch._dynamo on the worker: the worker's start
# moved collection to the GUI thread, so none runs on the worker.
SCRIPT = textwrap.dedent("""
    import gc, json, sys, tempfile, threading
    import torch
    from PySide6.QtCore import QCoreApplication, QTimer
    from ganstudio.train.recipe import Recipe
    from ganstudio.ui.workers import TrainWorker

    main, on_worker = threading.get_ident(), []
    def on_gc(phase, info):
        if phase == "start" and threading.get_ident() != main:
            on_worker.append(info["generation"])
    gc.callbacks.append(on_gc)
    gc.set_threshold(50, 5, 5)           # collections far more often than by default
    app = QCoreApplication([])
    recipe = Recipe.from_dict({
        "name": "tiny", "model": {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 8, "layers": 1},
        "data": {"kind": "toy", "toy": "ring8", "toy_samples": 256},
        "train": {"steps": 3, "batch": 16, "log_every": 1, "sample_every": 0,
                  "checkpoint_every": 0, "device": "cpu", "threads": 1}})
    w = TrainWorker(recipe, tempfile.mkdtemp() + "/run", toy_views=False)
    w.batch.connect(lambda b: w.ack())
    w.run_finished.connect(lambda status: app.quit())
    QTimer.singleShot(0, w.start)
    app.exec()
    w.wait()
    print(json.dumps({"status": w.status, "on_worker": len(on_worker),
                      "dynamo": "torch._dynamo" in sys.modules}))
""")


def test_a_training_thread_never_runs_a_cyclic_collection():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=240, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"status": "done", "on_worker": 0, "dynamo": True}
