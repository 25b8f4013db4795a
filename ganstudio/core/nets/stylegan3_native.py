"""Native CPU kernels of StyleGAN3's filtering for inference (``_native/stylegan3_fir.c``).

The C library is built when the package is installed (an optional setuptools extension: an
install without a C compiler simply lacks it) and loaded here with ctypes. ``filtered_lrelu``
and ``upfirdn2d`` of ``stylegan3_ops`` call :func:`resample` for float32 CPU tensors outside
autograd; it returns None whenever the native path cannot run (no library, another dtype or
device, gradients needed, an unusual filter), and the caller then runs its PyTorch code.
``GANSTUDIO_NATIVE=0`` in the environment switches the native path off.

The kernels compute bias, polyphase upsampling, leaky ReLU with gain and clamp, and strided
downsampling in one pass over bands of rows, vectorised over channels (channels-last), on
``torch.get_num_threads()`` threads: PyTorch's own OpenMP team where the process has it (ctypes
releases the GIL).

The same library ends StyleGAN2's layers when rendering on a CPU (:func:`blur_act`): the
4 x 4 blur of an upsampling layer, bias, noise, leaky ReLU and clamp in one pass over the
convolution's output instead of four or five PyTorch operations.
"""
from __future__ import annotations

import ctypes
import importlib.machinery
import math
import os
from pathlib import Path

import torch

_LIB_STEM = "_stylegan3_fir"
_MAX_TAPS = 64
ISA_NAMES = {1: "generic", 2: "avx2", 3: "avx512"}

_f32p = ctypes.POINTER(ctypes.c_float)


class _Params(ctypes.Structure):
    """Mirror of ``gs_params`` in stylegan3_fir.c (checked against the library's size)."""
    _fields_ = [
        ("x", _f32p), ("sn", ctypes.c_int64), ("sh", ctypes.c_int64), ("sw", ctypes.c_int64),
        ("sc", ctypes.c_int64),
        ("n", ctypes.c_int32), ("c", ctypes.c_int32), ("h", ctypes.c_int32),
        ("w", ctypes.c_int32),
        ("bias", _f32p),
        ("up", ctypes.c_int32), ("px0", ctypes.c_int32), ("px1", ctypes.c_int32),
        ("py0", ctypes.c_int32), ("py1", ctypes.c_int32),
        ("uw", _f32p), ("uh", _f32p), ("u2", _f32p),
        ("kuw", ctypes.c_int32), ("kuh", ctypes.c_int32),
        ("lrelu", ctypes.c_int32), ("slope", ctypes.c_float),
        ("scale", ctypes.c_int32), ("gain", ctypes.c_float),
        ("clamp", ctypes.c_int32), ("limit", ctypes.c_float),
        ("down", ctypes.c_int32),
        ("dw", _f32p), ("dh", _f32p), ("d2", _f32p),
        ("kdw", ctypes.c_int32), ("kdh", ctypes.c_int32),
        ("y", _f32p), ("ho", ctypes.c_int32), ("wo", ctypes.c_int32),
        ("threads", ctypes.c_int32), ("isa", ctypes.c_int32), ("own_threads", ctypes.c_int32),
    ]


class _ActParams(ctypes.Structure):
    """Mirror of ``gs_act_params`` in stylegan3_fir.c (checked against the library's size)."""
    _fields_ = [
        ("x", _f32p), ("sn", ctypes.c_int64), ("sh", ctypes.c_int64), ("sw", ctypes.c_int64),
        ("n", ctypes.c_int32), ("c", ctypes.c_int32), ("h", ctypes.c_int32),
        ("w", ctypes.c_int32),
        ("f", _f32p), ("k", ctypes.c_int32), ("pad0", ctypes.c_int32), ("pad1", ctypes.c_int32),
        ("bias", _f32p), ("noise", _f32p), ("noise_sn", ctypes.c_int64),
        ("lrelu", ctypes.c_int32), ("slope", ctypes.c_float),
        ("clamp", ctypes.c_int32), ("limit", ctypes.c_float),
        ("y", _f32p), ("ho", ctypes.c_int32), ("wo", ctypes.c_int32),
        ("threads", ctypes.c_int32), ("own_threads", ctypes.c_int32),
    ]


