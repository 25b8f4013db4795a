"""One prepared check of GAN Studio on a CUDA GPU, to run in one go when a GPU is lent.

1. **Speed**: official configurations built with GAN Studio's own classes (random weights, no
   NVIDIA code) on the GPU: ms per image at batch 1 and 8, in float32 and with the official
   float16 layers (num_fp16_res = 4 as the official configs record), timed alternately with
   ``torch.cuda.synchronize`` around each pass (median of --reps after a warm-up), and how far
   the float16 images are from the float32 ones (uint8 levels).
2. **The Explorer's render path on CUDA, end to end without Qt**: the model moved to the GPU
   the way the render thread does it (``core.render_device``), a single image, a grid and a
   strip rendered through ``core.render.render`` and compared with the CPU's render of the same
   requests, a layer capture, a few projection steps and a few drag steps.
3. **Tests**: ``pytest tests/test_official*.py tests/test_stylegan3*.py
   tests/test_render_device.py -q`` (the last has CUDA cases that run only where CUDA is).

On a machine without CUDA it prints "no CUDA device" and exits 0 (``--cpu`` runs parts 1 and 2
on the CPU with small models instead: a check of this script itself).

    python benchmarks/gpu_check.py [--configs sg2-1024 sg3-t1024] [--reps 5] [--no-tests]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
try:
    import ganstudio  # noqa: F401
except ImportError:  # run from a source checkout without installing
    sys.path.insert(0, str(ROOT))

from ganstudio.core.imaging import to_uint8  # noqa: E402
from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator  # noqa: E402
from ganstudio.core.nets.stylegan3 import build_official_sg3  # noqa: E402
from ganstudio.core.render_device import decide_device, describe_device, move_generator  # noqa: E402

# name -> builder of our generator in that official configuration (random weights)
CONFIGS = {
    "sg2-1024": lambda: StyleGenerator(NVLabsStyleGAN2Config(
        resolution=1024, channel_base=32768, channel_max=512, conv_clamp=256.0, num_fp16_res=4)),
    "sg2-256": lambda: StyleGenerator(NVLabsStyleGAN2Config(
        resolution=256, channel_base=16384, channel_max=512, conv_clamp=256.0, num_fp16_res=4)),
    "sg3-t1024": lambda: build_official_sg3(dict(
        z_dim=512, c_dim=0, w_dim=512, img_resolution=1024, img_channels=3, channel_base=32768,
        channel_max=512, num_fp16_res=4, conv_clamp=256, mapping_kwargs=dict(num_layers=2))),
    "sg3-t256": lambda: build_official_sg3(dict(
        z_dim=512, c_dim=0, w_dim=512, img_resolution=256, img_channels=3, channel_base=32768,
        channel_max=512, num_fp16_res=4, conv_clamp=256, mapping_kwargs=dict(num_layers=2))),
    # small ones for --cpu (a check of this script on a machine without a GPU)
    "tiny-sg2": lambda: StyleGenerator(NVLabsStyleGAN2Config(
        z_dim=64, w_dim=64, mapping_layers=2, resolution=64, channel_base=2048, channel_max=64,
        conv_clamp=256.0, num_fp16_res=2)),
    "tiny-sg3": lambda: build_official_sg3(dict(
        z_dim=32, c_dim=0, w_dim=32, img_resolution=32, img_channels=3, channel_base=1024,
        channel_max=32, num_layers=5, num_critical=1, margin_size=4, num_fp16_res=1,
        mapping_kwargs=dict(num_layers=2))),
}


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def build(name: str, device: str):
    torch.manual_seed(0)
    G = CONFIGS[name]().eval().requires_grad_(False)
    _, why = move_generator(G, device)
    if why:
        raise SystemExit(why)
    return G


def set_fp16(G, on: bool, cpu: bool) -> None:
    G.synthesis.set_fp16(enabled=on, on_cpu=cpu and on)


def time_config(name: str, device: str, batches: list[int], reps: int, cpu: bool) -> None:
    G = build(name, device)
    dev = torch.device(device)
    print(f"\n{name} on {describe_device(device)}  (fp16 layers: "
          f"{getattr(G.synthesis, 'fp16_resolutions', getattr(G.synthesis, 'fp16_layers', list))()})")
    for n in batches:
        z = torch.from_numpy(np.random.RandomState(n).randn(n, G.z_dim).astype(np.float32)).to(dev)
        with torch.inference_mode():
            ws = G.mapping(z, None)
            times: dict[bool, list[float]] = {False: [], True: []}
            images = {}
            for fp16 in (False, True):   # warm-up (and the images to compare)
                set_fp16(G, fp16, cpu)
                images[fp16] = to_uint8(G.synthesis(ws, noise_mode="const"))
            for _ in range(reps):
                for fp16 in (False, True):   # alternately: a busy GPU weighs on both alike
                    set_fp16(G, fp16, cpu)
                    sync(dev)
                    t0 = time.perf_counter()
                    G.synthesis(ws, noise_mode="const")
                    sync(dev)
                    times[fp16].append((time.perf_counter() - t0) * 1000 / n)
        diff = np.abs(images[True].astype(int) - images[False].astype(int))
        fp32_ms, fp16_ms = statistics.median(times[False]), statistics.median(times[True])
        print(f"  batch {n:2d}: fp32 {fp32_ms:8.2f} ms/image   fp16 layers {fp16_ms:8.2f} ms/image"
              f"   (x{fp32_ms / fp16_ms:.2f});  fp16 vs fp32: max {diff.max()} mean {diff.mean():.3f}"
              f" uint8 levels")
    set_fp16(G, True, False)
    del G
    if dev.type == "cuda":
        torch.cuda.empty_cache()


def explorer_path(name: str, device: str, cpu: bool) -> None:
    """The Explorer's render path on ``device``, compared with the CPU's."""
    from ganstudio.core.drag import DragSettings, DragStart
    from ganstudio.core.layer_capture import LayerCapture
    from ganstudio.core.projection import ProjectionSettings, Projector
    from ganstudio.core.render import render
    from ganstudio.core.render_job import request_layers
    from ganstudio.core.requests import image_request, interp_request, seed_grid_request, seed_latents

    print(f"\nThe Explorer's render path: {name} on {describe_device(device)}")
    G_cpu = build(name, "cpu")
    G = build(name, "cpu")
    t0 = time.perf_counter()
    where, why = move_generator(G, device)   # what the render thread does before a render
    print(f"  moved to {where} in {(time.perf_counter() - t0) * 1000:.0f} ms {why}")
    if cpu:
        G.synthesis.set_fp16(on_cpu=True)
    lats = seed_latents([1, 2, 3, 4], G.z_dim)
    requests = {"single": image_request(lats[:1], psi=0.7),
                "grid 2x2": seed_grid_request(G, 10, 2, 2, psi=0.7),
                "strip": interp_request(G, lats[:2], 6, psi=0.7),
                "single, random noise": image_request(lats[:1], noise_mode="random", noise_seed=3)}
    for what, req in requests.items():
        a, b = render(G, req), render(G_cpu, req)
        if not a.ok or not b.ok:
            raise SystemExit(f"  {what}: {a.error or b.error}")
        d = np.abs(a.composite.astype(int) - b.composite.astype(int))
        print(f"  {what:22s} {a.ms:8.1f} ms   vs the CPU's: max {d.max()} mean {d.mean():.3f} uint8 levels")
    layers = request_layers(G, requests["single"])
    layer = layers[len(layers) // 2].name
    cap = render(G, requests["single"].replace(capture=LayerCapture(layer=layer)))
    print(f"  layer capture {layer}: {'ok' if cap.ok else cap.error}, "
          f"{None if cap.layer is None else cap.layer.maps.shape} in {cap.ms:.1f} ms")
    target = torch.from_numpy(render(G_cpu, image_request(lats[1:2])).images[0]).permute(2, 0, 1).float() / 127.5 - 1
    proj = Projector(G, target.to(rd_device(G)), ProjectionSettings(steps=5))
    sync(torch.device(device))
    t0 = time.perf_counter()
    for _ in range(5):
        step = proj.step()
    sync(torch.device(device))
    print(f"  projection: 5 steps in {(time.perf_counter() - t0) * 1000:.0f} ms, loss {float(step.loss):.4f}")
    r = int(G.synthesis.img_resolution)
    dragger = DragStart.of(G, requests["single"]).dragger(
        G, [(r * 0.4, r * 0.5)], [(r * 0.6, r * 0.5)], settings=DragSettings(max_steps=5))
    t0 = time.perf_counter()
    for _ in range(5):
        info = dragger.step()
    sync(torch.device(device))
    print(f"  drag: 5 steps in {(time.perf_counter() - t0) * 1000:.0f} ms, "
          f"handle at {np.round(np.asarray(info.handles, dtype=float), 1).tolist()}")


def rd_device(G) -> torch.device:
    return next(G.parameters()).device


def run_tests() -> int:
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
           *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("tests/test_official*.py")),
           *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("tests/test_stylegan3*.py")),
           "tests/test_render_device.py"]
    print("\n$ " + " ".join(cmd[1:]), flush=True)
    return subprocess.call(cmd, cwd=ROOT, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--configs", nargs="+", default=["sg2-1024", "sg3-t1024"], choices=sorted(CONFIGS))
    ap.add_argument("--batches", nargs="+", type=int, default=[1, 8])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--explorer-config", default="sg2-256", choices=sorted(CONFIGS))
    ap.add_argument("--no-tests", action="store_true", help="skip the pytest part")
    ap.add_argument("--cpu", action="store_true",
                    help="no GPU: run parts 1 and 2 on the CPU with small models (a check of this script)")
    args = ap.parse_args()
    if args.reps < 1 or any(b < 1 for b in args.batches):
        ap.error("--reps and --batches must be at least 1")
    device = decide_device("auto")
    if device == "cpu" and not args.cpu:
        print("no CUDA device: nothing to check here (run this where a GPU is)")
        return 0
    if args.cpu:
        device = "cpu"
        configs, explorer = ["tiny-sg2", "tiny-sg3"], "tiny-sg2"
        torch.set_num_threads(1)
    else:
        configs, explorer = args.configs, args.explorer_config
        print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, {describe_device(device)}")
        torch.backends.cudnn.benchmark = True
    for name in configs:
        time_config(name, device, args.batches, args.reps, args.cpu)
    explorer_path(explorer, device, args.cpu)
    if args.no_tests:
        return 0
    return run_tests()


if __name__ == "__main__":
    sys.exit(main())
