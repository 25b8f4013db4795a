"""A restricted unpickler for official NVlabs network pickles (StyleGAN2-ADA, StyleGAN3).

An official ``network-snapshot-*.pkl`` is a plain Python pickle. Opened with ``pickle.load`` it
imports NVIDIA's ``torch_utils`` and ``dnnlib`` and *executes the Python source stored inside
the file* (``torch_utils.persistence`` rebuilds every network class from its ``module_src``).
Here no global of the pickle is ever imported: :class:`NetworkUnpickler` answers the few
globals a network pickle needs with harmless stand-ins written in this module, and refuses
every other one, naming it, before anything runs:

==============================================================  ====================================
global in the pickle                                            what it becomes here
==============================================================  ====================================
``torch_utils.persistence._reconstruct_persistent_obj``         :class:`PersistentObject`, a record
                                                                (class name, init kwargs, state);
                                                                its ``module_src`` is never run
``dnnlib.util.EasyDict``                                        :class:`EasyDictRecord` (a plain dict)
``collections.OrderedDict``, ``builtins.set`` / ``frozenset``   the containers themselves
``torch._utils._rebuild_tensor_v2``                             tensor from a storage, types checked
``torch._utils._rebuild_parameter`` (``_with_state``)           that tensor (hooks and state dropped)
``torch.storage._load_from_bytes``                              ``torch.load(weights_only=True)``
``numpy.dtype``, ``numpy.core.multiarray.scalar``,              NumPy numbers and number arrays,
``numpy.core.multiarray._reconstruct``, ``numpy.ndarray``       rebuilt here from their bytes
``_codecs.encode`` (protocol-2 bytes)                           latin-1 text to bytes only
==============================================================  ====================================
"""
from __future__ import annotations

import collections
import hashlib
import io
import pickle
import warnings
from dataclasses import dataclass, field

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

NUMERIC_KINDS = "biufc?"   # bool, signed / unsigned int, float, complex


def printable(text: str, limit: int = 120) -> str:
    """A name from the file, safe to show in a one-line message."""
    text = "".join(c if c.isprintable() else "?" for c in str(text))
    return text if len(text) <= limit else text[:limit] + "…"


class PickleRefused(pickle.UnpicklingError):
    """The pickle needs something a network pickle never needs; nothing from it was run."""


# --- stand-ins -------------------------------------------------------------------------------------

@dataclass
class PersistentObject:
    """What ``torch_utils.persistence`` pickled for one network object, as inert data."""

    class_name: str                 # e.g. "Generator", "SynthesisBlock"
    init_args: tuple = ()
    init_kwargs: dict = field(default_factory=dict)
    state: dict = field(default_factory=dict, repr=False)  # the object's __dict__
    version: int = 0                # torch_utils.persistence format version (6 in 2021)
    source_sha256: str = ""         # of the module source stored in the pickle (not run)
    source_size: int = 0

    @property
    def children(self) -> dict[str, "PersistentObject"]:
        mods = self.state.get("_modules") or {}
        return {k: v for k, v in mods.items() if isinstance(v, PersistentObject)}

    def child(self, name: str) -> "PersistentObject":
        kids = self.children
        if name not in kids:
            have = ", ".join(kids) or "none"
            raise KeyError(translate("official", "{0} has no sub-network {1!r} "
                                                 "(has {2})").format(self.class_name, name, have))
        return kids[name]

    def attr(self, name: str, default=None):
        """A plain attribute of the pickled object (NumPy values become Python numbers / arrays)."""
        value = self.state.get(name, default)
        if isinstance(value, NumpyArray):
            return value.array
        return value.item() if isinstance(value, np.generic) else value

    def state_dict(self, prefix: str = "") -> dict[str, torch.Tensor]:
        """Parameters and persistent buffers of this object and its sub-objects, by dotted name
        (the names ``torch.nn.Module.state_dict()`` would give)."""
        out: dict[str, torch.Tensor] = {}
        skip = set(self.state.get("_non_persistent_buffers_set") or ())
        for kind in ("_parameters", "_buffers"):
            for name, t in (self.state.get(kind) or {}).items():
                if isinstance(t, torch.Tensor) and not (kind == "_buffers" and name in skip):
                    out[prefix + name] = t
        for name, kid in self.children.items():
            out.update(kid.state_dict(f"{prefix}{name}."))
        return out

    def walk(self, prefix: str = ""):
        """(dotted name, object) for this object and every sub-object."""
        yield prefix.rstrip("."), self
        for name, kid in self.children.items():
            yield from kid.walk(f"{prefix}{name}.")


class EasyDictRecord(dict):
    """Stands in for ``dnnlib.util.EasyDict``: the items only, no attributes."""

    __slots__ = ()


