"""Distances between generated images and one target image, for projection (GAN inversion).

NVIDIA's projector measures the distance with VGG16 features downloaded at run time; GAN Studio
works offline, so it uses what ships with the model or needs no weights at all:

- ``"pixel"``: mean squared error of the pixels;
- ``"ssim"``: one minus a multi-scale SSIM, plus an L1 pixel term (the usual mix for image
  restoration: structure from SSIM, colour and brightness from L1);
- ``"d"``: the model's own discriminator features (the output of every resolution block,
  unit-normalised over channels per pixel, LPIPS-style), plus the pixel term; available when the
  checkpoint holds D (GAN Studio checkpoints do);
- any feature extractor passed in (e.g. the shipped Fashion-MNIST classifier), with
  :class:`FeatureDistance`.

Every distance maps a batch of images [N, C, R, R] in [-1, 1] to one value per image [N], so
the same distance ranks a few hundred random starting points in one pass and drives the
optimisation.  :func:`ssim` and :func:`psnr` are also the benchmark's image-quality figures.
"""
from __future__ import annotations

from typing import Callable, Sequence

import torch
import torch.nn.functional as F

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

DISTANCES = ("pixel", "ssim", "d")
FeatureFn = Callable[[torch.Tensor], Sequence[torch.Tensor]]   # images -> feature maps


# --- image-quality figures -----------------------------------------------------------------------

def _gaussian_window(size: int, sigma: float, channels: int, like: torch.Tensor) -> torch.Tensor:
    x = torch.arange(size, dtype=like.dtype, device=like.device) - (size - 1) / 2
    g = torch.exp(-x.square() / (2 * sigma * sigma))
    g = g / g.sum()
    return (g[:, None] * g[None, :]).expand(channels, 1, size, size).contiguous()


def _ssim_maps(a: torch.Tensor, b: torch.Tensor, size: int, sigma: float, data_range: float
               ) -> tuple[torch.Tensor, torch.Tensor]:
    """(luminance map, contrast-structure map) over valid windows, [N, C, H', W'] each."""
    c = a.shape[1]
    size = min(size, a.shape[-1], a.shape[-2])
    win = _gaussian_window(size, sigma, c, a)
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    mu_a, mu_b = F.conv2d(a, win, groups=c), F.conv2d(b, win, groups=c)
    var_a = F.conv2d(a * a, win, groups=c) - mu_a.square()
    var_b = F.conv2d(b * b, win, groups=c) - mu_b.square()
    cov = F.conv2d(a * b, win, groups=c) - mu_a * mu_b
    lum = (2 * mu_a * mu_b + c1) / (mu_a.square() + mu_b.square() + c1)
    cs = (2 * cov + c2) / (var_a + var_b + c2)
    return lum, cs


def ssim(a: torch.Tensor, b: torch.Tensor, data_range: float = 2.0, size: int = 11,
         sigma: float = 1.5) -> torch.Tensor:
    """SSIM of image batches [N, C, H, W] (Wang et al. 2004: Gaussian window 11, sigma 1.5,
    valid windows, averaged over channels and positions) -> [N]. data_range: 2 for [-1, 1],
    255 for pixels."""
    lum, cs = _ssim_maps(a.double(), b.double(), size, sigma, data_range)
    return (lum * cs).flatten(1).mean(1).float()


def psnr(a: torch.Tensor, b: torch.Tensor, data_range: float = 2.0) -> torch.Tensor:
    """Peak signal-to-noise ratio in dB of image batches [N, C, H, W] -> [N] (inf when equal)."""
    mse = (a.double() - b.double()).square().flatten(1).mean(1)
    return (10 * torch.log10(data_range ** 2 / mse)).float()


def ms_ssim(a: torch.Tensor, b: torch.Tensor, scales: int = 3, size: int = 7, sigma: float = 1.0
            ) -> torch.Tensor:
    """A multi-scale SSIM for small images, differentiable: the product over ``scales`` scales
    (each half the size of the one before) of the contrast-structure term, times the luminance
    term at the coarsest scale, with equal exponents; negative terms count as 0. -> [N]."""
    out = None
    for k in range(scales):
        lum, cs = (m.flatten(1).mean(1) for m in _ssim_maps(a, b, size, sigma, 2.0))
        term = cs.clamp_min(0) if k < scales - 1 else (lum * cs).clamp_min(0)
        term = term.clamp_min(1e-4) ** (1.0 / scales)
        out = term if out is None else out * term
        if k < scales - 1:
            if min(a.shape[-2:]) < 2 * 4:
                break
            a, b = F.avg_pool2d(a, 2), F.avg_pool2d(b, 2)
    return out


# --- distances to one target ---------------------------------------------------------------------

