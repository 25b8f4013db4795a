"""Named directions of w: made from labels (:mod:`.boundary`) or from a classifier's classes,
kept per model, written to and read from a small JSON file.

File format (``.json``, UTF-8), version 1::

    {
      "format": "ganstudio-directions",
      "version": 1,
      "w_dim": 128,                        # every vector has this many numbers
      "model": {"sha256": "24c8df21…",     # the model the directions belong to (its file's
                "name": "stylegan_fashion32.pt"},   # sha256, as the Explorer keys bookmarks)
      "directions": [
        {"name": "smiling",                # unique, 1..80 characters
         "vector": [0.01, -0.2, …],        # w_dim finite numbers, not all zero (stored unit length)
         "scale": 0.83,                    # spread of w along it: one slider unit, > 0
         "source": "labels",               # labels | class | imported (informative)
         "details": {"held_out_accuracy": 0.875, …}}   # plain data, informative
      ]
    }

:func:`read_directions` refuses, with a message that says why, a file of another format or
version, a vector of the wrong length or with NaN / inf, and — when ``model_sha256`` is given —
a file made for another model.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from . import boundary as B
from .latent import sample_z
from .progress import ProgressFn, stage
from .render_device import device_of

FORMAT = "ganstudio-directions"
VERSION = 1
MAX_NAME = 80
SOURCES = ("labels", "class", "imported")


class DirectionFileError(ValueError):
    """A directions file that cannot be used; the message says why."""


@dataclass(frozen=True, eq=False)
class NamedDirection:
    """A unit direction of w with a name and the spread of w along it (one slider unit)."""

    name: str
    vector: np.ndarray                 # [w_dim] float32, unit length
    scale: float = 1.0                 # standard deviation of w along vector
    source: str = "labels"
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        name = str(self.name).strip()
        if not name or len(name) > MAX_NAME:
            raise ValueError(translate("named_directions", "a direction's name must have 1 to {0} "
                                                           "characters, got {1!r}").format(MAX_NAME, self.name))
        v = np.array(self.vector, np.float64).reshape(-1)
        if not np.isfinite(v).all():
            raise ValueError(translate("named_directions", "direction {0!r} contains NaN or inf").format(name))
        norm = float(np.linalg.norm(v))
        if norm < 1e-12:
            raise ValueError(translate("named_directions", "direction {0!r} is all zeros").format(name))
        if not (np.isfinite(self.scale) and self.scale > 0):
            raise ValueError(translate("named_directions", "direction {0!r}: scale must be a "
                                                           "positive number, got {1}").format(name, self.scale))
        arr = (v / norm).astype(np.float32)
        arr.flags.writeable = False
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "vector", arr)
        object.__setattr__(self, "scale", float(self.scale))

    def renamed(self, name: str) -> "NamedDirection":
        return NamedDirection(name, self.vector, self.scale, self.source, dict(self.details))

    def to_dict(self) -> dict:
        return {"name": self.name, "vector": [float(x) for x in self.vector], "scale": self.scale,
                "source": self.source, "details": _plain(self.details)}


def _plain(d: dict) -> dict:
    """JSON-safe copy of plain details (numbers, strings, lists of them)."""
    return json.loads(json.dumps(d, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o)))


def unique_name(name: str, taken: Sequence[str]) -> str:
    """``name``, or "name (2)", "name (3)", ... when taken."""
    name, taken = name.strip() or "direction", set(taken)
    base, i = name, 2
    while name in taken:
        name, i = f"{base} ({i})", i + 1
    return name


# --- files ------------------------------------------------------------------------------------

def directions_document(directions: Sequence[NamedDirection], w_dim: int,
                        model_sha256: str | None = None, model_name: str | None = None) -> dict:
    for d in directions:
        if d.vector.shape[0] != w_dim:
            raise ValueError(translate("named_directions", "direction {0!r} has {1} numbers, w has "
                                                           "{2}").format(d.name, d.vector.shape[0], w_dim))
    return {"format": FORMAT, "version": VERSION, "w_dim": int(w_dim),
            "model": {"sha256": model_sha256, "name": model_name},
            "directions": [d.to_dict() for d in directions]}


def write_directions(path: str | Path, directions: Sequence[NamedDirection], w_dim: int,
                     model_sha256: str | None = None, model_name: str | None = None) -> Path:
    """Write the file atomically (complete or not at all)."""
    from .checkpoint_io import atomic_write
    text = json.dumps(directions_document(directions, w_dim, model_sha256, model_name), indent=1)
    path = Path(path)
    atomic_write(path, lambda f: f.write(text.encode("utf-8")))
    return path


def parse_directions(doc, w_dim: int, model_sha256: str | None = None,
                     where: str = "the file") -> list[NamedDirection]:
    """Validated directions of a parsed document (see the module docstring)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise DirectionFileError(translate("named_directions", "{0} is not a GAN Studio directions file").format(where))
    if doc.get("version") != VERSION:
        raise DirectionFileError(translate("named_directions", "{0} has directions format version {1}; "
                                                               "this GAN Studio reads version {2}").format(where, doc.get('version'), VERSION))
    if doc.get("w_dim") != w_dim:
        raise DirectionFileError(translate("named_directions", "{0} holds directions for w of {1} "
                                                               "numbers; this model's w has {2}").format(where, doc.get('w_dim'), w_dim))
    model = doc.get("model") if isinstance(doc.get("model"), dict) else {}
    theirs = model.get("sha256")
    if model_sha256 and theirs and theirs != model_sha256:
        name = f" ({model['name']})" if model.get("name") else ""
        raise DirectionFileError(translate("named_directions", "{0} was made for another model{1}, "
                                                               "sha256 {2}; the open model is {3}: a "
                                                               "direction of one model means nothing in "
                                                               "another's w").format(where, name, str(theirs)[:12], model_sha256[:12]))
    items = doc.get("directions")
    if not isinstance(items, list):
        raise DirectionFileError(translate("named_directions", "{0} has no list of directions").format(where))
    out: list[NamedDirection] = []
    for i, item in enumerate(items):
        try:
            vec = np.asarray(item["vector"], np.float64)
            if vec.shape != (w_dim,):
                raise ValueError(translate("named_directions", "its vector has {0} numbers, w has {1}").format(vec.size, w_dim))
            d = NamedDirection(item["name"], vec, float(item.get("scale", 1.0)),
                               str(item.get("source", "imported")),
                               item.get("details") if isinstance(item.get("details"), dict) else {})
        except (KeyError, TypeError, ValueError) as e:
            label = item.get("name") if isinstance(item, dict) and isinstance(item.get("name"), str) else f"#{i}"
            raise DirectionFileError(translate("named_directions", "{0}: direction {1!r} cannot be used: {2}").format(where, label, e)) from None
        if any(o.name == d.name for o in out):
            raise DirectionFileError(translate("named_directions", "{0} names two directions {1!r}").format(where, d.name))
        out.append(d)
    return out


