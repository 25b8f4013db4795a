"""Drag to edit (the idea of DragGAN, Pan et al. 2023): move what is under handle points of an
image to target points by optimising the first rows of its w+.

>>> dragger = Dragger(G, ws, handles=[(10, 12)], targets=[(14, 12)], settings=DragSettings())
>>> for step in dragger:              # or dragger.step() at a time; dragger.stop() at any time
...     print(step.step, step.handles, step.distances)
>>> result = dragger.result()         # the last w+ as plain data: result.to_latent()

Each step: one forward pass gives the image and the features of one intermediate layer
(:mod:`.drag_features`, read as if resized to the image). *Point tracking* first moves each
handle to the pixel within ``track_radius`` whose features are nearest the handle's features in
the starting image. Unless ``track_fine`` is off, the finest layer's features (as large as the
image) count too: where the pulled layer is coarser than the image its features are nearly
alike along a straight edge, and a handle tracked on them alone slides along the edge instead
of following it outwards; for the same reason a candidate pays for leaving the line through the
handle's start and its target (``keep_to_line``), so that where the features cannot tell the
pixels apart the handle stays on its way. When every handle is within ``stop_distance`` of its
target (on the target's pixel for images under 100 px, where a pixel is a large part of any
move) the drag has arrived. Otherwise *motion supervision*: around each handle
(``motion_radius``) the features one pixel further towards the target are pulled to the (fixed)
features where they are now, which shifts the content by a pixel; with a mask, the features
and the pixels outside it are held to the starting ones (weight ``mask_weight``, the pixels
counted in the features' units). The pulled layer is coarser than the image and its cells on
the mask's border are only partly held, so without the pixels the image beside the mask
drifts. Adam takes a step on the first ``rows`` rows of w+ only (the rest stay as they were:
textures and colours of the fine layers are kept). A step that changes the image more than
shifting all of it by one pixel would is a jump, not a drag (Adam's steps are nearly sign
steps, and one can turn a boot into a top): it is taken back to half its size until it is
small enough, and the step size stays halved.

Pure PyTorch on G's device (a GPU when the model is there; :func:`generator_on` makes a copy
on another device); a GUI steps a :class:`Dragger` on its render thread.
"""
from __future__ import annotations

import contextlib
import copy
import math
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Callable, Sequence

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .drag_features import (captured, default_feature_layer, disc, drag_refusal, feature_layers, find_layer,
                            sample)
from .imaging import to_uint8
from .stepping import Stepped
from .render_request import Latent, RenderRequest

MAX_POINTS = 32
# Tracked handles sit on whole pixels, so none can come nearer to a target than the distance
# from the target to its nearest pixel centre: at most half the diagonal of a pixel.
ON_TARGET = 0.5 ** 0.5
# A step may change the image (mean absolute change) at most as much as shifting the whole
# starting image by one pixel would: a larger one is taken back to half its size, up to
# HALVINGS times, and the step size stays halved from then on.
HALVINGS = 6


