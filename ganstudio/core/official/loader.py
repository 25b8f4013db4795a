"""Reading an official network pickle into a GAN Studio model: config + generator weights.

Only the generator is used (``G_ema``, else ``G``); ``D``, ``augment_pipe`` and the rest are
read as inert records by the same restricted unpickler and then dropped, their tensors never
leaving the disk (:mod:`.lazy`): opening a config-f 1024 snapshot holds G_ema's weights, not
the whole file.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from ..checkpoint_io import damaged
from ..progress import ProgressFn, stage
from . import lazy, stylegan2
from .families import SG3
from .unpickler import NumpyArray, PersistentObject, PickleRefused, printable

GENERATOR_KEYS = ("G_ema", "G")


class NetworkPickleError(ValueError):
    """A pickle that cannot be opened as an official network; the message says why, ``detail``
    ("" when none) the technical text behind it."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail


@dataclass
class OfficialModel:
    """The generator of an official pickle, as GAN Studio data."""

    model_config: dict                 # family + keys of that family's config
    state: dict                        # state dict of our network (tensors on the CPU)
    source_key: str                    # "G_ema" or "G"
    info: dict = field(default_factory=dict)   # provenance, plain data (kept in the checkpoint)
    sha256: str = ""                           # of the whole file


def plain(obj, depth: int = 0):
    """Pickled kwargs as plain data a weights-only checkpoint can hold."""
    if depth > 20:
        return repr(obj)
    if isinstance(obj, NumpyArray):
        obj = obj.array
    if isinstance(obj, dict):
        return {str(k): plain(v, depth + 1) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v, depth + 1) for v in obj]
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray) and obj.size <= 64:
        return obj.tolist()
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    return repr(obj)


def _generator(data, name: str) -> tuple[PersistentObject, str]:
    if isinstance(data, PersistentObject):
        return data, data.class_name
    if isinstance(data, dict):
        for key in GENERATOR_KEYS:
            if isinstance(data.get(key), PersistentObject):
                return data[key], key
        keys = ", ".join(map(str, list(data)[:8])) or "none"
    else:
        keys = type(data).__name__
    raise NetworkPickleError(translate("official", "{0} is a pickle but holds no network generator "
                                       "(no G_ema or G; found {1})").format(name, keys))


def _stylegan3(G: PersistentObject) -> tuple[dict, dict]:
    k = G.init_kwargs
    sizes = {n: int(G.attr(n, k.get(n, 0))) for n in ("z_dim", "c_dim", "w_dim")}
    config = {"family": SG3, **sizes, "resolution": int(G.attr("img_resolution", k.get("img_resolution", 0))),
              "channels": int(G.attr("img_channels", k.get("img_channels", 0))),
              "official_kwargs": plain(k)}
    return config, G.state_dict()


def _convert(G: PersistentObject, name: str) -> tuple[str, dict, dict]:
    """(kind, model config, state dict) of an official generator record."""
    try:
        if stylegan2.is_stylegan2_generator(G):
            return ("StyleGAN2", *stylegan2.convert(G))
        if "input" in (G.children.get("synthesis") or G).children:
            return ("StyleGAN3", *_stylegan3(G))
    except stylegan2.UnsupportedNetwork as e:
        raise NetworkPickleError(f"{name}: {e}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as e:  # a malformed record
        text = str(e.args[0] if isinstance(e, KeyError) and e.args else e)
        raise NetworkPickleError(translate("official", "{0}: its generator is not a network GAN Studio "
                                           "can read ({1})").format(name, text)) from None
    raise NetworkPickleError(translate("official", "{0}: its generator is neither a StyleGAN2 nor a "
                                       "StyleGAN3 network").format(name))


def read_network_pickle(raw: bytes, name: str, progress: ProgressFn | None = None) -> OfficialModel:
    """Open an official network pickle (its bytes) without running anything from it.

    Raises NetworkPickleError with the reason (a refused global is named), in one line."""
    return open_network_pickle(io.BytesIO(raw), len(raw), name, progress)


def open_network_pickle(file, size: int, name: str, progress: ProgressFn | None = None) -> OfficialModel:
    """Open an official network pickle from a seekable binary ``file`` of ``size`` bytes.

    Only the generator's tensors are read into memory.  ``progress`` gets the fraction done
    (the file is read once to the end, then the generator's storages) and may raise
    :class:`~ganstudio.core.progress.Cancelled`, which propagates as it is.
    Raises NetworkPickleError with the reason (a refused global is named), in one line."""
    try:
        return _read(file, size, name, progress)
    except NetworkPickleError as e:  # names from the file may hold any character
        raise NetworkPickleError(printable(str(e), 400), printable(e.detail, 400)) from None


def _damaged(name: str, e: Exception) -> NetworkPickleError:
    text = str(e).splitlines()[0] if str(e).strip() else type(e).__name__
    return NetworkPickleError(damaged(name), detail=f"{type(e).__name__}: {text}")


def _refused(name: str, e: Exception) -> NetworkPickleError:
    return NetworkPickleError(translate("official", "{0} was not unpickled: {1}. Nothing from the "
                                        "file was run").format(name, e))


def _read(file, size: int, name: str, progress: ProgressFn | None) -> OfficialModel:
    try:
        data, sha = lazy.scan(file, size, stage(progress, 0.0, 0.75))
    except PickleRefused as e:
        raise _refused(name, e) from None
    except Exception as e:  # noqa: BLE001 - whatever a malformed stream raises, it is damaged
        raise _damaged(name, e) from None
    G, key = _generator(data, name)
    if G.class_name != "Generator":
        raise NetworkPickleError(translate("official", "{0}: {1} is a {2}, not a Generator")
                                 .format(name, key, G.class_name))
    try:
        lazy.materialize(G, stage(progress, 0.75, 0.98))
    except PickleRefused as e:
        raise _refused(name, e) from None
    except Exception as e:  # noqa: BLE001
        raise _damaged(name, e) from None
    kind, config, state = _convert(G, name)
    bad = [n for n, t in state.items() if t.dtype.is_floating_point and not torch.isfinite(t).all()]
    if bad:
        raise NetworkPickleError(translate("official", "{0}: the weight {1} contains NaN or inf")
                                 .format(name, bad[0]))
    state = {n: t.float() if t.dtype.is_floating_point else t for n, t in state.items()}
    info = {"kind": kind, "generator": key, "class_name": G.class_name,
            "persistence_version": G.version, "module_source_sha256": G.source_sha256,
            "init_kwargs": plain(G.init_kwargs)}
    if isinstance(data, dict):
        info["pickle_keys"] = [str(k) for k in data]
        if isinstance(data.get("training_set_kwargs"), dict):
            info["training_set_kwargs"] = plain(data["training_set_kwargs"])
    if progress is not None:
        progress(1.0)
    return OfficialModel(config, state, key, info, sha)
