"""Small MLPs for 1-D and 2-D toy distributions (mixtures of Gaussians, rings, ...).

G: z [N, z_dim] -> ``layers`` x (Linear, ReLU) -> Linear -> samples [N, data_dim] (no tanh).
D: samples [N*pack, data_dim] -> ``layers`` x (Linear, LeakyReLU 0.2) -> Linear -> logits [N, 1].

With ``mapping_layers`` > 0 the generator is StyleGAN-shaped: a mapping network
z -> ``mapping_layers`` x (Linear, LeakyReLU 0.2) -> Linear -> w (as many numbers as z) feeds
the MLP above, which is then the synthesis network (``G.mapping(z)`` gives ws [N, 1, z_dim],
``G.synthesis(ws)`` the samples), so StyleGAN's regularisers (path length) apply to points.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

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
    mapping_layers: int = field(0, check=in_range(0, 8),
                                help="hidden layers of a mapping network z -> w before G "
                                     "(StyleGAN-shaped; 0 = G takes z)")

    def validate(self, prefix: str) -> None:
        from ..config import ConfigError
        if self.mapping_layers and self.g_linear:
            raise ConfigError(f"{prefix}.mapping_layers",
                              translate("nets", "a linear G (g_linear) takes z directly: set mapping_layers = 0"))


def _mlp(n_in: int, hidden: int, layers: int, n_out: int, activation) -> nn.Sequential:
    sizes = [n_in] + [hidden] * layers
    mods: list[nn.Module] = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        mods += [nn.Linear(a, b), activation()]
    mods.append(nn.Linear(hidden, n_out))
    return nn.Sequential(*mods)


class ToyMapping(nn.Module):
    """z [N, z_dim] -> ws [N, 1, w_dim] (w_dim = z_dim), tracking the average w (w_avg) for
    truncation like StyleGAN's mapping network; z is not normalised (in two dimensions that
    would throw its length away)."""

    num_ws = 1

    def __init__(self, z_dim: int, hidden: int, layers: int, w_avg_beta: float = 0.995):
        super().__init__()
        self.z_dim = self.w_dim = z_dim
        self.w_avg_beta = w_avg_beta
        self.net = _mlp(z_dim, hidden, layers, z_dim, lambda: nn.LeakyReLU(0.2))
        self.register_buffer("w_avg", torch.zeros(z_dim))

    def forward(self, z: torch.Tensor, c: torch.Tensor | None = None, psi: float = 1.0,
                update_w_avg: bool = False) -> torch.Tensor:
        check_shape(z, (None, self.z_dim), "z")
        w = self.net(z)
        if update_w_avg:
            self.w_avg.copy_(w.detach().mean(dim=0).lerp(self.w_avg, self.w_avg_beta))
        if psi != 1.0:
            w = self.w_avg.lerp(w, psi)
        return w[:, None, :]


class ToyGenerator(nn.Module):
    """z [N, z_dim] -> samples [N, data_dim] (through w when it has a mapping network)."""

    def __init__(self, cfg: ToyConfig):
        super().__init__()
        self.config = to_dict(cfg)
        self.z_dim, self.data_dim = cfg.z_dim, cfg.data_dim
        self.w_dim = cfg.z_dim
        self.mapping = ToyMapping(cfg.z_dim, cfg.hidden, cfg.mapping_layers) \
            if cfg.mapping_layers else None
        self.net = nn.Sequential(nn.Linear(cfg.z_dim, cfg.data_dim)) if cfg.g_linear else \
            _mlp(cfg.z_dim, cfg.hidden, cfg.layers, cfg.data_dim, nn.ReLU)

    def synthesis(self, ws: torch.Tensor, noise_mode: str = "const") -> torch.Tensor:
        """ws [N, 1, w_dim] -> samples [N, data_dim] (only with a mapping network; a toy has
        no noise inputs, so ``noise_mode`` changes nothing)."""
        if self.mapping is None:
            raise TypeError("this toy generator has no mapping network: call it with z")
        check_shape(ws, (None, 1, self.w_dim), "ws")
        return self.net(ws[:, 0])

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        check_shape(z, (None, self.z_dim), "z")
        if self.mapping is not None:
            return self.synthesis(self.mapping(z))
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
