"""TrainWorker: the first optimiser's heavy import happens on the worker, with cyclic GC off."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("pytestqt")

# A fresh interpreter (torch._dynamo not imported yet) runs a tiny toy recipe in a TrainWorker
# and records, when torch._dynamo is first imported, on which thread and whether cyclic GC was on.
SCRIPT = textwrap.dedent("""
    import gc, json, sys, tempfile, threading
    import torch
    from PySide6.QtCore import QCoreApplication, QTimer
    from ganstudio.train.recipe import Recipe
    from ganstudio.ui.workers import TrainWorker

    seen = []

    class Watch:
        def find_spec(self, name, path=None, target=None):
            if name == "torch._dynamo" and not seen:
                seen.append({"thread": threading.current_thread().name, "gc": gc.isenabled()})
            return None

    assert "torch._dynamo" not in sys.modules
    sys.meta_path.insert(0, Watch())
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
    print(json.dumps({"status": w.status, "seen": seen, "gc_after": gc.isenabled(),
                      "main": threading.current_thread().name}))
""")


def test_the_first_optimisers_import_runs_on_the_worker_with_cyclic_gc_off():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=240, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["status"] == "done"
    assert len(result["seen"]) == 1
    assert result["seen"][0]["thread"] != result["main"]     # not on the GUI thread (no freeze)
    assert result["seen"][0]["gc"] is False                  # no collection can race the import
    assert result["gc_after"] is True                        # and the GC is back on afterwards


def test_preloading_twice_leaves_the_gc_as_it_was():
    import gc
    from ganstudio.ui.workers import preload_torch_runtime
    preload_torch_runtime()
    assert "torch._dynamo" in sys.modules
    was = gc.isenabled()
    preload_torch_runtime()
    assert gc.isenabled() == was
