"""Generator / discriminator families, built from one plain config dict.

>>> cfg = default_config("stylegan", resolution=64)
>>> G, D = build_generator(cfg), build_discriminator(cfg)

Every G has ``z_dim``, ``config`` (the validated plain dict, defaults filled in), ``mapping``
(None unless StyleGAN) and ``forward(z)``; every D returns raw logits [N, 1] and takes
``pack`` times as many samples as it returns logits.
"""
from __future__ import annotations

from torch import nn

from ..config import ConfigError, from_dict, to_dict
from .dcgan import DCGANConfig, DCGANDiscriminator, DCGANGenerator
from .mlp import MLPConfig, MLPDiscriminator, MLPGenerator
from .stylegan import StyleDiscriminator, StyleGANConfig, StyleGenerator
from .toy import ToyConfig, ToyDiscriminator, ToyGenerator

FAMILIES = ("mlp", "dcgan", "stylegan", "toy")

NetConfig = MLPConfig | DCGANConfig | StyleGANConfig | ToyConfig

_FAMILY_CLASSES = {  # family -> (config dataclass, generator, discriminator)
    "mlp": (MLPConfig, MLPGenerator, MLPDiscriminator),
    "dcgan": (DCGANConfig, DCGANGenerator, DCGANDiscriminator),
    "stylegan": (StyleGANConfig, StyleGenerator, StyleDiscriminator),
    "toy": (ToyConfig, ToyGenerator, ToyDiscriminator),
}


def _key(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def net_config(d: dict,              # plain model dict; d["family"] picks the family
               prefix: str = "model",  # dotted prefix of keys in error messages
               ) -> NetConfig:
    """The validated config dataclass of ``d`` (ConfigError naming the key if invalid)."""
    if not isinstance(d, dict):
        raise ConfigError(prefix, f"expected a table, got {type(d).__name__}")
    family = d.get("family")
    if family not in FAMILIES:
        what = "missing" if family is None else f"unknown family {family!r}"
        raise ConfigError(_key(prefix, "family"), f"{what}; one of {', '.join(FAMILIES)}")
    return from_dict(_FAMILY_CLASSES[family][0], d, prefix)


def build_generator(d: dict,              # plain model dict (see default_config)
                    prefix: str = "model",  # dotted prefix of keys in error messages
                    ) -> nn.Module:
    """A freshly initialised generator for the validated config ``d``."""
    cfg = net_config(d, prefix)
    return _FAMILY_CLASSES[cfg.family][1](cfg)


def build_discriminator(d: dict,              # plain model dict (same as for the generator)
                        prefix: str = "model",  # dotted prefix of keys in error messages
                        ) -> nn.Module:
    """A freshly initialised discriminator for the validated config ``d``."""
    cfg = net_config(d, prefix)
    return _FAMILY_CLASSES[cfg.family][2](cfg)


def default_config(family: str,   # one of FAMILIES
                   **overrides,   # config keys to change, validated
                   ) -> dict:
    """The plain config dict of ``family`` with every default filled in."""
    return to_dict(net_config({"family": family, **overrides}))


__all__ = [
    "FAMILIES", "NetConfig", "net_config", "build_generator", "build_discriminator",
    "default_config", "MLPConfig", "DCGANConfig", "StyleGANConfig", "ToyConfig",
]
