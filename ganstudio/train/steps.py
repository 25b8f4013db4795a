"""One training iteration: ``n_critic`` discriminator steps, then one generator step.

All randomness (data batches, z, instance noise, GP interpolation, style mixing, path-length
noise) is drawn from one ``torch.Generator`` owned by the trainer, so a run is reproducible and
a resumed run continues bit-for-bit on the CPU.  The loss is checked *before* each optimiser
step: a NaN/inf loss never reaches the weights.

With a ``shard`` (one of several torchrun processes, see :mod:`.distributed`) the batch is the
shard's rows of the recipe's global batch: batch-sized random tensors are drawn at the global
size and sliced, gradients are averaged across processes before each optimiser step, and the
finiteness check is agreed by all processes.

Speed: with ``n_critic == 1`` G runs forward once per iteration; the D step sees
``fake.detach()`` and the G step back-propagates through the same fake.  D's parameters do not
collect gradients during the G step.  Gradient norms are only computed when asked (log steps).
Parameter lists are gathered once (not by walking the modules every step), and without mixed
precision an optimiser step is backward + step, with no gradient scaler in between; the
step itself is :class:`.adamstep.AdamStep` (the fused Adam kernel without torch.optim's
per-call bookkeeping, bit-identical).
"""
from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

from ganstudio.core.nets import has_mapping
from ganstudio.i18n import translate
from ganstudio.train.adamstep import AdamStep
from ganstudio.train.augment import ADJUST_EVERY, AdaptiveP, augment, parse_ops
from ganstudio.train.distributed import OneProcess
from ganstudio.train.losses import Objective
from ganstudio.train.regularizers import (label_targets, lazy_interval_due,
                                          mixing_regularization_ws, path_length_penalty,
                                          r1_penalty, r2_penalty, wgan_gp_penalty)
from ganstudio.train.state import TrainingError


def resolve_device(name: str | torch.device | None) -> torch.device:
    """"auto" -> cuda when available, else cpu; "cuda" without a GPU is a TrainingError."""
    name = str(name or "auto")
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    device = torch.device(name)
    if device.type == "cuda" and not torch.cuda.is_available():
        raise TrainingError("device cuda was requested but no CUDA GPU is available; use --device cpu")
    return device


def is_oom(e: BaseException) -> bool:
    """Whether ``e`` means the device (or the host) ran out of memory."""
    if isinstance(e, (MemoryError, torch.OutOfMemoryError)):
        return True
    text = str(e).lower()
    return "out of memory" in text or "can't allocate memory" in text


def out_of_memory(device: torch.device, batch: int | None = None) -> TrainingError:
    """What to tell the user when ``device`` ran out of memory (while setting up: no batch).
    The advice names recipe values (train.batch=N), not command-line options: the GUI's recipe
    form and the CLI's --set both take them."""
    if batch is None:
        return TrainingError(f"out of memory while setting up on {device}: try a smaller model "
                             "or batch (train.batch), or train.device=\"cpu\"")
    return TrainingError(f"out of memory with train.batch={batch} on {device}: try a smaller "
                         f"batch, e.g. train.batch={max(1, batch // 2)}")


def configure_threads(threads: int, family: str | None, device: torch.device):
    """Set torch's intra-op threads for CPU training; the :class:`~.threads.ThreadChooser`
    that revisits the choice during the run (None off the CPU).

    ``threads`` > 0 is taken as given.  Otherwise tiny toy MLPs get one thread (more only
    contend), and image nets one per core that other work leaves free *now* (not the load
    average of the last minute): on a shared machine extra threads wait for each other and a
    step can become many times slower than on one thread.
    """
    from .threads import ThreadChooser
    if device.type != "cpu":
        if threads > 0:
            torch.set_num_threads(threads)
        return None
    chooser = ThreadChooser(threads, family)
    chooser.start()
    return chooser


def use_channels_last(family: str | None) -> bool:
    """Whether G, D and the real batches are kept channels-last (NHWC): for the convolutional
    families, on CUDA and on the CPU too, where oneDNN runs their convolutions faster in that
    layout (measured here: the course DCGAN's step about 10 % faster, StyleGAN's 10 %).  MLPs
    and toy nets have no convolutions."""
    return family in ("dcgan", "stylegan")


def batch_independent(D: nn.Module, family: str | None) -> bool:
    """Whether one D pass over [real; fake] may replace two: nets whose D scores each packed
    sample on its own (no BatchNorm, and not StyleGAN's minibatch-stddev D).  The loss is the
    same; only the order of float additions in D's weight gradients changes.  Image nets gain
    from larger matrix products, toy MLPs from half the operations (about 4 % of a step: their
    steps cost mostly per-operation overhead).  Steps with R1 / R2 due keep two passes."""
    if family not in ("mlp", "dcgan", "toy"):
        return False
    return not any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in D.modules())


