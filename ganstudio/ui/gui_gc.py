"""Python's cyclic garbage collection runs on the GUI thread only, from a timer.

Why: Python runs an automatic collection on whichever thread happens to allocate when a
generation's count passes its threshold, and our worker threads (training, rendering, file
reading) allocate the most.  A collection there frees the cyclic garbage the GUI thread made,
including PySide wrappers of dropped widgets: the Python wrapper is deallocated on the worker
at once while PySide hands the C++ widget's deletion to the GUI thread.  If the GUI thread
delivers an event still posted to that widget meanwhile (a polish request, say), PySide looks
up a Python ``event`` override on the freed wrapper and the process segfaults
(``Shiboken::Object::cppPointer`` under ``QApplicationPrivate::notify_helper``).  The first
optimiser's ``import torch._dynamo`` on the training thread made this likely (seconds of
allocation: many collections on the worker), but any allocating thread can do it.

Reproduction (``benchmarks/gui_gc_crash.py``; ``tests/test_gui_gc.py`` tests the mechanism):
the GUI thread makes and drops widgets in reference cycles on a 5 ms timer while a TrainWorker
builds its first optimiser (importing ``torch._dynamo``), thresholds (50, 5, 5), torch 2.13,
PySide6 6.11: 4 of 15 runs segfaulted with automatic collection, 0 of 12 with collection off
altogether, 0 of 15 with this module installed, and in 12 alternating pairs 2 of 12 against
0 of 12; with the same collections but no widgets dropped, 0 of 12: the import itself is not
what breaks.

So automatic collection is switched off and :func:`collect_due` does what it would have done,
on the GUI thread, every :data:`INTERVAL_MS`: collect the generations whose counts passed
their thresholds, but a full one at most every :data:`FULL_EVERY_S`: it walks every object
(0.5-0.7 s with torch and the window loaded, on a busy 2-core machine), and Python itself
puts full collections off while few objects are new, a rule this stands in for.  Reference
counting frees everything else at once, on any thread, as always.
"""
from __future__ import annotations

import gc
import threading
import time

INTERVAL_MS = 10        # how often the GUI thread looks at the counts: often, so that each
                        # collection has few young objects to walk, as with automatic ones
FULL_EVERY_S = 120.0    # at most one full (generation 2) collection this often

_installed: dict = {}   # {"thread": the GUI thread's ident, "timer": the QTimer, "full_t": ...}


def installed() -> bool:
    """Whether collections have moved to the GUI thread (automatic collection is off)."""
    return bool(_installed)


def install(app) -> None:
    """Move cyclic collection to ``app``'s (the GUI) thread; call it on that thread.  Once is
    enough; later calls do nothing, and so does a call without an application (no event loop
    would run the timer)."""
    if _installed or app is None:
        return
    from PySide6.QtCore import QTimer
    timer = QTimer(app)
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(collect_due)
    _installed.update(thread=threading.get_ident(), timer=timer, full_t=time.monotonic())
    gc.disable()
    timer.start()


def collect_due() -> int:
    """Collect what Python's automatic collection would collect now (on this thread, which
    must be the GUI thread); the number of unreachable objects found."""
    if not _installed:
        return 0
    if threading.get_ident() != _installed["thread"]:
        raise RuntimeError("cyclic garbage is collected on the GUI thread only")
    (c0, c1, c2), (t0, t1, t2) = gc.get_count(), gc.get_threshold()
    if c0 <= t0:
        return 0
    now = time.monotonic()
    if c2 > t2 and now - _installed["full_t"] >= FULL_EVERY_S:
        generation, _installed["full_t"] = 2, now
    else:
        generation = 1 if c1 > t1 else 0
    return gc.collect(generation)
