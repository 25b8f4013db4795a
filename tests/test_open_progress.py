"""Opening a big model: the memory it takes, its progress and cancelling it (issue 15, part A).

An official snapshot holds G, D and G_ema; GAN Studio uses G_ema only, and must not need the
whole file in memory to get at it."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import torch

from official_pickles import marker_source, official_like, sg2_generator_record, write_snapshot

from ganstudio.core.checkpoint import CheckpointError, load_checkpoint, save_checkpoint
from ganstudio.core.config import from_dict
from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator
from ganstudio.core.progress import Cancelled

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def small_snapshot(tmp_path_factory):
    d = tmp_path_factory.mktemp("snapshot")
    G = official_like(3)
    path = d / "network-snapshot-000100.pkl"
    write_snapshot(path, lambda: sg2_generator_record(G, marker_source(d / "ran")))
    return path, G


def _fractions(path, **kw):
    seen = []
    ckpt = load_checkpoint(path, progress=seen.append, **kw)
    return ckpt, seen


def test_progress_rises_to_one_while_a_pickle_opens(small_snapshot):
    path, G = small_snapshot
    ckpt, seen = _fractions(path)
    assert seen and seen[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in seen)
    assert seen == sorted(seen)                       # never steps back
    assert len(set(seen)) >= 3                        # something between start and end
    assert torch.equal(ckpt.G["synthesis.b4.const"], G.state_dict()["synthesis.b4.const"])


def test_progress_of_a_gan_studio_checkpoint_too(tmp_path):
    G = official_like(4)
    path = save_checkpoint(tmp_path / "m.pt", model_config=G.config, G=G)
    _, seen = _fractions(path)
    assert seen[-1] == 1.0 and seen == sorted(seen) and len(set(seen)) >= 2


@pytest.mark.parametrize("stop_at", [0.0, 0.5, 0.9])
def test_a_cancelled_open_stops_with_cancelled_not_an_error(small_snapshot, stop_at):
    path, _ = small_snapshot
    calls = []

    def cancel_later(f):
        calls.append(f)
        if f >= stop_at:
            raise Cancelled()
    with pytest.raises(Cancelled):
        load_checkpoint(path, progress=cancel_later)
    assert not isinstance(Cancelled(), Exception)      # `except Exception` cannot swallow it
    assert calls[-1] < 1.0 or stop_at >= 1.0            # it stopped before the end
    ckpt, seen = _fractions(path)                       # the file is untouched: opens fine after
    assert seen[-1] == 1.0 and ckpt.family == "nvlabs-stylegan2"


def test_the_sha256_of_a_pickle_is_that_of_the_whole_file(small_snapshot):
    import hashlib
    path, _ = small_snapshot
    assert load_checkpoint(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_truncated_snapshot_is_damaged_not_a_crash(small_snapshot, tmp_path):
    path, _ = small_snapshot
    raw = path.read_bytes()
    for cut in (len(raw) // 3, len(raw) - 10):
        (tmp_path / "cut.pkl").write_bytes(raw[:cut])
        with pytest.raises(CheckpointError, match="truncated or damaged"):
            load_checkpoint(tmp_path / "cut.pkl")


MEASURE = textwrap.dedent("""
    import json, sys
    import torch
    torch.set_num_threads(1)
    from ganstudio.core.checkpoint import load_checkpoint

    def kib(key):
        for line in open("/proc/self/status"):
            if line.startswith(key):
                return int(line.split()[1]) * 1024

    try:
        open("/proc/self/clear_refs", "w").write("5")   # restart the peak (VmHWM) here
    except OSError:
        pass
    before = kib("VmRSS:")
    ckpt = load_checkpoint(sys.argv[1])
    G = ckpt.build_generator()
    peak = kib("VmHWM:")
    weights = sum(t.numel() * t.element_size() for t in ckpt.G.values())
    print(json.dumps({"rise": peak - before, "weights": weights}))
""")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads peak RSS from /proc")
def test_opening_a_snapshot_takes_little_more_memory_than_its_generator(tmp_path):
    """G, a D-sized network and G_ema of ~77 MB each: opening it may raise the peak RSS by at
    most 1.5x G_ema's weights + 300 MB (reading the whole file took ~8.6x the weights)."""
    torch.manual_seed(0)
    cfg = from_dict(NVLabsStyleGAN2Config, dict(family="nvlabs-stylegan2", resolution=256,
                                                channel_base=8192, conv_clamp=256.0))
    G = StyleGenerator(cfg).eval().requires_grad_(False)
    path = tmp_path / "snapshot-256.pkl"
    write_snapshot(path, lambda: sg2_generator_record(G, "pass\n"))
    del G
    out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    m = json.loads(out.stdout.strip().splitlines()[-1])
    assert m["weights"] > 60e6 and path.stat().st_size > 3 * m["weights"]
    assert m["rise"] <= 1.5 * m["weights"] + 300e6, (m, path.stat().st_size)
