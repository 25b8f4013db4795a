"""Opening official network pickles: time and peak memory.

    python benchmarks/pickle_open.py [--configs f1024,paper256,f512,sg3t256,sg3t1024,sg3r256]
        [--dir DIR] [--json out.json]

Writes hand-made official snapshots (G, D and G_ema with storages of their own, as a
training run pickles them; no NVIDIA code, see tests/official_pickles.py) of published
configurations, then opens each in a fresh subprocess the way the Explorer does
(``load_checkpoint`` + ``build_generator``) and prints the time and the rise of the peak
RSS (VmHWM, restarted just before the open) beside the G_ema weight bytes.

Target: rise <= 1.5 x G_ema weights + 300 MB.  Each snapshot is written once into --dir
(default: a temporary folder, deleted afterwards; config-f 1024 is ~380 MB on disk).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))   # the hand-made official pickles

CONFIGS = {
    # stylegan2-ada-pytorch config-f (FFHQ 1024): cbase 32768, cmax 512, map 8
    "f1024": dict(kind="sg2", resolution=1024, channel_base=32768, channel_max=512),
    # stylegan2-ada-pytorch paper256: cbase 16384, cmax 512, map 8
    "paper256": dict(kind="sg2", resolution=256, channel_base=16384, channel_max=512),
    # stylegan2-ada-pytorch config-f at 512 (AFHQ): cbase 32768, cmax 512, map 8
    "f512": dict(kind="sg2", resolution=512, channel_base=32768, channel_max=512),
    # stylegan3-t at 256: cbase 32768, cmax 512, map 2 (D: the StyleGAN2 discriminator)
    "sg3t256": dict(kind="sg3", resolution=256, channel_base=32768, channel_max=512),
    # stylegan3-t at 1024 (FFHQ-U / MetFaces-U): cbase 32768, cmax 512
    "sg3t1024": dict(kind="sg3", resolution=1024, channel_base=32768, channel_max=512),
    # stylegan3-r at 256: cbase 65536, cmax 1024, 1x1 convolutions, radial filters
    "sg3r256": dict(kind="sg3", resolution=256, channel_base=65536, channel_max=1024,
                    conv_kernel=1, use_radial_filters=True),
}

MEASURE = """
import json, sys, time
import torch
torch.set_num_threads(1)
from ganstudio.core.checkpoint import load_checkpoint

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024

try:
    open("/proc/self/clear_refs", "w").write("5")
except OSError:
    pass
before = status("VmRSS:")
t0 = time.perf_counter()
ckpt = load_checkpoint(sys.argv[1])
G = ckpt.build_generator()
seconds = time.perf_counter() - t0
weights = sum(t.numel() * t.element_size() for t in ckpt.G.values())
print(json.dumps({"seconds": seconds, "rise": status("VmHWM:") - before, "weights": weights}))
"""


def write(name: str, path: Path) -> None:
    import torch

    from official_pickles import EasyDict, persistent_tree, sg2_generator_record, write_snapshot

    from ganstudio.core.config import from_dict
    from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleDiscriminator, StyleGenerator
    spec = CONFIGS[name]
    torch.manual_seed(0)
    sg2 = from_dict(NVLabsStyleGAN2Config, dict(family="nvlabs-stylegan2", resolution=spec["resolution"],
                                                channel_base=spec["channel_base"],
                                                channel_max=spec["channel_max"], conv_clamp=256.0))
    D = persistent_tree(StyleDiscriminator(sg2).requires_grad_(False), "pass\n", rename=False)
    if spec["kind"] == "sg2":
        G = StyleGenerator(sg2).eval().requires_grad_(False)
        write_snapshot(path, lambda: sg2_generator_record(G, "pass\n"), D)
        return
    from ganstudio.core.nets.stylegan3 import build_official_sg3
    kwargs = dict(z_dim=512, c_dim=0, w_dim=512, img_resolution=spec["resolution"], img_channels=3,
                  channel_base=spec["channel_base"], channel_max=spec["channel_max"], conv_clamp=256,
                  magnitude_ema_beta=0.999, mapping_kwargs={"num_layers": 2},
                  **{k: spec[k] for k in ("conv_kernel", "use_radial_filters") if k in spec})
    G = build_official_sg3(dict(kwargs)).eval().requires_grad_(False)

    def record():
        rec = persistent_tree(G, "pass\n", rename=False)
        rec.state["_init_kwargs"] = {**kwargs, "mapping_kwargs": EasyDict(num_layers=2)}
        return rec
    write_snapshot(path, record, D)


def measure(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=900)
    if out.returncode:
        raise SystemExit(f"opening {path.name} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--configs", default=",".join(CONFIGS), help=f"comma-separated: {', '.join(CONFIGS)}")
    ap.add_argument("--dir", default=None, help="keep the generated pickles here (reused when present)")
    ap.add_argument("--json", default=None, help="also write the results as JSON")
    args = ap.parse_args(argv)
    names = [n.strip() for n in args.configs.split(",") if n.strip()]
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        ap.error(f"--configs: unknown {', '.join(unknown)} (choose from {', '.join(CONFIGS)})")
    tmp = None if args.dir else tempfile.TemporaryDirectory(prefix="pickle_open-")
    folder = Path(args.dir or tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    print(f"{'config':10} {'file MB':>8} {'G_ema MB':>9} {'open s':>7} {'RSS rise MB':>12} "
          f"{'bound MB':>9}  ok")
    try:
        for name in names:
            path = folder / f"{name}.pkl"
            if not path.exists():
                t0 = time.perf_counter()
                write(name, path)
                print(f"  (wrote {path.name} in {time.perf_counter() - t0:.1f} s)", file=sys.stderr)
            m = measure(path)
            bound = 1.5 * m["weights"] + 300e6
            m.update(file=path.stat().st_size, bound=bound, ok=m["rise"] <= bound)
            results[name] = m
            print(f"{name:10} {m['file'] / 1e6:8.0f} {m['weights'] / 1e6:9.0f} {m['seconds']:7.2f} "
                  f"{m['rise'] / 1e6:12.0f} {bound / 1e6:9.0f}  {'yes' if m['ok'] else 'NO'}")
    finally:
        if tmp is not None:
            tmp.cleanup()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0 if all(m["ok"] for m in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
