"""The path length lesson's numbers, its two recipes run to their ends for several seeds.

    python benchmarks/path_length_lesson.py                # seeds 0, 1, 2 (the lesson uses 0)
    python benchmarks/path_length_lesson.py --seeds 0

For each seed and variant (without / with the regulariser): the spread of the path lengths over
w (std / mean, the lesson's number), the median stretch sigma_max / sigma_min of J_w, the spread
of the cell areas of the synthesis image of a grid of w (the lesson's picture), modes captured,
the high-quality share and the seconds the run took (one torch thread; compare them only with
each other, the machine may be busy).
"""
from __future__ import annotations

import argparse
import time

import torch

from ganstudio.text import parse_seeds
from ganstudio.train.lesson_checks import readings
from ganstudio.train.recipe import Recipe
from ganstudio.train.trainer import Trainer

VARIANTS = ("path_length_off.toml", "path_length_on.toml")


def run(recipe_file: str, seed: int) -> tuple[dict, float]:
    from ganstudio.ui.training.lessons import lesson
    item = lesson("path_length")
    index = [v.recipe_file for v in item.variants].index(recipe_file)
    d = item.recipe(index)
    d["train"] = {**d["train"], "seed": seed, "device": "cpu"}
    t0 = time.perf_counter()
    trainer = Trainer(Recipe.from_dict(d), None, device="cpu")
    trainer.run()
    seconds = time.perf_counter() - t0
    return readings(trainer.toy_snapshot()), seconds


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seeds", default="0,1,2")
    args = p.parse_args()
    torch.set_num_threads(1)
    print(f"{'seed':>4} {'variant':<22} {'pl spread':>9} {'stretch':>8} {'grid spread':>11} "
          f"{'modes':>5} {'high q.':>7} {'s':>5}")
    for seed in parse_seeds(args.seeds, "--seeds"):
        for recipe_file in VARIANTS:
            n, seconds = run(recipe_file, seed)
            print(f"{seed:>4} {recipe_file.removesuffix('.toml'):<22} {n['pl_cv']:>9.2f} "
                  f"{n['pl_stretch']:>8.2f} {n['grid_cv']:>11.2f} {int(n['modes_captured']):>5} "
                  f"{n['high_quality']:>7.1%} {seconds:>5.0f}")


if __name__ == "__main__":
    main()
