"""The machine's limit for a piece of work: the plain convolutions it runs, timed alone.

``record_convolutions(fn)`` runs ``fn()`` once under a dispatch mode that notes every
convolution the work sends to ATen, forward (``aten.convolution``) and backward
(``aten.convolution_backward``), with shapes, memory layouts and arguments. ``ConvLimit``
then replays exactly those calls on fresh random tensors of the same shapes and layouts:
their summed time is what the work cannot go below while it runs these convolutions, so
``limit / time of the work`` says how close to the machine's speed the work is.

Used by ``train_throughput.py`` (a training step's forward and backward convolutions).
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import torch
from torch.utils._python_dispatch import TorchDispatchMode

_OPS = {torch.ops.aten.convolution.default, torch.ops.aten.convolution_backward.default}


@dataclass(frozen=True)
class TensorSpec:
    """Shape, dtype and memory layout of one tensor argument."""
    shape: tuple
    dtype: torch.dtype
    channels_last: bool

    @classmethod
    def of(cls, t: torch.Tensor) -> "TensorSpec":
        cl = t.dim() == 4 and not t.is_contiguous() and t.is_contiguous(
            memory_format=torch.channels_last)
        return cls(tuple(t.shape), t.dtype, cl)

    def make(self) -> torch.Tensor:
        t = torch.randn(self.shape, dtype=self.dtype)
        return t.contiguous(memory_format=torch.channels_last) if self.channels_last else t


@dataclass(frozen=True)
class ConvCall:
    """One recorded convolution call: the op and its arguments, tensors as specs."""
    op: object
    args: tuple

    def materialise(self) -> tuple:
        return tuple(a.make() if isinstance(a, TensorSpec) else a for a in self.args)

    def describe(self) -> str:
        name = "backward" if self.op is torch.ops.aten.convolution_backward.default else "forward"
        shapes = [list(a.shape) for a in self.args if isinstance(a, TensorSpec)]
        return f"{name} {shapes}"


class _Recorder(TorchDispatchMode):
    def __init__(self):
        super().__init__()
        self.calls: list[ConvCall] = []

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        if func in _OPS:
            spec = tuple(TensorSpec.of(a) if isinstance(a, torch.Tensor) else
                         (list(a) if isinstance(a, (list, tuple)) else a) for a in args)
            self.calls.append(ConvCall(func, spec))
        return func(*args, **(kwargs or {}))


def record_convolutions(fn) -> list[ConvCall]:
    """The convolutions ``fn()`` runs, in order (fn runs once, slower than usual)."""
    recorder = _Recorder()
    with recorder:
        fn()
    return recorder.calls


class ConvLimit:
    """Replays recorded convolution calls on random tensors; ``once_ms()`` times one pass."""

    def __init__(self, calls: list[ConvCall]):
        self.calls = list(calls)
        self._inputs = [c.materialise() for c in self.calls]

    def once_ms(self) -> float:
        with torch.no_grad():
            t0 = time.perf_counter()
            for call, args in zip(self.calls, self._inputs):
                call.op(*args)
            return (time.perf_counter() - t0) * 1e3

    def flop(self) -> float:
        """2 x the multiply-adds of the recorded calls: a conv costs N x (output pixels, or
        input pixels when transposed) x the weight's elements; a backward costs that once per
        gradient it computes (input, weight)."""
        total = 0.0
        for call in self.calls:
            specs = [a for a in call.args if isinstance(a, TensorSpec)]
            forward = call.op is torch.ops.aten.convolution.default
            if forward:
                x, w, y, transposed, times = specs[0], specs[1], None, call.args[6], 1
            else:
                y, x, w = specs[0], specs[1], specs[2]
                transposed = call.args[7]
                times = int(bool(call.args[-1][0])) + int(bool(call.args[-1][1]))
            if transposed:
                pixels = x.shape[2] * x.shape[3]
            elif y is not None:
                pixels = y.shape[2] * y.shape[3]
            else:
                pixels = _out_pixels(x.shape, w.shape, call.args[3], call.args[4])
            weights = w.shape[0] * w.shape[1] * w.shape[2] * w.shape[3]
            total += 2.0 * x.shape[0] * pixels * weights * times
        return total


def _out_pixels(x, w, stride, padding) -> int:
    return (((x[2] + 2 * padding[0] - w[2]) // stride[0] + 1)
            * ((x[3] + 2 * padding[1] - w[3]) // stride[1] + 1))
