"""Growing a trained StyleGAN2 (GAN Studio's own family) to more channels per layer while
keeping what it computes, so that a run can continue wider from where it is (Net2Net's
idea, Chen et al. 2016, for StyleGAN's layers).

Every layer keeps its old weights in the first channels.  The new output channels start from
the wider network's own random initialisation, and every weight that reads a new channel
into an old output starts at zero, so the old outputs, and the generator's image at the end,
are unchanged; the zeros receive gradients at once (the new channels carry signal), so the
new capacity is used as training continues.  Two details keep the outputs exact:

- demodulated convolutions (the generator's 3x3 layers) normalise each filter over its
  inputs, and zero weights add nothing to that norm;
- equalised-learning-rate layers multiply their stored weight by 1 / sqrt(fan-in) at run
  time, so an old weight whose fan-in grows is stored larger by sqrt(new fan-in / old).

The discriminator's last convolution reads the minibatch-stddev channel after the features:
that channel stays last.  That feature is the mean over all channels of each feature's
standard deviation, so new channels of ordinary size would change it, and with it every logit
(by a quarter of their size on the shipped Fashion-MNIST model).  So the new channels of the
block feeding it start NEW_FEATURES_SCALE times their usual size (adding almost nothing to the
mean), and the stddev channel's weights grow by new / old channels to make up for the mean
being taken over more of them: the logits stay the same to about 1e-3 of their size.  Adam's
steps do not depend on a gradient's size, so the small new features grow at the usual pace.  The same :class:`Growth` of each tensor also widens Adam's moments
(:func:`grow_moment`), so the optimiser carries on with its statistics instead of restarting.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from types import SimpleNamespace

import torch
from torch import nn

from .stylegan import FREE_ON_RESUME, DiscriminatorEpilogue, channels_per_resolution

WIDTH_KEYS = ("channel_base", "channel_max")
NEW_FEATURES_SCALE = 1e-3   # new channels of D's last block, relative to their initialisation


def widening(old: dict, new: dict) -> str | None:
    """How a StyleGAN model config ``old`` grows into ``new`` ("64 -> 96 channels"), or None
    when ``new`` is not a strictly wider version of ``old`` (another family, another key
    changed, fewer channels at some resolution, spectral normalisation, no change); keys that
    change no weight (``FREE_ON_RESUME``) may differ too."""
    if old.get("family") != "stylegan" or new.get("family") != "stylegan":
        return None
    if any(old.get(k) != new.get(k) for k in set(old) | set(new)
           if k not in WIDTH_KEYS and k not in FREE_ON_RESUME):
        return None
    if old.get("d_spectral_norm") or any(not isinstance(c.get(k), int) or c[k] < 1
                                         for c in (old, new) for k in WIDTH_KEYS + ("resolution",)):
        return None
    a, b = (channels_per_resolution(SimpleNamespace(**c)) for c in (old, new))
    if a == b or any(b[r] < a[r] for r in a):
        return None
    return f"{max(a.values())} -> {max(b.values())} channels"


def wider_model(model: dict, channel_max: int) -> dict:
    """``model`` (a StyleGAN config dict) with at most ``channel_max`` channels per layer and
    ``channel_base`` raised in the same proportion, so that every resolution widens alike
    (64 -> 96 channels: base 2048 -> 3072)."""
    scale = channel_max / model["channel_max"]
    return {**model, "channel_max": int(channel_max),
            "channel_base": max(int(round(model["channel_base"] * scale)), model["channel_base"])}


@dataclass(frozen=True)
class Growth:
    """How one tensor grows: its old and new shape, the factor its old values are stored
    times, the dimension holding the layer's inputs (None for a tensor without one) and how
    many input entries at the end keep their place at the end (the stddev channel)."""
    old_shape: tuple[int, ...]
    new_shape: tuple[int, ...]
    scale: float = 1.0
    inputs: int | None = None
    tail: int = 0
    tail_scale: float = 1.0     # an extra factor for the tail entries (the stddev channel)
    new_rows: float = 1.0       # a factor for the new outputs' fill values

    def _pieces(self, dim: int) -> list[tuple[slice, slice]]:
        """(where in the new tensor, where in the old) for the old entries of dimension dim."""
        o, n = self.old_shape[dim], self.new_shape[dim]
        if dim == self.inputs and self.tail:
            t = self.tail
            return [(slice(0, o - t), slice(0, o - t)), (slice(n - t, n), slice(o - t, o))]
        return [(slice(0, o), slice(0, o))]

    def place(self, old: torch.Tensor, fill: torch.Tensor, new_inputs: float = 0.0) -> torch.Tensor:
        """``fill`` (new shape) with ``old * scale`` in the old entries and ``new_inputs`` where
        an old output reads a new input."""
        if tuple(old.shape) != self.old_shape or tuple(fill.shape) != self.new_shape:
            raise ValueError(f"expected {self.old_shape} -> {self.new_shape}, "
                             f"got {tuple(old.shape)} -> {tuple(fill.shape)}")
        out = fill.detach().clone()
        if self.new_rows != 1 and out.ndim:
            out[self.old_shape[0]:] *= self.new_rows
        if self.inputs is not None and self.old_shape[self.inputs] != self.new_shape[self.inputs]:
            o, n = self.old_shape[self.inputs], self.new_shape[self.inputs]
            index = [slice(None)] * out.ndim
            index[0] = slice(0, self.old_shape[0])            # the old outputs ...
            index[self.inputs] = slice(o - self.tail, n - self.tail)  # ... reading new inputs
            out[tuple(index)] = new_inputs
        old = old.detach().to(out.dtype) * self.scale
        for pieces in itertools.product(*(self._pieces(d) for d in range(old.ndim))):
            dst = tuple(d for d, _ in pieces)
            out[dst] = old[tuple(src for _, src in pieces)]
            if self.tail_scale != 1 and self.tail and pieces[self.inputs][0].start > 0:
                out[dst] *= self.tail_scale
        return out


def growths(old_state: dict[str, torch.Tensor], new_net: nn.Module) -> dict[str, Growth]:
    """name -> :class:`Growth` for every parameter and buffer of ``new_net`` (a wider StyleGAN
    generator or discriminator) given the narrower network's state dict."""
    new_state = new_net.state_dict()
    missing = sorted(set(new_state) ^ set(old_state))
    if missing:
        raise ValueError(f"the networks differ in more than width: {missing[:3]}")
    tails, feeders = {}, set()
    for name, m in new_net.named_modules():
        if isinstance(m, DiscriminatorEpilogue):
            tails[f"{name}.conv.weight"] = m.mbstd.num_channels
    if tails and getattr(new_net, "block_resolutions", None):
        last = f"b{new_net.block_resolutions[-1]}"        # the block whose output D's epilogue reads
        feeders = {f"{last}.conv1.weight", f"{last}.conv1.bias", f"{last}.skip.weight"}
    gained = {f"{name}.weight" for name, m in new_net.named_modules()
              if hasattr(m, "weight_gain") and isinstance(getattr(m, "weight", None), nn.Parameter)}
    out = {}
    for name, new in new_state.items():
        a, b = tuple(old_state[name].shape), tuple(new.shape)
        if len(a) != len(b) or any(x > y for x, y in zip(a, b)):
            raise ValueError(f"{name}: {list(a)} cannot grow into {list(b)}")
        weight = name.endswith("weight") and len(b) >= 2
        scale = 1.0
        if weight and name in gained:   # equalised learning rate: gain 1 / sqrt(fan-in)
            scale = math.sqrt(math.prod(b[1:]) / math.prod(a[1:]))
        tail = tails.get(name, 0)
        # the stddev channel: its mean is now over (new - tail) feature channels, not (old - tail)
        tail_scale = (b[1] - tail) / (a[1] - tail) if tail else 1.0
        out[name] = Growth(a, b, scale, 1 if weight else None, tail, tail_scale,
                           NEW_FEATURES_SCALE if name in feeders else 1.0)
    return out


