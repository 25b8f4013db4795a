"""Every render request the front ends ask for, built in one place.

The Explorer's state (:mod:`ganstudio.ui.explorer.state`), its export dialog and `ganstudio
export` (:mod:`ganstudio.cli.export`) build a grid, an interpolation, a mixing grid, a sweep, a
motion, a noise variation or the main image with these functions, so the same settings give
the same :class:`~ganstudio.core.render_request.RenderRequest` (and so the same pixels and the
same sidecar) whichever front end asks.  Front ends read their own input (widgets, command-line
text) and check it in their own words; these functions only refuse what no model could render
(:class:`RequestError`).

``common`` is what every request shares: psi, cutoff, noise_mode, noise_seed, noise_strength,
class_index, input_transform, padding, upscale, request_id (see RenderRequest).
"""
from __future__ import annotations

from typing import Iterable, Sequence

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from . import latent as L
from .nets import family_name, has_mapping
from .render_request import Latent, MixGridSpec, PathSpec, RenderRequest, SweepSpec


class RequestError(ValueError):
    """A request no model could render as asked; the message says why."""


def seed_latents(seeds: Iterable[int], z_dim: int) -> tuple[Latent, ...]:
    """The z latents of ``seeds`` (each remembers its seed)."""
    return tuple(Latent.from_seed(s, z_dim) for s in seeds)


def seed_range(first: int, count: int) -> list[int]:
    """``count`` seeds from ``first`` on (a grid's seeds on the command line and in exports)."""
    return list(range(int(first), int(first) + int(count)))


# --- one image ------------------------------------------------------------------------------------

def image_request(latents: Sequence[Latent], mix_rows: Sequence[int] | None = None, **common) -> RenderRequest:
    """One image of ``latents[0]``; with ``mix_rows`` (the source latent of each ws row), its
    ws rows mixed from the other latents."""
    return RenderRequest(tuple(latents), mix_rows=None if mix_rows is None else tuple(mix_rows), **common)


# --- grids, interpolations, variations --------------------------------------------------------------

def grid_request(latents: Sequence[Latent], rows: int, cols: int, **common) -> RenderRequest:
    """rows x cols images of the first rows * cols ``latents`` (row-major)."""
    n = int(rows) * int(cols)
    if len(latents) < n:
        raise RequestError(translate("requests", "a {0}x{1} grid needs {2} "
                                                 "latents, got {3}").format(rows, cols, n, len(latents)))
    return RenderRequest(tuple(latents[:n]), kind="grid", grid=(int(rows), int(cols)), **common)


def seed_grid_request(G, first_seed: int, rows: int, cols: int, **common) -> RenderRequest:
    """rows x cols images of seeds first_seed, first_seed + 1, ... (row-major)."""
    return grid_request(seed_latents(seed_range(first_seed, int(rows) * int(cols)), G.z_dim), rows, cols, **common)


def interp_request(G, latents: Sequence[Latent], frames: int, mode: str = "slerp", space: str = "z",
                   **common) -> RenderRequest:
    """An interpolation path through ``latents`` in order, ``frames`` images in all."""
    if len(latents) < 2:
        raise RequestError(translate("requests", "an interpolation needs at least"
                                                 " two points"))
    if space == "w" and not has_mapping(G):
        raise RequestError(translate("requests", "interpolating in w needs a "
                                                 "mapping network; this {0} model"
                                                 " has none").format(family_name(G)))
    return RenderRequest(tuple(latents), kind="strip",
                         path=PathSpec(tuple(range(len(latents))), int(frames), mode, space), **common)


def variation_request(latent: Latent, count: int, **common) -> RenderRequest:
    """``count`` renders of ``latent`` with fresh noise each."""
    return RenderRequest((latent,), kind="variation", variation=int(count), **common)


def motion_request(latent: Latent, motion, **common) -> RenderRequest:
    """StyleGAN3: ``latent``'s image under a moving input transform (a :class:`MotionSpec`), one
    frame per step of the motion, from the transform in ``common`` (none: from where it is)."""
    return RenderRequest((latent,), kind="strip", motion=motion, **common)


# --- style mixing ---------------------------------------------------------------------------------------

