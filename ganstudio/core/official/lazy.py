"""Reading a network pickle from disk without holding what it does not need.

An official snapshot holds G, D and G_ema (plus the augmentation pipeline): a config-f 1024
pickle is ~380 MB, of which GAN Studio uses G_ema's ~120 MB.  Every tensor storage in it is
a separate ``bytes`` object (``torch.storage._load_from_bytes(b)``).  :func:`scan` unpickles
the stream with the same restricted globals as :class:`~.unpickler.NetworkUnpickler`, but
leaves every large ``bytes`` object on disk: it becomes a :class:`FileSpan` (offset, length),
its storage a :class:`LazyStorage`, its tensor a :class:`LazyTensor`.  :func:`materialize`
then reads only the storages of the network that is used (the chosen generator), each through
``torch.load(weights_only=True)`` as before.  The scan reads the file once, front to back,
hashing it on the way (the checkpoint's sha256) and reporting the fraction read.

The pure-Python unpickler (``pickle._Unpickler``) is used because only it lets a subclass
decide, per opcode, not to read a payload; a network pickle has a few ten thousand opcodes.
"""
from __future__ import annotations

import hashlib
import pickle
from struct import unpack

import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from ..progress import ProgressFn, ignore
from .unpickler import (ALLOWED, NetworkUnpickler, NumpyArray, PersistentObject, _layout,
                        _rebuild_parameter, _rebuild_tensor, _storage_from_bytes)

LAZY_MIN_BYTES = 1 << 16     # payloads this big stay on disk until needed (protocol 4 writes
#                              every payload of 64 KiB or more outside its frames)
CHUNK = 1 << 20


class FileSpan:
    """Bytes of the pickle left on disk: ``length`` bytes at ``offset`` of ``file``."""

    __slots__ = ("file", "offset", "length")

    def __init__(self, file, offset: int, length: int):
        self.file, self.offset, self.length = file, offset, length

    def __len__(self) -> int:
        return self.length

    def read(self) -> bytes:
        here = self.file.tell()
        try:
            self.file.seek(self.offset)
            data = self.file.read(self.length)
        finally:
            self.file.seek(here)
        if len(data) != self.length:
            raise EOFError(translate("official", "the file ends inside a tensor "
                                                 "storage"))
        return data


class LazyStorage:
    """A tensor storage still on disk; :meth:`load` reads it (once) with torch's safe loader."""

    __slots__ = ("span", "_storage")

    def __init__(self, span: FileSpan):
        self.span, self._storage = span, None

    def load(self):
        if self._storage is None:
            self._storage = _storage_from_bytes(self.span.read())
        return self._storage


class LazyTensor:
    """A tensor whose storage is still on disk (its view arguments already checked)."""

    __slots__ = ("storage", "offset", "size", "stride")

    def __init__(self, storage: LazyStorage, offset: int, size: tuple, stride: tuple):
        self.storage, self.offset, self.size, self.stride = storage, offset, size, stride

    def load(self) -> torch.Tensor:
        return _rebuild_tensor(self.storage.load(), self.offset, self.size, self.stride)

    def __repr__(self) -> str:
        return f"LazyTensor(size={self.size})"


def _storage(data):
    return LazyStorage(data) if isinstance(data, FileSpan) else _storage_from_bytes(data)


def _tensor(storage, storage_offset, size, stride, *rest, **kw):
    if not isinstance(storage, LazyStorage):
        return _rebuild_tensor(storage, storage_offset, size, stride, *rest, **kw)
    size, stride = _layout(storage_offset, size, stride)
    return LazyTensor(storage, storage_offset, size, stride)


def _parameter(data, *rest, **kw):
    return data if isinstance(data, LazyTensor) else _rebuild_parameter(data, *rest, **kw)


class _NumpyArray(NumpyArray):
    """A NumPy array whose bytes may have been left on disk (read now: arrays are small)."""

    def __setstate__(self, state):
        if isinstance(state, tuple) and len(state) == 5 and isinstance(state[4], FileSpan):
            state = state[:4] + (state[4].read(),)
        super().__setstate__(state)


def _numpy_reconstruct(subtype, shape, dtype_code):
    ALLOWED[("numpy.core.multiarray", "_reconstruct")](subtype, shape, dtype_code)  # the checks
    return _NumpyArray()


LAZY = {("torch.storage", "_load_from_bytes"): _storage,
        ("torch._utils", "_rebuild_tensor_v2"): _tensor,
        ("torch._utils", "_rebuild_parameter"): _parameter,
        ("torch._utils", "_rebuild_parameter_with_state"): _parameter,
        **{(m, "_reconstruct"): _numpy_reconstruct for m in ("numpy.core.multiarray", "numpy._core.multiarray")}}


