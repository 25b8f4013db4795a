"""Pillow image -> uint8 [C, R, R] array: any mode to 8 bits, alpha on a background colour,
centre crop to a square, Lanczos resize, grey <-> colour.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import torch
from PIL import Image

_TO_RGBA = ("LA", "La", "PA", "RGBa")
_TO_RGB = ("CMYK", "YCbCr", "LAB", "HSV", "RGBX")


def _sixteen_bit_to_l(im: Image.Image) -> Image.Image:
    """I;16* / I (16-bit range) -> L with 0 -> 0 and 65535 -> 255; wider ranges min-max scaled."""
    a = np.asarray(im)
    if a.dtype.kind == "f":
        a = np.nan_to_num(a.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
        lo, hi = (0.0, 1.0) if a.min() >= 0 and a.max() <= 1 else (a.min(), a.max())
        out = np.round((a - lo) * (255.0 / max(hi - lo, 1e-12)))
        return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")
    a = a.astype(np.int64)
    if a.min() < 0 or a.max() > 65535:  # 32-bit integers outside the 16-bit range
        lo, hi = int(a.min()), int(a.max())
        a = (a - lo) * 65535 // max(hi - lo, 1)
    return Image.fromarray(((a * 255 + 32767) // 65535).astype(np.uint8), "L")


def to_8bit(im: Image.Image) -> Image.Image:
    """``im`` as mode "L", "RGB" or "RGBA" (alpha kept for :func:`composite`)."""
    mode = im.mode
    has_key = "transparency" in im.info
    if mode in ("L", "RGB"):
        return im.convert("RGBA") if has_key else im
    if mode == "RGBA":
        return im
    if mode == "1":
        return im.convert("L")
    if mode == "P":
        transparent = has_key or (im.palette is not None and im.palette.mode == "RGBA")
        return im.convert("RGBA" if transparent else "RGB")
    if mode in _TO_RGBA:
        return im.convert("RGBA")
    if mode in _TO_RGB:
        return im.convert("RGB")
    if mode.startswith("I") or mode == "F":
        return _sixteen_bit_to_l(im)
    return im.convert("RGB")


def composite(im: Image.Image, background: tuple[int, int, int]) -> Image.Image:
    """An RGBA image flattened onto an opaque background colour (other modes unchanged)."""
    if im.mode != "RGBA":
        return im
    bg = Image.new("RGBA", im.size, (*background, 255))
    return Image.alpha_composite(bg, im).convert("RGB")


def square_box(size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The centred square crop box of an image of ``size`` (w, h)."""
    w, h = size
    s = min(w, h)
    left, top = (w - s) // 2, (h - s) // 2
    return left, top, left + s, top + s


def fit(im: Image.Image, resolution: int, channels: int,
        background: tuple[int, int, int]) -> np.ndarray:
    """Any Pillow image -> uint8 [channels, resolution, resolution] (centre crop + Lanczos)."""
    im = composite(to_8bit(im), background)
    if channels == 1 and im.mode != "L":
        im = im.convert("L")
    box = square_box(im.size)
    side = box[2] - box[0]
    if box != (0, 0, *im.size):
        im = im.crop(box)  # a hard crop: resize(box=...) would blend in pixels beyond it
    if side != resolution:
        gap = 3.0 if side >= 3 * resolution else None
        im = im.resize((resolution, resolution), Image.Resampling.LANCZOS, reducing_gap=gap)
    a = np.asarray(im, dtype=np.uint8)
    if a.ndim == 2:
        a = a[None]
        if channels == 3:
            a = np.repeat(a, 3, axis=0)
    else:
        a = a.transpose(2, 0, 1)
    return np.ascontiguousarray(a)


def lanczos_matrix(n_in: int, n_out: int) -> np.ndarray:
    """[n_out, n_in] weights of a Lanczos-3 resize along one axis (Pillow's kernel placement)."""
    scale = n_in / n_out
    stretch = max(scale, 1.0)  # widen the kernel when shrinking (anti-aliasing)
    centres = (np.arange(n_out) + 0.5) * scale
    x = ((np.arange(n_in) + 0.5)[None, :] - centres[:, None]) / stretch
    w = np.where(np.abs(x) < 3.0, np.sinc(x) * np.sinc(x / 3.0), 0.0)
    return w / w.sum(axis=1, keepdims=True)


def is_padding(h: int, w: int, resolution: int) -> bool:
    """Whether :func:`resize_batch` pads (square images growing by 1 to 4 pixels)."""
    return h == w and 0 < resolution - h <= 4


def resize_batch(images: np.ndarray, resolution: int, pad_value: int = 0, chunk: int = 512,
                 progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """uint8 [N, C, H, W] square images -> [N, C, R, R].

    Growing by at most 4 pixels (28 -> 32, the standard for 32x32 models) pads with
    ``pad_value`` on every side; any other change is a separable Lanczos-3 resize done as two
    batched matrix products (no per-image Python work).
    """
    n, c, h, w = images.shape
    if h == resolution and w == resolution:
        return images
    if is_padding(h, w, resolution):
        lo = (resolution - h) // 2
        hi = resolution - h - lo
        return np.pad(images, ((0, 0), (0, 0), (lo, hi), (lo, hi)), constant_values=pad_value)
    left, top, right, bottom = square_box((w, h))
    src = torch.from_numpy(np.ascontiguousarray(images[:, :, top:bottom, left:right]))
    side = bottom - top
    mt = torch.from_numpy(lanczos_matrix(side, resolution).T.astype(np.float32)).contiguous()
    out = torch.empty((n, c, resolution, resolution), dtype=torch.uint8)
    for i in range(0, n, chunk):
        x = src[i:i + chunk].reshape(-1, side, side).float()
        y = x @ mt                                  # [k, side, R]: rows resized
        z = y.transpose(1, 2) @ mt                  # [k, R (cols), R (rows)]: columns resized
        z.round_().clamp_(0, 255)
        out[i:i + chunk].view(-1, resolution, resolution).copy_(z.transpose(1, 2))
        if progress is not None:
            progress(min(i + chunk, n), n)
    return out.numpy()


def to_channels(images: np.ndarray, channels: int) -> np.ndarray:
    """uint8 [N, C, H, W] with C in (1, 3) -> ``channels`` (grey replicated / ITU-R 601 luma)."""
    c = images.shape[1]
    if c == channels:
        return images
    if c == 1 and channels == 3:
        return np.repeat(images, 3, axis=1)
    if c == 3 and channels == 1:
        w = np.array([299, 587, 114], dtype=np.uint32).reshape(1, 3, 1, 1)
        return ((images * w).sum(1, keepdims=True) // 1000).astype(np.uint8)
    raise ValueError(f"cannot convert {c}-channel images to {channels} channels")