class NonFiniteLoss(Exception):
    """A loss became NaN or inf; raised before the optimiser step that would use it."""

    def __init__(self, name: str, value: float):
        self.name, self.value = name, value
        super().__init__(f"{name} is {value} (training diverged)")


def cpu_bf16_instructions(cpuinfo: str = "/proc/cpuinfo") -> str | None:
    """The instructions this CPU multiplies bf16 numbers with ("AMX", "AVX512-BF16"), or None
    when it has neither (then bf16 is emulated and slower than float32).  Read from the
    kernel's CPU flags; None where there are none to read."""
    try:
        with open(cpuinfo, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    if "amx_bf16" in flags:
                        return "AMX"
                    if "avx512_bf16" in flags:
                        return "AVX512-BF16"
                    return None
    except OSError:
        pass
    return None


class Amp:
    """Mixed precision: on CUDA with ``enabled`` (bf16 when supported, else fp16 +
    GradScaler); on the CPU with ``cpu_bf16`` where the CPU computes bf16 natively (see
    :func:`cpu_bf16_instructions`); float32 otherwise.  Penalties always run in float32.
    ``precision`` says in words what a run computes in; ``refused`` why the CPU's bf16 asked
    for is not used, naming the recipe key ("" when it is, or was not asked for): every front
    end shows it as it is."""

    def __init__(self, device: torch.device, enabled: bool, grad_sync=None,
                 cpu_bf16: bool = False):
        self.grad_sync = grad_sync      # called with the optimiser after backward (multi-process)
        self.device_type = device.type
        self.dtype = torch.float32
        self.precision, self.refused = "float32", ""
        if device.type == "cuda":
            self.enabled = bool(enabled)
            if self.enabled:
                self.dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
                self.precision = translate("precision", "{0} mixed precision").format(
                    "bf16" if self.dtype == torch.bfloat16 else "fp16")
        else:
            isa = cpu_bf16_instructions() if cpu_bf16 and device.type == "cpu" else None
            self.enabled = isa is not None
            if self.enabled:
                self.dtype = torch.bfloat16
                self.precision = translate("precision", "bf16 mixed precision on {0}").format(isa)
            elif cpu_bf16:
                self.refused = "train.cpu_bf16: " + translate(
                    "precision", "this CPU has no bf16 arithmetic (AVX512-BF16 or AMX): float32 is faster here")
        use_scaler = self.enabled and self.dtype == torch.float16
        self.scalers = {p: torch.amp.GradScaler("cuda", enabled=use_scaler) for p in ("d", "g")}

    def autocast(self):
        if not self.enabled:
            return contextlib.nullcontext()
        return torch.autocast(self.device_type, dtype=self.dtype)

    def full_precision(self):
        """Penalties (double backprop) always run in float32."""
        if not self.enabled:
            return contextlib.nullcontext()
        return torch.autocast(self.device_type, enabled=False)

    def step(self, player: str, loss: Tensor, update: AdamStep, params: list[Tensor],
             want_norm: bool) -> Tensor | None:
        """Backward pass and optimiser step of ``params`` (all of ``update.opt``'s); returns
        the gradient norm when ``want_norm``."""
        opt = update.opt
        for p in params:                # opt.zero_grad(set_to_none=True), without its overhead
            p.grad = None
        scaler = self.scalers[player] if self.enabled else None
        (loss if scaler is None else scaler.scale(loss)).backward()
        if self.grad_sync is not None:
            self.grad_sync(opt)
        norm = None
        if want_norm:
            if scaler is not None:
                scaler.unscale_(opt)
            grads = [p.grad for p in params if p.grad is not None]
            norm = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads])) \
                if grads else torch.zeros(())
        if scaler is None:
            update()
        else:
            scaler.step(opt)
            scaler.update()
        return norm

    def state_dict(self) -> dict:
        return {p: s.state_dict() for p, s in self.scalers.items()}

    def load_state_dict(self, state: dict) -> None:
        for p, s in self.scalers.items():
            if state and state.get(p):
                s.load_state_dict(state[p])


@dataclass
class StepResult:
    loss_d: Tensor                     # mean D loss over the critic steps (detached)
    loss_g: Tensor                     # G loss (detached)
    stats: dict = field(default_factory=dict)   # tensors, filled on stats steps only


