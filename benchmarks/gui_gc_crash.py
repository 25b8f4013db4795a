"""The crash that ``ganstudio.ui.gui_gc`` prevents, reproduced: runs that segfault, with and without it.

Each run is a fresh interpreter: the GUI thread makes widgets in reference cycles and drops
them on a 5 ms timer (collecting on that thread now and then) while a TrainWorker builds its
first optimiser, whose ``import torch._dynamo`` allocates for seconds on the worker thread.
Collection thresholds are lowered to (50, 5, 5) so that collections come often.  Without
``gui_gc``, Python's automatic collections run on the worker too; one that frees a dropped
widget's wrapper while the GUI thread still delivers an event to the widget crashes PySide
(``Shiboken::Object::cppPointer`` in ``notify_helper``: run it under gdb to see).  The runs
alternate between the two variants so both meet the same machine load.

    python benchmarks/gui_gc_crash.py [--pairs 12]

Prints, per variant, how many runs ended how (exit status 139 / -11: a segfault).
``tests/test_gui_gc.py`` runs the ``gui_gc`` variant once: no collection on the worker.
"""
from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys

CHILD = r"""
import faulthandler, gc, json, sys, tempfile, threading
faulthandler.enable()
faulthandler.dump_traceback_later(240, exit=True)        # a hang shows as exit status 1
import torch
torch.set_num_threads(1)
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from ganstudio.train.recipe import Recipe
from ganstudio.ui.workers import TrainWorker

assert "torch._dynamo" not in sys.modules
main, on_worker = threading.get_ident(), []
gc.callbacks.append(lambda phase, info: phase == "start" and threading.get_ident() != main
                    and on_worker.append(info["generation"]))
gc.set_threshold(50, 5, 5)
app = QApplication([])
recipe = Recipe.from_dict({
    "name": "tiny", "model": {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 8, "layers": 1},
    "data": {"kind": "toy", "toy": "ring8", "toy_samples": 256},
    "train": {"steps": 3, "batch": 16, "log_every": 1, "sample_every": 0,
              "checkpoint_every": 0, "device": "cpu", "threads": 1}})
w = TrainWorker(recipe, tempfile.mkdtemp() + "/run", toy_views=False)
w.batch.connect(lambda b: w.ack())
w.run_finished.connect(lambda status: app.quit())
n = [0]
def churn():
    for _ in range(5):
        p = QWidget(); label = QLabel("x", p); p.me = p; label.owner = p   # cycles via wrappers
    gc.collect(2 if n[0] % 20 == 0 else n[0] % 2)                       # on the GUI thread
    n[0] += 1
timer = QTimer(); timer.timeout.connect(churn); timer.start(5)
if sys.argv[1] == "gui_gc":
    QTimer.singleShot(0, w.start)                  # the app's path: TrainWorker.start installs gui_gc
else:
    QTimer.singleShot(0, lambda: QThread.start(w))   # QThread's own start: no gui_gc
app.exec()
w.wait()
print(json.dumps({"status": w.status, "worker_collections": len(on_worker),
                  "dynamo": "torch._dynamo" in sys.modules}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=12, help="runs of each variant (default 12)")
    args = ap.parse_args()
    if args.pairs < 1:
        ap.error("--pairs must be at least 1")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ends = {"automatic": collections.Counter(), "gui_gc": collections.Counter()}
    for i in range(args.pairs):
        for variant in ends:
            r = subprocess.run([sys.executable, "-c", CHILD, variant], env=env,
                               capture_output=True, text=True, timeout=300)
            ends[variant][r.returncode] += 1
            print(f"pair {i + 1}: {variant:9s} exit status {r.returncode}", flush=True)
    for variant, counts in ends.items():
        crashed = sum(v for k, v in counts.items() if k in (139, -11))
        print(f"{variant:9s}: {crashed} of {args.pairs} runs segfaulted  (exit statuses {dict(counts)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
