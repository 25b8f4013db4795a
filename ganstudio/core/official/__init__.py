"""Official NVlabs network pickles (StyleGAN2-ADA, StyleGAN3), opened without NVIDIA's code.

>>> model = read_network_pickle(Path("ffhq.pkl").read_bytes(), "ffhq.pkl")
>>> model.model_config["family"], len(model.state)

The pickle is read by a restricted unpickler (:mod:`.unpickler`): nothing from the file is
imported or executed, the Python source NVlabs stores in it included.  The generator then runs
on GAN Studio's own networks (:mod:`.stylegan2` maps StyleGAN2 weights by name).
"""
from __future__ import annotations

from .families import OFFICIAL_FAMILIES, build_official_generator, official_config
from .loader import NetworkPickleError, OfficialModel, open_network_pickle, read_network_pickle
from .unpickler import ALLOWED, NetworkUnpickler, PersistentObject, PickleRefused, unpickle_network


def looks_like_pickle(raw: bytes) -> bool:
    """A binary pickle stream (protocol 2 or later starts with the PROTO opcode 0x80)."""
    return raw[:1] == b"\x80"


__all__ = ["ALLOWED", "NetworkPickleError", "NetworkUnpickler", "OFFICIAL_FAMILIES", "OfficialModel",
           "PersistentObject", "PickleRefused", "build_official_generator", "looks_like_pickle",
           "official_config", "open_network_pickle", "read_network_pickle", "unpickle_network"]
