"""Exponential moving average of the generator's weights (the model one usually looks at).

The decay is given as a half-life in *images* (StyleGAN2: 10k images), so it does not depend
on the batch size:  beta = 0.5 ** (batch / half_life).  With a ramp-up r the half-life is
capped at ``images_seen * r`` early in training, so the average forgets the random init fast.
"""
from __future__ import annotations

import copy

import torch
from torch import nn


class GeneratorEMA:
    """Holds ``model``, an eval-mode copy of G whose weights trail G's."""

    def __init__(self, G: nn.Module, half_life_images: float, rampup: float = 0.0):
        if half_life_images <= 0:
            raise ValueError("the EMA half-life must be > 0 images")
        self.half_life = float(half_life_images)
        self.rampup = float(rampup)
        self.model = copy.deepcopy(G).eval().requires_grad_(False)
        self._source: nn.Module | None = None       # the G the tensor lists below pair with
        self._params: tuple[list, list] = ([], [])
        self._buffers: tuple[list, list] = ([], [])

    def _pairs(self, G: nn.Module) -> None:
        """Gather the (average, G) parameter and buffer lists once per G, not every update."""
        if G is not self._source:
            self._params = (list(self.model.parameters()), list(G.parameters()))
            pairs = list(zip(self.model.buffers(), G.buffers()))
            self._buffers = ([a for a, _ in pairs], [b for _, b in pairs])
            self._source = G

    def beta(self, batch: int, images_seen: int) -> float:
        half_life = self.half_life
        if self.rampup > 0:
            half_life = min(half_life, images_seen * self.rampup)
        return 0.5 ** (batch / max(half_life, 1e-8))

    @torch.no_grad()
    def update(self, G: nn.Module, batch: int, images_seen: int) -> float:
        """Move the average toward G's current weights; buffers (w_avg, BN stats) are copied."""
        beta = self.beta(batch, images_seen)
        self._pairs(G)
        if self._params[0]:
            torch._foreach_lerp_(*self._params, 1.0 - beta)
        if self._buffers[0]:
            torch._foreach_copy_(*self._buffers)
        return beta

    def load_state_dict(self, state: dict) -> None:
        self.model.load_state_dict(state)

    def state_dict(self) -> dict:
        return self.model.state_dict()
