"""Classifier-space quality metrics of an image generator (`ganstudio eval`'s default report).

Generated samples are compared with the real Fashion-MNIST test set in the feature space of
GAN Studio's own small Fashion-MNIST classifier (:mod:`ganstudio.train.classifier`):

- FD: Frechet distance of Gaussians fitted to the features (NOT Inception FID: the numbers can
  only be compared with other ``ganstudio eval`` numbers),
- KID: unbiased squared MMD with the cubic polynomial kernel, mean and std over subsets,
- precision / recall: k-nearest-neighbour manifolds (Kynkaanniemi et al. 2019, k = 3),
- class coverage: how many of the 10 classes the classifier predicts for generated samples,
  and the KL divergence of the predicted-class histogram from uniform.

The *floor* is the same numbers for an equally large sample of real training images against
the test set: what a perfect generator would score with this many samples.

Generated images at any resolution and with 1 or 3 channels become the classifier's 28x28 grey
input the way the training data was made, in reverse: 32x32 (Fashion-MNIST padded by 2 pixels
per side) is centre-cropped, RGB becomes grey with the ITU-R 601 luma of the data loader, other
sizes are resized with Lanczos.  Toy (1-D / 2-D) models get a one-line refusal.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from ..core.nets import has_mapping
from ..i18n import translate
from . import image_metrics as im

NOT_INCEPTION = ("these are NOT Inception FID/KID numbers: features come from GAN Studio's own "
                 "Fashion-MNIST classifier, so compare them only with other `ganstudio eval` results")
K_NEIGHBOURS = 3
KID_SUBSETS, KID_SUBSET_SIZE = 100, 1000  # as in the KID paper and the StyleGAN metrics
TEST_IMAGES = 10_000
CLASSIFIER_ONLY = "classifier"  # --metrics value of this module's own report

Log = Callable[[str], None]


class NotApplicable(ValueError):
    """The checkpoint or an option cannot be evaluated (a toy model, --psi without StyleGAN)."""


# --- images -> classifier features -------------------------------------------------------------------

def to_classifier_pixels(images: np.ndarray) -> np.ndarray:
    """uint8 [N, C, R, R] (C = 1 or 3, any R) -> uint8 [N, 1, 28, 28], the classifier's input."""
    return to_reference_pixels(images, 28, 1)


def to_reference_pixels(images: np.ndarray, resolution: int, channels: int) -> np.ndarray:
    """uint8 [N, C, R, R] (C = 1 or 3, any R) -> uint8 [N, channels, resolution, resolution]:
    generated images in the reference set's format.

    Inverts the data loader: resolution < R <= resolution + 4 is the original padded equally
    on every side (28 -> 32), so the centre is cropped; other sizes are Lanczos-resized;
    RGB -> grey by ITU-R 601 luma, grey -> RGB by replication.
    """
    from .imageops import resize_batch, to_channels
    if images.ndim != 4 or images.shape[1] not in (1, 3) or images.shape[2] != images.shape[3]:
        raise ValueError(f"expected square uint8 images [N, 1|3, R, R], got {images.shape}")
    images = to_channels(images, channels)
    r = images.shape[2]
    if resolution < r <= resolution + 4:
        lo = (r - resolution) // 2
        images = images[:, :, lo:lo + resolution, lo:lo + resolution]
    elif r != resolution:
        images = resize_batch(images, resolution)
    return np.ascontiguousarray(images)


@torch.no_grad()
def embed(classifier, images: np.ndarray, batch: int = 500, device="cpu"
          ) -> tuple[torch.Tensor, torch.Tensor]:
    """(features float64 [N, F] on the CPU, predicted classes int64 [N]) of uint8 [N,1,28,28]."""
    from .classifier import to_input
    feats, preds = [], []
    for i in range(0, len(images), batch):
        f = classifier.features(to_input(images[i:i + batch]).to(device))
        feats.append(f.double().cpu())
        preds.append(classifier.logits_from_features(f).argmax(1).cpu())
    return torch.cat(feats), torch.cat(preds)


