"""The training engine: run directory contents, thread control, exact resume, divergence, CLI."""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import torch

from ganstudio.core.checkpoint import load_checkpoint
from ganstudio.core.config import ConfigError
from ganstudio.train.metrics import toy_mode_stats
from ganstudio.train.recipe import Recipe, apply_overrides, dumps_toml
from ganstudio.train.run import RunDir, RunDirError, read_metrics
from ganstudio.cli.train import export_samples
from ganstudio.train.trainer import Trainer

ROOT = Path(__file__).resolve().parents[1]

TOY = {"title": "tiny ring", "description": "a tiny toy run for tests",
       "model": {"family": "toy", "data_dim": 2, "hidden": 16, "layers": 2},
       "data": {"kind": "toy", "toy": "ring8", "toy_samples": 2000},
       "objective": {"name": "nonsaturating"},
       "optim": {"lr_g": 1e-3, "lr_d": 1e-3, "ema_half_life_images": 200},
       "train": {"steps": 50, "batch": 16, "log_every": 10, "sample_every": 25,
                 "checkpoint_every": 25, "device": "cpu"}}


def toy_recipe(*overrides: str) -> Recipe:
    return Recipe.from_dict(apply_overrides(TOY, list(overrides)))


def test_toy_run_writes_metrics_samples_and_checkpoints(tmp_path):
    events = []
    t = Trainer(toy_recipe(), tmp_path / "run")
    t.add_listener(events.append)
    assert t.run() == "done"
    t.close()
    run = RunDir(tmp_path / "run")
    records, offset = run.read_metrics()
    assert [r["step"] for r in records] == [10, 20, 30, 40, 50]
    for r in records:
        for key in ("step", "time", "loss_d", "loss_g", "d_real", "d_fake", "grad_norm_g",
                    "grad_norm_d", "images_per_s", "lr_g", "lr_d", "modes_captured", "high_quality"):
            assert key in r and r[key] is not None, key
        assert 0 <= r["d_real"] <= 1 and np.isfinite(r["loss_d"])
    assert offset == run.metrics_path.stat().st_size
    assert [s for s, _ in run.list_sample_grids()] == [25, 50]
    assert [s for s, _ in run.list_checkpoints()] == [25, 50]
    ck = load_checkpoint(run.latest_checkpoint())
    assert ck.step == 50 and ck.G_ema is not None and ck.recipe["title"] == "tiny ring"
    assert Recipe.from_dict(__import__("tomllib").loads(run.recipe_path.read_text())).train.steps == 50
    kinds = [e["type"] for e in events]
    assert kinds.count("log") == 5 and kinds[-1] == "done"
    assert {"samples", "checkpoint"} <= set(kinds)


def test_read_metrics_tolerates_a_partial_last_line(tmp_path):
    p = tmp_path / "metrics.jsonl"
    p.write_text(json.dumps({"step": 1}) + "\n" + '{"step": 2, "lo')
    recs, off = read_metrics(p, 0)
    assert recs == [{"step": 1}]
    with open(p, "a") as f:
        f.write('ss_d": 1.0}\n')
    recs2, off2 = read_metrics(p, off)
    assert recs2 == [{"step": 2, "loss_d": 1.0}] and off2 == p.stat().st_size
    assert read_metrics(tmp_path / "missing.jsonl", 0) == ([], 0)


def test_refuses_to_clobber_a_non_empty_run_dir(tmp_path):
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "precious.txt").write_text("x")
    with pytest.raises(RunDirError, match="not empty"):
        Trainer(toy_recipe(), tmp_path / "run")


def _losses(trainer: Trainer, k: int) -> list[tuple[float, float]]:
    out = []
    for _ in range(k):
        ev = trainer.step()
        out.append((ev["loss_d"], ev["loss_g"]))
    return out


