"""How fast the Inception features of `ganstudio eval` and `train.eval_every` are computed: the
shipped TorchScript network as it comes (batches of 50, what GAN Studio ran before) against the
rebuilt one it runs now (``ganstudio.train.inception.InceptionFeatures``: batch norms folded,
channels-last, batches of 8 on a CPU), in one run on the same images, and how far their
features are apart.

    .venv/bin/python benchmarks/inception_speed.py [--images 200] [--threads 1] [--device cpu]

Prints images per second of each, their ratio, the largest feature difference and the FID
between the two feature sets of the same images (0 up to float rounding). Needs the metrics
extra (`pip install 'ganstudio[metrics]'`).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganstudio.train import image_metrics as im  # noqa: E402
from ganstudio.train import inception  # noqa: E402


def timed(fn, images: torch.Tensor, batch: int) -> tuple[torch.Tensor, float]:
    out = []
    with torch.inference_mode():
        fn(inception.inception_input(images[:batch]))     # warm-up (allocations, kernel choice)
        t0 = time.perf_counter()
        for i in range(0, len(images), batch):
            out.append(fn(inception.inception_input(images[i:i + batch])).float())
        seconds = time.perf_counter() - t0
    return torch.cat(out), len(images) / seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--images", type=int, default=200, help="images to embed with each network")
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    args = ap.parse_args(argv)
    if not 8 <= args.images <= 100_000:
        ap.error("--images must be 8..100000")
    if args.threads < 1:
        ap.error("--threads must be at least 1")
    if not inception.available():
        ap.error(f"no Inception weights: {inception.INSTALL_HINT}")
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    rng = np.random.default_rng(0)
    # Fashion-MNIST-like inputs: grey 32 px images, half of them smooth blobs, half noise
    yy, xx = np.mgrid[:32, :32]
    blobs = [((yy - rng.integers(10, 22)) ** 2 / rng.uniform(20, 80) + (xx - 16) ** 2 / rng.uniform(20, 80) < 1)
             * rng.integers(80, 256) for _ in range(args.images // 2)]
    noise = rng.integers(0, 256, (args.images - len(blobs), 32, 32))
    images = torch.from_numpy(np.concatenate([np.stack(blobs), noise]).astype(np.uint8)[:, None]).to(device)
    script = inception.load_script(device)
    rebuilt = inception.load_inception(device)
    batch = inception.default_batch(device)
    before, rate_before = timed(script, images, 50)
    after, rate_after = timed(rebuilt, images, batch)
    fid = im.frechet_distance_features(before.double(), after.double())
    print(f"{'network':44} {'batch':>5} {'images/s':>9}")
    print(f"{'TorchScript as shipped':44} {50:>5} {rate_before:>9.2f}")
    print(f"{'rebuilt (folded norms, channels-last)':44} {batch:>5} {rate_after:>9.2f}")
    print(f"speed-up {rate_after / rate_before:.2f}x on {args.images} images, {args.threads} thread(s), {device}")
    print(f"largest feature difference {float((after - before).abs().max()):.2e} "
          f"(features up to {float(before.abs().max()):.2f}); FID between the two sets {fid:.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
