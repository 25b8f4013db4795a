"""Turn a :class:`RenderRequest` into the generator's input: the batch of ws (or z) to
synthesise, its grid layout and latent A's untruncated ws (see :mod:`ganstudio.core.render`
for the latent spaces and truncation). Pure PyTorch; no rendering happens here."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from . import latent as L
from .imaging import grid_shape
from .input_transform import supports_input_transform
from .nets import family_name, has_mapping
from .render_device import device_of
from .render_request import Latent, RenderRequest


@dataclass
class Batch:
    """What to synthesise for a request, and how to lay out and finish the images."""
    batch: torch.Tensor          # ws [N, num_ws, w_dim] (style models) or z [N, z_dim]
    rows: int                    # grid layout of the finished images
    cols: int
    w_a: torch.Tensor | None     # single: latent A's ws before truncation
    style: bool                  # whether batch is ws for G.synthesis (else z for G)


def _tensor(a: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.array(a, dtype=np.float32, copy=True))  # our arrays are read-only


def _labels(G, req: RenderRequest, n: int, device) -> torch.Tensor | None:
    """One-hot class labels [n, c_dim] for a conditional model; None for an unconditional one."""
    c_dim = int(getattr(G, "c_dim", 0) or 0)
    if c_dim == 0:
        return None
    k = 0 if req.class_index is None else int(req.class_index)
    if not 0 <= k < c_dim:
        raise ValueError(translate("render_batch", "class {0} does not exist: this model has"
                                                   " classes 0..{1}").format(k, c_dim - 1))
    c = torch.zeros(n, c_dim, device=device)
    c[:, k] = 1
    return c


def _map(G, z: torch.Tensor, req: RenderRequest) -> torch.Tensor:
    """Untruncated ws of z (with the request's class for a conditional model)."""
    c = _labels(G, req, z.shape[0], z.device)
    return G.mapping(z, psi=1.0) if c is None else G.mapping(z, c, psi=1.0)


def _mapped(G, lats: Sequence[Latent], req: RenderRequest) -> torch.Tensor:
    """Untruncated ws [S, num_ws, w_dim] for latents of any space (z mapped in one batch)."""
    dev = device_of(G)
    out: list[torch.Tensor | None] = [None] * len(lats)
    zi = [i for i, lat in enumerate(lats) if lat.space == "z"]
    if zi:
        z = _tensor(np.stack([lats[i].values for i in zi])).to(dev)
        if z.shape[1] != G.z_dim:
            raise ValueError(translate("render_batch", "z has {0} dimensions, this model takes "
                                                       "{1}").format(z.shape[1], G.z_dim))
        ws = _map(G, z, req)
        for k, i in enumerate(zi):
            out[i] = ws[k]
    for i, lat in enumerate(lats):
        v = _tensor(lat.values).to(dev)
        if lat.space == "w":
            if v.shape[0] != G.w_dim:
                raise ValueError(translate("render_batch", "w has {0} dimensions, this model has "
                                                           "w_dim {1}").format(v.shape[0], G.w_dim))
            out[i] = v.unsqueeze(0).repeat(G.num_ws, 1)
        elif lat.space == "w+":
            if tuple(v.shape) != (G.num_ws, G.w_dim):
                raise ValueError(translate("render_batch", "w+ has shape {0}, this model needs {1}").format(tuple(v.shape), (G.num_ws, G.w_dim)))
            out[i] = v
        if lat.offset is not None:
            off = _tensor(lat.offset).to(dev)
            if tuple(off.shape) != (G.num_ws, G.w_dim):
                raise ValueError(translate("render_batch", "a latent offset has shape {0}, need {1}").format(tuple(off.shape), (G.num_ws, G.w_dim)))
            out[i] = out[i] + off
    return torch.stack(out)


def _truncate(G, ws: torch.Tensor, req: RenderRequest) -> torch.Tensor:
    return L.truncate(ws, G.mapping.w_avg, req.psi, req.cutoff)


def _z_only(G, lats: Sequence[Latent], req: RenderRequest) -> torch.Tensor:
    for lat in lats:
        if lat.space != "z" or lat.offset is not None:
            raise ValueError(translate("render_batch", "this {0} generator has no mapping "
                                                       "network: it takes z only").format(family_name(G)))
    z = _tensor(np.stack([lat.values for lat in lats])).to(device_of(G))
    if z.shape[1] != G.z_dim:
        raise ValueError(translate("render_batch", "z has {0} dimensions, this model takes "
                                                   "{1}").format(z.shape[1], G.z_dim))
    return z


def build_batch(G, req: RenderRequest) -> Batch:
    """The batch to synthesise for ``req`` (raises ValueError on a request this model cannot do)."""
    style = has_mapping(G)
    if req.class_index is not None and not int(getattr(G, "c_dim", 0) or 0):
        raise ValueError(translate("render_batch", "this model is not class-conditional: it "
                                                   "takes no class"))
    if (req.input_transform is not None or req.motion is not None) and not supports_input_transform(G):
        raise ValueError(translate("render_batch", "moving and turning the input needs a "
                                                   "StyleGAN3 model; this {0} generator does"
                                                   " not start from Fourier features").format(family_name(G)))
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
            raise ValueError(translate("render_batch", "a {0}x{1} grid cannot hold {2} images").format(rows, cols, len(lats)))
    elif kind == "strip":
        if req.motion is not None:   # latent A, once per frame (render_job moves the input)
            batch = _truncate(G, _mapped(G, lats[:1], req), req).repeat(req.motion.frames, 1, 1)
        else:
            batch = _path_batch(G, req, style) if req.path else _sweep_batch(G, req, style)
        cols = batch.shape[0]
    elif kind == "mix_grid":
        if not style:
            raise ValueError(translate("render_batch", "style mixing needs a mapping network; "
                                                       "this {0} generator has none").format(family_name(G)))
        batch, rows, cols = _mix_grid_batch(G, req)
    else:  # variation
        if not style:
            raise ValueError(translate("render_batch", "this {0} generator has no noise inputs").format(family_name(G)))
        ws = _truncate(G, _mapped(G, lats[:1], req), req)
        batch = ws.repeat(max(2, req.variation), 1, 1)
        cols = batch.shape[0] + 1
    if not style and req.psi != 1:
        batch = batch * req.psi  # truncation without a mapping network: pull z towards 0
    return Batch(batch, rows, cols, w_a, style)


def finish_images(images: np.ndarray, kind: str) -> np.ndarray:
    """The synthesised tiles [N, H, W, C] -> the request's images (a mixing grid's blank
    corner; a variation's spread map after the renders)."""
    if kind == "mix_grid":
        return _with_blank_corner(images)
    if kind == "variation":
        return np.concatenate([images, _spread_map(images)])
    return images


def _path_batch(G, req: RenderRequest, style: bool) -> torch.Tensor:
    p = req.path
    pts = [req.latents[i] for i in p.points]
    plain_z = all(lat.space == "z" and lat.offset is None for lat in pts)
    if not style:
        if p.space != "z":
            raise ValueError(translate("render_batch", "interpolating in w needs a mapping "
                                                       "network; this {0} generator has none").format(family_name(G)))
        return L.interpolation_path(_z_only(G, pts, req), p.frames, p.mode)
    if p.space == "z" and plain_z:
        z = L.interpolation_path(_tensor(np.stack([lat.values for lat in pts])), p.frames, p.mode)
        return _truncate(G, _map(G, z.to(device_of(G)), req), req)
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
        raise ValueError(translate("render_batch", "sweeping a w direction needs a mapping "
                                                   "network; this {0} generator has none").format(family_name(G)))
    ws = _mapped(G, [base], req)[0]  # [num_ws, w_dim]
    values = torch.linspace(s.lo, s.hi, s.steps, dtype=ws.dtype, device=ws.device)
    if s.dim is not None:
        if not 0 <= s.dim < G.w_dim:
            raise ValueError(translate("render_batch", "dimension {0} is outside 0..{1}").format(s.dim, G.w_dim - 1))
        d = torch.zeros(G.w_dim, dtype=ws.dtype, device=ws.device)
        d[s.dim] = 1.0
    else:
        d = _tensor(s.direction).to(ws.device)
        if d.shape[0] != G.w_dim:
            raise ValueError(translate("render_batch", "the direction has {0} dimensions, w has "
                                                       "{1}").format(d.shape[0], G.w_dim))
        d = d / d.norm().clamp_min(1e-12)
    mask = torch.zeros(G.num_ws, 1, dtype=ws.dtype, device=ws.device)
    start, end = s.rows if s.rows else (0, G.num_ws)
    mask[start:end] = 1.0
    batch = ws.unsqueeze(0) + values.reshape(-1, 1, 1) * (s.scale * d) * mask
    return _truncate(G, batch, req)


def _mix_grid_batch(G, req: RenderRequest):
    m = req.mix_grid
    if not m.rows or not m.cols:
        raise ValueError(translate("render_batch", "a mixing grid needs at least one row and"
                                                   " one column latent"))
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


