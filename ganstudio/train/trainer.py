"""The headless training engine: ``Trainer`` owns G, D, the EMA of G, optimisers and data.

It knows nothing of Qt, terminals or processes.  Front ends drive it with ``step()`` / ``run()``
and control it from other threads with ``pause()``, ``resume()``, ``stop()`` and
``save_checkpoint()``, all of which take effect between two steps.  Everything it has to say
is a plain-dict event sent to listeners (and log events are lines of ``metrics.jsonl``)::

    {"type": "log", "step", "time", "images_per_s", "loss_d", "loss_g", "d_real", "d_fake",
     "grad_norm_g", "grad_norm_d", "r1" | "r2" | "gp" | "pl" (when enabled), "lr_g", "lr_d",
     toy runs also "modes_captured", "n_modes", "high_quality" or "mean", "std"}
    {"type": "samples", "step", "path"}      {"type": "checkpoint", "step", "path"}
    {"type": "diverged", "step", "loss", "value", "checkpoint", "message"}
    {"type": "paused" | "resumed" | "stopped" | "done", "step"}
    {"type": "manual_steps", "step", "time", "player": "d" | "g" | "both", "count", "loss_d" | "loss_g"}
    {"type": "hyper", "step", "time", "changed": {key: [old, new]}, "lr_g", "lr_d", "objective"}
    {"type": "delay", "step", "seconds"}      (slow motion; manual_steps and hyper are also
                                               lines of metrics.jsonl, see :mod:`.interventions`)
    {"type": "threads", "step", "threads", "note"}   (CPU: after the first step, and when the
                                                      automatic thread count changes)

Log events of a CPU training also hold ``threads`` (torch's intra-op threads; see
:mod:`.threads`: chosen from the cores other work leaves free now, revisited every few seconds).

``loss_d`` / ``loss_g`` in log events are means over the steps since the previous log line;
``images_per_s`` counts real images shown to D (batch x n_critic per step).

Under torchrun each process has a Trainer with ``dist`` (:mod:`.distributed`): the batch is split
across processes, logs are means over them, a stop or pause request on one holds for all.
"""
from __future__ import annotations

import contextlib
import random
import threading
import time
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from ganstudio.core.imaging import save_png
from ganstudio.core.nets import build_discriminator, build_generator
from ganstudio.train.control import Controls
from ganstudio.train import interventions
from ganstudio.train.data import load_dataset
from ganstudio.train.drawn_data import copy_into_run, recipe_in_run
from ganstudio.train.ema import GeneratorEMA
from ganstudio.train.loginterval import LogInterval
from ganstudio.train.losses import get_objective
from ganstudio.train.recipe import Recipe, parse_grid
from ganstudio.train.run import RunDir
from ganstudio.train.sampling import FixedSamples
from ganstudio.train.state import TrainingError, load_training_state, write_training_checkpoint
from ganstudio.train.steps import (Amp, NonFiniteLoss, Stepper, configure_threads, is_oom,
                                   out_of_memory, resolve_device, use_channels_last)

Listener = Callable[[dict], None]