@pytest.mark.parametrize("extra", [
    (),
    ("objective.r1=1.0", "objective.r1_interval=2", "objective.instance_noise=0.1",
     "objective.instance_noise_anneal=8", 'objective.label_smoothing="two_sided"', "model.pack=2",
     "optim.ema_rampup=0.05", "optim.lr_decay=\"cosine\""),
    ('objective.name="wgan_gp"', "objective.n_critic=2"),
])
def test_resume_continues_exactly(tmp_path, extra):
    recipe = toy_recipe("train.log_every=3", "train.sample_every=0", "train.checkpoint_every=0", *extra)
    full = Trainer(recipe, tmp_path / "a")
    expected = _losses(full, 10)
    first = Trainer(recipe, tmp_path / "b")
    _losses(first, 5)
    first.save_checkpoint()
    first.close()                      # the run ends; then it is continued
    resumed = Trainer(recipe, tmp_path / "b", resume=True)
    assert resumed.step_count == 5
    assert _losses(resumed, 5) == expected[5:]
    for a, b in zip(full.G_ema.state_dict().values(), resumed.G_ema.state_dict().values()):
        assert torch.equal(a, b)
    log_a = [r for r in read_metrics(tmp_path / "a" / "metrics.jsonl")[0] if r["step"] > 5]
    log_b = [r for r in read_metrics(tmp_path / "b" / "metrics.jsonl")[0] if r["step"] > 5]
    assert [(r["loss_d"], r["loss_g"]) for r in log_a] == [(r["loss_d"], r["loss_g"]) for r in log_b]


def test_resume_from_checkpoint_path_and_config_mismatch(tmp_path):
    t = Trainer(toy_recipe(), tmp_path / "a")
    _losses(t, 3)
    path = t.save_checkpoint()
    other = Trainer(toy_recipe("model.hidden=8"), None)
    with pytest.raises(RuntimeError, match="model.hidden"):
        other.resume_from(path)
    same = Trainer(toy_recipe(), None)
    same.resume_from(path)
    assert same.step_count == 3


def test_a_run_resumed_with_new_learning_rates_trains_at_them_and_says_so(tmp_path):
    from ganstudio.train.state import resumed_text
    t = Trainer(toy_recipe(), tmp_path / "run")
    _losses(t, 4)
    t.save_checkpoint()
    t.close()
    same = Trainer(toy_recipe(), tmp_path / "run", resume=True)   # as trained: nothing to say
    assert same.resume_changes == {} and resumed_text(same) == ""
    assert same.opt_g.param_groups[0]["lr"] == 1e-3
    same.close()
    # --set optim.lr_g=... / optim.beta1=... on a resume: the optimiser state of the checkpoint
    # holds the old values, the run goes on at the recipe's, and the front ends say so
    new = Trainer(toy_recipe("optim.lr_g=2e-4", "optim.lr_d=3e-4", "optim.beta1=0.3"),
                  tmp_path / "run", resume=True)
    assert new.step_count == 4
    assert new.resume_changes["lr_g"] == [1e-3, 2e-4] and new.resume_changes["lr_d"] == [1e-3, 3e-4]
    assert new.resume_changes["betas"][1] == [0.3, new.recipe.optim.beta2]
    text = resumed_text(new)
    assert "optim.lr_g" in text and "0.0002" in text and "0.001" in text and "betas" in text
    _losses(new, 2)
    assert [g["lr"] for g in new.opt_g.param_groups] == [2e-4]
    assert [g["lr"] for g in new.opt_d.param_groups] == [3e-4]
    assert new.opt_g.param_groups[0]["betas"][0] == 0.3
    new.close()


def test_a_run_resumed_with_a_new_schedule_goes_on_at_the_scheduled_rate_and_says_so(tmp_path):
    from ganstudio.train.state import resumed_text
    t = Trainer(toy_recipe(), tmp_path / "run")
    _losses(t, 4)
    t.save_checkpoint()
    t.close()
    # a constant-rate run given a linear decay for its tail: it resumes at the schedule's rate
    # for this step, not at the full rate and not at the checkpoint's
    tail = Trainer(toy_recipe("optim.lr_decay=linear", "optim.lr_final=0.1"), tmp_path / "run",
                   resume=True)
    expected = 1e-3 * tail.recipe.optim.lr_factor(4, 50)
    assert 1e-4 < expected < 1e-3
    assert tail.opt_g.param_groups[0]["lr"] == pytest.approx(expected)
    assert tail.opt_d.param_groups[0]["lr"] == pytest.approx(expected)
    assert tail.resume_changes["lr_decay"] == ["none", "linear"]
    text = resumed_text(tail)
    assert "lr_decay" in text and "linear" in text and "none" in text
    assert f"{expected:.3g}" in text
    _losses(tail, 3)
    assert tail.opt_g.param_groups[0]["lr"] < expected      # and it keeps falling
    tail.close()


