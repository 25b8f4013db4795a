"""`ganstudio export`: the Explorer's exports from the command line (USAGE, below, is its help)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..text import parse_seeds
from .common import render_device

USAGE = QT_TRANSLATE_NOOP("export", """`ganstudio export`: the Explorer's exports from the command line.

    ganstudio export CKPT --grid 8x8 --seed 0 --psi 0.7 --out grid.png
    ganstudio export CKPT --interp 1,2,3 --frames 24 --mode slerp --space w --out walk.gif
    ganstudio export CKPT --mix 1,2,3x10,11,12 --styles coarse --out mix.png
    ganstudio export CKPT --sweep pca0 --steps 9 --seed 4 --out sweep.webp
    ganstudio export CKPT --directions dirs.json --sweep "more like Ankle boot" --out boot.gif
    ganstudio export --from grid.json --out again.png
    ganstudio export --from grid.png --out again.png
    ganstudio export CKPT --samples 1000 --out samples.npy
    ganstudio export stylegan2-ffhq.pkl --grid 4x4 --psi 0.7 --out ffhq.png
    ganstudio export cifar10.pkl --grid 2x8 --class 3 --out cats.png
    ganstudio export network-snapshot.pkl --convert model.pt
    ganstudio export stylegan3-t.pkl --seed 7 --translate 16,0 --rotate 30 --untransform --out moved.png
    ganstudio export stylegan3-t.pkl --motion 0,0,1 --frames 48 --seed 7 --out turn.gif

CKPT is a GAN Studio checkpoint (.pt), a run directory, or an official StyleGAN2-ADA /
StyleGAN3 network pickle (.pkl; read without running code from it, see the README).

