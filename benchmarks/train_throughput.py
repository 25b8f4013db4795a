"""Training throughput: seed 000's way vs GAN Studio's Trainer, same network, same recipe.

Seed 000 trains its DCGAN with a Dataset that converts one image at a time, a plain DataLoader,
and calls G twice per step.  This script runs that loop and our Trainer on the same DCGAN (the
course's layout: upsample + 3x3 conv G, dropout D; the seed's loop gets it as the course
writes it, nn.Upsample then nn.Conv2d, ours computes the same function with UpsampleConv) and
hyper-parameters (training/seed_dcgan_fashion.toml), interleaved in one process, and prints
images per second of each and the ratio (target: ours >= 1.5x on a 2-core CPU).  It also
prints images per CPU-second (the process's CPU time): on a shared machine wall time depends
on what else runs, CPU time much less so.

    python benchmarks/train_throughput.py [--steps 30] [--rounds 3] [--threads N]
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

from ganstudio.core.nets import build_discriminator, build_generator
from ganstudio.core.nets.dcgan import UpsampleConv
from ganstudio.train.recipe import Recipe
from ganstudio.train.trainer import Trainer

RECIPE = Path(__file__).resolve().parents[1] / "training" / "seed_dcgan_fashion.toml"


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=30, help="timed steps per round and loop")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (median reported)")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: trainer's choice)")
    args = ap.parse_args()
    overrides = ['train.device="cpu"', "train.log_every=1000000"]
    if args.threads:
        overrides.append(f"train.threads={args.threads}")
    recipe = Recipe.load(RECIPE, overrides)
    trainer = Trainer(recipe, None)
    threads = torch.get_num_threads()
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
    print(f"DCGAN {recipe.model['resolution']}px, batch {recipe.train.batch}, {threads} torch "
          f"thread(s), load {os.getloadavg()[0]:.1f}")
    for name, rates, wall, cpu in (("seed 000's loop", seed_rates, s, s_cpu),
                                   ("GAN Studio     ", our_rates, o, o_cpu)):
        print(f"{name} : {wall:8.1f} images/s  (rounds: {', '.join(f'{r[0]:.0f}' for r in rates)})"
              f"   {cpu:7.1f} images per CPU-second")
    print(f"ratio           : {o / s:8.2f}x  (target >= 1.5x)   per CPU-second: {o_cpu / s_cpu:.2f}x")


if __name__ == "__main__":
    main()
