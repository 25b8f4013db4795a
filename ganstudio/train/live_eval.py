"""Inception metrics while training (``train.eval_every``): FID / KID / precision-recall of a
small sample from the EMA generator against the run's own training images, every N steps.

The engine calls it between two steps (on its own thread, holding the trainer's lock), so the
numbers belong to exactly the weights of that step.  The reference is the training set as the
run loaded it (so no resizing or colour conversion differs), at most ``REFERENCE_MAX`` images
drawn with the run's seed; its features are computed at the first evaluation and cached on
disk (:mod:`.feature_cache`), so a resumed run or a second run on the same data does not pay
for them again.  The generated images come from a fixed latent seed, so the curve shows the
generator changing, not the sample.

Small samples bias FID upwards (a lot below 2,048): the curve is for comparing steps and runs
of the same protocol, which the log line states (``eval_samples``).  ``ganstudio eval`` gives
the numbers that compare with papers.
"""
from __future__ import annotations

import math
import time

import numpy as np
import torch

from ..text import parse_names
from .inception_eval import (IS_SPLITS, classifier_probabilities, feature_metrics,
                             generated_features, real_features)
from .state import TrainingError

LIVE_METRICS = ("fid", "kid", "pr", "is")
REFERENCE_MAX = 10_000
LATENT_SEED_OFFSET = 7_919      # generated samples: seed + this (never the training z stream)


def parse_live_metrics(text: str) -> tuple[str, ...]:
    """``"fid,pr"`` -> ("fid", "pr"); ValueError naming the unknown one."""
    return parse_names(text, LIVE_METRICS)


def check_available() -> None:
    """TrainingError (before any step runs) when the Inception weights are not installed."""
    from . import inception
    try:
        inception.weights_path()
    except inception.MetricsExtraMissing as e:
        raise TrainingError(f"train.eval_every: {e}") from None


class LiveEval:
    """Every ``every`` steps: the chosen metrics of ``samples`` generated images."""

    def __init__(self, *, every: int, metrics: tuple[str, ...], samples: int, data, seed: int,
                 device: torch.device, features: str = "inception", stream=None):
        if data.kind != "image":
            raise TrainingError("train.eval_every: Inception metrics need image data "
                                f"(this run trains on {data.kind} data); set it to 0")
        self.features = features
        if features == "inception" and set(metrics) - {"is"}:
            check_available()
        self.classifier = None
        if features == "classifier" or "is" in metrics:
            from .classifier import ClassifierError, load_classifier
            try:
                self.classifier = load_classifier(device=device)
            except (ClassifierError, OSError) as e:
                raise TrainingError(f"train.eval_metrics: the Fashion-MNIST classifier cannot be "
                                    f"read: {e}") from None
        self.every, self.metrics, self.samples = int(every), tuple(metrics), int(samples)
        self.seed, self.device, self.stream = int(seed), device, stream
        images = data.data
        if len(images) > REFERENCE_MAX:
            pick = np.sort(np.random.RandomState(self.seed).permutation(len(images))[:REFERENCE_MAX])
            images = images[torch.from_numpy(pick)]
        self.reference = np.ascontiguousarray(images.numpy())
        self.what = f"{len(self.reference):,} training images"
        self._real: torch.Tensor | None = None
        self.best_fid = math.inf

    def due(self, step: int) -> bool:
        return self.every > 0 and step % self.every == 0

    @torch.no_grad()
    def __call__(self, G: torch.nn.Module) -> dict:
        """{"fid": .., "kid": .., "precision": .., "recall": .., "eval_samples": n,
        "eval_seconds": s} for ``G``. ``eval_seconds`` is what one evaluation costs, without the
        reference's features (computed once, at the first)."""
        from .evaluate import generate_images
        if self._real is None:
            self._real = self._features(self.reference, real=True)
        t0 = time.perf_counter()
        was_training = G.training
        G.eval()
        try:
            fake_img = generate_images(G, self.samples, seed=self.seed + LATENT_SEED_OFFSET,
                                       psi=1.0, batch=100, device=self.device)
        finally:
            G.train(was_training)
        out = {}
        shared = [m for m in self.metrics if m != "is"]
        if shared:
            fake = self._features(fake_img, real=False)
            found = feature_metrics(self._real, fake, shared, seed=self.seed)
            suffix = "_classifier" if self.features == "classifier" else ""
            for name, entry in found.items():   # the classifier's FD / KID are not Inception's
                key = name + suffix if name in ("fid", "kid") else name
                out[key.replace("fid_classifier", "fd_classifier")] = float(entry["value"])
        if "is" in self.metrics:
            out["is"] = self._inception_score(fake_img)
        out["eval_samples"] = self.samples
        out["eval_seconds"] = round(time.perf_counter() - t0, 3)
        return out

    def _features(self, images: np.ndarray, real: bool) -> torch.Tensor:
        if self.features == "classifier":
            from .evaluate import embed, to_classifier_pixels
            return embed(self.classifier, to_classifier_pixels(images), device=self.device)[0]
        if real:
            return real_features(images, self.what, device=self.device, log=lambda s: None,
                                 stream=self.stream)
        return generated_features(images, f"{self.samples:,} samples", device=self.device,
                                  stream=self.stream)

    def _inception_score(self, images: np.ndarray) -> float:
        """IS with the Fashion-MNIST classifier's class probabilities (as ganstudio eval)."""
        from . import image_metrics as im
        probs = classifier_probabilities(images, self.device, model=self.classifier)
        return im.inception_score(probs, min(IS_SPLITS, len(images)))[0]

    def improved(self, values: dict) -> bool:
        """Whether ``values`` holds a FID (or the classifier's FD) below every earlier one."""
        fid = values.get("fid", values.get("fd_classifier"))
        if fid is None or not math.isfinite(fid) or fid >= self.best_fid:
            return False
        self.best_fid = fid
        return True
