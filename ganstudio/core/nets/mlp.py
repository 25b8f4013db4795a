"""Fully connected ("vanilla") GAN for small images, as in the course texts.

G: z -> Linear/LeakyReLU(0.2) -> [Linear/BatchNorm/LeakyReLU(0.2)] * (len(hidden) - 1)
   -> Linear -> tanh -> image [N, C, R, R].
D: flattened image (PacGAN: ``pack`` images side by side) -> the mirror of ``hidden``
   with LeakyReLU(0.2) -> one raw logit (no sigmoid; losses apply it).
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from ..config import field, in_range, to_dict
from .layers import apply_spectral_norm, check_shape, pack_samples


def _positive_list(v: list[int]) -> str | None:
    if not v or any(h < 1 or h > 8192 for h in v):
        return "must be a non-empty list of sizes from 1 to 8192"
    return None


@dataclass
class MLPConfig:
    """Config of the MLP family (keys of the plain model dict)."""
    family: str = field("mlp", choices=("mlp",), help="network family")
    z_dim: int = field(100, check=in_range(1, 4096), help="size of the latent z")
    channels: int = field(1, choices=(1, 3), help="image channels (1 grey, 3 RGB)")
    resolution: int = field(28, check=in_range(8, 128), help="image size in pixels")
    hidden: list[int] = field(default_factory=lambda: [128, 256, 512], check=_positive_list,
                              help="hidden layer sizes of G (D uses them in reverse)")
    d_spectral_norm: bool = field(False, help="spectral normalisation on every D layer")
    pack: int = field(1, check=in_range(1, 16), help="PacGAN: samples per D decision")


class MLPGenerator(nn.Module):
    """z [N, z_dim] -> images [N, C, R, R] in [-1, 1]."""

    mapping = None

    def __init__(self, cfg: MLPConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.z_dim, self.channels, self.resolution = cfg.z_dim, cfg.channels, cfg.resolution
        sizes = [cfg.z_dim, *cfg.hidden]
        layers: list[nn.Module] = []
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
            layers.append(nn.Linear(n_in, n_out))
            if i > 0:
                layers.append(nn.BatchNorm1d(n_out))
            layers.append(nn.LeakyReLU(0.2))
        layers += [nn.Linear(sizes[-1], cfg.channels * cfg.resolution ** 2), nn.Tanh()]
        self.net = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        check_shape(z, (None, self.z_dim), "z")
        x = self.net(z)  # [N, C*R*R]
        return x.view(-1, self.channels, self.resolution, self.resolution)


class MLPDiscriminator(nn.Module):
    """Images [N*pack, C, R, R] -> logits [N, 1]."""

    def __init__(self, cfg: MLPConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.channels, self.resolution, self.pack = cfg.channels, cfg.resolution, cfg.pack
        sizes = [cfg.pack * cfg.channels * cfg.resolution ** 2, *reversed(cfg.hidden)]
        layers: list[nn.Module] = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            layers += [nn.Linear(n_in, n_out), nn.LeakyReLU(0.2)]
        layers.append(nn.Linear(sizes[-1], 1))
        self.net = nn.Sequential(*layers)
        if cfg.d_spectral_norm:
            apply_spectral_norm(self)

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        check_shape(img, (None, self.channels, self.resolution, self.resolution), "D input")
        x = pack_samples(img.flatten(1), self.pack)  # [N, pack*C*R*R]
        return self.net(x)  # [N, 1]
