"""Every toy lesson reaches the state its text claims: its own recipe, run to its end through
the real Trainer (seeded), checked with the numbers the lesson pane shows live.

Snapshots are taken as the GUI takes them (often early, then every tenth of the run), so
claims about the run's path (the highest D(real) so far) see what the pane sees.  Lessons that
share a recipe (the 1-D game and the Nash equilibrium) share its run.
"""
from __future__ import annotations

from functools import cache

import pytest
import torch

from ganstudio.train.lesson_checks import LessonTracker, bilinear_numbers, evaluate
from ganstudio.train.recipe import Recipe
from ganstudio.train.trainer import Trainer
from ganstudio.ui.training.lessons import LESSONS, lesson

CASES = [(item.key, i) for item in LESSONS if item.toy for i in range(len(item.variants))]
EARLY = (5, 10, 20, 40, 80)        # steps with a snapshot before the regular ones


@cache
def run_to_end(recipe_file: str) -> dict:
    """Train a lesson recipe to its end on the CPU; the tracker's numbers after the last step."""
    item, index = next((it, i) for it in LESSONS for i, v in enumerate(it.variants)
                       if v.recipe_file == recipe_file)
    recipe = Recipe.from_dict(item.recipe(index))
    recipe.train.device = "cpu"
    torch.set_num_threads(1)
    trainer = Trainer(recipe, None, device="cpu")
    tracker = LessonTracker()
    total = recipe.train.steps
    marks = sorted({s for s in EARLY if s < total} |
                   {max(total * k // 10, 1) for k in range(1, 11)})
    for mark in marks:
        trainer.run(max_steps=mark - trainer.step_count)
        numbers = tracker.update(trainer.toy_snapshot())
    assert trainer.step_count == total
    return numbers


@pytest.mark.parametrize("key,index", CASES, ids=[f"{k}-{i}" for k, i in CASES])
def test_lesson_reaches_the_state_its_text_claims(key, index):
    item = lesson(key)
    variant = item.variants[index]
    assert variant.checks, f"{key} variant {index} claims nothing"
    numbers = dict(run_to_end(variant.recipe_file))
    if item.extra == "bilinear":             # the game played beside the run, step for step
        numbers.update(bilinear_numbers(int(numbers["step"])))
    met, results = evaluate(variant.checks, numbers)
    report = ", ".join(f"{c.key}={c.measured(numbers)} ({c.op} {c.bound}"
                       + (f" from {c.centre}" if c.centre is not None else "") + f"): {ok}"
                       for c, ok in results)
    assert met, f"{key} / {variant.label}: {report}"


def test_the_evaluation_lesson_measures_its_run_getting_better(tmp_path):
    """The evaluation lesson's own recipe, to its end: the classifier-space FD falls, the
    Inception Score rises and precision / recall are measured at every evaluation."""
    from ganstudio.train.recipe import Recipe
    from ganstudio.train.run import read_metrics
    from ganstudio.train.trainer import Trainer
    from ganstudio.ui.training.lessons.catalogue import lesson
    item = lesson("evaluation")
    recipe = Recipe.from_dict(item.recipe(0))
    trainer = Trainer(recipe, tmp_path / "run")
    assert trainer.run() == "done"
    trainer.close()
    evals = [r for r in read_metrics(tmp_path / "run" / "metrics.jsonl")[0] if "fd_classifier" in r]
    assert [r["step"] for r in evals] == list(range(100, 601, 100))
    first, last = evals[0], evals[-1]
    assert last["fd_classifier"] < 0.8 * first["fd_classifier"]
    assert last["is"] > first["is"]
    assert all(0 <= r["precision"] <= 1 and 0 <= r["recall"] <= 1 for r in evals)
    assert (tmp_path / "run" / "checkpoints" / "best.pt").is_file()


def test_the_path_length_regulariser_evens_out_the_synthesis_network():
    """The same recipe with and without the regulariser: the spread of the path lengths over w
    (the lesson's number) is several times smaller with it, and the synthesis network's image of
    a regular grid of w (the lesson's picture) has cells of more even size."""
    import numpy as np
    off = run_to_end("path_length_off.toml")
    on = run_to_end("path_length_on.toml")
    assert off["pl_cv"] > 2 * on["pl_cv"], (off["pl_cv"], on["pl_cv"])
    assert 0 < on["pl_cv"] and np.isfinite(off["pl_cv"])
    assert off["grid_cv"] > 1.5 * on["grid_cv"], (off["grid_cv"], on["grid_cv"])
