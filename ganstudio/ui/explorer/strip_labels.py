"""What the tiles of the Explorer's strip are, in words: the labels beside a strip, sweep or
mixing grid and the tooltip of every tile (see :class:`~.tile_labels.TileLabels`), read from
the render request that made it."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...core.render import RenderRequest

translate = QCoreApplication.translate


def _seed(lat) -> str:
    return (translate("StripLabels", "seed {0}").format(lat.seed) if lat.seed is not None
            else translate("StripLabels", "loaded latent"))


def strip_labels(request: RenderRequest, point_names: Sequence[str] = (),
                 gallery: bool = False) -> tuple[list[str], list[str], list[str]]:
    """(column labels, row labels, tooltips row-major) for the tiles ``request`` renders.
    point_names: the names of an interpolation's points (e.g. "A", "B", "★ bookmark")."""
    kind = request.kind
    if kind == "grid":
        click = translate("StripLabels", " · click to make it A") if gallery else ""
        return [], [], [_seed(lat) + click for lat in request.latents]
    if kind == "strip" and request.path is not None:
        return _path_labels(request, point_names)
    if kind == "strip" and request.sweep is not None:
        s = request.sweep
        unit = "σ" if s.direction is not None else ""
        values = np.linspace(s.lo, s.hi, s.steps)
        cols = [f"{v:+.2f}".rstrip("0").rstrip(".") + unit for v in values]
        what = s.label or translate("StripLabels", "the sweep")
        tips = [translate("StripLabels", "{0} at {1}").format(what, c) for c in cols]
        return cols, [], tips
    if kind == "mix_grid":
        m = request.mix_grid
        col_seeds = [_seed(request.latents[j]) for j in m.cols]
        row_seeds = [_seed(request.latents[i]) for i in m.rows]
        tips = [""] + [translate("StripLabels", "column source: {0}").format(c) for c in col_seeds]
        for r in row_seeds:
            tips.append(translate("StripLabels", "row source: {0}").format(r))
            tips += [translate("StripLabels", "{0} with the styles of {1}").format(r, c) for c in col_seeds]
        return [""] + col_seeds, [""] + row_seeds, tips
    if kind == "variation":
        n = int(request.variation)
        cols = [translate("StripLabels", "noise {0}").format(i + 1) for i in range(n)]
        cols.append(translate("StripLabels", "spread"))
        tips = cols[:-1] + [translate("StripLabels", "where the noise draws differ (brighter: more)")]
        return cols, [], tips
    return [], [], []


def _path_labels(request: RenderRequest, point_names: Sequence[str]):
    p = request.path
    names = list(point_names) or [chr(ord("A") + i) for i in range(len(p.points))]
    segments = len(p.points) - 1
    cols, tips = [], []
    for i, u in enumerate(np.linspace(0, segments, p.frames)):
        at = round(float(u))
        on_point = abs(float(u) - at) < 1e-6 and at < len(names)
        cols.append(names[at] if on_point else str(i + 1))
        tips.append(translate("StripLabels", "frame {0} of {1}").format(i + 1, p.frames)
                    + (f" · {names[at]}" if on_point else ""))
    return cols, [], tips


def point_names(state) -> list[str]:
    """The names of the interpolation's points, in the order the strip request takes them."""
    marks = {f"bm:{b['name']}" for b in state.bookmarks}
    return [k.upper() if len(k) == 1 else "★" + k[3:] for k in state.strip.points
            if len(k) == 1 or k in marks]


def label_strip(view, state, request: RenderRequest | None, result) -> None:
    """Label ``view``'s tiles from the request that made ``result`` (nothing when they differ)."""
    if request is None or request.request_id != result.request_id:
        return
    view.labels.set(*strip_labels(request, point_names(state), state.strip.kind == "gallery"))
