"""Explorer on a big model: the cache of unchanged blocks, the preview, chunked galleries.

    python benchmarks/explorer_big_models.py [--threads 2] [--repeats 2] [--gallery 0]

Builds an official StyleGAN2 config-f 1024 px generator with random weights (speed depends on
the architecture only) and renders the Explorer's main image with ``core.render``:

1. uncached: a fine-style mixing change rendered from scratch (every block);
2. cached: the same change with a SynthesisCache holding the previous image's blocks (it resumes
   at the first block whose ws rows changed: 64 px for the paper's "fine" band);
   Also: a change of the 1024 px block's noise strength (resumes at the last block).
3. preview: time from the start of an uncached render until the preview (the image so far at the
   64 px block, upscaled) is ready;
4. with --gallery N: an N-seed gallery in chunks (peak RSS rise and ms per tile).

Prints milliseconds (median of --repeats) and the speed-up as a ratio measured in the same run;
the machine's load average is printed too (on a shared machine it moves every figure).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from ganstudio.core import latent as L  # noqa: E402
from ganstudio.core.activation_memory import activation_bytes_per_sample, chunk_size  # noqa: E402
from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator  # noqa: E402
from ganstudio.core.render import Latent, RenderRequest, SynthesisCache, preview_resolution, render  # noqa: E402


def config_f_1024() -> torch.nn.Module:
    torch.manual_seed(0)
    G = StyleGenerator(NVLabsStyleGAN2Config(resolution=1024, channel_base=32768, conv_clamp=256))
    return G.eval().requires_grad_(False)


def mixing_requests(G, k: int) -> tuple[RenderRequest, RenderRequest]:
    """A with fine styles from B, then the same with fine styles from C (only fine rows change)."""
    fine = L.preset_resolutions(G.block_resolutions, "fine")
    rows = tuple(L.mixing_rows(G, {r: (1 if r in fine else 0) for r in G.block_resolutions}))
    a, b, c = (Latent.from_seed(s, G.z_dim) for s in (10 * k, 10 * k + 1, 10 * k + 2))
    return RenderRequest((a, b, c), mix_rows=rows), RenderRequest((a, c, b), mix_rows=rows)


def timed(G, req, cache=None, **kw) -> float:
    res = render(G, req, cache=cache, **kw)
    assert res.ok, res.error
    return res.ms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=2, help="torch threads (the Explorer's render thread)")
    ap.add_argument("--repeats", type=int, default=2, help="measurements per figure (median)")
    ap.add_argument("--gallery", type=int, default=0, help="also render an N-seed gallery in chunks")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    G = config_f_1024()
    print(f"config-f 1024, random weights · {args.threads} threads · load {os.getloadavg()[0]:.2f}")
    print(f"activations: ~{activation_bytes_per_sample(G) / 2**20:.0f} MB per sample -> chunks of {chunk_size(G)}")
    render(G, mixing_requests(G, 0)[0])  # warm-up (weights in cache, kernels chosen)
    uncached, cached, preview, noise_plain, noise_cached = [], [], [], [], []
    for k in range(1, args.repeats + 1):
        first, changed = mixing_requests(G, k)
        uncached.append(timed(G, changed))
        cache = SynthesisCache()
        timed(G, first, cache)
        cached.append(timed(G, changed, cache))
        louder = changed.replace(noise_strength=((G.block_resolutions[-1], 2.0),))
        noise_plain.append(timed(G, louder))
        noise_cached.append(timed(G, louder, cache))
        t0, seen = time.perf_counter(), []
        timed(G, first, preview_res=preview_resolution(G),
              on_preview=lambda p: seen.append((time.perf_counter() - t0) * 1000))
        preview.append(seen[0])
    u, c, p = statistics.median(uncached), statistics.median(cached), statistics.median(preview)
    print(f"fine-style mixing change, uncached: {u:7.0f} ms")
    print(f"fine-style mixing change, cached:   {c:7.0f} ms   speed-up {u / c:.2f}x")
    n_u, n_c = statistics.median(noise_plain), statistics.median(noise_cached)
    print(f"1024 px noise strength change, uncached: {n_u:7.0f} ms")
    print(f"1024 px noise strength change, cached:   {n_c:7.0f} ms   speed-up {n_u / n_c:.2f}x")
    print(f"preview ({preview_resolution(G)} px skip output, upscaled) after: {p:5.0f} ms")
    if args.gallery:
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        lats = tuple(Latent.from_seed(s, G.z_dim) for s in range(args.gallery))
        ms = timed(G, RenderRequest(lats, kind="grid"))
        rise = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss0
        print(f"gallery of {args.gallery}: {ms / args.gallery:.0f} ms per tile, peak RSS rise {rise:.0f} MB")


if __name__ == "__main__":
    main()
