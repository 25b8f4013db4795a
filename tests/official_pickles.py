"""Hand-built official network pickles for the tests: no NVIDIA code is involved.

``torch_utils.persistence`` pickles every network object as
``_reconstruct_persistent_obj(meta)`` with ``meta = dict(type="class", version=6,
module_src=<the module's Python source>, class_name=..., state=<the object's __dict__>)``.
:func:`network_pickle` writes that structure for any torch module tree, naming each object
with the official class name. The fake ``module_src`` creates a marker file if it is ever
executed, so the tests can prove it never is.
"""
from __future__ import annotations

import collections
import pickle
import sys
import types

import numpy as np
import torch
from torch import nn

from ganstudio.core.config import from_dict
from ganstudio.core.nets.layers import resample_kernel
from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator

OFFICIAL_NAMES = {  # GAN Studio class -> official class (networks_stylegan2.py)
    "StyleGenerator": "Generator", "SynthesisNetwork": "SynthesisNetwork",
    "SynthesisBlock": "SynthesisBlock", "SynthesisLayer": "SynthesisLayer",
    "ToRGBLayer": "ToRGBLayer", "MappingNetwork": "MappingNetwork",
    "EqualLinear": "FullyConnectedLayer",
}


def _reconstruct_persistent_obj(meta):  # only its name is pickled; never called
    raise AssertionError("the test's reconstructor must never run")


class EasyDict(dict):
    """Pickled under NVlabs' name dnnlib.util.EasyDict."""


_reconstruct_persistent_obj.__module__ = "torch_utils.persistence"
EasyDict.__module__ = "dnnlib.util"


class Persistent:
    """Pickles as NVlabs' persistent object of ``class_name`` with ``state``."""

    def __init__(self, class_name: str, state: dict, module_src: str):
        self.class_name, self.state, self.module_src = class_name, state, module_src

    def __reduce__(self):
        meta = dict(type="class", version=6, module_src=self.module_src,
                    class_name=self.class_name, state=self.state)
        return _reconstruct_persistent_obj, (meta,)


def marker_source(marker) -> str:
    """Python source that would leave a file behind if anyone executed it."""
    return f"open({str(marker)!r}, 'w').write('module_src was executed')\n"


def _attributes(m: nn.Module) -> dict:
    """The plain attributes the official objects carry (what the loader reads)."""
    official = OFFICIAL_NAMES.get(type(m).__name__, type(m).__name__)
    if official == "SynthesisLayer":
        return {"conv_clamp": m.conv_clamp, "activation": "lrelu", "use_noise": True,
                "resolution": m.resolution, "up": 2 if m.up else 1,
                "act_gain": np.sqrt(np.float64(2)),                     # NumPy values, as in
                "in_size": np.array([m.resolution] * 2, dtype=np.int64)}  # the official objects
    if official == "ToRGBLayer":
        return {"conv_clamp": m.conv_clamp}
    if official == "SynthesisBlock":
        return {"architecture": "skip", "resolution": m.resolution, "use_fp16": m.use_fp16}
    if official == "FullyConnectedLayer":
        return {"activation": m.activation, "bias_gain": m.bias_gain, "weight_gain": m.weight_gain}
    if official == "MappingNetwork":
        return {"z_dim": m.z_dim, "c_dim": m.c_dim, "w_dim": m.w_dim, "num_ws": m.num_ws,
                "num_layers": m.num_layers, "w_avg_beta": m.w_avg_beta}
    if official == "Generator":
        return {"z_dim": m.z_dim, "c_dim": getattr(m, "c_dim", 0), "w_dim": m.w_dim,
                "img_resolution": m.resolution, "img_channels": m.channels}
    return {}


def persistent_tree(m: nn.Module, module_src: str, rename: bool = True,
                    extra_buffers=None) -> Persistent:
    """The persistent-object structure of module ``m`` (parameters, persistent buffers,
    children, attributes), the way NVlabs' code pickles it. ``rename``: give GAN Studio's
    StyleGAN2 classes their official names and attributes (else keep the class names)."""
    names = OFFICIAL_NAMES if rename else {}
    params = collections.OrderedDict((k, nn.Parameter(v.detach().clone(), requires_grad=False))
                                     for k, v in m._parameters.items() if v is not None)
    buffers = collections.OrderedDict((k, v.detach().clone()) for k, v in m._buffers.items()
                                      if v is not None and k not in m._non_persistent_buffers_set)
    for k, v in (extra_buffers(m) if extra_buffers else {}).items():
        buffers[k] = v
    state = {"training": False, "_parameters": params, "_buffers": buffers,
             "_non_persistent_buffers_set": set(),
             "_forward_hooks": collections.OrderedDict(),
             "_modules": collections.OrderedDict(
                 (k, persistent_tree(c, module_src, rename, extra_buffers)) for k, c in m._modules.items()),
             "_init_args": (), "_init_kwargs": {}}
    if rename:
        state.update(_attributes(m))
    return Persistent(names.get(type(m).__name__, type(m).__name__), state, module_src)


