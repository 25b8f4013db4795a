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

import numpy as np
import torch

from ..text import parse_names
from .inception_eval import feature_metrics, generated_features, real_features
from .state import TrainingError

LIVE_METRICS = ("fid", "kid", "pr")
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
                 device: torch.device, stream=None):
        check_available()
        if data.kind != "image":
            raise TrainingError("train.eval_every: Inception metrics need image data "
                                f"(this run trains on {data.kind} data); set it to 0")
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
        """{"fid": .., "kid": .., "precision": .., "recall": .., "eval_samples": n} for ``G``."""
        from .evaluate import generate_images
        if self._real is None:
            self._real = real_features(self.reference, self.what, device=self.device,
                                       log=lambda s: None, stream=self.stream)
        was_training = G.training
        G.eval()
        try:
            fake_img = generate_images(G, self.samples, seed=self.seed + LATENT_SEED_OFFSET,
                                       psi=1.0, batch=100, device=self.device)
        finally:
            G.train(was_training)
        fake = generated_features(fake_img, f"{self.samples:,} samples", device=self.device,
                                  stream=self.stream)
        found = feature_metrics(self._real, fake, list(self.metrics), seed=self.seed)
        out = {name: float(entry["value"]) for name, entry in found.items()}
        out["eval_samples"] = self.samples
        return out

    def improved(self, values: dict) -> bool:
        """Whether ``values`` holds a FID below every earlier one (remembered)."""
        fid = values.get("fid")
        if fid is None or not math.isfinite(fid) or fid >= self.best_fid:
            return False
        self.best_fid = fid
        return True