def _reconstruct_persistent(meta) -> PersistentObject:
    if not isinstance(meta, dict) or not isinstance(meta.get("class_name"), str):
        raise PickleRefused(translate("official", "a persistent object without a class name"))
    if meta.get("type") != "class":
        what = printable(repr(meta.get("type")))
        raise PickleRefused(translate("official", "a persistent object of type {0} (only "
                                                  "'class' exists)").format(what))
    state = meta.get("state") or {}
    if not isinstance(state, dict):
        raise PickleRefused(translate("official", "the state of {0} is not a dict").format(meta['class_name']))
    src = meta.get("module_src") or ""
    src_bytes = src.encode("utf-8", "replace") if isinstance(src, str) else b""
    kwargs = state.get("_init_kwargs") or {}
    args = state.get("_init_args") or ()
    return PersistentObject(meta["class_name"], tuple(args) if isinstance(args, (tuple, list)) else (),
                            dict(kwargs) if isinstance(kwargs, dict) else {}, state,
                            int(meta.get("version") or 0) if isinstance(meta.get("version"), int) else 0,
                            hashlib.sha256(src_bytes).hexdigest(), len(src_bytes))


def _storage_from_bytes(data) -> object:
    if not isinstance(data, (bytes, bytearray)):
        raise PickleRefused(translate("official", "torch.storage._load_from_bytes was given"
                                                  " something other than bytes"))
    try:
        storage = torch.load(io.BytesIO(bytes(data)), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as e:
        raise PickleRefused(translate("official", "a tensor storage inside the pickle was "
                                                  "refused by torch's safe loader: {0}").format(str(e).splitlines()[0])) from None
    if not isinstance(storage, (torch.storage.TypedStorage, torch.UntypedStorage)):
        raise PickleRefused(translate("official", "a tensor storage unpickled to {0}, not a"
                                                  " storage").format(type(storage).__name__))
    return storage


def _ints(value, what: str) -> tuple[int, ...]:
    if not isinstance(value, (tuple, list, torch.Size)) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value):
        raise PickleRefused(translate("official", "a tensor {0} is not a tuple of "
                                                  "non-negative integers").format(what))
    return tuple(value)


def _layout(storage_offset, size, stride) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A pickled tensor's (size, stride), refused unless offset, sizes and strides make sense."""
    if not isinstance(storage_offset, int) or storage_offset < 0:
        raise PickleRefused(translate("official", "a tensor storage offset is not a "
                                                  "non-negative integer"))
    size, stride = _ints(size, "size"), _ints(stride, "stride")
    if len(size) != len(stride):
        raise PickleRefused(translate("official", "a tensor has as many sizes as strides"))
    return size, stride


def _rebuild_tensor(storage, storage_offset, size, stride, requires_grad=False, backward_hooks=None,
                    metadata=None) -> torch.Tensor:
    if not isinstance(storage, (torch.storage.TypedStorage, torch.UntypedStorage)):
        raise PickleRefused(translate("official", "a tensor was to be built from {0}, not a"
                                                  " storage").format(type(storage).__name__))
    size, stride = _layout(storage_offset, size, stride)
    if isinstance(storage, torch.storage.TypedStorage):
        with warnings.catch_warnings():  # TypedStorage is what torch itself unpickles here
            warnings.simplefilter("ignore", UserWarning)
            dtype, untyped = storage.dtype, storage._untyped_storage
    else:
        dtype, untyped = torch.uint8, storage
    t = torch.empty((0,), dtype=dtype)
    try:
        t.set_(untyped, storage_offset, size, stride)  # torch checks the bounds
    except RuntimeError as e:
        raise PickleRefused(translate("official", "a tensor does not fit its storage ({0})").format(str(e).splitlines()[0])) from None
    return t


def _rebuild_parameter(data, requires_grad=False, backward_hooks=None, state=None) -> torch.Tensor:
    if not isinstance(data, torch.Tensor):
        raise PickleRefused(translate("official", "a parameter was to be built from {0}, "
                                                  "not a tensor").format(type(data).__name__))
    return data


class NumpyDType:
    """Stands in for ``numpy.dtype`` while unpickling: a numeric dtype whose pickled state may
    only set the byte order (numpy's own ``dtype.__setstate__`` would also accept flags such
    as "holds Python objects" from the file)."""

    def __init__(self, name, align=False, copy=False):
        if not isinstance(name, str):
            raise PickleRefused(translate("official", "numpy.dtype was given something other "
                                                      "than a type name"))
        try:
            self.dtype = np.dtype(name)
        except TypeError:
            raise PickleRefused(translate("official", "unknown NumPy dtype {0}").format(printable(repr(name)))) from None
        if self.dtype.kind not in NUMERIC_KINDS or self.dtype.fields is not None:
            raise PickleRefused(translate("official", "NumPy dtype {0} is not a plain number "
                                                      "type").format(printable(repr(name))))

    def __setstate__(self, state):
        fresh = self.dtype.__reduce__()[2]
        if not (isinstance(state, tuple) and len(state) == len(fresh) and state[1] in "<>|="
                and state[:1] + state[2:] == fresh[:1] + fresh[2:]):
            raise PickleRefused(translate("official", "a NumPy {0} dtype with an unusual "
                                                      "pickled state").format(self.dtype))
        if state[1] in "<>":
            self.dtype = self.dtype.newbyteorder(state[1])