def read_directions(path: str | Path, w_dim: int, model_sha256: str | None = None) -> list[NamedDirection]:
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise DirectionFileError(translate("named_directions", "{0} cannot be read: {1}").format(path.name, e.strerror or e)) from None
    except ValueError as e:
        raise DirectionFileError(translate("named_directions", "{0} is not valid JSON: {1}").format(path.name, e)) from None
    return parse_directions(doc, w_dim, model_sha256, path.name)


# --- directions from a generator ---------------------------------------------------------------

def _class_labels(G, n: int, class_index: int | None, device) -> torch.Tensor | None:
    c_dim = int(getattr(G, "c_dim", 0) or 0)
    if not c_dim:
        return None
    c = torch.zeros(n, c_dim, device=device)
    c[:, int(class_index or 0)] = 1
    return c


@torch.no_grad()
def map_z(G, z: torch.Tensor, psi: float = 1.0, class_index: int | None = None) -> np.ndarray:
    """w [N, w_dim] (the first row of ws) of z [N, z_dim], truncated by psi towards w_avg."""
    z = z.to(device_of(G))
    c = _class_labels(G, z.shape[0], class_index, z.device)
    ws = G.mapping(z, psi=1.0) if c is None else G.mapping(z, c, psi=1.0)
    w = ws[:, 0].double()
    if psi != 1:
        w = G.mapping.w_avg.double().to(w.device).lerp(w, psi)
    return w.cpu().numpy()


def spread(G, direction: np.ndarray) -> float:
    """Standard deviation of w = mapping(z) along ``direction``: one unit of a slider (as for
    the PCA and SeFa directions)."""
    from .export import direction_spread
    return direction_spread(G, torch.as_tensor(np.asarray(direction, np.float32)))


