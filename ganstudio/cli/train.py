"""`ganstudio train RECIPE.toml ...`: headless training with a text progress bar on stderr.

    ganstudio train training/toy_ring8.toml --steps 2000 --set optim.lr_g=1e-4
    ganstudio train training/toy_ring8.toml --out runs/ring --resume
    torchrun --nproc_per_node=2 -m ganstudio train training/dcgan_fashion.toml --out runs/dcgan

Ctrl-C stops after the current step and writes a checkpoint (a second Ctrl-C aborts).
Bad arguments or recipes print one line and exit with status 2.  Under torchrun every process
runs this; rank 0 writes the run directory and shows the progress (see .distributed).

Also ``export_samples`` (used by `ganstudio export CHECKPOINT --samples N`): N samples as .npy.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path

import numpy as np

from ..errors import UsageError
from ..i18n import translate
from ..text import format_duration
from ..train.step_rate import StepRate
from .language import error_line

PROG = "ganstudio train"


class _Terminated(BaseException):
    """SIGTERM: torchrun ends the other processes when one of them fails."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register the `train` subcommand on an argparse subparsers object."""
    p = subparsers.add_parser(
        "train", help=translate("train", "train a GAN from a recipe (TOML) without the GUI"),
        description=translate("train", "Train a GAN from a recipe file. Progress goes to stderr; "
                                       "Ctrl-C stops with a checkpoint."))
    p.add_argument("recipe", help=translate(
        "train", "recipe file (training/*.toml) or a run directory's recipe.toml"))
    p.add_argument("--out", metavar="DIR", help=translate(
        "train", "run directory (default runs/<recipe>-<time>)"))
    p.add_argument("--steps", type=int, metavar="N", help=translate(
        "train", "total steps (overrides train.steps)"))
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), help=translate(
        "train", "overrides train.device"))
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help=translate("train", "override a recipe value, e.g. --set optim.lr_g=1e-4 "
                                           "(repeatable)"))
    p.add_argument("--resume", action="store_true", help=translate(
        "train", "continue the run in --out from its latest checkpoint (a StyleGAN may go on "
                 "wider: raise model.channel_base and model.channel_max with --set)"))
    p.add_argument("--quiet", action="store_true", help=translate("train", "no progress bar"))
    p.add_argument("--dist-timeout", type=float, default=600.0, metavar="SECONDS",
                   help=translate("train", "under torchrun: how long a process waits for the "
                                           "others before it gives up (default 600)"))
    p.set_defaults(func=main)
    return p


class ProgressBar:
    """A one-line progress bar (redrawn at most ``fps`` times a second on a terminal; one line
    per log event when stderr is not a terminal).  ``quiet``: no bar and no log lines, only
    what the user must know (why a run diverged).  ``eval_every``: the run's train.eval_every
    (the ETA counts the evaluations ahead at the newest one's duration)."""

    def __init__(self, total: int, stream=None, width: int = 24, fps: float = 8.0,
                 quiet: bool = False, eval_every: int = 0):
        self.total, self.stream, self.width = total, stream or sys.stderr, width
        self.quiet = quiet
        self.eval_every, self.eval_seconds = int(eval_every or 0), None
        self.tty = not quiet and bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = 1.0 / fps
        self.rate = StepRate()
        self.last_draw = 0.0
        self.step = 0
        self.latest: dict = {}
        self._drawn = False

    def line(self) -> str:
        frac = self.step / self.total if self.total else 1.0
        fill = int(round(frac * self.width))
        eta = self.rate.seconds_left(self.step, self.total, self.eval_every, self.eval_seconds)
        parts = [f"[{'#' * fill}{'.' * (self.width - fill)}] {self.step}/{self.total}",
                 f"{self.rate.per_second:.1f} it/s", f"ETA {format_duration(eta)}"]
        ev = self.latest
        if ev:
            parts.append(f"{ev.get('images_per_s', 0):.0f} img/s")
            if ev.get("threads"):
                parts.append(f"{ev['threads']} thr")
            parts.append(f"D {ev['loss_d']:.4g} G {ev['loss_g']:.4g}")
            if "modes_captured" in ev:
                parts.append(f"modes {ev['modes_captured']}/{ev['n_modes']} "
                             f"HQ {100 * ev['high_quality']:.0f}%")
            elif "mean" in ev:
                parts.append(f"mean {ev['mean']:.3f} std {ev['std']:.3f}")
        return " | ".join(parts)

    def begin(self, step: int) -> None:
        """The run starts (or resumes) at ``step`` now: the rate counts from here."""
        self.step = step
        self.rate.observe(step, time.monotonic())

    def update(self, step: int, total: int) -> None:
        self.step, self.total = step, total
        now = time.monotonic()
        self.rate.observe(step, now)
        if self.tty and (now - self.last_draw >= self.interval or step == total):
            self.last_draw = now
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()
            self._drawn = True

    def on_event(self, ev: dict) -> None:
        kind = ev.get("type")
        if self.quiet and kind != "diverged":
            return
        if kind == "log":
            self.latest = ev
            self.eval_seconds = ev.get("eval_seconds", self.eval_seconds)
            self.step = max(self.step, ev["step"])
            if not self.tty:
                self.message(self.line())
        elif kind == "diverged":
            self.message(f"{PROG}: {ev['message']}")
        elif kind == "threads":
            self.message(translate("train", "{0}: CPU threads: {1}").format(PROG, ev["note"]))
        elif kind in ("stopped", "done"):
            self.message((translate("train", "{0}: stopped at step {1}") if kind == "stopped" else
                          translate("train", "{0}: done at step {1}")).format(PROG, ev["step"]))

    def message(self, text: str) -> None:
        if self._drawn:
            self.stream.write("\n")
            self._drawn = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