@torch.no_grad()
def generate_images(G, n: int, *, seed: int, psi: float, batch: int, device,
                    progress=None) -> np.ndarray:
    """n generated images as uint8 [N, C, R, R] from ``sample_z(seed, n, z_dim)``;
    ``progress(fraction)`` after every batch."""
    from ..core.imaging import to_uint8
    from ..core.latent import sample_z
    from ..core.nets import generate
    z = sample_z(seed, n, G.z_dim)
    torch.manual_seed(seed)  # StyleGAN noise inputs: the same seed gives the same images
    out = []
    for i in range(0, n, batch):
        zb = z[i:i + batch].to(device)
        x = generate(G, zb, psi=psi, noise_mode="random")
        if not torch.isfinite(x).all():
            raise ValueError(translate("eval", "the generator produced NaN or inf pixels: the checkpoint has "
                             "diverged; evaluate an earlier checkpoint"))
        out.append(to_uint8(x).transpose(0, 3, 1, 2))
        if progress is not None:
            progress(min(n, i + batch) / n)
    return np.ascontiguousarray(np.concatenate(out))


# --- metrics against the reference set ----------------------------------------------------------------

@dataclass
class Reference:
    """Features of the real test set, with the statistics every comparison needs."""
    feats: torch.Tensor
    mu: np.ndarray = field(init=False)
    sigma: np.ndarray = field(init=False)
    radii: torch.Tensor = field(init=False)

    def __post_init__(self):
        self.mu, self.sigma = im.mean_cov(self.feats)
        self.radii = im.knn_radii(self.feats.float(), K_NEIGHBOURS)


def compare(ref: Reference, feats: torch.Tensor, preds: torch.Tensor, seed: int = 0) -> dict:
    """Every metric of one sample (features + predicted classes) against the reference."""
    kid_mean, kid_std = im.kid(feats, ref.feats, n_subsets=KID_SUBSETS,
                               subset_size=KID_SUBSET_SIZE, seed=seed)
    precision, recall = im.precision_recall(ref.feats, feats, K_NEIGHBOURS, real_radii=ref.radii)
    covered, kl = im.class_coverage(preds)
    return {"fd": im.frechet_distance(*im.mean_cov(feats), ref.mu, ref.sigma),
            "kid": kid_mean, "kid_std": kid_std, "precision": precision, "recall": recall,
            "classes_covered": covered, "class_kl": kl,
            "class_histogram": im.class_histogram(preds).tolist()}


