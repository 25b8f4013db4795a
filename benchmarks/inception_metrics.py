"""Sanity check of the Inception metrics (`ganstudio eval --metrics fid,kid,pr`) on real data.

Real Fashion-MNIST training images against the 10,000 test images must score a small FID
(about 3.8 for 5,000 images with the TF FID network), and damaging them must make every
distance rise monotonically: Gaussian blur, additive Gaussian noise, and dropping classes.
Prints one row per set.  Every set's features come from (and go to) the reference cache of
`ganstudio eval`, in chunks as they are computed, so an interrupted run resumes.

    .venv/bin/python benchmarks/inception_metrics.py [--floor-images 5000] [--damaged 1000]

Damaged sets are the first ``--damaged`` images of the clean sample, so each is compared
with the clean sample of the same size (the FID of N images carries an O(1/N) bias).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganstudio.train import image_metrics as im  # noqa: E402
from ganstudio.train.classifier import fashion_mnist_28  # noqa: E402
from ganstudio.train.inception_eval import real_features  # noqa: E402

BLUR_SIGMAS = (0.5, 1.0, 2.0)      # pixels of the 28x28 images
NOISE_SIGMAS = (8.0, 16.0, 32.0)   # grey levels of 255
KEPT_CLASSES = (9, 7, 5)           # classes left after dropping the others


def blur(images: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian blur (separable, reflect padding) of uint8 [N, 1, H, W], rounded to uint8."""
    r = int(np.ceil(3 * sigma))
    k = torch.exp(-torch.arange(-r, r + 1, dtype=torch.float32) ** 2 / (2 * sigma ** 2))
    k = k / k.sum()
    x = torch.from_numpy(images).float()
    x = F.conv2d(F.pad(x, (r, r, 0, 0), mode="reflect"), k.view(1, 1, 1, -1))
    x = F.conv2d(F.pad(x, (0, 0, r, r), mode="reflect"), k.view(1, 1, -1, 1))
    return x.round().clamp(0, 255).to(torch.uint8).numpy()


def noise(images: np.ndarray, sigma: float, seed: int = 0) -> np.ndarray:
    """Additive Gaussian noise of ``sigma`` grey levels, clipped and rounded to uint8."""
    gen = torch.Generator().manual_seed(seed)
    x = torch.from_numpy(images).float()
    x = x + sigma * torch.randn(x.shape, generator=gen)
    return x.round().clamp(0, 255).to(torch.uint8).numpy()


def row(name: str, feats: torch.Tensor, test: torch.Tensor, seconds: float) -> str:
    fid = im.frechet_distance_features(feats, test)
    kid, _ = im.kid(feats, test, n_subsets=100, subset_size=1000)
    return f"{name:<34} {len(feats):>6,} {fid:>9.2f} {kid:>10.5f} {seconds:>8.0f}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--floor-images", type=int, default=5000,
                   help="clean training images (default 5000)")
    p.add_argument("--damaged", type=int, default=1000,
                   help="images in each blurred / noised / class-dropped set (default 1000)")
    p.add_argument("--threads", type=int, default=1, help="CPU threads (default 1)")
    args = p.parse_args(argv)
    if not 10 <= args.floor_images <= 60_000:
        p.error(f"--floor-images must be in [10, 60000], got {args.floor_images}")
    if not 10 <= args.damaged <= args.floor_images:
        p.error(f"--damaged must be in [10, --floor-images], got {args.damaged}")
    if args.threads < 1:
        p.error(f"--threads must be at least 1, got {args.threads}")
    torch.set_num_threads(args.threads)
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731

    test_img, _ = fashion_mnist_28("test")
    test = real_features(test_img, f"{len(test_img):,} Fashion-MNIST test images",
                         device="cpu", log=log, stream=sys.stderr)
    train_img, train_lab = fashion_mnist_28("train")
    # the floor sample of `ganstudio eval --samples N` (seed 0): its features are cached
    pick = np.random.RandomState(1).choice(len(train_img), args.floor_images, replace=False)
    clean_img, clean_lab = np.ascontiguousarray(train_img[pick]), train_lab[pick]
    t0 = time.time()
    clean = real_features(clean_img, f"{len(clean_img):,} Fashion-MNIST training images",
                          device="cpu", log=log, stream=sys.stderr)
    print(f"Inception-v3 pool3 FID / KID against the {len(test):,} Fashion-MNIST test images "
          f"(uint8, bilinear resize to 299)")
    print(f"{'set':<34} {'images':>6} {'FID':>9} {'KID':>10} {'seconds':>8}")
    print(row("clean training images", clean, test, time.time() - t0))
    n = args.damaged
    opts = dict(device="cpu", log=log, stream=sys.stderr)  # damaged sets are cached too
    print(row("clean training images (subset)", clean[:n], test, 0))
    for sigma in BLUR_SIGMAS:
        t0 = time.time()
        f = real_features(blur(clean_img[:n], sigma), f"{n:,} blurred images", **opts)
        print(row(f"blurred, sigma {sigma:g} px", f, test, time.time() - t0), flush=True)
    for sigma in NOISE_SIGMAS:
        t0 = time.time()
        f = real_features(noise(clean_img[:n], sigma), f"{n:,} noised images", **opts)
        print(row(f"noised, sigma {sigma:g} grey levels", f, test, time.time() - t0), flush=True)
    for kept in KEPT_CLASSES:
        idx = np.flatnonzero(clean_lab < kept)[:n]  # from the clean features: no new passes
        print(row(f"classes 0-{kept - 1} only ({10 - kept} dropped)", clean[idx], test, 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
