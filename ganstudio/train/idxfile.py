"""MNIST-format IDX files (Fashion-MNIST, MNIST, EMNIST, KMNIST, ...), gzip-compressed or raw.

An IDX file is a 4-byte magic number ``00 00 <type> <ndim>``, ``ndim`` big-endian uint32
dimension sizes, then the values in C order, big-endian.
"""
from __future__ import annotations

import gzip
import math
import os
import zlib
from pathlib import Path

import numpy as np

from . import imageops
from .datacache import DataError, Progress, cache_key, cache_load, cache_save

FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist/"

# IDX type byte -> big-endian NumPy dtype
_IDX_TYPES = {
    0x08: np.dtype(">u1"), 0x09: np.dtype(">i1"), 0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"), 0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8"),
}
_GZIP_MAGIC = b"\x1f\x8b"


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, expected an IDX file") from None
    except OSError as e:
        raise DataError(f"{path}: cannot read ({e.strerror or e})") from None
    if raw[:2] == _GZIP_MAGIC:
        try:
            raw = gzip.decompress(raw)
        except EOFError:
            raise DataError(f"{path}: gzip stream is truncated (incomplete download?)") from None
        except (OSError, zlib.error) as e:
            raise DataError(f"{path}: corrupt gzip data ({e})") from None
    return raw


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """The array stored in an IDX file (``.gz`` or raw), in native byte order.

    Raises :class:`DataError` naming the file for a wrong magic number, an unknown type code,
    a header promising more (truncated file) or fewer (trailing bytes) values than present.
    """
    path = Path(path)
    raw = _read_bytes(path)
    if len(raw) < 4:
        raise DataError(f"{path}: too short to be an IDX file ({len(raw)} bytes)")
    if raw[0] != 0 or raw[1] != 0:
        raise DataError(f"{path}: not an IDX file (magic number {raw[:4].hex()} "
                        f"does not start with 0000)")
    type_code, ndim = raw[2], raw[3]
    if type_code not in _IDX_TYPES:
        raise DataError(f"{path}: unknown IDX data type 0x{type_code:02x} "
                        f"(magic number {raw[:4].hex()})")
    if ndim == 0:
        raise DataError(f"{path}: IDX header declares 0 dimensions")
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise DataError(f"{path}: truncated IDX header ({len(raw)} bytes, "
                        f"{ndim} dimensions need {header})")
    shape = tuple(int(d) for d in np.frombuffer(raw, ">u4", count=ndim, offset=4))
    dtype = _IDX_TYPES[type_code]
    expected = math.prod(shape) * dtype.itemsize  # Python ints: a forged header cannot overflow
    actual = len(raw) - header
    if actual < expected:
        raise DataError(f"{path}: truncated: header says shape {shape} ({expected} bytes of "
                        f"data) but only {actual} bytes follow")
    if actual > expected:
        raise DataError(f"{path}: wrong sizes: header says shape {shape} ({expected} bytes of "
                        f"data) but {actual} bytes follow")
    arr = np.frombuffer(raw, dtype, count=int(np.prod(shape, dtype=np.int64)), offset=header)
    return arr.reshape(shape).astype(dtype.newbyteorder("="), copy=True)


def fashion_mnist_files(folder: str, split: str) -> tuple[Path, Path]:
    """(images, labels) file paths of a Fashion-MNIST split (``.gz`` preferred, raw accepted)."""
    base = Path(folder or FASHION_MNIST_DIR)
    stem = "train" if split == "train" else "t10k"
    found = []
    for kind in ("images-idx3", "labels-idx1"):
        names = [f"{stem}-{kind}-ubyte.gz", f"{stem}-{kind}-ubyte", f"{stem}-{kind}-ubyte.idx"]
        path = next((base / n for n in names if (base / n).is_file()), None)
        if path is None:
            hint = (" (on Debian/Ubuntu: apt install dataset-fashion-mnist, or set data.path to a "
                    "folder holding the four IDX files)" if not folder else "")
            raise DataError(f"Fashion-MNIST {split} split not found: no {names[0]} in {base}{hint}")
        found.append(path)
    return found[0], found[1]


def idx_images(arr: np.ndarray, path: str | os.PathLike) -> np.ndarray:
    """An IDX array of images as uint8 [N, C, H, W] ([N,H,W] -> C=1, [N,H,W,C] with C in 1,3)."""
    if arr.dtype != np.uint8:
        raise DataError(f"{path}: images must be unsigned bytes (IDX type 0x08), "
                        f"got {arr.dtype}")
    if arr.ndim == 3:
        return arr[:, None]
    if arr.ndim == 4 and arr.shape[3] in (1, 3):
        return np.ascontiguousarray(arr.transpose(0, 3, 1, 2))
    raise DataError(f"{path}: expected images of shape [N, H, W] or [N, H, W, C], "
                    f"got {list(arr.shape)}")


def idx_labels(arr: np.ndarray, path: str | os.PathLike) -> np.ndarray:
    """An IDX array of class labels as int64 [N]."""
    if arr.ndim != 1 or arr.dtype.kind not in "iu":
        raise DataError(f"{path}: expected a 1-D array of integer labels, "
                        f"got {arr.dtype} {list(arr.shape)}")
    return arr.astype(np.int64)


def load_idx_images(path: str | os.PathLike, resolution: int | None, limit: int = 0,
                    progress: Progress | None = None) -> np.ndarray:
    """uint8 [N, C, R, R] images of an IDX file, the first ``limit`` (0 = all), resized.

    Padding (28 -> 32) is instant; a real resample of a whole data set takes seconds, so its
    result is cached on disk, keyed by the file's path, size and modification time.
    """
    key = None
    if resolution is not None:
        try:
            st = os.stat(path)
        except OSError as e:
            raise DataError(f"{path}: cannot read ({e.strerror or e})") from None
        key = cache_key("idx", [os.path.realpath(path), st.st_size, st.st_mtime_ns, limit,
                                resolution])
        hit = cache_load(key)
        if hit is not None and "data" in hit:
            return hit["data"]
    images = idx_images(read_idx(path), path)
    if limit:
        images = images[:limit]
    if resolution is None:
        return images
    n, c, h, w = images.shape
    resampled = imageops.resize_batch(images, resolution, pad_value=0, progress=progress)
    if resampled.shape[2] != h and not imageops.is_padding(h, w, resolution):
        cache_save(key, data=resampled)
    return resampled