_lib = None          # the loaded library, once found
_searched = False


def _library_path() -> Path | None:
    """The built library next to this package's ``_native`` sources, if any."""
    folder = Path(__file__).resolve().parent / "_native"
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = folder / (_LIB_STEM + suffix)
        if path.is_file():
            return path
    return None


def _load():
    """The ctypes library, or None when it is not built or does not match this module."""
    global _lib, _searched
    if _searched:
        return _lib
    _searched = True
    path = _library_path()
    if path is None:
        return None
    try:
        lib = ctypes.CDLL(str(path))
        lib.gs_fir_abi.restype = ctypes.c_int
        lib.gs_fir_isas.restype = ctypes.c_int
        lib.gs_fir_run.restype = ctypes.c_int
        lib.gs_fir_run.argtypes = [ctypes.POINTER(_Params)]
        lib.gs_fir_openmp.restype = ctypes.c_int
        lib.gs_act_abi.restype = ctypes.c_int
        lib.gs_act_run.restype = ctypes.c_int
        lib.gs_act_run.argtypes = [ctypes.POINTER(_ActParams)]
        if lib.gs_fir_abi() != ctypes.sizeof(_Params) or lib.gs_act_abi() != ctypes.sizeof(_ActParams):
            return None                       # a stale build of another layout
    except (OSError, AttributeError):
        return None
    _lib = lib
    return lib


def enabled() -> bool:
    """Whether the native path is switched on (``GANSTUDIO_NATIVE=0`` switches it off)."""
    return os.environ.get("GANSTUDIO_NATIVE", "1").strip().lower() not in ("0", "false", "off",
                                                                            "no")


def available() -> bool:
    """Whether the library is built and loads."""
    return _load() is not None


def backend() -> str:
    """``"native"`` when StyleGAN3's CPU filtering runs the native kernels, else ``"torch"``."""
    return "native" if enabled() and available() else "torch"


def isas() -> list[str]:
    """The instruction sets the library can run on this CPU, best last."""
    lib = _load()
    if lib is None:
        return []
    mask = lib.gs_fir_isas()
    return [name for bit, name in sorted(ISA_NAMES.items()) if mask & (1 << bit)]


_ISA_OVERRIDE = 0   # tests: 0 = best available, else a key of ISA_NAMES
_OWN_THREADS = 0    # 1 = threads of the library's own even where PyTorch's OpenMP team is


def use_own_threads(own: bool) -> None:
    """Run the native kernels on threads the library starts even where PyTorch's OpenMP team
    is there to use (to compare the two; the team is the default and the faster)."""
    global _OWN_THREADS
    _OWN_THREADS = 1 if own else 0


def threading() -> str:
    """Whose threads the native kernels run on: ``"openmp"`` (PyTorch's OpenMP team, the
    threads its convolutions use) or ``"own"`` (threads the library starts), "" without it."""
    lib = _load()
    if lib is None:
        return ""
    return "openmp" if lib.gs_fir_openmp() and not _OWN_THREADS else "own"


def _ptr(t: torch.Tensor | None):
    return None if t is None else ctypes.cast(t.data_ptr(), _f32p)


def _taps(f: torch.Tensor | None, gain: float) -> tuple[torch.Tensor, bool]:
    """Correlation taps (the filter flipped) with the gain folded in, float32 contiguous;
    (taps, is_2d). None is the one-tap identity."""
    if f is None:
        return torch.full((1,), gain ** 0.5, dtype=torch.float32), False
    if f.ndim == 1:
        return (f.detach().to(torch.float32).flip(0) * gain ** 0.5).contiguous(), False
    return (f.detach().to(torch.float32).flip([0, 1]) * gain).contiguous(), True


