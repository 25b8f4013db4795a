"""The network families of models imported from official NVlabs pickles.

``nvlabs-stylegan2`` is GAN Studio's own StyleGAN2 network with the options official configs
add (:class:`~ganstudio.core.nets.stylegan.NVLabsStyleGAN2Config`).  ``nvlabs-stylegan3`` is
the StyleGAN3 generator of :mod:`ganstudio.core.nets.stylegan3`, built from the constructor
keywords the pickle recorded (kept as plain data in ``official_kwargs``).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from torch import nn

from ..config import ConfigError, field, from_dict, in_range, power_of_two
from ..nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator

SG2 = "nvlabs-stylegan2"
SG3 = "nvlabs-stylegan3"
OFFICIAL_FAMILIES = (SG2, SG3)
SG3_MODULE = "ganstudio.core.nets.stylegan3"


@dataclass
class NVLabsStyleGAN3Config:
    """A StyleGAN3 generator (config T or R) imported from an official pickle."""
    family: str = field(SG3, choices=(SG3,), help="network family")
    z_dim: int = field(512, check=in_range(1, 4096), help="size of the latent z")
    c_dim: int = field(0, check=in_range(0, 1 << 20), help="classes (0 = unconditional)")
    w_dim: int = field(512, check=in_range(1, 4096), help="size of the intermediate latent w")
    resolution: int = field(1024, check=power_of_two(8, 1024), help="image size in pixels")
    channels: int = field(3, choices=(1, 3), help="image channels (1 grey, 3 RGB)")
    official_kwargs: dict = field(default_factory=dict, help="the Generator's constructor keywords "
                                                             "as the pickle recorded them")

    def validate(self, prefix: str) -> None:
        k = self.official_kwargs
        for key, mine in (("z_dim", self.z_dim), ("c_dim", self.c_dim), ("w_dim", self.w_dim),
                          ("img_resolution", self.resolution), ("img_channels", self.channels)):
            if k.get(key) != mine:
                raise ConfigError(f"{prefix}.official_kwargs.{key}",
                                  f"is {k.get(key)!r} but the config says {mine!r}")


def official_config(d: dict, prefix: str = "model"):
    """The validated config dataclass of an official family (ConfigError naming the key)."""
    cls = NVLabsStyleGAN2Config if d.get("family") == SG2 else NVLabsStyleGAN3Config
    return from_dict(cls, d, prefix)


def stylegan3_module():
    """The StyleGAN3 network module, or None while it is not part of this installation."""
    try:
        return importlib.import_module(SG3_MODULE)
    except ModuleNotFoundError as e:
        if e.name != SG3_MODULE:
            raise
        return None


def build_official_generator(d: dict) -> nn.Module:
    """A freshly initialised generator of an official family (weights are loaded by the caller)."""
    cfg = official_config(d)
    if cfg.family == SG2:
        return StyleGenerator(cfg)
    module = stylegan3_module()
    if module is None:
        raise ConfigError("model.family", "StyleGAN3 networks are not available in this GAN Studio "
                                          "(ganstudio.core.nets.stylegan3 is missing)")
    try:
        G = module.build_official_sg3(dict(cfg.official_kwargs))
    except ValueError as e:  # an option the StyleGAN3 network does not know or support
        raise ConfigError("model.official_kwargs", str(e)) from None
    G.config = dict(d)  # what the Explorer and exports read: family, resolution, sizes
    for key in ("z_dim", "c_dim", "w_dim"):
        if not hasattr(G, key):
            setattr(G, key, getattr(cfg, key))
    return G
