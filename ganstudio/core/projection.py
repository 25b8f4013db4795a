"""Projection (GAN inversion): find the latent whose image looks most like a given picture.

>>> projector = Projector(G, target, ProjectionSettings(space="w+", steps=500), distance=dist)
>>> for step in projector:          # or projector.step() at a time; projector.stop() at any time
...     print(step.step, step.loss)
>>> result = projector.result()     # the best latent so far, as plain data
>>> render(G, result.to_request())  # exactly result.reconstruction

The recipe follows NVIDIA's StyleGAN2-ADA projector (ideas, not code): start at the mean w (or
at the best of a few hundred random w by the same distance), optimise w (one w broadcast to
every row of ws) or w+ (one w per row) with Adam, a learning rate that warms up and decays on a
cosine, and noise added to w early on (decaying to none) so the search does not settle at once.
Where the model has noise inputs (StyleGAN2) they stay at the model's fixed noise by default so
that the result is one latent that renders the reconstruction pixel for pixel; with
``noise="optimise"`` the per-layer noise maps are optimised too, under the published
regulariser (their autocorrelation at every scale pushed to zero), and the result then also
holds the noise maps (a sidecar cannot: its renders use the model's own noise).  Models without
a mapping network (DCGAN, MLP) have no w: z is optimised, from 0 or the best of the random
samples, with a weak Gaussian prior; :attr:`Projector.space` then says ``"z"``.

Pure PyTorch (the core never imports Qt); a GUI steps a :class:`Projector` on its render
thread and shows each :class:`ProjectionStep`.
"""
from __future__ import annotations

import contextlib
import math
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .imaging import to_uint8
from .latent import sample_z
from .nets import has_mapping
from .projection_distance import Distance, PixelDistance
from .render import Latent, RenderRequest, render
from .stepping import Stepped

SPACES = ("w", "w+")
STARTS = ("mean", "best")
NOISE = ("const", "optimise")


@dataclass(frozen=True)
class ProjectionSettings:
    """How to project. ``check()`` refuses values that make no sense, naming the setting."""

    space: str = "w+"             # "w": one w for every row of ws; "w+": one w per row
    steps: int = 500              # optimisation steps
    lr: float = 0.1               # peak learning rate (Adam)
    lr_warmup: float = 0.05       # fraction of the steps over which the rate rises from 0
    lr_decay: float = 0.25        # fraction of the steps at the end over which it falls to 0
    w_noise: float = 0.05         # noise added to the latent at the start, x its spread
    w_noise_ramp: float = 0.75    # fraction of the steps over which that noise falls to 0
    start: str = "mean"           # "mean": the mean w (z = 0); "best": best of `candidates`
    candidates: int = 256         # random latents tried for start="best"
    w_samples: int = 10000        # samples that estimate the mean w and its spread
    noise: str = "const"          # StyleGAN2 noise inputs: "const" (the model's) | "optimise"
    noise_weight: float = 1e5     # weight of the noise regulariser (noise="optimise")
    z_prior: float = 1e-3         # z space: weight of the Gaussian prior mean(z^2)
    seed: int = 0                 # seeds the random samples and the latent noise
    class_index: int | None = None  # conditional models: the class w is sampled with

    def check(self) -> "ProjectionSettings":
        def bad(name: str, why: str):
            raise ValueError(translate("projection", "projection setting {0}: {1} (got {2!r})")
                             .format(name, why, getattr(self, name)))
        one_of = translate("projection", "must be one of {0}")
        if self.space not in SPACES:
            bad("space", one_of.format(", ".join(SPACES)))
        if self.start not in STARTS:
            bad("start", one_of.format(", ".join(STARTS)))
        if self.noise not in NOISE:
            bad("noise", one_of.format(", ".join(NOISE)))
        for name, lo, hi in (("steps", 1, 1_000_000), ("candidates", 1, 100_000),
                             ("w_samples", 2, 1_000_000), ("seed", 0, 2 ** 32 - 1)):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
                bad(name, translate("projection", "must be a whole number {0}..{1}").format(lo, hi))
        for name, lo, hi in (("lr", 0, 10), ("lr_warmup", 0, 1), ("lr_decay", 0, 1), ("w_noise", 0, 10),
                             ("w_noise_ramp", 0, 1), ("noise_weight", 0, 1e12), ("z_prior", 0, 1e6)):
            v = float(getattr(self, name))
            if not math.isfinite(v) or not lo <= v <= hi or (name == "lr" and v == 0):
                bad(name, translate("projection", "must be a finite number in {0}{1}, {2}]")
                    .format("(" if name == "lr" else "[", lo, hi))
        return self

    def lr_at(self, t: float) -> float:
        """The learning rate at fraction t of the run: warm-up, flat, cosine decay to 0."""
        ramp = min(1.0, (1.0 - t) / self.lr_decay) if self.lr_decay > 0 else 1.0
        ramp = 0.5 - 0.5 * math.cos(ramp * math.pi)
        if self.lr_warmup > 0:
            ramp *= min(1.0, t / self.lr_warmup)
        return self.lr * ramp

    def w_noise_at(self, t: float) -> float:
        """The latent noise (x the spread of w) at fraction t of the run."""
        if self.w_noise_ramp <= 0:
            return 0.0
        return self.w_noise * max(0.0, 1.0 - t / self.w_noise_ramp) ** 2


