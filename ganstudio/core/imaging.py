"""Images: the one place where [-1, 1] tensors become uint8 pixels, plus grids and file writing."""
from __future__ import annotations

import io
import math
import os
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

ANIMATION_SUFFIXES = (".gif", ".webp", ".mp4")


def to_uint8(x: torch.Tensor) -> np.ndarray:
    """NCHW float in [-1, 1] (values outside are clipped) -> NHWC uint8 NumPy array."""
    if x.ndim == 3:
        x = x.unsqueeze(0)
    if x.ndim != 4:
        raise ValueError(translate("imaging", "expected an NCHW image batch, got "
                                              "shape {0}").format(tuple(x.shape)))
    x = x.detach().float().cpu()
    y = ((x.clamp(-1, 1) + 1) * 127.5).round_().to(torch.uint8)
    return y.permute(0, 2, 3, 1).contiguous().numpy()


def from_uint8(arr: np.ndarray | torch.Tensor) -> torch.Tensor:
    """NHWC (or HWC) uint8 -> NCHW float32 in [-1, 1]."""
    t = torch.as_tensor(np.asarray(arr))
    if t.ndim == 3:
        t = t.unsqueeze(0)
    if t.dtype != torch.uint8:
        raise ValueError(translate("imaging", "expected uint8 pixels, got {0}").format(t.dtype))
    return t.permute(0, 3, 1, 2).float().div_(127.5).sub_(1.0)


def upscale(img: np.ndarray, factor: int) -> np.ndarray:
    """Nearest-neighbour upscale of an HWC (or NHWC) image by an integer factor: crisp pixels."""
    if factor <= 1:
        return img
    axis_h, axis_w = (0, 1) if img.ndim == 3 else (1, 2)
    return img.repeat(factor, axis=axis_h).repeat(factor, axis=axis_w)


def grid_shape(n: int, cols: int | None = None) -> tuple[int, int]:
    """Rows and columns for n images (square-ish when cols is None)."""
    cols = cols or max(1, math.ceil(math.sqrt(n)))
    return max(1, math.ceil(n / cols)), cols


def make_grid(images: np.ndarray, rows: int | None = None, cols: int | None = None, *,
              padding: int = 2, pad_value: int = 0, upscale_by: int = 1) -> np.ndarray:
    """Tile NHWC uint8 images into one HWC image.

    rows, cols: grid size; None derives it (square-ish) from the number of images.
    padding: pixels between tiles and around the border (after upscaling).
    pad_value: grey level of the padding.
    upscale_by: nearest-neighbour upscale factor applied to each tile.
    """
    images = np.asarray(images)
    if images.ndim != 4 or images.dtype != np.uint8:
        raise ValueError(translate("imaging", "expected NHWC uint8 images, got "
                                              "{0} {1}").format(images.dtype, images.shape))
    n, h, w, c = images.shape
    if rows is None and cols is None:
        rows, cols = grid_shape(n)
    elif rows is None:
        rows = max(1, math.ceil(n / cols))
    elif cols is None:
        cols = max(1, math.ceil(n / rows))
    images = upscale(images, upscale_by)
    h, w = h * max(1, upscale_by), w * max(1, upscale_by)
    out = np.full((rows * (h + padding) + padding, cols * (w + padding) + padding, c),
                  pad_value, dtype=np.uint8)
    for i in range(min(n, rows * cols)):
        r, col = divmod(i, cols)
        y, x = padding + r * (h + padding), padding + col * (w + padding)
        out[y:y + h, x:x + w] = images[i]
    return out


def to_pil(img: np.ndarray) -> Image.Image:
    """HWC uint8 (C = 1, 3 or 4) -> PIL image."""
    img = np.asarray(img)
    if img.ndim == 3 and img.shape[2] == 1:
        return Image.fromarray(img[:, :, 0], "L")
    return Image.fromarray(img)


def png_info(text: dict[str, str] | None) -> PngInfo | None:
    """PNG text chunks (compressed iTXt, so any Unicode and long JSON fit) from key -> text."""
    if not text:
        return None
    info = PngInfo()
    for key, value in text.items():
        info.add_itxt(key, value, zip=len(value) > 256)
    return info


def save_png(path: str | os.PathLike, img: np.ndarray, text: dict[str, str] | None = None) -> Path:
    """Write HWC uint8 pixels as a PNG; ``text``: metadata (key -> text) stored in the file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    to_pil(img).save(path, format="PNG", pnginfo=png_info(text))
    return path


def png_bytes(img: np.ndarray, text: dict[str, str] | None = None) -> bytes:
    """The PNG file :func:`save_png` would write, as bytes (e.g. for the clipboard)."""
    buf = io.BytesIO()
    to_pil(img).save(buf, format="PNG", pnginfo=png_info(text))
    return buf.getvalue()


def mp4_available() -> bool:
    try:
        import imageio_ffmpeg  # noqa: F401
    except Exception:
        return False
    return True


def save_animation(path: str | os.PathLike, frames: Sequence[np.ndarray], fps: float = 12.0,
                   *, loop: bool = True) -> Path:
    """Write HWC uint8 frames as GIF, WebP (lossless) or MP4 (when imageio-ffmpeg is installed)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in ANIMATION_SUFFIXES:
        raise ValueError(translate("imaging", "unsupported animation format "
                                              "{0!r}; use .gif, .webp or .mp4").format(suffix))
    if not len(frames):
        raise ValueError(translate("imaging", "an animation needs at least one "
                                              "frame"))
    if not fps > 0:
        raise ValueError(translate("imaging", "the frame rate must be > 0"))
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".mp4":
        if not mp4_available():
            raise RuntimeError(translate("imaging", "MP4 export needs imageio-ffmpeg (pip "
                                                    "install 'ganstudio[video]'); GIF and "
                                                    "WebP work without it"))
        rgb = [np.repeat(f, 3, axis=2) if f.shape[2] == 1 else f[:, :, :3] for f in frames]
        _write_mp4(path, rgb, fps)
        return path
    pil = [to_pil(f).convert("RGB") if f.shape[2] != 4 else to_pil(f) for f in frames]
    duration = max(20, int(round(1000 / fps)))
    kwargs = dict(save_all=True, append_images=pil[1:], duration=duration, loop=0 if loop else 1)
    if suffix == ".webp":
        kwargs.update(lossless=True, quality=100)
    else:
        kwargs.update(disposal=2)
    pil[0].save(path, **kwargs)
    return path


def _write_mp4(path: Path, frames: list[np.ndarray], fps: float) -> None:
    import imageio_ffmpeg
    h, w = frames[0].shape[:2]
    writer = imageio_ffmpeg.write_frames(str(path), (w, h), fps=fps, codec="libx264",
                                         pix_fmt_in="rgb24", quality=8, macro_block_size=1)
    writer.send(None)
    for f in frames:
        writer.send(np.ascontiguousarray(f))
    writer.close()
