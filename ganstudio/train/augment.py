"""Differentiable augmentation of everything the discriminator sees, for small data sets.

Two ways to use it (``objective.augment``):

- ``"diffaugment"`` (Zhao et al. 2020): every real and every generated image passes through
  the same random, differentiable transformations before D scores it (each sample gets its
  own random draw), so D cannot memorise a few hundred images and G still gets gradients
  through the transformations.  Probability 1 per operation.
- ``"ada"`` (Karras et al. 2020, adaptive discriminator augmentation): each operation is
  applied to each sample with probability p, and p follows the overfitting heuristic
  r_t = E[sign(D(real))]: every ``ADJUST_EVERY`` steps p moves up when r_t is above
  ``objective.augment_target`` (D is too sure of the reals) and down when below, fast enough
  to go from 0 to 1 in ``objective.augment_speed`` images.  Keeping p below about 0.8 keeps
  the transformations from "leaking" into what G learns (ADA's own finding for this kind of
  operation); p is capped at ``P_MAX``.

The operations (``objective.augment_ops``, any of): ``color`` (brightness, saturation,
contrast), ``translation`` (an integer shift of up to 1/8 of the side, zero fill), ``cutout``
(a zeroed square of half the side).  Images are in [-1, 1]; the colour changes act around each
image's own means, as in DiffAugment.  Every random number comes from the caller's ``rand``
(the trainer's generator, drawn at the global batch size) so runs stay reproducible.
"""
from __future__ import annotations

from typing import Callable

import torch
from torch import Tensor

from ..text import parse_names

AUGMENT_MODES = ("none", "diffaugment", "ada")
OPERATIONS = ("color", "translation", "cutout")
ADJUST_EVERY = 4          # steps between ADA's updates of p
P_MAX = 0.95

Rand = Callable[[tuple], Tensor]   # shape -> U[0, 1) tensor of this process's rows


def parse_ops(text: str) -> tuple[str, ...]:
    """``"color,translation"`` -> ("color", "translation"); ValueError naming the unknown one."""
    return parse_names(text, OPERATIONS)


def _per_sample(u: Tensor, x: Tensor) -> Tensor:
    return u.to(x.device, x.dtype).reshape(-1, *([1] * (x.dim() - 1)))


def color(x: Tensor, rand: Rand) -> Tensor:
    """Brightness +-0.5, saturation x[0, 2] (colour images), contrast x[0.5, 1.5]."""
    n = x.shape[0]
    x = x + _per_sample(rand((n,)) - 0.5, x)
    if x.shape[1] > 1:
        mean = x.mean(dim=1, keepdim=True)
        x = (x - mean) * _per_sample(rand((n,)) * 2, x) + mean
    else:
        rand((n,))          # the same draws whatever the channel count: one stream per op
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    return (x - mean) * _per_sample(rand((n,)) + 0.5, x) + mean


def translation(x: Tensor, rand: Rand, ratio: float = 0.125) -> Tensor:
    """Shift each image by whole pixels, up to ``ratio`` of its side, filling with zeros."""
    n, _, h, w = x.shape
    sy, sx = max(1, int(h * ratio + 0.5)), max(1, int(w * ratio + 0.5))
    dy = (rand((n,)) * (2 * sy + 1)).long().clamp(max=2 * sy) - sy
    dx = (rand((n,)) * (2 * sx + 1)).long().clamp(max=2 * sx) - sx
    rows = torch.arange(h, device=dy.device)[None, :] - dy[:, None]          # source row, N x H
    cols = torch.arange(w, device=dx.device)[None, :] - dx[:, None]          # source col, N x W
    # Index into the zero-padded image: out-of-range sources read the padding.
    rows = (rows.clamp(-1, h) + 1).to(x.device)
    cols = (cols.clamp(-1, w) + 1).to(x.device)
    padded = torch.nn.functional.pad(x, (1, 1, 1, 1))
    batch = torch.arange(n, device=x.device)[:, None, None]
    out = padded.permute(0, 2, 3, 1)[batch, rows[:, :, None], cols[:, None, :]]
    return out.permute(0, 3, 1, 2).contiguous(memory_format=_layout(x))


def cutout(x: Tensor, rand: Rand, ratio: float = 0.5) -> Tensor:
    """Zero one square of ``ratio`` times the side, centred anywhere in each image."""
    n, _, h, w = x.shape
    ch, cw = max(1, int(h * ratio + 0.5)), max(1, int(w * ratio + 0.5))
    cy = (rand((n,)) * (h + 1 - ch % 2)).long().to(x.device)
    cx = (rand((n,)) * (w + 1 - cw % 2)).long().to(x.device)
    ys = torch.arange(h, device=x.device)[None, :]
    xs = torch.arange(w, device=x.device)[None, :]
    inside_y = (ys >= (cy - ch // 2)[:, None]) & (ys < (cy - ch // 2 + ch)[:, None])
    inside_x = (xs >= (cx - cw // 2)[:, None]) & (xs < (cx - cw // 2 + cw)[:, None])
    keep = ~(inside_y[:, :, None] & inside_x[:, None, :])
    return x * keep[:, None].to(x.dtype)


def _layout(x: Tensor) -> torch.memory_format:
    return torch.channels_last if x.dim() == 4 and x.is_contiguous(memory_format=torch.channels_last) \
        and not x.is_contiguous() else torch.contiguous_format


_OPS = {"color": color, "translation": translation, "cutout": cutout}


def augment(x: Tensor, ops: tuple[str, ...], rand: Rand, p: float = 1.0) -> Tensor:
    """``x`` with each of ``ops`` applied, each to each sample with probability ``p``.

    The random draws do not depend on ``p`` (a sample that skips an operation still consumes
    its numbers), so two runs that differ only in p see the same transformations where both
    apply them.
    """
    if p <= 0:
        return x
    n = x.shape[0]
    for name in ops:
        choose = rand((n,)) < p
        moved = _OPS[name](x, rand)
        x = moved if p >= 1 else torch.where(_per_sample(choose, x).bool(), moved, x)
    return x


class AdaptiveP:
    """ADA's controller: p follows r_t = E[sign(D(real logits))] towards ``target``."""

    def __init__(self, target: float, speed_images: float, p: float = 0.0):
        self.target, self.speed_images = float(target), float(speed_images)
        self.p = float(p)
        self.r_t = 0.0
        self._signs = torch.zeros(())     # sum of sign(D(real)) since the last adjustment
        self._count = 0

    def observe(self, real_logits: Tensor) -> None:
        """Accumulate the signs of one D step's real logits (no synchronisation)."""
        self._signs = self._signs.to(real_logits.device) + torch.sign(real_logits.detach().float()).sum()
        self._count += real_logits.shape[0]

    def due(self, step: int) -> bool:
        return (step + 1) % ADJUST_EVERY == 0 and self._count > 0

    def adjust(self, images: int, mean_value: Callable[[Tensor], float]) -> None:
        """Move p after ``images`` real images were seen since the last adjustment;
        ``mean_value`` averages a scalar over the training processes."""
        self.r_t = mean_value(self._signs / self._count)
        step = images / self.speed_images
        self.p = min(P_MAX, max(0.0, self.p + (step if self.r_t > self.target else -step)))
        self._signs, self._count = torch.zeros(()), 0