class _Reader:
    """The pickle file, read front to back once: hashed, and the fraction read reported."""

    def __init__(self, file, size: int, progress: ProgressFn):
        self.file, self.size, self.pos = file, max(1, size), 0
        self.sha = hashlib.sha256()
        self._progress, self._next = progress, 0
        self._buf = bytearray(CHUNK)

    def _advance(self, data) -> None:
        self.sha.update(data)
        self.pos += len(data)
        if self.pos >= self._next:
            self._next = self.pos + self.size // 256
            self._progress(min(1.0, self.pos / self.size))

    def read(self, n: int = -1) -> bytes:
        data = self.file.read(n)
        self._advance(data)
        return data

    def readline(self) -> bytes:
        data = self.file.readline()
        self._advance(data)
        return data

    def skip(self, n: int) -> None:
        """Pass over ``n`` bytes (hashed, not kept)."""
        view = memoryview(self._buf)
        while n > 0:
            got = self.file.readinto(view[:min(n, CHUNK)])
            if not got:
                raise EOFError(translate("official", "the file ends inside a tensor storage"))
            self._advance(view[:got])
            n -= got

    def finish(self) -> str:
        """Hash whatever follows the pickle's STOP; the sha256 of the whole file."""
        while self.read(CHUNK):
            pass
        return self.sha.hexdigest()


class LazyNetworkUnpickler(pickle._Unpickler):
    """:class:`NetworkUnpickler`'s globals, with large ``bytes`` payloads left on disk."""

    dispatch = dict(pickle._Unpickler.dispatch)

    def __init__(self, reader: _Reader):
        super().__init__(reader)
        self._reader = reader

    def find_class(self, module: str, name: str):
        return LAZY.get((module, name)) or NetworkUnpickler.find_class(self, module, name)

    def persistent_load(self, pid):
        return NetworkUnpickler.persistent_load(self, pid)

    def _payload(self, n: int):
        if n >= LAZY_MIN_BYTES and self._unframer.current_frame is None:
            span = FileSpan(self._reader.file, self._reader.pos, n)
            self._reader.skip(n)
            return span
        data = self.read(n)
        if len(data) != n:
            raise EOFError(translate("official", "the pickle ends inside a bytes "
                                                 "object"))
        return data

    def _load_binbytes(self):
        n, = unpack("<I", self.read(4))
        self.append(self._payload(n))

    def _load_binbytes8(self):
        n, = unpack("<Q", self.read(8))
        self.append(self._payload(n))

    dispatch[pickle.BINBYTES[0]] = _load_binbytes
    dispatch[pickle.BINBYTES8[0]] = _load_binbytes8


def scan(file, size: int, progress: ProgressFn | None = None):
    """(the object a network pickle holds, the file's sha256): tensors of 64 KiB or more are
    :class:`LazyTensor` s still on disk.  ``file`` is a seekable binary file at offset 0 that
    stays open while lazy tensors are loaded.  Refusals as :func:`~.unpickler.unpickle_network`."""
    reader = _Reader(file, size, progress or ignore)
    data = LazyNetworkUnpickler(reader).load()
    return data, reader.finish()


def lazy_tensors(obj: PersistentObject) -> list[tuple[dict, str, LazyTensor]]:
    """(the dict holding it, its key, the lazy tensor) for every parameter and buffer of
    ``obj`` and its sub-objects that is still on disk, in file order."""
    found = []
    for _, o in obj.walk():
        for kind in ("_parameters", "_buffers"):
            d = o.state.get(kind)
            if isinstance(d, dict):
                found += [(d, k, t) for k, t in d.items() if isinstance(t, LazyTensor)]
    return sorted(found, key=lambda item: item[2].storage.span.offset)


def materialize(obj: PersistentObject, progress: ProgressFn | None = None) -> int:
    """Read the tensors of ``obj`` (a network record) from disk, in place; the bytes read."""
    progress = progress or ignore
    todo = lazy_tensors(obj)
    total = sum({id(t.storage): t.storage.span.length for _, _, t in todo}.values()) or 1
    done, seen = 0, set()
    for d, key, t in todo:
        d[key] = t.load()
        if id(t.storage) not in seen:
            seen.add(id(t.storage))
            done += t.storage.span.length
            progress(done / total)
    progress(1.0)
    return done


def is_lazy(value) -> bool:
    return isinstance(value, (LazyTensor, LazyStorage, FileSpan))


__all__ = ["FileSpan", "LazyNetworkUnpickler", "LazyStorage", "LazyTensor", "is_lazy", "lazy_tensors",
           "materialize", "scan"]