@dataclass
class ProjectionStep:
    """What one step did: the loss (distance + regularisers) and the current reconstruction."""

    step: int                     # 1-based steps done
    steps: int                    # steps planned
    loss: float                   # distance of this step's image to the target
    best_loss: float              # the lowest distance so far ...
    best_step: int                # ... and at which step
    lr: float
    image: torch.Tensor           # this step's image [C, R, R] in [-1, 1] (detached, on the CPU)
    seconds: float                # since the projection started

    def pixels(self) -> np.ndarray:
        """This step's image as uint8 [R, R, C]."""
        return to_uint8(self.image)[0]


@dataclass
class ProjectionResult:
    """The best latent found, as plain data; :meth:`to_request` renders its reconstruction."""

    space: str                    # "w" [w_dim] | "w+" [num_ws, w_dim] | "z" [z_dim]
    latent: np.ndarray            # float32
    losses: list[float]           # distance per step
    best_step: int                # step of the best latent (0 = the starting point)
    best_loss: float
    steps_done: int
    steps_planned: int
    stopped: bool                 # stopped before the planned steps
    distance: str                 # name of the distance used
    seconds: float
    settings: dict = field(default_factory=dict)
    noise_maps: list[np.ndarray] | None = None   # noise="optimise": the optimised maps (the
    #   reconstruction and sidecars still use the model's own noise: a request cannot hold maps)
    reconstruction: np.ndarray | None = None     # uint8 [R, R, C], as render(to_request()) gives
    note: str = ""                # e.g. why z was optimised instead of w

    def to_latent(self) -> Latent:
        return Latent(self.space, self.latent)

    def to_request(self, **changes) -> RenderRequest:
        """A single-image request (model's fixed noise, no truncation) that renders the result."""
        opts = dict(kind="single", psi=1.0, noise_mode="const")
        opts.update(changes)
        return RenderRequest((self.to_latent(),), **opts)

    def summary(self) -> dict:
        """Plain data for a JSON report (no arrays)."""
        d = {k: v for k, v in asdict(self).items()
             if k not in ("latent", "noise_maps", "reconstruction", "losses")}
        d["final_loss"] = self.losses[-1] if self.losses else None
        return d


def image_shape(G) -> tuple[int, int]:
    """(channels, resolution) of a generator's images."""
    cfg = getattr(G, "config", None) or {}
    c = getattr(G, "channels", None) or getattr(G, "img_channels", None) or cfg.get("channels")
    r = getattr(G, "resolution", None) or getattr(G, "img_resolution", None) or cfg.get("resolution")
    if not c or not r:
        raise ValueError("projection needs an image generator (this model makes no images)")
    return int(c), int(r)


def noise_layers(G) -> list[torch.nn.Module]:
    """The synthesis layers with a fixed noise input (``noise_const``), coarse to fine."""
    synthesis = getattr(G, "synthesis", None)
    if synthesis is None:
        return []
    return [m for m in synthesis.modules() if isinstance(getattr(m, "noise_const", None), torch.Tensor)]


def noise_regularizer(maps: list[torch.Tensor]) -> torch.Tensor:
    """The published noise regulariser: squared autocorrelation of each map with itself shifted
    by one pixel (both axes), summed over a pyramid down to 8x8 (pushes the maps to stay
    white noise instead of painting the image)."""
    total = maps[0].new_zeros(())
    for v in maps:
        v = v.reshape(1, 1, *v.shape[-2:])
        while True:
            total = total + (v * v.roll(1, dims=3)).mean().square() + (v * v.roll(1, dims=2)).mean().square()
            if v.shape[-1] <= 8:
                break
            v = torch.nn.functional.avg_pool2d(v, 2)
    return total


