"""The run directory: everything one training run writes, and the reading side for attaching.

::

    <run>/recipe.toml          the fully resolved recipe
    <run>/metrics.jsonl        one JSON object per logged step (step, time, loss_d, loss_g, ...)
    <run>/samples/step_000100.png   grids (or toy plots) from the fixed z
    <run>/checkpoints/latest.pt     newest checkpoint; step_000100.pt periodic ones

The writer appends and flushes one line at a time; the reader (:func:`read_metrics`) takes a
byte offset and returns only complete lines, so a GUI can follow a run that another process is
writing, and replay a finished one.
"""
from __future__ import annotations

import json
import math
import os
import re
import time
from pathlib import Path

try:
    import fcntl
except ImportError:     # Windows: runs are not locked there
    fcntl = None

RECIPE = "recipe.toml"
METRICS = "metrics.jsonl"
SAMPLES = "samples"
CHECKPOINTS = "checkpoints"
LATEST = "latest.pt"
BEST = "best.pt"
_STEP_RE = re.compile(r"^step_(\d+)\.(png|pt)$")


class RunDirError(Exception):
    """A run directory cannot be created or used."""


def step_name(step: int, suffix: str) -> str:
    return f"step_{int(step):06d}{suffix}"


def default_run_dir(name: str, root: str | Path = "runs") -> Path:
    """``runs/<name>-<YYYYmmdd-HHMMSS>`` (with a counter if that exists already)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = Path(root) / f"{name or 'run'}-{stamp}"
    path, n = base, 1
    while path.exists():
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    return path


def _json_default(o):
    try:
        import numpy as np
        if isinstance(o, np.generic):
            return o.item()
    except ImportError:  # pragma: no cover
        pass
    return str(o)


def _clean(v):
    """NaN/inf are not JSON: write them as null."""
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


class RunDir:
    """One run's directory.  ``create()`` for writing, the rest works on any existing run."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._metrics_file = None
        self._lock_fd: int | None = None

    # --- paths --------------------------------------------------------------------------------
    @property
    def recipe_path(self) -> Path:
        return self.path / RECIPE

    @property
    def metrics_path(self) -> Path:
        return self.path / METRICS

    @property
    def samples_dir(self) -> Path:
        return self.path / SAMPLES

    @property
    def checkpoints_dir(self) -> Path:
        return self.path / CHECKPOINTS

    def sample_path(self, step: int) -> Path:
        return self.samples_dir / step_name(step, ".png")

    def checkpoint_path(self, step: int | None = None) -> Path:
        return self.checkpoints_dir / (LATEST if step is None else step_name(step, ".pt"))

    # --- writing ------------------------------------------------------------------------------
    def best_checkpoint_path(self) -> Path:
        """checkpoints/best.pt: the weights with the lowest FID of train.eval_every so far."""
        return self.checkpoints_dir / BEST

    def check(self, *, resume: bool = False) -> "RunDir":
        """Raise RunDirError unless ``create(resume=resume)`` may use this path; writes nothing.

        A new run needs an empty (or missing) directory; resuming needs checkpoints/latest.pt
        and nobody else training the run: from then on this RunDir holds its lock
        (:meth:`claim`) until :meth:`close`.
        """
        if self.path.exists() and not self.path.is_dir():
            raise RunDirError(f"{self.path} exists and is not a directory")
        if resume:
            if not self.checkpoint_path().is_file():
                raise RunDirError(f"cannot resume: {self.path} has no checkpoints/{LATEST}")
            self.claim()
        elif self.path.is_dir() and any(self.path.iterdir()):
            raise RunDirError(f"{self.path} is not empty; choose another --out directory "
                              "or pass --resume to continue that run")
        return self

    def create(self, recipe_toml: str, *, resume: bool = False) -> "RunDir":
        """Make the directory and write recipe.toml (after :meth:`check`).  A resumed run should
        load and validate its checkpoint first, so that a failed resume changes nothing."""
        self.check(resume=resume)
        try:
            self.samples_dir.mkdir(parents=True, exist_ok=True)
            self.checkpoints_dir.mkdir(parents=True, exist_ok=True)
            self.claim()
        except OSError as e:
            raise RunDirError(f"cannot write to {self.path}: {e.strerror or e}") from None
        return self.write_recipe(recipe_toml)

    def write_recipe(self, recipe_toml: str) -> "RunDir":
        """Replace recipe.toml at once (a reader sees the old file or the new one)."""
        try:
            tmp = self.recipe_path.with_suffix(".toml.tmp")
            tmp.write_text(recipe_toml, encoding="utf-8")
            os.replace(tmp, self.recipe_path)
        except OSError as e:
            raise RunDirError(f"cannot write to {self.path}: {e.strerror or e}") from None
        return self

    def append_metrics(self, record: dict) -> None:
        """Append one JSON line and flush it (so readers see whole lines promptly)."""
        if self._metrics_file is None:
            self._metrics_file = open(self.metrics_path, "a", encoding="utf-8")
        clean = {k: _clean(v) for k, v in record.items()}
        self._metrics_file.write(json.dumps(clean, default=_json_default, allow_nan=False) + "\n")
        self._metrics_file.flush()

    def truncate_metrics(self, after_step: int) -> None:
        """On resume: drop lines logged after ``after_step`` (they belong to the lost future)."""
        if not self.metrics_path.is_file():
            return
        records, _ = read_metrics(self.metrics_path, 0)
        keep = [r for r in records if int(r.get("step", 0)) <= after_step]
        if len(keep) == len(records):
            return
        tmp = self.metrics_path.with_suffix(".jsonl.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            for r in keep:
                f.write(json.dumps(r) + "\n")
        os.replace(tmp, self.metrics_path)

    def claim(self) -> "RunDir":
        """Hold the directory's training lock until :meth:`close`: one process trains a run at
        a time (a second ``--resume``, or the Training panel's Continue, would truncate and
        write the same files).  An advisory lock on the directory itself (POSIX ``flock``; no
        file is added), released by the system when the process ends however it ends.
        Platforms without ``flock`` go unlocked."""
        if self._lock_fd is not None or fcntl is None:
            return self
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError as e:
            raise RunDirError(f"cannot use {self.path}: {e.strerror or e}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise RunDirError(f"{self.path} is being trained by another process or window: "
                              "wait until that run stops, then continue it") from None
        self._lock_fd = fd
        return self

    def close(self) -> None:
        if self._metrics_file is not None:
            self._metrics_file.close()
            self._metrics_file = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)     # closing the descriptor releases the lock
            self._lock_fd = None

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown: the system releases it anyway
            pass

    # --- reading ------------------------------------------------------------------------------
    def read_metrics(self, offset: int = 0) -> tuple[list[dict], int]:
        return read_metrics(self.metrics_path, offset)

    def list_sample_grids(self) -> list[tuple[int, Path]]:
        """(step, path) of every sample image, oldest first."""
        return _list_steps(self.samples_dir, "png")

    def list_checkpoints(self) -> list[tuple[int, Path]]:
        """(step, path) of the periodic checkpoints, oldest first."""
        return _list_steps(self.checkpoints_dir, "pt")

    def latest_checkpoint(self) -> Path | None:
        """checkpoints/latest.pt, else the newest periodic one, else None."""
        latest = self.checkpoint_path()
        if latest.is_file():
            return latest
        periodic = self.list_checkpoints()
        return periodic[-1][1] if periodic else None

    def read_recipe_text(self) -> str | None:
        try:
            return self.recipe_path.read_text(encoding="utf-8")
        except OSError:
            return None


def _list_steps(folder: Path, suffix: str) -> list[tuple[int, Path]]:
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        m = _STEP_RE.match(p.name)
        if m and m.group(2) == suffix:
            out.append((int(m.group(1)), p))
    return sorted(out)


def read_metrics(path: str | Path, offset: int = 0) -> tuple[list[dict], int]:
    """Records from byte ``offset`` on, and the offset after the last complete line.

    A partially written last line (no newline yet) is left for the next call; a corrupt
    complete line is skipped.  A missing file gives ([], offset).
    """
    path = Path(path)
    if path.is_dir():
        path = path / METRICS
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            data = f.read()
    except FileNotFoundError:
        return [], offset
    end = data.rfind(b"\n")
    if end < 0:
        return [], offset
    records = []
    for line in data[:end].split(b"\n"):
        line = line.strip()
        if not line:
            continue
        try:
            rec = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(rec, dict):
            records.append(rec)
    return records, offset + end + 1
