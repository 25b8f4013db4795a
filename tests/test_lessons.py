"""Lessons in the real Training panel: they load, run a few steps and show their live numbers."""
from __future__ import annotations

import re

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from ganstudio.ui.training.lessons import LESSONS

TIMEOUT = 60_000


def shorten(panel, steps: int) -> None:
    """The loaded lesson's recipe with fewer steps and one thread (as a user would edit it)."""
    values = panel.form.values()
    values["train"] = {**values["train"], "steps": steps, "threads": 1, "device": "cpu",
                       "sample_every": 0}
    panel.form.set_values(values)
    assert panel.form.recipe() is not None, panel.form.error()


def run_lesson(panel, qtbot, key: str, variant: int = 0, steps: int = 12) -> str:
    panel.load_lesson(key, variant)
    shorten(panel, steps)
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT) as done:
        assert panel.start()
    assert done.args == ["done"]
    return panel.lesson_pane.live.text()


def test_every_lesson_loads_with_its_recipe_course_and_readout(training_panel):
    p = training_panel
    titles = [p.lesson_box.itemText(i) for i in range(p.lesson_box.count())]
    for item in LESSONS:
        assert item.title in titles
        for i, v in enumerate(item.variants):
            p.load_lesson(item.key, i)
            recipe = p.form.recipe()
            assert recipe is not None, (item.key, i, p.form.error())
            assert recipe.name == v.recipe_file.removesuffix(".toml")
            for table in ("model", "objective"):       # the form keeps every key the file sets
                loaded = getattr(recipe, table)
                for key, value in v.recipe.get(table, {}).items():
                    got = loaded[key] if isinstance(loaded, dict) else getattr(loaded, key)
                    assert got == value, (item.key, i, f"{table}.{key}", got, value)
            pane = p.lesson_pane
            assert pane.isVisible() and pane.title.text() == item.title
            assert pane.course.text().startswith("Course: ") and "§" in pane.course.text()
            if item.toy:
                assert p.views.currentWidget() is p.toy
                live = pane.live.text()
                assert "start the run" in live
                assert all(n.label in live for n in v.numbers)    # every number, not yet measured
            else:
                assert not pane.live.isVisible()
            assert pane.bilinear.isVisible() == (item.extra == "bilinear")
            assert pane.w_grid.isVisible() == (item.extra == "w_grid")


def test_the_1d_game_says_how_far_from_equilibrium_it_is_then_gives_a_verdict(training_panel, qtbot):
    live = run_lesson(training_panel, qtbot, "game_1d", steps=12)
    # 12 steps cannot reach the equilibrium: the verdict says so and names the numbers
    assert "Verdict at step 12:" in live and "not at equilibrium" in live and "✗" in live
    mean = float(re.search(r"generated mean: <b>([-0-9.]+)</b>", live).group(1))
    assert abs(mean - training_panel.session.worker.trainer.toy_snapshot()["mean"]) < 0.01
    assert re.search(r"max \|D\*\(x\) − 1/2\| where the data has mass: <b>0\.\d\d</b> "
                     r"\(below 0\.10 [✓✗]\)", live)


def test_nash_lesson_plays_the_bilinear_game_as_far_as_the_run(training_panel, qtbot):
    live = run_lesson(training_panel, qtbot, "nash", steps=40)
    sim = float(re.search(r"simultaneous: distance from \(0, 0\): <b>([0-9.]+)</b>", live).group(1))
    alt = float(re.search(r"alternating: distance from \(0, 0\): <b>([0-9.]+)</b>", live).group(1))
    assert sim == pytest.approx(2 ** 0.5 * (1 + 0.05 ** 2) ** 20, abs=0.01) and sim > alt
    x, _ = training_panel.lesson_pane.bilinear.sim.getData()
    assert len(x) == 41                                  # one point per step of the run


def test_spectral_norm_lesson_shows_sigma_max_per_layer(training_panel, qtbot):
    live = run_lesson(training_panel, qtbot, "spectral_norm", variant=1, steps=10)
    values = re.search(r"σ_max per D layer \(input → output\): <b>([0-9., ]+)</b>", live).group(1)
    sig = [float(v) for v in values.split(",")]
    assert len(sig) == 4 and all(0.9 < s < 1.1 for s in sig)


def test_path_length_lesson_measures_the_spread_and_draws_the_grid_of_w(training_panel, qtbot):
    live = run_lesson(training_panel, qtbot, "path_length", variant=1, steps=12)
    assert "Verdict at step 12:" in live
    spread = float(re.search(r"spread of the path lengths over w \(std / mean\): <b>([0-9.]+)</b>",
                             live).group(1))
    from ganstudio.train.toy_theory import path_length_numbers
    G = training_panel.session.worker.trainer.G             # the run's generator, measured again
    assert spread == pytest.approx(path_length_numbers(G)["pl_cv"], abs=0.006) and spread > 0
    x, y = training_panel.lesson_pane.w_grid.grid.getData()
    assert len(x) == 2 * 11 * 42 and np.isfinite(x).sum() == 2 * 11 * 41   # 22 lines, NaN-separated
    training_panel.load_lesson("path_length", 0)
    x, _ = training_panel.lesson_pane.w_grid.grid.getData()
    assert x is None or len(x) == 0                      # a new lesson: the old grid is gone


def test_a_new_run_forgets_the_previous_runs_numbers(training_panel, qtbot):
    run_lesson(training_panel, qtbot, "game_1d", steps=8)
    pane = training_panel.lesson_pane
    assert "Verdict at step 8" in pane.live.text()
    training_panel.load_lesson("game_1d")
    assert "start the run" in pane.live.text()


def test_lessons_read_in_japanese_with_the_shipped_translation(training_panel):
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTranslator

    import ganstudio
    qm = Path(ganstudio.__file__).parent / "i18n" / "lessons_ja.qm"
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    QCoreApplication.installTranslator(translator)
    try:
        p = training_panel
        for item in LESSONS:
            for i, v in enumerate(item.variants):
                p.load_lesson(item.key, i)
                pane = p.lesson_pane
                texts = [pane.title.text(), pane.text.text(), pane.course.text()]
                if v.numbers:
                    texts.append(pane.live.text())
                for text in texts:          # every text is Japanese (kana or kanji in it)
                    assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"
                               for ch in text), (item.key, i, text[:80])
        p.load_lesson("game_1d")
        assert p.lesson_pane.title.text() == "1次元のゲーム"
        assert "生成サンプルの平均" in p.lesson_pane.live.text()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_readout_marks_each_claim_and_words_counts_as_whole_numbers(qtbot):
    from ganstudio.ui.training.lessons import LessonPane, lesson
    pane = LessonPane()
    qtbot.addWidget(pane)
    item = lesson("r3gan")
    pane.show_lesson(item, 1)
    text = pane.readout(item.variants[1], {"step": 200.0, "modes_captured": 19.0,
                                           "critic_grad": 0.0355, "high_quality": 0.015})
    assert text.startswith(f"<b>Step 200 of {pane.total:,}:</b> not yet")
    assert "modes captured: <b>19</b> (at least 24 ✗)" in text
    assert "‖∇D‖ between real and generated: <b>0.0355</b> (below 0.60 ✓)" in text
    done = pane.readout(item.variants[1], {"step": float(pane.total), "modes_captured": 25.0,
                                           "critic_grad": 0.3, "high_quality": 0.2})
    assert "Verdict at step" in done and "a smooth D on the whole grid ✓" in done
