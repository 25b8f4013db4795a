"""The Layers view and StyleGAN3's input transform on this machine: what they cost and show.

For a model (a GAN Studio checkpoint or an official pickle), measured in one run:

- the time of a full render of one image and of a capture of the first, a middle and the last
  layer (the forward stops at the captured layer, so an early layer costs a fraction of the
  render), as a ratio of the full render;
- for a StyleGAN3 model, equivariance to whole-pixel translations: the PSNR (dB) between the
  image and the image rendered with its input moved by k pixels and then untransformed
  (moved back), over the part of the image that stays inside, beside the PSNR without
  moving it back (how much the picture changes at all) and the PSNR of the moved image
  against the plain image shifted by k pixels (which the untransform computes exactly).

    python benchmarks/inside_network.py MODEL [--shifts 1 8] [--threads 2] [--reps 3]

e.g. ``python benchmarks/pickle_open.py --configs sg3t256 --dir /tmp/pk`` writes a StyleGAN3-T
256 px pickle with random weights to measure.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.core.input_transform import InputTransform, supports_input_transform  # noqa: E402
from ganstudio.core.layer_capture import LayerCapture  # noqa: E402
from ganstudio.core.render import Latent, RenderRequest, render  # noqa: E402
from ganstudio.core.render_job import request_layers  # noqa: E402


def timed(G, request, reps: int = 1):
    """The result and the best time of ``reps`` renders (this machine's cores are shared)."""
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        result = render(G, request)
        best = min(best, time.perf_counter() - t0)
        if result.error:
            raise SystemExit(result.error)
    return result, best


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 10 * np.log10(255.0 ** 2 / max(mse, 1e-12))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shifts", type=int, nargs="+", default=[1, 8], help="translations to test, in pixels")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--reps", type=int, default=3, help="best of this many timings")
    args = ap.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    G = load_checkpoint(args.model).build_generator(ema=True).eval()
    req = RenderRequest((Latent.from_seed(args.seed, G.z_dim),))
    layers = [info for info in request_layers(G, req) if len(info.shape) == 3]
    plain, full_s = timed(G, req, args.reps)
    print(f"{Path(args.model).name}: {len(layers)} layers with feature maps; full render {full_s * 1000:.1f} ms")
    for info in (layers[0], layers[len(layers) // 2], layers[-1]):
        _, t = timed(G, req.replace(capture=LayerCapture(info.name)), args.reps)
        print(f"  capture {info.name:<16} {' x '.join(map(str, info.shape)):>16}: {t * 1000:.1f} ms "
              f"({t / full_s:.2f} of the full render)")
    if not supports_input_transform(G):
        print("  (not a StyleGAN3 model: no input transform)")
        return 0
    res = int(G.img_resolution)
    a = plain.images[0]
    for k in args.shifts:
        moved = render(G, req.replace(input_transform=InputTransform.from_pixels(k, 0, 0, res))).images[0]
        back = render(G, req.replace(input_transform=InputTransform.from_pixels(k, 0, 0, res, True))).images[0]
        inside = (slice(None), slice(0, res - k))
        print(f"  translate {k} px: PSNR untransformed {psnr(a[inside], back[inside]):.1f} dB, "
              f"not moved back {psnr(a[inside], moved[inside]):.1f} dB, "
              f"moved vs plain shifted {psnr(a[:, :res - k], moved[:, k:]):.1f} dB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
