"""Exports shared by the Explorer and `ganstudio export`: grids, strips, animations, mixing
grids, sweeps, latents (.npy) and JSON sidecars that reproduce an export pixel for pixel.

Everything renders through :func:`ganstudio.core.render.render`, and every request is built by
:mod:`ganstudio.core.requests`, so the GUI and the command line produce identical pixels for the
same settings.  The argument parser lives in :mod:`ganstudio.cli.export`.

A big export renders in chunks and reports its progress (``progress``, see
:mod:`ganstudio.core.progress`); it stops on :class:`~ganstudio.core.progress.Cancelled`,
``should_stop()`` or Ctrl-C, and an output file is written under a temporary name and renamed
when complete, so a stopped export leaves no half-written file behind.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from . import latent as L
from .checkpoint import Checkpoint, CheckpointError, load_checkpoint
from .image_record import describe_model, mismatch_message, read_record, same_model, save_png_with_record
from .imaging import ANIMATION_SUFFIXES, mp4_available, save_animation, upscale
from .nets import has_mapping
from .progress import Cancelled, Monotonic, ProgressFn, stage
from .render import RenderRequest, RenderResult, Sidecar, SidecarError, render, weights_sha256
from .render_device import device_of

STILL_SUFFIXES = (".png",)
ANIMATED_KINDS = ("strip", "variation")


class ExportError(ValueError):
    """An export that cannot be done as asked; the message says why and what to do instead."""


# --- what is being exported from -----------------------------------------------------------------

@dataclass
class ModelSource:
    """A generator plus what identifies it (for sidecars)."""

    G: torch.nn.Module
    checkpoint_path: str | None = None
    checkpoint_sha256: str | None = None
    summary: dict = field(default_factory=dict)
    _weights_sha: str | None = None

    @classmethod
    def from_checkpoint(cls, ckpt: Checkpoint, G: torch.nn.Module | None = None) -> "ModelSource":
        G = G if G is not None else ckpt.build_generator(ema=True)
        return cls(G, str(Path(ckpt.path).resolve()), ckpt.sha256, ckpt.summary())

    @classmethod
    def load(cls, path: str | Path, device: str = "cpu", progress: ProgressFn | None = None) -> "ModelSource":
        ckpt = load_checkpoint(path, progress=progress)
        return cls.from_checkpoint(ckpt, ckpt.build_generator(ema=True, device=device))

    @property
    def weights_sha256(self) -> str:
        if self._weights_sha is None:
            self._weights_sha = weights_sha256(self.G)
        return self._weights_sha

    def describe(self) -> str:
        """The model in a few words (file, family, size, step, hash prefix)."""
        return describe_model(self.summary, self.checkpoint_path, self.checkpoint_sha256)

    def record(self, request: RenderRequest, out: str | Path | None = None, *, fps: float = 12.0,
               size: tuple[int, int] = (0, 0), frames: int = 1, **output) -> Sidecar:
        """How ``request`` rendered by this model becomes ``out``: a sidecar, or a PNG's metadata.
        ``output``: more about the file (e.g. ``capture=True`` for a screenshot of the view)."""
        suffix = Path(out).suffix.lower().lstrip(".") if out is not None else "png"
        return Sidecar(request, self.checkpoint_sha256, self.weights_sha256, self.checkpoint_path,
                       model=_plain(self.summary),
                       output={"path": str(Path(out).resolve()) if out is not None else None, "format": suffix,
                               "fps": fps, "width": size[0], "height": size[1], "frames": frames,
                               "latents": "ws fed to the synthesis network" if has_mapping(self.G)
                               else "z fed to the generator", **output})


@dataclass
class ExportReport:
    out: Path
    size: tuple[int, int]                 # width, height of the image or of each frame
    frames: int = 1
    sidecar: Path | None = None
    latents: Path | None = None
    ms: float = 0.0

    def line(self) -> str:
        what = translate("export", "{0} frames of {1}x{2}").format(self.frames, *self.size) if self.frames > 1 \
            else f"{self.size[0]}x{self.size[1]}"
        extra = "".join(f", {p.name}" for p in (self.sidecar, self.latents) if p)
        return translate("export", "wrote {0} ({1}){2}").format(self.out, what, extra)


# --- writing ----------------------------------------------------------------------------------------

def check_output(request: RenderRequest, out: str | Path) -> Path:
    """Refuse output formats that do not fit what is rendered, before any work is done."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in STILL_SUFFIXES + ANIMATION_SUFFIXES:
        raise ExportError(translate("export", "cannot write {0}: use .png, or "
                                              ".gif / .webp / .mp4 for animations").format(out.name))
    if suffix in ANIMATION_SUFFIXES and request.kind not in ANIMATED_KINDS:
        raise ExportError(translate("export", "a {0} is a still image: write it "
                                              "as .png").format(request.kind.replace('_', ' ')))
    if suffix == ".mp4" and not mp4_available():
        raise ExportError(translate("export", "MP4 export needs imageio-ffmpeg "
                                              "(pip install 'ganstudio[video]'); "
                                              "GIF and WebP work without it"))
    return out


