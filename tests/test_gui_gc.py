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
import threading
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QThread  # noqa: E402
from PySide6.QtWidgets import QLabel, QWidget  # noqa: E402

from ganstudio.ui import gui_gc  # noqa: E402


class _Allocator(QThread):
    """Allocates containers as an import or a training step does (gen-0 counts rise here),
    until told to stop."""

    stop = False

    def run(self):
        keep, i = [], 0
        while not self.stop:
            keep.append((i, {"a": [i]}))
            i += 1
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
        made = 100
        with qtbot.waitSignal(worker.finished, timeout=60_000):
            worker.start()
            try:
                for _ in range(made):
                    p = QWidget()
                    label = QLabel("x", p)
                    p.me, label.owner = p, p                  # a reference cycle through wrappers
                    p.destroyed.connect(lambda *_: destroyed.append(1))
                    del p, label
                    qtbot.wait(1)
                # the timer collects while the worker allocates
                qtbot.waitUntil(lambda: len(destroyed) > 0, timeout=20_000)
            finally:
                worker.stop = True
    finally:
        gc.callbacks.remove(callback)
    assert found.get("worker", 0) == 0 and found.get("gui", 0) > 0
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


def test_a_training_thread_never_runs_a_cyclic_collection():
    """benchmarks/gui_gc_crash.py's run, as the app starts it: widgets dropped in cycles on the
    GUI thread while the TrainWorker's first optimiser imports torch._dynamo."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from gui_gc_crash import CHILD
    finally:
        sys.path.pop(0)
    out = subprocess.run([sys.executable, "-c", CHILD, "gui_gc"], capture_output=True, text=True,
                         timeout=240, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"status": "done", "worker_collections": 0, "dynamo": True}