def test_a_schedule_can_start_falling_where_a_run_is_continued(tmp_path):
    from ganstudio.train.state import resumed_text
    t = Trainer(toy_recipe("optim.lr_decay=linear", "optim.lr_final=0.2", "train.steps=30"), tmp_path / "run")
    _losses(t, 20)
    t.save_checkpoint()
    used = t.opt_g.param_groups[0]["lr"]
    assert used < 1e-3 * 0.5                                    # most of the way down
    t.close()
    # continued to more steps with the same recipe, the stretched schedule climbs back up: the
    # resume says so, with the rate where the checkpoint's own schedule was beside the new one
    more = Trainer(toy_recipe("optim.lr_decay=linear", "optim.lr_final=0.2", "train.steps=60"),
                   tmp_path / "run", resume=True)
    up, was = more.opt_g.param_groups[0]["lr"], 1e-3 * t.recipe.optim.lr_factor(20, 30)
    assert was < used and up > 1.5 * used
    assert more.resume_changes["lr_now"] == [[pytest.approx(was)] * 2, [pytest.approx(up)] * 2]
    assert f"{up:.3g}" in resumed_text(more) and f"{was:.3g}" in resumed_text(more)
    more.close()
    # falling from where it is instead: the schedule starts at the checkpoint's step, from the
    # rate its own schedule was at there, and reaches lr_final of it at the new last step
    smooth = Trainer(toy_recipe(f"optim.lr_g={was}", f"optim.lr_d={was}", "optim.lr_decay=linear",
                                "optim.lr_final=0.2", "optim.lr_decay_from=20", "train.steps=60"),
                     tmp_path / "run", resume=True)
    assert smooth.opt_g.param_groups[0]["lr"] == pytest.approx(was)
    assert "lr_now" not in smooth.resume_changes and "lr_decay_from" in resumed_text(smooth)
    _losses(smooth, 40)                                        # to the last step, 59
    assert smooth.opt_g.param_groups[0]["lr"] == pytest.approx(0.2 * was)
    smooth.close()


@pytest.mark.parametrize("setting, steps", [(25, 20), (19, 20), (-1, 20)])
def test_a_schedule_that_would_start_after_the_run_is_refused(setting, steps):
    with pytest.raises(ConfigError, match="lr_decay_from"):
        toy_recipe("optim.lr_decay=cosine", f"optim.lr_decay_from={setting}", f"train.steps={steps}")


@pytest.mark.skipif(os.name != "posix", reason="runs are locked with flock")
def test_one_trainer_at_a_time_writes_a_run_directory(tmp_path):
    t = Trainer(toy_recipe(), tmp_path / "run")
    _losses(t, 12)
    t.save_checkpoint()
    _losses(t, 10)                             # logged after the checkpoint: a resume drops it
    metrics = (tmp_path / "run" / "metrics.jsonl").read_bytes()
    with pytest.raises(RunDirError, match="being trained by another process"):
        Trainer(toy_recipe(), tmp_path / "run", resume=True)
    assert (tmp_path / "run" / "metrics.jsonl").read_bytes() == metrics   # not truncated
    t.close()                                  # the run ended: it may be continued now
    with pytest.raises(RuntimeError, match="model.hidden"):   # a failed resume lets go at once
        Trainer(toy_recipe("model.hidden=8"), tmp_path / "run", resume=True)
    again = Trainer(toy_recipe(), tmp_path / "run", resume=True)
    assert again.step_count == 12
    again.close()


def _start(trainer: Trainer) -> tuple[threading.Thread, dict]:
    out = {}
    th = threading.Thread(target=lambda: out.setdefault("status", trainer.run()), daemon=True)
    th.start()
    return th, out


def _wait(cond, timeout=20.0):
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.005)


