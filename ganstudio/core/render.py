"""Rendering for the Explorer and for exports: a flat, immutable request in, uint8 pixels out.

A :class:`RenderRequest` says everything that decides the pixels (latents, truncation, style
mixing, noise, what to render); :func:`render` turns it into images under
``torch.inference_mode`` (a big batch in chunks of about 1 GB of activations, see
:mod:`.render_job`) and never raises: a failure comes back as ``RenderResult.error``.  Requests and results are plain data, so a GUI worker thread, the
command line and a JSON sidecar (:class:`Sidecar`) all describe the same thing.

Latent spaces (per :class:`Latent`): ``"z"`` [z_dim] goes through the mapping network, ``"w"``
[w_dim] is broadcast to every row of ws, ``"w+"`` [num_ws, w_dim] gives each row its own w.
Truncation (psi, cutoff) then pulls rows [0, cutoff) towards ``w_avg`` whatever the space.
Generators without a mapping network (mlp, dcgan) take z only; there psi scales z towards its
mean (0), the usual truncation for such models.  Conditional models (``G.c_dim > 0``, e.g. an
official class-conditional StyleGAN) map every z with the request's ``class_index`` (class 0
when it is None).
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .render_job import RenderJob, RenderResult, preview_resolution  # noqa: F401
from .render_request import (KINDS, NOISE_MODES, SPACES, Latent, MixGridSpec, PathSpec,  # noqa: F401
                             RenderRequest, SweepSpec)
from .synthesis_cache import SynthesisCache

SIDECAR_FORMAT = "ganstudio-sidecar"
SIDECAR_VERSION = 2        # 2: a z that its seed makes is stored as the seed (version 1 files still read)


# --- rendering ------------------------------------------------------------------------------------

def render(G,
           request: RenderRequest,
           cache: SynthesisCache | None = None,         # main image: reuse unchanged blocks
           should_stop: Callable[[], bool] | None = None,   # True = give up (result.cancelled)
           preview_res: int | None = None,              # single: block of a preview image
           on_preview: Callable[[RenderResult], None] | None = None,  # receives the preview
           chunk: int | None = None,                    # samples per pass; None = ~1 GB of activations
           progress: Callable[[float], None] | None = None,  # fraction of samples done, after
           #   each chunk; it may raise (e.g. progress.Cancelled), which propagates
           ) -> RenderResult:
    """Render a request (in chunks that keep activations to about 1 GB; the images equal one
    batched forward pass). Never raises: errors go to ``.error``; a render given up through
    ``should_stop`` comes back with ``cancelled`` and no images."""
    job = RenderJob(G, request, cache=cache, chunk=chunk, preview_res=preview_res,
                    on_preview=on_preview)
    while not job.finished:
        job.step(should_stop)
        if job.cancelled:
            return RenderResult(request_id=request.request_id, kind=request.kind,
                                ms=job.result().ms, cancelled=True)
        if progress is not None and job.total:
            progress(job.done / job.total)
    return job.result()


# --- model identity and sidecars -------------------------------------------------------------------

def weights_sha256(G) -> str:
    """A hash of the generator's weights (names, shapes, bytes): the same model gives the same hash."""
    h = hashlib.sha256()
    for name, t in sorted(G.state_dict().items()):
        h.update(name.encode())
        h.update(str(tuple(t.shape)).encode())
        h.update(t.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()


class SidecarError(ValueError):
    """A sidecar file that cannot be read; the message says why."""


@dataclass
class Sidecar:
    """A JSON record from which an export can be reproduced pixel for pixel."""

    request: RenderRequest
    checkpoint_sha256: str | None = None     # of the checkpoint file
    weights_sha256: str | None = None        # of the generator's weights (works without a file)
    checkpoint_path: str | None = None
    model: dict = field(default_factory=dict)     # family, resolution, step ... (for people)
    output: dict = field(default_factory=dict)    # path, format, fps
    created: str = ""

    @property
    def seeds(self) -> list[int | None]:
        return [lat.seed for lat in self.request.latents]

    def to_dict(self) -> dict:
        return {"format": SIDECAR_FORMAT, "version": SIDECAR_VERSION,
                "checkpoint": {"sha256": self.checkpoint_sha256, "weights_sha256": self.weights_sha256,
                               "path": self.checkpoint_path},
                "model": self.model, "output": self.output, "created": self.created,
                "seeds": self.seeds, "request": self.request.to_dict()}

    def to_json(self) -> str:
        """The sidecar as JSON text: what a .json sidecar holds and a PNG carries in its metadata."""
        if not self.created:
            self.created = time.strftime("%Y-%m-%dT%H:%M:%S")
        # One top-level key per line; values compact (latents are long lists of floats).
        body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}"
                           for k, v in self.to_dict().items())
        return "{\n" + body + "\n}\n"

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_json(), encoding="utf-8")
        return path

    @classmethod
    def read(cls, path: str | Path) -> "Sidecar":
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SidecarError(translate("render", "{0} does not exist").format(path)) from None
        except (OSError, UnicodeDecodeError) as e:
            raise SidecarError(translate("render", "{0} is not a readable JSON sidecar ({1})").format(path.name, e)) from None
        return cls.parse(text, path.name, "JSON sidecar")

    @classmethod
    def parse(cls, text: str, name: str, what: str = "JSON sidecar") -> "Sidecar":
        """A sidecar from its JSON text; ``name`` and ``what`` (e.g. "JSON sidecar") name the
        text's origin in the :class:`SidecarError` that says why it cannot be read."""
        try:
            data = json.loads(text)
        except (TypeError, json.JSONDecodeError) as e:
            raise SidecarError(translate("render", "{0} is not a readable {1} ({2})").format(name, what, e)) from None
        if not isinstance(data, dict) or data.get("format") != SIDECAR_FORMAT:
            raise SidecarError(translate("render", "{0} is not a GAN Studio sidecar (no "
                                                   "'format: {1}')").format(name, SIDECAR_FORMAT))
        try:
            version = int(data.get("version", 0))
        except (TypeError, ValueError):
            raise SidecarError(translate("render", "{0} has an invalid sidecar version {1!r}").format(name, data.get('version'))) from None
        if version > SIDECAR_VERSION:
            raise SidecarError(translate("render", "{0} uses sidecar version {1}; please "
                                                   "update GAN Studio").format(name, data['version']))
        try:
            request = RenderRequest.from_dict(data["request"])
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise SidecarError(translate("render", "{0} has an invalid request: {1}").format(name, e)) from None
        ck = data.get("checkpoint") or {}
        if not isinstance(ck, dict):
            raise SidecarError(translate("render", "{0} has an invalid 'checkpoint' entry").format(name))
        return cls(request, ck.get("sha256"), ck.get("weights_sha256"), ck.get("path"),
                   data.get("model") or {}, data.get("output") or {}, data.get("created", ""))
