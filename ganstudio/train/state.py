"""A trainer's full state in a checkpoint: writing it, and restoring it for exact resumption."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import torch

from ganstudio.core.checkpoint import (CheckpointError, atomic_write, load_checkpoint, rng_state,
                                       save_checkpoint, set_rng_state)
from ganstudio.core.config import ConfigError, to_dict
from ganstudio.core.nets import net_config
from ganstudio.core.nets.stylegan import FREE_ON_RESUME
from ganstudio.core.nets.widen import grow_moment, growths, widen_state, widening
from ganstudio.i18n import translate


class TrainingError(RuntimeError):
    """Training cannot start or continue; the message says why and what to do."""


def _with_defaults(model: dict) -> dict:
    """A model config with every key its family has (a checkpoint written before a key existed
    holds that key's default)."""
    try:
        return to_dict(net_config(model))
    except ConfigError:
        return dict(model)


def _config_difference(a: dict, b: dict) -> str | None:
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key) and key not in FREE_ON_RESUME:
            return f"model.{key} is {b.get(key)!r} in the checkpoint but {a.get(key)!r} in the recipe"
    return None


def load_training_state(trainer, path: str | Path | None) -> tuple[int, dict]:
    """Load checkpoint ``path`` into ``trainer``'s nets, optimisers and RNGs.

    Returns (step, extra).  A recipe whose StyleGAN is only wider than the checkpoint's
    grows the checkpoint's networks and optimiser state (:mod:`ganstudio.core.nets.widen`)
    and sets ``trainer.widened``; the optimisers take the recipe's learning rates and betas
    (``trainer.resume_changes``; :func:`resumed_text` says both in words).  Raises TrainingError
    when the checkpoint cannot continue this recipe (different model, no discriminator /
    optimiser state).
    """
    if path is None:
        raise TrainingError("there is no checkpoint to resume from")
    try:
        ck = load_checkpoint(path)
    except CheckpointError as e:
        raise TrainingError(f"cannot resume: {e}") from None
    old = _with_defaults(ck.model_config)
    diff = _config_difference(trainer.model_config, old)
    grown = widening(old, trainer.model_config) if diff else None
    if diff and grown is None:
        raise TrainingError(f"cannot resume from {Path(path).name}: {diff}")
    if ck.D is None or not ck.optim:
        raise TrainingError(f"cannot resume from {Path(path).name}: it holds no discriminator or "
                            "optimiser state (a generator-only export)")
    g_state, d_state, ema_state = ck.G, ck.D, ck.G_ema if ck.G_ema is not None else ck.G
    optim = {"g": ck.optim["g"], "d": ck.optim["d"]}
    trainer.widened = grown
    if grown:
        fill = trainer.G.state_dict()   # the wider nets' own initialisation, for G and its EMA
        g_state, ema_state = (widen_state(s, trainer.G, fill) for s in (g_state, ema_state))
        d_state = widen_state(d_state, trainer.D)
        optim = {"g": widen_optimiser(ck.optim["g"], ck.G, trainer.G),
                 "d": widen_optimiser(ck.optim["d"], ck.D, trainer.D)}
    trainer.G.load_state_dict(g_state)
    trainer.D.load_state_dict(d_state)
    if trainer.ema is not None:
        trainer.ema.load_state_dict(ema_state)
    for opt, key in ((trainer.opt_g, "g"), (trainer.opt_d, "d")):
        opt.load_state_dict(optim[key])
        match_state_layout(opt)
    trainer.resume_changes = recipe_optimiser(trainer, ck)
    trainer.amp.load_state_dict(ck.optim.get("scaler") or {})
    if ck.rng:
        set_rng_state(ck.rng, {"train": trainer.rng})
    extra = dict(ck.extra or {})
    trainer.images_seen = int(extra.get("images_seen", 0))
    trainer.elapsed = float(extra.get("elapsed", 0.0))
    trainer.stepper.pl_mean = torch.tensor(float(extra.get("pl_mean", 0.0)), device=trainer.device)
    if trainer.live_eval is not None and "best_fid" in extra:
        trainer.live_eval.best_fid = float(extra["best_fid"])
    if trainer.stepper.ada is not None and "aug_p" in extra:
        trainer.stepper.ada.p = float(extra["aug_p"])
    return ck.step, extra