def check_style_mixing(G) -> None:
    """Refuse style mixing for a generator without per-layer styles (no mapping network)."""
    if not has_mapping(G):
        raise RequestError(translate("requests", "style mixing needs a mapping "
                                                 "network; this {0} model has "
                                                 "none").format(family_name(G)))


def style_rows(G, resolutions: Iterable[int]) -> tuple[int, ...]:
    """The ws rows that the blocks at ``resolutions`` read (a block's ToRGB row shared with the
    next block follows that block, as in the official layout)."""
    check_style_mixing(G)
    rows = L.mixing_rows(G, {int(r): 1 for r in resolutions})
    return tuple(i for i, src in enumerate(rows) if src == 1)


def preset_style_rows(G, preset: str) -> tuple[int, ...]:
    """The ws rows of a mixing preset: "coarse", "middle" or "fine"."""
    check_style_mixing(G)
    return style_rows(G, L.preset_resolutions(G.block_resolutions, preset))


def mix_grid_request(G, row_seeds: Sequence[int], col_seeds: Sequence[int], col_rows: Sequence[int],
                     **common) -> RenderRequest:
    """The StyleGAN paper's mixing figure: each row seed with ws rows ``col_rows`` (see
    :func:`style_rows`) taken from each column seed."""
    check_style_mixing(G)
    if not row_seeds or not col_seeds:
        raise RequestError(translate("requests", "a mixing grid needs at least "
                                                 "one row seed and one column "
                                                 "seed"))
    lats = seed_latents(list(row_seeds) + list(col_seeds), G.z_dim)
    n = len(row_seeds)
    spec = MixGridSpec(tuple(range(n)), tuple(range(n, len(lats))), tuple(col_rows))
    return RenderRequest(lats, kind="mix_grid", mix_grid=spec, **common)


# --- sweeps ---------------------------------------------------------------------------------------------

def _rows(G, rows: tuple[int, int] | None) -> tuple[int, int] | None:
    """ws rows [start, end) a direction acts on; every row is None (one way to say "all")."""
    if rows is None or tuple(rows) == (0, int(getattr(G, "num_ws", -1))):
        return None
    return int(rows[0]), int(rows[1])


def dimension_sweep(space: str, dim: int, lo: float = -3.0, hi: float = 3.0, steps: int = 7) -> SweepSpec:
    """Sweep dimension ``dim`` of the latent's own space (z: set to lo..hi; w, w+: add lo..hi)."""
    return SweepSpec(dim=int(dim), lo=lo, hi=hi, steps=int(steps), label=f"{space}[{int(dim)}]")


def direction_sweep(G, directions: L.Directions, k: int, rows: tuple[int, int] | None = None,
                    lo: float = -3.0, hi: float = 3.0, steps: int = 7) -> SweepSpec:
    """Sweep PCA / SeFa direction ``k`` of ``directions`` (one unit = one standard deviation of
    w along it) on ws rows ``rows`` (None: all)."""
    if not 0 <= k < directions.components.shape[0]:
        raise RequestError(translate("requests", "only {0} directions exist").format(directions.components.shape[0]))
    return SweepSpec(direction=directions.components[k].numpy(), scale=float(directions.stdevs[k]),
                     rows=_rows(G, rows), lo=lo, hi=hi, steps=int(steps), label=f"{directions.method}{k}")


def named_sweep(G, direction, rows: tuple[int, int] | None = None, lo: float = -3.0, hi: float = 3.0,
                steps: int = 7) -> SweepSpec:
    """Sweep a :class:`~ganstudio.core.named_directions.NamedDirection` on ws rows ``rows``."""
    return SweepSpec(direction=direction.vector, scale=direction.scale, rows=_rows(G, rows), lo=lo, hi=hi,
                     steps=int(steps), label=direction.name)


def sweep_request(latent: Latent, sweep: SweepSpec, **common) -> RenderRequest:
    """``latent`` moved along ``sweep`` (from :func:`dimension_sweep`, :func:`direction_sweep`
    or :func:`named_sweep`), one image per step."""
    return RenderRequest((latent,), kind="strip", sweep=sweep, **common)
