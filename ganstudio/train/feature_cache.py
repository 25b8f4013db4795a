"""Features of real image sets, cached on disk and keyed by the pixels' hash and the protocol.

Embedding the 10,000 Fashion-MNIST test images with Inception-v3 takes most of an hour on a
laptop CPU; the result (float32 [N, F]) is stored once with the dataset caches
(:mod:`.datacache`) under a key made of the SHA-256 of the uint8 pixels (with their shape) and
the feature protocol's id.  Other images, or another protocol, give another key, so a stale
entry is never used; an unreadable or unwritable cache only means computing again.
"""
from __future__ import annotations

import hashlib
from typing import Callable

import numpy as np
import torch

from .datacache import cache_key, cache_load, cache_save


def images_digest(images: np.ndarray) -> str:
    """SHA-256 of uint8 images [N, C, H, W], their shape included."""
    images = np.ascontiguousarray(images)
    if images.dtype != np.uint8:
        raise ValueError(f"expected uint8 images, got {images.dtype}")
    h = hashlib.sha256(repr(images.shape).encode())
    h.update(memoryview(images).cast("B"))
    return h.hexdigest()


CHUNK = 1000  # images per cache entry: an interrupted embedding keeps its finished chunks


def features_key(images: np.ndarray, protocol_id: str) -> str:
    """The cache key of ``images`` embedded with the feature protocol ``protocol_id``."""
    return cache_key("features", {"protocol": protocol_id, "images": images_digest(images)})


def cached_features(images: np.ndarray, protocol_id: str,
                    compute: Callable[..., torch.Tensor],
                    progress: Callable[[int, int], None] | None = None
                    ) -> tuple[torch.Tensor, bool]:
    """(features of ``images``, whether all of them came from the cache).

    The images are cached in chunks of :data:`CHUNK`, each stored as soon as ``compute``
    (``compute(images, progress)``: uint8 images -> float [n, F], reporting (done, n)) has
    embedded it, so an interrupted run (Ctrl-C) loses at most one chunk.
    ``progress(done, total)`` counts the images embedded so far."""
    images = np.ascontiguousarray(images)
    parts, missing = [], []
    for i in range(0, len(images), CHUNK):
        chunk = images[i:i + CHUNK]
        stored = cache_load(features_key(chunk, protocol_id))
        ok = stored is not None and "features" in stored and len(stored["features"]) == len(chunk)
        parts.append(torch.from_numpy(stored["features"]) if ok else None)
        if not ok:
            missing.append(i)
    total = sum(len(images[i:i + CHUNK]) for i in missing)
    done = 0
    for i in missing:
        chunk = images[i:i + CHUNK]
        def report(d: int, n: int, base: int = done) -> None:
            if progress is not None:
                progress(base + d, total)
        feats = compute(chunk, report).detach().cpu().float()
        cache_save(features_key(chunk, protocol_id), features=feats.numpy())
        parts[i // CHUNK] = feats
        done += len(chunk)
    return torch.cat(parts) if parts else torch.zeros(0, 0), not missing
