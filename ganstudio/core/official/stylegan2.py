"""Official StyleGAN2 generators (stylegan2-ada-pytorch ``training/networks.py``, stylegan3's
``training/networks_stylegan2.py``) onto GAN Studio's own StyleGAN2 network.

The configuration is read from what the pickle recorded about each object (its attributes and
weight shapes), not from the constructor defaults of one code version, so both repositories'
pickles map the same way. Weights map by name; the only official tensors without a
counterpart are the ``resample_filter`` buffers, which must be the standard [1, 3, 3, 1] filter
that our network uses.
"""
from __future__ import annotations

import math

import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from ..nets.layers import resample_kernel
from .unpickler import PersistentObject

FAMILY = "nvlabs-stylegan2"


class UnsupportedNetwork(ValueError):
    """An official network whose configuration GAN Studio's forward pass does not cover."""


def is_stylegan2_generator(G: PersistentObject) -> bool:
    try:
        return G.child("synthesis").children.get("b4") is not None
    except KeyError:
        return False


def _same(values: list, what: str):
    distinct = {repr(v) for v in values}
    if len(distinct) > 1:
        raise UnsupportedNetwork(translate("official", "{0} differs between layers ({1}); GAN "
                                                       "Studio supports one value per network").format(what, ', '.join(sorted(distinct))))
    return values[0] if values else None


def _check_mapping(mapping: PersistentObject, z_dim: int, c_dim: int, w_dim: int) -> tuple[int, float]:
    """(number of layers, lr multiplier) after checking the mapping network fits ours."""
    n = int(mapping.attr("num_layers", 0))
    fcs = [mapping.child(f"fc{i}") for i in range(n)]
    if not fcs:
        raise UnsupportedNetwork(translate("official", "the mapping network has no layers"))
    acts = _same([fc.attr("activation", "linear") for fc in fcs], "the mapping activation")
    if acts != "lrelu":
        raise UnsupportedNetwork(translate("official", "mapping activation {0!r} is not "
                                                       "supported (only 'lrelu', which every "
                                                       "official config uses)").format(acts))
    lr_mul = float(_same([fc.attr("bias_gain", 1.0) for fc in fcs], "the mapping lr multiplier"))
    embed = w_dim if c_dim > 0 else 0
    want_in = [z_dim + embed] + [w_dim] * (n - 1)
    for i, fc in enumerate(fcs):
        shape = tuple(fc.state_dict()["weight"].shape)
        if shape != (w_dim, want_in[i]):
            raise UnsupportedNetwork(translate("official", "mapping.fc{0} has weight shape {1}; GAN "
                                                           "Studio supports embed_features = "
                                                           "layer_features = w_dim ({2})").format(i, shape, (w_dim, want_in[i])))
    if c_dim > 0:
        shape = tuple(mapping.child("embed").state_dict()["weight"].shape)
        if shape != (w_dim, c_dim):
            raise UnsupportedNetwork(translate("official", "mapping.embed has weight shape {0}, "
                                                           "expected {1}").format(shape, (w_dim, c_dim)))
    return n, lr_mul


def _check_synthesis(synthesis: PersistentObject) -> tuple[float | None, int]:
    """(the conv clamp, how many blocks compute in float16) after checking every block and
    layer fits ours."""
    clamps = []
    fp16_blocks = 0
    for name, obj in synthesis.walk("synthesis."):
        if obj.class_name == "SynthesisBlock":
            fp16_blocks += bool(obj.attr("use_fp16", False))
            arch = obj.attr("architecture", "skip")
            if arch != "skip":
                raise UnsupportedNetwork(translate("official", "{0} uses the {1!r} architecture; GAN "
                                                               "Studio reads 'skip' generators (every "
                                                               "official config)").format(name, arch))
        elif obj.class_name == "SynthesisLayer":
            if obj.attr("activation", "lrelu") != "lrelu" or not obj.attr("use_noise", True):
                raise UnsupportedNetwork(translate("official", "{0}: only lrelu layers with noise inputs"
                                                               " are supported").format(name))
            clamps.append(obj.attr("conv_clamp"))
        elif obj.class_name == "ToRGBLayer":
            clamps.append(obj.attr("conv_clamp"))
    clamp = _same(clamps, "conv_clamp")
    return (None if clamp is None else float(clamp)), fp16_blocks


def _channels(state: dict, resolution: int, kwargs: dict) -> tuple[int, int]:
    """channel_base, channel_max: from the recorded kwargs (defaults 32768 / 512), checked
    against the actual weight shapes."""
    synth = kwargs.get("synthesis_kwargs") or kwargs
    base = int(synth.get("channel_base", 32768))
    cmax = int(synth.get("channel_max", 512))
    for r in (2 ** i for i in range(2, int(math.log2(resolution)) + 1)):
        got = state[f"synthesis.b{r}.conv1.weight"].shape[0]
        if got != min(base // r, cmax):
            raise UnsupportedNetwork(translate("official", "block {0} has {1} channels, which "
                                                           "channel_base={2} / channel_max={3} do "
                                                           "not give").format(r, got, base, cmax))
    return base, cmax


def convert(G: PersistentObject) -> tuple[dict, dict[str, torch.Tensor]]:
    """(GAN Studio model config, state dict of our StyleGenerator) for an official G record."""
    k = G.init_kwargs
    z_dim, c_dim, w_dim = (int(G.attr(n, k.get(n, 0))) for n in ("z_dim", "c_dim", "w_dim"))
    resolution = int(G.attr("img_resolution", k.get("img_resolution", 0)))
    channels = int(G.attr("img_channels", k.get("img_channels", 0)))
    mapping = G.child("mapping")
    layers, lr_mul = _check_mapping(mapping, z_dim, c_dim, w_dim)
    clamp, fp16_blocks = _check_synthesis(G.child("synthesis"))
    state = G.state_dict()
    standard = resample_kernel()
    for name in [n for n in state if n.endswith("resample_filter")]:
        f = state.pop(name)
        if f.shape != standard.shape or not torch.allclose(f.float(), standard, atol=1e-6):
            raise UnsupportedNetwork(translate("official", "{0} is not the standard [1, 3, 3, 1] "
                                                           "filter").format(name))
    base, cmax = _channels(state, resolution, k)
    beta = mapping.attr("w_avg_beta", 0.995)
    config = {"family": FAMILY, "z_dim": z_dim, "w_dim": w_dim, "c_dim": c_dim,
              "mapping_layers": layers, "mapping_lr_mul": lr_mul, "channel_base": base,
              "channel_max": cmax, "resolution": resolution, "channels": channels,
              "w_avg_beta": float(beta if beta is not None else 0.995)}
    if clamp is not None:
        config["conv_clamp"] = clamp
    if fp16_blocks:   # the top blocks (num_fp16_res of them) ran in float16 at NVIDIA
        config["num_fp16_res"] = fp16_blocks
    return config, state