@dataclass(frozen=True)
class DragSettings:
    """How to drag. None = chosen for the model by :meth:`resolve`; :meth:`check` refuses values
    that make no sense, naming the setting."""

    lr: float = 0.03                    # Adam step size, in units of w's spread (RMS per dimension)
    rows: int | None = None             # the first rows of w+ optimised; None: about 40 % of them
    feature_layer: str | None = None    # a layer of drag_features.feature_layers; None: its default
    motion_radius: float | None = None  # pixels around a handle that are pulled; None: R/170, >= 2
    track_radius: float | None = None   # pixels searched for the handle after a step; None: R/40, >= 3
    max_steps: int = 200                # the drag ends after this many steps at most
    stop_distance: float | None = None  # arrived when every handle is this near (px); None: R/100,
                                        # on the target's pixel below 100 px
    mask_weight: float = 1.75           # weight of "features and pixels outside the mask stay" (with a mask)
    track_fine: bool = True             # track on the finest features too (see the module doc)
    keep_to_line: float = 0.2           # tracking's cost of leaving the handle's line by track_radius

    def check(self) -> "DragSettings":
        def bad(name: str, why: str):
            raise ValueError(translate("drag", "drag setting {0}: {1} (got {2!r})").format(name, why, getattr(self, name)))
        for name, lo, hi, open_lo in (("lr", 0, 10, True), ("motion_radius", 0, 4096, True),
                                      ("track_radius", 0, 4096, True), ("stop_distance", 0, 4096, False),
                                      ("mask_weight", 0, 1e6, False), ("keep_to_line", 0, 1e6, False)):
            v = getattr(self, name)
            if v is None and name not in ("lr", "mask_weight", "keep_to_line"):
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(float(v)) \
                    or not lo <= float(v) <= hi or (open_lo and float(v) == lo):
                bad(name, translate("drag", "must be a finite number in {0}{1}, {2}]").format("(" if open_lo else "[", lo, hi))
        for name, lo, hi in (("max_steps", 1, 100_000), ("rows", 1, 1024)):
            v = getattr(self, name)
            if v is None and name == "rows":
                continue
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not lo <= v <= hi:
                bad(name, translate("drag", "must be a whole number {0}..{1}").format(lo, hi))
        if self.feature_layer is not None and (not isinstance(self.feature_layer, str) or not self.feature_layer):
            bad("feature_layer", translate("drag", "must be a layer name such as 'b16'"))
        if not isinstance(self.track_fine, (bool, np.bool_)):
            bad("track_fine", translate("drag", "must be true or false"))
        return self

    def resolve(self, G) -> "DragSettings":
        """These settings for G: every None filled in, and refused when they do not fit it."""
        self.check()
        res, num_ws = int(G.synthesis.img_resolution), int(G.num_ws)
        s = replace(self,
                    rows=self.rows if self.rows is not None else max(2, min(num_ws, round(0.4 * num_ws))),
                    feature_layer=self.feature_layer or default_feature_layer(G),
                    motion_radius=self.motion_radius or max(2.0, res / 170),
                    track_radius=self.track_radius or max(3.0, res / 40),
                    stop_distance=self.stop_distance if self.stop_distance is not None
                    else (res / 100 if res >= 100 else 0.0))
        if s.rows > num_ws:
            raise ValueError(translate("drag", "drag setting rows: this model has"
                                               " {0} rows of w+ (got {1})").format(num_ws, s.rows))
        for name in ("motion_radius", "track_radius", "stop_distance"):
            if getattr(s, name) > res:
                raise ValueError(translate("drag", "drag setting {0}: at most the image "
                                                   "size, {1} px (got {2})").format(name, res, getattr(s, name)))
        find_layer(G, s.feature_layer)
        return s


@dataclass
class DragStep:
    """Where one step stands: the image of its w+ and the handles tracked on it."""

    step: int                         # 1-based steps done
    max_steps: int
    ws: np.ndarray                    # the w+ of this image [num_ws, w_dim]
    image: np.ndarray                 # uint8 [R, R, C]
    handles: list[tuple[float, float]]   # (x, y) tracked on this image
    targets: list[tuple[float, float]]
    distances: list[float]            # handle to target, pixels
    loss: float                       # motion (+ mask) loss of this step; 0 once arrived
    arrived: bool                     # every handle within stop_distance of its target (or on it)
    seconds: float                    # since the drag started


@dataclass
class DragResult:
    """The last w+ of a drag, as plain data; :meth:`to_latent` puts it into a render request."""

    ws: np.ndarray                    # [num_ws, w_dim] float32
    image: np.ndarray | None          # uint8 [R, R, C] of ws (as the drag's forward pass made it)
    handles: list[tuple[float, float]]
    targets: list[tuple[float, float]]
    distances: list[float]
    steps_done: int
    arrived: bool
    stopped: bool                     # stopped before arriving or running out of steps
    seconds: float
    settings: dict = field(default_factory=dict)

    def to_latent(self) -> Latent:
        return Latent("w+", self.ws)


