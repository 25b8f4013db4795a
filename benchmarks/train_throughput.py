"""Training throughput: seed 000's way vs GAN Studio's Trainer, and each recipe's step beside
the machine's limit.

Seed 000 trains its DCGAN with a Dataset that converts one image at a time, a plain DataLoader,
and calls G twice per step.  This script runs that loop and our Trainer on the same DCGAN (the
course's layout: upsample + 3x3 conv G, dropout D; the seed's loop gets it as the course
writes it, nn.Upsample then nn.Conv2d, ours computes the same function with UpsampleConv) and
hyper-parameters (training/seed_dcgan_fashion.toml), interleaved in one process, and prints
images per second of each and the ratio (target: ours >= 2.5x at equal threads).  It also
prints images per CPU-second (the process's CPU time): on a shared machine wall time depends
on what else runs, CPU time much less so.

Then, for each recipe in --recipes, the step's time beside its limit: the plain convolutions
of the step's own forward and backward shapes (recorded from a real step, replayed alone,
see conv_limit.py), timed alternately with the steps; the fraction is limit / step
(target: the StyleGAN recipes at 60 % or better).

With --bf16, each recipe's step in bf16 mixed precision (train.cpu_bf16) against float32,
timed alternately, on a CPU that computes bf16 natively (AVX512-BF16 or AMX).

    python benchmarks/train_throughput.py [--steps 30] [--rounds 3] [--threads N]
        [--recipes seed_dcgan_fashion stylegan_fashion32 ...] [--no-seed] [--bf16]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

from conv_limit import ConvLimit, record_convolutions

from ganstudio.core.nets import build_discriminator, build_generator
from ganstudio.core.nets.dcgan import UpsampleConv
from ganstudio.train.recipe import Recipe
from ganstudio.train.steps import cpu_bf16_instructions
from ganstudio.train.trainer import Trainer

RECIPES = Path(__file__).resolve().parents[1] / "training"
# recipes timed against the limit; target: the StyleGAN ones at 60 % of it or better
LIMIT_RECIPES = ("seed_dcgan_fashion", "dcgan_fashion", "stylegan_fashion32", "stylegan_emoji")


class OneImageAtATime(Dataset):
    """The seed's input pipeline: per-sample float conversion and normalisation."""

    def __init__(self, images: torch.Tensor):
        self.images = images

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        x = self.images[i].float() / 255.0
        return (x - 0.5) / 0.5, 0


def as_written(G: nn.Module) -> nn.Module:
    """G with each of our UpsampleConv layers replaced by what the course writes, an
    nn.Upsample and an nn.Conv2d (same weights, same function, 2.25x the multiply-adds)."""
    for m in list(G.modules()):
        for child_name, child in list(m.named_children()):
            if isinstance(child, UpsampleConv):
                conv = nn.Conv2d(child.in_channels, child.out_channels, 3, 1, 1)
                conv.load_state_dict(child.state_dict())
                setattr(m, child_name, nn.Sequential(nn.Upsample(scale_factor=2), conv))
    return G


def seed_loop(recipe: Recipe, images: torch.Tensor):
    G, D = as_written(build_generator(recipe.model)), build_discriminator(recipe.model)
    betas = (recipe.optim.beta1, recipe.optim.beta2)
    opt_g = torch.optim.Adam(G.parameters(), recipe.optim.lr_g, betas=betas)
    opt_d = torch.optim.Adam(D.parameters(), recipe.optim.lr_d, betas=betas)
    bce = nn.BCEWithLogitsLoss()
    loader = DataLoader(OneImageAtATime(images), batch_size=recipe.train.batch, shuffle=True)
    batches = iter(loader)

    def step():
        nonlocal batches
        try:
            real, _ = next(batches)
        except StopIteration:
            batches = iter(loader)
            real, _ = next(batches)
        n = real.shape[0]
        ones, zeros = torch.ones(n, 1), torch.zeros(n, 1)
        z = torch.randn(n, G.z_dim)
        opt_d.zero_grad()
        d_loss = (bce(D(real), ones) + bce(D(G(z).detach()), zeros)) / 2   # G call 1
        d_loss.backward()
        opt_d.step()
        opt_g.zero_grad()
        g_loss = bce(D(G(z)), ones)                                        # G call 2
        g_loss.backward()
        opt_g.step()
        return n
    return step


def images_per_second(step, steps: int) -> tuple[float, float]:
    """(images per wall-clock second, images per CPU-second of this process)."""
    step()  # warm-up
    t0, c0, n = time.perf_counter(), time.process_time(), 0
    for _ in range(steps):
        n += step()
    return n / (time.perf_counter() - t0), n / (time.process_time() - c0)


def trainer_for(name: str, threads: int, bf16: bool = False) -> tuple[Recipe, Trainer]:
    overrides = ['train.device="cpu"', "train.log_every=1000000", f"train.cpu_bf16={str(bf16).lower()}"]
    if threads:
        overrides.append(f"train.threads={threads}")
    recipe = Recipe.load(RECIPES / f"{name}.toml", overrides)
    return recipe, Trainer(recipe, None)


def step_limit(trainer: Trainer, steps: int) -> tuple[ConvLimit, int]:
    """The convolutions of ``steps`` training steps (a whole cycle of lazy regularisers, so
    that their double-backward convolutions count at their real share), as a ConvLimit."""
    calls = record_convolutions(lambda: [trainer.step() for _ in range(steps)])
    return ConvLimit(calls), steps


