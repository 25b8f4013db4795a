"""`ganstudio eval --metrics fid,kid,pr,is,ppl`: metrics whose numbers compare with papers.

Generated samples are quantised to uint8, brought to the reference set's format (the data
loader inverted: :func:`evaluate.to_reference_pixels`) and embedded with the TF FID
Inception-v3 (:mod:`.inception`; its preprocessing is documented there).  The reference is
Fashion-MNIST's test split, the emoji set, or any image folder or IDX file; its features are
cached on disk (:mod:`.feature_cache`).  Every figure comes with its protocol:

- fid: Frechet distance of Gaussians fitted to pool3 features (Heusel et al. 2017),
- kid: unbiased squared MMD, cubic polynomial kernel, 100 subsets of up to 1,000 (Binkowski
  et al. 2018),
- pr: precision / recall with k = 3 nearest-neighbour manifolds (Kynkaanniemi et al. 2019) on
  equal numbers of generated and reference images,
- is: Inception Score (Salimans et al. 2016), 10 splits.  The shipped Inception network stops
  at pool3 (no ImageNet logits), so the class probabilities come from GAN Studio's
  Fashion-MNIST classifier (the usual practice for MNIST-like data): a score out of 10, NOT
  comparable with ImageNet-Inception IS; Fashion-MNIST references only,
- ppl: perceptual path length (Karras et al. 2019) of a StyleGAN: W space, full paths, lerp,
  eps 1e-4, constant noise, the mean over the 1st-99th percentiles of d / eps^2.  The published
  d is a VGG16 LPIPS distance we cannot ship; ours is the squared Inception pool3 feature
  distance, so the numbers only compare with other `ganstudio eval` PPLs.

With the ``fashion-mnist`` reference the same numbers for real training images (the floor:
what a perfect generator scores with this many samples) are computed too.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch

from ..core.nets import has_mapping
from ..errors import UsageError
from ..i18n import translate
from . import image_metrics as im
from . import inception
from .evaluate import (K_NEIGHBOURS, KID_SUBSET_SIZE, KID_SUBSETS, NotApplicable,
                       generate_images, to_classifier_pixels, to_reference_pixels)
from .feature_cache import cached_features

INCEPTION_METRICS = ("fid", "kid", "pr", "is", "ppl")
CLASSIFIER_METRICS = "classifier"  # the fast classifier-space report of evaluate.py
METRIC_CHOICES = (CLASSIFIER_METRICS,) + INCEPTION_METRICS
MIN_REFERENCE = 10
IS_SPLITS = 10
PPL_EPS = 1e-4


def parse_metrics(text: str) -> list[str]:
    """``"fid,kid"`` -> ["fid", "kid"]; :class:`UsageError` naming --metrics otherwise."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    bad = [n for n in names if n not in METRIC_CHOICES]
    if not names or bad:
        raise UsageError(f"--metrics: {'unknown metric ' + repr(bad[0]) if bad else 'empty'}; "
                        f"choose from {','.join(METRIC_CHOICES)} (comma-separated)")
    return list(dict.fromkeys(names))


# --- the reference set ---------------------------------------------------------------------------

def reference_for(against: str, trained: str | None) -> str:
    """What ``against`` compares with for a model trained on data of kind ``trained``: "auto"
    is the emoji set for emoji models and Fashion-MNIST's test set for any other."""
    if against == "auto":
        return "emoji" if trained == "emoji" else "fashion-mnist"
    return against


@dataclass
class RealSet:
    images: np.ndarray       # uint8 [N, C, R, R]
    description: str         # "10,000 Fashion-MNIST test images"
    fashion_mnist: bool      # the floor and IS apply


def _pick(n: int, k: int | None, seed: int) -> np.ndarray:
    """All indices in order, or ``k`` of them drawn with ``seed`` (sorted)."""
    if k is None or k >= n:
        return np.arange(n)
    return np.sort(np.random.RandomState(seed).permutation(n)[:k])


