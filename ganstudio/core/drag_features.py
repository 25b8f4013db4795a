"""The features drag editing (:mod:`ganstudio.core.drag`) pulls on: one intermediate layer of a
StyleGAN synthesis network, read with a forward hook, and sampled at image-pixel positions.

Which layers can be used (:func:`feature_layers`): for GAN Studio's StyleGAN2 network and
official StyleGAN2 pickles, the features of every synthesis block (``b16`` is the 16 x 16
block's; the last block's are the image's size, before its ToRGB); for official StyleGAN3
pickles, every layer but ToRGB (``L5_84_512`` ...), whose margins around the image are cropped
away.

:func:`sample` reads a feature map at pixel positions of the image as if the map had been
resized to the image with bilinear interpolation (DragGAN's idea), without building that big
resized map: pixel centres are whole numbers, x to the right, y down.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .nets import family_name, has_mapping


@dataclass(frozen=True)
class FeatureLayer:
    """One layer whose output drag editing can use."""

    name: str        # "b16" (StyleGAN2 block) or "L5_84_512" (StyleGAN3 layer)
    size: int        # side of the feature map over the image, in samples (margins cropped)
    channels: int
    margin: int      # samples cropped on each side (StyleGAN3 layers: the margin around the image)


def drag_refusal(G) -> str:
    """Why drag editing cannot work on G ("" when it can)."""
    if not has_mapping(G):
        return translate("drag_features", "drag editing moves StyleGAN features: this {0} generator has no mapping "
                                          "network and no w to optimise").format(family_name(G, type(G).__name__))
    synthesis = G.synthesis
    if not (hasattr(synthesis, "block_resolutions") and hasattr(synthesis, "b4")) \
            and not hasattr(synthesis, "layer_names"):
        return translate("drag_features", "drag editing does not know the layers of this {0} synthesis network").format(family_name(G, type(G).__name__))
    if len(feature_layers(G)) == 0:
        return translate("drag_features", "drag editing needs a synthesis network with at least one layer below the image")
    return ""


def feature_layers(G) -> list[FeatureLayer]:
    """The layers drag editing can pull on, coarse to fine."""
    synthesis = G.synthesis
    out = []
    if hasattr(synthesis, "layer_names"):   # StyleGAN3
        for name in synthesis.layer_names[:-1]:
            layer = getattr(synthesis, name)
            rate = int(layer.out_sampling_rate)
            out.append(FeatureLayer(name, rate, int(layer.out_channels), (int(layer.out_size) - rate) // 2))
        return out
    for res in synthesis.block_resolutions:   # StyleGAN2: conv1's output, before the block's ToRGB
        block = getattr(synthesis, f"b{res}")
        out.append(FeatureLayer(f"b{res}", int(res), int(block.conv1.weight.shape[0]), 0))
    return out


def default_feature_layer(G) -> str:
    """DragGAN pulls on the sixth block of a 256-1024 px StyleGAN2 (128 x 128 features):
    here the largest feature map up to min(128, image / 2) samples (the 16 x 16 block of a
    32 px model), for StyleGAN3 the sixth layer (L5)."""
    layers = feature_layers(G)
    if hasattr(G.synthesis, "layer_names"):
        return layers[min(5, len(layers) - 1)].name
    limit = min(128, int(G.synthesis.img_resolution) // 2)
    fitting = [layer for layer in layers if layer.size <= limit]
    return (fitting[-1] if fitting else layers[0]).name


def find_layer(G, name: str) -> FeatureLayer:
    for layer in feature_layers(G):
        if layer.name == name:
            return layer
    names = ", ".join(layer.name for layer in feature_layers(G))
    raise ValueError(translate("drag_features", "drag setting feature_layer: this"
                                                " model has no layer {0!r} (it "
                                                "has {1})").format(name, names))


@contextlib.contextmanager
def captured(G, layer: FeatureLayer):
    """Within the block, ``box[0]`` holds the layer's output of the latest forward pass
    ([N, C, size, size], margins cropped)."""
    module = getattr(G.synthesis, layer.name)
    box: list[torch.Tensor | None] = [None]

    def hook(_module, _inputs, output):
        x = output[0] if isinstance(output, tuple) else output
        if layer.margin:
            m = layer.margin
            x = x[:, :, m:x.shape[2] - m, m:x.shape[3] - m]
        box[0] = x

    handle = module.register_forward_hook(hook)
    try:
        yield box
    finally:
        handle.remove()


def sample(feat: torch.Tensor,      # [1, C, S, S]
           points: torch.Tensor,    # [K, 2] (x, y) in pixels of an image of side `resolution`
           resolution: int,
           ) -> torch.Tensor:       # [K, C]
    """The features at pixel positions, as if ``feat`` were resized to the image bilinearly
    (align_corners=False, edges repeated): exactly what F.interpolate then indexing gives at
    whole pixels, and its bilinear interpolation in between."""
    grid = (points.to(feat.dtype) + 0.5) * (2.0 / resolution) - 1.0
    out = F.grid_sample(feat, grid.reshape(1, 1, -1, 2), mode="bilinear", padding_mode="border",
                        align_corners=False)
    return out[0, :, 0].t()


def disc(centre: torch.Tensor, radius: float, resolution: int) -> torch.Tensor:
    """Whole-pixel positions [K, 2] (x, y) within ``radius`` of ``centre`` (x, y), inside the
    image; at least the pixel nearest the centre."""
    r = int(radius) + 1
    cx, cy = float(centre[0]), float(centre[1])
    xs = torch.arange(max(0, int(cx) - r), min(resolution, int(cx) + r + 2), dtype=torch.float32)
    ys = torch.arange(max(0, int(cy) - r), min(resolution, int(cy) + r + 2), dtype=torch.float32)
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    pts = torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)
    d = ((pts[:, 0] - cx) ** 2 + (pts[:, 1] - cy) ** 2).sqrt()
    inside = pts[d <= radius]
    if inside.shape[0] == 0:
        inside = pts[d.argmin()].reshape(1, 2)
    return inside