def write_result(result: RenderResult, out: str | Path, *, fps: float = 12.0,
                 upscale_by: int = 1, record: Sidecar | None = None) -> tuple[Path, tuple[int, int], int]:
    """Write a rendered result: .png = the composite, .gif/.webp/.mp4 = one frame per image.
    A PNG carries ``record`` (how it was made) in its metadata.
    The file appears complete or not at all (written under a temporary name, then renamed)."""
    if not result.ok:
        raise ExportError(translate("export", "rendering failed: {0}").format(result.error))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(out)
    try:
        if out.suffix.lower() in ANIMATION_SUFFIXES:
            frames = [upscale(img, upscale_by) for img in result.images]
            save_animation(partial, frames, fps)
            size, n = (frames[0].shape[1], frames[0].shape[0]), len(frames)
        else:
            save_png_with_record(partial, result.composite, record)
            size, n = (result.composite.shape[1], result.composite.shape[0]), 1
        os.replace(partial, out)
    except BaseException:  # an error, Cancelled or Ctrl-C: no half-written file stays
        partial.unlink(missing_ok=True)
        raise
    return out, size, n


def partial_path(out: Path) -> Path:
    """Where ``out`` is written until it is complete: a hidden file beside it, same suffix."""
    return out.with_name(f".{out.stem}.partial{out.suffix}")


def export_request(source: ModelSource, request: RenderRequest, out: str | Path, *,
                   fps: float = 12.0,                     # animations: frames per second
                   sidecar_out: str | Path | None = None,  # write a JSON sidecar here
                   latents_out: str | Path | None = None,  # write the rendered latents (.npy) here
                   progress: ProgressFn | None = None,     # fraction done; may raise Cancelled
                   should_stop=None,                      # () -> bool: True = stop (Cancelled)
                   chunk: int | None = None,              # samples per forward pass (None: ~1 GB)
                   ) -> ExportReport:
    """Render ``request`` with ``source.G`` and write it (and optionally its sidecar and latents).

    Raises :class:`Cancelled` when stopped (``progress`` raised it or ``should_stop()`` turned
    true); KeyboardInterrupt passes through.  Either way no output file was written."""
    t0 = time.perf_counter()
    out = check_output(request, out)
    if latents_out is not None and Path(latents_out).suffix.lower() != ".npy":
        raise ExportError(translate("export", "latents are written as .npy, not "
                                              "{0}").format(Path(latents_out).name))
    report_progress = Monotonic(progress)
    report_progress(0.0)
    result = render(source.G, request, should_stop=should_stop, chunk=chunk,
                    progress=stage(report_progress, 0.0, 0.9))
    if result.cancelled or (should_stop is not None and should_stop()):
        raise Cancelled()
    size, frames = result_size(result, out, request.upscale)
    record = source.record(request, out, fps=fps, size=size, frames=frames)
    out, size, frames = write_result(result, out, fps=fps, upscale_by=request.upscale, record=record)
    report_progress(0.97)
    report = ExportReport(out, size, frames)
    if latents_out is not None:
        report.latents = Path(latents_out)
        report.latents.parent.mkdir(parents=True, exist_ok=True)
        np.save(report.latents, result.latents)
    if sidecar_out is not None:
        report.sidecar = record.write(sidecar_out)
    report.ms = (time.perf_counter() - t0) * 1000
    report_progress(1.0)
    return report


