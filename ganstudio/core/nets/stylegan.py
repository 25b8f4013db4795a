"""StyleGAN2-style generator and residual discriminator (official StyleGAN2 structure).

Generator = ``mapping`` (z -> ws [N, num_ws, w_dim], w_avg, truncation) + ``synthesis``
(ws -> image: learned 4x4 constant, one block per resolution, modulated convs with weight
demodulation, noise inputs, ToRGB skips). Discriminator = official "resnet" D with a
minibatch-stddev epilogue. Equalised learning rate everywhere. Synthesis output is linear
(like the official network), i.e. roughly but not strictly in [-1, 1].
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator

import torch
from torch import nn

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from ..config import ConfigError, field, in_range, positive, power_of_two, to_dict
from .layers import (EqualConv2d, EqualLinear, MinibatchStd, apply_spectral_norm, check_shape,
                     pack_samples)
from .stylegan_layers import NOISE_MODES, MappingNetwork, MixedPrecision, SynthesisBlock


# Keys that change no weight (only how D computes): a run may change them when it resumes.
FREE_ON_RESUME = frozenset({"mbstd_group"})


@dataclass
class StyleGANConfig:
    """Config of the StyleGAN family (keys of the plain model dict)."""
    family: str = field("stylegan", choices=("stylegan",), help="network family")
    z_dim: int = field(128, check=in_range(1, 4096), help="size of the latent z")
    w_dim: int = field(128, check=in_range(1, 4096), help="size of the intermediate latent w")
    mapping_layers: int = field(4, check=in_range(1, 8), help="depth of the mapping MLP")
    mapping_lr_mul: float = field(0.01, check=in_range(0, 1, lo_open=True),
                                  help="learning-rate multiplier of the mapping network")
    channel_base: int = field(4096, check=positive, help="channels at res r = min(base // r, max)")
    channel_max: int = field(128, check=positive, help="upper bound on channels per layer")
    resolution: int = field(32, check=power_of_two(8, 256), help="image size in pixels")
    channels: int = field(1, choices=(1, 3), help="image channels (1 grey, 3 RGB)")
    d_spectral_norm: bool = field(False, help="spectral normalisation on every D layer")
    pack: int = field(1, check=in_range(1, 16), help="PacGAN: samples per D decision")
    mbstd_group: int = field(4, check=in_range(1, 256),
                             help="samples per group of D's minibatch-stddev feature (official "
                                  "StyleGAN2: 4; its CIFAR-10 setup: 32)")

    # Fixed for the models GAN Studio trains; keys of NVLabsStyleGAN2Config (imported models).
    c_dim = 0                    # classes of a conditional mapping network; 0 = unconditional
    conv_clamp = None            # clamp conv outputs to +-conv_clamp; None = no clamping
    w_avg_beta = 0.995           # decay of the w_avg moving average
    num_fp16_res = 0             # top resolutions computed in float16 on a GPU (official models)

    def validate(self, prefix: str) -> None:
        if self.channel_base // self.resolution < 1:
            key = f"{prefix}.channel_base" if prefix else "channel_base"
            raise ConfigError(key, translate("nets", "must be >= resolution ({0}) so every layer has at least "
                                             "one channel (got {1})").format(self.resolution, self.channel_base))


@dataclass
class NVLabsStyleGAN2Config(StyleGANConfig):
    """A StyleGAN2 generator imported from an official NVlabs network pickle (stylegan2-ada-pytorch
    or stylegan3's networks_stylegan2): the same network, with what official configs add."""
    family: str = field("nvlabs-stylegan2", choices=("nvlabs-stylegan2",), help="network family")
    z_dim: int = field(512, check=in_range(1, 4096), help="size of the latent z")
    w_dim: int = field(512, check=in_range(1, 4096), help="size of the intermediate latent w")
    mapping_layers: int = field(8, check=in_range(1, 16), help="depth of the mapping MLP")
    channel_base: int = field(32768, check=positive, help="channels at res r = min(base // r, max)")
    channel_max: int = field(512, check=positive, help="upper bound on channels per layer")
    resolution: int = field(1024, check=power_of_two(8, 1024), help="image size in pixels")
    channels: int = field(3, choices=(1, 3), help="image channels (1 grey, 3 RGB)")
    c_dim: int = field(0, check=in_range(0, 1 << 20), help="classes of the conditional mapping "
                                                          "network (0 = unconditional)")
    conv_clamp: float | None = field(None, check=positive, help="clamp conv outputs to "
                                                               "+-conv_clamp (official: 256)")
    w_avg_beta: float = field(0.995, check=in_range(0, 1), help="decay of the w_avg average")
    num_fp16_res: int = field(0, check=in_range(0, 16), help="the top resolutions computed in "
                                                           "float16 on a GPU (official: 4)")


def channels_per_resolution(cfg: StyleGANConfig) -> dict[int, int]:
    """Feature channels at every resolution 4 .. cfg.resolution."""
    res = [2 ** i for i in range(2, int(math.log2(cfg.resolution)) + 1)]
    return {r: min(cfg.channel_base // r, cfg.channel_max) for r in res}


class SynthesisNetwork(nn.Module):
    """ws [N, num_ws, w_dim] -> image [N, C, R, R]; block ``b{res}`` for every resolution.

    ``fused_modconv``: True = grouped conv over per-sample weights, False = scale activations
    around one shared conv (same maths), None = the faster choice per layer (see
    ``stylegan_layers.modulated_conv2d``)."""

    def __init__(self, cfg: StyleGANConfig):
        super().__init__()
        self.w_dim = cfg.w_dim
        self.img_resolution = cfg.resolution
        self.img_channels = cfg.channels
        channels = channels_per_resolution(cfg)
        self.block_resolutions = list(channels)
        self.num_ws = 0
        for res in self.block_resolutions:
            in_ch = channels[res // 2] if res > 4 else 0
            block = SynthesisBlock(in_ch, channels[res], cfg.w_dim, res, cfg.channels,
                                   conv_clamp=cfg.conv_clamp)
            setattr(self, f"b{res}", block)
            self.num_ws += block.num_conv
        self.num_ws += block.num_torgb
        self.fused_modconv: bool | None = None
        self.num_fp16_res = int(getattr(cfg, "num_fp16_res", 0) or 0)
        self.set_fp16()

    def fp16_resolutions(self) -> list[int]:
        """The blocks that compute in float16 on a GPU: as NVIDIA's generator decides, every
        block at or above max(2 ** (log2(R) + 1 - num_fp16_res), 8) when num_fp16_res > 0."""
        if self.num_fp16_res <= 0:
            return []
        lowest = max(2 ** (int(math.log2(self.img_resolution)) + 1 - self.num_fp16_res), 8)
        return [r for r in self.block_resolutions if r >= lowest]

    def set_fp16(self, enabled: bool = True, on_cpu: bool = False) -> None:
        """Mixed precision as recorded (num_fp16_res): enabled = the fp16 blocks compute in
        float16 on a GPU; on_cpu = on the CPU as well (tests; by default the CPU is float32)."""
        MixedPrecision.mark(((res, getattr(self, f"b{res}")) for res in self.block_resolutions),
                            set(self.fp16_resolutions()) if enabled else set(), on_cpu)

    def ws_rows(self, res: int) -> list[int]:
        """Rows of ws used by block ``res`` (official slicing: block i reads
        ws[idx : idx + num_conv + num_torgb], then idx += num_conv; so a block's ToRGB row is
        also the next block's conv0 row)."""
        start = 0
        for r in self.block_resolutions:
            block = getattr(self, f"b{r}")
            if r == res:
                return list(range(start, start + block.num_conv + block.num_torgb))
            start += block.num_conv
        raise ValueError(f"no block at resolution {res}; blocks: {self.block_resolutions}")

    def run_blocks(self,
                   ws: torch.Tensor,                          # [N, num_ws, w_dim]
                   noise_mode: str = "random",                # as in forward
                   noise_strength: dict[int, float] | None = None,  # as in forward
                   start: int = 0,                            # index of the first block to run
                   x: torch.Tensor | None = None,             # features after block start-1
                   img: torch.Tensor | None = None,           # image so far after block start-1
                   ) -> Iterator[tuple[int, torch.Tensor, torch.Tensor]]:
        """Run blocks ``start ..`` (block i has resolution block_resolutions[i]), yielding
        (res, features [N,ch,res,res], image so far [N,C,res,res]) after each. Starting later
        than 0 resumes a run: x and img must be what block start-1 gave for the same ws."""
        check_shape(ws, (None, self.num_ws, self.w_dim), "ws")
        if noise_mode not in NOISE_MODES:
            raise ValueError(f"noise_mode must be one of {NOISE_MODES}, got {noise_mode!r}")
        strength = dict(noise_strength or {})
        unknown = set(strength) - set(self.block_resolutions)
        if unknown:
            raise ValueError(f"noise_strength has no block at {sorted(unknown)}; "
                             f"blocks: {self.block_resolutions}")
        if not 0 <= start < len(self.block_resolutions):
            raise ValueError(f"start must be a block index 0..{len(self.block_resolutions) - 1}, "
                             f"got {start}")
        if start > 0 and (x is None or img is None):
            raise ValueError("resuming at a later block needs the previous block's x and img")
        fused = self.fused_modconv
        for res in self.block_resolutions[start:]:
            rows = self.ws_rows(res)
            block = getattr(self, f"b{res}")
            x, img = block(x, img, ws[:, rows[0]:rows[-1] + 1], noise_mode=noise_mode,
                           noise_multiplier=strength.get(res, 1.0), fused=fused)
            yield res, x, img

    def _run(self, ws: torch.Tensor, noise_mode: str, noise_strength: dict[int, float] | None,
             ) -> Iterator[tuple[int, torch.Tensor, torch.Tensor]]:
        """Run every block, yielding (res, features, image so far) (see run_blocks)."""
        return self.run_blocks(ws, noise_mode, noise_strength)

    def forward(self,
                ws: torch.Tensor,                             # [N, num_ws, w_dim]
                noise_mode: str = "random",                   # "const" | "random" | "none"
                noise_strength: dict[int, float] | None = None,  # block res -> multiplier
                                                              # of its learned strength; None = 1
                ) -> torch.Tensor:                            # [N, C, R, R], linear output
        img = None
        for _, _, img in self._run(ws, noise_mode, noise_strength):
            pass
        return img

    def block_outputs(self,
                      ws: torch.Tensor,                       # [N, num_ws, w_dim]
                      noise_mode: str = "random",             # as in forward
                      noise_strength: dict[int, float] | None = None,  # as in forward
                      ) -> dict[int, tuple[torch.Tensor, torch.Tensor]]:
        """res -> (features [N, ch, res, res], image so far [N, C, res, res]) for every block."""
        return {res: (x, img) for res, x, img in self._run(ws, noise_mode, noise_strength)}


class StyleGenerator(nn.Module):
    """StyleGAN2 generator: ``synthesis(mapping(z))``."""

    def __init__(self, cfg: StyleGANConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.z_dim, self.w_dim, self.c_dim = cfg.z_dim, cfg.w_dim, cfg.c_dim
        self.resolution, self.channels = cfg.resolution, cfg.channels
        self.synthesis = SynthesisNetwork(cfg)
        self.num_ws = self.synthesis.num_ws
        self.block_resolutions = self.synthesis.block_resolutions
        self.mapping = MappingNetwork(cfg.z_dim, cfg.w_dim, self.num_ws, cfg.mapping_layers,
                                      lr_mul=cfg.mapping_lr_mul, w_avg_beta=cfg.w_avg_beta,
                                      c_dim=cfg.c_dim)

    def ws_rows(self, res: int) -> list[int]:
        """Rows of ws feeding the block at resolution ``res`` (see SynthesisNetwork.ws_rows)."""
        return self.synthesis.ws_rows(res)

    def forward(self,
                z: torch.Tensor,                # [N, z_dim]
                psi: float = 1.0,               # truncation strength, 1 = none
                cutoff: int | None = None,      # truncate rows [:cutoff] only; None = all
                noise_mode: str = "random",     # "const" | "random" | "none"
                update_w_avg: bool = False,     # EMA-update mapping.w_avg (training)
                c: torch.Tensor | None = None,  # [N, c_dim] one-hot classes; None = class 0
                ) -> torch.Tensor:              # [N, C, R, R]
        ws = self.mapping(z, c, psi=psi, cutoff=cutoff, update_w_avg=update_w_avg)
        return self.synthesis(ws, noise_mode=noise_mode)


class DiscriminatorBlock(nn.Module):
    """Residual D block at one resolution: [N, tmp, R, R] -> [N, out, R/2, R/2].
    The first block (in_channels == 0) starts with ``fromrgb``."""

    def __init__(self, in_channels: int, tmp_channels: int, out_channels: int, img_channels: int):
        super().__init__()
        if in_channels == 0:
            self.fromrgb = EqualConv2d(img_channels, tmp_channels, 1, activation="lrelu")
        self.conv0 = EqualConv2d(tmp_channels, tmp_channels, 3, activation="lrelu")
        self.conv1 = EqualConv2d(tmp_channels, out_channels, 3, activation="lrelu", down=2)
        self.skip = EqualConv2d(tmp_channels, out_channels, 1, bias=False, down=2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if hasattr(self, "fromrgb"):
            x = self.fromrgb(x)  # [N, tmp, R, R]
        y = self.skip(x, gain=math.sqrt(0.5))  # [N, out, R/2, R/2]
        x = self.conv1(self.conv0(x), gain=math.sqrt(0.5))
        return x + y


class DiscriminatorEpilogue(nn.Module):
    """4x4 features -> logit: minibatch stddev, conv, fc, out. [N, ch, 4, 4] -> [N, 1]."""

    def __init__(self, in_channels: int, mbstd_group_size: int = 4):
        super().__init__()
        self.mbstd = MinibatchStd(mbstd_group_size, num_channels=1)
        self.conv = EqualConv2d(in_channels + 1, in_channels, 3, activation="lrelu")
        self.fc = EqualLinear(in_channels * 16, in_channels, activation="lrelu")
        self.out = EqualLinear(in_channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv(self.mbstd(x))  # [N, ch, 4, 4]
        return self.out(self.fc(x.flatten(1)))  # [N, 1]


class StyleDiscriminator(nn.Module):
    """Official StyleGAN2 "resnet" discriminator. [N*pack, C, R, R] -> logits [N, 1]."""

    def __init__(self, cfg: StyleGANConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.resolution, self.channels, self.pack = cfg.resolution, cfg.channels, cfg.pack
        channels = channels_per_resolution(cfg)
        self.block_resolutions = sorted(channels, reverse=True)[:-1]  # R .. 8
        for res in self.block_resolutions:
            in_ch = 0 if res == cfg.resolution else channels[res]
            block = DiscriminatorBlock(in_ch, channels[res], channels[res // 2],
                                       img_channels=cfg.channels * cfg.pack)
            setattr(self, f"b{res}", block)
        self.b4 = DiscriminatorEpilogue(channels[4], cfg.mbstd_group)
        if cfg.d_spectral_norm:
            apply_spectral_norm(self)

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        check_shape(img, (None, self.channels, self.resolution, self.resolution), "D input")
        x = pack_samples(img, self.pack)  # [N, pack*C, R, R]
        for res in self.block_resolutions:
            x = getattr(self, f"b{res}")(x)  # [N, ch, res/2, res/2]
        return self.b4(x)
