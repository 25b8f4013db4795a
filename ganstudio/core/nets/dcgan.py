"""DCGAN at 28, 32 and 64 pixels, in two layouts.

``layout = "radford"`` (Radford et al.):
G: z -> transposed conv to a 4x4 map (7x7 at 28 px) -> 2x transposed-conv blocks with
   BatchNorm + ReLU -> transposed conv to C channels -> tanh.
D: strided 4x4 convs with LeakyReLU(0.2) (BatchNorm after all but the first, unless spectral
   norm is on) down to 4x4 (7x7 at 28 px), then one conv whose kernel is that final size -> [N, 1].
   The last kernel is computed from the actual spatial size, so every offered size works.

``layout = "course"`` (the DCGAN of the course's first lesson, seed 000):
G: z -> linear to 2b channels at R/4 x R/4 -> BatchNorm -> [nearest 2x upsample, 3x3 conv,
   BatchNorm, ReLU] twice (2b then b channels) -> 3x3 conv to C channels -> tanh.
D: four 3x3 stride-2 convs (b/4, b/2, b, 2b channels), each followed by LeakyReLU(0.2),
   Dropout2d(0.25) and (all but the first) BatchNorm, then a linear layer -> [N, 1] logits.
   Corrected: the course sizes that linear layer for a 1x1 map, but four stride-2 convs leave
   2x2 of a 28-pixel image; ours is sized from the actual map.  (b = base_channels; 64 gives
   the course's channel counts.)  Both nets keep PyTorch's default initialisation, as the
   course does.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from ..config import field, in_range, to_dict
from .layers import apply_spectral_norm, check_shape, pack_samples

# resolution -> (size of the first feature map, number of 2x stages) of the radford layout
GEOMETRY = {28: (7, 2), 32: (4, 3), 64: (4, 4)}
LAYOUTS = ("radford", "course")
COURSE_D_STAGES = 4      # the course D's stride-2 convs


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
    layout: str = field("radford", choices=LAYOUTS,
                        help="radford: transposed convs (Radford et al.); course: upsample + "
                             "3x3 convs and a dropout D, as in the course's first lesson")


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


class UpsampleConv(nn.Conv2d):
    """Nearest-neighbour 2x upsampling followed by a 3x3 convolution (padding 1), computed as
    ONE stride-2 transposed convolution of the small input with a 4x4 kernel: the same function
    with 16 instead of 36 multiply-adds per input pixel and channel pair, and a backward pass
    that is two plain convolutions (no slicing or stacking of phase images).

    Along each axis, output pixel 2i + a sees input rows i - 1 + a .. i + a: phase 0 weighs
    them (w0, w1 + w2), phase 1 (w0 + w1, w2). A stride-2 transposed conv with padding 1 gives
    output 2i + a the kernel taps a + 1 and a + 3 (on rows i, i - 1), so its 4 taps are
    (w2, w1 + w2, w0 + w1, w0): ``K = A w A^T`` with the fixed 4x3 matrix ``A`` below.
    The parameters are those of the ``nn.Conv2d(c_in, c_out, 3, padding=1)`` it replaces.
    """

    def __init__(self, c_in: int, c_out: int):
        super().__init__(c_in, c_out, 3, 1, 1)
        taps = torch.tensor([[0, 0, 1], [0, 1, 1], [1, 1, 0], [1, 0, 0]], dtype=torch.float32)
        self.register_buffer("taps", taps, persistent=False)

    def transposed_weight(self) -> torch.Tensor:
        """[c_in, c_out, 4, 4]: the 3x3 kernel merged for nearest upsampling (see above)."""
        a = self.taps.to(self.weight.dtype)
        k = torch.einsum("ka,oiab,lb->iokl", a, self.weight, a)
        if self.weight.is_contiguous(memory_format=torch.channels_last) \
                and not self.weight.is_contiguous():
            k = k.contiguous(memory_format=torch.channels_last)  # the layout oneDNN wants
        return k

    def forward(self, x: torch.Tensor) -> torch.Tensor:   # [n, c_in, h, w] -> [n, c_out, 2h, 2w]
        return F.conv_transpose2d(x, self.transposed_weight(), self.bias, stride=2, padding=1)


def conv_out_size(size: int, kernel: int = 4, stride: int = 2, padding: int = 1) -> int:
    return (size + 2 * padding - kernel) // stride + 1


class DCGANGenerator(nn.Module):
    """z [N, z_dim] -> images [N, C, R, R] in [-1, 1]."""

    mapping = None

    def __init__(self, cfg: DCGANConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.z_dim, self.channels, self.resolution = cfg.z_dim, cfg.channels, cfg.resolution
        self.project = None
        if cfg.layout == "course":
            self._build_course(cfg)
            return
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

    def _build_course(self, cfg: DCGANConfig) -> None:
        b, size = cfg.base_channels, cfg.resolution // 4
        self.project = nn.Linear(cfg.z_dim, 2 * b * size * size)  # z -> 2b x R/4 x R/4
        self.start_shape = (2 * b, size, size)
        self.main = nn.Sequential(
            nn.BatchNorm2d(2 * b),
            UpsampleConv(2 * b, 2 * b),                                     # R/2 x R/2
            nn.BatchNorm2d(2 * b), nn.ReLU(True),
            UpsampleConv(2 * b, b),                                         # R x R
            nn.BatchNorm2d(b), nn.ReLU(True),
            nn.Conv2d(b, cfg.channels, 3, 1, 1), nn.Tanh())

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        check_shape(z, (None, self.z_dim), "z")
        if self.project is not None:
            return self.main(self.project(z).view(z.shape[0], *self.start_shape))
        return self.main(z[:, :, None, None])  # [N, C, R, R]


class DCGANDiscriminator(nn.Module):
    """Images [N*pack, C, R, R] -> logits [N, 1]."""

    def __init__(self, cfg: DCGANConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.channels, self.resolution, self.pack = cfg.channels, cfg.resolution, cfg.pack
        self.head = None
        batch_norm = not cfg.d_spectral_norm
        if cfg.layout == "course":
            self._build_course(cfg, batch_norm)
        else:
            self._build_radford(cfg, batch_norm)
            init_dcgan_weights(self)      # the course keeps PyTorch's default initialisation
        if cfg.d_spectral_norm:
            apply_spectral_norm(self)

    def _build_radford(self, cfg: DCGANConfig, batch_norm: bool) -> None:
        _, stages = GEOMETRY[cfg.resolution]
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

    def _build_course(self, cfg: DCGANConfig, batch_norm: bool) -> None:
        b = cfg.base_channels
        ch = [cfg.pack * cfg.channels] + [max(1, b * 2 ** i // 4) for i in range(COURSE_D_STAGES)]
        layers: list[nn.Module] = []
        size = cfg.resolution
        for i, (c_in, c_out) in enumerate(zip(ch[:-1], ch[1:])):
            # c_in x s x s -> c_out x ceil(s/2) x ceil(s/2)
            layers += [nn.Conv2d(c_in, c_out, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True),
                       nn.Dropout2d(0.25)]
            if batch_norm and i > 0:
                layers.append(nn.BatchNorm2d(c_out))
            size = conv_out_size(size, kernel=3)
        self.main = nn.Sequential(*layers)
        self.head = nn.Linear(ch[-1] * size * size, 1)

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        check_shape(img, (None, self.channels, self.resolution, self.resolution), "D input")
        x = pack_samples(img, self.pack)  # [N, pack*C, R, R]
        if self.head is not None:
            return self.head(self.main(x).flatten(1))  # [N, 1]
        return self.main(x).flatten(1)  # [N, 1]
