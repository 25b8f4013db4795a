"""The Explorer's editable records (no Qt in here): a latent slot (A, B or C) and the settings
of the strip under the main image."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ...core import latent as L

STRIP_KINDS = ("gallery", "interp", "sweep", "mix_grid", "variation", "motion")
GALLERY_SHAPES = ((1, 8), (2, 8), (3, 8), (4, 8), (4, 4), (6, 6), (8, 8))


@dataclass
class LatentSlot:
    """An editable latent: values in its space, the reset target, and the last z."""

    seed: int | None
    space: str
    values: np.ndarray
    base: np.ndarray
    z: np.ndarray | None = None
    fixed_offset: np.ndarray | None = None   # a saved direction edit (from a bookmark)

    @classmethod
    def from_seed(cls, seed: int, z_dim: int) -> "LatentSlot":
        z = L.z_from_seed(seed, z_dim).numpy()
        return cls(int(seed), "z", z.copy(), z.copy(), z.copy())

    def copy(self) -> "LatentSlot":
        cp = lambda a: None if a is None else a.copy()  # noqa: E731
        return LatentSlot(self.seed, self.space, self.values.copy(), self.base.copy(), cp(self.z),
                          cp(self.fixed_offset))

    def same_as(self, other: "LatentSlot") -> bool:
        def eq(a, b):
            return (a is None and b is None) or (a is not None and b is not None and a.shape == b.shape
                                                 and np.array_equal(a, b))
        return (self.seed == other.seed and self.space == other.space and eq(self.values, other.values)
                and eq(self.fixed_offset, other.fixed_offset))


@dataclass
class StripSettings:
    kind: str = "gallery"                  # a model opens on a gallery of random seeds
    gallery_seeds: list[int] = field(default_factory=list)
    gallery_shape: tuple[int, int] = (2, 8)
    points: list[str] = field(default_factory=lambda: ["a", "b"])   # "a", "b", "c", "bm:<name>"
    frames: int = 8
    mode: str = "slerp"
    space: str = "z"
    sweep_target: str = "dimension"        # "dimension" | "direction"
    sweep_index: int = 0
    sweep_name: str = ""                   # sweep_target "named": which named direction
    sweep_lo: float = -3.0
    sweep_hi: float = 3.0
    sweep_steps: int = 8
    mix_rows_seeds: list[int] = field(default_factory=lambda: [1, 2, 3])
    mix_cols_seeds: list[int] = field(default_factory=lambda: [4, 5, 6, 7])
    mix_styles: str = "coarse"             # coarse | middle | fine | table
    variation: int = 6
