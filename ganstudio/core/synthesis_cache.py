"""Block-by-block synthesis of a StyleGAN2 network, with a cache of unchanged blocks.

:func:`synthesize` runs ``synthesis.run_blocks`` one block at a time, so that a caller can look
at the image so far (``on_block``: a preview) and give up between blocks (``should_stop``).

:class:`SynthesisCache` keeps the activations (features x, image so far) after every block of
ONE latent (batch 1, e.g. the Explorer's main image).  The next render of a latent whose first
rows of ws and noise settings are unchanged (an edit of fine styles, style mixing of middle or
fine layers, the noise of fine layers) resumes at the first block whose inputs changed, and
gives exactly the pixels of an uncached render.  Random noise stays exact on the CPU: the
random generator's state after every block is kept too.  No Qt in here.
"""
from __future__ import annotations

import time
import weakref
from dataclasses import dataclass, field
from typing import Callable

import torch


class SynthesisCancelled(Exception):
    """Raised by :func:`synthesize` when ``should_stop()`` said to give up between blocks."""


def supports_blocks(synthesis) -> bool:
    """Whether the synthesis network runs block by block (StyleGAN2; not StyleGAN3)."""
    return hasattr(synthesis, "run_blocks") and hasattr(synthesis, "block_resolutions")


@dataclass
class _BlockEntry:
    res: int
    ws_rows: torch.Tensor                  # [1, rows, w_dim]: the ws rows the block read
    noise: tuple                           # (noise_mode, multiplier) the block used
    x: torch.Tensor | None                 # features after the block (None for the last block)
    img: torch.Tensor                      # image so far after the block
    rng_after: torch.Tensor | None         # CPU generator state after the block (random noise)
    ms: float = 0.0                        # what computing the block took


@dataclass
class CacheStats:
    """What the cache saved: blocks reused and the time those blocks had taken to compute (the
    render worker adds the latter to a resumed render's time: what the whole image costs)."""
    blocks_reused: int = 0
    ms_saved: float = 0.0


@dataclass
class SynthesisCache:
    """The activations after each block for the latest batch-1 latent of one synthesis network."""

    stats: CacheStats = field(default_factory=CacheStats)

    def __post_init__(self):
        self._owner: tuple | None = None
        self._synthesis_ref: weakref.ref | None = None
        self._rng_start: torch.Tensor | None = None
        self._entries: list[_BlockEntry] = []

    def clear(self) -> None:
        """Forget every kept activation."""
        self._owner, self._synthesis_ref, self._rng_start = None, None, None
        self._entries = []

    @staticmethod
    def usable(synthesis, ws: torch.Tensor, noise_mode: str) -> bool:
        """Whether this render can use the cache: block-wise synthesis, one latent, and noise
        that can be replayed exactly (const, none, or random drawn on the CPU)."""
        return (supports_blocks(synthesis) and ws.ndim == 3 and ws.shape[0] == 1
                and (noise_mode != "random" or ws.device.type == "cpu"))

    # --- bookkeeping ----------------------------------------------------------------------------
    def _owner_key(self, synthesis, ws: torch.Tensor) -> tuple:
        version = sum(p._version for p in synthesis.parameters())  # in-place weight edits
        return (id(synthesis), version, ws.device, ws.dtype, getattr(synthesis, "fused_modconv", None))

    def _resume_point(self, synthesis, ws, noise_mode, strength) -> int:
        """Index of the first block to run; blocks before it are served from the cache."""
        owner = self._owner_key(synthesis, ws)
        same_net = self._synthesis_ref is not None and self._synthesis_ref() is synthesis
        if not same_net or owner != self._owner:
            self.clear()
            self._owner, self._synthesis_ref = owner, weakref.ref(synthesis)
        if noise_mode == "random":
            state = torch.get_rng_state()
            if self._rng_start is None or not torch.equal(state, self._rng_start):
                self._entries = []
            self._rng_start = state
        start = 0
        for entry in self._entries:
            rows = synthesis.ws_rows(entry.res)
            key = (noise_mode, float(strength.get(entry.res, 1.0)))
            if entry.noise != key or not torch.equal(entry.ws_rows, ws[:, rows[0]:rows[-1] + 1]):
                break
            start += 1
        del self._entries[start:]
        return start

    def _store(self, synthesis, res: int, ws, noise_mode, strength, x, img, last: bool, ms: float) -> None:
        rows = synthesis.ws_rows(res)
        self._entries.append(_BlockEntry(
            res, ws[:, rows[0]:rows[-1] + 1].clone(), (noise_mode, float(strength.get(res, 1.0))),
            None if last else x, img, torch.get_rng_state() if noise_mode == "random" else None, ms))


def synthesize(synthesis,
               ws: torch.Tensor,                                  # [N, num_ws, w_dim]
               noise_mode: str = "const",                         # const | random | none
               noise_strength: dict[int, float] | None = None,    # block res -> multiplier
               cache: SynthesisCache | None = None,               # reuse unchanged blocks (N = 1)
               on_block: Callable[[int, torch.Tensor], None] | None = None,  # (res, image so far)
               should_stop: Callable[[], bool] | None = None,     # True = give up between blocks
               ) -> torch.Tensor:                                 # [N, C, R, R]
    """The synthesis network's image for ``ws``, run block by block where the network allows
    (otherwise in one call). Raises :class:`SynthesisCancelled` when ``should_stop()`` is true
    between blocks. ``on_block`` sees only blocks that actually run (not cached ones)."""
    if not supports_blocks(synthesis):
        if should_stop is not None and should_stop():
            raise SynthesisCancelled()
        return synthesis(ws, noise_mode=noise_mode, noise_strength=noise_strength)
    strength = dict(noise_strength or {})
    use_cache = cache is not None and cache.usable(synthesis, ws, noise_mode)
    start, x, img = 0, None, None
    if use_cache:
        start = cache._resume_point(synthesis, ws, noise_mode, strength)
        cache.stats.blocks_reused += start
        cache.stats.ms_saved += sum(entry.ms for entry in cache._entries[:start])
        if start == len(synthesis.block_resolutions):
            return cache._entries[-1].img
        if start > 0:
            prev = cache._entries[start - 1]
            x, img = prev.x, prev.img
            if noise_mode == "random":
                torch.set_rng_state(prev.rng_after)
    last_res = synthesis.block_resolutions[-1]
    t0 = time.perf_counter()
    for res, x, img in synthesis.run_blocks(ws, noise_mode, noise_strength, start=start, x=x, img=img):
        if use_cache:
            t1 = time.perf_counter()
            cache._store(synthesis, res, ws, noise_mode, strength, x, img, last=res == last_res,
                         ms=(t1 - t0) * 1000)
            t0 = t1
        if on_block is not None:
            on_block(res, img)
        if res != last_res and should_stop is not None and should_stop():
            raise SynthesisCancelled()
    return img