def result_size(result: RenderResult, out: str | Path, upscale_by: int = 1) -> tuple[tuple[int, int], int]:
    """(width, height) and frame count of what :func:`write_result` writes for ``out``."""
    if Path(out).suffix.lower() in ANIMATION_SUFFIXES and result.images is not None:
        h, w = result.images.shape[1:3]
        return (w * max(1, upscale_by), h * max(1, upscale_by)), len(result.images)
    if result.composite is None:
        return (0, 0), 0
    return (result.composite.shape[1], result.composite.shape[0]), 1


def _plain(d: dict) -> dict:
    return {k: v for k, v in d.items() if isinstance(v, (str, int, float, bool, type(None)))}


def reproduce(sidecar_path: str | Path, checkpoint: str | Path | None = None,
              out: str | Path | None = None, device: str = "cpu") -> ExportReport:
    """Re-render an export from its sidecar (.json) or from a PNG that GAN Studio wrote (its
    metadata); refuses a model other than the one recorded."""
    try:
        sc = read_record(sidecar_path)
    except SidecarError as e:
        raise ExportError(str(e)) from None
    name = Path(sidecar_path).name
    ckpt_path = checkpoint or sc.checkpoint_path
    if not ckpt_path:
        raise ExportError(translate("export", "{0} names no checkpoint file; pass"
                                              " the checkpoint: ganstudio export "
                                              "CHECKPOINT --from {0}").format(name))
    try:
        source = ModelSource.load(ckpt_path, device)
    except CheckpointError as e:
        raise ExportError(translate("export", "cannot open the checkpoint {0} was"
                                              " made with: {1}").format(name, e)) from None
    if not same_model(sc, source.checkpoint_sha256, lambda: source.weights_sha256):
        raise ExportError(mismatch_message(name, sc, source.describe(),
                                           translate("export", "Pass that checkpoint: ganstudio export CHECKPOINT "
                                                               "--from {0}").format(name)))
    if out is None:
        recorded = Path(sc.output.get("path") or "export.png")
        out = Path(sidecar_path).with_name(f"{recorded.stem}-reproduced{recorded.suffix}")
    return export_request(source, sc.request, out, fps=float(sc.output.get("fps", 12.0)))


# --- directions (requests are built by :mod:`ganstudio.core.requests`) ------------------------------

def compute_directions(G, method: str = "pca", k: int = 16) -> L.Directions:
    """GANSpace (PCA of w) or SeFa directions whose stdevs are the spread of w along each, so
    that one unit of a slider or sweep is one standard deviation for both methods."""
    k = min(k, G.w_dim)
    if method == "pca":
        return L.pca_directions(G, k=k, n_samples=4096)
    if method != "sefa":
        raise ExportError(translate("export", "directions are 'pca' or 'sefa', "
                                              "not {0!r}").format(method))
    d = L.sefa_directions(G, k=k)
    spreads = torch.tensor([direction_spread(G, c) for c in d.components])
    return L.Directions(d.mean, d.components, spreads, "sefa")


@torch.no_grad()
def direction_spread(G, direction: torch.Tensor, n: int = 2048, seed: int = 0) -> float:
    """Standard deviation of w = mapping(z) along a direction: one unit of a sweep is one sigma.
    (A class-conditional mapping network maps z with class 0, as for the PCA directions.)"""
    z = L.sample_z(seed, n, G.z_dim).to(device_of(G))
    w = G.mapping(z)[:, 0].float().cpu()
    d = direction.float() / direction.float().norm().clamp_min(1e-12)
    return float((w @ d).std())
