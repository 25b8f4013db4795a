"""Drag editing (DragGAN-style, ganstudio.core.drag): does the handle reach its target, how
much of the image outside the mask changes, and how long a step takes.

    python benchmarks/drag.py                                    # the shipped StyleGANs, 20 drags each
    python benchmarks/drag.py --no-track-fine --stop-within 1    # the defaults before tracking on the finest features
    python benchmarks/drag.py --pickles /tmp/pk/paper256.pkl --pickle-drags 5 --pickle-steps 40
    (official pickles with random weights: python benchmarks/pickle_open.py --configs paper256 --dir /tmp/pk)

For each model, ``--drags`` random drags of one image each (seed i, the model's fixed noise):
one handle on an edge of what the image shows (a pixel among the 20 % with the strongest
gradient, away from the border), a target 2-6 px away (32 px models) or 5-10 % of the width
(larger ones) in a random direction, and a mask that lets only a band around the handle and
the target change (within 3 px, or 6 % of the width, of the segment between them, plus the
motion radius).  Reported per model:

* arrived: how often the tracked handle ends within 1 px (32 px models) or 2 % of the width of
  its target (the drag runs with the app's settings, --stop-within and --track-fine: it stops
  when it arrives by those, or after --max-steps);
* outside: the mean absolute change of the pixels outside the mask, in uint8 levels (0..255),
  over all drags (and its largest value in one drag);
* moved: how often the pixels moved with the handle: the patch around the target afterwards
  is at most half as far (mean absolute difference) from the patch that was around the handle
  as the target's patch was before (a check that does not trust the tracking; drags whose
  handle and target patches already looked alike, within 10 levels, are left out);
* s/step: seconds per step on this machine (forward, tracking, backward, Adam).

Random weights (the official configs written by pickle_open.py) have no semantics: an "edge"
there is noise, so their figures say only that the machinery runs and how fast.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ganstudio.core.checkpoint import load_checkpoint  # noqa: E402
from ganstudio.core.drag import Dragger, DragSettings, generator_on  # noqa: E402
from ganstudio.core.imaging import to_uint8  # noqa: E402
from ganstudio.resources import resource  # noqa: E402

SHIPPED = ("stylegan_fashion32.pt", "stylegan_emoji32.pt")


def pick_drag(img: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A handle on a strong edge of ``img`` [R, R, C] uint8 and a target at the issue's distance."""
    r = img.shape[0]
    g = img.astype(np.float32).mean(2)
    mag = np.hypot(*np.gradient(g))
    border = max(2, r // 16)
    inner = mag[border:r - border, border:r - border]
    ys, xs = np.nonzero(inner >= np.quantile(inner, 0.8))
    k = rng.integers(len(xs))
    handle = np.array([xs[k] + border, ys[k] + border], np.float64)
    lo, hi = (2.0, 6.0) if r <= 32 else (0.05 * r, 0.10 * r)
    for _ in range(100):
        length, angle = rng.uniform(lo, hi), rng.uniform(0, 2 * math.pi)
        target = np.round(handle + length * np.array([math.cos(angle), math.sin(angle)]))
        if (target >= 0).all() and (target <= r - 1).all() and np.linalg.norm(target - handle) >= lo - 0.5:
            return handle, target
    raise RuntimeError("no target fits on the image")


def band_mask(r: int, handle: np.ndarray, target: np.ndarray, width: float) -> np.ndarray:
    """True within ``width`` px of the segment handle-target."""
    yy, xx = np.mgrid[0:r, 0:r].astype(np.float64)
    p = np.stack([xx, yy], -1)
    d = target - handle
    t = np.clip(((p - handle) @ d) / max(float(d @ d), 1e-9), 0, 1)
    return np.linalg.norm(p - (handle + t[..., None] * d), axis=-1) <= width


def patch(img: np.ndarray, p: np.ndarray, r: int) -> np.ndarray:
    x, y = int(p[0]), int(p[1])
    pad = np.pad(img.astype(np.float64), ((r, r), (r, r), (0, 0)), mode="edge")
    return pad[y:y + 2 * r + 1, x:x + 2 * r + 1]


def bench_model(G, name: str, drags: int, max_steps: int, seed: int, base: DragSettings) -> dict:
    r = int(G.synthesis.img_resolution)
    tol = 1.0 if r <= 32 else 0.02 * r
    settings = replace(base, max_steps=max_steps).resolve(G)
    rng = np.random.default_rng(seed)
    dev = next(G.parameters()).device
    arrived, outside, steps, seconds, start_d, end_d, moved = [], [], 0, 0.0, [], [], []
    pr = max(2, round(r / 32))
    for i in range(drags):
        z = torch.randn(1, G.z_dim, generator=torch.Generator().manual_seed(seed + i)).to(dev)
        with torch.no_grad():
            ws = G.mapping(z)[0] if not G.c_dim else G.mapping(z, torch.eye(G.c_dim, device=dev)[:1])[0]
            before = to_uint8(G.synthesis(ws[None], noise_mode="const"))[0]
        handle, target = pick_drag(before, rng)
        mask = band_mask(r, handle, target, max(3.0, 0.06 * r) + settings.motion_radius)
        d = Dragger(G, ws, [handle], [target], mask=mask, settings=settings)
        t0 = time.perf_counter()
        res = d.run()
        seconds += time.perf_counter() - t0
        steps += res.steps_done
        after = res.image
        arrived.append(bool(res.distances[0] <= tol))
        outside.append(float(np.abs(after.astype(np.float64) - before)[~mask].mean()))
        was = np.abs(patch(before, target, pr) - patch(before, handle, pr)).mean()
        now = np.abs(patch(after, target, pr) - patch(before, handle, pr)).mean()
        if was >= 10:
            moved.append(bool(now <= 0.5 * was))
        start_d.append(float(np.linalg.norm(target - handle)))
        end_d.append(res.distances[0])
        print(f"  {name} drag {i + 1}/{drags}: {start_d[-1]:.1f} px -> {end_d[-1]:.1f} px in "
              f"{res.steps_done} steps, outside {outside[-1]:.2f} levels", file=sys.stderr, flush=True)
    return {"model": name, "resolution": r, "drags": drags, "tolerance_px": tol,
            "arrived": f"{sum(arrived)}/{drags}", "arrived_share": sum(arrived) / drags,
            "moved": f"{sum(moved)}/{len(moved)}",
            "mean_start_px": float(np.mean(start_d)), "mean_end_px": float(np.mean(end_d)),
            "outside_mean_levels": float(np.mean(outside)), "outside_max_levels": float(np.max(outside)),
            "steps": steps, "s_per_step": seconds / max(1, steps),
            "settings": {k: v for k, v in vars(settings).items()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--drags", type=int, default=20, help="drags per shipped model")
    ap.add_argument("--max-steps", type=int, default=200, help="steps per drag at most (shipped models)")
    ap.add_argument("--pickles", default="", help="comma-separated official pickles (random weights)")
    ap.add_argument("--pickle-drags", type=int, default=5, help="drags per official pickle")
    ap.add_argument("--pickle-steps", type=int, default=40, help="steps per drag at most (pickles)")
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    ap.add_argument("--device", default="cpu", help="cpu, cuda or auto")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lr", type=float, default=DragSettings.lr, help="Adam step (x the spread of w)")
    ap.add_argument("--rows", type=int, default=None, help="first rows of w+ optimised (default: the model's)")
    ap.add_argument("--mask-weight", type=float, default=DragSettings.mask_weight)
    ap.add_argument("--feature-layer", default=None, help="e.g. b8 (default: the model's)")
    ap.add_argument("--stop-within", type=float, default=None,
                    help="px at which a drag has arrived (default: the model's; 0 = on the target's pixel)")
    ap.add_argument("--track-fine", action=argparse.BooleanOptionalAction, default=DragSettings.track_fine,
                    help="track the handles on the finest features too (the app's default)")
    ap.add_argument("--keep-to-line", type=float, default=DragSettings.keep_to_line,
                    help="tracking's cost of leaving a handle's line by the track radius (0: none)")
    ap.add_argument("--shipped", action=argparse.BooleanOptionalAction, default=True,
                    help="drag the shipped models (--no-shipped: only the --pickles)")
    ap.add_argument("--json", default="", help="also write the figures here")
    args = ap.parse_args(argv)
    for name in ("drags", "max_steps", "pickle_drags", "pickle_steps", "threads"):
        if getattr(args, name) < 1:
            ap.error(f"--{name.replace('_', '-')} must be at least 1")
    try:
        base = DragSettings(lr=args.lr, rows=args.rows, mask_weight=args.mask_weight,
                            feature_layer=args.feature_layer, stop_distance=args.stop_within,
                            track_fine=args.track_fine, keep_to_line=args.keep_to_line).check()
    except ValueError as e:
        ap.error(str(e).replace("drag setting ", "--").replace("_", "-"))
    if not args.shipped and not args.pickles:
        ap.error("--no-shipped leaves nothing to drag: name --pickles")
    torch.set_num_threads(args.threads)
    rows = []
    models = [(resource(f"models/{f}"), f, args.drags, args.max_steps) for f in SHIPPED if args.shipped]
    models += [(Path(p), Path(p).name + " (random weights)", args.pickle_drags, args.pickle_steps)
               for p in args.pickles.split(",") if p]
    for path, name, n, steps in models:
        G = load_checkpoint(path, validate=False).build_generator(ema=True)
        G = generator_on(G.eval().requires_grad_(False), args.device)
        rows.append(bench_model(G, name, n, steps, args.seed, base))
    print(f"{'model':34} {'px':>4} {'arrived':>8} {'moved':>6} {'start px':>8} {'end px':>7} "
          f"{'outside':>8} {'max out':>8} {'s/step':>7}")
    for row in rows:
        print(f"{row['model']:34} {row['resolution']:>4} {row['arrived']:>8} {row['moved']:>6} {row['mean_start_px']:>8.2f} "
              f"{row['mean_end_px']:>7.2f} {row['outside_mean_levels']:>8.2f} {row['outside_max_levels']:>8.2f} "
              f"{row['s_per_step']:>7.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