def direction_from_labels(G, name: str, z: torch.Tensor, labels: np.ndarray, *,
                          method: str = "logistic", psi: float = 1.0, class_index: int | None = None,
                          independent_of: Sequence[NamedDirection] = (), seed: int = 0) -> NamedDirection:
    """The unit normal of a boundary between the ws of z [N, z_dim] with labels [N] (True =
    has the attribute), made independent of ``independent_of`` when given."""
    w = map_z(G, z, psi, class_index)
    b = B.fit_boundary(w, labels, method, seed=seed)
    normal = b.normal
    if independent_of:
        normal = B.orthogonalise(normal, np.stack([d.vector for d in independent_of]))
    details = {"method": method, "positives": b.positives, "negatives": b.negatives,
               "held_out": b.held_out, "held_out_accuracy": b.held_out_accuracy,
               "train_accuracy": b.train_accuracy, "psi": psi,
               "independent_of": [d.name for d in independent_of]}
    return NamedDirection(name, normal, spread(G, normal), "labels", details)


# A strong penalty leans each class's normal towards the difference of the class means: on the
# shipped Fashion-MNIST model 2 sigma along it raised the classifier's mean probability of
# T-shirt / trouser / ankle boot by 0.34 / 0.46 / 0.40 (l2 = 1) against 0.06 / 0.20 / 0.05 with
# the label fit's default (10 / N), at the same held-out accuracy (3,000 samples, 64 test ws).
CLASS_L2 = 1.0

Classify = Callable[[torch.Tensor], torch.Tensor]   # images [N, C, R, R] in [-1, 1] -> class probabilities [N, K]


@torch.no_grad()
def label_samples(G, classify: Classify, seed: int, n: int, start: int = 0,
                  psi: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(w [n, w_dim], class probabilities [n, K]) of samples start..start+n of ``sample_z(seed)``
    (the same samples whatever the chunking), rendered with constant noise."""
    z = sample_z(seed, start + n, G.z_dim)[start:]
    w = map_z(G, z, psi)
    ws = torch.from_numpy(w).float().to(device_of(G)).unsqueeze(1).repeat(1, G.num_ws, 1)
    images = G.synthesis(ws, noise_mode="const").float().clamp(-1, 1)
    probs = classify(images)
    return w, probs.double().cpu().numpy()


def fit_class_directions(w: np.ndarray, probs: np.ndarray, class_names: Sequence[str],
                         G=None, name_format: str = "more like {0}", seed: int = 0,
                         progress: ProgressFn | None = None) -> list[NamedDirection]:
    """One direction per class: the normal of a (balanced) logistic boundary between samples the
    classifier puts in that class and all the others.  A class with fewer than
    ``MIN_PER_SIDE`` samples is left out.  G (optional): to measure each direction's spread."""
    pred = np.asarray(probs).argmax(1)
    out = []
    for k, cname in enumerate(class_names):
        y = pred == k
        if min(int(y.sum()), int((~y).sum())) >= B.MIN_PER_SIDE:
            b = B.fit_boundary(w, y, "logistic", seed=seed, l2=CLASS_L2)
            scale = spread(G, b.normal) if G is not None else float((w @ b.normal.astype(np.float64)).std())
            out.append(NamedDirection(name_format.format(cname), b.normal, scale, "class",
                                      {"class": int(k), "class_name": cname, "samples": int(len(w)),
                                       "in_class": int(y.sum()), "held_out_accuracy": b.held_out_accuracy}))
        if progress is not None:
            progress((k + 1) / len(class_names))
    return out


def class_directions(G, classify: Classify, class_names: Sequence[str], n: int = 4000, seed: int = 0,
                     chunk: int = 250, progress: ProgressFn | None = None,
                     name_format: str = "more like {0}") -> list[NamedDirection]:
    """Sample n ws, label their images with ``classify`` and fit one direction per class.
    ``progress`` may raise :class:`~.progress.Cancelled` to stop."""
    if not 2 <= n <= 1_000_000:
        raise ValueError(translate("named_directions", "samples must be 2..1,000,000, got {0}").format(n))
    ws, ps = [], []
    for start in range(0, n, chunk):
        w, p = label_samples(G, classify, seed, min(chunk, n - start), start)
        ws.append(w)
        ps.append(p)
        if progress is not None:
            stage(progress, 0.0, 0.8)(min(n, start + chunk) / n)
    return fit_class_directions(np.concatenate(ws), np.concatenate(ps), class_names, G, name_format,
                                seed, stage(progress, 0.8, 1.0) if progress else None)