def load_reference(against: str, *, resolution: int, channels: int, recipe_data: dict | None,
                   data_dir: str | None = None, limit: int | None = None,
                   seed: int = 0) -> RealSet:
    """The real images to compare with: ``fashion-mnist`` (the test split, 28x28 grey),
    ``emoji`` (as the model was trained when it was, else all emoji) or a folder / IDX file
    (folders at the generator's resolution and channels, IDX files as stored)."""
    from .data import DataConfig, load_dataset
    if against == "fashion-mnist":
        from .classifier import fashion_mnist_28
        images, _ = fashion_mnist_28("test", data_dir)
        kind, name = "fashion_mnist", translate("eval", "Fashion-MNIST test images")
    else:
        if against == "emoji":
            cfg = dict(recipe_data) if (recipe_data or {}).get("kind") == "emoji" else {}
            cfg["kind"] = "emoji"
            name = translate("eval", "emoji images")
        elif os.path.isdir(against):
            cfg, name = {"kind": "folder", "path": against}, translate("eval", "images of {0}").format(against)
        else:
            cfg, name = {"kind": "idx", "path": against}, translate("eval", "images of {0}").format(against)
        allowed = {f for f in DataConfig.__dataclass_fields__}
        cfg = {k: v for k, v in cfg.items() if k in allowed and k != "limit"}
        native = cfg["kind"] == "idx"
        ds = load_dataset(cfg, resolution=None if native else resolution,
                          channels=None if native else channels)
        images, kind = ds.data.numpy(), cfg["kind"]
    images = np.ascontiguousarray(images[_pick(len(images), limit, seed)])
    if len(images) < MIN_REFERENCE:
        raise NotApplicable(f"the reference {against} holds {len(images)} image(s); Inception "
                            f"metrics need at least {MIN_REFERENCE}")
    if images.ndim != 4 or images.shape[1] not in (1, 3) or images.shape[2] != images.shape[3]:
        raise NotApplicable(f"the reference {against} has images of shape {images.shape[1:]}; "
                            "square images with 1 or 3 channels are needed")
    return RealSet(images, f"{len(images):,} {name}", kind == "fashion_mnist")


# --- features -----------------------------------------------------------------------------------

# The stages of an evaluation, as ``progress(stage, fraction)`` reports them to a front end that
# words them itself (the command line shows its own progress lines on ``stream``).
STAGES = ("samples", "reference", "generated", "floor", "ppl")
StageProgress = Callable[[str, float], None]


class _Bar:
    """(done, total) -> the shared progress line on stderr ("what: 42 % · about 3 min left"),
    and ``progress(stage, fraction)`` when given (which may raise progress.Cancelled)."""

    def __init__(self, what: str, stream, progress: StageProgress | None = None, stage: str = ""):
        from ..core.progress import ProgressLine
        self.line = ProgressLine(what, stream, after=0.0) if stream is not None else None
        self.progress, self.stage = progress, stage

    def __call__(self, done: int, total: int) -> None:
        if self.line is not None:
            self.line(done / max(1, total))
        if self.progress is not None:
            self.progress(self.stage, done / max(1, total))

    def close(self) -> None:
        if self.line is not None:
            self.line.close()


def real_features(images: np.ndarray, what: str, *, device, log, stream,
                  progress: StageProgress | None = None, stage: str = "reference") -> torch.Tensor:
    """Inception features of real images, from the cache when these pixels were seen before
    (stored in chunks as they are computed: an interrupted run resumes where it stopped)."""
    bar = _Bar(f"Inception features of {what} (cached as computed)", stream, progress, stage)
    try:
        feats, hit = cached_features(
            images, inception.PROTOCOL_ID,
            lambda x, report: inception.inception_features(x, device=device, progress=report),
            progress=bar)
    finally:
        bar.close()
    if hit:
        log(f"Inception features of {what}: from the cache")
    return feats


def generated_features(images: np.ndarray, what: str, *, device, stream,
                       progress: StageProgress | None = None) -> torch.Tensor:
    bar = _Bar(f"Inception features of {what}", stream, progress, "generated")
    try:
        return inception.inception_features(images, device=device, progress=bar)
    finally:
        bar.close()


# --- the metrics ---------------------------------------------------------------------------------