class Projector(Stepped):
    """Optimises a latent of ``G`` so that its image matches ``target`` [C, R, R] in [-1, 1].

    Not thread-safe; while it steps it owns G (with noise="optimise" it swaps the noise maps in
    for each step and puts the model's own back afterwards)."""

    def __init__(self,
                 G: torch.nn.Module,                    # a generator (eval mode)
                 target: torch.Tensor,                  # [C, R, R] in [-1, 1], G's size and channels
                 settings: ProjectionSettings | None = None,   # None = the defaults
                 distance: Distance | None = None,      # None = pixel MSE
                 progress: Callable[[ProjectionStep], None] | None = None,  # after every step
                 ):
        self.G = G
        self.settings = (settings or ProjectionSettings()).check()
        c, r = image_shape(G)
        if target.ndim != 3 or tuple(target.shape) != (c, r, r):
            raise ValueError(translate("projection", "the target must be [{0}, {1}, {1}] for this model, got {2}")
                             .format(c, r, tuple(target.shape)))
        if not torch.isfinite(target).all():
            raise ValueError(translate("projection", "the target image contains NaN or inf"))
        p = next(iter(G.parameters()), None)
        self.device = p.device if p is not None else torch.device("cpu")
        self.target = target.detach().float().to(self.device)
        self.distance = (distance or PixelDistance(self.target)).to(self.device)
        self.progress = progress
        self.mapping = has_mapping(G)
        self.space = self.settings.space if self.mapping else "z"
        self.note = "" if self.mapping else \
            translate("projection", "this {0} model has no mapping network: z is optimised").format(
                getattr(G, "config", {}).get("family", ""))
        self._gen = torch.Generator(device="cpu").manual_seed(self.settings.seed)
        self._t0 = time.perf_counter()
        self._stop = False
        self._step = 0
        self.losses: list[float] = []
        self._noise_layers: list[torch.nn.Module] = []
        self._noise: list[torch.Tensor] = []
        self._best_noise: list[torch.Tensor] = []
        self._init_latent()   # (ranks candidates with the model's own noise)
        if self.settings.noise == "optimise":
            self._noise_layers = noise_layers(G)
            self._noise = [layer.noise_const.detach().clone().requires_grad_(True)
                           for layer in self._noise_layers]
        self._opt = torch.optim.Adam([self._param] + self._noise, lr=self.settings.lr, betas=(0.9, 0.999))

    # --- starting point --------------------------------------------------------------------------
    def _labels(self, n: int) -> torch.Tensor | None:
        c_dim = int(getattr(self.G, "c_dim", 0) or 0)
        if not c_dim:
            return None
        c = torch.zeros(n, c_dim, device=self.device)
        c[:, int(self.settings.class_index or 0)] = 1
        return c

    @torch.no_grad()
    def _sample_w(self, n: int, seed: int) -> torch.Tensor:
        z = sample_z(seed, n, self.G.z_dim).to(self.device)
        out = []
        for i in range(0, n, 2048):
            zi = z[i:i + 2048]
            c = self._labels(zi.shape[0])
            ws = self.G.mapping(zi) if c is None else self.G.mapping(zi, c)
            out.append(ws[:, 0].float())
        return torch.cat(out)

    @torch.no_grad()
    def _best_of(self, candidates: torch.Tensor) -> torch.Tensor:
        """The candidate latent ([K, w_dim] or [K, z_dim]) whose image is nearest the target."""
        best, best_d = None, math.inf
        per_pass = max(1, 64 * 32 * 32 // image_shape(self.G)[1] ** 2)   # 64 at 32 px, 1 at 256 px
        for i in range(0, candidates.shape[0], per_pass):
            chunk = candidates[i:i + per_pass]
            d = self.distance(self._synthesize(chunk))
            k = int(d.argmin())
            if float(d[k]) < best_d:
                best, best_d = chunk[k].clone(), float(d[k])
        return best

    def _init_latent(self) -> None:
        s = self.settings
        if self.mapping:
            w = self._sample_w(s.w_samples, s.seed)
            self.w_mean = w.mean(0)
            self.w_std = float((w - self.w_mean).square().sum(1).mean().sqrt())
            start = self.w_mean if s.start == "mean" else self._best_of(self._sample_w(s.candidates, s.seed + 1))
            num_ws = int(self.G.num_ws)
            start = start.reshape(1, -1) if self.space == "w" else start.reshape(1, 1, -1).repeat(1, num_ws, 1)
        else:
            self.w_mean, self.w_std = None, math.sqrt(self.G.z_dim)
            start = torch.zeros(1, self.G.z_dim, device=self.device)
            if s.start == "best":
                start = self._best_of(sample_z(s.seed + 1, s.candidates, self.G.z_dim).to(self.device))[None]
        self._param = start.detach().clone().requires_grad_(True)
        self._best = self._param.detach().clone()
        self.best_loss, self.best_step = math.inf, 0
        with torch.no_grad():
            self.best_loss = float(self.distance(self._synthesize(self._best))[0])

    # --- one step ------------------------------------------------------------------------------------
    def _ws(self, latent: torch.Tensor) -> torch.Tensor:
        """latent [N, w_dim] (w) or [N, num_ws, w_dim] (w+) -> ws [N, num_ws, w_dim]."""
        if latent.ndim == 2:
            return latent.unsqueeze(1).expand(-1, int(self.G.num_ws), -1)
        return latent

    def _synthesize(self, latent: torch.Tensor) -> torch.Tensor:
        if not self.mapping:
            return self.G(latent).float()
        with self._noise_swapped():
            return self.G.synthesis(self._ws(latent), noise_mode="const").float()

    @contextlib.contextmanager
    def _noise_swapped(self):
        if not self._noise_layers:
            yield
            return
        saved = [layer.noise_const for layer in self._noise_layers]
        try:
            for layer, v in zip(self._noise_layers, self._noise):
                layer.noise_const = v
            yield
        finally:
            for layer, v in zip(self._noise_layers, saved):
                layer.noise_const = v

    @property
    def finished(self) -> bool:
        return self._stop or self._step >= self.settings.steps

    def stop(self) -> None:
        """Stop before the next step; :meth:`result` keeps the best latent so far."""
        self._stop = True

    def step(self) -> ProjectionStep:
        """One optimisation step (raises RuntimeError when finished or stopped)."""
        if self.finished:
            raise RuntimeError("the projection has finished; call result()")
        s = self.settings
        t = self._step / s.steps
        lr = s.lr_at(t)
        for group in self._opt.param_groups:
            group["lr"] = lr
        scale = s.w_noise_at(t) * self.w_std
        latent = self._param
        if scale > 0:
            jitter = torch.randn(self._param.shape, generator=self._gen).to(self.device)
            latent = latent + jitter * scale
        image = self._synthesize(latent)
        dist = self.distance(image)[0]
        loss = dist
        if self._noise:
            loss = loss + s.noise_weight * noise_regularizer(self._noise)
        if not self.mapping and s.z_prior > 0:
            loss = loss + s.z_prior * latent.square().mean()
        self._opt.zero_grad(set_to_none=True)
        loss.backward()
        self._opt.step()
        with torch.no_grad():
            for v in self._noise:   # keep each noise map zero-mean, unit-variance
                v.sub_(v.mean()).mul_(v.square().mean().rsqrt())
        self._step += 1
        d = float(dist.detach())
        if not math.isfinite(d):
            self._stop = True
            raise FloatingPointError(translate("projection", "the projection diverged at step {0} (loss {1}); the best "
                                                   "latent so far is kept").format(self._step, d))
        self.losses.append(d)
        if d < self.best_loss:
            self.best_loss, self.best_step = d, self._step
            self._best = latent.detach().clone()
            self._best_noise = [v.detach().clone() for v in self._noise]
        info = ProjectionStep(self._step, s.steps, d, self.best_loss, self.best_step, lr,
                              image.detach()[0].cpu(), time.perf_counter() - self._t0)
        if self.progress is not None:
            self.progress(info)
        return info

    # --- the result -----------------------------------------------------------------------------------
    def result(self, reconstruct: bool = True) -> ProjectionResult:
        """The best latent so far (also after stop()); with ``reconstruct`` its image as
        :func:`render` gives it (pixel-exact with a sidecar of :meth:`ProjectionResult.to_request`)."""
        latent = self._best[0].detach().float().cpu().numpy().copy()
        maps = None
        if self._noise:
            best_noise = self._best_noise or self._noise
            maps = [v.detach().cpu().numpy().copy() for v in best_noise]
        res = ProjectionResult(self.space, latent, list(self.losses), self.best_step, self.best_loss,
                               self._step, self.settings.steps, self._step < self.settings.steps,
                               getattr(self.distance, "name", type(self.distance).__name__),
                               time.perf_counter() - self._t0, asdict(self.settings), maps,
                               note=self.note)
        if reconstruct:
            rendered = render(self.G, res.to_request())
            if not rendered.ok:
                raise RuntimeError(translate("projection", "rendering the projection failed: {0}").format(rendered.error))
            res.reconstruction = rendered.images[0]
        return res
