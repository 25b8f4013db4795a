"""Generator / discriminator families, built from one plain config dict.

>>> cfg = default_config("stylegan", resolution=64)
>>> G, D = build_generator(cfg), build_discriminator(cfg)

Every G has ``z_dim``, ``config`` (the validated plain dict, defaults filled in), ``mapping``
(None unless z goes through w: StyleGAN, a toy with ``mapping_layers``; then ``synthesis``
too) and ``forward(z)``; every D returns raw logits [N, 1] and takes
``pack`` times as many samples as it returns logits.
"""
from __future__ import annotations

import torch
from torch import nn

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

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
        raise ConfigError(prefix, translate("nets", "expected a table, got {0}").format(type(d).__name__))
    family = d.get("family")
    if family not in FAMILIES:
        what = translate("nets", "missing") if family is None else translate("nets", "unknown family {0!r}").format(family)
        raise ConfigError(_key(prefix, "family"), translate("nets", "{0}; one of {1}").format(what, ", ".join(FAMILIES)))
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


def has_mapping(G: nn.Module) -> bool:
    """Whether G is a StyleGAN family generator: a mapping network (z -> ws) and a synthesis
    network (ws -> image). The others (MLP, DCGAN, toy) take z directly."""
    return getattr(G, "mapping", None) is not None and hasattr(G, "synthesis")


def family_name(G: nn.Module, default: str = "this") -> str:
    """G's family as messages name it ("stylegan", "dcgan", ...); ``default`` for a generator
    without a GAN Studio config."""
    return str(getattr(G, "config", {}).get("family", default))


def generate(G: nn.Module,
             z: torch.Tensor,                # [N, z_dim]
             *,
             psi: float = 1.0,               # truncation: towards w_avg (StyleGAN), towards 0 (z)
             noise_mode: str = "const",      # StyleGAN noise inputs: const | random | none
             c: torch.Tensor | None = None,  # [N, c_dim] classes of a conditional model; None =
                                             # class 0
             ) -> torch.Tensor:              # [N, C, R, R] (toy: [N, data_dim])
    """G's output for z, one call for every family. StyleGAN generators (ours and official
    StyleGAN2 / StyleGAN3) map z, truncate every row of ws towards w_avg by psi and synthesise
    with ``noise_mode``; generators without a mapping network take z scaled by psi (the usual
    truncation for them, as the Explorer does)."""
    if not has_mapping(G):
        return G(z if psi == 1 else z * psi)
    return G.synthesis(G.mapping(z, c, psi=psi), noise_mode=noise_mode)


def default_config(family: str,   # one of FAMILIES
                   **overrides,   # config keys to change, validated
                   ) -> dict:
    """The plain config dict of ``family`` with every default filled in."""
    return to_dict(net_config({"family": family, **overrides}))


__all__ = [
    "FAMILIES", "NetConfig", "net_config", "build_generator", "build_discriminator",
    "default_config", "MLPConfig", "DCGANConfig", "StyleGANConfig", "ToyConfig", "has_mapping", "family_name",
    "generate",
]