def feature_metrics(real: torch.Tensor, fake: torch.Tensor, metrics: list[str], *,
                    seed: int = 0) -> dict:
    """fid / kid / pr of ``fake`` against ``real`` features, each with its sample counts."""
    out: dict = {}
    if "fid" in metrics:
        out["fid"] = {"value": im.frechet_distance_features(fake, real),
                      "generated": len(fake), "reference": len(real)}
    if "kid" in metrics:
        mean, std = im.kid(fake, real, n_subsets=KID_SUBSETS, subset_size=KID_SUBSET_SIZE,
                           seed=seed)
        out["kid"] = {"value": mean, "std": std, "generated": len(fake), "reference": len(real),
                      "subsets": KID_SUBSETS, "subset_size": min(KID_SUBSET_SIZE, len(fake),
                                                                 len(real))}
    if "pr" in metrics:
        m = min(len(fake), len(real))  # equal counts: the radii of both manifolds compare
        r = real[_pick(len(real), m, seed + 2)]
        f = fake[_pick(len(fake), m, seed + 3)]
        precision, recall = im.precision_recall(r, f, K_NEIGHBOURS)
        out["precision"] = {"value": precision, "generated": m, "reference": m}
        out["recall"] = {"value": recall, "generated": m, "reference": m}
    return out


@torch.no_grad()
def classifier_probabilities(images: np.ndarray, device="cpu", batch: int = 500,
                             model=None) -> np.ndarray:
    """Fashion-MNIST class probabilities [N, 10] of uint8 images (any size, 1 or 3 channels);
    ``model``: an already loaded classifier (else the shipped one is read)."""
    from .classifier import load_classifier, to_input
    model = load_classifier(device=device) if model is None else model
    x = to_classifier_pixels(images)
    out = [torch.softmax(model(to_input(x[i:i + batch]).to(device)).double(), 1).cpu()
           for i in range(0, len(x), batch)]
    return torch.cat(out).numpy()


def inception_score_entry(images: np.ndarray, device) -> dict:
    mean, std = im.inception_score(classifier_probabilities(images, device), IS_SPLITS)
    return {"value": mean, "std": std, "generated": len(images), "splits": IS_SPLITS}


@torch.no_grad()
def path_length(G, n: int, *, seed: int, batch: int, device, stream=None,
                eps: float = PPL_EPS, progress: StageProgress | None = None) -> dict:
    """Perceptual path length of a StyleGAN in W (see the module docstring for the distance)."""
    from ..core.latent import sample_z
    z = sample_z(seed, 2 * n, G.z_dim)
    t = torch.from_numpy(np.random.RandomState(seed + 4).uniform(size=(n, 1, 1)).astype(np.float32))
    bar = _Bar(f"path length over {n:,} pairs", stream, progress, "ppl")
    dist = []
    try:
        for i in range(0, n, batch):
            j = min(i + batch, n)
            z0, z1 = z[i:j].to(device), z[n + i:n + j].to(device)
            w0, w1 = G.mapping(z0, psi=1.0), G.mapping(z1, psi=1.0)
            tb = t[i:j].to(device)
            ws = torch.cat([torch.lerp(w0, w1, tb), torch.lerp(w0, w1, tb + eps)])
            img = G.synthesis(ws, noise_mode="const")
            pixels = (img.float() + 1.0) * 127.5  # not quantised: the steps are sub-quantum
            f = inception.inception_features(pixels, device=device)
            a, b = f[:len(z0)].double(), f[len(z0):].double()
            dist.append(((a - b) ** 2).sum(1) / eps ** 2)
            bar(j, n)
    finally:
        bar.close()
    d = torch.cat(dist).numpy()
    return {"value": im.filtered_mean(d, 1, 99), "pairs": n, "eps": eps}


# --- evaluation of a checkpoint -------------------------------------------------------------------

