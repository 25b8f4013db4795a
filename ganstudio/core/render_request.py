"""The plain-data description of what to render: latents and an immutable RenderRequest.

Used by :mod:`ganstudio.core.render` (which renders it), by the Explorer (which builds it from
its widgets) and by sidecars (which store it as JSON).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from . import latent as L
from .input_transform import InputTransform, MotionSpec
from .layer_capture import LayerCapture

SPACES = ("z", "w", "w+")
NOISE_MODES = ("const", "random", "none")
KINDS = ("single", "strip", "grid", "mix_grid", "variation")


def _frozen_array(a, ndim: tuple[int, ...], what: str) -> np.ndarray:
    arr = np.array(a, dtype=np.float32, copy=True)
    if arr.ndim not in ndim:
        raise ValueError(translate("render_request", "{0} must have {1} axes, got shape {2}").format(what, ' or '.join(map(str, ndim)), arr.shape))
    if not np.isfinite(arr).all():
        raise ValueError(translate("render_request", "{0} contains NaN or inf").format(what))
    arr.flags.writeable = False
    return arr


@dataclass(frozen=True, eq=False)
class Latent:
    """One source latent: its space, its values, and an optional per-row edit of ws."""

    space: str                         # "z" | "w" | "w+"
    values: np.ndarray                 # z: [z_dim]; w: [w_dim]; w+: [num_ws, w_dim]
    offset: np.ndarray | None = None   # added to ws after mapping, [num_ws, w_dim]; None = no edit
    seed: int | None = None            # the seed it came from (for people; not used to render)

    def __post_init__(self):
        if self.space not in SPACES:
            raise ValueError(translate("render_request", "latent space must be one of {0}, got "
                                                         "{1!r}").format(SPACES, self.space))
        object.__setattr__(self, "values", _frozen_array(self.values, (2,) if self.space == "w+" else (1,),
                                                         f"a {self.space} latent"))
        if self.offset is not None:
            object.__setattr__(self, "offset", _frozen_array(self.offset, (2,), "a latent offset"))

    @classmethod
    def from_seed(cls, seed: int, z_dim: int) -> "Latent":
        return cls("z", L.z_from_seed(seed, z_dim).numpy(), seed=int(seed))

    def from_its_seed(self) -> bool:
        """Whether the values are exactly z_from_seed(seed): then the seed alone records them."""
        return (self.space == "z" and self.seed is not None and 0 <= self.seed < 2 ** 32
                and np.array_equal(self.values, L.z_from_seed(self.seed, self.values.shape[0]).numpy()))

    def to_dict(self) -> dict:
        """Plain data; a z that its seed makes is stored as the seed and its size (a 64 x 64
        grid's record is then a few kilobytes, not megabytes), any other latent as its values."""
        d = {"space": self.space, "seed": self.seed}
        if self.from_its_seed():
            d["z_dim"] = int(self.values.shape[0])
        else:
            d["values"] = self.values.tolist()
        if self.offset is not None:
            d["offset"] = self.offset.tolist()
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Latent":
        if "values" not in d:            # a z recorded by its seed (z_from_seed is the same everywhere)
            values = L.z_from_seed(int(d["seed"]), int(d["z_dim"])).numpy()
            return cls(d["space"], values, d.get("offset"), int(d["seed"]))
        return cls(d["space"], d["values"], d.get("offset"), d.get("seed"))


@dataclass(frozen=True)
class PathSpec:
    """An interpolation through latents[points[0]] -> latents[points[1]] -> ..."""

    points: tuple[int, ...] = (0, 1)
    frames: int = 8
    mode: str = "slerp"     # "lerp" | "slerp"
    space: str = "z"        # "z" (only when every point is a plain z latent) | "w"


@dataclass(frozen=True, eq=False)
class SweepSpec:
    """Vary latents[source] along one dimension (of its own space) or a w direction."""

    source: int = 0
    dim: int | None = None                # a dimension; z: set to lo..hi (absolute), w/w+: add lo..hi
    direction: np.ndarray | None = None   # a w direction [w_dim]; moved by (lo..hi) * scale
    scale: float = 1.0                    # e.g. the spread of w along a PCA direction
    rows: tuple[int, int] | None = None   # ws rows [start, end) the direction acts on; None = all
    lo: float = -3.0
    hi: float = 3.0
    steps: int = 7
    label: str = ""

    def __post_init__(self):
        if (self.dim is None) == (self.direction is None):
            raise ValueError(translate("render_request", "a sweep needs exactly one of a dimension"
                                                         " or a direction"))
        if self.direction is not None:
            object.__setattr__(self, "direction", _frozen_array(self.direction, (1,), "a sweep direction"))
        if self.steps < 2:
            raise ValueError(translate("render_request", "a sweep needs at least two steps"))


@dataclass(frozen=True)
class MixGridSpec:
    """The StyleGAN paper's mixing figure: cell (i, j) = row latent i with rows col_rows of ws
    taken from column latent j; the top row and left column show the sources themselves."""

    rows: tuple[int, ...]        # latent indices down the left
    cols: tuple[int, ...]        # latent indices across the top
    col_rows: tuple[int, ...]    # ws rows copied from the column latent


@dataclass(frozen=True, eq=False)
class RenderRequest:
    """Everything that decides the pixels. Immutable; build a new one with :meth:`replace`."""

    latents: tuple[Latent, ...]                     # sources: A, B, C, path points, grid cells ...
    kind: str = "single"                            # single | strip | grid | mix_grid | variation
    psi: float = 1.0                                # truncation; 1 = none, 0 = the w_avg image
    cutoff: int | None = None                       # truncate ws rows [0, cutoff); None = all
    noise_mode: str = "const"                       # const | random | none
    noise_seed: int = 0                             # seeds "random" noise (reproducible)
    noise_strength: tuple[tuple[int, float], ...] = ()   # (block resolution, multiplier)
    mix_rows: tuple[int, ...] | None = None         # single: source latent per ws row; None = all A
    grid: tuple[int, int] | None = None             # grid: (rows, cols); None = square-ish
    path: PathSpec | None = None                    # strip: interpolation ...
    sweep: SweepSpec | None = None                  # ... or sweep
    mix_grid: MixGridSpec | None = None             # mix_grid
    variation: int = 8                              # variation: renders of latents[0] with fresh noise
    class_index: int | None = None                  # conditional models: the class; None = class 0
    input_transform: InputTransform | None = None   # StyleGAN3: move / turn the input; None = as is
    motion: MotionSpec | None = None                # strip: latent A under a moving input transform
    capture: LayerCapture | None = None             # single: a layer's feature maps instead of the image
    padding: int = 2                                # composite: pixels between tiles
    upscale: int = 1                                # composite: nearest-neighbour factor
    request_id: int = 0                             # set by the sender; echoed in the result

    def __post_init__(self):
        object.__setattr__(self, "latents", tuple(self.latents))
        if not self.latents:
            raise ValueError(translate("render_request", "a render request needs at least one "
                                                         "latent"))
        if self.kind not in KINDS:
            raise ValueError(translate("render_request", "kind must be one of {0}, got {1!r}").format(KINDS, self.kind))
        if self.noise_mode not in NOISE_MODES:
            raise ValueError(translate("render_request", "noise_mode must be one of {0}, got {1!r}").format(NOISE_MODES, self.noise_mode))
        if self.kind == "strip" and sum(x is not None for x in (self.path, self.sweep, self.motion)) != 1:
            raise ValueError(translate("render_request", "a strip needs exactly one of path, sweep"
                                                         " or motion"))
        if self.capture is not None and self.kind != "single":
            raise ValueError(translate("render_request", "a layer capture is of a single image"))
        if self.kind == "mix_grid" and self.mix_grid is None:
            raise ValueError(translate("render_request", "a mix_grid request needs mix_grid"))
        if self.upscale < 1 or self.padding < 0:
            raise ValueError(translate("render_request", "upscale must be >= 1 and padding >= 0"))
        if self.class_index is not None and self.class_index < 0:
            raise ValueError(translate("render_request", "a class index is >= 0, got {0}").format(self.class_index))

    def replace(self, **changes) -> "RenderRequest":
        return replace(self, **changes)

    # --- plain data (for sidecars) ---------------------------------------------------------------
    def to_dict(self) -> dict:
        d = {"kind": self.kind, "latents": [lat.to_dict() for lat in self.latents], "psi": self.psi,
             "cutoff": self.cutoff, "noise_mode": self.noise_mode, "noise_seed": self.noise_seed,
             "noise_strength": [[r, s] for r, s in self.noise_strength],
             "mix_rows": list(self.mix_rows) if self.mix_rows is not None else None,
             "grid": list(self.grid) if self.grid else None, "variation": self.variation,
             "padding": self.padding, "upscale": self.upscale}
        if self.path:
            d["path"] = {"points": list(self.path.points), "frames": self.path.frames,
                         "mode": self.path.mode, "space": self.path.space}
        if self.sweep:
            s = self.sweep
            d["sweep"] = {"source": s.source, "dim": s.dim, "scale": s.scale, "lo": s.lo, "hi": s.hi,
                          "steps": s.steps, "label": s.label, "rows": list(s.rows) if s.rows else None,
                          "direction": s.direction.tolist() if s.direction is not None else None}
        if self.mix_grid:
            m = self.mix_grid
            d["mix_grid"] = {"rows": list(m.rows), "cols": list(m.cols), "col_rows": list(m.col_rows)}
        if self.class_index is not None:
            d["class_index"] = self.class_index
        if self.input_transform is not None:
            d["input_transform"] = self.input_transform.to_dict()
        if self.motion is not None:
            d["motion"] = self.motion.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "RenderRequest":
        path = sweep = mix = None
        if d.get("path"):
            p = d["path"]
            path = PathSpec(tuple(p["points"]), int(p["frames"]), p["mode"], p["space"])
        if d.get("sweep"):
            s = dict(d["sweep"])
            s["rows"] = tuple(s["rows"]) if s.get("rows") else None
            sweep = SweepSpec(**s)
        if d.get("mix_grid"):
            m = d["mix_grid"]
            mix = MixGridSpec(tuple(m["rows"]), tuple(m["cols"]), tuple(m["col_rows"]))
        return cls(latents=tuple(Latent.from_dict(x) for x in d["latents"]), kind=d["kind"],
                   psi=float(d["psi"]), cutoff=d.get("cutoff"), noise_mode=d["noise_mode"],
                   noise_seed=int(d["noise_seed"]),
                   noise_strength=tuple((int(r), float(s)) for r, s in d.get("noise_strength", [])),
                   mix_rows=tuple(d["mix_rows"]) if d.get("mix_rows") is not None else None,
                   grid=tuple(d["grid"]) if d.get("grid") else None, path=path, sweep=sweep,
                   mix_grid=mix, variation=int(d.get("variation", 8)),
                   padding=int(d.get("padding", 2)), upscale=int(d.get("upscale", 1)),
                   class_index=int(d["class_index"]) if d.get("class_index") is not None else None,
                   input_transform=(InputTransform.from_dict(d["input_transform"])
                                    if d.get("input_transform") else None),
                   motion=MotionSpec.from_dict(d["motion"]) if d.get("motion") else None)