def test_pause_resume_stop_from_another_thread(tmp_path):
    t = Trainer(toy_recipe("train.steps=100000", "train.checkpoint_every=0", "train.sample_every=0",
                           "train.log_every=1000"), tmp_path / "run")
    events = []
    t.add_listener(events.append)
    th, out = _start(t)
    _wait(lambda: t.step_count >= 5)
    t.pause()
    at_pause = t.step_count
    time.sleep(0.3)
    assert t.step_count <= at_pause + 1        # took effect within one step
    frozen = t.step_count
    time.sleep(0.2)
    assert t.step_count == frozen and t.is_paused
    path = t.save_checkpoint(wait=True, timeout=10)   # handled while paused
    assert path is not None and load_checkpoint(path).step == frozen
    t.resume()
    _wait(lambda: t.step_count >= frozen + 5)
    t.stop()
    at_stop = t.step_count
    th.join(20)
    assert not th.is_alive() and out["status"] == "stopped"
    assert t.step_count <= at_stop + 1
    ck = load_checkpoint(tmp_path / "run" / "checkpoints" / "latest.pt")
    assert ck.step == t.step_count
    kinds = [e["type"] for e in events]
    assert kinds.index("paused") < kinds.index("resumed") < kinds.index("stopped")
    assert events[-1] == {"type": "stopped", "step": t.step_count}


def test_save_checkpoint_request_from_another_thread_while_running(tmp_path):
    t = Trainer(toy_recipe("train.steps=100000", "train.checkpoint_every=0", "train.sample_every=0",
                           "train.log_every=1000"), tmp_path / "run")
    th, _ = _start(t)
    _wait(lambda: t.step_count >= 3)
    path = t.save_checkpoint(wait=True, timeout=10)
    assert path is not None and load_checkpoint(path).step >= 3
    t.stop()
    th.join(20)


def test_nan_loss_stops_at_last_good_checkpoint(tmp_path):
    t = Trainer(toy_recipe("train.checkpoint_every=10", "train.log_every=5"), tmp_path / "run")
    objective = t.stepper.objective
    calls = {"n": 0}

    def poisoned(real, fake, player, **kw):
        loss = objective.fn(real, fake, player, **kw)
        if player == "g":
            calls["n"] += 1
            if calls["n"] == 14:
                return loss * float("nan")
        return loss

    t.stepper.objective = dataclasses.replace(objective, fn=poisoned)
    events = []
    t.add_listener(events.append)
    assert t.run() == "diverged"
    ev = events[-1]
    assert ev["type"] == "diverged" and ev["loss"] == "loss_g" and ev["step"] == 14
    assert ev["checkpoint"].endswith("latest.pt") and "step 14" in ev["message"]
    ck = load_checkpoint(ev["checkpoint"])        # still loadable: weights are finite
    assert ck.step == 10
    assert all(torch.isfinite(p).all() for p in t.G.parameters())
    assert t.save_checkpoint() == Path(ev["checkpoint"])   # never overwritten after divergence
    assert load_checkpoint(ev["checkpoint"]).step == 10


def test_absurd_learning_rate_diverges_without_corrupting_checkpoints(tmp_path):
    t = Trainer(toy_recipe("optim.lr_d=1e30", "optim.lr_g=1e30", 'objective.name="wgan"',
                           "train.checkpoint_every=1", "train.steps=200"), tmp_path / "run")
    events = []
    t.add_listener(events.append)
    assert t.run() == "diverged"
    ev = events[-1]
    assert ev["loss"] in ("loss_d", "loss_g")
    if ev["checkpoint"]:
        assert load_checkpoint(ev["checkpoint"]).step == ev["step"] - 1


def _idx_recipe(tmp_path, **train) -> Recipe:
    images = (np.random.RandomState(0).rand(64, 8, 8) * 255).astype(np.uint8)
    idx = tmp_path / "imgs.idx"
    with open(idx, "wb") as f:
        f.write(bytes([0, 0, 8, 3]) + np.array(images.shape, ">i4").tobytes() + images.tobytes())
    return Recipe.from_dict({
        "model": {"family": "mlp", "resolution": 8, "channels": 1, "z_dim": 4, "hidden": [16]},
        "data": {"kind": "idx", "path": str(idx)},
        "train": {"steps": 4, "batch": 8, "log_every": 2, "sample_every": 2, "sample_grid": "2x3",
                  "checkpoint_every": 4, "device": "cpu", **train}})


@pytest.mark.parametrize("family", ["mlp", "toy"])
def test_one_d_pass_over_real_and_fake_equals_two(tmp_path, family):
    # toy: packed pairs never straddle real and fake; steps 0 and 2 take the two-pass R1 path
    recipe = _idx_recipe(tmp_path) if family == "mlp" else \
        toy_recipe("model.pack=2", "objective.r1=0.5", "objective.r1_interval=2")
    fused, separate = Trainer(recipe, None), Trainer(recipe, None)
    assert fused.stepper.fuse_real_fake
    separate.stepper.fuse_real_fake = False
    for _ in range(4):
        a, b = fused.step(), separate.step()
        assert a["loss_d"] == pytest.approx(b["loss_d"], rel=1e-5)
        assert a["loss_g"] == pytest.approx(b["loss_g"], rel=1e-5)