def recipe_optimiser(trainer, ck) -> dict:
    """Give the optimisers just loaded from checkpoint ``ck`` the learning rates and betas of
    the recipe being run (the optimiser state holds the ones it trained with: without this, a
    run resumed with ``--set optim.lr_g=...`` would silently go on at the old rate).  Returns
    what differs from the recipe the checkpoint was trained with, {"lr_g": [old, new],
    "betas": [[b1, b2], [b1, b2]], ...}."""
    o = trainer.recipe.optim
    saved = dict((ck.recipe or {}).get("optim") or {})
    now = o.rates_at(ck.step, trainer.total_steps)
    betas = (float(o.beta1), float(o.beta2))
    changes = {}
    for opt, key, lr, rate in ((trainer.opt_g, "lr_g", o.lr_g, now[0]), (trainer.opt_d, "lr_d", o.lr_d, now[1])):
        first = opt.param_groups[0]
        old = float(saved.get(key, first["lr"]))
        if abs(old - lr) > 1e-9 * max(abs(old), abs(lr)):
            changes[key] = [old, float(lr)]
        old_betas = [float(saved.get("beta1", first["betas"][0])), float(saved.get("beta2", first["betas"][1]))]
        if tuple(old_betas) != betas:
            changes["betas"] = [old_betas, list(betas)]
        for group in opt.param_groups:
            group["lr"], group["betas"] = rate, betas
    for key in ("lr_decay", "lr_final", "lr_decay_from"):
        old, new = saved.get(key, getattr(o, key)), getattr(o, key)
        if old != new:
            changes[key] = [old, new]
    # with a schedule (now or in the checkpoint's recipe), the rate the run goes on at is
    # worth saying when it is not where the checkpoint's own schedule was: e.g. a decayed run
    # continued to more steps climbs back up its stretched schedule
    if o.lr_decay != "none" or saved.get("lr_decay", "none") != "none":
        trained = replace(type(o)(), **{k: saved.get(k, getattr(o, k)) for k in ("lr_g", "lr_d")},
                          **{k: saved[k] for k in ("lr_decay", "lr_final", "lr_decay_from") if k in saved})
        total = int(((ck.recipe or {}).get("train") or {}).get("steps", trainer.total_steps))
        was = trained.rates_at(ck.step, total)
        if any(abs(a - b) > 1e-6 * max(a, b) for a, b in zip(was, now)):
            changes["lr_now"] = [list(was), list(now)]
    return changes


def resumed_text(trainer) -> str:
    """What resuming changed against the checkpoint (wider networks, the recipe's new learning
    rates, schedule or betas), in the words every front end shows; "" when nothing."""
    said = []
    if trainer.widened:
        said.append(translate("train", "widens the checkpoint's networks, {0}: the generator "
                                       "makes the same images; the new channels start "
                                       "untrained").format(trainer.widened))
    for key, (old, new) in trainer.resume_changes.items():
        if key == "betas":
            said.append(translate("train", "Adam's betas are now the recipe's ({0[0]:g}, {0[1]:g}"
                                           "; the checkpoint trained with {1[0]:g}, {1[1]:g})").format(new, old))
        elif key == "lr_now":
            said.append(translate("train", "the learning rates go on at {0[0]:.3g} (G) and {0[1]:.3g} "
                                           "(D), where the checkpoint's own schedule was at {1[0]:.3g} "
                                           "and {1[1]:.3g}").format(new, old))
        elif key == "lr_decay":
            said.append(translate("train", "optim.lr_decay is now the recipe's {0} (the checkpoint "
                                           "trained with {1})").format(new, old))
        else:
            said.append(translate("train", "optim.{0} is now the recipe's {1:g} (the checkpoint "
                                           "trained at {2:g})").format(key, new, old))
    return "; ".join(said)


def widen_optimiser(state: dict, old_net_state: dict, net: torch.nn.Module) -> dict:
    """An Adam state dict of a network widened by :func:`widen_state`, for the wider ``net``:
    each parameter's moments grow as the parameter did (:func:`grow_moment`)."""
    grown = growths(old_net_state, net)
    names = [name for name, _ in net.named_parameters()]
    out = {"param_groups": state["param_groups"], "state": {}}
    for index, entry in state["state"].items():
        g = grown[names[int(index)]]
        out["state"][index] = {k: grow_moment(v, g, 1 if k == "exp_avg" else 2)
                               if k in ("exp_avg", "exp_avg_sq") else v for k, v in entry.items()}
    return out


def match_state_layout(opt: torch.optim.Optimizer) -> None:
    """Give every per-parameter state tensor (Adam's moments) its parameter's memory layout.

    A checkpoint keeps the layout it was saved in (e.g. written before the nets were kept
    channels-last), and the fused Adam kernel walks parameter, gradient and moments as flat
    memory: moments in another layout than their parameter would update the wrong elements."""
    for group in opt.param_groups:
        for p in group["params"]:
            state = opt.state.get(p, {})
            for k, v in state.items():
                if torch.is_tensor(v) and v.shape == p.shape and v.stride() != p.stride():
                    state[k] = torch.empty_like(p, dtype=v.dtype).copy_(v)


def write_training_checkpoint(trainer, periodic_path: Path | None, latest: Path) -> Path:
    """Save everything needed to continue ``trainer`` exactly; returns the file written.

    With ``periodic_path`` the checkpoint goes there and is copied (atomically) to ``latest``.
    """
    payload = dict(
        model_config=trainer.model_config, G=trainer.G, D=trainer.D, G_ema=trainer.G_ema,
        optim={"g": trainer.opt_g.state_dict(), "d": trainer.opt_d.state_dict(),
               "scaler": trainer.amp.state_dict()},
        step=trainer.step_count, recipe=trainer.recipe.to_dict(),
        rng=rng_state({"train": trainer.rng}),
        extra={"pl_mean": float(trainer.stepper.pl_mean), "elapsed": trainer.elapsed,
               "images_seen": trainer.images_seen, "log_acc": trainer.interval.state(trainer.elapsed),
               **trainer.stepper.augment_state(),
               **({"best_fid": trainer.live_eval.best_fid}
                  if trainer.live_eval is not None and trainer.live_eval.best_fid < float("inf") else {})})
    if periodic_path is None:
        return save_checkpoint(latest, **payload)
    path = save_checkpoint(periodic_path, **payload)
    blob = path.read_bytes()
    atomic_write(latest, lambda f: f.write(blob))
    return path
