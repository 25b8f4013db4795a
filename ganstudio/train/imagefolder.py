"""A folder of images (recursive) decoded once into one uint8 array, cached on disk.

Unreadable files and folders are skipped and reported with a reason; symbolic-link loops
are followed only once; images larger than ``PIL.Image.MAX_IMAGE_PIXELS`` are refused as
decompression bombs before any pixel is decoded.
"""
from __future__ import annotations

import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from . import imageops
from .datacache import (DataError, Progress, ProgressReporter, cache_key, cache_load,
                        cache_save, describe_skipped, strings_array)

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".webp", ".bmp", ".dib",
                            ".gif", ".tif", ".tiff"})
DECODE_THREADS = 2  # Pillow releases the GIL while decoding and resizing


@dataclass
class FolderScan:
    """Image files found under a folder, in sorted order, and what could not be read."""
    root: Path
    files: list[tuple[str, int, int]] = field(default_factory=list)  # (relative path, size, mtime_ns)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def scan_folder(root: str | os.PathLike) -> FolderScan:
    """All image files under ``root`` (hidden names ignored), following each real folder once."""
    root = Path(root).expanduser()
    if not root.exists():
        raise DataError(f"image folder not found: {root}")
    if not root.is_dir():
        raise DataError(f"{root} is a file, expected a folder of images")
    scan = FolderScan(root)
    visited = {os.path.realpath(root)}
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        try:
            with os.scandir(root / rel_dir) as it:
                entries = list(it)
        except OSError as e:
            scan.skipped.append((f"{rel_dir or '.'}/", f"unreadable folder: {e.strerror or e}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                if entry.is_dir():
                    real = os.path.realpath(entry.path)
                    if real not in visited:  # a link back to a visited folder is a loop
                        visited.add(real)
                        stack.append(rel)
                    continue
                if Path(entry.name).suffix.lower() not in IMAGE_SUFFIXES:
                    continue
                if entry.is_symlink() and not os.path.exists(entry.path):
                    scan.skipped.append((rel, "broken symbolic link"))
                    continue
                if entry.is_file():
                    st = entry.stat()
                    scan.files.append((rel, st.st_size, st.st_mtime_ns))
            except OSError as e:
                scan.skipped.append((rel, f"cannot read: {e.strerror or e}"))
    scan.files.sort()
    scan.skipped.sort()
    return scan


class SkipFile(Exception):
    """A file that is not a usable image; the message is the reason shown to the user."""


def decode_image(path: str | os.PathLike, resolution: int, channels: int,
                 background: tuple[int, int, int]) -> np.ndarray:
    """One image file -> uint8 [channels, resolution, resolution]; raises SkipFile."""
    if os.path.getsize(path) == 0:
        raise SkipFile("empty file")
    try:
        with Image.open(path) as im:
            limit = Image.MAX_IMAGE_PIXELS
            w, h = im.size
            if limit and w * h > limit:
                raise SkipFile(f"decompression bomb: {w}x{h} pixels exceeds the limit of {limit}")
            im.draft(None, (2 * resolution, 2 * resolution))  # JPEG: decode at reduced scale
            im.load()
            im = ImageOps.exif_transpose(im)
            return imageops.fit(im, resolution, channels, background)
    except SkipFile:
        raise
    except Image.DecompressionBombError as e:
        raise SkipFile(f"decompression bomb: {e}") from None
    except UnidentifiedImageError:
        raise SkipFile("not an image") from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, MemoryError) as e:
        text = str(e)
        if "truncated" in text.lower() or isinstance(e, EOFError):
            raise SkipFile("truncated") from None
        raise SkipFile(text or type(e).__name__) from None


def _decode_one(args) -> tuple[np.ndarray | None, str | None]:
    path, resolution, channels, background = args
    try:
        return decode_image(path, resolution, channels, background), None
    except SkipFile as e:
        return None, str(e)
    except Exception as e:  # a Pillow plugin bug must not abort the whole folder
        return None, f"{type(e).__name__}: {e}"


def _decode_all(root: Path, rels: list[str], resolution: int, channels: int,
                background: tuple[int, int, int], progress: Progress | None,
                threads: int) -> tuple[np.ndarray, list[str], list[tuple[str, str]]]:
    data = np.empty((len(rels), channels, resolution, resolution), dtype=np.uint8)
    keep = np.zeros(len(rels), dtype=bool)
    skipped: list[tuple[str, str]] = []
    report = ProgressReporter(progress, len(rels))
    jobs = ((root / rel, resolution, channels, background) for rel in rels)
    with warnings.catch_warnings():
        # Image.open warns above MAX_IMAGE_PIXELS; decode_image refuses such files itself.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        if threads > 1 and len(rels) > 1:
            with ThreadPoolExecutor(threads) as pool:
                results = pool.map(_decode_one, jobs, chunksize=16)
                _collect(results, data, keep, rels, skipped, report)
        else:
            _collect(map(_decode_one, jobs), data, keep, rels, skipped, report)
    names = [rel for rel, k in zip(rels, keep) if k]
    return data[keep], names, skipped


def _collect(results, data, keep, rels, skipped, report) -> None:
    for i, (arr, reason) in enumerate(results):
        if arr is None:
            skipped.append((rels[i], reason))
        else:
            data[i] = arr
            keep[i] = True
        report.update(i + 1)


def load_folder(root: str | os.PathLike, resolution: int, channels: int,
                background: tuple[int, int, int], limit: int = 0,
                progress: Progress | None = None,
                threads: int = DECODE_THREADS) -> tuple[np.ndarray, list[str], list[tuple[str, str]]]:
    """(uint8 [N, C, R, R], relative paths of the N images, skipped (file, reason) pairs).

    ``limit`` keeps the first files in sorted path order.  A cache hit decodes nothing.
    """
    scan = scan_folder(root)
    files = scan.files[:limit] if limit else scan.files
    if not files:
        where = f"; {describe_skipped(scan.skipped)}" if scan.skipped else ""
        raise DataError(f"no image files ({', '.join(sorted(s[1:] for s in IMAGE_SUFFIXES))}) "
                        f"in {scan.root}{where}")
    key = cache_key("folder", [files, resolution, channels, list(background)])
    hit = cache_load(key)
    if hit is not None and {"data", "names", "skipped_files", "skipped_reasons"} <= hit.keys():
        data, names = hit["data"], [str(n) for n in hit["names"]]
        decode_skips = list(zip(map(str, hit["skipped_files"]), map(str, hit["skipped_reasons"])))
        if progress is not None:
            progress(len(files), len(files))
    else:
        rels = [f[0] for f in files]
        data, names, decode_skips = _decode_all(scan.root, rels, resolution, channels,
                                                background, progress, threads)
        cache_save(key, data=data, names=strings_array(names),
                   skipped_files=strings_array([s[0] for s in decode_skips]),
                   skipped_reasons=strings_array([s[1] for s in decode_skips]))
    skipped = sorted(scan.skipped + decode_skips)
    if len(data) == 0:
        raise DataError(f"none of the {len(files)} image files in {scan.root} could be read: "
                        f"{describe_skipped(skipped)}")
    return data, names, skipped
