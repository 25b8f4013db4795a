"""How many samples a generator can synthesise at once without holding more than a budget of
activations (about 1 GB): big StyleGAN models are rendered in chunks of that many samples.

The estimate reads the synthesis network's structure (channels and sizes per block or layer)
and counts the float32 tensors alive at the peak of the costliest block; it errs on the large
side, so a chunk stays within the budget.
"""
from __future__ import annotations

import math

import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

ACTIVATION_BUDGET_BYTES = 1 << 30   # at most about this much activation memory per chunk
FLOAT_BYTES = 4


def _stylegan2_bytes(synthesis) -> int:
    """Per sample: the peak block of a StyleGAN2 synthesis network (input features and their
    modulated copy, the four-phase upsampling conv's output and its interleaved image, the
    image so far and its upsampled copy)."""
    peak = 0
    for res in synthesis.block_resolutions:
        block = getattr(synthesis, f"b{res}")
        out_ch = int(block.conv1.weight.shape[0])
        in_ch = int(block.conv0.weight.shape[1]) if hasattr(block, "conv0") else 0
        floats = 2 * in_ch * (res // 2) ** 2 + 2 * out_ch * res * res + 2 * synthesis.img_channels * res * res
        peak = max(peak, floats)
    return peak * FLOAT_BYTES


def _stylegan3_bytes(synthesis) -> int:
    """Per sample: the peak layer of a StyleGAN3 synthesis network (its input, and the output
    of the modulated conv upsampled to the filtered non-linearity's rate, twice)."""
    peak = 0
    for name in synthesis.layer_names:
        layer = getattr(synthesis, name)
        in_f = int(layer.in_channels) * int(layer.in_size) ** 2
        up = int(getattr(layer, "up_factor", 2))
        tmp = int(layer.out_channels) * ((int(layer.in_size) + 3) * up) ** 2
        peak = max(peak, in_f + 3 * tmp)
    return peak * FLOAT_BYTES


def _generic_bytes(G) -> int:
    """Per sample, for generators without a described synthesis (MLP, DCGAN): a generous 64
    float feature maps per output pixel and channel."""
    cfg = getattr(G, "config", {}) or {}
    res = int(cfg.get("resolution", 64) or 64)
    ch = int(cfg.get("channels", 3) or 3)
    return 64 * ch * res * res * FLOAT_BYTES


def activation_bytes_per_sample(G: torch.nn.Module) -> int:
    """Estimated peak activation memory (bytes) of synthesising one sample with ``G``."""
    synthesis = getattr(G, "synthesis", None)
    try:
        if synthesis is not None and hasattr(synthesis, "block_resolutions") and hasattr(synthesis, "ws_rows"):
            return max(1, _stylegan2_bytes(synthesis))
        if synthesis is not None and hasattr(synthesis, "layer_names"):
            return max(1, _stylegan3_bytes(synthesis))
    except (AttributeError, TypeError, ValueError):
        pass  # an unexpected layout: fall back to the generic estimate
    return max(1, _generic_bytes(G))


def chunk_size(G: torch.nn.Module, budget_bytes: int = ACTIVATION_BUDGET_BYTES) -> int:
    """Samples per forward pass so that activations stay within ``budget_bytes`` (at least 1)."""
    if budget_bytes <= 0:
        raise ValueError(translate("activation_memory", "the activation budget must be positive, "
                                                        "got {0} bytes").format(budget_bytes))
    return max(1, math.floor(budget_bytes / activation_bytes_per_sample(G)))
