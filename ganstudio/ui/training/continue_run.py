"""Continuing a stopped run from its checkpoint in the Training panel (what ``ganstudio train
RUN/recipe.toml --out RUN --resume`` does on the command line): the run's own recipe, with
more steps and, for a StyleGAN, optionally more channels per layer (the networks grow and the
generator keeps its images: :mod:`ganstudio.core.nets.widen`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

MAX_STEPS = 100_000_000
MAX_CHANNELS = 1024


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


def continued_recipe(plan: ContinuePlan, steps: int, channel_max: int | None = None):
    """The run's recipe with ``steps`` in all and, for a StyleGAN, ``channel_max`` channels per
    layer at most (None: as it is); a validated :class:`Recipe`."""
    from ganstudio.core.nets.widen import wider_model
    from ganstudio.train.recipe import Recipe
    d = {**plan.recipe, "train": {**plan.recipe["train"], "steps": int(steps)}}
    if channel_max is not None and plan.is_stylegan and channel_max != d["model"]["channel_max"]:
        d["model"] = wider_model(d["model"], channel_max)
    return Recipe.from_dict(d)


class ContinueDialog(QDialog):
    """How far (and for a StyleGAN, how wide) to continue the run of ``plan``."""

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
        return continued_recipe(self.plan, self.steps.value(),
                                self.width.value() if self.width is not None else None)
