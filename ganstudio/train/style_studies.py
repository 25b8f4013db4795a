"""StyleGAN and evaluation lessons measured on a trained generator (no training needed).

Each study takes a StyleGAN-structured generator (ours, or an official pickle opened into our
classes), runs for seconds on a CPU, and returns named numbers plus pictures; the Explorer's
Lessons tab says what they show.  Qt-free.

- ``mapping``: why the mapping network: the perceptual path length (Karras et al. 2019) of
  straight paths in Z (slerp) and in W (lerp), here with the squared pixel distance of the
  images, scaled by 1/eps^2.  W's paths are the shorter / smoother ones when the mapping
  "unwarps" Z.
- ``demodulation``: what weight demodulation fixes: each synthesis layer's output scale across
  samples with demodulation (as trained) and without it (the styles scale the features
  freely); the ratio of the largest to the smallest per-sample std, averaged over layers.
- ``noise``: where the per-pixel noise acts: the per-pixel std of the image over noise draws
  for one w, and the share of pixels it moves by more than 2 levels of 255.
- ``mixing``: coarse / middle / fine styles: copy one band of w rows from B into A; the mean
  pixel change, and (Fashion-MNIST models) how often the classifier's class changes.
- ``path_length``: what path length regularisation (StyleGAN2) evens out: the per-w length of
  J_w^T y (y random image-space directions), its spread across w (std / mean), the penalty
  E[(length - mean)^2] the regulariser would add, and the samples with the shortest and the
  longest paths (the ones a small step in w changes least / most).
- ``truncation``: why FID alone misleads: precision, recall and the Frechet distance in the
  Fashion-MNIST classifier's feature space (against real test images) at several psi; a
  smaller psi buys precision with recall.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from ..core.imaging import make_grid, to_uint8
from ..core.latent import MIX_PRESETS, mix_ws, mixing_rows, preset_resolutions, sample_z, slerp
from ..core.latent import truncate
from ..core.nets import has_mapping

STUDIES = ("mapping", "demodulation", "noise", "mixing", "path_length", "truncation")
TRUNCATION_PSIS = (0.3, 0.5, 0.7, 1.0)


@dataclass
class StudyResult:
    numbers: dict[str, float] = field(default_factory=dict)
    pictures: dict[str, np.ndarray] = field(default_factory=dict)   # HxWx3 uint8


def _check(G) -> None:
    if not has_mapping(G):
        raise ValueError("these lessons need a StyleGAN generator (mapping + synthesis); "
                         "open a StyleGAN checkpoint or an official pickle")


def _w(G, z: torch.Tensor) -> torch.Tensor:
    return G.mapping(z)


def _render(G, ws: torch.Tensor, noise_mode: str = "const") -> torch.Tensor:
    return G.synthesis(ws, noise_mode=noise_mode).float().clamp(-1, 1)


def _picture(images: torch.Tensor, cols: int) -> np.ndarray:
    arr = to_uint8(images)
    if arr.shape[-1] == 1:
        arr = np.repeat(arr, 3, axis=-1)
    return make_grid(arr, cols=cols)


# --- mapping: path lengths in Z and W -----------------------------------------------------------

@torch.no_grad()
def mapping_study(G, n: int = 64, eps: float = 1e-2, seed: int = 0) -> StudyResult:
    _check(G)
    gen = torch.Generator().manual_seed(seed)
    z0 = torch.randn(n, G.z_dim, generator=gen)
    z1 = torch.randn(n, G.z_dim, generator=gen)
    t = torch.rand(n, generator=gen) * (1 - eps)
    lengths = {}
    for space in ("z", "w"):
        if space == "z":
            za = torch.stack([slerp(z0[i], z1[i], float(t[i])) for i in range(n)])
            zb = torch.stack([slerp(z0[i], z1[i], float(t[i] + eps)) for i in range(n)])
            wa, wb = _w(G, za), _w(G, zb)
        else:
            w0, w1 = _w(G, z0), _w(G, z1)
            tt = t[:, None, None]
            wa, wb = w0.lerp(w1, tt), w0.lerp(w1, tt + eps)
        a, b = _render(G, wa), _render(G, wb)
        d = (a - b).square().flatten(1).mean(1) / eps ** 2
        lo, hi = np.percentile(d.numpy(), [1, 99])
        keep = d[(d >= lo) & (d <= hi)]
        lengths[space] = float(keep.mean())
    frames = torch.linspace(0, 1, 8)
    strips = []
    for space in ("z", "w"):
        if space == "z":
            ws = _w(G, slerp(z0[0], z1[0], frames))
        else:
            ws = _w(G, z0[:1]).lerp(_w(G, z1[:1]), frames[:, None, None])
        strips.append(_render(G, ws))
    return StudyResult(
        {"path_z": lengths["z"], "path_w": lengths["w"],
         "ratio": lengths["z"] / max(lengths["w"], 1e-12)},
        {"z": _picture(strips[0], 8), "w": _picture(strips[1], 8)})


# --- demodulation ------------------------------------------------------------------------------

def _styled_layers(G) -> list[torch.nn.Module]:
    return [m for m in G.synthesis.modules() if hasattr(m, "demodulate") and hasattr(m, "affine")]


@torch.no_grad()
def demodulation_study(G, n: int = 32, seed: int = 0) -> StudyResult:
    _check(G)
    layers = _styled_layers(G)
    if not layers:
        raise ValueError("this generator has no modulated convolutions that can switch "
                         "demodulation off")
    ws = _w(G, sample_z(seed, n, G.z_dim))
    spreads, pictures = {}, {}
    for on in (True, False):
        stds: list[torch.Tensor] = []
        hooks = [m.register_forward_hook(lambda _m, _i, out: stds.append(
            out.float().flatten(1).std(1))) for m in layers]
        for m in layers:
            m.demodulate = on
        try:
            images = G.synthesis(ws, noise_mode="const").float()
        finally:
            for h in hooks:
                h.remove()
            for m in layers:
                m.demodulate = True
        ratio = [float(s.max() / s.min().clamp_min(1e-12)) for s in stds]
        spreads["on" if on else "off"] = float(np.mean(ratio))
        spreads[f"peak_{'on' if on else 'off'}"] = float(max(float(s.max()) for s in stds))
        pictures["on" if on else "off"] = _picture(images[:8].clamp(-1, 1), 8)
    return StudyResult({"spread_on": spreads["on"], "spread_off": spreads["off"],
                        "peak_on": spreads["peak_on"], "peak_off": spreads["peak_off"]}, pictures)


# --- noise ---------------------------------------------------------------------------------------

@torch.no_grad()
def noise_study(G, draws: int = 16, seed: int = 0) -> StudyResult:
    _check(G)
    ws = _w(G, sample_z(seed, 1, G.z_dim)).expand(draws, -1, -1)
    torch.manual_seed(seed)
    images = _render(G, ws, noise_mode="random")
    levels = (images + 1) * 127.5
    std = levels.std(0).mean(0)                     # [H, W], in uint8 levels
    moved = float((levels.max(0).values - levels.min(0).values).amax(0).gt(2).float().mean())
    heat = (std / std.max().clamp_min(1e-6)).numpy()
    colour = np.stack([heat, heat ** 2, 0.2 + 0 * heat], -1)  # dark -> orange -> yellow
    heat_img = (np.clip(colour, 0, 1) * 255).astype(np.uint8)
    return StudyResult({"mean_std": float(std.mean()), "max_std": float(std.max()),
                        "moved_share": moved},
                       {"draws": _picture(images[:8], 8), "std": heat_img})


# --- style mixing bands --------------------------------------------------------------------------

@torch.no_grad()
def mixing_study(G, n: int = 64, seed: int = 0, classify=None) -> StudyResult:
    """``classify``: images -> class probabilities (class_labels.fashion_classify), or None."""
    _check(G)
    wa = _w(G, sample_z(seed, n, G.z_dim))
    wb = _w(G, sample_z(seed + 1, n, G.z_dim))
    base = _render(G, wa)
    base_cls = None if classify is None else classify(base).argmax(1)
    numbers, rows_shown = {}, []
    for band in MIX_PRESETS:
        res = preset_resolutions(G.block_resolutions, band)
        rows = mixing_rows(G, {r: 1 for r in res})
        mixed = _render(G, mix_ws([wa, wb], rows))
        numbers[f"change_{band}"] = float((mixed - base).abs().mean() * 127.5)
        if base_cls is not None:
            numbers[f"class_{band}"] = float((classify(mixed).argmax(1) != base_cls).float().mean())
        rows_shown.append(mixed[:6])
    grid = torch.cat([base[:6], _render(G, wb)[:6], *rows_shown])
    return StudyResult(numbers, {"grid": _picture(grid, 6)})


# --- path length regularisation --------------------------------------------------------------------

def path_length_study(G, n: int = 64, seed: int = 0) -> StudyResult:
    _check(G)
    from .regularizers import path_lengths
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        ws = _w(G, sample_z(seed, n, G.z_dim))
    torch.manual_seed(seed)
    lengths = torch.cat([path_lengths(G, ws[i:i + 16], generator=gen).detach()
                         for i in range(0, n, 16)])
    mean = float(lengths.mean())
    order = torch.argsort(lengths)
    k = min(8, n // 2)
    with torch.no_grad():
        shown = _render(G, torch.cat([ws[order[:k]], ws[order[-k:]]]))
    return StudyResult({"mean": mean, "cv": float(lengths.std() / max(mean, 1e-12)),
                        "penalty": float((lengths - mean).square().mean()),
                        "shortest": float(lengths.min()), "longest": float(lengths.max())},
                       {"extremes": _picture(shown, k)})


# --- truncation: precision vs recall -------------------------------------------------------------

@torch.no_grad()
def truncation_study(G, classifier, real_images: np.ndarray, n: int = 1000, seed: int = 0,
                     psis=TRUNCATION_PSIS) -> StudyResult:
    """Classifier-space precision / recall / FD of ``n`` samples at each psi against ``n`` of
    ``real_images`` (uint8 [N, 1, 28, 28])."""
    _check(G)
    from . import image_metrics as im
    from .evaluate import K_NEIGHBOURS, embed, to_classifier_pixels
    real = real_images[np.random.RandomState(seed).permutation(len(real_images))[:n]]
    real_feats, _ = embed(classifier, real)
    radii = im.knn_radii(real_feats.float(), K_NEIGHBOURS)
    ws = _w(G, sample_z(seed + 5, n, G.z_dim))
    numbers, pictures = {}, []
    for psi in psis:
        images = torch.cat([_render(G, truncate(ws[i:i + 250], G.mapping.w_avg, psi))
                            for i in range(0, n, 250)])
        feats, _ = embed(classifier, to_classifier_pixels(to_uint8(images).transpose(0, 3, 1, 2)))
        p, r = im.precision_recall(real_feats, feats, K_NEIGHBOURS, real_radii=radii)
        key = f"{psi:g}"
        numbers[f"precision_{key}"], numbers[f"recall_{key}"] = float(p), float(r)
        numbers[f"fd_{key}"] = float(im.frechet_distance_features(feats, real_feats))
        pictures.append(images[:8])
    return StudyResult(numbers, {"rows": _picture(torch.cat(pictures), 8)})


def _on_cpu(G):
    """G itself when it is on the CPU, else a float32 copy of it there."""
    p = next(iter(G.parameters()), None)
    if p is None or p.device.type == "cpu":
        return G
    import copy
    return copy.deepcopy(G).cpu().eval().requires_grad_(False)


def run_study(key: str, G, fashion: bool) -> StudyResult:
    """Study ``key`` of ``G`` as the lessons run it; ``fashion``: G learned Fashion-MNIST (the
    classifier's class changes in ``mixing``; ``truncation`` needs it). A G on a GPU is
    studied through a float32 copy on the CPU: the studies draw their seeded samples there
    and quote numbers that must be the same on every machine."""
    G = _on_cpu(G)
    if key == "mapping":
        return mapping_study(G)
    if key == "demodulation":
        return demodulation_study(G)
    if key == "noise":
        return noise_study(G)
    if key == "mixing":
        from .class_labels import fashion_classify
        return mixing_study(G, classify=fashion_classify() if fashion else None)
    if key == "path_length":
        return path_length_study(G)
    from .classifier import fashion_mnist_28, load_classifier
    return truncation_study(G, load_classifier(), fashion_mnist_28("test")[0])
