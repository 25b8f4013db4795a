"""What a teacher does to a run between two steps: one player's updates alone, and new
hyper-parameters (learning rates, the objective) that hold from the next step on.

GAN Lab's step buttons update only the discriminator or only the generator, so a class can
watch each player's move on its own.  Here ``d_steps`` / ``g_steps`` are those moves: they do
not count as training steps (``step`` stays where it was; a full iteration is still "n_critic
D steps + one G step"), and each intervention is one event that ``metrics.jsonl`` records, so
a replay shows what was done to the run and when.
"""
from __future__ import annotations

import math

import torch

from ganstudio.train.losses import OBJECTIVES, get_objective
from ganstudio.train.regularizers import label_targets

PLAYERS = ("d", "g", "both")
MAX_MANUAL_STEPS = 10_000          # per request
MAX_LR = 1.0
MAX_DELAY = 10.0                   # seconds of slow motion between steps
HYPER_KEYS = ("lr_g", "lr_d", "objective")


class InterventionError(ValueError):
    """A request that cannot be served; the message names the value and what is allowed."""


def check_steps(player: str, count) -> int:
    if player not in PLAYERS:
        raise InterventionError(f"player must be one of {', '.join(PLAYERS)}, got {player!r}")
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_MANUAL_STEPS:
        raise InterventionError(f"steps: must be a whole number from 1 to {MAX_MANUAL_STEPS:,}, "
                                f"got {count!r}")
    return count


def check_delay(seconds) -> float:
    try:
        s = float(seconds)
    except (TypeError, ValueError):
        raise InterventionError(f"delay: must be a number of seconds, got {seconds!r}") from None
    if not math.isfinite(s) or not 0 <= s <= MAX_DELAY:
        raise InterventionError(f"delay: must be from 0 to {MAX_DELAY:g} seconds, got {seconds!r}")
    return s


def check_changes(changes: dict) -> dict:
    """The validated hyper-parameter changes (``lr_g``, ``lr_d`` floats, ``objective`` a name)."""
    out = {}
    for key, value in changes.items():
        if key not in HYPER_KEYS:
            raise InterventionError(f"{key}: cannot be changed during a run "
                                    f"(only {', '.join(HYPER_KEYS)})")
        if key == "objective":
            if value not in OBJECTIVES:
                raise InterventionError(f"objective: unknown {value!r}; choose one of "
                                        f"{', '.join(OBJECTIVES)}")
            out[key] = str(value)
            continue
        try:
            lr = float(value)
        except (TypeError, ValueError):
            raise InterventionError(f"{key}: must be a number, got {value!r}") from None
        if not math.isfinite(lr) or not 0 < lr <= MAX_LR:
            raise InterventionError(f"{key}: must be above 0 and at most {MAX_LR:g}, got {value!r}")
        out[key] = lr
    if not out:
        raise InterventionError("nothing to change")
    return out


def apply_changes(trainer, changes: dict) -> dict:
    """Apply validated ``changes`` to the trainer's optimisers, recipe and step maths; returns
    what changed as {key: [old, new]} (keys whose value did not change are left out)."""
    recipe, stepper = trainer.recipe, trainer.stepper
    done = {}
    for key, opt in (("lr_g", trainer.opt_g), ("lr_d", trainer.opt_d)):
        if key in changes and changes[key] != getattr(recipe.optim, key):
            done[key] = [getattr(recipe.optim, key), changes[key]]
            setattr(recipe.optim, key, changes[key])     # the base of any lr schedule
            factor = recipe.optim.lr_factor(trainer.step_count, trainer.total_steps) \
                if recipe.optim.lr_decay != "none" else 1.0
            for group in opt.param_groups:
                group["lr"] = changes[key] * factor
    name = changes.get("objective")
    if name is not None and name != recipe.objective.name:
        old = get_objective(recipe.objective.name)
        new = get_objective(name)
        done["objective"] = [recipe.objective.name, name]
        cfg = recipe.objective
        if (cfg.gp or 0.0) == old.default_gp:      # the old objective's own penalty: follow
            cfg.gp = float(new.default_gp)         # the new one's (WGAN-GP brings 10, others 0)
        cfg.name = name
        trainer.objective = stepper.objective = new
        if new.uses_targets:
            stepper.real_target, stepper.fake_target = label_targets(cfg.label_smoothing,
                                                                     cfg.smoothing_amount)
        else:
            stepper.real_target, stepper.fake_target = 1.0, 0.0
    return done


def d_steps(stepper, step: int, count: int) -> float:
    """``count`` discriminator updates against fresh fakes; G is not changed.  Mean D loss."""
    losses = []
    for _ in range(count):
        fake = stepper.generate(stepper.batch, grad=False)
        loss, _real = stepper.d_step(step, fake, False, {})
        losses.append(loss)
    return float(torch.stack(losses).mean())


def g_steps(stepper, step: int, count: int) -> float:
    """``count`` generator updates against the current D; D is not changed.  Mean G loss."""
    losses = []
    for _ in range(count):
        real = stepper.real_batch() if stepper.objective.g_needs_real else None
        losses.append(stepper.g_step(step, None, real, False, {}))
    return float(torch.stack(losses).mean())
