"""A picture file -> the target of a projection: [C, R, R] in [-1, 1] at the model's size.

Opens anything Pillow reads.  Refuses, with a message that says why and what to do: a missing
or unreadable file, a truncated one, one over :data:`MAX_PIXELS`, an animated image when no
frame was chosen.  Converts, and says so in :attr:`TargetImage.notes`: 16-bit and float images
to 8 bits, transparency composited on white (or black), colour to grey (ITU-R 601 luma) or grey
to colour for the model's channels, the camera's EXIF orientation, a centre square crop (of an
optional crop box), a Lanczos resize to the model's resolution (a square 1 to 4 pixels smaller,
such as 28x28 Fashion-MNIST for a 32x32 model, is padded with its edge colour instead, as the
training images were).
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageOps, UnidentifiedImageError

from ganstudio.i18n import QT_TRANSLATE_NOOP, translate   # Qt-free: the Explorer and the command line show these

MAX_PIXELS = 100_000_000          # larger images are refused (a decompression bomb or a mistake)
PAD_UP_TO = 4                     # a square at most this much smaller is padded, not resized
BACKGROUNDS = {"white": (255, 255, 255), "black": (0, 0, 0)}
BACKGROUND_NAMES = {"white": QT_TRANSLATE_NOOP("target_image", "white"),
                    "black": QT_TRANSLATE_NOOP("target_image", "black")}   # in the notes


class ImageRefused(ValueError):
    """An image that cannot be used as a projection target; the message says why."""


@dataclass
class TargetImage:
    """A projection target and how it was made from the file."""

    tensor: torch.Tensor                  # [C, R, R] float32 in [-1, 1]
    pixels: np.ndarray                    # uint8 [R, R, C]: exactly the tensor's pixels
    source: str                           # the file's name ("" for an image passed in)
    original_size: tuple[int, int]        # (width, height) of the picture used
    crop_box: tuple[int, int, int, int]   # (left, top, right, bottom) of the square used
    notes: list[str] = field(default_factory=list)   # conversions, in plain words


def open_image(path: str | os.PathLike, frame: int | None = None) -> Image.Image:
    """The picture in ``path`` (frame ``frame`` of an animation), fully read; ImageRefused when
    it cannot be used."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ImageRefused(translate("target_image", "{0} does not exist").format(path))
    if path.is_dir():
        raise ImageRefused(translate("target_image", "{0} is a folder, not an image").format(path))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused(translate("target_image", "{0} is larger than {1} megapixels; shrink or crop it first")
                           .format(name, MAX_PIXELS // 1_000_000)) from None
    except UnidentifiedImageError:
        raise ImageRefused(translate("target_image", "{0} is not an image file that can be read (unknown or damaged "
                                     "format)").format(name)) from None
    except OSError as e:
        raise ImageRefused(translate("target_image", "{0} cannot be read: {1}").format(name, e)) from None
    w, h = im.size
    if w * h > MAX_PIXELS:
        raise ImageRefused(translate("target_image", "{0} is {1} x {2} ({3:.0f} megapixels); images over {4} "
                                     "megapixels are refused: shrink or crop it first")
                           .format(name, w, h, w * h / 1e6, MAX_PIXELS // 1_000_000))
    if w < 1 or h < 1:
        raise ImageRefused(translate("target_image", "{0} has no pixels ({1} x {2})").format(name, w, h))
    n_frames = int(getattr(im, "n_frames", 1) or 1)
    if n_frames > 1:
        if frame is None:
            raise ImageRefused(translate("target_image", "{0} is animated ({1} frames): choose the frame to project "
                                         "(0..{2})").format(name, n_frames, n_frames - 1))
        if not 0 <= frame < n_frames:
            raise ImageRefused(translate("target_image", "{0} has frames 0..{1}, not {2}")
                               .format(name, n_frames - 1, frame))
        im.seek(frame)
    elif frame not in (None, 0):
        raise ImageRefused(translate("target_image", "{0} is a still image: it has no frame {1}").format(name, frame))
    try:
        im.load()
    except OSError as e:
        raise ImageRefused(translate("target_image", "{0} is truncated or damaged ({1}); re-save or re-download it")
                           .format(name, e)) from None
    return im


def _eight_bit(im: Image.Image, notes: list[str]) -> Image.Image:
    """``im`` as "L", "RGB" or "RGBA" (alpha kept for compositing)."""
    mode = im.mode
    if mode.startswith("I") or mode == "F":
        a = np.asarray(im)
        if a.dtype.kind == "f":
            a = np.nan_to_num(a.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
            lo, hi = (0.0, 1.0) if a.min() >= 0 and a.max() <= 1 else (float(a.min()), float(a.max()))
            notes.append(translate("target_image", "floating-point pixels scaled to 8 bits"))
        else:
            a = a.astype(np.int64)
            lo, hi = (0, 65535) if a.min() >= 0 and a.max() <= 65535 else (int(a.min()), int(a.max()))
            notes.append(translate("target_image", "16-bit pixels scaled to 8 bits") if (lo, hi) == (0, 65535)
                         else translate("target_image", "32-bit pixels scaled to 8 bits (darkest = 0, brightest = 255)"))
        out = np.round((a - lo) * (255.0 / max(hi - lo, 1e-12)))
        return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")
    if mode in ("L", "RGB", "RGBA"):
        return im.convert("RGBA") if "transparency" in im.info else im
    if mode == "1":
        return im.convert("L")
    if mode in ("LA", "La", "PA", "RGBa") or (mode == "P" and ("transparency" in im.info or (
            im.palette is not None and im.palette.mode == "RGBA"))):
        return im.convert("RGBA")
    return im.convert("RGB")


def _background(background: str | tuple[int, int, int]) -> tuple[str, tuple[int, int, int]]:
    if isinstance(background, str):
        if background not in BACKGROUNDS:
            raise ImageRefused(translate("target_image", "the background for transparent pixels is white or black, not {0!r}")
                               .format(background))
        return background, BACKGROUNDS[background]
    rgb = tuple(int(v) for v in background)
    if len(rgb) != 3 or not all(0 <= v <= 255 for v in rgb):
        raise ImageRefused(translate("target_image", "a background colour is three values 0..255, got {0!r}")
                           .format(background))
    return "#%02x%02x%02x" % rgb, rgb


def _square(size: tuple[int, int], box: tuple[int, int, int, int] | None, notes: list[str]
            ) -> tuple[int, int, int, int]:
    w, h = size
    if box is not None:
        left, top, right, bottom = (int(v) for v in box)
        if not (0 <= left < right <= w and 0 <= top < bottom <= h):
            raise ImageRefused(translate("target_image", "the crop box {0} is not inside the {1} x {2} image (left, top, "
                                         "right, bottom in pixels)").format(box, w, h))
    else:
        left, top, right, bottom = 0, 0, w, h
    bw, bh = right - left, bottom - top
    s = min(bw, bh)
    left, top = left + (bw - s) // 2, top + (bh - s) // 2
    if (bw, bh) != (s, s):
        notes.append((translate("target_image", "centre square {0} x {0} cropped from the crop box") if box else
                      translate("target_image", "centre square {0} x {0} cropped")).format(s))
    return left, top, left + s, top + s


def prepare_target(im: Image.Image,
                   resolution: int,                            # the model's image size
                   channels: int,                              # 1 (grey) or 3 (colour)
                   crop_box: tuple[int, int, int, int] | None = None,   # (l, t, r, b); None = whole
                   background: str | tuple[int, int, int] = "white",    # behind transparent pixels
                   source: str = "",
                   ) -> TargetImage:
    """A loaded Pillow image -> the projection target (see the module's docstring)."""
    if channels not in (1, 3):
        raise ImageRefused(translate("target_image", "models make grey (1) or colour (3) images, not {0} channels")
                           .format(channels))
    notes: list[str] = []
    if im.getexif().get(0x0112, 1) not in (0, 1):   # EXIF orientation: a camera's picture
        im = ImageOps.exif_transpose(im)
        notes.append(translate("target_image", "turned upright (the camera's orientation tag)"))
    im = _eight_bit(im, notes)
    if im.mode == "RGBA":
        alpha = np.asarray(im.getchannel("A"))
        if alpha.min() < 255:
            name, rgb = _background(background)
            notes.append(translate("target_image", "transparent pixels composited on {0}").format(
                translate("target_image", BACKGROUND_NAMES[name]) if name in BACKGROUND_NAMES else name))
            im = Image.alpha_composite(Image.new("RGBA", im.size, (*rgb, 255)), im)
        im = im.convert("RGB")
    if channels == 1 and im.mode != "L":
        notes.append(translate("target_image", "colour converted to grey (ITU-R 601 luma): this model makes grey images"))
        im = im.convert("L")
    elif channels == 3 and im.mode == "L":
        notes.append(translate("target_image", "grey image used as colour (R = G = B): this model makes colour images"))
        im = im.convert("RGB")
    box = _square(im.size, crop_box, notes)
    original = im.size
    if box != (0, 0, *im.size):
        im = im.crop(box)   # a hard crop: resizing with box= would blend in pixels beyond it
    side = box[2] - box[0]
    pad = 0 < resolution - side <= PAD_UP_TO
    if side != resolution and not pad:
        gap = 3.0 if side >= 3 * resolution else None
        im = im.resize((resolution, resolution), Image.Resampling.LANCZOS, reducing_gap=gap)
        notes.append(translate("target_image", "resized {0} -> {1} pixels (Lanczos)").format(side, resolution))
    pixels = np.asarray(im, dtype=np.uint8)
    pixels = pixels[:, :, None] if pixels.ndim == 2 else pixels
    if pad:   # as the training data: 28x28 Fashion-MNIST is padded to 32, not stretched
        lo = (resolution - side) // 2
        pixels = np.pad(pixels, ((lo, resolution - side - lo), (lo, resolution - side - lo), (0, 0)), mode="edge")
        notes.append(translate("target_image", "padded {0} -> {1} pixels with the edge colour (as the training images "
                               "were)").format(side, resolution))
    tensor = torch.from_numpy(pixels.copy()).permute(2, 0, 1).float().div_(127.5).sub_(1.0)
    return TargetImage(tensor, np.ascontiguousarray(pixels), source, original, box, notes)


def load_target_image(path: str | os.PathLike, resolution: int, channels: int, *,
                      crop_box: tuple[int, int, int, int] | None = None,
                      background: str | tuple[int, int, int] = "white",
                      frame: int | None = None) -> TargetImage:
    """Open ``path`` and make it the target of a projection (see :func:`prepare_target`)."""
    im = open_image(path, frame)
    target = prepare_target(im, resolution, channels, crop_box, background, Path(path).name)
    if frame is not None and int(getattr(im, "n_frames", 1) or 1) > 1:
        target.notes.insert(0, translate("target_image", "frame {0} of {1} used").format(frame, im.n_frames))
    return target


PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".jpe", ".bmp", ".gif", ".webp", ".tif", ".tiff",
                    ".ppm", ".pgm", ".pbm", ".pnm", ".tga", ".ico", ".jfif", ".avif", ".heic")
MODEL_SUFFIXES = (".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".safetensors", ".npy", ".json", ".toml")


def looks_like_picture(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a picture file (to project) rather than a model, latent or recipe:
    by its extension, and for an unknown one by whether Pillow recognises its header."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir() or suffix in MODEL_SUFFIXES:
        return False
    if suffix in PICTURE_SUFFIXES:
        return True
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path):
                return True
    except Exception:  # noqa: BLE001 - anything Pillow cannot identify is not a picture
        return False


def preview_pixels(im: Image.Image, max_side: int = 640,
                   background: str | tuple[int, int, int] = "white") -> tuple[np.ndarray, tuple[int, int]]:
    """The picture as :func:`prepare_target` sees it (upright, 8 bits, transparency composited)
    shrunk to fit ``max_side`` for display: (uint8 [h, w, 1 or 3], (width, height) of the whole
    upright picture, the space of crop boxes)."""
    if im.getexif().get(0x0112, 1) not in (0, 1):
        im = ImageOps.exif_transpose(im)
    size = im.size
    im = _eight_bit(im, [])
    if im.mode == "RGBA":
        _, rgb = _background(background)
        im = Image.alpha_composite(Image.new("RGBA", im.size, (*rgb, 255)), im).convert("RGB")
    im = im.copy() if im.mode in ("L", "RGB") else im.convert("RGB")
    im.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    pixels = np.asarray(im, dtype=np.uint8)
    return np.ascontiguousarray(pixels[:, :, None] if pixels.ndim == 2 else pixels), size