def evaluate_checkpoint(path, *, samples: int = 10_000, seed: int = 0, psi: float = 1.0,
                        device: str = "cpu", batch: int = 250, floor: bool = True,
                        reference: int = TEST_IMAGES, ema: bool = True,
                        classifier_path: str | None = None, data_dir: str | None = None,
                        log: Log = lambda s: None) -> dict:
    """All metrics of the generator in checkpoint ``path`` (and the floor) as a plain dict.

    Raises :class:`NotApplicable` (a one-line reason) for toy checkpoints and --psi without
    StyleGAN; CheckpointError / DataError / ClassifierError for unreadable inputs.
    """
    from ..core.checkpoint import load_checkpoint
    from .classifier import fashion_mnist_28, load_classifier
    ckpt = load_checkpoint(path)
    cfg = ckpt.model_config
    if ckpt.family == "toy" or "data_dim" in cfg:
        raise NotApplicable(f"{ckpt.path.name} is a toy {cfg.get('data_dim', '?')}-D model: "
                            "image metrics do not apply (toy mode coverage is reported while "
                            "training)")
    G = ckpt.build_generator(ema=ema, device=device)
    if psi != 1.0 and not has_mapping(G):
        raise NotApplicable(f"--psi needs a StyleGAN checkpoint ({ckpt.family} has no truncation)")
    classifier = load_classifier(classifier_path, device=device)

    t0 = time.time()
    log(f"loading the Fashion-MNIST test set ({reference} images) ...")
    test_img, _ = fashion_mnist_28("test", data_dir)
    test_img = test_img[np.random.RandomState(seed).permutation(len(test_img))[:reference]]
    ref = Reference(embed(classifier, test_img, device=device)[0])
    log(f"generating {samples} samples ...")
    fake = to_classifier_pixels(generate_images(G, samples, seed=seed, psi=psi, batch=batch,
                                                device=device))
    result = {
        "checkpoint": str(ckpt.path), "family": ckpt.family, "step": ckpt.step,
        "resolution": cfg.get("resolution"), "channels": cfg.get("channels"),
        "weights": "EMA" if ema and ckpt.G_ema is not None else "G",
        "samples": samples, "seed": seed, "psi": psi, "k": K_NEIGHBOURS,
        "reference": f"Fashion-MNIST test split ({len(test_img)} images)",
        "feature_space": {"classifier": str(classifier_path or "shipped fmnist_classifier.pt"),
                          "feature_dim": int(ref.feats.shape[1]),
                          "classifier_test_accuracy": classifier.test_accuracy,
                          "note": NOT_INCEPTION},
        "generated": compare(ref, *embed(classifier, fake, device=device), seed=seed),
    }
    if floor:
        log(f"floor: {samples} real training images against the test set ...")
        train_img, _ = fashion_mnist_28("train", data_dir)
        pick = np.random.RandomState(seed + 1).choice(len(train_img), min(samples, len(train_img)),
                                                      replace=False)
        result["floor"] = compare(ref, *embed(classifier, train_img[pick], device=device), seed=seed)
    data = (ckpt.recipe or {}).get("data") if isinstance(ckpt.recipe, dict) else None
    trained_on = data.get("kind") if isinstance(data, dict) else None
    if trained_on and trained_on != "fashion_mnist":
        result["warning"] = (f"this model was trained on {trained_on!r} data; the metrics measure "
                             "its distance to Fashion-MNIST")
    result["seconds"] = round(time.time() - t0, 1)
    return result


# --- report and command line -----------------------------------------------------------------------

_ROWS = (("FD (Frechet distance, classifier features)", "fd", "{:.4f}"),
         (f"KID (mean ± std over {KID_SUBSETS} subsets)", "kid", None),
         (f"precision (k={K_NEIGHBOURS})", "precision", "{:.4f}"),
         (f"recall (k={K_NEIGHBOURS})", "recall", "{:.4f}"),
         ("class coverage (classes predicted, of 10)", "classes_covered", "{}"),
         ("class KL from uniform (nats)", "class_kl", "{:.4f}"))


def _cell(metrics: dict | None, key: str, fmt: str | None) -> str:
    if metrics is None:
        return "-"
    if key == "kid":
        return f"{metrics['kid']:.4f} ± {metrics['kid_std']:.4f}"
    return fmt.format(metrics[key])


def format_report(r: dict) -> str:
    """The human-readable report of :func:`evaluate_checkpoint`'s result."""
    fs = r["feature_space"]
    lines = [f"ganstudio eval: {Path(r['checkpoint']).name} ({r['family']}, {r['resolution']}x"
             f"{r['resolution']}, {r['channels']} channel(s), step {r['step']}, {r['weights']} weights)",
             f"{r['samples']} samples (seed {r['seed']}, psi {r['psi']}) against the {r['reference']}",
             f"Note: {NOT_INCEPTION}.",
             f"Feature space: {fs['feature_dim']}-d penultimate layer of the classifier "
             f"({fs['classifier_test_accuracy']:.2%} test accuracy).", ""]
    floor = r.get("floor")
    width = max(len(row[0]) for row in _ROWS)
    lines.append(f"{'metric':<{width}}  {'generated':>17}  {'floor (train vs test)':>21}")
    for label, key, fmt in _ROWS:
        lines.append(f"{label:<{width}}  {_cell(r['generated'], key, fmt):>17}  "
                     f"{_cell(floor, key, fmt):>21}")
    lines.append("")
    lines.append("class histogram of generated samples: " +
                 " ".join(str(c) for c in r["generated"]["class_histogram"]))
    if floor is None:
        lines.append("(floor skipped: run with --floor to see what real images score)")
    if "warning" in r:
        lines.append(f"warning: {r['warning']}")
    lines.append(f"({r['seconds']:.0f} s)")
    return "\n".join(lines)
