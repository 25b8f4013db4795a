"""Optional start-up report for benchmarks and the real-window test.

With ``GANSTUDIO_STARTUP_REPORT=report.json`` set, the app writes, once the first generated
image is on screen: the seconds from process start to that moment, the window title, the panel
names, where the image is on screen, the language, the menu titles and the font families.
With ``GANSTUDIO_SCREENSHOT=shot.png`` it also grabs the real screen (what the X server shows,
not a re-render) and then quits.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication

from ganstudio.ui import i18n


def process_age() -> float:
    """Seconds since this process started (from /proc where there is one)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        boot = float(Path("/proc/uptime").read_text().split()[0])
        return boot - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


def install(window) -> bool:
    """Arm the report when the environment asks for it; returns whether it did."""
    report = os.environ.get("GANSTUDIO_STARTUP_REPORT")
    if not report:
        return False
    shot = os.environ.get("GANSTUDIO_SCREENSHOT")

    def on_first_image():
        elapsed = process_age()
        # let the compositor-free X server show the painted frame before grabbing it
        QTimer.singleShot(300, lambda: _write(window, Path(report), shot, elapsed))

    window.explorer.first_image_shown.connect(on_first_image)
    return True


def _write(window, report: Path, shot: str | None, elapsed: float) -> None:
    view = window.explorer.view
    top_left = view.mapToGlobal(QPoint(0, 0))
    data = {
        "seconds_to_first_image": round(elapsed, 3),
        "title": window.windowTitle(),
        "panels": [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())],
        "current_panel": window.tabs.tabText(window.tabs.currentIndex()).replace("&", ""),
        "image_rect": [top_left.x(), top_left.y(), view.width(), view.height()],
        "language": i18n.current_language(),
        "menus": [a.text().replace("&", "") for a in window.menuBar().actions()],
        "font_families": QApplication.font().families(),
    }
    if shot:
        screen = window.screen() or QApplication.primaryScreen()
        screen.grabWindow(0).save(shot, "PNG")
        data["screenshot"] = shot
    report.write_text(json.dumps(data, indent=2))
    if shot:
        window.setProperty("skip_close_confirmation", True)
        QApplication.instance().quit()
