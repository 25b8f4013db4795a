"""A small Fashion-MNIST classifier: the feature space of GAN Studio's image metrics.

Frechet distance, KID and precision / recall need an embedding of images.  The usual one,
Inception-v3 trained on ImageNet, is large, knows nothing about 28x28 grey clothing and is not
shipped; GAN Studio trains and ships this CNN instead.  Numbers computed in its feature space
compare GAN Studio runs with each other - they are NOT Inception FID and must not be compared
with FIDs published in papers.

Architecture (input [N, 1, 28, 28] float in [-1, 1], normalised inside by the training set's
mean and standard deviation)::

    conv 3x3 1->32,  BN, ReLU, maxpool 2     # 32 x 14 x 14
    conv 3x3 32->64, BN, ReLU, maxpool 2     # 64 x 7 x 7
    conv 3x3 64->128, BN, ReLU, maxpool 2    # 128 x 3 x 3
    flatten, linear 1152->128, ReLU          # 128: the features (``features(x)``)
    dropout 0.3, linear 128->10              # class logits

Reproduce the shipped file (6 epochs: about 15 minutes on one free CPU core, 33 on a busy one)::

    python -m ganstudio.train.classifier --recipe training/fmnist_classifier.toml \
        --out resources/models/fmnist_classifier.pt

The file is written atomically and holds only tensors and plain data::

    {"format": "ganstudio-classifier", "version": 1, "state_dict": ..., "test_accuracy": float,
     "mean_std": [mean, std], "feature_dim": 128, "n_classes": 10, "train": {...}}
"""
from __future__ import annotations

import argparse
import io
import sys
import time
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

FORMAT = "ganstudio-classifier"
VERSION = 1
RESOURCE = "models/fmnist_classifier.pt"
CLASS_NAMES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")
N_CLASSES = len(CLASS_NAMES)
FEATURE_DIM = 128


class ClassifierError(ValueError):
    """The classifier file is missing, damaged or not a GAN Studio classifier."""


class FashionClassifier(nn.Module):
    """28x28 grey images in [-1, 1] -> 10 class logits; ``features`` gives the 128-d embedding."""

    def __init__(self, mean: float = 0.0, std: float = 1.0):
        super().__init__()

        def block(c_in: int, c_out: int) -> nn.Sequential:
            return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
                                 nn.BatchNorm2d(c_out), nn.ReLU(inplace=True), nn.MaxPool2d(2))

        self.convs = nn.Sequential(block(1, 32), block(32, 64), block(64, 128))
        self.fc = nn.Linear(128 * 3 * 3, FEATURE_DIM)
        self.dropout = nn.Dropout(0.3)
        self.head = nn.Linear(FEATURE_DIM, N_CLASSES)
        self.register_buffer("mean", torch.tensor(float(mean)), persistent=False)
        self.register_buffer("std", torch.tensor(float(std)), persistent=False)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """x [N, 1, 28, 28] in [-1, 1] -> features [N, 128] (penultimate layer, after ReLU)."""
        if x.ndim != 4 or tuple(x.shape[1:]) != (1, 28, 28):
            raise ValueError(f"the classifier takes [N, 1, 28, 28] images, got {tuple(x.shape)}")
        h = self.convs((x - self.mean) / self.std)           # 128 x 3 x 3
        return F.relu(self.fc(h.flatten(1)))                 # 128

    def logits_from_features(self, feats: torch.Tensor) -> torch.Tensor:
        return self.head(self.dropout(feats))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.logits_from_features(self.features(x))


def to_input(images_uint8: np.ndarray | torch.Tensor) -> torch.Tensor:
    """uint8 [N, 1, 28, 28] -> float [N, 1, 28, 28] in [-1, 1]."""
    return torch.as_tensor(np.asarray(images_uint8)).float().div_(127.5).sub_(1.0)


# --- training --------------------------------------------------------------------------------------

@dataclass
class TrainSettings:
    """Hyper-parameters of the shipped classifier (the [classifier] table of the recipe)."""
    epochs: int = 6
    batch: int = 128
    lr: float = 3e-3
    weight_decay: float = 5e-4
    shift: int = 2                 # random translation by up to this many pixels
    flip: bool = True              # random horizontal flips
    seed: int = 0
    threads: int = 1               # CPU threads (the machine is shared)


