"""Shared pieces of the dataset loaders: the error type, the on-disk cache, progress reporting.

Decoding a folder of images or rendering the emoji font takes seconds to minutes; the result
is one uint8 array, so it is stored once as an ``.npz`` file under the user cache directory
(``$XDG_CACHE_HOME/ganstudio`` or ``~/.cache/ganstudio``) and keyed by a hash of everything
that determines its content.  A cache that cannot be read or written is never an error: the
data is simply decoded again.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Callable

import numpy as np

CACHE_VERSION = 1  # bump when the decoding changes what a cached array holds

Progress = Callable[[int, int], None]


class DataError(ValueError):
    """A dataset cannot be loaded (missing file, bad format, nothing readable, ...)."""


def cache_dir() -> Path:
    """The directory holding GAN Studio's dataset caches (created on first write)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ganstudio" / "datasets"


def cache_key(kind: str, parts: Any) -> str:
    """A stable file name for ``parts`` (any JSON-serialisable description of the content)."""
    blob = json.dumps([CACHE_VERSION, kind, parts], sort_keys=True, separators=(",", ":"))
    return f"{kind}-{hashlib.sha256(blob.encode()).hexdigest()[:32]}"


def cache_load(key: str) -> dict[str, np.ndarray] | None:
    """The arrays stored under ``key``, or None when absent or unreadable."""
    path = cache_dir() / f"{key}.npz"
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as z:
            return {name: z[name] for name in z.files}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None


def cache_save(key: str, **arrays: np.ndarray) -> Path | None:
    """Store ``arrays`` under ``key`` atomically (temp file + rename); None when not writable."""
    folder = cache_dir()
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".npz.tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
        final = folder / f"{key}.npz"
        os.replace(tmp, final)
        return final
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return None


def strings_array(items: list[str]) -> np.ndarray:
    """A list of strings as a NumPy unicode array that ``np.load`` reads without pickle."""
    return np.array(items, dtype=np.str_) if items else np.zeros(0, dtype="<U1")


class ProgressReporter:
    """Calls ``progress(done, total)`` about every 1 % and once at the end."""

    def __init__(self, progress: Progress | None, total: int):
        self.progress = progress
        self.total = total
        self.step = max(1, total // 100)
        self.next = 0

    def update(self, done: int) -> None:
        if self.progress is None:
            return
        if done >= self.next or done >= self.total:
            self.progress(done, self.total)
            self.next = (done // self.step + 1) * self.step


def parse_colour(text: str) -> tuple[int, int, int] | None:
    """``"#rgb"`` or ``"#rrggbb"`` as an RGB triple, None when malformed."""
    s = text.strip()
    if not s.startswith("#"):
        return None
    s = s[1:]
    if len(s) == 3:
        s = "".join(c * 2 for c in s)
    if len(s) != 6:
        return None
    try:
        return int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16)
    except ValueError:
        return None


def describe_skipped(skipped: list[tuple[str, str]], limit: int = 10) -> str:
    """``"3 files skipped: a.jpg (truncated), ..."`` ("" when nothing was skipped)."""
    if not skipped:
        return ""
    n = len(skipped)
    shown = ", ".join(f"{name} ({reason})" for name, reason in skipped[:limit])
    more = f", and {n - limit} more" if n > limit else ""
    return f"{n} file{'s' if n != 1 else ''} skipped: {shown}{more}"