def generator_on(G, device: str | torch.device) -> torch.nn.Module:
    """G, or a copy of it on ``device`` ("auto": the GPU when there is one)."""
    if str(device) == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    device = torch.device(device)
    p = next(iter(G.parameters()), None)
    if p is None or p.device == device or (device.type == p.device.type and device.index is None):
        return G
    return copy.deepcopy(G).to(device).eval().requires_grad_(False)


@dataclass(frozen=True)
class DragStart:
    """Where a drag starts from a render request of one image: the ws its image is made of
    (truncation, style mixing and direction edits applied) and the noise it is rendered with."""

    ws: np.ndarray                    # [num_ws, w_dim] float32
    noise_mode: str
    noise_seed: int
    noise_strength: dict[int, float]

    @classmethod
    def of(cls, G, request: RenderRequest) -> "DragStart":
        """The start of ``request`` (kind "single") for G; ValueError when G cannot be dragged."""
        why = drag_refusal(G)
        if why:
            raise ValueError(why)
        if request.kind != "single":
            raise ValueError(translate("drag", "a drag starts from one image, not"
                                               " a {0} request").format(request.kind))
        from .render_batch import build_batch
        with torch.no_grad():
            ws = build_batch(G, request).batch[0]
        return cls(ws.float().cpu().numpy().copy(), request.noise_mode, int(request.noise_seed),
                   {int(r): float(v) for r, v in request.noise_strength})

    def dragger(self, G, handles, targets, mask=None, settings: "DragSettings | None" = None,
                progress: Callable[[DragStep], None] | None = None) -> "Dragger":
        return Dragger(G, self.ws, handles, targets, mask, settings, self.noise_mode, self.noise_seed,
                       self.noise_strength, progress)


class _Adam:
    """Adam (Kingma & Ba) on one tensor. torch.optim.Adam does the same, but its first use in a
    process imports the compiler stack (seconds): a drag should start at once."""

    def __init__(self, param: torch.Tensor, lr: float, betas=(0.9, 0.999), eps: float = 1e-8):
        self.param, self.lr, self.betas, self.eps = param, lr, betas, eps
        self.m, self.v, self.t = torch.zeros_like(param), torch.zeros_like(param), 0

    @torch.no_grad()
    def step(self) -> None:
        g = self.param.grad
        if g is None:
            return
        b1, b2 = self.betas
        self.t += 1
        self.m.mul_(b1).add_(g, alpha=1 - b1)
        self.v.mul_(b2).addcmul_(g, g, value=1 - b2)
        denom = (self.v / (1 - b2 ** self.t)).sqrt_().add_(self.eps)
        self.param.addcdiv_(self.m, denom, value=-self.lr / (1 - b1 ** self.t))


def _one_pixel_change(img: torch.Tensor) -> float:
    """Mean absolute change of image [N, C, H, W] if it were shifted by one pixel (the larger of
    the two directions)."""
    dx = (img[..., :, 1:] - img[..., :, :-1]).abs().mean()
    dy = (img[..., 1:, :] - img[..., :-1, :]).abs().mean()
    return max(float(dx), float(dy), 1e-6)


def _relative_distance(features: torch.Tensor, ref: torch.Tensor) -> torch.Tensor:
    """Squared distances [K] of features [K, C] from ref [C], relative to ref's own size."""
    return (features - ref).square().sum(1) / ref.square().sum().clamp_min(1e-12)


def _off_line(cand: torch.Tensor, start: torch.Tensor, target: torch.Tensor, radius: float,
              weight: float) -> torch.Tensor:
    """Tracking's prior [K] for candidate positions [K, 2]: ``weight`` x (distance from the line
    through the handle's start and its target / ``radius``)^2.  A drag moves what is under a
    handle along that line; along a straight edge the features are nearly alike, and without
    the prior the tracked handle slides along the edge (FreeDrag, Ling et al. 2023, searches
    for its handles on that line alone)."""
    rel = cand - start
    d = target - start
    n = float(d.norm())
    off = rel.norm(dim=1) if n < 1e-6 else (rel[:, 0] * d[1] - rel[:, 1] * d[0]).abs() / n
    return weight * (off / radius) ** 2