class Distance:
    """images [N, C, R, R] in [-1, 1] -> distance to the target per image [N] (differentiable).

    ``distance(images) == distance.compare(distance.embed(images))``; an embedding does not
    depend on the target, so ranking many images against many targets embeds them once."""

    name = "distance"

    def __init__(self, target: torch.Tensor):
        if target.ndim == 3:
            target = target.unsqueeze(0)
        if target.ndim != 4 or target.shape[0] != 1:
            raise ValueError(f"the target is one image [C, R, R], got shape {tuple(target.shape)}")
        self.target = target.detach().float()

    def to(self, device) -> "Distance":
        self.target = self.target.to(device)
        return self

    def embed(self, images: torch.Tensor):
        """What the distance compares of ``images`` (the pixels unless a subclass says otherwise)."""
        return images

    def compare(self, embedded) -> torch.Tensor:
        """The distance [N] of embedded images to the target."""
        raise NotImplementedError

    def __call__(self, images: torch.Tensor) -> torch.Tensor:
        return self.compare(self.embed(images))


class PixelDistance(Distance):
    """Mean squared error of the pixels."""

    name = "pixel"

    def compare(self, images: torch.Tensor) -> torch.Tensor:
        return (images - self.target).square().flatten(1).mean(1)


class SSIMDistance(Distance):
    """(1 - multi-scale SSIM) * alpha + mean absolute pixel error * (1 - alpha): the mix of Zhao
    et al. (2017) for image restoration (alpha 0.84)."""

    name = "ssim"

    def __init__(self, target: torch.Tensor, alpha: float = 0.84):
        super().__init__(target)
        self.alpha = alpha

    def compare(self, images: torch.Tensor) -> torch.Tensor:
        t = self.target.expand(images.shape[0], -1, -1, -1)
        l1 = (images - t).abs().flatten(1).mean(1)
        return self.alpha * (1 - ms_ssim(images, t)) + (1 - self.alpha) * l1


class FeatureDistance(Distance):
    """Sum over feature maps of the mean squared difference of unit-normalised features (each
    pixel's feature vector scaled to length 1, as LPIPS does), plus ``pixel_weight`` times the
    pixel MSE. ``features`` maps images [N, C, R, R] to a list of maps [N, K, H, W] or [N, K]."""

    def __init__(self, target: torch.Tensor, features: FeatureFn, name: str = "features",
                 pixel_weight: float = 1.0):
        super().__init__(target)
        self.features, self.name, self.pixel_weight = features, name, pixel_weight
        self._target_feats = None

    def to(self, device) -> "FeatureDistance":
        super().to(device)
        self._target_feats = None
        return self

    @staticmethod
    def _normalise(f: torch.Tensor) -> torch.Tensor:
        return f / f.square().sum(1, keepdim=True).add(1e-10).sqrt()

    def embed(self, images: torch.Tensor):
        return images, [self._normalise(f) for f in self.features(images)]

    def compare(self, embedded) -> torch.Tensor:
        images, feats = embedded
        if self._target_feats is None:
            with torch.no_grad():
                self._target_feats = self.embed(self.target)[1]
        total = self.pixel_weight * (images - self.target).square().flatten(1).mean(1)
        for f, t in zip(feats, self._target_feats):
            total = total + (f - t).square().sum(1).flatten(1).mean(1)
        return total


def discriminator_features(D: torch.nn.Module) -> FeatureFn:
    """The outputs of a StyleGAN discriminator's resolution blocks (R/2 .. 4) as a feature
    extractor; D's weights are frozen (projection never trains D)."""
    blocks = [getattr(D, f"b{r}") for r in getattr(D, "block_resolutions", ())]
    if not blocks:
        raise ValueError("this discriminator has no resolution blocks to take features from")
    D.requires_grad_(False).eval()

    def features(images: torch.Tensor) -> list[torch.Tensor]:
        out, x = [], images
        for block in blocks:
            x = block(x)
            out.append(x)
        return out
    return features


def make_distance(name: str, target: torch.Tensor, discriminator: torch.nn.Module | None = None
                  ) -> Distance:
    """The distance called ``name`` (one of :data:`DISTANCES`) to ``target`` [C, R, R]."""
    if name == "pixel":
        return PixelDistance(target)
    if name == "ssim":
        return SSIMDistance(target)
    if name == "d":
        if discriminator is None:
            raise ValueError(translate("projection_distance", "the 'd' distance needs the model's discriminator; this file "
                                       "holds none (use 'ssim' or 'pixel')"))
        return FeatureDistance(target, discriminator_features(discriminator), "d")
    raise ValueError(translate("projection_distance", "unknown distance {0!r}: choose one of {1}").format(name, ", ".join(DISTANCES)))

