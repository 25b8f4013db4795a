"""Mixed precision: bf16 on a CPU that computes it natively (train.cpu_bf16), and the same
autocast code path that CUDA's mixed precision takes, exercised on the CPU.

bf16 autocast runs on any CPU (emulated where the instructions are missing), so the tests stand
in for a CPU with AVX512-BF16 by answering the instruction check themselves."""
from __future__ import annotations

import numpy as np
import pytest
import torch

import ganstudio.train.steps as steps
from ganstudio.train.data import TensorDataset
from ganstudio.train.recipe import Recipe, dumps_toml
from ganstudio.train.trainer import Trainer

MODELS = {
    "mlp": {"family": "mlp", "resolution": 8, "channels": 1, "z_dim": 8, "hidden": [32, 32]},
    "dcgan": {"family": "dcgan", "resolution": 28, "channels": 1, "z_dim": 8, "base_channels": 8},
    "stylegan": {"family": "stylegan", "resolution": 8, "channels": 1, "z_dim": 8, "w_dim": 8,
                 "mapping_layers": 1, "channel_base": 64, "channel_max": 8},
}


def recipe(family: str, cpu_bf16: bool, threads: int = 0) -> Recipe:
    objective = {"r1": 1.0, "r1_interval": 2, "style_mixing": 0.9} if family == "stylegan" else {}
    return Recipe.from_dict({
        "model": MODELS[family], "data": {"kind": "fashion_mnist"}, "objective": objective,
        "optim": {"ema_half_life_images": 100},
        "train": {"steps": 3, "batch": 4, "log_every": 1, "device": "cpu", "cpu_bf16": cpu_bf16,
                  "threads": threads}})


def data(family: str = "stylegan") -> TensorDataset:
    g = torch.Generator().manual_seed(0)
    size = MODELS[family]["resolution"]
    return TensorDataset("rand", "image", torch.randint(0, 256, (16, 1, size, size), dtype=torch.uint8,
                                                        generator=g))


def losses(t: Trainer, n: int) -> list[tuple[float, float]]:
    return [(ev["loss_d"], ev["loss_g"]) for ev in (t.step() for _ in range(n))]


@pytest.fixture
def cpu_with_bf16(monkeypatch):
    monkeypatch.setattr(steps, "cpu_bf16_instructions", lambda *a: "AVX512-BF16")


@pytest.mark.parametrize("family", sorted(MODELS))
def test_every_image_family_trains_in_bf16_mixed_precision(cpu_with_bf16, family):
    """Each family's step (StyleGAN's R1 and style mixing included) runs under autocast: finite
    losses near the float32 run's but not equal to them (the products really are bf16), weights
    and samples stay float32."""
    mixed, plain = Trainer(recipe(family, True), None, data=data(family)), \
        Trainer(recipe(family, False), None, data=data(family))
    assert mixed.amp.enabled and "bf16" in mixed.amp.precision and not plain.amp.enabled
    got, want = losses(mixed, 3), losses(plain, 3)
    assert np.all(np.isfinite(got))
    assert got != want
    assert np.allclose(got[0], want[0], atol=0.05)
    assert all(p.dtype == torch.float32 for p in mixed.G.parameters())
    grid = mixed.fixed.picture(mixed.G_ema)
    assert grid.std() > 0


def test_a_bf16_run_resumes_from_its_checkpoint(cpu_with_bf16, tmp_path):
    # one thread both times: with "automatic" the count follows the machine's load, and bf16
    # sums split over another number of threads round differently
    t = Trainer(recipe("stylegan", True, threads=1), tmp_path / "run", data=data())
    losses(t, 2)
    t.save_checkpoint(wait=True)
    after = losses(t, 1)
    t.close()
    again = Trainer(recipe("stylegan", True, threads=1), tmp_path / "run", data=data(), resume=True)
    assert again.step_count == 2 and again.amp.enabled
    assert losses(again, 1) == after


def test_a_cpu_without_bf16_trains_in_float32_and_says_why(monkeypatch):
    monkeypatch.setattr(steps, "cpu_bf16_instructions", lambda *a: None)
    asked, plain = Trainer(recipe("dcgan", True), None, data=data("dcgan")), \
        Trainer(recipe("dcgan", False), None, data=data("dcgan"))
    assert not asked.amp.enabled and asked.amp.precision == "float32"
    assert asked.amp.refused.startswith("train.cpu_bf16: ") and "AVX512-BF16" in asked.amp.refused
    assert plain.amp.refused == ""
    assert losses(asked, 2) == losses(plain, 2)      # bit for bit the float32 run


def test_cli_says_what_the_run_computes_in(tmp_path, capsys, monkeypatch):
    from ganstudio.cli import main
    path = tmp_path / "r.toml"
    path.write_text(dumps_toml(recipe("dcgan", True).to_dict()))
    monkeypatch.setattr(steps, "cpu_bf16_instructions", lambda *a: "AMX")
    assert main(["train", str(path), "--steps", "2", "--out", str(tmp_path / "a")]) == 0
    assert "bf16 mixed precision on AMX" in capsys.readouterr().err
    monkeypatch.setattr(steps, "cpu_bf16_instructions", lambda *a: None)
    assert main(["train", str(path), "--steps", "2", "--out", str(tmp_path / "b"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "train.cpu_bf16" in err and "float32" in err


@pytest.mark.parametrize("flags, want", [
    ("fpu avx2 avx512f avx512_bf16 amx_tile amx_bf16", "AMX"),
    ("fpu avx2 avx512f avx512_bf16", "AVX512-BF16"),
    ("fpu avx2 fma", None),
])
def test_the_bf16_instructions_are_read_from_the_cpu_flags(tmp_path, flags, want):
    info = tmp_path / "cpuinfo"
    info.write_text(f"processor\t: 0\nmodel name\t: some CPU\nflags\t\t: {flags}\n\n")
    assert steps.cpu_bf16_instructions(str(info)) == want
    assert steps.cpu_bf16_instructions(str(tmp_path / "missing")) is None


def test_the_fixed_resampling_filters_stay_float32_under_cpu_autocast():
    """StyleGAN's blur (a fixed FIR filter) is computed in float32 under bf16 autocast, bit for
    bit the float32 result; the learned convolutions around it are what runs in bf16."""
    from ganstudio.core.nets.layers import blur, resample_kernel
    x = torch.randn(2, 8, 16, 16).to(memory_format=torch.channels_last)
    plain = blur(x, resample_kernel(), (2, 1), down=2)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        mixed = blur(x, resample_kernel(), (2, 1), down=2)
    assert mixed.dtype == torch.float32 and torch.equal(mixed, plain)
