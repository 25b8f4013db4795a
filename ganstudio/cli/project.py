"""`ganstudio project`: find the latents of your own pictures (GAN inversion); USAGE, below, is
its help."""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from ..errors import UsageError
from ..i18n import QT_TRANSLATE_NOOP, translate
from .common import render_device

USAGE = QT_TRANSLATE_NOOP("project", """`ganstudio project`: find the latents of your own pictures (GAN inversion).

    ganstudio project MODEL photo.png --out projected/
    ganstudio project MODEL pictures/ more.jpg --space w --steps 300 --out projected/ --video

MODEL is a GAN Studio checkpoint (.pt), a run directory, or an official StyleGAN2-ADA /
StyleGAN3 network pickle (.pkl).  For each image (folders: every image in them) it writes,
in --out:

    NAME.npy          the latent: w [w_dim], w+ [num_ws, w_dim], or z for a model without a
                      mapping network (DCGAN, MLP)
    NAME.png          the target and its reconstruction side by side
    NAME.json         a sidecar: `ganstudio export MODEL --from NAME.json --out X.png` renders
                      the reconstruction pixel for pixel
    NAME.mp4 / .gif   with --video: the optimisation, step by step

The picture is cropped to its centre square (or --crop's box), resized to the model's size and
converted to its channels; transparent pixels go on --background.  The distance is the model's
own discriminator features when the file holds a discriminator (GAN Studio checkpoints do),
else multi-scale SSIM with an L1 pixel term; --distance chooses.  A picture that cannot be read
is reported and skipped, the others are still projected (exit status 1 if any was skipped).
""")

SPACES = ("w", "w+")
DISTANCE_CHOICES = ("auto", "pixel", "ssim", "d")
MAX_STEPS = 100_000


def _count(option: str, lo: int, hi: int):
    def parse(text: str) -> int:
        try:
            v = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                translate("project", "{0} takes a whole number, got {1!r}").format(option, text)) from None
        if not lo <= v <= hi:
            raise argparse.ArgumentTypeError(
                translate("project", "{0} must be {1}..{2}, got {3}").format(option, lo, hi, v))
        return v
    return parse


def _number(option: str, lo: float, hi: float):
    def parse(text: str) -> float:
        try:
            v = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                translate("project", "{0} takes a number, got {1!r}").format(option, text)) from None
        if not math.isfinite(v):
            raise argparse.ArgumentTypeError(
                translate("project", "{0} must be a finite number, got {1!r}").format(option, text))
        if not lo < v <= hi:
            raise argparse.ArgumentTypeError(translate(
                "project", "{0} must be greater than {1:g} and at most {2:g}, got {3:g}").format(option, lo, hi, v))
        return v
    return parse