def against_the_limit(name: str, args) -> None:
    """A recipe's training step beside the plain convolutions of its forward and backward
    passes, timed alternately; the fraction is limit time / step time (1 = at the limit)."""
    recipe, trainer = trainer_for(name, args.threads)
    cycle = max(1, int(getattr(recipe.objective, "r1_interval", 1) or 1))
    limit, n_steps = step_limit(trainer, cycle)
    batch = recipe.train.batch
    steps_ms, limit_ms = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _ in range(n_steps):
            trainer.step()
        steps_ms.append((time.perf_counter() - t0) * 1e3 / n_steps)
        limit_ms.append(limit.once_ms() / n_steps)
    step, plain = min(steps_ms), min(limit_ms)
    gflop = limit.flop() / n_steps / 1e9
    print(f"{name:<22}{batch:>6}{batch / step * 1e3:>10.0f}{step:>10.0f}{plain:>10.0f}"
          f"{plain / step:>9.0%}{gflop:>8.1f}{gflop / (step / 1e3):>9.0f}", flush=True)


def against_float32(name: str, args) -> None:
    """A recipe's step in bf16 mixed precision against float32, timed alternately."""
    _, plain = trainer_for(name, args.threads)
    recipe, mixed = trainer_for(name, args.threads, bf16=True)
    batch = recipe.train.batch
    rates = {"float32": [], "bf16": []}

    def stepper(trainer: Trainer):
        def step() -> int:
            trainer.step()
            return batch
        return step

    for _ in range(args.rounds):
        for key, trainer in (("float32", plain), ("bf16", mixed)):
            rates[key].append(images_per_second(stepper(trainer), args.steps)[0])
    f32, b16 = max(rates["float32"]), max(rates["bf16"])
    print(f"{name:<22}{batch:>6}{f32:>10.0f}{b16:>10.0f}{b16 / f32:>8.2f}x", flush=True)


def against_the_seed(args) -> None:
    """Seed 000's loop against our Trainer on the course's DCGAN, interleaved."""
    recipe, trainer = trainer_for("seed_dcgan_fashion", args.threads)
    images = trainer.data.data.cpu()
    seed_step = seed_loop(recipe, images)

    def ours():
        trainer.step()
        return recipe.train.batch

    seed_rates, our_rates = [], []
    for _ in range(args.rounds):
        seed_rates.append(images_per_second(seed_step, args.steps))
        our_rates.append(images_per_second(ours, args.steps))
    s, o = (statistics.median(r[0] for r in rates) for rates in (seed_rates, our_rates))
    s_cpu, o_cpu = (statistics.median(r[1] for r in rates) for rates in (seed_rates, our_rates))
    print(f"DCGAN {recipe.model['resolution']}px, batch {recipe.train.batch}, "
          f"{torch.get_num_threads()} torch thread(s), load {os.getloadavg()[0]:.1f}")
    for name, rates, wall, cpu in (("seed 000's loop", seed_rates, s, s_cpu),
                                   ("GAN Studio     ", our_rates, o, o_cpu)):
        print(f"{name} : {wall:8.1f} images/s  (rounds: {', '.join(f'{r[0]:.0f}' for r in rates)})"
              f"   {cpu:7.1f} images per CPU-second")
    print(f"ratio           : {o / s:8.2f}x  (target >= 2.5x)   per CPU-second: {o_cpu / s_cpu:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=30, help="timed steps per round and loop")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: trainer's choice)")
    ap.add_argument("--recipes", nargs="*", default=list(LIMIT_RECIPES),
                    help="recipes timed against their convolution limit")
    ap.add_argument("--no-seed", action="store_true", help="skip the comparison with seed 000")
    ap.add_argument("--bf16", action="store_true",
                    help="also time each recipe in bf16 mixed precision against float32")
    args = ap.parse_args()
    for key in ("steps", "rounds"):
        if not 1 <= getattr(args, key) <= 100000:
            ap.error(f"--{key} must be between 1 and 100000, got {getattr(args, key)}")
    if not 0 <= args.threads <= 256:
        ap.error(f"--threads must be between 0 and 256, got {args.threads}")
    if not args.no_seed:
        against_the_seed(args)
    if args.recipes:
        print(f"\nAgainst the limit (plain convolutions of the step's forward and backward shapes, "
              f"timed alternately, best of {args.rounds}; load {os.getloadavg()[0]:.1f})")
        head = (f"{'recipe':<22}{'batch':>6}{'img/s':>10}{'step ms':>10}{'conv ms':>10}"
                f"{'of limit':>9}{'GFLOP':>8}{'GFLOP/s':>9}")
        print(head)
        print("-" * len(head))
        for name in args.recipes:
            against_the_limit(name, args)
    if args.bf16:
        isa = cpu_bf16_instructions()
        if isa is None:
            print("\nbf16: this CPU has no bf16 instructions (AVX512-BF16 or AMX); not timed")
            return
        print(f"\nbf16 mixed precision ({isa}) against float32 (images/s, best of {args.rounds}, "
              f"timed alternately; load {os.getloadavg()[0]:.1f})")
        head = f"{'recipe':<22}{'batch':>6}{'float32':>10}{'bf16':>10}{'ratio':>9}"
        print(head)
        print("-" * len(head))
        for name in args.recipes:
            against_float32(name, args)


if __name__ == "__main__":
    main()
