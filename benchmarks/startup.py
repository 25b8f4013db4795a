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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--x11", action="store_true", help="use the real $DISPLAY instead of offscreen")
    args = ap.parse_args()
    times = []
    for i in range(args.runs):
        r = one_run(args.x11)
        times.append(r["seconds_to_first_image"])
        print(f"run {i + 1}: {times[-1]:.2f} s to the first image ({r['current_panel']} panel)")
    print(f"median {statistics.median(times):.2f} s, best {min(times):.2f} s "
          f"(target <= 3 s); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
