"""The named directions of the open model in the Explorer's state (no widgets in here).

``ExplorerState.coeffs`` holds one slider value per direction: first the PCA / SeFa ones
(``directions``), then one per named direction (``named``), so that the direction edit of A,
undo and redo treat both alike."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...core.named_directions import NamedDirection
from ...core.requests import named_sweep
from ...core.render import SweepSpec
from .state_events import Change


@dataclass(frozen=True)
class Labelling:
    """The gallery is being labelled: the attribute's name and what the clicks do (for the strip's title)."""

    name: str
    how: str


class NamedDirectionsState:
    named: list[NamedDirection] = []      # replaced (never mutated) by set_named
    labelling: Labelling | None = None    # set while gallery clicks mark tiles

    def pca_count(self) -> int:
        """How many PCA / SeFa directions come first in ``coeffs``."""
        d = self.directions
        return 0 if d is None else int(d.components.shape[0])

    def named_coeff(self, i: int) -> float:
        return float(self.coeffs[self.pca_count() + i])

    def set_named(self, named: list[NamedDirection]) -> None:
        """Show these named directions; a direction kept by name keeps its slider value."""
        k = self.pca_count()
        old = {d.name: float(self.coeffs[k + i]) for i, d in enumerate(self.named) if k + i < len(self.coeffs)}
        had_edit = self.offset() is not None
        self.named = list(named)
        tail = np.array([old.get(d.name, 0.0) for d in self.named], np.float32)
        self.coeffs = np.concatenate([self.coeffs[:k].astype(np.float32), tail])
        fix = lambda snap: snap if snap[1].shape == self.coeffs.shape else (snap[0], self.coeffs.copy())  # noqa: E731
        self._undo, self._redo = [fix(s) for s in self._undo], [fix(s) for s in self._redo]
        edit = self.offset() is not None
        self._emit(Change.DIRECTIONS, Change.A) if (had_edit or edit) else self._emit(Change.DIRECTIONS)

    def set_labelling(self, labelling: Labelling | None) -> None:
        """Gallery clicks label an attribute (None: they make the tile A again)."""
        self.labelling = labelling
        self._emit(Change.LABELLING)

    def direction_basis(self) -> tuple[np.ndarray, np.ndarray]:
        """(unit directions [K, w_dim], one slider unit of each [K]) in the order of ``coeffs``."""
        comps, scales = [], []
        d = self.directions
        if d is not None:
            comps.append(d.components.numpy())
            scales.append(d.stdevs.numpy())
        if self.named:
            comps.append(np.stack([n.vector for n in self.named]))
            scales.append(np.array([n.scale for n in self.named], np.float32))
        if not comps:
            return np.zeros((0, self.model.w_dim if self.model else 0), np.float32), np.zeros(0, np.float32)
        return np.concatenate(comps).astype(np.float32), np.concatenate(scales).astype(np.float32)

    def named_sweep_spec(self, **kw) -> SweepSpec:
        """The strip's sweep along the named direction ``strip.sweep_name`` (else the first)."""
        if not self.named:
            raise ValueError(QCoreApplication.translate(
                "ExplorerState", "this model has no named directions yet: label the gallery or import a "
                                 "directions file (Latent ▸ Directions)"))
        d = next((n for n in self.named if n.name == self.strip.sweep_name), self.named[0])
        return named_sweep(self.model.G, d, self.direction_rows, **kw)