def _crop(text: str) -> tuple[int, int, int, int]:
    try:
        box = tuple(int(v) for v in text.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or min(box) < 0 or box[2] <= box[0] or box[3] <= box[1]:
        raise argparse.ArgumentTypeError(translate(
            "project", "--crop takes LEFT,TOP,RIGHT,BOTTOM in pixels with LEFT < RIGHT and TOP < "
            "BOTTOM, got {0!r}").format(text))
    return box


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "project", help=translate("project", "find the latents of your own pictures (GAN inversion)"),
        description=translate("project", USAGE), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", help=translate("project", "checkpoint, run directory or official network pickle"))
    p.add_argument("images", nargs="+", help=translate("project", "picture files and/or folders of pictures"))
    p.add_argument("--out", required=True, help=translate(
        "project", "folder for the results (created when missing)"))
    p.add_argument("--space", choices=SPACES, default="w+",
                   help=translate(
                       "project", "w: one w for every layer (edits well); w+: one w per layer (closer). Default w+"))
    p.add_argument("--steps", type=_count("--steps", 1, MAX_STEPS), default=500, help=translate(
        "project", "optimisation steps (500)"))
    p.add_argument("--distance", choices=DISTANCE_CHOICES, default="auto",
                   help=translate("project", "auto: discriminator features when the file holds D, else ssim"))
    p.add_argument("--start", choices=("mean", "best"), default="mean",
                   help=translate(
                       "project", "start at the mean w, or at the best of --candidates random latents"))
    p.add_argument("--candidates", type=_count("--candidates", 1, 100_000), default=256)
    p.add_argument("--lr", type=_number("--lr", 0.0, 10.0), default=0.1, help=translate(
        "project", "peak learning rate (0.1)"))
    p.add_argument("--seed", type=_count("--seed", 0, 2 ** 32 - 1), default=0)
    p.add_argument("--background", choices=("white", "black"), default="white",
                   help=translate("project", "what transparent pixels are composited on (white)"))
    p.add_argument("--crop", type=_crop, default=None, metavar="L,T,R,B",
                   help=translate("project", "crop box in the picture's pixels (default: the centre square)"))
    p.add_argument("--frame", type=_count("--frame", 0, 1_000_000), default=None,
                   help=translate("project", "the frame of an animated picture to project"))
    p.add_argument("--video", nargs="?", const="auto", choices=("auto", "mp4", "gif", "webp"), default=None,
                   help=translate(
                       "project", "also write the optimisation as a video (auto: mp4 when available, else gif)"))
    p.add_argument("--fps", type=_number("--fps", 0.0, 120.0), default=24.0, help=translate(
        "project", "video frame rate (24)"))
    p.add_argument("--upscale", type=_count("--upscale", 1, 32), default=1,
                   help=translate("project", "nearest-neighbour upscale of the side-by-side PNG"))
    p.add_argument("--device", default="auto", help=translate(
        "project", "auto (the GPU when there is one), cpu or cuda"))
    p.add_argument("--quiet", action="store_true", help=translate("project", "no progress on stderr"))
    p.set_defaults(func=run)
    return p


def image_files(paths: list[str]) -> list[Path]:
    """The pictures named: files as given, folders' images (sorted, not recursive)."""
    from PIL import Image
    suffixes = {s.lower() for s in Image.registered_extensions()}
    out: list[Path] = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found = sorted(f for f in path.iterdir() if f.is_file() and f.suffix.lower() in suffixes)
            if not found:
                raise UsageError(translate("project", "{0} holds no pictures").format(path))
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise UsageError(translate("project", "{0} does not exist").format(path))
    return out


def _video_suffix(choice: str | None) -> str | None:
    from ..core.imaging import mp4_available
    if choice is None:
        return None
    if choice == "auto":
        return ".mp4" if mp4_available() else ".gif"
    if choice == "mp4" and not mp4_available():
        raise UsageError(translate(
            "project", "--video mp4 needs imageio-ffmpeg (pip install 'ganstudio[video]'); "
                           "use --video gif"))
    return "." + choice


def run(args) -> int:
    from ..core.checkpoint import load_checkpoint
    from ..core.export import ModelSource
    from ..core.progress import ProgressLine
    from ..core.projection_run import ProjectionJob
    files = image_files(args.images)
    video = _video_suffix(args.video)
    device = render_device(args.device)
    ckpt = load_checkpoint(args.model)
    source = ModelSource.from_checkpoint(ckpt, ckpt.build_generator(ema=True, device=device))
    try:
        job = ProjectionJob(source, ckpt, args, video)
    except ValueError as e:   # e.g. a toy (1-D / 2-D) model, or --distance d without a D
        raise UsageError(str(e)) from None
    if not args.quiet and job.note:
        print(f"ganstudio project: {job.note}", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failed, t0 = [], time.perf_counter()
    names = _unique_stems(files)
    line = None if args.quiet else ProgressLine("Projecting", sys.stderr)
    try:
        for i, (path, stem) in enumerate(zip(files, names)):
            try:
                report = job.project(path, out / stem, i, len(files), line)
            except (ValueError, FloatingPointError) as e:   # a bad picture, a diverged run: skip, go on
                failed.append(path)
                _say(line, translate("project", "ganstudio project: skipped {0}: {1}").format(path.name, e))
                continue
            _say(line, report, sys.stdout)
    finally:
        if line is not None:
            line.close()
    done = len(files) - len(failed)
    if not args.quiet:
        print(translate("project", "ganstudio project: {0} of {1} image(s) projected in {2:.0f} s").format(
            done, len(files), time.perf_counter() - t0)
              + (translate("project", "; {0} skipped").format(len(failed)) if failed else ""), file=sys.stderr)
    return 1 if failed else 0


def _say(line, text: str, stream=None) -> None:
    """Print a line without mixing it into a progress line redrawn in place on a terminal."""
    if line is not None:
        line.close()   # ends a line being redrawn on a terminal (nothing otherwise)
    print(text, file=stream or sys.stderr)


def _unique_stems(files: list[Path]) -> list[str]:
    """Output names: the pictures' stems, with -2, -3 ... where two pictures share one."""
    used: set[str] = set()
    out = []
    for f in files:
        name, n = f.stem, 1
        while name in used:
            n += 1
            name = f"{f.stem}-{n}"
        used.add(name)
        out.append(name)
    return out
