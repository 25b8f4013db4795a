"""What a lesson is: a title, a text, the course section it illustrates, and variants.

A variant is one recipe file in ``training/lessons/`` plus what the lesson pane shows while it
runs: the numbers to read live (:class:`Number`), the claims they must reach by the end
(:class:`~ganstudio.train.lesson_checks.Check`) and the goal that the claims stand for ("at
equilibrium").  Titles, texts, labels and goals are English source strings marked with
``QT_TRANSLATE_NOOP("Lessons", ...)`` where they are defined; :func:`tr` translates them at
display time.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ganstudio.train.lesson_checks import Check

CONTEXT = "Lessons"


def tr(text: str) -> str:
    """The translation of a lesson string (the English source when there is none)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def recipes_folder() -> Path:
    from ganstudio import resources
    return resources.recipes_dir() / "lessons"


@cache
def _read_recipe(path: str) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class Number:
    """A number the pane shows live: a key of ``lesson_checks.readings``, a label, a format.

    fmt: "f2" / "f3" (decimals), "pct" (a share as %), "int", "e" (small values), "g3" (three
    significant digits, for values from 1e-6 to 10),
    "list" (one value per layer / mode, two decimals), "pctlist" (shares per mode).
    """
    key: str
    label: str
    fmt: str = "f2"


@dataclass(frozen=True)
class Variant:
    label: str
    recipe_file: str                    # a file in training/lessons/
    goal: str = ""                      # what the checks stand for ("at equilibrium")
    numbers: tuple[Number, ...] = ()
    checks: tuple[Check, ...] = ()

    @property
    def path(self) -> Path:
        return recipes_folder() / self.recipe_file

    @property
    def recipe(self) -> dict:
        """The recipe as a dict (read once from its TOML file)."""
        return _read_recipe(str(self.path))


@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    text: str                           # rich text shown beside the plots (what to watch)
    course: str                         # the course section it illustrates
    variants: tuple[Variant, ...]
    extra: str = ""                     # "bilinear": the pane plots the bilinear game too;
                                        # "w_grid": the synthesis image of a grid of w
    toy: bool = field(default=True)

    @property
    def display_title(self) -> str:
        return tr(self.title)

    def recipe(self, index: int = 0) -> dict:
        """The variant's recipe dict with the lesson's (translated) title and a run name."""
        v = self.variants[index]
        title = self.display_title
        if len(self.variants) > 1:
            title = f"{title}: {tr(v.label)}"
        d = {k: val for k, val in v.recipe.items() if k not in ("title", "name")}
        return {**d, "title": title, "name": Path(v.recipe_file).stem}
