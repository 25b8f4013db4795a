"""End to end: launch `ganstudio` as a user would, in a real X window (Xvfb), and look at it."""
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


@pytest.fixture
def display():
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (make test installs it as root)")
    for num in range(91, 120):
        if not Path(f"/tmp/.X11-unix/X{num}").exists() and not Path(f"/tmp/.X{num}-lock").exists():
            break
    proc = subprocess.Popen([xvfb, f":{num}", "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while not Path(f"/tmp/.X11-unix/X{num}").exists():
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            pytest.skip("Xvfb did not start")
        time.sleep(0.05)
    yield f":{num}"
    proc.terminate()
    proc.wait(5)


def test_app_opens_a_real_window_with_an_image(display, tmp_path):
    report = tmp_path / "startup.json"
    shot = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", GANSTUDIO_STARTUP_REPORT=str(report),
               GANSTUDIO_SCREENSHOT=str(shot))
    proc = subprocess.run([sys.executable, "-m", "ganstudio"], env=env, capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(report.read_text())
    print(f"screenshot: {shot}")
    assert "GAN Studio" in data["title"]
    assert {"Training", "Explorer"} <= set(data["panels"])
    img = np.asarray(Image.open(shot).convert("L"), dtype=np.float32)
    x, y, w, h = data["image_rect"]
    assert w > 32 and h > 32
    area = img[y:y + h, x:x + w]
    assert area.size and area.std() > 5, "the generated image area is blank"
    # the window itself is on screen: the screenshot is not one flat colour either
    assert img.std() > 5