def evaluate_inception(path, *, metrics: list[str], against: str = "auto", samples: int = 10_000,
                       seed: int = 0, psi: float = 1.0, device: str = "cpu", batch: int = 250,
                       floor: bool = True, reference: int | None = None, ema: bool = True,
                       ppl_samples: int = 1000, data_dir: str | None = None,
                       log=lambda s: None, stream=None,
                       progress: StageProgress | None = None) -> dict:
    """The Inception metrics ``metrics`` of the generator in checkpoint ``path`` as a dict.
    ``progress(stage, fraction)`` (a stage of :data:`STAGES`) may stop it by raising
    :class:`ganstudio.core.progress.Cancelled`."""
    from ..core.checkpoint import load_checkpoint
    metrics = [m for m in metrics if m in INCEPTION_METRICS]
    if any(m != "is" for m in metrics):
        inception.weights_path()  # says how to install the extra before any slow work
    ckpt = load_checkpoint(path)
    cfg = ckpt.model_config
    if ckpt.family == "toy" or "data_dim" in cfg:
        raise NotApplicable(f"{ckpt.path.name} is a toy model: image metrics do not apply")
    G = ckpt.build_generator(ema=ema, device=device)
    if psi != 1.0 and not has_mapping(G):
        raise NotApplicable(f"--psi needs a StyleGAN checkpoint ({ckpt.family} has no truncation)")
    if "ppl" in metrics and not has_mapping(G):
        raise NotApplicable(f"ppl needs a StyleGAN checkpoint ({ckpt.family} has no W space)")
    recipe_data = (ckpt.recipe or {}).get("data") if isinstance(ckpt.recipe, dict) else None
    against = reference_for(against, (recipe_data or {}).get("kind"))
    t0 = time.time()
    result = {"checkpoint": str(ckpt.path), "family": ckpt.family, "step": ckpt.step,
              "resolution": cfg.get("resolution"), "channels": cfg.get("channels"),
              "weights": "EMA" if ema and ckpt.G_ema is not None else "G",
              "samples": samples, "seed": seed, "psi": psi, "against": against,
              "protocol": inception.PROTOCOL, "generated": {}, "notes": []}
    if any(m in metrics for m in ("fid", "kid", "pr", "is")):
        ref = load_reference(against, resolution=cfg["resolution"], channels=cfg["channels"],
                             recipe_data=recipe_data, data_dir=data_dir, limit=reference,
                             seed=seed)
        result["reference"] = ref.description
        if "is" in metrics and not ref.fashion_mnist:
            raise NotApplicable("is needs the fashion-mnist reference (its class probabilities "
                                "come from the Fashion-MNIST classifier)")
        _sample_metrics(result, G, ref, metrics, samples=samples, seed=seed, psi=psi,
                        batch=batch, floor=floor, data_dir=data_dir, device=device, log=log,
                        stream=stream, progress=progress)
    if "ppl" in metrics:
        log(f"path length over {ppl_samples:,} pairs ...")
        result["generated"]["ppl"] = path_length(G, ppl_samples, seed=seed, batch=min(batch, 50),
                                                 device=device, stream=stream, progress=progress)
        result["notes"].append(translate(
            "eval", "PPL distance: squared Inception-v3 pool3 feature distance, NOT the published "
                    "VGG16 LPIPS (which cannot ship): compare only with other `ganstudio eval` PPLs"))
    result["seconds"] = round(time.time() - t0, 1)
    return result


def _sample_metrics(result: dict, G, ref: RealSet, metrics, *, samples, seed, psi, batch, floor,
                    data_dir, device, log, stream, progress=None) -> None:
    """fid / kid / pr / is of ``samples`` generated images (and the floor) into ``result``."""
    log(f"generating {samples:,} samples ...")
    fake_img = generate_images(G, samples, seed=seed, psi=psi, batch=batch, device=device,
                               progress=None if progress is None else
                               (lambda f: progress("samples", f)))
    fake_img = to_reference_pixels(fake_img, ref.images.shape[2], ref.images.shape[1])
    real = None
    if any(m in metrics for m in ("fid", "kid", "pr")):
        real = real_features(ref.images, ref.description, device=device, log=log, stream=stream,
                             progress=progress)
        fake = generated_features(fake_img, f"{samples:,} generated images", device=device,
                                  stream=stream, progress=progress)
        result["generated"].update(feature_metrics(real, fake, metrics, seed=seed))
        if "fid" in metrics and len(real) < 2048:
            result["notes"].append(translate("eval", "FID from fewer than 2,048 reference images is "
                                                     "biased upward a lot: compare it only with FIDs "
                                                     "of the same counts"))
    if "is" in metrics:
        result["generated"]["is"] = inception_score_entry(fake_img, device)
        result["notes"].append(translate(
            "eval", "IS class probabilities: GAN Studio's Fashion-MNIST classifier (10 classes), NOT "
                    "ImageNet Inception (the shipped network has no classification head)"))
    if floor and ref.fashion_mnist:
        result["floor"] = _floor(ref, real, metrics, samples, seed, data_dir, device, log, stream,
                                 progress)


