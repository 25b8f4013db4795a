"""Rendering for the Explorer and for exports: a flat, immutable request in, uint8 pixels out.

A :class:`RenderRequest` says everything that decides the pixels (latents, truncation, style
mixing, noise, what to render); :func:`render` turns it into images with ONE batched forward
pass of the generator under ``torch.inference_mode`` and never raises: a failure comes back as
``RenderResult.error``.  Requests and results are plain data, so a GUI worker thread, the
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

import contextlib
import hashlib
import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

import numpy as np
import torch

from . import latent as L
from .imaging import grid_shape, make_grid, to_uint8, upscale
from .render_request import (KINDS, NOISE_MODES, SPACES, Latent, MixGridSpec, PathSpec,  # noqa: F401
                             RenderRequest, SweepSpec)

SIDECAR_FORMAT = "ganstudio-sidecar"
SIDECAR_VERSION = 1


@dataclass
class RenderResult:
    """What :func:`render` returns. ``error`` is "" on success; images are then NHWC uint8."""

    request_id: int = 0
    kind: str = "single"
    images: np.ndarray | None = None      # [N, H, W, C] uint8
    rows: int = 1                         # grid layout of images
    cols: int = 1
    composite: np.ndarray | None = None   # [H', W', C] uint8: the tiles with padding and upscale
    ms: float = 0.0                       # wall time of the whole render
    error: str = ""
    w: np.ndarray | None = None           # single: latent A's ws before truncation [num_ws, w_dim]
    latents: np.ndarray | None = None     # exactly what went into the synthesis (ws) or G (z)
    meta: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.error and self.images is not None


# --- rendering ------------------------------------------------------------------------------------

def has_mapping(G) -> bool:
    return getattr(G, "mapping", None) is not None and hasattr(G, "synthesis")


def render(G, request: RenderRequest) -> RenderResult:
    """Render a request with one batched forward pass. Never raises: errors go to ``.error``."""
    t0 = time.perf_counter()
    res = RenderResult(request_id=request.request_id, kind=request.kind)
    try:
        with torch.inference_mode(), _noise_rng(request):
            images, rows, cols, w, batch = _render(G, request)
        res.images, res.rows, res.cols, res.w, res.latents = images, rows, cols, w, batch
        if request.kind == "single":
            res.composite = upscale(images[0], request.upscale)
        else:
            res.composite = make_grid(images, rows, cols, padding=request.padding,
                                      upscale_by=request.upscale)
    except Exception as e:  # noqa: BLE001 - the renderer reports, it never raises
        res.error = _describe(e)
    res.ms = (time.perf_counter() - t0) * 1000
    return res


def _describe(e: Exception) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    if isinstance(e, MemoryError) or "out of memory" in text.lower():
        return f"out of memory while rendering; try fewer frames or a smaller grid ({text})"
    return text if isinstance(e, ValueError) else f"{type(e).__name__}: {text}"


@contextlib.contextmanager
def _noise_rng(request: RenderRequest):
    """Random noise is drawn from a generator seeded by noise_seed, so it reproduces exactly."""
    if request.noise_mode == "random" or request.kind == "variation":
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(int(request.noise_seed))
            yield
    else:
        yield


def _tensor(a: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.array(a, dtype=np.float32, copy=True))  # our arrays are read-only


def _device(G) -> torch.device:
    p = next(iter(G.parameters()), None)
    return p.device if p is not None else torch.device("cpu")


def _labels(G, req: RenderRequest, n: int, device) -> torch.Tensor | None:
    """One-hot class labels [n, c_dim] for a conditional model; None for an unconditional one."""
    c_dim = int(getattr(G, "c_dim", 0) or 0)
    if c_dim == 0:
        return None
    k = 0 if req.class_index is None else int(req.class_index)
    if not 0 <= k < c_dim:
        raise ValueError(f"class {k} does not exist: this model has classes 0..{c_dim - 1}")
    c = torch.zeros(n, c_dim, device=device)
    c[:, k] = 1
    return c


def _map(G, z: torch.Tensor, req: RenderRequest) -> torch.Tensor:
    """Untruncated ws of z (with the request's class for a conditional model)."""
    c = _labels(G, req, z.shape[0], z.device)
    return G.mapping(z, psi=1.0) if c is None else G.mapping(z, c, psi=1.0)


def _mapped(G, lats: Sequence[Latent], req: RenderRequest) -> torch.Tensor:
    """Untruncated ws [S, num_ws, w_dim] for latents of any space (z mapped in one batch)."""
    dev = _device(G)
    out: list[torch.Tensor | None] = [None] * len(lats)
    zi = [i for i, lat in enumerate(lats) if lat.space == "z"]
    if zi:
        z = _tensor(np.stack([lats[i].values for i in zi])).to(dev)
        if z.shape[1] != G.z_dim:
            raise ValueError(f"z has {z.shape[1]} dimensions, this model takes {G.z_dim}")
        ws = _map(G, z, req)
        for k, i in enumerate(zi):
            out[i] = ws[k]
    for i, lat in enumerate(lats):
        v = _tensor(lat.values).to(dev)
        if lat.space == "w":
            if v.shape[0] != G.w_dim:
                raise ValueError(f"w has {v.shape[0]} dimensions, this model has w_dim {G.w_dim}")
            out[i] = v.unsqueeze(0).repeat(G.num_ws, 1)
        elif lat.space == "w+":
            if tuple(v.shape) != (G.num_ws, G.w_dim):
                raise ValueError(f"w+ has shape {tuple(v.shape)}, this model needs {(G.num_ws, G.w_dim)}")
            out[i] = v
        if lat.offset is not None:
            off = _tensor(lat.offset).to(dev)
            if tuple(off.shape) != (G.num_ws, G.w_dim):
                raise ValueError(f"a latent offset has shape {tuple(off.shape)}, need {(G.num_ws, G.w_dim)}")
            out[i] = out[i] + off
    return torch.stack(out)


def _truncate(G, ws: torch.Tensor, req: RenderRequest) -> torch.Tensor:
    return L.truncate(ws, G.mapping.w_avg, req.psi, req.cutoff)


def _z_only(G, lats: Sequence[Latent], req: RenderRequest) -> torch.Tensor:
    for lat in lats:
        if lat.space != "z" or lat.offset is not None:
            raise ValueError(f"this {_family(G)} generator has no mapping network: it takes z only")
    z = _tensor(np.stack([lat.values for lat in lats])).to(_device(G))
    if z.shape[1] != G.z_dim:
        raise ValueError(f"z has {z.shape[1]} dimensions, this model takes {G.z_dim}")
    return z


def _family(G) -> str:
    return str(getattr(G, "config", {}).get("family", "this"))


def _render(G, req: RenderRequest):
    style = has_mapping(G)
    if req.class_index is not None and not int(getattr(G, "c_dim", 0) or 0):
        raise ValueError("this model is not class-conditional: it takes no class")
    lats = req.latents
    w_a = None
    rows = cols = 1
    kind = req.kind
    if kind == "single":
        if style:
            used = lats if req.mix_rows is not None else lats[:1]
            ws_all = _mapped(G, used, req)
            w_a = ws_all[0]
            ws_all = _truncate(G, ws_all, req)
            batch = (L.mix_ws(ws_all.unsqueeze(1), list(req.mix_rows)) if req.mix_rows is not None
                     else ws_all[:1])
        else:
            batch = _z_only(G, lats[:1], req)
    elif kind == "grid":
        batch = _truncate(G, _mapped(G, lats, req), req) if style else _z_only(G, lats, req)
        rows, cols = req.grid if req.grid else grid_shape(len(lats))
        if rows * cols < len(lats):
            raise ValueError(f"a {rows}x{cols} grid cannot hold {len(lats)} images")
    elif kind == "strip":
        batch = _path_batch(G, req, style) if req.path else _sweep_batch(G, req, style)
        cols = batch.shape[0]
    elif kind == "mix_grid":
        if not style:
            raise ValueError(f"style mixing needs a mapping network; this {_family(G)} generator has none")
        batch, rows, cols = _mix_grid_batch(G, req)
    else:  # variation
        if not style:
            raise ValueError(f"this {_family(G)} generator has no noise inputs")
        ws = _truncate(G, _mapped(G, lats[:1], req), req)
        batch = ws.repeat(max(2, req.variation), 1, 1)
        cols = batch.shape[0] + 1
    if not style and req.psi != 1:
        batch = batch * req.psi  # truncation without a mapping network: pull z towards 0
    images = _forward(G, batch, req, style)
    if kind == "mix_grid":
        images = _with_blank_corner(images)
    if kind == "variation":
        images = np.concatenate([images, _spread_map(images)])
    return images, rows, cols, (w_a.cpu().numpy() if w_a is not None else None), batch.cpu().numpy()


def _forward(G, batch: torch.Tensor, req: RenderRequest, style: bool) -> np.ndarray:
    if not style:
        return to_uint8(G(batch))
    mode = "random" if req.kind == "variation" else req.noise_mode
    strength = dict(req.noise_strength) or None
    return to_uint8(G.synthesis(batch, noise_mode=mode, noise_strength=strength))


def _path_batch(G, req: RenderRequest, style: bool) -> torch.Tensor:
    p = req.path
    pts = [req.latents[i] for i in p.points]
    plain_z = all(lat.space == "z" and lat.offset is None for lat in pts)
    if not style:
        if p.space != "z":
            raise ValueError(f"interpolating in w needs a mapping network; this {_family(G)} generator has none")
        return L.interpolation_path(_z_only(G, pts, req), p.frames, p.mode)
    if p.space == "z" and plain_z:
        z = L.interpolation_path(_tensor(np.stack([lat.values for lat in pts])), p.frames, p.mode)
        return _truncate(G, _map(G, z.to(_device(G)), req), req)
    return _truncate(G, L.interpolation_path(_mapped(G, pts, req), p.frames, p.mode), req)


def _sweep_batch(G, req: RenderRequest, style: bool) -> torch.Tensor:
    s = req.sweep
    base = req.latents[s.source]
    if s.dim is not None and base.space == "z":
        z = _z_only(G, [replace(base, offset=None)], req)[0]
        zs = L.sweep(z, int(s.dim), s.steps, s.lo, s.hi, absolute=True)
        if not style:
            return zs
        ws = _map(G, zs, req)
        if base.offset is not None:
            ws = ws + _tensor(base.offset).to(ws.device)
        return _truncate(G, ws, req)
    if not style:
        raise ValueError(f"sweeping a w direction needs a mapping network; this {_family(G)} generator has none")
    ws = _mapped(G, [base], req)[0]  # [num_ws, w_dim]
    values = torch.linspace(s.lo, s.hi, s.steps, dtype=ws.dtype, device=ws.device)
    if s.dim is not None:
        if not 0 <= s.dim < G.w_dim:
            raise ValueError(f"dimension {s.dim} is outside 0..{G.w_dim - 1}")
        d = torch.zeros(G.w_dim, dtype=ws.dtype, device=ws.device)
        d[s.dim] = 1.0
    else:
        d = _tensor(s.direction).to(ws.device)
        if d.shape[0] != G.w_dim:
            raise ValueError(f"the direction has {d.shape[0]} dimensions, w has {G.w_dim}")
        d = d / d.norm().clamp_min(1e-12)
    mask = torch.zeros(G.num_ws, 1, dtype=ws.dtype, device=ws.device)
    start, end = s.rows if s.rows else (0, G.num_ws)
    mask[start:end] = 1.0
    batch = ws.unsqueeze(0) + values.reshape(-1, 1, 1) * (s.scale * d) * mask
    return _truncate(G, batch, req)


def _mix_grid_batch(G, req: RenderRequest):
    m = req.mix_grid
    if not m.rows or not m.cols:
        raise ValueError("a mixing grid needs at least one row and one column latent")
    idx = list(m.rows) + list(m.cols)
    ws = _truncate(G, _mapped(G, [req.latents[i] for i in idx], req), req)
    row_ws, col_ws = ws[:len(m.rows)], ws[len(m.rows):]
    col_rows = [r for r in m.col_rows if 0 <= r < G.num_ws]
    out = [col_ws]
    for i in range(len(m.rows)):
        cells = row_ws[i:i + 1].repeat(len(m.cols), 1, 1)
        cells[:, col_rows] = col_ws[:, col_rows]
        out.append(torch.cat([row_ws[i:i + 1], cells]))
    return torch.cat(out), len(m.rows) + 1, len(m.cols) + 1


def _with_blank_corner(images: np.ndarray) -> np.ndarray:
    return np.concatenate([np.zeros_like(images[:1]), images])


def _spread_map(images: np.ndarray) -> np.ndarray:
    """Per-pixel standard deviation over the renders, stretched to 0..255 (the paper's Fig. 4)."""
    std = images.astype(np.float32).std(axis=0).mean(axis=-1, keepdims=True)
    std = std / max(float(std.max()), 1e-6) * 255.0
    return np.repeat(std, images.shape[-1], axis=-1).round().astype(np.uint8)[None]


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

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.created:
            self.created = time.strftime("%Y-%m-%dT%H:%M:%S")
        # One top-level key per line; values compact (latents are long lists of floats).
        body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}"
                           for k, v in self.to_dict().items())
        path.write_text("{\n" + body + "\n}\n", encoding="utf-8")
        return path

    @classmethod
    def read(cls, path: str | Path) -> "Sidecar":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SidecarError(f"{path} does not exist") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise SidecarError(f"{path.name} is not a readable JSON sidecar ({e})") from None
        if not isinstance(data, dict) or data.get("format") != SIDECAR_FORMAT:
            raise SidecarError(f"{path.name} is not a GAN Studio sidecar (no 'format: {SIDECAR_FORMAT}')")
        if int(data.get("version", 0)) > SIDECAR_VERSION:
            raise SidecarError(f"{path.name} uses sidecar version {data['version']}; please update GAN Studio")
        try:
            request = RenderRequest.from_dict(data["request"])
        except (KeyError, TypeError, ValueError) as e:
            raise SidecarError(f"{path.name} has an invalid request: {e}") from None
        ck = data.get("checkpoint") or {}
        return cls(request, ck.get("sha256"), ck.get("weights_sha256"), ck.get("path"),
                   data.get("model") or {}, data.get("output") or {}, data.get("created", ""))