def _augment(x: torch.Tensor, shift: int, flip: bool, gen: torch.Generator) -> torch.Tensor:
    """Random horizontal flips and translations (zero padding) of a batch [N, 1, 28, 28]."""
    n, _, h, w = x.shape
    if flip:
        mask = torch.rand(n, generator=gen) < 0.5
        x = torch.where(mask[:, None, None, None], x.flip(3), x)
    if shift > 0:
        padded = F.pad(x, (shift,) * 4, value=-1.0)
        dy = torch.randint(0, 2 * shift + 1, (n,), generator=gen)
        dx = torch.randint(0, 2 * shift + 1, (n,), generator=gen)
        rows = (dy[:, None] + torch.arange(h))[:, :, None]          # [N, H, 1]
        cols = (dx[:, None] + torch.arange(w))[:, None, :]          # [N, 1, W]
        x = padded[torch.arange(n)[:, None, None], 0, rows, cols].unsqueeze(1)
    return x


@torch.no_grad()
def accuracy(model: FashionClassifier, images: torch.Tensor, labels: torch.Tensor,
             batch: int = 1000) -> float:
    """Fraction of ``images`` (float [N, 1, 28, 28] in [-1, 1]) classified as ``labels``."""
    model.eval()
    correct = 0
    for i in range(0, len(images), batch):
        correct += int((model(images[i:i + batch]).argmax(1) == labels[i:i + batch]).sum())
    return correct / max(1, len(images))


