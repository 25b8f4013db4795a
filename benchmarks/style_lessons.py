"""The numbers of the StyleGAN and evaluation lessons (Help ▸ StyleGAN lessons) for checkpoints.

    python benchmarks/style_lessons.py                                   # both shipped StyleGANs
    python benchmarks/style_lessons.py MODEL.pt [MODEL2.pkl ...] --studies mapping,noise

Prints every study of ganstudio.train.style_studies on each model (the same functions the
dialog runs) and the seconds each took. ``truncation`` and the class changes of ``mixing`` use
the shipped Fashion-MNIST classifier and are run for Fashion-MNIST models only.
Runs on one CPU thread by default (--threads).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.resources import resource  # noqa: E402
from ganstudio.train import style_studies as ss  # noqa: E402
from ganstudio.train.class_labels import is_fashion_mnist  # noqa: E402


SHIPPED = ("models/stylegan_fashion32.pt", "models/stylegan_emoji32.pt")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="*", help="checkpoints or official pickles (default: shipped)")
    ap.add_argument("--studies", default=",".join(ss.STUDIES),
                    help=f"comma-separated, of {', '.join(ss.STUDIES)}")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    if args.threads < 1:
        ap.error("--threads must be at least 1")
    studies = [s.strip() for s in args.studies.split(",") if s.strip()]
    unknown = [s for s in studies if s not in ss.STUDIES]
    if unknown:
        ap.error(f"--studies: unknown {unknown[0]!r}; choose from {', '.join(ss.STUDIES)}")
    torch.set_num_threads(args.threads)
    for path in args.models or [str(resource(p)) for p in SHIPPED]:
        ckpt = load_checkpoint(path)
        G = ckpt.build_generator(ema=True).eval()
        fashion = is_fashion_mnist(ckpt.summary())
        print(f"{Path(path).name} ({ckpt.family}, {'Fashion-MNIST' if fashion else 'not Fashion-MNIST'})")
        for key in studies:
            if key == "truncation" and not fashion:
                print(f"  {key:13s} (Fashion-MNIST models only)")
                continue
            t0 = time.perf_counter()
            numbers = ss.run_study(key, G, fashion).numbers
            shown = ", ".join(f"{k} {v:.4g}" for k, v in numbers.items())
            print(f"  {key:13s} {shown}   [{time.perf_counter() - t0:.1f} s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
