"""Directions you define, measured on the shipped Fashion-MNIST StyleGAN (issue 18, section 3).

    python benchmarks/named_directions.py                     # defaults below
    python benchmarks/named_directions.py --samples 4000 --test 64 --trials 5

1. Label-by-click fits: a planted direction of w (drawn along w's own spread, as attributes
   are) labels sample ws with a little label noise; for 20 + 20, 50 + 50, 200 + 200 and
   1000 + 1000 labels, the cosine between the fitted normal and the planted direction and the
   held-out accuracy (mean over --trials), for both fits, with the seconds per fit.
2. Class directions: --samples ws labelled by the shipped classifier, one direction per class;
   the seconds it takes (labelling, fitting), each direction's held-out accuracy, and how much
   2 sigma along it raises the classifier's mean probability of its class on --test other ws
   (and the share of those ws whose probability rose).
Runs on one CPU thread by default (--threads).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ganstudio.core import boundary as B  # noqa: E402
from ganstudio.core import named_directions as N  # noqa: E402
from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.resources import resource  # noqa: E402
from ganstudio.train.class_labels import class_names, fashion_classify  # noqa: E402


def planted(G, trials: int) -> None:
    w = N.map_z(G, N.sample_z(1, 4000, G.z_dim))
    cov = np.cov(w.T)
    evals, evecs = np.linalg.eigh(cov)
    half = evecs @ np.diag(np.sqrt(np.maximum(evals, 0))) @ evecs.T
    rng = np.random.RandomState(0)
    print("label-by-click fit: cosine with a planted direction, held-out accuracy, seconds per fit")
    for per_side in (20, 50, 200, 1000):
        for method in B.METHODS:
            cos, acc, secs = [], [], []
            for _ in range(trials):
                d = half @ rng.randn(w.shape[1])
                d /= np.linalg.norm(d)
                x = w[rng.choice(len(w), 2 * per_side * 2, replace=False)]
                score = (x - w.mean(0)) @ d
                noisy = score + 0.1 * score.std() * rng.randn(len(x))
                order = np.argsort(noisy)
                pick = np.concatenate([order[:per_side], order[-per_side:]])   # clear cases, as a user marks
                t0 = time.perf_counter()
                b = B.fit_boundary(x[pick], noisy[pick] > np.median(noisy), method)
                secs.append(time.perf_counter() - t0)
                cos.append(float(b.normal @ d))
                acc.append(b.held_out_accuracy)
            print(f"  {per_side:5d} + {per_side:<5d} {method:8s} cosine {np.mean(cos):.3f} (min {np.min(cos):.3f})"
                  f"  held-out {np.mean(acc):.3f}  {np.mean(secs):.2f} s")


def classes(G, samples: int, test: int) -> None:
    classify = fashion_classify()
    t0 = time.perf_counter()
    ws, ps = [], []
    for start in range(0, samples, 250):
        w, p = N.label_samples(G, classify, 0, min(250, samples - start), start)
        ws.append(w)
        ps.append(p)
    t1 = time.perf_counter()
    dirs = N.fit_class_directions(np.concatenate(ws), np.concatenate(ps), class_names(), G)
    t2 = time.perf_counter()
    print(f"class directions: {samples} samples labelled in {t1 - t0:.1f} s, 10 directions fitted in {t2 - t1:.1f} s")
    w = torch.from_numpy(N.map_z(G, N.sample_z(123, test, G.z_dim))).float()

    def probs(ws):
        with torch.no_grad():
            return classify(G.synthesis(ws.unsqueeze(1).repeat(1, G.num_ws, 1), noise_mode="const"))

    before = probs(w)
    for d in dirs:
        k = d.details["class"]
        after = probs(w + 2.0 * d.scale * torch.from_numpy(d.vector.copy()))
        gain = float(after[:, k].mean() - before[:, k].mean())
        rose = float((after[:, k] > before[:, k]).float().mean())
        print(f"  {d.name:28s} held-out {d.details['held_out_accuracy']:.3f}  in class {d.details['in_class']:4d}"
              f"  P(class) {float(before[:, k].mean()):.3f} -> {float(after[:, k].mean()):.3f}"
              f" (+{gain:.3f}), rose for {rose:.0%}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=4000, help="class directions: ws labelled (default 4000)")
    ap.add_argument("--test", type=int, default=64, help="class directions: ws the effect is measured on")
    ap.add_argument("--trials", type=int, default=5, help="planted directions per setting (default 5)")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    for name in ("samples", "test", "trials", "threads"):
        if not 1 <= getattr(args, name) <= 1_000_000:
            ap.error(f"--{name} must be 1..1,000,000")
    torch.set_num_threads(args.threads)
    G = load_checkpoint(resource("models/stylegan_fashion32.pt")).build_generator()
    planted(G, args.trials)
    classes(G, args.samples, args.test)
    return 0


if __name__ == "__main__":
    sys.exit(main())