def train_classifier(train_x: torch.Tensor, train_y: torch.Tensor, test_x: torch.Tensor,
                     test_y: torch.Tensor, settings: TrainSettings = TrainSettings(),
                     log: Callable[[str], None] = print) -> tuple[FashionClassifier, float]:
    """Train on (train_x, train_y) for a fixed number of epochs; return (model, test accuracy).

    Images are float [N, 1, 28, 28] in [-1, 1]; labels int64 [N].  The test set is only
    measured after each epoch (never used to pick an epoch or a hyper-parameter).
    """
    torch.manual_seed(settings.seed)
    gen = torch.Generator().manual_seed(settings.seed)
    model = FashionClassifier(mean=float(train_x.mean()), std=float(train_x.std()))
    opt = torch.optim.AdamW(model.parameters(), lr=settings.lr, weight_decay=settings.weight_decay)
    steps_per_epoch = (len(train_x) + settings.batch - 1) // settings.batch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=settings.lr,
                                                total_steps=settings.epochs * steps_per_epoch)
    acc = 0.0
    for epoch in range(settings.epochs):
        model.train()
        order = torch.randperm(len(train_x), generator=gen)
        total, t0 = 0.0, time.time()
        for i in range(0, len(order), settings.batch):
            idx = order[i:i + settings.batch]
            x = _augment(train_x[idx], settings.shift, settings.flip, gen)
            loss = F.cross_entropy(model(x), train_y[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        acc = accuracy(model, test_x, test_y)
        log(f"epoch {epoch + 1}/{settings.epochs}: loss {total / len(train_x):.4f}, "
            f"test accuracy {acc:.4f} ({time.time() - t0:.0f} s)")
    return model.eval(), acc


# --- saving and loading ----------------------------------------------------------------------------

def save_classifier(path: str | Path, model: FashionClassifier, test_accuracy: float,
                    train_info: dict | None = None) -> Path:
    """Write the classifier file atomically (the checkpoint module's temp file + fsync + rename)."""
    from ..core.checkpoint import atomic_write
    # only plain values, so that weights_only loading accepts the file (e.g. torch.__version__
    # is a TorchVersion object: stored as its string)
    train = {str(k): v if type(v) in (bool, int, float, str) else str(v)
             for k, v in (train_info or {}).items()}
    payload = {"format": FORMAT, "version": VERSION,
               "state_dict": {k: v.detach().cpu().clone() for k, v in model.state_dict().items()},
               "test_accuracy": float(test_accuracy),
               "mean_std": [float(model.mean), float(model.std)],
               "feature_dim": FEATURE_DIM, "n_classes": N_CLASSES, "train": train}
    path = Path(path)
    atomic_write(path, lambda f: torch.save(payload, f))
    path.chmod(0o644)  # a shipped resource: readable by everyone (temp files start as 0600)
    return path


def read_classifier_file(path: str | Path) -> dict:
    """The payload of a classifier file, loaded with ``weights_only=True`` and checked."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ClassifierError(f"the metrics classifier {path} cannot be read "
                              f"({e.strerror or e}); rebuild it with "
                              "`python -m ganstudio.train.classifier`") from None
    try:
        data = torch.load(io.BytesIO(raw), map_location="cpu", weights_only=True)
    except Exception as e:  # noqa: BLE001 - any unreadable file gets the same one-line reason
        lines = str(e).splitlines() or [type(e).__name__]
        text = next((ln.strip() for ln in lines if "Unsupported global" in ln), lines[0])
        raise ClassifierError(f"the metrics classifier {path.name} is damaged or unsafe: "
                              f"{text}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ClassifierError(f"{path.name} is not a GAN Studio classifier file")
    if data.get("version") != VERSION:
        raise ClassifierError(f"{path.name} has classifier format version {data.get('version')}; "
                              f"this GAN Studio reads version {VERSION}")
    return data


def load_classifier(path: str | Path | None = None, device: str | torch.device = "cpu"
                    ) -> FashionClassifier:
    """The shipped classifier (or the file at ``path``) in eval mode on ``device``.

    The returned module also carries ``test_accuracy`` (float) read from the file.
    """
    if path is None:
        from ..resources import resource
        path = resource(RESOURCE)
    data = read_classifier_file(path)
    mean, std = data["mean_std"]
    model = FashionClassifier(mean=mean, std=std)
    try:
        model.load_state_dict(data["state_dict"])
    except (RuntimeError, KeyError, TypeError) as e:
        raise ClassifierError(f"{Path(path).name}: the weights do not fit the classifier: "
                              f"{str(e).splitlines()[0]}") from None
    model.test_accuracy = float(data["test_accuracy"])
    return model.to(device).eval().requires_grad_(False)


# --- data and command line ---------------------------------------------------------------------------

def fashion_mnist_28(split: str, folder: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Fashion-MNIST ``split`` ("train" | "test") as (uint8 [N, 1, 28, 28], int64 labels [N]).

    folder: where the IDX files are (None: the Debian package's folder)."""
    from .data import DataConfig, load_dataset
    ds = load_dataset(DataConfig(kind="fashion_mnist", split=split, path=folder or ""),
                      resolution=28, channels=1)
    return ds.data.numpy(), ds.labels.numpy()


def read_settings(recipe: str | Path | None) -> TrainSettings:
    """Settings from the ``[classifier]`` table of a TOML recipe (defaults when None)."""
    if recipe is None:
        return TrainSettings()
    with open(recipe, "rb") as f:
        table = tomllib.load(f).get("classifier", {})
    known = {f.name: f.type for f in fields(TrainSettings)}
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise ValueError(f"{recipe}: unknown key classifier.{unknown[0]}")
    return TrainSettings(**table)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ganstudio.train.classifier",
                                description="Train the Fashion-MNIST classifier used by `ganstudio eval`.")
    p.add_argument("--recipe", help="TOML file with a [classifier] table (training/fmnist_classifier.toml)")
    p.add_argument("--out", default="resources/models/fmnist_classifier.pt", help="output file")
    p.add_argument("--data-dir", default=None, help="folder with the Fashion-MNIST IDX files")
    p.add_argument("--epochs", type=int, default=None, help="override the recipe's epochs")
    p.add_argument("--threads", type=int, default=None, help="override the recipe's CPU threads")
    args = p.parse_args(argv)
    settings = read_settings(args.recipe)
    if args.epochs is not None:
        settings.epochs = args.epochs
    if args.threads is not None:
        settings.threads = args.threads
    torch.set_num_threads(max(1, settings.threads))
    train_img, train_lab = fashion_mnist_28("train", args.data_dir)
    test_img, test_lab = fashion_mnist_28("test", args.data_dir)
    t0 = time.time()
    model, acc = train_classifier(to_input(train_img), torch.from_numpy(train_lab),
                                  to_input(test_img), torch.from_numpy(test_lab), settings)
    seconds = time.time() - t0
    info = {**asdict(settings), "seconds": round(seconds, 1), "torch": str(torch.__version__)}
    out = save_classifier(args.out, model, acc, info)
    print(f"test accuracy {acc:.4f}; trained in {seconds:.0f} s; wrote {out} "
          f"({out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
