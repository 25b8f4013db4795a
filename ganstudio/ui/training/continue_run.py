"""Continuing a stopped run from its checkpoint in the Training panel (what ``ganstudio train
RUN/recipe.toml --out RUN --resume`` does on the command line): the run's own recipe, with
more steps, optionally other learning rates (a calmer tail; the optimisers take them, see
:func:`ganstudio.train.state.recipe_optimiser`), a schedule that goes on from the rates the
run's schedule had reached where it stopped (constant, or falling over the new steps) and, for
a StyleGAN, optionally more channels per layer (the networks grow and the generator keeps its
images: :mod:`ganstudio.core.nets.widen`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QSpinBox, QVBoxLayout)

from ganstudio.train.interventions import MAX_LR
from ganstudio.train.recipe import LR_DECAY

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

    @property
    def schedule(self) -> str:
        return self.recipe["optim"].get("lr_decay", "none")

    def rates_now(self) -> tuple[float, float]:
        """The learning rates (G, D) the run's schedule had reached at the checkpoint's step."""
        from ganstudio.train.recipe import Recipe
        return Recipe.from_dict(self.recipe).optim.rates_at(self.step, int(self.recipe["train"]["steps"]))

    def final_share(self) -> float:
        """The run's last learning rate as a share of :meth:`rates_now` (1 without a schedule)."""
        o = self.recipe["optim"]
        if self.schedule == "none":
            return 1.0
        now = self.rates_now()[0]
        return min(1.0, float(o["lr_g"]) * float(o["lr_final"]) / now) if now > 0 else 1.0


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
                     lr_g: float | None = None, lr_d: float | None = None,
                     schedule: str | None = None, final: float = 0.1):
    """The run's recipe with ``steps`` in all, the learning rates ``lr_g`` / ``lr_d`` (None: as
    they are), for a StyleGAN ``channel_max`` channels per layer at most (None: as it is) and
    with ``schedule`` (None: as it is) "none" (constant) or "linear" / "cosine" from the
    checkpoint's step, falling to ``final`` of the rates at the last step; a validated
    :class:`Recipe`."""
    from ganstudio.core.nets.widen import wider_model
    from ganstudio.train.recipe import Recipe
    d = {**plan.recipe, "train": {**plan.recipe["train"], "steps": int(steps)}}
    rates = {k: float(v) for k, v in (("lr_g", lr_g), ("lr_d", lr_d)) if v is not None}
    if schedule is not None:
        rates["lr_decay"] = schedule
        if schedule != "none":
            rates.update(lr_final=float(final), lr_decay_from=int(plan.step))
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
        self.lr_g, self.lr_d = (RateBox(rate) for rate in plan.rates_now())
        self.lr_g.setToolTip(self.tr("Adam's learning rate of the generator from here on (by default the "
                                     "rate the run's schedule had reached where it stopped; a smaller one "
                                     "for a calmer last stretch)"))
        self.lr_d.setToolTip(self.tr("Adam's learning rate of the discriminator from here on"))
        form.addRow(self.tr("Learning rate G"), self.lr_g)
        form.addRow(self.tr("Learning rate D"), self.lr_d)
        self.schedule = QComboBox()
        names = {"none": self.tr("Constant"), "linear": self.tr("Falling linearly"),
                 "cosine": self.tr("Falling along a cosine")}
        for kind in LR_DECAY:
            self.schedule.addItem(names[kind], kind)
        self.schedule.setCurrentIndex(self.schedule.findData(plan.schedule))
        self.schedule.setToolTip(self.tr("How the rates above go on: as they are, or falling from them over "
                                         "the new steps to a share of them at the last step"))
        self.final = QDoubleSpinBox(decimals=1, minimum=0.0, maximum=100.0, singleStep=5.0,
                                    suffix=self.tr(" %"))
        self.final.setValue(100.0 * plan.final_share() if plan.schedule != "none" else 10.0)
        self.final.setToolTip(self.tr("The rates at the last step, as a share of the rates above"))
        self.schedule.currentIndexChanged.connect(self._schedule_changed)
        form.addRow(self.tr("Learning-rate schedule"), self.schedule)
        form.addRow(self.tr("Falling to"), self.final)
        self._schedule_changed()
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

    def _schedule_changed(self) -> None:
        self.final.setEnabled(self.schedule.currentData() != "none")

    def recipe(self):
        """The recipe to continue with (raises ConfigError naming a bad key)."""
        kind = self.schedule.currentData()
        plain = kind == "none" and self.plan.schedule == "none"    # a constant run goes on constant
        rates = {}
        for key, box in (("lr_g", self.lr_g), ("lr_d", self.lr_d)):
            now = float(self.plan.recipe["optim"][key])
            if not plain or abs(box.value() - now) > 1e-9 * now:   # changed by the user
                rates[key] = box.value()
        return continued_recipe(self.plan, self.steps.value(),
                                self.width.value() if self.width is not None else None, **rates,
                                schedule=None if plain else kind, final=self.final.value() / 100.0)