def _load_recipe(args):
    from ganstudio.train.recipe import Recipe
    overrides = list(args.overrides)
    if args.steps is not None:
        if args.steps <= 0:
            raise UsageError(translate("train", "--steps must be > 0, got {0}").format(args.steps))
        overrides.append(f"train.steps={args.steps}")
    if args.device:
        overrides.append(f'train.device="{args.device}"')
    path = Path(args.recipe)
    if path.is_dir():
        path = path / "recipe.toml"
        if not path.is_file():
            raise UsageError(translate("train", "{0} has no recipe.toml").format(args.recipe))
    if not path.is_file():
        raise UsageError(translate("train", "recipe {0} does not exist").format(args.recipe))
    return Recipe.load(path, overrides)


def _install_sigint(trainer, bar):
    if threading.current_thread() is not threading.main_thread():
        return None
    state = {"count": 0}

    def handler(signum, frame):
        state["count"] += 1
        if state["count"] > 1:
            raise KeyboardInterrupt
        bar.message(translate("train", "{0}: stopping after this step and writing a checkpoint "
                                       "(Ctrl-C again to abort)").format(PROG))
        trainer.stop()

    return signal.signal(signal.SIGINT, handler)


def main(args) -> int:
    """Run `ganstudio train` with parsed ``args``; returns the exit status."""
    from ganstudio.train.distributed import Shard
    shard = Shard.from_env()
    name = PROG if shard is None or shard.is_main else f"{PROG} [rank {shard.rank}]"
    previous = None
    if shard is not None and threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        code = _train(args, shard, name)
    except _Terminated:
        print(translate("train", "{0}: stopped: torchrun ended this process (another one failed "
                                 "or was stopped)").format(name), file=sys.stderr)
        return 143
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if previous is not None and code:
        # said why already; torchrun's SIGTERM to the rest must not cut the exit short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    return code


def _raise_terminated(signum, frame):
    raise _Terminated


