"""Projecting picture files and writing what `ganstudio project` promises: the latent (.npy),
the target and its reconstruction side by side (.png), a sidecar that `ganstudio export --from`
renders pixel for pixel (.json) and, optionally, a video of the optimisation.

Also :func:`choose_distance`, the distance a model gets when none is asked for.
"""
from __future__ import annotations

import math
import os
import sys
from pathlib import Path

import numpy as np
import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .checkpoint import Checkpoint, CheckpointError
from .export import ModelSource
from .imaging import save_animation, save_png
from .nets import family_name, has_mapping
from .progress import ProgressLine
from .projection import Projector, ProjectionResult, ProjectionSettings, ProjectionStep, image_shape
from .projection_distance import Distance, make_distance
from .render import Sidecar
from .render_device import device_of
from .target_image import TargetImage, load_target_image

VIDEO_FRAMES = 120       # at most this many optimisation steps are shown in a video
VIDEO_MIN_HEIGHT = 256   # small models' frames are upscaled (nearest) to at least this height
GAP = 4                  # white pixels between the target and the reconstruction


def discriminator_of(ckpt: Checkpoint | None, device) -> torch.nn.Module | None:
    """The checkpoint's discriminator (for the "d" distance), or None when it holds none."""
    if ckpt is None or ckpt.D is None:
        return None
    try:
        return ckpt.build_discriminator(device)
    except (CheckpointError, ValueError, KeyError):
        return None


def choose_distance(name: str, target: torch.Tensor, D: torch.nn.Module | None) -> Distance:
    """``name`` = "auto": the model's discriminator features when there is a D, else multi-scale
    SSIM with an L1 pixel term (see README, "Projecting your own image", for the measurements)."""
    if name == "auto":
        name = "d" if D is not None else "ssim"
    return make_distance(name, target, D)


def side_by_side(target: np.ndarray, recon: np.ndarray, upscale: int = 1) -> np.ndarray:
    """[R, R, C] + [R, R, C] uint8 -> [R*u, (2R + GAP)*u, C]: target | white gap | reconstruction."""
    gap = np.full((target.shape[0], GAP, target.shape[2]), 255, np.uint8)
    out = np.concatenate([target, gap, recon], axis=1)
    return out.repeat(upscale, 0).repeat(upscale, 1) if upscale > 1 else out


class ProjectionJob:
    """Projects picture files with one model and the command line's settings (``args``)."""

    def __init__(self, source: ModelSource, ckpt: Checkpoint | None, args, video_suffix: str | None = None):
        self.source, self.args, self.video_suffix = source, args, video_suffix
        self.G = source.G
        self.channels, self.resolution = image_shape(self.G)
        device = device_of(self.G)
        self.D = discriminator_of(ckpt, device) if args.distance in ("auto", "d") else None
        if args.distance == "d" and self.D is None:
            raise ValueError(translate("projection_run", "--distance d needs the model's discriminator, and this file holds "
                                       "none; use --distance ssim or pixel"))
        mapping = has_mapping(self.G)
        family = family_name(self.G)
        self.note = "" if mapping else translate("projection_run", "{0} models have no mapping network: z is optimised "
                                                 "(the results are z latents)").format(family)

    def settings(self) -> ProjectionSettings:
        a = self.args
        return ProjectionSettings(space=a.space, steps=a.steps, lr=a.lr, start=a.start,
                                  candidates=a.candidates, seed=a.seed)

    def project(self, path: Path, stem: Path, index: int = 0, total: int = 1,
                line: ProgressLine | None = None) -> str:
        """Project one picture and write stem.npy/.png/.json (+ video); one line for stdout.
        ``line``: the overall progress line (picture ``index`` of ``total``)."""
        a = self.args
        target = load_target_image(path, self.resolution, self.channels, crop_box=a.crop,
                                   background=a.background, frame=a.frame)
        if not a.quiet:
            if line is not None:
                line.close()
            for note in target.notes:
                print(f"ganstudio project: {path.name}: {note}", file=sys.stderr)
        distance = choose_distance(a.distance, target.tensor, self.D)
        frames: list[np.ndarray] = []
        every = max(1, math.ceil(a.steps / VIDEO_FRAMES))

        def on_step(step: ProjectionStep) -> None:
            if line is not None:
                line.what = translate("projection_run", "{0} ({1}/{2}): step {3}/{4}, distance {5:.4g}; all").format(
                    path.name, index + 1, total, step.step, step.steps, step.loss)
                line((index + step.step / step.steps) / total)
            if self.video_suffix and (step.step % every == 0 or step.step == 1):
                frames.append(step.pixels())

        device = device_of(self.G)
        result = Projector(self.G, target.tensor.to(device), self.settings(), distance,
                           progress=on_step).run()
        return self.write(target, result, stem, frames)

    def write(self, target: TargetImage, result: ProjectionResult, stem: Path,
              frames: list[np.ndarray]) -> str:
        stem.parent.mkdir(parents=True, exist_ok=True)
        latent_path = stem.with_suffix(".npy")
        np.save(latent_path, result.latent)
        png = save_png(stem.with_suffix(".png"), side_by_side(target.pixels, result.reconstruction, self.args.upscale))
        sidecar = Sidecar(result.to_request(), self.source.checkpoint_sha256, self.source.weights_sha256,
                          self.source.checkpoint_path, model=_plain(self.source.summary),
                          output={"path": str(png.resolve()), "format": "png",
                                  "width": int(result.reconstruction.shape[1]),
                                  "height": int(result.reconstruction.shape[0]),
                                  "shows": "the reconstruction (the PNG shows target | reconstruction)",
                                  "projection": {"image": target.source, "space": result.space,
                                                 "latent": latent_path.name,
                                                 "steps": result.steps_done, "best_step": result.best_step,
                                                 "distance": result.distance,
                                                 "distance_value": result.best_loss,
                                                 "crop_box": list(target.crop_box),
                                                 "conversions": target.notes, "note": result.note}})
        sidecar_path = sidecar.write(stem.with_suffix(".json"))
        written = [png.name, latent_path.name, sidecar_path.name]
        if self.video_suffix and frames:
            frames.append(result.reconstruction)
            written.append(self.write_video(target, frames, stem.with_suffix(self.video_suffix)).name)
        return translate("projection_run", "{0}: {1} latent, distance {2:.4g} after {3} steps ({4:.1f} s): wrote {5}").format(
            target.source, result.space, result.best_loss, result.steps_done, result.seconds, ", ".join(written))

    def write_video(self, target: TargetImage, frames: list[np.ndarray], path: Path) -> Path:
        r = target.pixels.shape[0]
        factor = max(1, math.ceil(VIDEO_MIN_HEIGHT / r))
        video = []
        for f in frames:
            img = side_by_side(target.pixels, f, factor)
            h, w = img.shape[:2]
            img = np.pad(img, ((0, h % 2), (0, w % 2), (0, 0)), constant_values=255)  # even sizes (video codecs)
            video.append(img)
        partial = path.with_name(f".{path.stem}.partial{path.suffix}")
        try:
            save_animation(partial, video, self.args.fps)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return path


def _plain(d: dict) -> dict:
    return {k: v for k, v in d.items() if isinstance(v, (str, int, float, bool, type(None)))}