def test_course_dcgan_trains_channels_last_on_cpu_and_resumes_exactly(tmp_path):
    # dropout in D draws from torch's global RNG; G and D are kept channels-last on the CPU
    d = _idx_recipe(tmp_path, checkpoint_every=0, sample_every=0).to_dict()
    d["model"] = {"family": "dcgan", "layout": "course", "resolution": 28, "channels": 1,
                  "base_channels": 8, "z_dim": 8}
    recipe = Recipe.from_dict(d)
    full = Trainer(recipe, tmp_path / "a")
    assert full.stepper.channels_last
    assert full.G.main[1].weight.is_contiguous(memory_format=torch.channels_last)
    expected = _losses(full, 6)
    first = Trainer(recipe, tmp_path / "b")
    _losses(first, 3)
    first.save_checkpoint()
    first.close()
    resumed = Trainer(recipe, tmp_path / "b", resume=True)
    assert _losses(resumed, 3) == expected[3:]
    assert all(np.isfinite(expected).ravel())


def test_adam_moments_take_their_parameters_layout():
    # fused Adam walks parameter and moments as flat memory: contiguous moments beside a
    # channels-last parameter (a checkpoint saved before the nets were kept channels-last)
    # updated the wrong elements
    from ganstudio.train.state import match_state_layout
    torch.manual_seed(0)
    cl = torch.nn.Parameter(torch.randn(4, 3, 2, 2).contiguous(memory_format=torch.channels_last))
    ref = torch.nn.Parameter(cl.detach().clone().contiguous())
    fused, plain = torch.optim.Adam([cl], lr=0.1, fused=True), torch.optim.Adam([ref], lr=0.1)
    grads = [torch.randn(4, 3, 2, 2) for _ in range(2)]
    cl.grad, ref.grad = grads[0].contiguous(memory_format=torch.channels_last), grads[0].clone()
    fused.step(), plain.step()
    saved = fused.state_dict()
    for st in saved["state"].values():
        st["exp_avg"], st["exp_avg_sq"] = st["exp_avg"].contiguous(), st["exp_avg_sq"].contiguous()
    fused.load_state_dict(saved)
    match_state_layout(fused)
    assert fused.state[cl]["exp_avg"].stride() == cl.stride()
    cl.grad, ref.grad = grads[1].contiguous(memory_format=torch.channels_last), grads[1].clone()
    fused.step(), plain.step()
    torch.testing.assert_close(cl.detach(), ref.detach())


def test_a_checkpoint_saved_in_the_default_layout_resumes_channels_last(tmp_path, monkeypatch):
    import ganstudio.train.trainer as trainer_module
    d = _idx_recipe(tmp_path, checkpoint_every=0, sample_every=0).to_dict()
    d["model"] = {"family": "dcgan", "resolution": 28, "channels": 1, "base_channels": 8, "z_dim": 8}
    recipe = Recipe.from_dict(d)
    with monkeypatch.context() as m:                   # as written by earlier versions
        m.setattr(trainer_module, "use_channels_last", lambda family: False)
        old = Trainer(recipe, tmp_path / "run")
        _losses(old, 2)
        old.save_checkpoint()
        old.close()
        assert old.D.main[0].weight.is_contiguous()
    resumed = Trainer(recipe, tmp_path / "run", resume=True)
    for opt in (resumed.opt_g, resumed.opt_d):
        for p in opt.param_groups[0]["params"]:
            assert all(v.stride() == p.stride() for v in opt.state[p].values() if v.shape == p.shape)
    assert resumed.D.main[0].weight.is_contiguous(memory_format=torch.channels_last)
    assert all(np.isfinite(_losses(resumed, 2)).ravel())


def test_image_run_sample_grid_and_export(tmp_path):
    recipe = _idx_recipe(tmp_path)
    t = Trainer(recipe, tmp_path / "run")
    assert t.run() == "done"
    grids = RunDir(tmp_path / "run").list_sample_grids()
    from PIL import Image
    assert Image.open(grids[-1][1]).size == (3 * 10 + 2, 2 * 10 + 2)
    out = export_samples(tmp_path / "run", 5, seed=3, out=tmp_path / "s.npy")
    arr = np.load(out)
    assert arr.dtype == np.uint8 and arr.shape == (5, 8, 8, 1)


