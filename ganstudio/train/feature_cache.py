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


def features_key(images: np.ndarray, protocol_id: str) -> str:
    """The cache key of ``images`` embedded with the feature protocol ``protocol_id``."""
    return cache_key("features", {"protocol": protocol_id, "images": images_digest(images)})


def cached_features(images: np.ndarray, protocol_id: str,
                    compute: Callable[[np.ndarray], torch.Tensor]) -> tuple[torch.Tensor, bool]:
    """(features of ``images``, whether they came from the cache).

    ``compute(images)`` runs on a miss; its float [N, F] result is stored for next time."""
    key = features_key(images, protocol_id)
    stored = cache_load(key)
    if stored is not None and "features" in stored and len(stored["features"]) == len(images):
        return torch.from_numpy(stored["features"]), True
    feats = compute(images)
    cache_save(key, features=feats.detach().cpu().float().numpy())
    return feats, False
