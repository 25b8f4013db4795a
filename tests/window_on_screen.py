"""Run by test_window_fits in a process of its own whose (offscreen) screen is W x H: the main
window is shown, the 2-D lesson trains and shows its teaching view, the shipped StyleGAN opens
and every Explorer tab is visited; after each view change the window must lie within the
screen's available geometry.  Prints one line per change; exits 1 at the first overflow."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main() -> int:
    from PySide6.QtTest import QTest

    from ganstudio.train.recipe import Recipe
    from ganstudio.train.trainer import Trainer
    from ganstudio.ui.app import ensure_app
    ensure_app()
    from ganstudio.ui.main_window import MainWindow
    w = MainWindow()
    w.training_panel().runs_root = Path(tempfile.mkdtemp()) / "runs"
    w.show()
    available = w.screen().availableGeometry()
    failures = []

    def check(what: str, wait_ms: int = 100) -> None:
        QTest.qWait(wait_ms)
        size = w.frameGeometry()
        ok = available.contains(size)
        print(f"{'ok' if ok else 'OVERFLOW'} {what}: {size.width()} x {size.height()} "
              f"within {available.width()} x {available.height()}", flush=True)
        if not ok:
            failures.append(what)

    check("shown")
    w.tabs.setCurrentWidget(w.training_tab)
    t = w.training_panel()
    t.load_lesson("mode_collapse")
    check("the 2-D lesson loaded")
    values = t.form.values()
    trainer = Trainer(Recipe.from_dict(values | {"train": values["train"] | {
        "steps": 2, "device": "cpu", "threads": 1}}), None)
    trainer.run()
    t.views.setCurrentWidget(t.toy)
    t.show_toy_snapshot(trainer.toy_snapshot())
    for _ in range(100):
        if "modes captured" in t.toy.view_2d.stats.text():
            break
        QTest.qWait(100)
    check("its teaching view")
    for i in range(t.views.count()):
        t.views.setCurrentIndex(i)
        check(f"training view {t.views.tabText(i)}")
    w.tabs.setCurrentWidget(w.explorer_tab)
    e = w.explorer
    e.open_path(Path(__file__).parents[1] / "resources/models/stylegan_fashion32.pt")
    check("a StyleGAN opened", 1000)
    for i in range(e.tabs.count()):
        e.tabs.setCurrentIndex(i)
        check(f"Explorer tab {e.tabs.tabText(i)}")
    w.training_panel().shutdown()
    w._close_approved = True
    w.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