def test_stylegan_step_with_all_regularisers():
    recipe = Recipe.from_dict({
        "model": {"family": "stylegan", "resolution": 8, "channels": 1, "z_dim": 8, "w_dim": 8,
                  "mapping_layers": 1, "channel_base": 64, "channel_max": 8},
        "data": {"kind": "fashion_mnist"},
        "objective": {"r1": 1.0, "r1_interval": 2, "style_mixing": 0.9, "path_length": 2.0,
                      "path_length_interval": 2},
        "optim": {"ema_half_life_images": 100},
        "train": {"steps": 2, "batch": 4, "log_every": 1, "device": "cpu"}})
    from ganstudio.train.data import TensorDataset
    data = TensorDataset("rand", "image", torch.randint(0, 256, (16, 1, 8, 8), dtype=torch.uint8))
    t = Trainer(recipe, None, data=data)
    w_avg = t.G.mapping.w_avg.clone() if hasattr(t.G.mapping, "w_avg") else t.G.w_avg.clone()
    events = [t.step(), t.step()]
    for ev in events:
        assert ev["type"] == "log" and np.isfinite(ev["loss_d"]) and np.isfinite(ev["loss_g"])
    assert "r1" in events[0] and "pl" in events[0]
    now = t.G.mapping.w_avg if hasattr(t.G.mapping, "w_avg") else t.G.w_avg
    assert not torch.equal(w_avg, now)               # w_avg is tracked while training
    grid = t.fixed.picture(t.G_ema)          # the sample grid a run writes: 8 x 8 tiles of 8 px
    assert grid.shape == (8 * (8 + 2) + 2, 8 * (8 + 2) + 2, 1) and grid.std() > 0


def test_toy_snapshot_and_mode_stats():
    t = Trainer(toy_recipe(), None)
    _losses(t, 3)
    s = t.toy_snapshot()
    assert s["samples"].shape == (2500, 2) and s["d_value"].shape == (64, 64)
    assert s["field"]["u"].shape == (16, 16) and s["sample_push"].shape == (256, 2)
    assert ((s["d_value"] >= 0) & (s["d_value"] <= 1)).all()
    assert s["p_data"].shape == (64, 64) and "modes_captured" in s
    one_d = Trainer(Recipe.from_dict(apply_overrides(TOY, ["model.data_dim=1", 'data.toy="gauss1d"',
                                                           "model.z_dim=1"])), None)
    s1 = one_d.toy_snapshot()
    assert s1["x"].shape == s1["d_logits"].shape == s1["p_g"].shape == s1["p_data"].shape
    assert "mean" in s1 and s1["field"]["u"].shape == (32,)


def test_toy_mode_stats_pacgan_protocol():
    modes = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    on_modes = np.repeat(modes, 10, axis=0) + 0.001
    st = toy_mode_stats(on_modes, modes, 0.01)
    assert st["modes_captured"] == 3 and st["high_quality"] == 1.0
    collapsed = np.concatenate([np.zeros((9, 2)), [[0.5, 0.5]]])
    st = toy_mode_stats(collapsed, modes, 0.01)
    assert st["modes_captured"] == 1 and st["high_quality"] == pytest.approx(0.9)


