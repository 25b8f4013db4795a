"""Images that remember how they were made.

Every PNG that GAN Studio writes carries the :class:`~ganstudio.core.render.Sidecar` of its
render (the render request, the checkpoint's and the weights' hashes, what the model is) as
compressed text metadata under the keyword ``ganstudio``: the same JSON that a ``.json``
sidecar beside a GIF / WebP / MP4 holds.  So the image alone can restore the Explorer's state
or be rendered again (``ganstudio export --from image.png``), and a model other than the one it
was made with is recognised and refused.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image, UnidentifiedImageError

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .imaging import png_bytes, save_png
from .render import Sidecar, SidecarError

PNG_KEY = "ganstudio"          # the iTXt keyword that holds the record
SOFTWARE = "GAN Studio"


class ImageRecordError(SidecarError):
    """An image whose record cannot be used; the message says why, in words for the user."""


def png_text(record: Sidecar) -> dict[str, str]:
    """The PNG text chunks that carry ``record``."""
    return {"Software": SOFTWARE, PNG_KEY: record.to_json()}


def save_png_with_record(path: str | Path, img: np.ndarray, record: Sidecar | None) -> Path:
    """Write ``img`` as a PNG that carries ``record`` (None: a plain PNG)."""
    return save_png(path, img, png_text(record) if record is not None else None)


def png_with_record(img: np.ndarray, record: Sidecar | None) -> bytes:
    """The bytes of that PNG (for the clipboard)."""
    return png_bytes(img, png_text(record) if record is not None else None)


def read_png_record(path: str | Path) -> Sidecar:
    """The record a PNG carries. Raises :class:`ImageRecordError` when the file is missing, is
    not a readable PNG, carries no record, or carries a damaged one."""
    path = Path(path)
    try:
        with Image.open(path) as im:
            if im.format != "PNG":
                raise ImageRecordError(translate("image_record", "{0} is a {1} image, not a PNG: only PNG "
                                                                 "images carry how GAN Studio made them").format(path.name, im.format or 'non-PNG'))
            im.load()                      # text chunks after the pixels arrive with the pixels
            text = getattr(im, "text", {}).get(PNG_KEY)
    except FileNotFoundError:
        raise ImageRecordError(translate("image_record", "{0} does not exist").format(path)) from None
    except UnidentifiedImageError:
        raise ImageRecordError(translate("image_record", "{0} is not an image GAN Studio can read").format(path.name)) from None
    except (OSError, SyntaxError, ValueError) as e:
        raise ImageRecordError(translate("image_record", "{0} is a damaged PNG file ({1})").format(path.name, e)) from None
    if text is None:
        raise ImageRecordError(translate("image_record", "{0} does not say how it was made: it was"
                                                         " not written by GAN Studio, or a program"
                                                         " that edited it dropped its metadata").format(path.name))
    try:
        return Sidecar.parse(text, "its metadata", "record")
    except SidecarError as e:
        raise ImageRecordError(translate("image_record", "{0} carries a damaged GAN Studio record "
                                                         "and cannot be restored ({1})").format(path.name, e)) from None


def read_record(path: str | Path) -> Sidecar:
    """The record of an export: a PNG's metadata, or a JSON sidecar (any other suffix)."""
    if Path(path).suffix.lower() == ".png":
        return read_png_record(path)
    return Sidecar.read(path)


def same_model(record: Sidecar, checkpoint_sha256: str | None, weights_sha256: Callable[[], str]) -> bool:
    """Whether the model described by ``checkpoint_sha256`` (of its file; None for a model not
    read from a file) and ``weights_sha256()`` (called only when needed) made ``record``.
    The same file is the same model; otherwise the generator's weights decide."""
    if record.checkpoint_sha256 and record.checkpoint_sha256 == checkpoint_sha256:
        return True
    if record.weights_sha256:
        return record.weights_sha256 == weights_sha256()
    return not record.checkpoint_sha256   # a record that names no model at all


def describe_model(summary: dict, checkpoint_path: str | None = None, sha256: str | None = None) -> str:
    """A model in a few words: file name, family, size, training step, hash prefix."""
    name = summary.get("file") or (Path(checkpoint_path).name if checkpoint_path else None) \
        or summary.get("source") or translate("image_record", "an unnamed model")
    what = [str(summary["family"])] if summary.get("family") else []
    if summary.get("resolution"):
        what.append(f"{summary['resolution']} px")
    if summary.get("step") is not None:
        what.append(translate("image_record", "step {0}").format(summary["step"]))
    digest = sha256 or summary.get("sha256")
    if digest:
        what.append(f"sha256 {str(digest)[:12]}")
    return f"{name} ({', '.join(what)})" if what else str(name)


def recorded_model(record: Sidecar) -> str:
    """The model a record names, in words."""
    return describe_model(record.model, record.checkpoint_path, record.checkpoint_sha256)


def mismatch_message(image_name: str, record: Sidecar, open_model: str,
                     advice: str | None = None) -> str:
    """What to say when ``image_name`` was made with another model than ``open_model``
    (``advice`` None: open that model first)."""
    if advice is None:
        advice = translate("image_record", "Open that model first, then open the image again.")
    return translate("image_record", "{0} was made with {1}, not with {2}. {3}").format(
        image_name, recorded_model(record), open_model, advice)