def resample(x: torch.Tensor,                 # [N, C, H, W] float32 on the CPU
             fu: torch.Tensor | None,         # upsampling filter [k] / [kh, kw] / None
             up: int,
             padding: tuple[int, int, int, int],  # (x0, x1, y0, y1) of the upsampled image
             up_gain: float,                  # gain of the upsampling filter
             fd: torch.Tensor | None,         # downsampling filter [k] / [kh, kw] / None
             down: int,
             down_gain: float,                # gain of the downsampling filter
             bias: torch.Tensor | None = None,  # [C] added before upsampling
             slope: float | None = None,      # leaky ReLU slope at the high rate; None = none
             act_gain: float | None = None,   # multiply after it; None = none
             limit: float | None = None,      # clamp to [-limit, limit]; None = none
             ) -> torch.Tensor | None:        # [N, C, Ho, Wo] channels-last, or None
    """Bias, upsample, activation, downsample with the native kernels; None when they cannot
    run this call (the caller then runs the PyTorch code)."""
    if not enabled() or x.device.type != "cpu" or x.dtype != torch.float32 or x.dim() != 4:
        return None
    if torch.is_grad_enabled() and (x.requires_grad or (bias is not None and bias.requires_grad)
                                    or any(f is not None and f.requires_grad for f in (fu, fd))):
        return None
    lib = _load()
    if lib is None:
        return None
    n, c, h, w = x.shape
    if min(n, c, h, w) < 1 or not (isinstance(up, int) and isinstance(down, int)) \
            or up < 1 or down < 1:
        return None
    for f in (fu, fd):
        if f is not None and (f.device.type != "cpu" or f.ndim not in (1, 2)
                              or max(f.shape) > _MAX_TAPS or f.numel() == 0):
            return None
    if bias is not None and (bias.numel() != c or bias.device.type != "cpu"):
        return None
    if any(g <= 0 or not math.isfinite(g) for g in (up_gain, down_gain)):
        return None                           # separable taps carry sqrt(gain) per axis
    x0, x1, y0, y1 = (int(v) for v in padding)
    ut, u2d = _taps(fu, up_gain)
    dt, d2d = _taps(fd, down_gain)
    kuh, kuw = ut.shape if u2d else (ut.numel(), ut.numel())
    kdh, kdw = dt.shape if d2d else (dt.numel(), dt.numel())
    w1 = w * up + x0 + x1 - kuw + 1
    h1 = h * up + y0 + y1 - kuh + 1
    if w1 < kdw or h1 < kdh:
        return None
    wo, ho = (w1 - kdw) // down + 1, (h1 - kdh) // down + 1
    if max(n * h * w * c, n * ho * wo * c) >= 2 ** 62:
        return None
    y = torch.empty(n, c, ho, wo, dtype=torch.float32, memory_format=torch.channels_last)
    b = None if bias is None else bias.detach().to(torch.float32).contiguous()
    p = _Params()
    p.x = _ptr(x)
    p.sn, p.sc, p.sh, p.sw = x.stride()
    p.n, p.c, p.h, p.w = n, c, h, w
    p.bias = _ptr(b)
    p.up, p.px0, p.px1, p.py0, p.py1 = up, x0, x1, y0, y1
    p.uw = p.uh = None if u2d else _ptr(ut)
    p.u2 = _ptr(ut) if u2d else None
    p.kuw, p.kuh = kuw, kuh
    p.lrelu, p.slope = slope is not None, 0.0 if slope is None else slope
    p.scale, p.gain = act_gain is not None, 1.0 if act_gain is None else act_gain
    p.clamp, p.limit = limit is not None, 0.0 if limit is None else limit
    p.down = down
    p.dw = p.dh = None if d2d else _ptr(dt)
    p.d2 = _ptr(dt) if d2d else None
    p.kdw, p.kdh = kdw, kdh
    p.y = _ptr(y)
    p.ho, p.wo = ho, wo
    p.threads = max(1, torch.get_num_threads())
    p.isa = _ISA_OVERRIDE
    p.own_threads = _OWN_THREADS
    if lib.gs_fir_run(ctypes.byref(p)) != 0:
        return None
    return y


