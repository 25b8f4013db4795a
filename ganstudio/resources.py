"""Locating shipped resources (pretrained models, icons) from a checkout or an installed wheel.

A source checkout (and an editable install) reads the top-level ``resources/`` folder; a wheel
carries the same files as package data in ``ganstudio/_resources``.  Nothing depends on the
current working directory.
"""
from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

# The model `ganstudio` opens first, in order of preference.
DEFAULT_MODELS = ("models/stylegan_fashion32.pt", "models/dcgan_fashion28.pt")


def resources_dir() -> Path:
    """The folder holding shipped resources (may be missing files in a fresh checkout)."""
    override = os.environ.get("GANSTUDIO_RESOURCES")
    if override:
        return Path(override)
    for candidate in (_PACKAGE / "_resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / "resources"


def resource(relative: str) -> Path:
    return resources_dir() / relative


def shipped_models() -> list[Path]:
    """Every shipped checkpoint, sorted by name."""
    folder = resources_dir() / "models"
    if not folder.is_dir():
        return []
    # The Fashion-MNIST classifier used by `ganstudio eval` ships beside them but is no GAN.
    return sorted(p for p in folder.glob("*.pt") if "classifier" not in p.name)


def default_model() -> Path | None:
    """The checkpoint the app opens on first, or None when no trained model ships."""
    for rel in DEFAULT_MODELS:
        path = resource(rel)
        if path.is_file():
            return path
    models = shipped_models()
    return models[0] if models else None


def recipes_dir() -> Path:
    """The training recipes folder (``training/`` in a checkout, package data in a wheel)."""
    for candidate in (_PACKAGE / "_training", _PACKAGE.parent / "training"):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / "training"
