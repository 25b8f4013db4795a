"""Time from launching `ganstudio` to the first generated image on screen.

Runs the real app (offscreen by default, or on $DISPLAY with --x11) several times and prints
the seconds to the first painted image, as the app itself reports them (measured from process
start).  Target on the reference machine: <= 3 s.

    python benchmarks/startup.py [--runs 3] [--x11]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def one_run(x11: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "startup.json"
        env = dict(os.environ, GANSTUDIO_STARTUP_REPORT=str(report),
                   GANSTUDIO_SCREENSHOT=str(Path(tmp) / "shot.png"))
        if not x11:
            env["QT_QPA_PLATFORM"] = "offscreen"
        subprocess.run([sys.executable, "-m", "ganstudio"], env=env, check=True, timeout=300,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return json.loads(report.read_text())


def torch_import_seconds() -> float:
    """Wall time of a bare `python -c "import torch"`: the floor no app built on PyTorch beats."""
    import time
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch"], check=True, timeout=300)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--x11", action="store_true", help="use the real $DISPLAY instead of offscreen")
    args = ap.parse_args()
    times, floors = [], []
    for i in range(args.runs):     # interleaved, so both see the same machine load
        r = one_run(args.x11)
        times.append(r["seconds_to_first_image"])
        floors.append(torch_import_seconds())
        print(f"run {i + 1}: {times[-1]:.2f} s to the first image ({r['current_panel']} panel); "
              f"a bare `import torch`: {floors[-1]:.2f} s")
    med, floor = statistics.median(times), statistics.median(floors)
    print(f"median {med:.2f} s, best {min(times):.2f} s (target <= 3 s); of the median, "
          f"{floor:.2f} s is importing PyTorch and {med - floor:.2f} s the app itself; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