def separable_taps(kernel: torch.Tensor, gain: float = 1.0) -> torch.Tensor | None:
    """The 1-D correlation taps t of a 2-D FIR kernel [k, k] that is outer(t, t) / gain (the
    kernel times ``gain`` = t t^T: a symmetric separable blur such as StyleGAN's [1, 3, 3, 1]);
    None for any other kernel."""
    if kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1] or not 0 < kernel.shape[0] <= _MAX_TAPS:
        return None
    k = kernel.detach().to(torch.float32).flip([0, 1]) * gain
    total = float(k.sum())
    if not total > 0:
        return None
    t = k.sum(dim=1) / total ** 0.5
    if not torch.allclose(torch.outer(t, t), k, rtol=1e-5, atol=1e-7):
        return None
    return t.contiguous()


def blur_act(x: torch.Tensor,                    # [N, C, H, W] float32 channels-last, CPU
             taps: torch.Tensor | None,          # separable_taps() of the blur; None: none
             pad: int,                           # zeros before and after, both axes
             bias: torch.Tensor | None,          # [C]
             noise: torch.Tensor | None,         # [Ho, Wo] for every image, or [N, 1, Ho, Wo]
             slope: float | None,                # leaky ReLU; None = none
             limit: float | None,                # clamp to [-limit, limit]; None = none
             inplace: bool = False,              # without a blur: write into x
             ) -> torch.Tensor | None:           # [N, C, Ho, Wo] channels-last, or None
    """StyleGAN2's layer ending in one pass: the blur (when given), bias, noise, leaky ReLU,
    clamp. None when the native kernel cannot run this call (the caller then runs PyTorch's
    operations): no library, switched off, gradients, another dtype, device or layout."""
    if (not enabled() or torch.is_grad_enabled() or x.device.type != "cpu"
            or x.dtype != torch.float32 or x.dim() != 4
            or not x.is_contiguous(memory_format=torch.channels_last)):
        return None
    lib = _load()
    if lib is None:
        return None
    n, c, h, w = x.shape
    k = 0 if taps is None else taps.numel()
    if taps is None and pad:
        return None
    ho, wo = h + 2 * pad - k + 1 if k else h, w + 2 * pad - k + 1 if k else w
    if min(n, c, h, w, ho, wo) < 1 or n * c * max(h * w, ho * wo) >= 2 ** 62:
        return None
    parts = [t for t in (taps, bias, noise) if t is not None]
    if any(t.device.type != "cpu" or t.dtype != torch.float32 for t in parts):
        return None
    if bias is not None and bias.numel() != c:
        return None
    if noise is not None:
        if noise.shape[-2:] != (ho, wo) or noise.numel() not in (ho * wo, n * ho * wo):
            return None
        noise = noise.contiguous()
    y = x if inplace and not k else torch.empty(n, c, ho, wo, dtype=torch.float32,
                                                 memory_format=torch.channels_last)
    b = None if bias is None else bias.contiguous()
    p = _ActParams()
    p.x = _ptr(x)
    p.sn, _, p.sh, p.sw = x.stride()
    p.n, p.c, p.h, p.w = n, c, h, w
    p.f, p.k, p.pad0, p.pad1 = _ptr(taps), k, pad, pad
    p.bias = _ptr(b)
    p.noise = _ptr(noise)
    p.noise_sn = 0 if noise is None or noise.numel() == ho * wo else ho * wo
    p.lrelu, p.slope = slope is not None, 0.0 if slope is None else slope
    p.clamp, p.limit = limit is not None, 0.0 if limit is None else limit
    p.y = _ptr(y)
    p.ho, p.wo = ho, wo
    p.threads = max(1, torch.get_num_threads())
    p.own_threads = _OWN_THREADS
    if lib.gs_act_run(ctypes.byref(p)) != 0:
        return None
    return y
