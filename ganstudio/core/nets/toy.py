"""Small MLPs for 1-D and 2-D toy distributions (mixtures of Gaussians, rings, ...).

G: z [N, z_dim] -> ``layers`` x (Linear, ReLU) -> Linear -> samples [N, data_dim] (no tanh).
D: samples [N*pack, data_dim] -> ``layers`` x (Linear, LeakyReLU 0.2) -> Linear -> logits [N, 1].
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from ..config import field, in_range, to_dict
from .layers import apply_spectral_norm, check_shape, pack_samples


@dataclass
class ToyConfig:
    """Config of the toy family (keys of the plain model dict)."""
    family: str = field("toy", choices=("toy",), help="network family")
    data_dim: int = field(2, choices=(1, 2), help="dimension of the data (1-D or 2-D)")
    z_dim: int = field(2, check=in_range(1, 256), help="size of the latent z")
    hidden: int = field(128, check=in_range(1, 4096), help="width of every hidden layer")
    layers: int = field(3, check=in_range(1, 8), help="number of hidden layers")
    d_spectral_norm: bool = field(False, help="spectral normalisation on every D layer")
    pack: int = field(1, check=in_range(1, 16), help="PacGAN: samples per D decision")
    g_linear: bool = field(False, help="G is one linear map of z (a Gaussian family): shows "
                                        "which modes a divergence favours")


def _mlp(n_in: int, hidden: int, layers: int, n_out: int, activation) -> nn.Sequential:
    sizes = [n_in] + [hidden] * layers
    mods: list[nn.Module] = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        mods += [nn.Linear(a, b), activation()]
    mods.append(nn.Linear(hidden, n_out))
    return nn.Sequential(*mods)


class ToyGenerator(nn.Module):
    """z [N, z_dim] -> samples [N, data_dim]."""

    mapping = None

    def __init__(self, cfg: ToyConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.z_dim, self.data_dim = cfg.z_dim, cfg.data_dim
        self.net = nn.Sequential(nn.Linear(cfg.z_dim, cfg.data_dim)) if cfg.g_linear else \
            _mlp(cfg.z_dim, cfg.hidden, cfg.layers, cfg.data_dim, nn.ReLU)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        check_shape(z, (None, self.z_dim), "z")
        return self.net(z)


class ToyDiscriminator(nn.Module):
    """Samples [N*pack, data_dim] -> logits [N, 1]."""

    def __init__(self, cfg: ToyConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.data_dim, self.pack = cfg.data_dim, cfg.pack
        self.net = _mlp(cfg.pack * cfg.data_dim, cfg.hidden, cfg.layers, 1,
                        lambda: nn.LeakyReLU(0.2))
        if cfg.d_spectral_norm:
            apply_spectral_norm(self)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_shape(x, (None, self.data_dim), "D input")
        return self.net(pack_samples(x, self.pack))  # [N, 1]