class Stepper:
    """The maths of one iteration.  Holds references to the trainer's nets and optimisers."""

    def __init__(self, *, G: nn.Module, D: nn.Module, opt_g, opt_d, objective: Objective,
                 recipe, data, rng: torch.Generator, device: torch.device, amp: Amp,
                 shard=None):                   # a distributed.Shard: this process's rows
        self.G, self.D, self.opt_g, self.opt_d = G, D, opt_g, opt_d
        self.g_params, self.d_params = list(G.parameters()), list(D.parameters())
        self.update_g, self.update_d = AdamStep(opt_g), AdamStep(opt_d)
        self.objective, self.recipe, self.data, self.rng = objective, recipe, data, rng
        self.device, self.amp = device, amp
        self.obj_cfg = recipe.objective
        self.shard = shard if shard is not None else OneProcess()
        self.batch = self.shard.local_batch(recipe.train.batch, int(recipe.model.get("pack", 1)))
        self.channels_last = data.kind == "image" and \
            use_channels_last(recipe.model.get("family"))
        self.is_style = has_mapping(G)
        self.real_target, self.fake_target = label_targets(self.obj_cfg.label_smoothing,
                                                           self.obj_cfg.smoothing_amount)
        if not objective.uses_targets:
            self.real_target, self.fake_target = 1.0, 0.0
        self.pl_mean = torch.zeros((), device=device)
        self.last_penalties: dict[str, Tensor] = {}
        self.fuse_real_fake = batch_independent(D, recipe.model.get("family"))
        cfg = self.obj_cfg
        self.augment_ops = parse_ops(cfg.augment_ops) if cfg.augment != "none" else ()
        self.ada = AdaptiveP(cfg.augment_target, cfg.augment_speed, cfg.augment_p) \
            if cfg.augment == "ada" else None

    # --- pieces ---------------------------------------------------------------------------
    def noise_sigma(self, step: int) -> float:
        sigma, anneal = self.obj_cfg.instance_noise, self.obj_cfg.instance_noise_anneal
        if sigma <= 0:
            return 0.0
        if anneal > 0:
            return sigma * max(0.0, 1.0 - step / anneal)
        return sigma

    def sample_z(self, n: int) -> Tensor:
        return self.shard.randn((n, self.G.z_dim), self.rng).to(self.device)

    def real_batch(self) -> Tensor:
        real = self.shard.sample(self.data, self.batch, self.rng)
        if self.channels_last:
            real = real.contiguous(memory_format=torch.channels_last)
        return real

    def generate(self, n: int, grad: bool) -> Tensor:
        """n training samples from G (style mixing + w_avg tracking for StyleGAN)."""
        ctx = contextlib.nullcontext() if grad else torch.no_grad()
        with ctx, self.amp.autocast():
            z = self.sample_z(n)
            if not self.is_style:
                return self.G(z).float()
            if self.obj_cfg.style_mixing > 0:
                ws = mixing_regularization_ws(self.G, z, self.sample_z(n), self.obj_cfg.style_mixing,
                                              self.rng, update_w_avg=True)
            else:
                ws = self.G.mapping(z, update_w_avg=True)
            return self.G.synthesis(ws, noise_mode="random").float()

    def _augmented(self, x: Tensor) -> Tensor:
        """What D sees of ``x``: DiffAugment / ADA's transformations (see :mod:`.augment`)."""
        if not self.augment_ops:
            return x
        p = 1.0 if self.ada is None else self.ada.p
        return augment(x, self.augment_ops, lambda shape: self.shard.rand(shape, self.rng), p)

    def augment_state(self) -> dict:
        """What a checkpoint keeps of the augmentation (ADA's p)."""
        return {"aug_p": self.ada.p} if self.ada is not None else {}

    def _noisy(self, x: Tensor, sigma: float) -> Tensor:
        """Instance noise, drawn for the global batch (see regularizers.instance_noise)."""
        if sigma <= 0:
            return x
        return x + sigma * self.shard.randn(x.shape, self.rng).to(x.device, x.dtype)

    def _check(self, name: str, loss: Tensor) -> None:
        value = self.shard.mean_value(loss)
        if not math.isfinite(value):
            raise NonFiniteLoss(name, value)

    # --- D step ----------------------------------------------------------------------------
    def d_step(self, step: int, fake: Tensor, want_stats: bool, stats: dict) -> tuple[Tensor, Tensor]:
        """One D update on a fresh real batch and ``fake`` (detached).  Returns (loss, real_in)."""
        cfg, D = self.obj_cfg, self.D
        sigma = self.noise_sigma(step)
        real_in = self._noisy(self._augmented(self.real_batch()), sigma)
        fake_in = self._noisy(self._augmented(fake.detach()), sigma)
        r1_due = cfg.r1 > 0 and lazy_interval_due(step, cfg.r1_interval)
        r2_due = cfg.r2 > 0 and lazy_interval_due(step, cfg.r2_interval)
        penalties = {}
        with self.amp.full_precision() if (r1_due or r2_due) else self.amp.autocast():
            if self.fuse_real_fake and not (r1_due or r2_due):
                logits = D(torch.cat([real_in, fake_in]))
                real_logits, fake_logits = logits.split(logits.shape[0] // 2)
            else:
                if r1_due:
                    penalties["r1"], real_logits = r1_penalty(D, real_in)
                else:
                    real_logits = D(real_in)
                if r2_due:
                    penalties["r2"], fake_logits = r2_penalty(D, fake_in)
                else:
                    fake_logits = D(fake_in)
        if self.ada is not None:
            self.ada.observe(real_logits)
        loss = self.objective.fn(real_logits.float(), fake_logits.float(), "d",
                                 real_target=self.real_target, fake_target=self.fake_target)
        total = loss
        if r1_due:
            total = total + (cfg.r1 / 2) * cfg.r1_interval * penalties["r1"]
        if r2_due:
            total = total + (cfg.r2 / 2) * cfg.r2_interval * penalties["r2"]
        if cfg.gp and cfg.gp > 0:
            alpha = self.shard.rand((real_in.shape[0],), self.rng)   # the global batch's weights
            with self.amp.full_precision():
                penalties["gp"] = wgan_gp_penalty(D, real_in, fake_in, self.rng, alpha=alpha)
            total = total + cfg.gp * penalties["gp"]
        self._check("loss_d", total)
        norm = self.amp.step("d", total, self.update_d, self.d_params, want_stats)
        clip = self.objective.clip_weights
        if clip:
            with torch.no_grad():
                torch._foreach_clamp_min_(self.d_params, -clip)
                torch._foreach_clamp_max_(self.d_params, clip)
        for k, v in penalties.items():
            self.last_penalties[k] = v.detach()
        if want_stats:
            prob = self.objective.probability or (lambda v: v)
            with torch.no_grad():
                stats["d_real"] = prob(real_logits.detach().float()).mean()
                stats["d_fake"] = prob(fake_logits.detach().float()).mean()
            stats["grad_norm_d"] = norm
        return loss.detach(), real_in.detach()

    # --- G step ----------------------------------------------------------------------------
    def g_step(self, step: int, fake: Tensor | None, real_in: Tensor, want_stats: bool,
               stats: dict) -> Tensor:
        cfg, D, G = self.obj_cfg, self.D, self.G
        self._freeze_d(True)
        try:
            if fake is None:
                fake = self.generate(self.batch, grad=True)
            fake_in = self._noisy(self._augmented(fake), self.noise_sigma(step))
            with self.amp.autocast():
                fake_logits = D(fake_in)
                real_logits = None
                if self.objective.g_needs_real:
                    with torch.no_grad():
                        real_logits = D(real_in).float()
            loss = self.objective.fn(real_logits, fake_logits.float(), "g")
            total = loss
            pl_due = cfg.path_length > 0 and lazy_interval_due(step, cfg.path_length_interval)
            if pl_due and self.is_style:
                n = max(1, self.batch // 2)
                with self.amp.full_precision():
                    ws = G.mapping(self.sample_z(n))
                    probe = self.shard.randn((n, *self.data.shape), self.rng)   # the global batch's
                    pen, self.pl_mean = path_length_penalty(G, ws, self.pl_mean, cfg.path_length_decay,
                                                            generator=self.rng, probe=probe)
                self.last_penalties["pl"] = pen.detach()
                total = total + cfg.path_length * cfg.path_length_interval * pen
            self._check("loss_g", total)
            norm = self.amp.step("g", total, self.update_g, self.g_params, want_stats)
        finally:
            self._freeze_d(False)
        if want_stats:
            stats["grad_norm_g"] = norm
        return loss.detach()

    def _freeze_d(self, frozen: bool) -> None:
        """D.requires_grad_(not frozen) over the gathered parameter list."""
        for p in self.d_params:
            p.requires_grad_(not frozen)

    # --- the iteration ---------------------------------------------------------------------
    def __call__(self, step: int, want_stats: bool) -> StepResult:
        stats: dict = {}
        n_critic = self.obj_cfg.n_critic
        reuse = n_critic == 1
        d_losses = []
        fake = real_in = None
        for i in range(n_critic):
            fake = self.generate(self.batch, grad=reuse)
            loss_d, real_in = self.d_step(step, fake, want_stats and i == n_critic - 1, stats)
            d_losses.append(loss_d)
        loss_d = d_losses[0] if n_critic == 1 else torch.stack(d_losses).mean()
        loss_g = self.g_step(step, fake if reuse else None, real_in, want_stats, stats)
        if self.ada is not None and self.ada.due(step):
            self.ada.adjust(self.recipe.train.batch * n_critic * ADJUST_EVERY, self.shard.mean_value)
        if want_stats:
            stats.update(self.last_penalties)
            if self.ada is not None:
                stats["aug_p"] = torch.tensor(self.ada.p, dtype=torch.float64)
                stats["ada_rt"] = torch.tensor(self.ada.r_t, dtype=torch.float64)
        return StepResult(loss_d, loss_g, stats)