def _train(args, shard, name: str) -> int:
    from ganstudio.core.checkpoint import CheckpointError
    from ganstudio.core.config import ConfigError
    from ganstudio.train.data import DataError
    from ganstudio.train.distributed import (Distributed, PeerFailed, abandon, is_lost_contact,
                                             lost_contact)
    from ganstudio.train.run import RunDirError, default_run_dir
    from ganstudio.train.state import resumed_text
    from ganstudio.train.trainer import Trainer, TrainingError
    is_main = shard is None or shard.is_main
    dist = None
    try:
        recipe = _load_recipe(args)
        if args.resume and not args.out:
            raise UsageError(translate("train", "--resume needs --out DIR (the run directory to continue)"))
        if shard is not None:   # before joining: a batch that does not split fails at once
            shard.local_batch(recipe.train.batch, int(recipe.model.get("pack", 1)))
        out = Path(args.out) if args.out else default_run_dir(recipe.name or "run")
        quiet = args.quiet or not is_main
        bar = ProgressBar(recipe.train.steps, quiet=quiet, eval_every=recipe.train.eval_every,
                          stream=sys.stderr if is_main else open(os.devnull, "w"))
        if shard is not None:
            dist = Distributed.join(shard, recipe.train.device, args.dist_timeout)
        trainer = Trainer(recipe, out if is_main else None,
                          progress_fn=None if quiet else bar.update, resume=args.resume, dist=dist)
    except (UsageError, ConfigError, RunDirError, DataError, CheckpointError, TrainingError) as e:
        # the same on every rank (arguments, recipe) or about another rank: said once
        if is_main or not isinstance(e, (UsageError, ConfigError, PeerFailed)):
            print(error_line(name, e), file=sys.stderr)
        if dist is not None:
            dist.close()
        return 2
    except RuntimeError as e:       # a collective while starting: another rank vanished
        if dist is None or not is_lost_contact(e):
            raise
        print(error_line(name, lost_contact(e, dist.timeout)), file=sys.stderr)
        abandon(1)
    trainer.add_listener(bar.on_event)
    bar.begin(trainer.step_count)
    if not quiet:
        procs = translate("train", ", {0} processes").format(dist.world) if dist is not None else ""
        title = translate("Recipe", recipe.title, domain="app") if recipe.title else recipe.name
        bar.message(translate("train", "{0}: {1} -> {2} ({3}{4}, step {5}/{6})").format(
            PROG, title, out, trainer.device, procs, trainer.step_count, recipe.train.steps))
        note = resumed_text(trainer)
        if note:
            bar.message(f"{PROG}: {note}")
        if trainer.amp.enabled:
            bar.message(translate("train", "{0}: computes in {1}").format(PROG, trainer.amp.precision))
    if is_main and trainer.amp.refused:     # said even when quiet: the recipe asked for more
        bar.message(f"{PROG}: {trainer.amp.refused}")
    if is_main and trainer.data.skipped:     # said even when quiet: the data is not all there
        bar.message(f"{PROG}: {trainer.data.summary()}")
    previous = _install_sigint(trainer, bar)
    lost, status = False, None
    try:
        status = trainer.run()
    except TrainingError as e:
        bar.close()
        print(error_line(name, e), file=sys.stderr)
        return 1
    except RuntimeError as e:
        if dist is None or not is_lost_contact(e):
            raise
        print(error_line(name, lost_contact(e, dist.timeout)), file=sys.stderr)
        lost = True
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        trainer.close()
        if lost:
            abandon(1)      # the group is broken: do not tear it down
        if dist is not None and status is None:
            dist.close()
    bar.close()
    code = {"diverged": 1, "stopped": 130}.get(status, 0)
    if dist is not None:
        dist.finish(code)   # does not return
    return code


# --- export of raw samples ----------------------------------------------------------------------

def export_samples(checkpoint, n: int, seed: int, out, *, ema: bool = True, batch: int = 256,
                   device: str = "cpu") -> Path:
    """Write ``n`` generator samples from seed ``seed`` to ``out`` (.npy).

    Toy models give float32 [N, D]; image models uint8 [N, H, W, C].
    """
    import torch
    from ganstudio.core.checkpoint import load_checkpoint
    from ganstudio.core.imaging import to_uint8
    from ganstudio.core.latent import sample_z
    from ganstudio.core.nets import generate
    if n <= 0:
        raise ValueError(translate("train", "--samples must be > 0, got {0}").format(n))
    ck = load_checkpoint(checkpoint)
    G = ck.build_generator(ema=ema, device=device)
    z = sample_z(seed, n, G.z_dim)
    parts = []
    with torch.no_grad():
        for i in range(0, n, batch):
            zb = z[i:i + batch].to(device)
            x = generate(G, zb, noise_mode="const")
            parts.append(x.float().cpu().numpy() if ck.family == "toy" else to_uint8(x))
    arr = np.concatenate(parts)
    if arr.dtype != np.uint8:
        arr = arr.astype(np.float32)
    out = Path(out)
    if out.suffix != ".npy":
        out = out.with_name(out.name + ".npy")
    out.parent.mkdir(parents=True, exist_ok=True)
    np.save(out, arr)
    return out
