"""What the teaching controls cost: the manifold grid and the KL / JS estimate beside a whole
toy snapshot and a training step, the estimate per log line, and switching presentation mode.

    QT_QPA_PLATFORM=offscreen python benchmarks/teaching_costs.py [--recipe training/toy_ring8.toml]

One CPU thread; each time is the best of several repeats (the machine is shared), reported
beside the thing it adds to, so the ratios hold on a busy machine too.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def best_ms(fn, repeats: int = 15) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * min(times)


def engine(recipe_path: str) -> None:
    import torch
    torch.set_num_threads(1)
    from ganstudio.train import toy as toyviz
    from ganstudio.train.recipe import Recipe
    from ganstudio.train.toy_divergence import grid_divergences
    from ganstudio.train.toy_manifold import manifold_lines
    from ganstudio.train.trainer import Trainer
    t = Trainer(Recipe.load(recipe_path, ["train.device=cpu", "train.threads=1"]), None)
    for _ in range(20):
        t.step()
    f, G = t.fixed, t._view_G()
    samples = f.toy_eval(G)
    step = best_ms(t.step, 40)
    snap = best_ms(t.toy_snapshot)
    div = best_ms(lambda: grid_divergences(f.real_array, samples, *f.grid_axes))
    man = best_ms(lambda: manifold_lines(t.G, t.G.z_dim, t.device))
    modes = best_ms(lambda: toyviz.toy_quality(f.toy_eval(G), f.data))
    every = t.recipe.train.log_every
    print(f"{recipe_path}: training step {step:.1f} ms, toy snapshot {snap:.1f} ms")
    print(f"  manifold grid {man:.1f} ms + KL / JS {div:.1f} ms = "
          f"{100 * (man + div) / snap:.1f} % of a snapshot")
    print(f"  per log line: KL / JS {div:.1f} ms beside mode statistics {modes:.1f} ms; "
          f"log_every {every}: {100 * div / (every * step):.2f} % of the steps between two lines")


def presentation() -> None:
    from ganstudio.ui.app import ensure_app
    from ganstudio.ui.main_window import MainWindow
    app = ensure_app()
    w = MainWindow()
    w.show()
    w.training_panel()    # build the Training panel too
    app.processEvents()

    def switch(on: bool) -> None:
        w.set_presentation(on)
        app.processEvents()
    on = best_ms(lambda: (switch(True), switch(False)), 5)
    sheet = best_ms(lambda: (app.setStyleSheet(app.styleSheet()), app.processEvents()), 3)
    print(f"presentation mode on + off: {on:.0f} ms for {len(app.allWidgets())} widgets "
          f"(re-applying the style sheet once, the earlier way to reach every widget: {sheet:.0f} ms)")
    w.training_panel().shutdown()
    w._close_approved = True
    w.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--recipe", default=str(ROOT / "training" / "toy_ring8.toml"))
    args = p.parse_args()
    import os
    import tempfile
    os.environ.setdefault("GANSTUDIO_SETTINGS_DIR", tempfile.mkdtemp())   # never the user's
    engine(args.recipe)
    presentation()


if __name__ == "__main__":
    main()