Opening the model and rendering show a progress line with the time left on stderr.  Ctrl-C
stops an export cleanly: the output file is only ever written complete (exit status 130).
""")

MODES = ("grid", "interp", "mix", "sweep", "motion", "from_", "samples", "convert")


def parse_grid(text: str) -> tuple[int, int]:
    try:
        r, c = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(translate(
            "export", "--grid takes ROWSxCOLS, e.g. 8x8; got {0!r}").format(text)) from None
    if not (1 <= r <= 64 and 1 <= c <= 64):
        raise UsageError(translate("export", "--grid {0}: rows and columns must be 1..64").format(text))
    return r, c


def parse_pair(text: str, what: str, cast=float, sep=","):
    try:
        a, b = (cast(v) for v in text.split(sep))
    except ValueError:
        raise UsageError(translate("export", "{0} takes two values like {1}; got {2!r}").format(
            what, "-3,3" if cast is float else "0:4", text)) from None
    return a, b


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "export", help=translate("export", "grids, interpolations, style-mix grids, sweeps, latents"),
        description=translate("export", USAGE), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("checkpoint", nargs="?", help=translate(
        "export", "checkpoint file or run directory (newest checkpoint)"))
    what = p.add_argument_group(translate("export", "what to export (one of)"))
    what.add_argument("--grid", metavar="RxC", help=translate(
        "export", "a grid of images from seeds --seed, --seed+1, ..."))
    what.add_argument("--interp", metavar="SEEDS", help=translate(
        "export", "interpolate through seeds A,B[,C..]"))
    what.add_argument("--mix", metavar="ROWSxCOLS", help=translate(
        "export", "style-mixing grid: row seeds x column seeds, e.g. 1,2x5,6"))
    what.add_argument("--sweep", metavar="DIM|pcaK|sefaK|NAME",
                      help=translate(
                          "export", "sweep a z dimension or a w direction (NAME: one from --directions)"))
    what.add_argument("--motion", metavar="DX,DY,TURNS",
                      help=translate(
                          "export", "StyleGAN3: an animation of --seed over --frames frames whose input moves DX, DY "
                           "pixels and turns TURNS full turns in all"))
    what.add_argument("--from", dest="from_", metavar="SIDECAR.json|IMAGE.png",
                      help=translate(
                          "export", "reproduce an export from its sidecar, or from a PNG GAN Studio wrote "
                           "(every such PNG carries how it was made)"))
    what.add_argument("--samples", type=int, metavar="N", help=translate(
        "export", "N samples as a .npy array (training engine)"))
    what.add_argument("--convert", metavar="OUT.pt", help=translate(
        "export", "write the model as a GAN Studio checkpoint "
                                                          "(e.g. an official .pkl)"))
    p.add_argument("--out", help=translate(
        "export", "output file: .png, or .gif/.webp/.mp4 for interpolations and sweeps"))
    p.add_argument("--seed", type=int, default=0, help=translate(
        "export", "first seed (grid) or base seed (sweep); default 0"))
    p.add_argument("--psi", type=float, default=1.0, help=translate("export", "truncation psi (1 = none)"))
    p.add_argument("--cutoff", type=int, default=None, help=translate(
        "export", "truncate only the first CUTOFF ws rows"))
    p.add_argument("--class", dest="class_index", type=int, default=None, metavar="K",
                   help=translate("export", "class-conditional models: render class K (default 0)"))
    p.add_argument("--noise", choices=("const", "random", "none"), default="const", help=translate(
        "export", "noise inputs (StyleGAN)"))
    p.add_argument("--noise-seed", type=int, default=0, help=translate("export", "seed of random noise"))
    p.add_argument("--frames", type=int, default=16, help=translate(
        "export", "interpolation frames (default 16)"))
    p.add_argument("--mode", choices=("lerp", "slerp"), default="slerp", help=translate(
        "export", "interpolation mode"))
    p.add_argument("--space", choices=("z", "w"), default="z", help=translate(
        "export", "interpolate in z or in w"))
    p.add_argument("--fps", type=float, default=12.0, help=translate("export", "animation frame rate"))
    p.add_argument("--styles", default="coarse", help=translate(
        "export", "mixing: coarse|middle|fine or resolutions like 4,8"))
    p.add_argument("--steps", type=int, default=7, help=translate("export", "sweep steps (default 7)"))
    p.add_argument("--range", dest="sweep_range", default="-3,3", help=translate(
        "export", "sweep range LO,HI (default -3,3)"))
    p.add_argument("--directions", metavar="FILE.json", default=None,
                   help=translate(
                       "export", "named directions exported by the Explorer (Latent > Directions > Export) for --sweep NAME"))
    p.add_argument("--layers", default=None, help=translate(
        "export", "sweep of a direction: ws rows START:END"))
    p.add_argument("--translate", metavar="DX,DY", default=None,
                   help=translate(
                       "export", "StyleGAN3: move the input (and so the picture) by DX, DY pixels: right, down"))
    p.add_argument("--rotate", type=float, metavar="DEG", default=None,
                   help=translate("export", "StyleGAN3: turn the input by DEG degrees, counter-clockwise"))
    p.add_argument("--untransform", action="store_true",
                   help=translate(
                       "export", "StyleGAN3: resample the output back by the inverse of --translate / --rotate "
                        "(an equivariant model then looks unmoved)"))
    p.add_argument("--padding", type=int, default=2, help=translate("export", "pixels between tiles"))
    p.add_argument("--upscale", type=int, default=1, help=translate(
        "export", "nearest-neighbour upscale factor"))
    p.add_argument("--latents-out", default=None, help=translate(
        "export", "also write the rendered latents (.npy)"))
    p.add_argument("--sidecar-out", default=None, help=translate(
        "export", "also write a JSON sidecar (reproducible with --from)"))
    p.add_argument("--device", default="auto",
                   help=translate(
                       "export", "auto (default: the GPU when there is one, else the CPU), cpu or cuda"))
    p.add_argument("--chunk", type=int, default=None, metavar="N",
                   help=translate(
                       "export", "images per forward pass (default: as many as fit ~1 GB of activations)"))
    p.add_argument("--quiet", action="store_true", help=translate("export", "no progress line on stderr"))
    p.set_defaults(func=run)
    return p


def _check_args(args) -> str:
    chosen = [m for m in MODES if getattr(args, m) is not None]
    if len(chosen) > 1:
        names = ", ".join("--" + m.rstrip("_") for m in chosen)
        raise UsageError(translate(
            "export", "choose one of --grid, --interp, --mix, --sweep, --motion, --from, "
                                             "--samples, --convert (got {0})").format(names))
    mode = chosen[0] if chosen else "grid"
    if mode == "from_":
        return mode
    if not args.checkpoint:
        raise UsageError(translate(
            "export", "name a checkpoint or run directory: ganstudio export CHECKPOINT ..."))
    if getattr(args, "directions", None) and mode != "sweep":
        raise UsageError(translate(
            "export", "--directions names the directions of --sweep NAME; add --sweep"))
    if mode == "convert":
        if not args.convert.endswith(".pt"):
            raise UsageError(translate(
                "export", "--convert writes a GAN Studio checkpoint: give a .pt file, not {0!r}")
                             .format(args.convert))
        return mode
    if args.class_index is not None and args.class_index < 0:
        raise UsageError(translate("export", "--class must be >= 0"))
    if not args.out:
        raise UsageError(translate("export", "--out is required (e.g. --out grid.png)"))
    if args.frames < 2 or args.frames > 1000:
        raise UsageError(translate("export", "--frames must be 2..1000"))
    if args.steps < 2 or args.steps > 1000:
        raise UsageError(translate("export", "--steps must be 2..1000"))
    if args.upscale < 1 or args.upscale > 32 or args.padding < 0:
        raise UsageError(translate("export", "--upscale must be 1..32 and --padding >= 0"))
    if not args.fps > 0:
        raise UsageError(translate("export", "--fps must be > 0"))
    if not 0 <= args.seed < 2 ** 32:
        raise UsageError(translate("export", "--seed must be in 0..4294967295"))
    if getattr(args, "chunk", None) is not None and not 1 <= args.chunk <= 65536:
        raise UsageError(translate("export", "--chunk must be 1..65536 (images per forward pass)"))
    return mode


def run(args) -> int:
    from ..core.export import ExportError, ModelSource, reproduce
    from ..core.requests import RequestError
    mode = _check_args(args)
    try:
        if mode == "from_":
            report = reproduce(args.from_, args.checkpoint, args.out, render_device(args.device))
            print(report.line())
            return 0
        if mode == "samples":
            return _samples(args)
        if mode == "convert":
            return _convert(args)
        source = _with_progress(args, translate("export", "Opening {0}").format(Path(args.checkpoint).name),
                                lambda line: ModelSource.load(args.checkpoint, render_device(args.device), line))
        request = _build(source.G, args, mode, source.checkpoint_sha256)
        from ..core.export import export_request
        exporting = translate("export", "Exporting {0}").format(Path(args.out).name)
        report = _with_progress(args, exporting, lambda line: export_request(
            source, request, args.out, fps=args.fps, sidecar_out=args.sidecar_out,
            latents_out=args.latents_out, progress=line, chunk=getattr(args, "chunk", None)))
    except (ExportError, RequestError) as e:
        raise UsageError(str(e)) from None
    except KeyboardInterrupt:  # Ctrl-C: the output file was never written (see export_request)
        print(translate("export", "ganstudio export: interrupted; {0} was not written").format(args.out),
              file=sys.stderr)
        return 130
    print(report.line())
    return 0


def _with_progress(args, what: str, fn):
    """fn(progress callback) with a progress line on stderr (none with --quiet)."""
    from ..core.progress import ProgressLine
    if getattr(args, "quiet", False):
        return fn(None)
    line = ProgressLine(what, sys.stderr)
    try:
        return fn(line)
    finally:
        line.close()


def _named(G, args, sha256: str | None) -> list:
    """The named directions of --directions (checked against the model), or none."""
    if not getattr(args, "directions", None):
        return []
    from ..core.named_directions import DirectionFileError, read_directions
    from ..core.nets import has_mapping
    if not has_mapping(G):
        raise UsageError(translate(
            "export", "--directions: named directions live in w; this model has no mapping network"))
    try:
        return read_directions(args.directions, G.w_dim, sha256)
    except DirectionFileError as e:
        raise UsageError(f"--directions: {e}") from None


def _build(G, args, mode: str, sha256: str | None = None):
    """The render request the arguments ask for, built as the Explorer builds it (core.requests)."""
    from ..core import requests as R
    from ..core.nets import has_mapping
    common = dict(psi=args.psi, cutoff=args.cutoff, noise_mode=args.noise, noise_seed=args.noise_seed,
                  padding=args.padding, upscale=args.upscale, class_index=args.class_index)
    c_dim = int(getattr(G, "c_dim", 0) or 0)
    if args.class_index is not None and not args.class_index < c_dim:
        raise UsageError((translate("export", "--class {0}: this model has classes 0..{1}") if c_dim else
                          translate("export", "--class {0}: this model is not class-conditional"))
                         .format(args.class_index, c_dim - 1))
    if args.cutoff is not None and (not has_mapping(G) or not 1 <= args.cutoff <= G.num_ws):
        raise UsageError(translate("export", "--cutoff needs a StyleGAN model and a value 1..num_ws"))
    common["input_transform"] = _input_transform(G, args, mode)
    seed_latent = R.seed_latents([args.seed], G.z_dim)[0]
    if mode == "motion":
        return R.motion_request(seed_latent, _motion(G, args), **common)
    if mode == "grid":
        rows, cols = parse_grid(args.grid or "1x1")
        if args.seed + rows * cols > 2 ** 32:
            raise UsageError(translate("export", "--seed is too large for this grid"))
        return R.seed_grid_request(G, args.seed, rows, cols, **common)
    if mode == "interp":
        seeds = parse_seeds(args.interp, "--interp")
        if len(seeds) < 2:
            raise UsageError("an interpolation needs at least two seeds, e.g. --interp 1,2")
        return R.interp_request(G, R.seed_latents(seeds, G.z_dim), args.frames, args.mode, args.space, **common)
    if mode == "mix":
        if "x" not in args.mix.lower():
            raise UsageError(translate("export", "--mix takes ROWSEEDSxCOLSEEDS, e.g. 1,2,3x10,11; got {0!r}")
                             .format(args.mix))
        rows_text, cols_text = args.mix.lower().split("x", 1)
        return R.mix_grid_request(G, parse_seeds(rows_text, "--mix"), parse_seeds(cols_text, "--mix"),
                                  _style_rows(G, args.styles), **common)
    lo, hi = parse_pair(args.sweep_range, "--range")
    layers = None
    if args.layers:
        layers = parse_pair(args.layers, "--layers", int, ":")
        if not has_mapping(G) or not 0 <= layers[0] < layers[1] <= G.num_ws:
            raise UsageError(translate(
                "export", "--layers takes START:END with 0 <= START < END <= num_ws (StyleGAN only)"))
    sweep = _sweep(G, args.sweep, dict(lo=lo, hi=hi, steps=args.steps), layers, _named(G, args, sha256))
    return R.sweep_request(seed_latent, sweep, **common)


def _style_rows(G, styles: str) -> tuple[int, ...]:
    """The ws rows of --styles: a preset (coarse|middle|fine) or block resolutions ("4,8")."""
    from ..core import latent as L
    from ..core import requests as R
    R.check_style_mixing(G)
    styles = styles.strip().lower()
    if styles in L.MIX_PRESETS:
        return R.preset_style_rows(G, styles)
    try:
        res = [int(r) for r in styles.replace("x", ",").split(",") if r.strip()]
    except ValueError:
        raise UsageError(translate("export", "--styles takes coarse, middle, fine or resolutions like "
                                             "4,8; got {0!r}").format(styles)) from None
    bad = [r for r in res if r not in G.block_resolutions]
    if bad or not res:
        raise UsageError(translate("export", "--styles: this model has blocks at {0}, not {1}")
                         .format(G.block_resolutions, bad or styles))
    return R.style_rows(G, res)


def _sweep(G, target: str, steps: dict, layers, named: list):
    """The sweep --sweep names: a z dimension ("5"), a PCA or SeFa direction of w ("pca2",
    "sefa0") or one of ``named`` (from --directions) by its name."""
    from ..core import requests as R
    from ..core.export import compute_directions
    from ..core.nets import family_name, has_mapping
    chosen = next((d for d in named if d.name == target.strip()), None)
    if chosen is not None:
        return R.named_sweep(G, chosen, layers, **steps)
    target = target.strip().lower()
    if target.isdigit():
        dim = int(target)
        if not 0 <= dim < G.z_dim:
            raise UsageError(translate("export", "--sweep {0}: z has dimensions 0..{1}").format(dim, G.z_dim - 1))
        return R.dimension_sweep("z", dim, **steps)
    method = next((m for m in ("pca", "sefa") if target.startswith(m)), None)
    if method is None or not target[len(method):].isdigit():
        if named:
            raise UsageError(translate("export", "--sweep takes a z dimension (5), pcaK, sefaK or a name "
                                                 "from --directions ({0}); got {1!r}")
                             .format(", ".join(repr(d.name) for d in named), target))
        raise UsageError(translate("export", "--sweep takes a z dimension (5), pcaK, sefaK or, with "
                                             "--directions FILE, a named direction; got {0!r}").format(target))
    if not has_mapping(G):
        raise UsageError(translate("export", "{0} directions live in w; this {1} model has no mapping "
                                             "network").format(method.upper(), family_name(G)))
    k = int(target[len(method):])
    dirs = compute_directions(G, method, k=k + 1)
    if k >= dirs.components.shape[0]:
        raise UsageError(translate("export", "--sweep {0}: only {1} directions exist")
                         .format(target, dirs.components.shape[0]))
    return R.direction_sweep(G, dirs, k, layers, **steps)


def _numbers(text: str, option: str, count: int) -> list[float]:
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != count:
        example = {2: "16,-8", 3: "0,0,1"}[count]
        raise UsageError(translate("export", "{0} takes {1} numbers like {2}; got {3!r}").format(
            option, count, example, text))
    return values


def _needs_stylegan3(G, option: str) -> int:
    """The image size of a StyleGAN3 G (UsageError naming ``option`` for other models)."""
    from ..core.input_transform import supports_input_transform
    if not supports_input_transform(G):
        from ..core.nets import family_name
        raise UsageError(translate(
            "export", "{0} needs a StyleGAN3 model (its input is Fourier features that "
                                             "can move); this is a {1} model").format(option, family_name(G)))
    return int(G.img_resolution)


def _input_transform(G, args, mode: str):
    """--translate / --rotate / --untransform as an InputTransform (None when none is given)."""
    from ..core.input_transform import InputTransform
    given = [o for o, v in (("--translate", args.translate), ("--rotate", args.rotate)) if v is not None]
    if args.untransform:
        given.append("--untransform")
    if not given:
        return None
    res = _needs_stylegan3(G, given[0])
    dx, dy = _numbers(args.translate, "--translate", 2) if args.translate is not None else (0.0, 0.0)
    try:
        return InputTransform.from_pixels(dx, dy, args.rotate or 0.0, res, args.untransform)
    except ValueError as e:
        option = "--rotate" if "rotate" in str(e) else "--translate"
        raise UsageError(f"{option}: {e}") from None


def _motion(G, args):
    from ..core.input_transform import MotionSpec
    res = _needs_stylegan3(G, "--motion")
    dx, dy, turns = _numbers(args.motion, "--motion", 3)
    try:
        return MotionSpec(args.frames, dx / res, dy / res, turns)
    except ValueError as e:
        raise UsageError(f"--motion: {e}") from None


def _convert(args) -> int:
    from ..core.checkpoint import load_checkpoint, save_generator_checkpoint
    ckpt = load_checkpoint(args.checkpoint)  # a CheckpointError is reported in one line by the CLI
    out = save_generator_checkpoint(ckpt, args.convert)
    cfg = ckpt.model_config
    res = cfg.get("resolution")
    print(translate("export", "wrote {0} (GAN Studio checkpoint: {1} {2}x{2})").format(out, cfg.get("family"), res))
    return 0


def _samples(args) -> int:
    if args.samples < 1:
        raise UsageError(translate("export", "--samples must be >= 1"))
    if not args.out or Path(args.out).suffix.lower() != ".npy":
        raise UsageError(translate("export", "--samples writes a NumPy array: give --out FILE.npy"))
    from .train import export_samples
    result = export_samples(args.checkpoint, args.samples, args.seed, args.out)
    print(translate("export", "wrote {0} ({1} samples)").format(args.out, args.samples))
    return int(result) if isinstance(result, int) else 0
