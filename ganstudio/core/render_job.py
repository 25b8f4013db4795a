"""A render request rendered a chunk at a time: :class:`RenderJob`.

A job maps the request's latents to the batch once, then each :meth:`RenderJob.step`
synthesises the next chunk of samples (at most :func:`~.activation_memory.chunk_size` of them,
so a big model never holds more than about 1 GB of activations).  Between steps a caller may do
other work (the Explorer renders its main image between gallery tiles), show the tiles so far
(:meth:`RenderJob.partial`) or drop the job.  A step can be given up between synthesis blocks
(``should_stop``); nothing of that chunk is kept and the next step redoes it.  The finished
images equal one batched forward pass (random noise: a fixed function of the request and the
model, drawn chunk after chunk from ``noise_seed``).

The main image of a StyleGAN2 model can use a :class:`~.synthesis_cache.SynthesisCache`
(unchanged first blocks are not recomputed) and show a preview: the image so far at block
``preview_res`` (the ToRGB skip output), upscaled to the full size.  No step ever raises:
failures end the job with ``RenderResult.error``.
"""
from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .activation_memory import chunk_size
from .imaging import make_grid, to_uint8, upscale
from .input_transform import InputTransform, applied, untransform_images
from .layer_capture import LayerView, capture, layer_view, list_layers
from .render_batch import Batch, build_batch, finish_images
from .render_request import RenderRequest
from .synthesis_cache import SynthesisCache, SynthesisCancelled, supports_blocks, synthesize

PREVIEW_MAX_RES = 64   # the preview is the image so far at the largest block up to this size


@dataclass
class RenderResult:
    """What a render returns. ``error`` is "" on success; images are then NHWC uint8."""

    request_id: int = 0
    kind: str = "single"
    images: np.ndarray | None = None      # [N, H, W, C] uint8
    rows: int = 1                         # grid layout of images
    cols: int = 1
    composite: np.ndarray | None = None   # [H', W', C] uint8: the tiles with padding and upscale
    ms: float = 0.0                       # time spent rendering (summed over a job's steps)
    error: str = ""
    w: np.ndarray | None = None           # single: latent A's ws before truncation [num_ws, w_dim]
    latents: np.ndarray | None = None     # exactly what went into the synthesis (ws) or G (z)
    meta: dict = field(default_factory=dict)
    cancelled: bool = False               # given up before it finished (no images)
    layer: LayerView | None = None        # a capture: the layer drawn (images = its maps)

    @property
    def ok(self) -> bool:
        return not self.error and self.images is not None


def describe_error(e: BaseException) -> str:
    """One line for the user: what went wrong while rendering (and what to try)."""
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    if isinstance(e, MemoryError) or "out of memory" in text.lower():
        return translate("render_job", "out of memory while rendering; try fewer frames or a smaller grid ({0})").format(text)
    return text if isinstance(e, ValueError) else f"{type(e).__name__}: {text}"


def preview_resolution(G) -> int | None:
    """The block whose image so far is a StyleGAN2 model's preview (the largest block up to
    PREVIEW_MAX_RES, below the full size); None for networks without block outputs."""
    synthesis = getattr(G, "synthesis", None)
    if synthesis is None or not supports_blocks(synthesis):
        return None
    low = [r for r in synthesis.block_resolutions[:-1] if r <= PREVIEW_MAX_RES]
    return low[-1] if low else None


def upscaled_preview(img: torch.Tensor, size: int) -> torch.Tensor:
    """The image so far [N, C, r, r] upscaled (bilinear) to the full size [N, C, size, size]."""
    if img.shape[-1] == size:
        return img
    return F.interpolate(img.float(), size=(size, size), mode="bilinear", align_corners=False)