def widen_state(old_state: dict[str, torch.Tensor], new_net: nn.Module,
                fill: dict[str, torch.Tensor] | None = None) -> dict[str, torch.Tensor]:
    """The state dict for ``new_net`` that computes what ``old_state`` did.  New channels take
    ``fill``'s values (default: ``new_net``'s own initialisation); pass the same ``fill`` to
    widen a generator and its EMA copy alike."""
    fill = new_net.state_dict() if fill is None else fill
    return {name: g.place(old_state[name], fill[name])
            for name, g in growths(old_state, new_net).items()}


def grow_moment(old: torch.Tensor, growth: Growth, power: int) -> torch.Tensor:
    """An Adam moment of a widened tensor: a gradient scales as 1 / the stored scale, so the
    first moment (power 1) is divided by it and the second (power 2) by its square; new
    entries start at 0 (first moment) or the mean of the old ones (second), so that the
    first steps of the new weights are of the usual size."""
    if growth.old_shape == growth.new_shape:
        return old.clone()
    moved = Growth(growth.old_shape, growth.new_shape, growth.scale ** -power, growth.inputs,
                   growth.tail, growth.tail_scale ** -power)
    value = float(old.mean() * growth.scale ** -power) if power == 2 else 0.0
    return moved.place(old, torch.full(growth.new_shape, value, dtype=old.dtype), value)
