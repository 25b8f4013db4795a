"""End to end in Japanese: `ganstudio` under a Japanese locale, in a real X window (Xvfb), with
the Japanese font; the screenshot is kept for a person to look at (its path is printed)."""
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from ganstudio.ui.i18n import JAPANESE_FAMILIES
from test_real_window import display  # noqa: F401 - the Xvfb fixture

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


def test_the_app_opens_in_japanese_under_a_japanese_locale(display, tmp_path):  # noqa: F811
    report = tmp_path / "startup.json"
    shot = tmp_path / "window_ja.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "LC_ALL", "LC_MESSAGES")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="ja_JP.UTF-8",
               GANSTUDIO_STARTUP_REPORT=str(report), GANSTUDIO_SCREENSHOT=str(shot))
    proc = subprocess.run([sys.executable, "-m", "ganstudio"], env=env, capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(report.read_text())
    print(f"screenshot: {shot}")
    assert data["language"] == "ja"
    assert data["panels"] == ["訓練", "エクスプローラー"]
    assert data["menus"] == ["ファイル(F)", "訓練(T)", "表示(V)", "ヘルプ(H)"]
    fonts = (subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True).stdout
             if shutil.which("fc-list") else "")
    if any(f in fonts for f in JAPANESE_FAMILIES):   # make system-packages installs one
        assert set(data["font_families"]) & set(JAPANESE_FAMILIES), data["font_families"]
    img = np.asarray(Image.open(shot).convert("L"), dtype=np.float32)
    assert img.std() > 5