class RenderJob:
    """One request, rendered chunk by chunk (see the module docstring)."""

    def __init__(self, G, request: RenderRequest, *,
                 cache: SynthesisCache | None = None,     # main image: reuse unchanged blocks
                 chunk: int | None = None,                # most samples per forward pass;
                                                          # None = from the activation budget
                 preview_res: int | None = None,          # single: block of the preview; None = none
                 on_preview: Callable[[RenderResult], None] | None = None):  # receives it
        if chunk is not None and chunk < 1:
            raise ValueError(translate("render_job", "a chunk holds at least one sample, got "
                                                     "{0}").format(chunk))
        self.G, self.request = G, request
        self.cache = cache
        self.chunk = chunk or chunk_size(G)
        self.preview_res, self.on_preview = preview_res, on_preview
        self.done = 0                      # samples synthesised so far
        self.finished = False              # the result (images or error) is ready
        self.cancelled = False             # the last step was given up
        self._spec: Batch | None = None
        self._tiles: np.ndarray | None = None
        self._rng: torch.Tensor | None = None
        self._layer: LayerView | None = None
        self._work_s = self._step_t0 = 0.0
        self._result = RenderResult(request_id=request.request_id, kind=request.kind)

    # --- progress ---------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """Samples to synthesise (0 until the first step has mapped the latents)."""
        return 0 if self._spec is None else int(self._spec.batch.shape[0])

    @property
    def random_noise(self) -> bool:
        return self.request.noise_mode == "random" or self.request.kind == "variation"

    def result(self) -> RenderResult:
        """The finished result (call once ``finished``)."""
        return self._result

    def partial(self) -> RenderResult:
        """The tiles rendered so far, the rest blank (meta: partial, done, total)."""
        req = self.request
        res = RenderResult(request_id=req.request_id, kind=req.kind, ms=self._work_s * 1000,
                           meta={"partial": True, "done": self.done, "total": self.total})
        if self._tiles is None:
            return res
        tiles = self._tiles.copy()  # the job goes on filling its own
        if req.kind == "variation":
            images = np.concatenate([tiles, np.zeros_like(tiles[:1])])
        else:
            images = finish_images(tiles, req.kind)
        res.images, res.rows, res.cols = images, self._spec.rows, self._spec.cols
        res.composite = self._composite(images)
        return res

    # --- work -------------------------------------------------------------------------------------
    def prepare(self) -> None:
        """Map the latents to the batch now (``total`` is then known). Never raises."""
        if self._spec is not None or self.finished:
            return
        try:
            with torch.inference_mode():
                self._spec = build_batch(self.G, self.request)
        except Exception as e:  # noqa: BLE001 - the renderer reports, it never raises
            self._result.error = describe_error(e)
            self.finished = True

    def step(self, should_stop: Callable[[], bool] | None = None, max_samples: int | None = None) -> None:
        """Synthesise the next chunk (at most ``max_samples`` samples, except with random noise,
        whose chunks are fixed so that the noise is a function of the request). When
        ``should_stop()`` turns true between synthesis blocks the chunk is given up
        (``cancelled``) and the next step redoes it. Never raises."""
        if self.finished:
            return
        self.cancelled = False
        t0 = self._step_t0 = time.perf_counter()
        try:
            with torch.inference_mode():
                if self._spec is None:
                    self._spec = build_batch(self.G, self.request)
                n = min(self.chunk, self.total - self.done)
                if max_samples is not None and not self.random_noise:
                    n = max(1, min(n, int(max_samples)))
                with self._noise_rng():
                    images = self._synthesise(self._spec.batch[self.done:self.done + n], should_stop)
                self._keep(images)
                if self.done >= self.total:
                    self._finish()
        except SynthesisCancelled:
            self.cancelled = True
        except Exception as e:  # noqa: BLE001 - the renderer reports, it never raises
            self._result.error = describe_error(e)
            self.finished = True
        self._work_s += time.perf_counter() - t0
        self._result.ms = self._work_s * 1000

    @contextlib.contextmanager
    def _noise_rng(self):
        """Random noise continues, chunk after chunk, from a generator seeded by noise_seed."""
        if not self.random_noise:
            yield
            return
        with torch.random.fork_rng(devices=[]):
            if self._rng is None:
                torch.manual_seed(int(self.request.noise_seed))
            else:
                torch.set_rng_state(self._rng)
            yield
            self._rng = torch.get_rng_state()  # only after a chunk that finished

    def _synthesise(self, batch: torch.Tensor, should_stop) -> np.ndarray:
        if self.request.capture is not None:
            return self._capture(batch[:1], should_stop)
        transforms = self._transforms(len(batch))
        if transforms is None:
            return to_uint8(self._forward(batch, should_stop))
        out, i = [], 0
        while i < len(batch):   # one forward per run of equal transforms (the buffer is shared)
            j = i + 1
            while j < len(batch) and transforms[j] == transforms[i]:
                j += 1
            with applied(self.G, transforms[i]):
                img = self._forward(batch[i:j], should_stop)
            t = transforms[i]
            out.append(untransform_images(img, t) if t.untransform and not t.is_identity else img)
            i = j
        return to_uint8(torch.cat(out))

    def _transforms(self, n: int) -> list[InputTransform] | None:
        """The input transform of each of the next n samples; None = the model's own."""
        req = self.request
        if req.motion is not None:
            return [req.motion.frame(req.input_transform, self.done + k) for k in range(n)]
        return None if req.input_transform is None else [req.input_transform] * n

    def _forward(self, batch: torch.Tensor, should_stop, cached: bool = True) -> torch.Tensor:
        G, req = self.G, self.request
        if not self._spec.style:
            if should_stop is not None and should_stop():
                raise SynthesisCancelled()
            return G(batch)
        single = req.kind == "single"
        on_block = self._preview if single and cached and self.on_preview and self.preview_res else None
        return synthesize(G.synthesis, batch, noise_mode="random" if req.kind == "variation" else req.noise_mode,
                          noise_strength=dict(req.noise_strength) or None,
                          cache=self.cache if single and cached else None, on_block=on_block,
                          should_stop=should_stop)

    def _capture(self, batch: torch.Tensor, should_stop) -> np.ndarray:
        """A layer's feature maps (the forward stops at the layer; no cache, so every hook runs;
        a newer request can still stop it between blocks)."""
        spec = self.request.capture
        with applied(self.G, self.request.input_transform):
            act, layers = capture(self.G, lambda: self._forward(batch, should_stop, cached=False), spec.layer)
        self._layer = layer_view(spec.layer, act, spec)
        self._layer.layers = layers
        return self._layer.maps[None]

    def _preview(self, res: int, img: torch.Tensor) -> None:
        if res != self.preview_res:
            return
        req, size = self.request, int(self.G.synthesis.img_resolution)
        full = to_uint8(upscaled_preview(img, size))
        preview = RenderResult(request_id=req.request_id, kind=req.kind, images=to_uint8(img),
                               composite=upscale(full[0], req.upscale),
                               ms=(self._work_s + time.perf_counter() - self._step_t0) * 1000,
                               meta={"preview": True, "preview_res": res})
        self.on_preview(preview)

    def _keep(self, images: np.ndarray) -> None:
        if self._tiles is None:
            self._tiles = np.zeros((self.total, *images.shape[1:]), np.uint8)
        self._tiles[self.done:self.done + len(images)] = images
        self.done += len(images)

    def _finish(self) -> None:
        spec, res = self._spec, self._result
        res.images = finish_images(self._tiles, self.request.kind)
        res.rows, res.cols = spec.rows, spec.cols
        res.w = spec.w_a.cpu().numpy() if spec.w_a is not None else None
        res.latents = spec.batch.cpu().numpy()
        res.composite = self._composite(res.images)
        res.layer = self._layer
        self.finished = True

    def _composite(self, images: np.ndarray) -> np.ndarray:
        req = self.request
        if req.kind == "single":
            return upscale(images[0], req.upscale)
        return make_grid(images, self._spec.rows, self._spec.cols, padding=req.padding,
                         upscale_by=req.upscale)


def request_layers(G, request: RenderRequest) -> list:
    """Every layer of G with its output shape (:class:`~.layer_capture.LayerInfo`), from one
    forward pass of the request's first image (only the shapes are kept)."""
    job = RenderJob(G, request.replace(kind="single", capture=None, motion=None, request_id=0))
    with torch.inference_mode():
        job._spec = build_batch(G, job.request)
        batch = job._spec.batch[:1]
        with applied(G, job.request.input_transform):
            return list_layers(G, lambda: job._forward(batch, None, cached=False))