class NumpyArrayName:
    """Stands in for the global ``numpy.ndarray`` (only ever passed to ``_reconstruct``)."""


class NumpyArray:
    """Stands in for a pickled NumPy array; ``.array`` holds the values (numbers only)."""

    array: np.ndarray | None = None

    def __setstate__(self, state):
        if not (isinstance(state, tuple) and len(state) == 5 and isinstance(state[2], NumpyDType)):
            raise PickleRefused(translate("official", "a NumPy array with an unusual pickled "
                                                      "state"))
        _, shape, dt, fortran, raw = state
        shape = _ints(shape, "NumPy array shape")
        dtype = dt.dtype
        if not isinstance(raw, (bytes, bytearray)) or len(raw) != int(np.prod(shape)) * dtype.itemsize:
            raise PickleRefused(translate("official", "a NumPy array without the right number "
                                                      "of bytes"))
        flat = np.frombuffer(bytes(raw), dtype=dtype)
        self.array = flat.reshape(shape, order="F" if fortran else "C").copy()


def _numpy_scalar(dtype, data=None):
    if not isinstance(dtype, NumpyDType):
        raise PickleRefused(translate("official", "a NumPy scalar of something other than a"
                                                  " number type"))
    if not isinstance(data, (bytes, bytearray)) or len(data) != dtype.dtype.itemsize:
        raise PickleRefused(translate("official", "a NumPy scalar without the right number "
                                                  "of bytes"))
    return np.frombuffer(bytes(data), dtype=dtype.dtype)[0]


def _numpy_reconstruct(subtype, shape, dtype_code) -> NumpyArray:
    if subtype is not NumpyArrayName:
        raise PickleRefused(translate("official", "a NumPy array of a type other than "
                                                  "numpy.ndarray"))
    return NumpyArray()  # filled by NumpyArray.__setstate__


def _latin1(text, encoding="latin1") -> bytes:
    if not isinstance(text, str) or encoding not in ("latin1", "latin-1", "iso-8859-1", "iso8859-1"):
        raise PickleRefused(translate("official", "_codecs.encode is allowed only for "
                                                  "latin-1 text (protocol-2 bytes)"))
    return text.encode("latin1")


_NUMPY_MODULES = ("numpy.core.multiarray", "numpy._core.multiarray")

ALLOWED: dict[tuple[str, str], object] = {
    ("torch_utils.persistence", "_reconstruct_persistent_obj"): _reconstruct_persistent,
    ("dnnlib.util", "EasyDict"): EasyDictRecord,
    ("dnnlib", "EasyDict"): EasyDictRecord,
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("builtins", "set"): set,
    ("builtins", "frozenset"): frozenset,
    ("__builtin__", "set"): set,              # protocol-2 pickles name Python 2's modules
    ("__builtin__", "frozenset"): frozenset,
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor,
    ("torch._utils", "_rebuild_parameter"): _rebuild_parameter,
    ("torch._utils", "_rebuild_parameter_with_state"): _rebuild_parameter,
    ("torch.storage", "_load_from_bytes"): _storage_from_bytes,
    ("numpy", "dtype"): NumpyDType,
    ("numpy", "ndarray"): NumpyArrayName,
    ("_codecs", "encode"): _latin1,
    **{(m, "scalar"): _numpy_scalar for m in _NUMPY_MODULES},
    **{(m, "_reconstruct"): _numpy_reconstruct for m in _NUMPY_MODULES},
}

TENSORFLOW_HINTS = ("dnnlib.tflib", "tensorflow")


class NetworkUnpickler(pickle.Unpickler):
    """``pickle.Unpickler`` that resolves only the globals in :data:`ALLOWED` (to stand-ins)."""

    def find_class(self, module: str, name: str):
        found = ALLOWED.get((module, name))
        if found is not None:
            return found
        what = printable(f"{module}.{name}")
        if module.startswith(TENSORFLOW_HINTS):
            raise PickleRefused(translate("official", "it needs {0}: this is a TensorFlow-era "
                                                      "StyleGAN pickle, which GAN Studio does "
                                                      "not read (use a PyTorch network pickle, "
                                                      "e.g. from stylegan2-ada-pytorch or "
                                                      "stylegan3)").format(what))
        raise PickleRefused(translate("official", "it needs {0}, which a network pickle "
                                                  "never holds (it could run code); only "
                                                  "tensors, NumPy numbers, dicts and "
                                                  "NVlabs' persistent-object records are "
                                                  "allowed").format(what))

    def persistent_load(self, pid):
        raise PickleRefused(translate("official", "it uses persistent ids, which a network "
                                                  "pickle never does"))


def unpickle_network(raw: bytes):
    """The object a network pickle holds, with stand-ins for its globals.

    Raises :class:`PickleRefused` (naming the offending global) before anything from it runs,
    or ``pickle.UnpicklingError`` / ``EOFError`` / ... for a damaged stream."""
    return NetworkUnpickler(io.BytesIO(raw)).load()