def _points(name: str, pts, resolution: int) -> torch.Tensor:
    arr = np.asarray(pts, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] == 0:
        raise ValueError(translate("drag", "drag {0}: need a list of (x, y) "
                                           "points, got shape {1}").format(name, arr.shape))
    if arr.shape[0] > MAX_POINTS:
        raise ValueError(translate("drag", "drag {0}: at most {1} points (got "
                                           "{2})").format(name, MAX_POINTS, arr.shape[0]))
    if not np.isfinite(arr).all() or (arr < 0).any() or (arr > resolution - 1).any():
        raise ValueError(translate("drag", "drag {0}: every point must lie on the"
                                           " image, 0..{1} px").format(name, resolution - 1))
    return torch.tensor(arr, dtype=torch.float32)


class Dragger(Stepped):
    """Drags the image of ``ws`` (see the module docstring). Not thread-safe."""

    def __init__(self,
                 G: torch.nn.Module,                     # a StyleGAN generator (eval mode)
                 ws,                                     # the starting w+ [num_ws, w_dim]
                 handles: Sequence[tuple[float, float]],  # (x, y) pixels: what to move ...
                 targets: Sequence[tuple[float, float]],  # ... and where to, one per handle
                 mask=None,                              # [R, R] true where the image may change; None: all
                 settings: DragSettings | None = None,
                 noise_mode: str = "const",              # as in a render request
                 noise_seed: int = 0,                    # seeds "random" noise (the same every step)
                 noise_strength: dict[int, float] | None = None,   # block res -> multiplier
                 progress: Callable[[DragStep], None] | None = None,   # after every step
                 ):
        why = drag_refusal(G)
        if why:
            raise ValueError(why)
        self.G = G
        self.settings = (settings or DragSettings()).resolve(G)
        self.layer = find_layer(G, self.settings.feature_layer)
        finest = feature_layers(G)[-1]
        self.fine = finest if self.settings.track_fine and finest.name != self.layer.name else None
        self.resolution = res = int(G.synthesis.img_resolution)
        p = next(iter(G.parameters()), None)
        self.device = p.device if p is not None else torch.device("cpu")
        ws = torch.as_tensor(np.asarray(ws, dtype=np.float32))
        if tuple(ws.shape) != (int(G.num_ws), int(G.w_dim)) or not torch.isfinite(ws).all():
            raise ValueError(translate("drag", "drag start: w+ must be finite, "
                                               "shape {0}, got {1}").format((int(G.num_ws), int(G.w_dim)), tuple(ws.shape)))
        self.handles = _points("handles", handles, res)
        self.targets = _points("targets", targets, res)
        if self.handles.shape != self.targets.shape:
            raise ValueError(translate("drag", "drag targets: one per handle ({0}"
                                               " handles, {1} targets)").format(self.handles.shape[0], self.targets.shape[0]))
        self.starts = self.handles.clone()
        self.keep, self.keep_pixels = self._mask(mask, res)
        self.noise = (noise_mode, int(noise_seed), dict(noise_strength or {}) or None)
        self.progress = progress
        rows = self.settings.rows
        self.ws0 = ws.to(self.device)
        self._tail = self.ws0[rows:].clone()
        self._param = self.ws0[:rows].clone().requires_grad_(True)
        spread = self._w_spread()
        self._opt = _Adam(self._param, lr=self.settings.lr * spread)
        self._t0 = time.perf_counter()
        self._step, self._stop, self.loss = 0, False, 0.0
        self.arrived = False
        with torch.no_grad():
            img, feat, fine = self._forward(self.ws0)
        self.feat0, self.img0 = feat.detach(), img.detach()
        self.refs = sample(self.feat0, self.handles.to(self.device), res)   # [K, C]
        self.fine_refs = None if fine is None else sample(fine, self.handles.to(self.device), res)
        self.last_ws, self.last_image = self.ws0.clone(), img.detach()
        self.distances = self._distances()
        self._limit = _one_pixel_change(img.detach())
        # The pixel hold in the units of the feature hold: a change of the image as large as
        # shifting it by one pixel weighs as much as that change of the features (their sizes
        # differ between models: six times between the shipped ones). A shift by one of the
        # layer's S cells is res / S pixels; a nearly blank image counts as changing by 1 % per
        # pixel.
        size = int(feat.shape[-1])
        self._pixel_unit = _one_pixel_change(self.feat0) * size / res / max(self._limit, 0.01)
        self._before = None          # the rows of w+ before the last Adam step
        self.halvings = 0            # steps taken back to half their size, so far

    # --- pieces ----------------------------------------------------------------------------------
    def _mask(self, mask, res: int) -> tuple[torch.Tensor | None, torch.Tensor | None]:
        """The weights of "stay as you are" per feature sample of the pulled layer (1 - the
        mask's share of it) and per pixel (1 - the mask); (None, None) without a mask."""
        if mask is None:
            return None, None
        m = np.asarray(mask)
        if m.shape != (res, res):
            raise ValueError(translate("drag", "drag mask: must be {0} x {0} (the"
                                               " image), got {1}").format(res, m.shape))
        if not np.isfinite(m.astype(np.float64)).all():
            raise ValueError(translate("drag", "drag mask: contains NaN or inf"))
        m = torch.tensor(m.astype(np.float32)).clamp(0, 1)
        if float(m.max()) <= 0:
            raise ValueError(translate("drag", "drag mask: marks no pixel that "
                                               "may change (paint the region to "
                                               "move, or clear the mask to let "
                                               "everything change)"))
        share = torch.nn.functional.adaptive_avg_pool2d(m[None, None], self.layer.size)
        return (1.0 - share).to(self.device), (1.0 - m).to(self.device)

    @torch.no_grad()
    def _w_spread(self) -> float:
        """RMS per dimension of w around its mean (so that lr means the same for every model)."""
        gen = torch.Generator(device="cpu").manual_seed(0)
        z = torch.randn(512, int(self.G.z_dim), generator=gen).to(self.device)
        c_dim = int(getattr(self.G, "c_dim", 0) or 0)
        c = None
        if c_dim:
            c = torch.zeros(512, c_dim, device=self.device)
            c[:, 0] = 1
        w = (self.G.mapping(z) if c is None else self.G.mapping(z, c))[:, 0].float()
        return float((w - w.mean(0)).square().mean().sqrt()) or 1.0

    def _forward(self, ws: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
        """The image, the pulled layer's features and the finest layer's (None: not tracked)."""
        mode, seed, strength = self.noise
        rng = contextlib.nullcontext()
        if mode == "random":
            devices = [self.device] if self.device.type == "cuda" else []
            rng = torch.random.fork_rng(devices=devices)
        fine = captured(self.G, self.fine) if self.fine is not None else contextlib.nullcontext([None])
        with captured(self.G, self.layer) as box, fine as fine_box, rng:
            if mode == "random":
                torch.manual_seed(seed)
            kw = {"noise_strength": strength} if strength else {}
            img = self.G.synthesis(ws[None], noise_mode=mode, **kw).float()
        return img, box[0].float(), None if fine_box[0] is None else fine_box[0].detach().float()

    def _distances(self) -> list[float]:
        return [float(d) for d in (self.targets - self.handles).norm(dim=1)]

    @torch.no_grad()
    def _track(self, feat: torch.Tensor, fine: torch.Tensor | None) -> None:
        """Each handle moves to the pixel within track_radius whose features are nearest its own
        (with the finest features too: the sum of both squared distances, each relative to the
        size of the handle's own features), plus the cost of being off its line (see
        :func:`_off_line`)."""
        for i in range(self.handles.shape[0]):
            cand = disc(self.handles[i], self.settings.track_radius, self.resolution)
            far = _off_line(cand, self.starts[i], self.targets[i], self.settings.track_radius,
                            self.settings.keep_to_line).to(self.device)
            cand = cand.to(self.device)
            far = far + _relative_distance(sample(feat, cand, self.resolution), self.refs[i])
            if fine is not None:
                far = far + _relative_distance(sample(fine, cand, self.resolution), self.fine_refs[i])
            self.handles[i] = cand[int(far.argmin())].cpu()

    def _motion_loss(self, feat: torch.Tensor) -> torch.Tensor:
        loss = feat.new_zeros(())
        for h, t in zip(self.handles, self.targets):
            d = t - h
            n = float(d.norm())
            if n <= ON_TARGET:   # as near as a whole pixel gets: pulling further would overshoot
                continue
            q = disc(h, self.settings.motion_radius, self.resolution).to(self.device)
            here = sample(feat, q, self.resolution).detach()
            ahead = sample(feat, q + (d / n).to(self.device), self.resolution)
            loss = loss + (ahead - here).abs().mean()
        return loss

    # --- stepping ---------------------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self._stop or self.arrived or self._step >= self.settings.max_steps

    def stop(self) -> None:
        """Stop before the next step; :meth:`result` keeps the last w+."""
        self._stop = True

    def step(self) -> DragStep:
        """Track the handles on the current image, then one optimisation step."""
        if self.finished:
            raise RuntimeError(translate("drag", "the drag has finished; call "
                                                 "result()"))
        ws = torch.cat([self._param, self._tail])
        img, feat, fine = self._forward(ws)
        tries = 0
        while self._before is not None and tries < HALVINGS and \
                float((img.detach() - self.last_image).abs().mean()) > self._limit:
            # too large a step (the image jumps, e.g. to another kind of garment): half of it
            with torch.no_grad():
                self._param.copy_(self._before + 0.5 * (self._param - self._before))
            ws = torch.cat([self._param, self._tail])
            img, feat, fine = self._forward(ws)
            tries += 1
        self.halvings += tries
        self._opt.lr *= 0.5 ** tries
        if self._step > 0:
            self._track(feat.detach(), fine)
        self.distances = self._distances()
        self.last_ws, self.last_image = ws.detach().clone(), img.detach()
        self._step += 1
        self.arrived = max(self.distances) <= max(self.settings.stop_distance, ON_TARGET)
        loss = feat.new_zeros(())
        if not self.arrived:
            loss = self._motion_loss(feat)
            if self.keep is not None:
                loss = loss + self.settings.mask_weight * (((feat - self.feat0).abs() * self.keep).mean()
                                                           + self._pixel_unit * ((img - self.img0).abs()
                                                                                 * self.keep_pixels).mean())
            self._param.grad = None
            loss.backward()
            self._before = self._param.detach().clone()
            self._opt.step()
        self.loss = float(loss.detach())
        if not math.isfinite(self.loss):
            self._stop = True
            raise FloatingPointError(translate("drag", "the drag diverged at step {0}; the last "
                                                       "good w+ is kept").format(self._step))
        info = DragStep(self._step, self.settings.max_steps, self.last_ws.cpu().numpy().copy(),
                        to_uint8(self.last_image)[0], self._pairs(self.handles), self._pairs(self.targets),
                        list(self.distances), self.loss, self.arrived, time.perf_counter() - self._t0)
        if self.progress is not None:
            self.progress(info)
        return info

    @staticmethod
    def _pairs(t: torch.Tensor) -> list[tuple[float, float]]:
        return [(float(x), float(y)) for x, y in t.tolist()]

    def result(self) -> DragResult:
        """The last w+ whose image was made (with the handles tracked on it)."""
        return DragResult(self.last_ws.detach().float().cpu().numpy().copy(), to_uint8(self.last_image)[0],
                          self._pairs(self.handles), self._pairs(self.targets), list(self.distances),
                          self._step, self.arrived, self._stop and not self.arrived,
                          time.perf_counter() - self._t0, asdict(self.settings))
