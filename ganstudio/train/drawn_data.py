"""Drawn 2-D data: a set of points a user clicked or painted, or loaded from a CSV of x,y rows.

The points define a distribution by kernel density estimation: p_data is the mean of
isotropic Gaussians of bandwidth ``h`` centred on the points (:func:`kde_bandwidth`), and
training samples are drawn from exactly that density (a random point plus N(0, h^2) noise),
so the teaching views' densities, D*(x) and the KL / JS estimates all refer to one p_data.

A recipe names the CSV (``data.kind = "points"``, ``data.path``); a run directory keeps its
own copy (``points.csv``) and its ``recipe.toml`` points at that copy, so a run can be replayed
after the original file is gone.
"""
from __future__ import annotations

import math
import os
from copy import deepcopy
from pathlib import Path

import numpy as np

from .datacache import DataError

MIN_POINTS = 3                 # fewer cannot describe a distribution worth training on
MAX_POINTS = 100_000           # a drawing or a CSV; more is a data set, not a drawing
MAX_COORDINATE = 1000.0        # |x|, |y|: the toy networks work at the scale of a few units
BANDWIDTH_SHARE = 0.025        # KDE bandwidth: this share of the larger side of the points' box
MIN_BANDWIDTH = 0.01
RUN_COPY = "points.csv"        # the copy of the points in a run directory


def check_points(points, where: str = "the points") -> np.ndarray:
    """float64 [n, 2] points, or DataError saying what is wrong (count, shape, values)."""
    pts = np.asarray(points, dtype=np.float64)
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise DataError(f"{where}: expected x,y pairs, got an array of shape {list(pts.shape)}")
    if len(pts) < MIN_POINTS:
        raise DataError(f"{where}: {len(pts)} point{'s' if len(pts) != 1 else ''}; "
                        f"at least {MIN_POINTS} are needed to train on")
    if len(pts) > MAX_POINTS:
        raise DataError(f"{where}: {len(pts):,} points; at most {MAX_POINTS:,} are allowed")
    bad = ~np.isfinite(pts).all(1)
    if bad.any():
        raise DataError(f"{where}: point {int(np.argmax(bad)) + 1} is not finite "
                        f"({pts[bad][0, 0]}, {pts[bad][0, 1]})")
    big = (np.abs(pts) > MAX_COORDINATE).any(1)
    if big.any():
        raise DataError(f"{where}: point {int(np.argmax(big)) + 1} ({pts[big][0, 0]:g}, "
                        f"{pts[big][0, 1]:g}) lies outside -{MAX_COORDINATE:g}..{MAX_COORDINATE:g}; "
                        f"scale the data to a few units")
    return pts


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def parse_points_csv(text: str, name: str = "CSV") -> np.ndarray:
    """Points from CSV text: one ``x,y`` row per line (commas, semicolons, tabs or spaces);
    blank lines and ``#`` comments are skipped, and a first row of two non-numbers is a header.
    A bad row is a DataError naming its line number."""
    rows = []
    header_allowed = True
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        cells = [c.strip() for c in line.replace(";", ",").replace("\t", ",").split(",")]
        if len(cells) == 1:
            cells = line.split()
        cells = [c for c in cells if c != ""]
        if header_allowed and len(cells) == 2 and not any(map(_is_number, cells)):
            header_allowed = False          # e.g. "x,y"
            continue
        header_allowed = False
        if len(cells) != 2:
            raise DataError(f"{name}, line {number}: expected two numbers x,y, "
                            f"found {len(cells)} value{'s' if len(cells) != 1 else ''}: {raw.strip()!r}")
        try:
            x, y = float(cells[0]), float(cells[1])
        except ValueError:
            raise DataError(f"{name}, line {number}: {raw.strip()!r} is not two numbers x,y") from None
        if not (math.isfinite(x) and math.isfinite(y)):
            raise DataError(f"{name}, line {number}: {raw.strip()!r} is not finite")
        rows.append((x, y))
    return check_points(np.array(rows, dtype=np.float64).reshape(-1, 2), name)


def read_points_csv(path: str | Path) -> np.ndarray:
    """float64 [n, 2] points of a CSV file (see :func:`parse_points_csv`)."""
    path = Path(os.path.expanduser(str(path)))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(f"points file {path} does not exist") from None
    except UnicodeDecodeError:
        raise DataError(f"{path.name} is not a text file (expected CSV rows x,y)") from None
    except OSError as e:
        raise DataError(f"cannot read {path}: {e.strerror or e}") from None
    return parse_points_csv(text, path.name)


def format_points_csv(points) -> str:
    pts = check_points(points)
    return "x,y\n" + "".join(f"{x:.9g},{y:.9g}\n" for x, y in pts)


def write_points_csv(path: str | Path, points) -> Path:
    """Write points as CSV (header ``x,y``), atomically; DataError when it cannot."""
    path = Path(path)
    text = format_points_csv(points)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        raise DataError(f"cannot write {path}: {e.strerror or e}") from None
    return path


def kde_bandwidth(points) -> float:
    """The KDE's bandwidth h: a fixed share of the larger side of the points' bounding box
    (drawings are made of thin strokes and small clusters; Scott's rule would blur them)."""
    pts = np.asarray(points, dtype=np.float64)
    span = float(np.max(pts.max(0) - pts.min(0))) if len(pts) else 0.0
    return max(BANDWIDTH_SHARE * span, MIN_BANDWIDTH)


def kde_density(points, x, bandwidth: float, chunk: int = 2048) -> np.ndarray:
    """p(x) of the isotropic Gaussian KDE of ``points`` [m, D] at ``x`` [n, D]: float64 [n]."""
    pts = np.asarray(points, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    d = pts.shape[1]
    norm = (2 * math.pi * bandwidth ** 2) ** (-d / 2) / len(pts)
    out = np.empty(len(x))
    sq = (pts ** 2).sum(1)
    for i in range(0, len(x), chunk):
        xc = x[i:i + chunk]
        d2 = (xc ** 2).sum(1)[:, None] + sq[None, :] - 2 * xc @ pts.T
        out[i:i + chunk] = np.exp(-0.5 / bandwidth ** 2 * np.maximum(d2, 0)).sum(1)
    return out * norm


def sample_kde(points, n: int, bandwidth: float, seed: int) -> np.ndarray:
    """float32 [n, 2] samples of the KDE (fixed seed: the same on every machine)."""
    pts = np.asarray(points, dtype=np.float64)
    rng = np.random.RandomState(seed)
    idx = rng.randint(len(pts), size=n)
    return (pts[idx] + bandwidth * rng.randn(n, pts.shape[1])).astype(np.float32)


def recipe_in_run(recipe, run_path: str | Path):
    """The recipe a run directory stores: its ``data.path`` names the run's own copy of the
    points (:func:`copy_into_run`), so the run directory alone replays the run."""
    stored = deepcopy(recipe)
    stored.data.path = str((Path(run_path) / RUN_COPY).resolve())
    return stored


def copy_into_run(recipe, points, run_path: str | Path) -> Path:
    """Write the points into the run directory (unless the recipe already reads that copy)."""
    copy = Path(run_path) / RUN_COPY
    source = Path(os.path.expanduser(recipe.data.path))
    if copy.exists() and source.exists() and os.path.samefile(copy, source):
        return copy
    return write_points_csv(copy, points)
