"""DCGAN (Radford et al.) at 28, 32 and 64 pixels.

G: z -> transposed conv to a 4x4 map (7x7 at 28 px) -> 2x transposed-conv blocks with
   BatchNorm + ReLU -> transposed conv to C channels -> tanh.
D: strided 4x4 convs with LeakyReLU(0.2) (BatchNorm after all but the first, unless spectral
   norm is on) down to 4x4 (7x7 at 28 px), then one conv whose kernel is that final size -> [N, 1].
   The last kernel is computed from the actual spatial size, so every offered size works.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from ..config import field, in_range, to_dict
from .layers import apply_spectral_norm, check_shape, pack_samples

# resolution -> (size of the first feature map, number of 2x stages)
GEOMETRY = {28: (7, 2), 32: (4, 3), 64: (4, 4)}


@dataclass
class DCGANConfig:
    """Config of the DCGAN family (keys of the plain model dict)."""
    family: str = field("dcgan", choices=("dcgan",), help="network family")
    z_dim: int = field(100, check=in_range(1, 4096), help="size of the latent z")
    channels: int = field(1, choices=(1, 3), help="image channels (1 grey, 3 RGB)")
    resolution: int = field(28, choices=tuple(GEOMETRY), help="image size in pixels")
    base_channels: int = field(64, check=in_range(1, 1024),
                               help="channels of the finest conv layer (ngf = ndf)")
    d_spectral_norm: bool = field(False, help="spectral normalisation on every D layer")
    pack: int = field(1, check=in_range(1, 16), help="PacGAN: samples per D decision")


def init_dcgan_weights(module: nn.Module) -> None:
    """DCGAN initialisation: conv weights ~ N(0, 0.02), BatchNorm scale ~ N(1, 0.02), shift 0."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, 0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1.0, 0.02)
            nn.init.zeros_(m.bias)


def conv_out_size(size: int, kernel: int = 4, stride: int = 2, padding: int = 1) -> int:
    return (size + 2 * padding - kernel) // stride + 1


class DCGANGenerator(nn.Module):
    """z [N, z_dim] -> images [N, C, R, R] in [-1, 1]."""

    mapping = None

    def __init__(self, cfg: DCGANConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.z_dim, self.channels, self.resolution = cfg.z_dim, cfg.channels, cfg.resolution
        start, stages = GEOMETRY[cfg.resolution]
        ch = [cfg.base_channels * 2 ** (stages - 1 - i) for i in range(stages)]
        layers: list[nn.Module] = [  # project: z x 1 x 1 -> ch[0] x start x start
            nn.ConvTranspose2d(cfg.z_dim, ch[0], start, 1, 0, bias=False),
            nn.BatchNorm2d(ch[0]), nn.ReLU(True)]
        for c_in, c_out in zip(ch[:-1], ch[1:]):  # c_in x s x s -> c_out x 2s x 2s
            layers += [nn.ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=False),
                       nn.BatchNorm2d(c_out), nn.ReLU(True)]
        layers += [nn.ConvTranspose2d(ch[-1], cfg.channels, 4, 2, 1, bias=False),  # C x R x R
                   nn.Tanh()]
        self.main = nn.Sequential(*layers)
        init_dcgan_weights(self)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        check_shape(z, (None, self.z_dim), "z")
        return self.main(z[:, :, None, None])  # [N, C, R, R]


class DCGANDiscriminator(nn.Module):
    """Images [N*pack, C, R, R] -> logits [N, 1]."""

    def __init__(self, cfg: DCGANConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.channels, self.resolution, self.pack = cfg.channels, cfg.resolution, cfg.pack
        _, stages = GEOMETRY[cfg.resolution]
        batch_norm = not cfg.d_spectral_norm
        ch = [cfg.pack * cfg.channels] + [cfg.base_channels * 2 ** i for i in range(stages)]
        layers: list[nn.Module] = []
        size = cfg.resolution
        for i, (c_in, c_out) in enumerate(zip(ch[:-1], ch[1:])):
            # c_in x s x s -> c_out x s/2 x s/2
            use_bn = batch_norm and i > 0
            layers.append(nn.Conv2d(c_in, c_out, 4, 2, 1, bias=not use_bn))
            if use_bn:
                layers.append(nn.BatchNorm2d(c_out))
            layers.append(nn.LeakyReLU(0.2, inplace=True))
            size = conv_out_size(size)
        layers.append(nn.Conv2d(ch[-1], 1, size, 1, 0))  # ch x size x size -> 1 x 1 x 1
        self.main = nn.Sequential(*layers)
        init_dcgan_weights(self)
        if cfg.d_spectral_norm:
            apply_spectral_norm(self)

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        check_shape(img, (None, self.channels, self.resolution, self.resolution), "D input")
        x = pack_samples(img, self.pack)  # [N, pack*C, R, R]
        return self.main(x).flatten(1)  # [N, 1]
