"""Projection (GAN inversion) quality and speed on the shipped StyleGANs.

    python benchmarks/projection.py                       # the issue's counts: 100 / 50 / 20
    python benchmarks/projection.py --fashion 10 --faces 10 --other 5 --baseline 10000
    python benchmarks/projection.py --fashion 20 --faces 0 --other 0 --distance pixel,ssim,d,classifier

For every set of targets and every latent space (w, w+): the reconstruction's PSNR and SSIM
(uint8 pixels, SSIM with an 11x11 Gaussian window), for Fashion-MNIST how often the shipped
classifier gives the reconstruction the class it gives the original, and the seconds per
image.  The baseline row is the nearest of --baseline random samples (z ~ N(0, I), the model's
fixed noise) by the same distance: projection must beat it.

Targets: Fashion-MNIST test images (never seen in training; 28x28 padded to 32 as in training),
the emoji StyleGAN's own training faces, and emoji that are not faces (animals, food, plants,
transport: outside what the model learned, they show what inversion cannot do).
Runs on one CPU thread by default (--threads).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.core.imaging import from_uint8, to_uint8  # noqa: E402
from ganstudio.core.latent import sample_z  # noqa: E402
from ganstudio.core.nets import generate  # noqa: E402
from ganstudio.core.projection import Projector, ProjectionSettings  # noqa: E402
from ganstudio.core.projection_distance import FeatureDistance, make_distance, psnr, ssim  # noqa: E402
from ganstudio.resources import resource  # noqa: E402

OTHER_SUBSETS = ("animals", "food", "plants", "transport")


def spaced(n_total: int, n: int) -> np.ndarray:
    """n indices spread evenly over range(n_total) (a fixed, reproducible pick)."""
    return np.unique(np.linspace(0, n_total - 1, n).round().astype(int))[:n]


def fashion_targets(n: int) -> tuple[torch.Tensor, np.ndarray]:
    from ganstudio.train.data import DataConfig, load_dataset
    ds = load_dataset(DataConfig(kind="fashion_mnist", split="test"), resolution=32, channels=1)
    idx = spaced(len(ds), n)
    return ds.data[idx].clone(), ds.labels[idx].numpy()


def emoji_targets(subsets: tuple[str, ...], n: int) -> torch.Tensor:
    from ganstudio.train.data import DataConfig, load_dataset
    per = [load_dataset(DataConfig(kind="emoji", emoji_subset=s, background="#ffffff"),
                        resolution=32, channels=3).data for s in subsets]
    k = -(-n // len(per))
    picked = torch.cat([d[spaced(len(d), min(k, len(d)))] for d in per])
    return picked[spaced(len(picked), n)].clone()


class Classifier:
    """The shipped Fashion-MNIST classifier: predicted classes and (for a distance) features."""

    def __init__(self):
        from ganstudio.train.classifier import load_classifier
        self.net = load_classifier()

    def classes(self, images_uint8: np.ndarray) -> np.ndarray:
        from ganstudio.train.evaluate import embed, to_classifier_pixels
        return embed(self.net, to_classifier_pixels(images_uint8))[1].numpy()

    def features(self, images: torch.Tensor) -> list[torch.Tensor]:
        """[N, 1, 32, 32] in [-1, 1] -> the three conv blocks' outputs (centre 28x28 crop)."""
        x = (images[:, :, 2:30, 2:30] - self.net.mean) / self.net.std
        out = []
        for block in self.net.convs:
            x = block(x)
            out.append(x)
        return out


def build_distance(name: str, target: torch.Tensor, D, classifier: Classifier | None):
    if name == "classifier":
        return FeatureDistance(target, classifier.features, "classifier")
    return make_distance(name, target, D)


@torch.no_grad()
def baseline(G, targets: torch.Tensor, dist_name: str, D, classifier, n_samples: int,
             chunk: int = 500) -> np.ndarray:
    """For each target, the uint8 image [C, R, R] of the nearest of n_samples random samples."""
    dists = [build_distance(dist_name, from_uint8(t.permute(1, 2, 0).numpy())[0], D, classifier)
             for t in targets]
    best_d = torch.full((len(targets),), float("inf"))
    best = torch.zeros_like(targets)
    for i in range(0, n_samples, chunk):
        z = sample_z(10_000 + i, min(chunk, n_samples - i), G.z_dim)
        images = generate(G, z).float()
        emb = dists[0].embed(images)
        pixels = torch.from_numpy(to_uint8(images)).permute(0, 3, 1, 2)
        for k, d in enumerate(dists):
            dk = d.compare(emb)
            j = int(dk.argmin())
            if float(dk[j]) < best_d[k]:
                best_d[k], best[k] = float(dk[j]), pixels[j]
    return best.numpy()


def quality(recon: np.ndarray, targets: torch.Tensor) -> tuple[float, float]:
    """Mean PSNR (dB) and SSIM of uint8 reconstructions [N, C, R, R] against the targets."""
    a = torch.from_numpy(recon).float().div(127.5).sub(1)
    b = targets.float().div(127.5).sub(1)
    return float(psnr(a, b).clamp(max=100).mean()), float(ssim(a, b).mean())