class Trainer:
    """Train one recipe.  ``run_dir=None`` trains in memory (nothing is written)."""

    def __init__(self, recipe: Recipe, run_dir: str | Path | None = None,
                 device: str | torch.device | None = None,
                 progress_fn: Callable[[int, int], None] | None = None, *,
                 resume: bool = False,          # continue from run_dir/checkpoints/latest.pt
                 data=None,                     # an already loaded dataset (else loaded here)
                 data_progress: Callable[[int, int], None] | None = None,
                 dist=None):                    # a distributed.Distributed (torchrun), else None
        self.recipe = recipe
        cfg = recipe.train
        self.dist = dist
        self.device = dist.device if dist is not None else resolve_device(device or cfg.device)
        self.threads = configure_threads(cfg.threads, recipe.model.get("family"), self.device)
        self._threads_said = False      # the first step says how many threads (an event)
        self.objective = get_objective(recipe.objective.name)
        self.model_config = dict(recipe.model)
        self.total_steps = cfg.steps
        self.progress_fn = progress_fn
        torch.manual_seed(cfg.seed)
        np.random.seed(cfg.seed % 2 ** 32)
        random.seed(cfg.seed)
        self.rng = torch.Generator(device=self.device).manual_seed(cfg.seed)
        self.run_dir = None
        try:
            with self._all_or_none("setting up"):
                self._setup(data, data_progress, run_dir, resume)
            if dist is not None:
                dist.start(self, resume)
            with self._all_or_none("writing the run directory"):   # (rank 0's) after resuming:
                if self.run_dir is not None:    # a failed resume leaves the directory as it was
                    self.run_dir.create(self._stored_recipe().to_toml(), resume=resume)
                    if recipe.data.kind == "points":   # the run keeps a copy of the points
                        copy_into_run(recipe, self.data.kde[0], self.run_dir.path)
        except BaseException:
            if self.run_dir is not None:    # its lock goes now, not when the error is forgotten
                self.run_dir.close()
            raise

    def _stored_recipe(self):
        """The recipe as the run directory keeps it (drawn points: read from the run's copy)."""
        if self.recipe.data.kind == "points":
            return recipe_in_run(self.recipe, self.run_dir.path)
        return self.recipe

    def _all_or_none(self, what: str):
        """Under torchrun: a block that fails on one process fails on all (else a no-op)."""
        return self.dist.agreement(what) if self.dist is not None else contextlib.nullcontext()

    def _setup(self, data, data_progress, run_dir, resume: bool) -> None:
        try:
            self._build(data, data_progress)
        except (RuntimeError, MemoryError) as e:
            if is_oom(e):
                raise out_of_memory(self.device) from None
            raise
        self.step_count = 0
        self.images_seen = 0
        self.widened: str | None = None     # "64 -> 96 channels": resumed into wider networks
        self.resume_changes: dict = {}      # {"lr_g": [old, new]}: the recipe's new rates on resume
        self.elapsed = 0.0
        self.diverged: dict | None = None
        self._listeners: list[Listener] = []
        self._lock = threading.RLock()
        self.controls = Controls()      # requests from other threads, taken between steps
        self._runner: int | None = None
        self._last_checkpoint: Path | None = None
        self._checkpoint_step = -1
        self.interval = LogInterval(self.device)
        self.run_dir = None if run_dir is None else RunDir(run_dir).check(resume=resume)
        if resume and self.run_dir is not None and self.dist is None:
            self.resume_from(self.run_dir.latest_checkpoint())

    def _build(self, data, data_progress) -> None:
        """Data on the device, G / D / EMA, optimisers, the step maths and the fixed latents."""
        recipe, cfg, o = self.recipe, self.recipe.train, self.recipe.optim
        if data is None:
            data = load_dataset(recipe.data, resolution=self.model_config.get("resolution"),
                                channels=self.model_config.get("channels"), progress=data_progress)
        self.data = data.to(self.device)
        self.is_toy = self.data.kind == "toy"
        self.G = build_generator(self.model_config).to(self.device)
        self.D = build_discriminator(self.model_config).to(self.device)
        if self.dist is not None:
            self.G, self.D = self.dist.sync_batch_norm(self.G, self.D, recipe.objective)
        if not self.is_toy and use_channels_last(self.model_config.get("family")):
            self.G.to(memory_format=torch.channels_last)
            self.D.to(memory_format=torch.channels_last)
        self.ema = GeneratorEMA(self.G, o.ema_half_life_images, o.ema_rampup) \
            if o.ema_half_life_images > 0 else None
        betas = (o.beta1, o.beta2)
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=o.lr_g, betas=betas, fused=True)
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=o.lr_d, betas=betas, fused=True)
        dist = self.dist
        self.amp = Amp(self.device, cfg.amp, dist and dist.average_gradients, cpu_bf16=cfg.cpu_bf16)
        self.stepper = Stepper(G=self.G, D=self.D, opt_g=self.opt_g, opt_d=self.opt_d,
                               objective=self.objective, recipe=recipe, data=self.data,
                               rng=self.rng, device=self.device, amp=self.amp, shard=dist)
        self.live_eval = None
        if cfg.eval_every and (self.dist is None or self.dist.is_main):
            from .live_eval import LiveEval, parse_live_metrics
            self.live_eval = LiveEval(every=cfg.eval_every, metrics=parse_live_metrics(cfg.eval_metrics),
                                      samples=cfg.eval_samples, data=self.data, seed=cfg.seed,
                                      device=self.device, features=cfg.eval_features)
        rows, cols = parse_grid(cfg.sample_grid)
        self.fixed = FixedSamples(seed=cfg.seed, z_dim=self.G.z_dim, data=self.data, rows=rows,
                                  cols=cols, device=self.device)

    # --- properties -----------------------------------------------------------------------
    @property
    def G_ema(self) -> torch.nn.Module | None:
        return self.ema.model if self.ema is not None else None

    @property
    def is_paused(self) -> bool:
        return self.controls.paused.is_set()

    @property
    def done(self) -> bool:
        return self.step_count >= self.total_steps

    # --- events -----------------------------------------------------------------------------
    def add_listener(self, fn: Listener) -> None:
        self._listeners.append(fn)

    def _emit(self, event: dict) -> dict:
        for fn in list(self._listeners):
            fn(event)
        return event

    # --- one iteration ------------------------------------------------------------------------
    def step(self) -> dict:
        """One full iteration (n_critic D steps + one G step); returns its event dict."""
        with self._lock:
            if self.diverged is not None:
                return self.diverged
            t0 = time.perf_counter()
            k = self.step_count + 1
            log_now = k % self.recipe.train.log_every == 0 or k == self.total_steps
            try:
                self._apply_lr_schedule()
                result = self.stepper(self.step_count, log_now)
                if self.dist is not None:
                    self.dist.average_running_stats(self.G, self.D, self.stepper)
            except NonFiniteLoss as e:
                return self._on_diverged(e)
            except (RuntimeError, MemoryError) as e:
                if is_oom(e):
                    raise out_of_memory(self.device, self.recipe.train.batch) from None
                raise
            batch = self.recipe.train.batch
            self.step_count = k
            self.images_seen += batch * self.recipe.objective.n_critic
            if self.ema is not None:
                self.ema.update(self.G, batch, self.images_seen)
            self.interval.add(result.loss_d, result.loss_g, batch * self.recipe.objective.n_critic)
            self.elapsed += time.perf_counter() - t0
            event = {"type": "step", "step": k, "loss_d": float(result.loss_d),
                     "loss_g": float(result.loss_g)}
            if log_now:
                event = self._log_event(result.stats)
            self._periodic_outputs(k)
            if self.threads is not None and (self.threads.update() or not self._threads_said):
                self._threads_said = True
                self._emit({"type": "threads", "step": k, "threads": self.threads.threads,
                            "note": self.threads.note()})
        if self.progress_fn is not None:
            self.progress_fn(self.step_count, self.total_steps)
        return event

    def _apply_lr_schedule(self) -> None:
        o = self.recipe.optim
        if o.lr_decay == "none":
            return
        for opt, rate in zip((self.opt_g, self.opt_d), o.rates_at(self.step_count, self.total_steps)):
            for group in opt.param_groups:
                group["lr"] = rate

    def _log_event(self, stats: dict) -> dict:
        ev = {"type": "log", "step": self.step_count, "time": round(self.elapsed, 4),
              **self.interval.summary(self.elapsed)}
        for key, value in stats.items():
            ev[key] = None if value is None else float(value)
        if self.dist is not None:     # losses and stats: means over all processes
            ev.update(self.dist.mean_of({k: ev[k] for k in ("loss_d", "loss_g", *stats)}))
        ev["lr_g"] = self.opt_g.param_groups[0]["lr"]
        ev["lr_d"] = self.opt_d.param_groups[0]["lr"]
        if self.threads is not None:
            ev["threads"] = self.threads.threads
        if self.is_toy and (self.dist is None or self.dist.is_main):
            ev.update(self.fixed.toy_quality(self._view_G()))
        best = False
        if self.live_eval is not None and self.live_eval.due(self.step_count):
            self._emit({"type": "evaluating", "step": self.step_count,
                        "samples": self.live_eval.samples})
            ev.update(self.live_eval(self._view_G()))
            self._emit({"type": "evaluated", "step": self.step_count, "seconds": ev["eval_seconds"]})
            best = self.live_eval.improved(ev)
        if self.run_dir is not None:
            self.run_dir.append_metrics(ev)
            if best:
                path = write_training_checkpoint(self, None, self.run_dir.best_checkpoint_path())
                self._emit({"type": "best", "step": self.step_count,
                            "fid": self.live_eval.best_fid, "path": str(path)})
        return self._emit(ev)

    def _periodic_outputs(self, k: int) -> None:
        cfg = self.recipe.train
        if self.run_dir is None:
            return
        if cfg.sample_every and k % cfg.sample_every == 0:
            self.write_samples()
        if cfg.checkpoint_every and k % cfg.checkpoint_every == 0:
            self._write_checkpoint(periodic=True)

    def _on_diverged(self, e: NonFiniteLoss) -> dict:
        ck = self._last_checkpoint or (self.run_dir.latest_checkpoint() if self.run_dir else None)
        where = f"the last good checkpoint is {ck}" if ck else "no checkpoint was written yet"
        self.diverged = {"type": "diverged", "step": self.step_count + 1, "loss": e.name,
                         "value": e.value, "checkpoint": None if ck is None else str(ck),
                         "message": f"training diverged at step {self.step_count + 1}: {e.name} is "
                                    f"{e.value}; {where} (try a lower learning rate)"}
        return self._emit(self.diverged)

    # --- the loop -----------------------------------------------------------------------------
    def run(self, max_steps: int | None = None) -> str:
        """Step until done, stopped, diverged or ``max_steps`` more steps ran.

        Returns "done", "stopped", "diverged" or "partial" (max_steps reached first).
        """
        target = self.total_steps if max_steps is None else min(self.total_steps,
                                                                 self.step_count + max_steps)
        self._runner = threading.get_ident()
        status = "partial"
        try:
            while True:
                self._handle_save_request()
                self._serve_requests()
                stop, paused = self.controls.stopping.is_set(), self.controls.paused.is_set()
                if self.dist is not None:   # a request on any process holds for all
                    stop, paused = self.dist.any_of(stop, paused)
                if stop:
                    status = "stopped"
                    break
                if paused:
                    self.controls.nap()
                    continue
                if self.diverged is not None:
                    status = "diverged"
                    break
                if self.step_count >= target:
                    status = "done" if self.done else "partial"
                    break
                self.step()
                if self.controls.delay > 0:      # slow motion (a request cuts the nap short)
                    self.controls.nap(self.controls.delay)
        finally:
            self._runner = None
            self.controls.stopping.clear()
        if status in ("stopped", "done"):
            with self._lock:
                if status == "done" and self.run_dir is not None:
                    if not (self.recipe.train.sample_every and
                            self.step_count % self.recipe.train.sample_every == 0):
                        self.write_samples()
                if self.run_dir is not None and self._checkpoint_step != self.step_count:
                    self._write_checkpoint(periodic=status == "done")
                self._emit({"type": status, "step": self.step_count})
        self._handle_save_request()
        return status

    def pause(self) -> None:
        if self.controls.pause():
            self._emit({"type": "paused", "step": self.step_count})

    def resume(self) -> None:
        if self.controls.resume():
            self._emit({"type": "resumed", "step": self.step_count})

    def stop(self) -> None:
        """End run() after the current step; it writes a checkpoint (with a run directory)."""
        self.controls.stop()

    # --- teaching: single players' steps, slow motion, live hyper-parameters ------------------
    def request_steps(self, player: str, count: int = 1) -> None:
        """``count`` D-only ("d"), G-only ("g") or full ("both") steps, served between two steps
        (at once when no run() loop is going).  Meant for a paused run."""
        self._request(("steps", player, interventions.check_steps(player, count)))

    def set_hyperparameters(self, **changes) -> None:
        """New ``lr_g`` / ``lr_d`` / ``objective``, in effect from the next step (validated now:
        InterventionError names a bad value)."""
        if self.dist is not None:
            raise interventions.InterventionError("hyper-parameters cannot change during a "
                                                  "distributed run")
        self._request(("set", interventions.check_changes(changes)))

    def set_delay(self, seconds: float) -> None:
        """Slow motion: wait ``seconds`` after every step (0 = full speed)."""
        seconds = interventions.check_delay(seconds)
        self.controls.set_delay(seconds)
        self._emit({"type": "delay", "step": self.step_count, "seconds": seconds})

    def call_soon(self, fn) -> None:
        """Call ``fn()`` on the training thread between two steps (also while paused)."""
        self._request(("call", fn))

    def _request(self, request: tuple) -> None:
        self.controls.ask(request)
        if self._runner is None:         # no loop to serve it: serve it here
            self._serve_requests()

    def _serve_requests(self) -> None:
        for request in self.controls.take():
            if self.diverged is not None:
                return
            if request[0] == "call":
                request[1]()
            elif request[0] == "set":
                with self._lock:
                    changed = interventions.apply_changes(self, request[1])
                if changed:
                    o = self.recipe.optim
                    self._record({"type": "hyper", "changed": changed, "lr_g": o.lr_g,
                                  "lr_d": o.lr_d, "objective": self.recipe.objective.name})
                    if self.run_dir is not None:   # a continued run goes on with them
                        self.run_dir.write_recipe(self._stored_recipe().to_toml())
            else:
                self._manual_steps(request[1], request[2])

    def _manual_steps(self, player: str, count: int) -> None:
        if player == "both":
            for _ in range(min(count, self.total_steps - self.step_count)):
                if self.step().get("type") == "diverged":
                    return
            self._record({"type": "manual_steps", "player": player, "count": count})
            return
        run = interventions.d_steps if player == "d" else interventions.g_steps
        with self._lock:
            t0 = time.perf_counter()
            try:
                loss = run(self.stepper, self.step_count, count)
            except NonFiniteLoss as e:
                self._on_diverged(e)
                return
            if player == "g" and self.ema is not None:
                self.ema.update(self.G, self.recipe.train.batch, self.images_seen)
            self.elapsed += time.perf_counter() - t0
        self._record({"type": "manual_steps", "player": player, "count": count,
                      f"loss_{player}": loss})

    def _record(self, event: dict) -> None:
        """An intervention: a line of metrics.jsonl and an event."""
        event = {**event, "step": self.step_count, "time": round(self.elapsed, 4)}
        if self.run_dir is not None:
            self.run_dir.append_metrics(event)
        self._emit(event)

    # --- checkpoints ----------------------------------------------------------------------------
    def save_checkpoint(self, wait: bool = False, timeout: float | None = None) -> Path | None:
        """Write checkpoints/latest.pt now, or (from another thread while running) right after
        the current step.  Returns the path when written synchronously (or waited for)."""
        if self.run_dir is None:
            return None
        if self._runner is None or self._runner == threading.get_ident():
            with self._lock:
                return self._write_checkpoint()
        self.controls.ask_save()
        if self._runner is None:          # run() ended in the meantime: nobody else will do it
            self._handle_save_request()
        if wait:
            self.controls.wait_saved(timeout)
            return self._last_checkpoint
        return None

    def _handle_save_request(self) -> None:
        with self._lock:
            self.controls.serve_save(self._write_checkpoint)

    def _write_checkpoint(self, periodic: bool = False) -> Path:
        run = self.run_dir
        latest = run.checkpoint_path()
        if self.diverged is not None:      # never overwrite the last good one with NaN weights
            return self._last_checkpoint or latest
        periodic_path = run.checkpoint_path(self.step_count) if periodic else None
        path = write_training_checkpoint(self, periodic_path, latest)
        self._last_checkpoint = latest
        self._checkpoint_step = self.step_count
        self._emit({"type": "checkpoint", "step": self.step_count, "path": str(path)})
        return path

    def resume_from(self, checkpoint_path: str | Path) -> None:
        """Restore G, D, EMA, optimisers, RNG state, step and counters from a checkpoint."""
        with self._lock:
            self.step_count, extra = load_training_state(self, checkpoint_path)
            self.diverged = None
            self.interval.reset(self.elapsed, extra.get("log_acc"))
            self._last_checkpoint = Path(checkpoint_path)
            self._checkpoint_step = self.step_count
            if self.run_dir is not None:
                self.run_dir.truncate_metrics(self.step_count)

    # --- looking at the model -------------------------------------------------------------------
    def _view_G(self, use_ema: bool = True) -> torch.nn.Module:
        return self.G_ema if (use_ema and self.G_ema is not None) else self.G

    def write_samples(self) -> Path:
        """samples/step_XXXXXX.png from the fixed z; emits a samples event."""
        path = self.run_dir.sample_path(self.step_count)
        with self._lock:
            save_png(path, self.fixed.picture(self._view_G()))
        self._emit({"type": "samples", "step": self.step_count, "path": str(path)})
        return path

    def _toy_eval_samples(self) -> np.ndarray:
        """G_ema's (else G's) samples of the fixed evaluation latents of a toy run."""
        return self.fixed.toy_eval(self._view_G())

    def toy_snapshot(self, use_ema: bool = False) -> dict:
        """Teaching-view arrays for toy runs (see ganstudio.train.toy.toy_snapshot)."""
        if not self.is_toy:
            raise TrainingError("toy_snapshot() needs a toy (1-D / 2-D) dataset")
        with self._lock:
            snap = self.fixed.toy_snapshot(self._view_G(use_ema), self.D, self.objective,
                                           int(self.model_config.get("pack", 1)))
            snap["step"] = self.step_count
            return snap

    def close(self) -> None:
        if self.run_dir is not None:
            self.run_dir.close()
