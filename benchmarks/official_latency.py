"""Official StyleGAN configurations on this machine's CPU, beside the machine's own limit.

Builds generators of the official configurations with GAN Studio's own classes (random
weights, no NVIDIA code) and prints, for each:

- ms per image at the chosen batch sizes (psi 0.7, const noise, fp32, inference mode; the
  best of --reps runs after a warm-up, timed alternately with the limit below), a batch
  synthesised as the app synthesises one: in chunks of at most about 1 GB of activations
  ("chunk": ``core/activation_memory.chunk_size``; one image at a time for StyleGAN3 at 256 px);
- the GFLOP one image needs: convolutions (a transposed conv counted over its real input
  samples, not a zero-stuffed image) and filtering (the FIR resampling counted as polyphase /
  separable filters at the rates it runs at: taps actually applied per output sample);
- the limit, measured in the same run: the time of plain ``F.conv2d`` /
  ``F.conv_transpose2d`` calls of exactly the generator's convolution shapes, chunk by chunk
  (one shared weight per layer, in the faster of the two memory layouts); and our time as a
  multiple of it.

"limit ms" adds the filtering to the convolutions' time as if its FLOPs ran at the speed the
convolutions reached: the least the maths can cost on this machine. The targets (issue 15):
StyleGAN2 at most 1.25x its convolutions ("x conv"; its filtering is under 1 % of the work);
StyleGAN3 at most 1.25x its convolutions plus its filtering ("x limit"). The first lines say whether StyleGAN3's filtering
ran the native kernels ("native", with the instruction set) or the PyTorch code ("torch").

    python benchmarks/official_latency.py [--configs sg2-256 sg3-t256 ...] [--batches 1 8]
        [--threads 2] [--reps 3]

A full run (every config, batches 1 and 8) takes tens of minutes on a 2-core CPU: StyleGAN3-T
at 1024 px alone needs minutes per batch of 8. With --pickles DIR it also opens a hand-made
official pickle of each config (G, D and G_ema, as a training run writes them; see
``benchmarks/pickle_open.py``) in a fresh process and prints the time and the rise of peak RSS.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F

try:
    from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator
except ImportError:  # run from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator
from ganstudio.allocator import keep_freed_memory
from ganstudio.core.activation_memory import chunk_size
from ganstudio.core.nets.stylegan3 import Generator as SG3Generator
from ganstudio.core.nets.stylegan3 import stylegan3_conv_shapes, stylegan3_flops
from ganstudio.core.nets.stylegan3_native import backend as sg3_backend
from ganstudio.core.nets import stylegan3_native
from ganstudio.core.nets.stylegan3_native import isas as sg3_isas

# config -> the matching hand-made official pickle of benchmarks/pickle_open.py
PICKLES = {"sg2-256": "paper256", "sg2-512": "f512", "sg2-1024": "f1024", "sg3-t256": "sg3t256",
           "sg3-t1024": "sg3t1024", "sg3-r256": "sg3r256"}

# name -> (family, constructor keywords); the official training configurations
CONFIGS: dict[str, tuple[str, dict]] = {
    "sg2-cifar": ("sg2", dict(resolution=32, channel_base=16384, channel_max=512,
                              mapping_layers=2, c_dim=10, conv_clamp=256)),
    "sg2-256": ("sg2", dict(resolution=256, channel_base=16384, channel_max=512,
                            conv_clamp=256)),                    # paper256
    "sg2-512": ("sg2", dict(resolution=512, channel_base=32768, channel_max=512,
                            conv_clamp=256)),                    # config-f 512 (AFHQ)
    "sg2-1024": ("sg2", dict(resolution=1024, channel_base=32768, channel_max=512,
                             conv_clamp=256)),                   # config-f 1024 (FFHQ)
    "sg3-t256": ("sg3", dict(img_resolution=256, channel_base=32768, channel_max=512)),
    "sg3-t1024": ("sg3", dict(img_resolution=1024, channel_base=32768, channel_max=512)),
    "sg3-r256": ("sg3", dict(img_resolution=256, channel_base=65536, channel_max=1024,
                             conv_kernel=1, use_radial_filters=True)),
}


@dataclass(frozen=True)
class ConvShape:
    """One convolution of a generator as a plain dense op: input [n, i, h, w], weight
    [o, i, k, k]; ``transposed`` = stride-2 transposed conv (StyleGAN2's upsampling layers)."""
    n: int
    i: int
    o: int
    h: int
    w: int
    k: int
    padding: int
    transposed: bool = False

    @property
    def flop(self) -> float:
        """2 x multiply-adds: per output pixel (per input pixel when transposed)."""
        pixels = self.h * self.w if self.transposed else (
            (self.h + 2 * self.padding - self.k + 1) * (self.w + 2 * self.padding - self.k + 1))
        return 2.0 * self.n * pixels * self.i * self.o * self.k * self.k


def build(name: str) -> torch.nn.Module:
    family, kw = CONFIGS[name]
    if family == "sg2":
        return StyleGenerator(NVLabsStyleGAN2Config(**kw)).eval()
    return SG3Generator(z_dim=512, c_dim=0, w_dim=512, img_channels=3, **kw).eval()


# --- what the maths needs -------------------------------------------------------------------------

def sg2_shapes(G, n: int) -> tuple[list[ConvShape], float]:
    """Convolutions of a StyleGAN2 synthesis network, and its filtering FLOPs (the blur after
    each upsampling conv: 4 + 4 separable taps per output; the skip image's 2x upsampling:
    2 + 2 polyphase taps per output)."""
    convs, fir = [], 0.0
    syn = G.synthesis
    for res in syn.block_resolutions:
        block = getattr(syn, f"b{res}")
        o = block.conv1.weight.shape[0]
        if not block.is_first:
            i = block.conv0.weight.shape[1]
            convs.append(ConvShape(n, i, o, res // 2, res // 2, 3, 0, transposed=True))
            fir += 2.0 * n * o * res * res * 8
            fir += 2.0 * n * syn.img_channels * res * res * 4
        convs.append(ConvShape(n, o, o, res, res, 3, 1))
        convs.append(ConvShape(n, o, syn.img_channels, res, res, 1, 0))
    return convs, fir


def sg3_shapes(G, n: int) -> tuple[list[ConvShape], float]:
    """The StyleGAN3 network's own accounts (``stylegan3_conv_shapes``: each layer's "full"
    conv, padding k - 1; ``stylegan3_flops``: its filtering as polyphase / separable filters at
    the needed rates, plus the Fourier input and the elementwise work)."""
    convs = [ConvShape(c.input[0], c.input[1], c.weight[0], c.input[2], c.input[3],
                       c.weight[2], c.padding) for c in stylegan3_conv_shapes(G, n)]
    flops = stylegan3_flops(G, n)
    return convs, float(flops["filter"] + flops["other"])


def shapes(G, n: int) -> tuple[list[ConvShape], float]:
    return sg3_shapes(G, n) if isinstance(G, SG3Generator) else sg2_shapes(G, n)


# --- timing -----------------------------------------------------------------------------------------

def once_ms(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1e3


def plain_ops(convs: list[ConvShape]) -> list:
    """One plain dense op per shape (random data), each in the faster of the two memory
    layouts (decided by one timed call of each after a warm-up call)."""
    ops = []
    for s in convs:
        best = None
        for layout in (torch.contiguous_format, torch.channels_last):
            x = torch.randn(s.n, s.i, s.h, s.w).contiguous(memory_format=layout)
            if s.transposed:
                wt = torch.randn(s.i, s.o, s.k, s.k).contiguous(memory_format=layout)
                fn = lambda x=x, wt=wt: F.conv_transpose2d(x, wt, stride=2)  # noqa: E731
            else:
                wt = torch.randn(s.o, s.i, s.k, s.k).contiguous(memory_format=layout)
                fn = lambda x=x, wt=wt, p=s.padding: F.conv2d(x, wt, padding=p)  # noqa: E731
            fn()
            t = once_ms(fn)
            if best is None or t < best[0]:
                best = (t, fn)
        ops.append(best[1])
    return ops


def chunks(G, n: int) -> list[int]:
    """The sizes of the chunks the app synthesises a batch of n in."""
    size = max(1, min(n, chunk_size(G)))
    return [size] * (n // size) + ([n % size] if n % size else [])


def measure(G, n: int, reps: int) -> tuple[float, float]:
    """(ours, limit) in ms for a batch of n, in the app's chunks: the generator's synthesis and
    the plain ops of its convolution shapes, timed alternately --reps times after a warm-up,
    best of each: on a shared machine both then meet the same disturbances and the least
    disturbed run counts."""
    torch.manual_seed(0)
    z = torch.randn(n, G.z_dim)
    c = torch.zeros(n, G.c_dim) if G.c_dim else None
    if c is not None:
        c[:, 0] = 1
    sizes = chunks(G, n)
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    with torch.inference_mode():
        ws = G.mapping(z, c, psi=0.7)
        ops = {s: plain_ops(shapes(G, s)[0]) for s in set(sizes)}

        def forward() -> None:
            for a, s in zip(starts, sizes):
                G.synthesis(ws[a:a + s], noise_mode="const")

        def limit() -> None:    # outputs dropped at once: kept, a batch's would page-fault
            for s in sizes:
                for op in ops[s]:
                    op()

        forward()
        ours, plain = [], []
        for _ in range(reps):
            ours.append(once_ms(forward))
            plain.append(once_ms(limit))
    return min(ours), min(plain)


def machine_line() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"torch {torch.__version__}, {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cores, {torch.get_num_threads()} torch threads, "
            f"1-min load {load:.1f}\n"
            f"StyleGAN3 filtering backend: {sg3_backend()}"
            + (f" ({sg3_isas()[-1]}, threads: {stylegan3_native.threading()})"
               if sg3_backend() == "native" else "")
            + " (GANSTUDIO_NATIVE=0 switches the native kernels off)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: all)")
    parser.add_argument("--reps", type=int, default=3, help="timed runs per measurement")
    parser.add_argument("--own-threads", action="store_true",
                        help="StyleGAN3's native filtering on threads of its own instead of "
                             "PyTorch's OpenMP team (to compare the two)")
    parser.add_argument("--pickles", metavar="DIR", default=None,
                        help="also open a hand-made official pickle (G, D and G_ema) of each "
                             "config, written into DIR once, and print the time and the rise of "
                             "peak RSS (benchmarks/pickle_open.py)")
    args = parser.parse_args(argv)
    for name, value in (("--reps", args.reps), ("--threads", args.threads or 1)):
        if not 1 <= value <= 64:
            parser.error(f"{name} must be between 1 and 64, got {value}")
    if any(not 1 <= b <= 64 for b in args.batches):
        parser.error(f"--batches must be between 1 and 64, got {args.batches}")
    torch.set_num_threads(args.threads or os.cpu_count() or 1)
    if args.own_threads:
        stylegan3_native.use_own_threads(True)
    keep_freed_memory()   # as the app does (ganstudio.cli): no page faults per layer
    print(machine_line())
    head = (f"{'config':<11}{'batch':>6}{'chunk':>6}{'ms/img':>10}{'conv GFLOP':>12}{'fir GFLOP':>11}"
            f"{'conv ms/img':>13}{'x conv':>8}{'limit ms':>10}{'x limit':>9}{'GFLOP/s':>9}")
    print(head)
    print("-" * len(head))
    for name in args.configs:
        G = build(name)
        for n in args.batches:
            convs, fir = shapes(G, n)
            conv_flop = sum(s.flop for s in convs)
            ours, limit = (t / n for t in measure(G, n, args.reps))
            rate = (conv_flop + fir) / n / (ours / 1e3) / 1e9
            whole = limit * (conv_flop + fir) / conv_flop   # the filtering at the conv speed
            print(f"{name:<11}{n:>6}{chunks(G, n)[0]:>6}{ours:>10.0f}{conv_flop / n / 1e9:>12.1f}{fir / n / 1e9:>11.1f}"
                  f"{limit:>13.0f}{ours / limit:>8.2f}{whole:>10.0f}{ours / whole:>9.2f}"
                  f"{rate:>9.0f}", flush=True)
        del G
    if args.pickles:
        open_pickles([n for n in args.configs if n in PICKLES], Path(args.pickles))
    return 0


def open_pickles(names: list[str], folder: Path) -> None:
    """Time and peak-RSS rise of opening each config's official pickle in a fresh process."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pickle_open
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\n{'config':<11}{'pickle MB':>10}{'G_ema MB':>10}{'open s':>8}{'RSS rise MB':>13}"
          f"{'bound MB':>10}")
    for name in names:
        path = folder / f"{PICKLES[name]}.pkl"
        if not path.exists():
            pickle_open.write(PICKLES[name], path)
        m = pickle_open.measure(path)
        bound = 1.5 * m["weights"] + 300e6
        print(f"{name:<11}{path.stat().st_size / 1e6:>10.0f}{m['weights'] / 1e6:>10.0f}"
              f"{m['seconds']:>8.2f}{m['rise'] / 1e6:>13.0f}{bound / 1e6:>10.0f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
