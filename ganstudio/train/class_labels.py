"""Labels for free: the shipped Fashion-MNIST classifier names the class of generated images,
which :func:`ganstudio.core.named_directions.class_directions` turns into one direction of w per
class ("more like an ankle boot").

Only models trained on Fashion-MNIST get them: the checkpoint's recipe records its data set
(``recipe["data"]["kind"]``, shown as ``data`` in ``Checkpoint.summary()``).  Their images go
to the classifier as ``ganstudio eval`` sends them (:func:`.evaluate.to_classifier_pixels`:
32 px is centre-cropped to 28, RGB becomes grey).
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import torch

from .classifier import CLASS_NAMES, load_classifier, to_input

DATA_KIND = "fashion_mnist"


def is_fashion_mnist(info: dict) -> bool:
    """Whether a model's summary (``Checkpoint.summary()``) says it learned Fashion-MNIST images."""
    return info.get("data") == DATA_KIND and bool(info.get("resolution"))


def fashion_classify(device: str | torch.device = "cpu") -> Callable[[torch.Tensor], torch.Tensor]:
    """images [N, C, R, R] float in [-1, 1] -> class probabilities [N, 10], by the shipped
    classifier (raises ClassifierError when its file is missing or damaged)."""
    from ..core.imaging import to_uint8
    from .evaluate import to_classifier_pixels
    model = load_classifier(device=device)

    @torch.no_grad()
    def classify(images: torch.Tensor) -> torch.Tensor:
        pixels = to_uint8(images).transpose(0, 3, 1, 2)            # [N, C, R, R] uint8
        x = to_input(to_classifier_pixels(np.ascontiguousarray(pixels))).to(device)
        return model(x).softmax(1)
    return classify


def class_names() -> tuple[str, ...]:
    return CLASS_NAMES