def official_resample_filters(m: nn.Module) -> dict:
    """Official SynthesisBlock / SynthesisLayer objects store their filter as a buffer."""
    if type(m).__name__ in ("SynthesisBlock", "SynthesisLayer"):
        return {"resample_filter": resample_kernel()}
    return {}


def sg2_generator_record(G, module_src: str) -> Persistent:
    """An official StyleGAN2 G_ema for our StyleGenerator ``G``, with its init kwargs."""
    rec = persistent_tree(G, module_src, extra_buffers=official_resample_filters)
    cfg = G.config
    rec.state["_init_kwargs"] = {
        "z_dim": cfg["z_dim"], "c_dim": cfg.get("c_dim", 0), "w_dim": cfg["w_dim"],
        "img_resolution": cfg["resolution"], "img_channels": cfg["channels"],
        "mapping_kwargs": EasyDict(num_layers=cfg["mapping_layers"]),
        "synthesis_kwargs": EasyDict(channel_base=cfg["channel_base"], channel_max=cfg["channel_max"],
                                     num_fp16_res=4, conv_clamp=cfg.get("conv_clamp"))}
    return rec


def network_pickle(G_record, protocol: int = 4, **extra) -> bytes:
    """The bytes of an official network snapshot dict holding ``G_record`` as G and G_ema."""
    return _pickled(lambda data: pickle.dumps(data, protocol=protocol), G_record, extra)


def write_network_pickle(path, G_record, protocol: int = 4, **extra) -> None:
    """:func:`network_pickle` streamed to ``path`` (a full-size snapshot never sits in memory
    twice): pass ``G=``, ``D=`` records to give them storages of their own."""
    with open(path, "wb") as f:
        _pickled(lambda data: pickle.dump(data, f, protocol=protocol), G_record, extra)


def _pickled(dump, G_record, extra):
    data = {"G": G_record, "D": None, "G_ema": G_record, "augment_pipe": None,
            "training_set_kwargs": EasyDict(path="~/datasets/ffhq.zip", use_labels=False, xflip=True),
            **extra}
    fake = {"torch_utils": types.ModuleType("torch_utils"),
            "torch_utils.persistence": types.ModuleType("torch_utils.persistence"),
            "dnnlib": types.ModuleType("dnnlib"), "dnnlib.util": types.ModuleType("dnnlib.util")}
    fake["torch_utils.persistence"]._reconstruct_persistent_obj = _reconstruct_persistent_obj
    fake["dnnlib.util"].EasyDict = EasyDict
    saved = {k: sys.modules.get(k) for k in fake}
    sys.modules.update(fake)  # only so that pickle can name them; removed right after
    try:
        return dump(data)
    finally:
        for k, v in saved.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v


CFG = dict(family="nvlabs-stylegan2", z_dim=8, w_dim=8, c_dim=3, mapping_layers=2, channel_base=128,
           channel_max=16, resolution=16, channels=3, conv_clamp=256.0, w_avg_beta=0.998)


def official_like(seed: int = 0, **overrides) -> StyleGenerator:
    """Our StyleGAN2 G in an official configuration, with non-trivial biases, noise and w_avg."""
    torch.manual_seed(seed)
    G = StyleGenerator(from_dict(NVLabsStyleGAN2Config, {**CFG, **overrides})).eval()
    with torch.no_grad():
        for name, p in G.named_parameters():
            if name.endswith("noise_strength"):
                p.fill_(0.4)
            elif name.endswith("bias"):
                p.add_(torch.randn_like(p) * 0.2)
        G.mapping.w_avg.normal_()
    return G.requires_grad_(False)


def write_snapshot(path, make_record, D_record=None, protocol: int = 4) -> None:
    """A full official snapshot at ``path``: G, D and G_ema, each with storages of its own, as
    a training run writes them.  ``make_record()`` returns a fresh generator record (called
    twice: G and G_ema); D is ``D_record``, else a third, generator-sized record."""
    G_ema = make_record()
    write_network_pickle(path, G_ema, protocol, G=make_record(),
                         D=D_record if D_record is not None else make_record())