def _floor(ref: RealSet, real, metrics, samples, seed, data_dir, device, log, stream,
           progress=None) -> dict:
    """The same metrics for real Fashion-MNIST training images (as many as samples)."""
    from .classifier import fashion_mnist_28
    train, _ = fashion_mnist_28("train", data_dir)
    pick = np.random.RandomState(seed + 1).choice(len(train), min(samples, len(train)),
                                                  replace=False)
    images = np.ascontiguousarray(train[pick])
    out = {}
    if real is not None:
        feats = real_features(images, f"{len(images):,} Fashion-MNIST training images",
                              device=device, log=log, stream=stream, progress=progress,
                              stage="floor")
        out.update(feature_metrics(real, feats, metrics, seed=seed))
    if "is" in metrics:
        out["is"] = inception_score_entry(images, device)
    return out


# --- report ---------------------------------------------------------------------------------------

def protocol_text(name: str, entry: dict, reference: str) -> str:
    """The protocol of one figure, in words (the user's language)."""
    what = reference.split(" ", 1)[1] if " " in reference else reference
    counts = translate("eval", "{0} generated vs {1} {2}").format(
        f"{entry.get('generated', 0):,}", f"{entry.get('reference', 0):,}", what)
    if name == "fid":
        return translate("eval", "Inception-v3 pool3, {0}, bilinear resize to 299").format(counts)
    if name == "kid":
        return translate("eval", "Inception-v3 pool3, cubic polynomial kernel, {0} subsets of {1}, "
                                 "{2}").format(entry["subsets"], f"{entry['subset_size']:,}", counts)
    if name in ("precision", "recall"):
        return translate("eval", "k={0} nearest-neighbour manifolds in Inception-v3 pool3, "
                                 "{1}").format(K_NEIGHBOURS, counts)
    if name == "is":
        return translate("eval", "{0} images, {1} splits, Fashion-MNIST classifier's 10 classes, "
                                 "not ImageNet Inception").format(f"{entry['generated']:,}", entry["splits"])
    if name == "ppl":
        return translate("eval", "W space, full paths, eps {0}, {1} pairs, 1st-99th percentile, "
                                 "squared Inception-v3 pool3 distance instead of VGG16 LPIPS").format(
            f"{entry['eps']:g}", f"{entry['pairs']:,}")
    return ""


def value_text(name: str, entry: dict) -> str:
    if name == "kid":
        return f"{entry['value']:.5f} ± {entry['std']:.5f}"
    if name == "is":
        return f"{entry['value']:.3f} ± {entry['std']:.3f}"
    if name in ("precision", "recall"):
        return f"{entry['value']:.4f}"
    return f"{entry['value']:.2f}"


_LABELS = {"fid": "FID", "kid": "KID", "precision": "precision", "recall": "recall",
           "is": "IS", "ppl": "PPL"}


def format_inception_report(r: dict) -> str:
    """The human-readable report of :func:`evaluate_inception`'s result."""
    from pathlib import Path
    lines = [f"ganstudio eval (Inception metrics): {Path(r['checkpoint']).name} ({r['family']}, "
             f"{r['resolution']}x{r['resolution']}, {r['channels']} channel(s), step {r['step']}, "
             f"{r['weights']} weights)",
             (f"{r['samples']:,} generated samples (seed {r['seed']}, psi {r['psi']})"
              f" against {r['reference']}" if "reference" in r
              else f"path length only (seed {r['seed']})"),
             f"Features: {r['protocol']}; uint8 images, grey replicated to 3 channels, "
             "(x - 128) / 128.", ""]
    floor = r.get("floor") or {}
    reference = r.get("reference", "")
    for name, entry in r["generated"].items():
        text = f"{_LABELS[name]} {value_text(name, entry)} ({protocol_text(name, entry, reference)})"
        if name in floor:
            text += f"; real training images: {value_text(name, floor[name])}"
        lines.append(text)
    for note in r["notes"]:
        lines.append(f"Note: {note}.")
    if r.get("floor") is None and reference.endswith("Fashion-MNIST test images"):
        lines.append("(floor skipped: run with --floor to see what real images score)")
    lines.append(f"({r['seconds']:.0f} s)")
    return "\n".join(lines)
