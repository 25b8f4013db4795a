"""The Explorer's file side: recent files (shared with the main window), file-dialog filters,
loading and saving latents (.npy, sidecar .json), exports run on the render thread, and saving
the open model (e.g. an official StyleGAN .pkl) as a GAN Studio checkpoint."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings

from ...core.checkpoint import SUFFIX, load_checkpoint, save_generator_checkpoint
from ...core.export import ExportError, ModelSource, export_request
from ...core.progress import Cancelled
from ...core.requests import seed_grid_request
from ...core.render import Latent, Sidecar
from ..training.settings import app_settings
from .export_dialog import ExportChoice
from .state import ExplorerState
from .state_restore import apply_request

RECENT_KEY = "recent_files"
MAX_RECENT = 10
CHECKPOINT_FILTER = QT_TRANSLATE_NOOP("ExplorerFiles", "Models (*.pt *.pkl);;GAN Studio checkpoints (*.pt);;"
                                      "Official StyleGAN2-ADA / StyleGAN3 pickles (*.pkl);;All files (*)")
OPEN_FILTER = QT_TRANSLATE_NOOP("ExplorerFiles", "GAN Studio files (*.pt *.pkl *.toml *.png);;Models (*.pt *.pkl);;"
                                "Recipes (*.toml);;Images GAN Studio made (*.png);;All files (*)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExplorerFiles", text)


def checkpoint_filter() -> str:
    """The file dialog's filter for models, in the user's language."""
    return _tr(CHECKPOINT_FILTER)


def open_filter() -> str:
    """File ▸ Open's filter (models and recipes), in the user's language."""
    return _tr(OPEN_FILTER)


def settings() -> QSettings:
    """The app's settings (GANSTUDIO_SETTINGS_DIR keeps tests and benchmarks out of the user's)."""
    return app_settings()


def recent_files() -> list[str]:
    value = settings().value(RECENT_KEY, [])
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


def add_recent(path: str | Path) -> list[str]:
    path = str(Path(path).resolve())
    files = [path] + [p for p in recent_files() if p != path]
    settings().setValue(RECENT_KEY, files[:MAX_RECENT])
    return files[:MAX_RECENT]


def clear_recent() -> None:
    settings().setValue(RECENT_KEY, [])


# --- latents in and out ------------------------------------------------------------------------------

def latent_from_array(arr: np.ndarray, state: ExplorerState, stem: str = "") -> Latent:
    """The latent A a .npy holds: [z_dim] z, [w_dim] w, [num_ws, w_dim] w+, or a batch of those
    (the first is used). A 1-D array that could be either z or w is read as z unless the file
    name ends in "_w"."""
    m = state.model
    arr = np.asarray(arr, dtype=np.float32)
    if m.style and arr.ndim == 3 and arr.shape[1:] == (m.num_ws, m.w_dim):
        return Latent("w+", arr[0])
    if m.style and arr.ndim == 2 and arr.shape == (m.num_ws, m.w_dim):
        return Latent("w+", arr)
    if arr.ndim == 2 and arr.shape[0] >= 1:
        arr = arr[0]
    if arr.ndim == 1:
        as_w = m.style and arr.shape[0] == m.w_dim and (arr.shape[0] != m.z_dim or stem.endswith("_w"))
        if as_w:
            return Latent("w", arr)
        if arr.shape[0] == m.z_dim:
            return Latent("z", arr)
    want = (QCoreApplication.translate("ExplorerFiles", "[{0}] (z), [{1}] (w) or [{2}, {1}] (w+)").format(
        m.z_dim, m.w_dim, m.num_ws) if m.style
            else f"[{m.z_dim}] (z)")
    raise ValueError(QCoreApplication.translate(
        "ExplorerFiles", "an array of shape {0} is not a latent of this model; it needs {1}").format(
        tuple(np.shape(arr)), want))


def load_latent_file(path: str | Path, state: ExplorerState) -> str:
    """Put a saved latent into A (a sidecar restores the state it was made in, as a PNG that
    GAN Studio wrote does: see :func:`.state_restore.apply_request`)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        n = apply_request(state, Sidecar.read(path).request)
        return QCoreApplication.translate("ExplorerFiles", "Loaded {0} latent(s) and settings from {1}").format(
            n, path.name)
    try:
        arr = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as e:
        raise ValueError(QCoreApplication.translate("ExplorerFiles", "{0} is not a NumPy .npy file ({1})").format(
            path.name, e)) from None
    lat = latent_from_array(arr, state, path.stem)
    state.set_latent("a", lat)
    return QCoreApplication.translate("ExplorerFiles", "Loaded {0} into A as a {1} latent").format(
        path.name, lat.space)