def test_cli_trains_with_progress_and_overrides(tmp_path, capsys):
    from ganstudio.cli import main
    recipe = tmp_path / "tiny.toml"
    recipe.write_text(dumps_toml(TOY))
    code = main(["train", str(recipe), "--steps", "20", "--out", str(tmp_path / "run"),
                 "--set", "train.log_every=5", "--device", "cpu"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert load_checkpoint(tmp_path / "run").step == 20
    assert [r["step"] for r in read_metrics(tmp_path / "run" / "metrics.jsonl")[0]] == [5, 10, 15, 20]
    assert "20/20" in err and "done at step 20" in err
    code = main(["train", str(recipe), "--steps", "30", "--out", str(tmp_path / "run"), "--resume"])
    assert code == 0 and load_checkpoint(tmp_path / "run").step == 30


def test_cli_ctrl_c_stops_with_a_checkpoint(tmp_path):
    """`python -m ganstudio train`: SIGINT ends the run after the current step, with a checkpoint."""
    recipe = tmp_path / "tiny.toml"
    recipe.write_text(dumps_toml(TOY))
    run = tmp_path / "run"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "ganstudio", "train", str(recipe), "--out", str(run),
                             "--steps", "1000000", "--set", "train.log_every=5"],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    try:
        _wait(lambda: len(read_metrics(run / "metrics.jsonl")[0]) >= 2 or proc.poll() is not None,
              timeout=120)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    ck = load_checkpoint(run)
    assert ck.step >= 10 and "stopped at step" in err and "Traceback" not in err


@pytest.mark.parametrize("bad,named", [
    (["--set", "optim.lr_g=0"], "optim.lr_g"),
    (["--set", "train.stepz=3"], "train.stepz"),
    (["--steps", "0"], "--steps"),
    (["--steps", "many"], "--steps"),
    (["--device", "tpu"], "--device"),
    (["--resume"], "--out"),
    (["--out", "EXISTING"], "not empty"),
])
def test_cli_bad_arguments_exit_2_with_one_line(tmp_path, capsys, bad, named):
    from ganstudio.cli import main
    recipe = tmp_path / "tiny.toml"
    recipe.write_text(dumps_toml(TOY))
    (tmp_path / "EXISTING").mkdir()
    (tmp_path / "EXISTING" / "file").write_text("x")
    bad = [str(tmp_path / b) if b == "EXISTING" else b for b in bad]
    try:
        code = main(["train", str(recipe), *bad])
    except SystemExit as e:       # argparse errors
        code = e.code
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and named in lines[0], err
    assert "Traceback" not in err


def test_out_of_memory_suggests_a_smaller_batch(monkeypatch):
    t = Trainer(toy_recipe("train.batch=64"), None)

    def oom(step, want_stats):
        raise RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB")

    monkeypatch.setattr(t, "stepper", oom)
    with pytest.raises(RuntimeError) as e:
        t.step()
    assert "smaller batch" in str(e.value) and "train.batch=32" in str(e.value)
    assert "--set" not in str(e.value)          # recipe values: the GUI form takes them too
    assert t.step_count == 0


def test_out_of_memory_is_recognised_by_its_type():
    from ganstudio.train.steps import is_oom
    assert is_oom(torch.OutOfMemoryError("Tried to allocate 2.00 GiB"))    # no "out of memory"
    assert is_oom(MemoryError()) and not is_oom(RuntimeError("shape mismatch"))


def test_cli_names_a_run_directory_without_a_recipe(tmp_path, capsys):
    from ganstudio.cli import main
    (tmp_path / "run").mkdir()
    code = main(["train", str(tmp_path / "run"), "--out", str(tmp_path / "new")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.endswith(f"{tmp_path / 'run'} has no recipe.toml"), err


def test_cli_says_which_files_were_skipped_even_when_quiet(tmp_path, capsys):
    from PIL import Image
    from ganstudio.cli import main
    folder = tmp_path / "images"
    folder.mkdir()
    for i in range(4):
        Image.fromarray(np.full((8, 8), 40 * i, np.uint8)).save(folder / f"{i}.png")
    (folder / "broken.png").write_bytes(b"not an image")
    recipe = tmp_path / "folder.toml"
    recipe.write_text(dumps_toml({
        "model": {"family": "mlp", "resolution": 8, "channels": 1, "z_dim": 4, "hidden": [8]},
        "data": {"kind": "folder", "path": str(folder)},
        "train": {"steps": 1, "batch": 2, "sample_every": 0, "checkpoint_every": 0,
                  "sample_grid": "1x2", "device": "cpu"}}))
    code = main(["train", str(recipe), "--out", str(tmp_path / "run"), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 0 and len(err) == 1, err
    assert "4 images" in err[0] and "1 file skipped: broken.png" in err[0]


def test_sample_events_point_at_written_images(tmp_path):
    events = []
    t = Trainer(toy_recipe("train.steps=10", "train.sample_every=5"), tmp_path / "run")
    t.add_listener(events.append)
    t.run()
    paths = [e["path"] for e in events if e["type"] == "samples"]
    assert [Path(p).name for p in paths] == ["step_000005.png", "step_000010.png"]
    from PIL import Image
    assert all(Image.open(p).size == (320, 320) for p in paths)
