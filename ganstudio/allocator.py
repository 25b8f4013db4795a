"""Keeping big tensors' memory in the process instead of handing it back after every use.

glibc serves allocations above a threshold (128 KB to 32 MB, adapting) with fresh ``mmap``
pages and returns them to the system when freed. Rendering a big model or training allocates
tensors of tens to hundreds of MB for every layer, so each one is page-faulted anew: measured
on a 2-core CPU (same run, alternating), a config-f 1024 StyleGAN2 image took 4.3 s instead of
3.0-3.8 s, and a StyleGAN3-T 256 one about 35 % longer, than with the memory kept. :func:`keep_freed_memory` raises the thresholds so that
freed blocks stay in the heap for the next layer, and only more than ``trim_mb`` of free memory
at the top of the heap is returned (the trade-off: the process keeps up to that much unused).

Linux with glibc only; elsewhere, or with ``GANSTUDIO_KEEP_FREED_MEMORY=0``, it does nothing.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD = -1, -2, -3   # glibc's mallopt parameters


def keep_freed_memory(trim_mb: int = 1024,      # free memory kept at the heap's top, at most
                      ) -> bool:                 # True when the allocator was tuned
    """Make glibc keep freed big blocks for reuse (see the module docstring)."""
    if not sys.platform.startswith("linux") or os.environ.get("GANSTUDIO_KEEP_FREED_MEMORY") == "0":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    trim = min(int(trim_mb) << 20, 2**31 - 1)
    return all(mallopt(param, value) == 1 for param, value in (
        (_M_MMAP_THRESHOLD, 1 << 30),   # blocks up to 1 GB come from the heap ...
        (_M_TRIM_THRESHOLD, trim),      # ... and stay there when freed, up to trim_mb
        (_M_TOP_PAD, 64 << 20)))        # grow the heap in steps of 64 MB
