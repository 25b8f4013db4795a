"""Generator forward latency per image on this machine's CPU.

For every network family at its default config (or for given checkpoints' generators), times
``G(z)`` at several batch sizes (torch.inference_mode, eval mode, warm-up runs first) and prints
the median over repetitions, divided by the batch size.

    python benchmarks/gen_latency.py [--threads N] [--reps 7] [--batches 1 8 64] [--checkpoints PT ...]
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import torch

try:
    from ganstudio.core.nets import FAMILIES, build_generator, default_config
except ImportError:  # run from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from ganstudio.core.nets import FAMILIES, build_generator, default_config


def time_forward(G: torch.nn.Module, batch: int, reps: int, warmup: int) -> float:
    """Median seconds of one forward pass of G on a batch of ``batch`` latents."""
    z = torch.randn(batch, G.z_dim)
    times = []
    with torch.inference_mode():
        for i in range(warmup + reps):
            start = time.perf_counter()
            G(z)
            if i >= warmup:
                times.append(time.perf_counter() - start)
    return statistics.median(times)


def describe(cfg: dict) -> str:
    if cfg["family"] == "toy":
        return f"{cfg['data_dim']}-D"
    return f"{cfg['resolution']}x{cfg['resolution']}x{cfg['channels']}"


def machine_line() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"torch {torch.__version__}, {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cores, {torch.get_num_threads()} torch threads, load {load:.1f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads (default: torch's own choice)")
    parser.add_argument("--reps", type=int, default=7, help="timed repetitions per batch size")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 8, 64])
    parser.add_argument("--families", nargs="+", default=list(FAMILIES), choices=FAMILIES)
    parser.add_argument("--checkpoints", nargs="+", default=[],
                        help="time these checkpoints' generators instead of the default configs")
    args = parser.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    print(machine_line())
    if args.checkpoints:
        from ganstudio.core.checkpoint import load_checkpoint
        models = [(Path(p).stem, load_checkpoint(p).build_generator(ema=True)) for p in args.checkpoints]
    else:
        models = [(family, build_generator(default_config(family)).eval()) for family in args.families]
    width = max(10, *(len(name) + 2 for name, _ in models))
    header = f"{'model':<{width}}{'size':<12}{'G params':>11}" + "".join(
        f"{f'batch {b} ms/img':>17}" for b in args.batches)
    print(header)
    print("-" * len(header))
    for name, G in models:
        cells = [time_forward(G, b, args.reps, args.warmup) / b * 1e3 for b in args.batches]
        params = sum(p.numel() for p in G.parameters())
        print(f"{name:<{width}}{describe(G.config):<12}{params:>11,}" + "".join(f"{c:>17.3f}" for c in cells))


if __name__ == "__main__":
    main()