def save_latent_a(path: str | Path, state: ExplorerState) -> Path:
    """Latent A in its own space: z [z_dim], w [w_dim] or w+ [num_ws, w_dim]. Direction edits are
    baked in where they can be (w with an edit becomes w+); a z keeps its plain values."""
    path = Path(path)
    a, off = state.a, state.latent("a").offset
    values = a.values.copy()
    if a.space == "w" and off is not None:
        values = np.repeat(values[None], state.model.num_ws, 0) + off
    elif a.space == "w+" and off is not None:
        values = values + off
    if values.ndim == 1 and a.space == "w" and not path.stem.endswith("_w"):
        path = path.with_name(path.stem + "_w.npy")  # tells a w from a z of the same size
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, values)
    return path


def build_export(choice: ExportChoice, state: ExplorerState):
    """The render request an export choice means (built on the GUI thread from the state)."""
    common = dict(state.common(), padding=choice.padding, upscale=choice.upscale)
    if choice.kind == "image":
        return state.main_request(upscale=choice.upscale)
    if choice.kind == "grid":
        return seed_grid_request(state.model.G, choice.seed, choice.rows, choice.cols, **common)
    if choice.kind == "strip":
        return state.strip_request(padding=choice.padding, upscale=choice.upscale)
    raise ExportError(f"unknown export kind {choice.kind!r}")


def run_export(source: ModelSource, choice: ExportChoice, request, progress=None, should_stop=None) -> str:
    """Runs on the render thread; returns the status line.  ``progress`` / ``should_stop``
    (see :func:`~ganstudio.core.export.export_request`) can stop it: nothing is written then."""
    side = choice.out.with_suffix(".json") if choice.sidecar else None
    lat = choice.out.with_name(choice.out.stem + "_latents.npy") if choice.latents else None
    try:
        report = export_request(source, request, choice.out, fps=choice.fps, sidecar_out=side,
                                latents_out=lat, progress=progress, should_stop=should_stop)
    except Cancelled:
        return QCoreApplication.translate("ExplorerFiles", "Export of {0} cancelled: nothing was written").format(
            choice.out.name)
    return QCoreApplication.translate("ExplorerFiles", "Exported: {0}").format(report.line().removeprefix("wrote "))


# --- the open model as a GAN Studio checkpoint ------------------------------------------------------

def converted_path(source: str | Path) -> Path:
    """Where "Save as GAN Studio checkpoint" proposes to write: beside the source, as .pt."""
    source = Path(source)
    out = source.with_suffix(SUFFIX)
    return out if out != source else source.with_name(f"{source.stem}-copy{SUFFIX}")


def save_as_checkpoint(source: str | Path, out: str | Path) -> str:
    """Write the generator of ``source`` (a checkpoint or an official network pickle) as a GAN
    Studio checkpoint at ``out`` (".pt" is added when missing); returns the status line.
    Runs off the GUI thread: a large pickle takes seconds to read and write."""
    out = Path(out)
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    ckpt = load_checkpoint(source)
    save_generator_checkpoint(ckpt, out)
    return QCoreApplication.translate("ExplorerFiles", "Saved {0} as the GAN Studio checkpoint {1}").format(
        Path(source).name, out)
