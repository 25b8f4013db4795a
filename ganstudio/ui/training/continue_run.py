"""Continuing a stopped run from its checkpoint in the Training panel (what ``ganstudio train
RUN/recipe.toml --out RUN --resume`` does on the command line): the run's own recipe, with
more steps, optionally other learning rates (a calmer tail; the optimisers take them, see
:func:`ganstudio.train.state.recipe_optimiser`) and, for a StyleGAN, optionally more channels
per layer (the networks grow and the generator keeps its images:
:mod:`ganstudio.core.nets.widen`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox,
                               QVBoxLayout)

from ganstudio.train.interventions import MAX_LR

MAX_STEPS = 100_000_000
MAX_CHANNELS = 1024
MIN_LR = 1e-7


@dataclass(frozen=True)
class ContinuePlan:
    """What a run can be continued from: its directory, its checkpoint's step and its recipe."""
    run_dir: Path
    step: int
    recipe: dict            # the run's recipe.toml, validated

    @property
    def is_stylegan(self) -> bool:
        return self.recipe["model"].get("family") == "stylegan"


def read_plan(run_dir: str | Path) -> ContinuePlan:
    """(Any thread.) The run in ``run_dir`` as it can be continued; raises with a message when
    it cannot be (no checkpoint, another process training it, an unreadable recipe)."""
    from ganstudio.core.checkpoint import load_checkpoint
    from ganstudio.train.recipe import Recipe
    from ganstudio.train.run import RunDir
    run = RunDir(run_dir)
    run.check(resume=True)      # a checkpoint to continue from, and nobody training it now
    run.close()
    recipe = Recipe.load(run.recipe_path)
    step = load_checkpoint(run.checkpoint_path()).step
    return ContinuePlan(Path(run_dir), int(step), recipe.to_dict())


def continued_recipe(plan: ContinuePlan, steps: int, channel_max: int | None = None,
                     lr_g: float | None = None, lr_d: float | None = None):
    """The run's recipe with ``steps`` in all, the learning rates ``lr_g`` / ``lr_d`` (None: as
    they are) and, for a StyleGAN, ``channel_max`` channels per layer at most (None: as it is);
    a validated :class:`Recipe`."""
    from ganstudio.core.nets.widen import wider_model
    from ganstudio.train.recipe import Recipe
    d = {**plan.recipe, "train": {**plan.recipe["train"], "steps": int(steps)}}
    rates = {k: float(v) for k, v in (("lr_g", lr_g), ("lr_d", lr_d)) if v is not None}
    if rates:
        d["optim"] = {**d["optim"], **rates}
    if channel_max is not None and plan.is_stylegan and channel_max != d["model"]["channel_max"]:
        d["model"] = wider_model(d["model"], channel_max)
    return Recipe.from_dict(d)


class RateBox(QDoubleSpinBox):
    """A learning rate, shown and typed as a plain number ("0.0025", "5e-05"); the arrows step
    by a factor of two."""

    def __init__(self, value: float, parent=None):
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(MIN_LR, MAX_LR)
        self.setValue(min(max(value, MIN_LR), MAX_LR))

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt API
        return f"{value:.4g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt API
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        try:
            ok = MIN_LR <= float(text) <= MAX_LR
        except ValueError:
            ok = False
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt API
        self.setValue(self.value() * 2.0 ** steps)


class ContinueDialog(QDialog):
    """How far, at which learning rates (and for a StyleGAN, how wide) to continue the run of
    ``plan``."""

    def __init__(self, plan: ContinuePlan, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Continue training"))
        steps = int(plan.recipe["train"]["steps"])
        intro = QLabel(self.tr("{0} continues from its checkpoint at step {1:,}, with the recipe "
                               "it was trained with.").format(plan.run_dir.name, plan.step))
        intro.setWordWrap(True)
        self.steps = QSpinBox()
        self.steps.setRange(plan.step + 1, MAX_STEPS)
        self.steps.setGroupSeparatorShown(True)
        self.steps.setValue(steps if steps > plan.step else plan.step + max(steps, 1000))
        self.steps.setToolTip(self.tr("The step the run stops at (more than the checkpoint's)"))
        form = QFormLayout()
        form.addRow(self.tr("Train until step"), self.steps)
        self.lr_g, self.lr_d = (RateBox(float(plan.recipe["optim"][k])) for k in ("lr_g", "lr_d"))
        self.lr_g.setToolTip(self.tr("Adam's learning rate of the generator from here on (the run's own "
                                     "rate by default; a smaller one for a calmer last stretch)"))
        self.lr_d.setToolTip(self.tr("Adam's learning rate of the discriminator from here on"))
        form.addRow(self.tr("Learning rate G"), self.lr_g)
        form.addRow(self.tr("Learning rate D"), self.lr_d)
        self.width: QSpinBox | None = None
        if plan.is_stylegan:
            now = int(plan.recipe["model"]["channel_max"])
            self.width = QSpinBox()
            self.width.setRange(now, max(now, MAX_CHANNELS))
            self.width.setSingleStep(16)
            self.width.setValue(now)
            self.width.setToolTip(self.tr(
                "More channels per layer: the generator and discriminator grow, the generator "
                "still makes the same images, and the new channels start untrained. Each step "
                "costs more (about the square of the width)."))
            form.addRow(self.tr("Channels per layer (at most)"), self.width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def recipe(self):
        """The recipe to continue with (raises ConfigError naming a bad key)."""
        rates = {}
        for key, box in (("lr_g", self.lr_g), ("lr_d", self.lr_d)):
            now = float(self.plan.recipe["optim"][key])
            if abs(box.value() - now) > 1e-9 * now:   # changed by the user
                rates[key] = box.value()
        return continued_recipe(self.plan, self.steps.value(),
                                self.width.value() if self.width is not None else None, **rates)