def project_all(G, targets: torch.Tensor, space: str, dist_name: str, D, classifier, args
                ) -> tuple[np.ndarray, float]:
    recon, seconds, cpu = [], [], []
    for k, t in enumerate(targets):
        target = t.float().div(127.5).sub(1)
        settings = ProjectionSettings(space=space, steps=args.steps, lr=args.lr, start=args.start,
                                      noise=args.noise, w_noise=args.w_noise)
        t0, c0 = time.perf_counter(), time.process_time()
        res = Projector(G, target, settings, build_distance(dist_name, target, D, classifier)).run()
        seconds.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        recon.append(res.reconstruction.transpose(2, 0, 1))
        print(f"\r  {space:>2} {dist_name}: {k + 1}/{len(targets)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return np.stack(recon), float(np.mean(seconds)), float(np.mean(cpu))


def evaluate_set(title: str, model: str, targets: torch.Tensor, args, classify: bool) -> list[dict]:
    ck = load_checkpoint(resource(f"models/{model}"))
    G, D = ck.build_generator(ema=True), ck.build_discriminator()
    classifier = Classifier() if (classify or "classifier" in args.distance) else None
    original = classifier.classes(targets.numpy()) if classify else None
    rows = []

    def row(what: str, dist_name: str, recon: np.ndarray, sec: float, cpu: float):
        p, s = quality(recon, targets)
        r = {"set": title, "n": len(targets), "method": what, "distance": dist_name,
             "psnr": round(p, 2), "ssim": round(s, 3), "s_per_image": round(sec, 2),
             "cpu_s_per_image": round(cpu, 2)}
        if classify:
            r["same_class"] = round(float((classifier.classes(recon) == original).mean()), 3)
        rows.append(r)
        print("  " + json.dumps(r), file=sys.stderr)

    for dist_name in args.distance:
        if dist_name == "classifier" and not classify:
            continue
        if args.baseline:
            t0, c0 = time.perf_counter(), time.process_time()
            recon = baseline(G, targets, dist_name, D, classifier, args.baseline)
            row(f"nearest of {args.baseline} samples", dist_name, recon,
                (time.perf_counter() - t0) / len(targets), (time.process_time() - c0) / len(targets))
        for space in args.spaces:
            recon, sec, cpu = project_all(G, targets, space, dist_name, D, classifier, args)
            row(f"projection in {space}, {args.steps} steps", dist_name, recon, sec, cpu)
    return rows


def table(rows: list[dict]) -> str:
    head = "| set | n | method | distance | PSNR dB | SSIM | same class | s / image (CPU s) |\n" \
           "|---|---|---|---|---|---|---|---|\n"
    def cell(v, fmt: str) -> str:
        return "" if v is None else fmt.format(v)
    return head + "".join(
        f"| {r['set']} | {r['n']} | {r['method']} | {r['distance']} | {r['psnr']:.2f} | {r['ssim']:.3f} | "
        f"{cell(r.get('same_class'), '{:.0%}')} | {r['s_per_image']:.1f} ({r['cpu_s_per_image']:.1f}) |\n"
        for r in rows)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fashion", type=int, default=100, help="Fashion-MNIST test images (0 = skip)")
    p.add_argument("--faces", type=int, default=50, help="emoji faces from the training set (0 = skip)")
    p.add_argument("--other", type=int, default=20, help="emoji that are not faces (0 = skip)")
    p.add_argument("--steps", type=int, default=500)
    p.add_argument("--spaces", default="w,w+")
    p.add_argument("--distance", default="d", help="comma-separated: pixel, ssim, d, classifier")
    p.add_argument("--baseline", type=int, default=10_000, help="random samples of the baseline (0 = none)")
    p.add_argument("--lr", type=float, default=ProjectionSettings.lr)
    p.add_argument("--w-noise", type=float, default=ProjectionSettings.w_noise)
    p.add_argument("--start", default=ProjectionSettings.start, choices=("mean", "best"))
    p.add_argument("--noise", default=ProjectionSettings.noise, choices=("const", "optimise"))
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--json", default=None, help="also write the rows as JSON here")
    args = p.parse_args(argv)
    args.spaces = [s for s in args.spaces.split(",") if s]
    args.distance = [d for d in args.distance.split(",") if d]
    torch.set_num_threads(args.threads)
    rows = []
    if args.fashion:
        rows += evaluate_set("Fashion-MNIST test", "stylegan_fashion32.pt", fashion_targets(args.fashion)[0],
                             args, classify=True)
    if args.faces:
        rows += evaluate_set("emoji faces (training)", "stylegan_emoji32.pt",
                             emoji_targets(("faces",), args.faces), args, classify=False)
    if args.other:
        rows += evaluate_set("emoji, not faces", "stylegan_emoji32.pt", emoji_targets(OTHER_SUBSETS, args.other),
                             args, classify=False)
    print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
