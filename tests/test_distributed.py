"""Training on several processes (torchrun, gloo on the CPU): same result as one process,
one complete run directory, resume on another number of processes, clean stops and failures."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import numpy as np
import pytest
import torch

from ganstudio.core.checkpoint import load_checkpoint
from ganstudio.train.data import TensorDataset
from ganstudio.train.distributed import Shard
from ganstudio.train.recipe import Recipe, apply_overrides, dumps_toml
from ganstudio.train.run import RunDir, read_metrics
from ganstudio.train.trainer import Trainer

ROOT = Path(__file__).resolve().parents[1]
STEPS = 6


def _idx_file(path: Path, side: int, n: int = 64) -> Path:
    images = (np.random.RandomState(0).rand(n, side, side) * 255).astype(np.uint8)
    with open(path, "wb") as f:
        f.write(bytes([0, 0, 8, 3]) + np.array(images.shape, ">i4").tobytes() + images.tobytes())
    return path


def _mlp_recipe(folder: Path) -> dict:
    """A tiny MLP GAN with the features that must shard exactly: PacGAN packs, instance
    noise, label smoothing, a WGAN-GP term (interpolation weights), EMA, LR decay."""
    return {"title": "tiny mlp", "name": "tiny",
            "model": {"family": "mlp", "resolution": 8, "channels": 1, "z_dim": 4,
                      "hidden": [16], "pack": 2},
            "data": {"kind": "idx", "path": str(_idx_file(folder / "imgs.idx", 8))},
            "objective": {"instance_noise": 0.1, "label_smoothing": "one_sided", "gp": 1.0},
            "optim": {"ema_half_life_images": 100, "lr_decay": "linear"},
            "train": {"steps": STEPS, "batch": 8, "log_every": 2, "sample_every": 3,
                      "checkpoint_every": 3, "sample_grid": "2x3", "device": "cpu", "threads": 1}}


def _env(**extra) -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1", **extra)


def _torchrun(*args: str) -> list[str]:
    return [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
            "-m", "ganstudio", "train", *args]


def _wait(cond, timeout: float) -> None:
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def ddp_run(tmp_path_factory):
    """`torchrun --nproc_per_node=2 -m ganstudio train` of the tiny MLP recipe."""
    folder = tmp_path_factory.mktemp("ddp")
    recipe = folder / "tiny.toml"
    recipe.write_text(dumps_toml(_mlp_recipe(folder)))
    proc = subprocess.run(_torchrun(str(recipe), "--out", str(folder / "run")), cwd=ROOT,
                          env=_env(), capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    return {"recipe": recipe, "run": folder / "run", "stderr": proc.stderr}


def _assert_close(a: dict, b: dict, atol: float = 1e-5) -> None:
    assert a.keys() == b.keys()
    for k in a:
        assert torch.allclose(a[k].float(), b[k].float(), atol=atol, rtol=1e-4), k


def test_two_processes_end_with_the_parameters_of_one(ddp_run):
    recipe = Recipe.load(ddp_run["recipe"])
    one = Trainer(recipe, None)
    logs = [ev for ev in (one.step() for _ in range(STEPS)) if ev["type"] == "log"]
    ck = load_checkpoint(ddp_run["run"])
    assert ck.step == STEPS
    _assert_close(one.G.state_dict(), ck.G)
    _assert_close(one.D.state_dict(), ck.D)
    _assert_close(one.G_ema.state_dict(), ck.G_ema)
    fresh = Trainer(recipe, None).G.state_dict()
    assert any(not torch.allclose(fresh[k], ck.G[k]) for k in fresh)     # it did train
    # logged numbers are means over both processes: the global batch's
    records = read_metrics(ddp_run["run"] / "metrics.jsonl")[0]
    assert [r["step"] for r in records] == [2, 4, 6]
    for mine, theirs in zip(logs, records):
        for key in ("loss_d", "loss_g", "d_real", "d_fake", "grad_norm_d", "grad_norm_g", "gp"):
            assert theirs[key] == pytest.approx(mine[key], rel=1e-4, abs=1e-6), key
    err = ddp_run["stderr"]      # only rank 0 talks
    assert err.count("done at step 6") == 1 and "2 processes" in err and "Traceback" not in err


def test_the_run_directory_has_the_files_of_a_one_process_run(ddp_run, tmp_path):
    from ganstudio.cli import main
    assert main(["train", str(ddp_run["recipe"]), "--out", str(tmp_path / "one"), "--quiet"]) == 0

    def files(d: Path) -> list[str]:
        return sorted(str(p.relative_to(d)) for p in d.rglob("*") if p.is_file())
    assert files(ddp_run["run"]) == files(tmp_path / "one")
    assert files(ddp_run["run"]) == ["checkpoints/latest.pt", "checkpoints/step_000003.pt",
                                     "checkpoints/step_000006.pt", "metrics.jsonl", "recipe.toml",
                                     "samples/step_000003.png", "samples/step_000006.png"]
    one = read_metrics(tmp_path / "one" / "metrics.jsonl")[0]
    two = read_metrics(ddp_run["run"] / "metrics.jsonl")[0]
    assert [sorted(r) for r in one] == [sorted(r) for r in two]
    resolved = tomllib.loads((ddp_run["run"] / "recipe.toml").read_text())
    assert resolved["train"]["batch"] == 8          # the global batch, as written in the recipe


def test_the_training_panel_and_the_explorer_open_it(ddp_run, qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from ganstudio.ui.explorer.panel import ExplorerPanel
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):   # recent files
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    from ganstudio.ui.training.run_follower import RunFollower, is_run_dir
    assert is_run_dir(ddp_run["run"])
    got = {"columns": [], "grids": [], "recipe": None}
    follower = RunFollower(ddp_run["run"], interval_ms=50)
    follower.columns.connect(got["columns"].append)
    follower.grid.connect(lambda step, path, image: got["grids"].append((step, image)))
    follower.recipe.connect(lambda d: got.__setitem__("recipe", d))
    follower.start()
    try:
        qtbot.waitUntil(lambda: bool(got["recipe"] and got["columns"] and len(got["grids"]) == 2),
                        timeout=10000)
    finally:
        follower.stop()
    cols = got["columns"][0]
    assert list(cols.steps) == [2, 4, 6] and {"loss_d", "loss_g", "d_real"} <= set(cols.values)
    assert got["recipe"]["title"] == "tiny mlp"
    step, image = got["grids"][-1]
    assert step == 6 and image is not None and not image.isNull()
    panel = ExplorerPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    try:
        with qtbot.waitSignal(panel.first_image_shown, timeout=10000):
            assert panel.open_path(ddp_run["run"])
        assert panel.state.model.info["step"] == STEPS
    finally:
        panel.shutdown()


def test_a_two_process_checkpoint_resumes_in_one_process(ddp_run, tmp_path):
    """Resuming the 2-process run in 1 process ends where a 1-process run resumed alike ends."""
    from ganstudio.cli import main
    recipe = str(ddp_run["recipe"])
    shutil.copytree(ddp_run["run"], tmp_path / "two")
    assert main(["train", recipe, "--out", str(tmp_path / "one"), "--quiet"]) == 0
    for run in ("two", "one"):
        assert main(["train", recipe, "--out", str(tmp_path / run), "--resume",
                     "--steps", str(2 * STEPS), "--quiet"]) == 0
    two, one = load_checkpoint(tmp_path / "two"), load_checkpoint(tmp_path / "one")
    assert two.step == one.step == 2 * STEPS
    _assert_close(one.G, two.G)
    _assert_close(one.D, two.D)
    _assert_close(one.G_ema, two.G_ema)
    assert [r["step"] for r in read_metrics(tmp_path / "two" / "metrics.jsonl")[0]] == \
        [2, 4, 6, 8, 10, 12]


def test_each_process_draws_its_rows_of_the_global_batch():
    shards = [Shard(r, 4) for r in range(4)]
    whole = torch.randn((12, 3), generator=torch.Generator().manual_seed(5))
    parts = [s.randn((3, 3), torch.Generator().manual_seed(5)) for s in shards]
    assert torch.equal(torch.cat(parts), whole)
    data = TensorDataset("d", "image", torch.arange(50 * 4, dtype=torch.uint8).reshape(50, 1, 2, 2))
    whole = data.sample(8, torch.Generator().manual_seed(1))
    parts = [s.sample(data, 2, torch.Generator().manual_seed(1)) for s in shards]
    assert torch.equal(torch.cat(parts), whole)
    assert torch.equal(data.take(torch.tensor([3, 0])), data.data[[3, 0]].float() / 127.5 - 1)
    whole = torch.rand((12, 1), generator=torch.Generator().manual_seed(2))
    parts = [s.rand((3, 1), torch.Generator().manual_seed(2)) for s in shards]
    assert torch.equal(torch.cat(parts), whole)


def test_the_batch_must_split_into_whole_packs():
    for batch, world, pack in ((8, 2, 2), (12, 3, 1), (64, 8, 4)):
        assert Shard(0, world).local_batch(batch, pack) * world == batch
    for batch, world, pack in ((9, 2, 1), (6, 2, 2), (12, 8, 1)):
        with pytest.raises(Exception, match="train.batch") as e:
            Shard(world - 1, world).local_batch(batch, pack)
        assert f"multiple of {world * pack}" in str(e.value)


def test_a_batch_that_does_not_divide_is_one_line_before_any_waiting(tmp_path, capsys, monkeypatch):
    """No rendezvous happens (there is no other process): the error comes first, said once."""
    from ganstudio.cli import main
    recipe = tmp_path / "tiny.toml"
    recipe.write_text(dumps_toml(apply_overrides(_mlp_recipe(tmp_path), ["train.batch=10"])))
    monkeypatch.setenv("WORLD_SIZE", "2")
    for rank in (0, 1):
        monkeypatch.setenv("RANK", str(rank))
        code = main(["train", str(recipe), "--out", str(tmp_path / "run")])
        lines = capsys.readouterr().err.strip().splitlines()
        assert code == 2 and not (tmp_path / "run").exists()
        if rank == 0:
            assert len(lines) == 1 and "train.batch" in lines[0] and "2 processes" in lines[0] \
                and "--set train.batch=8" in lines[0], lines
        else:
            assert lines == []


def test_a_dcgan_run_is_followed_live_and_ctrl_c_stops_every_rank(tmp_path, qtbot):
    """DCGAN (BatchNorm) on two processes; the Training panel's follower shows the run while it
    is written; Ctrl-C on torchrun stops both ranks after one step, with a checkpoint."""
    from ganstudio.ui.training.run_follower import RunFollower
    recipe = tmp_path / "dcgan.toml"
    recipe.write_text(dumps_toml({
        "title": "tiny dcgan",
        "model": {"family": "dcgan", "resolution": 28, "channels": 1, "z_dim": 8,
                  "base_channels": 4},
        "data": {"kind": "idx", "path": str(_idx_file(tmp_path / "imgs.idx", 28))},
        "optim": {"ema_half_life_images": 100},
        "train": {"steps": 100000, "batch": 4, "log_every": 1, "sample_every": 2,
                  "checkpoint_every": 0, "sample_grid": "2x2", "device": "cpu", "threads": 1}}))
    run = tmp_path / "run"
    proc = subprocess.Popen(_torchrun(str(recipe), "--out", str(run)), cwd=ROOT, env=_env(),
                            stderr=subprocess.PIPE, text=True)
    got = {"columns": 0, "grids": 0}
    follower = RunFollower(run, interval_ms=50)
    follower.columns.connect(lambda c: got.__setitem__("columns", got["columns"] + len(c)))
    follower.grid.connect(lambda *a: got.__setitem__("grids", got["grids"] + 1))
    try:
        _wait(run.is_dir, 120)
        follower.start()
        qtbot.waitUntil(lambda: (got["columns"] >= 3 and got["grids"] >= 1) or
                        proc.poll() is not None, timeout=120000)   # bool in both cases
        assert proc.poll() is None, proc.stderr.read()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        follower.stop()
        if proc.poll() is None:
            proc.kill()
    assert err.count("stopped at step") == 1, err
    ck = load_checkpoint(run)
    last = read_metrics(run / "metrics.jsonl")[0][-1]["step"]
    assert ck.step == last >= 3 and f"stopped at step {last}" in err
    assert ck.model_config["family"] == "dcgan"
    for name, value in ck.G_ema.items():      # BatchNorm statistics averaged, finite
        assert torch.isfinite(value.float()).all(), name
    assert "ganstudio/train" not in err       # no traceback of ours


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_failed_rank_ends_the_others_with_one_line(tmp_path):
    """Rank 1 dies (SIGKILL, no goodbye); rank 0 notices at its next collective and exits 1
    with one line (torchrun itself would then end the rest of the job)."""
    recipe = tmp_path / "tiny.toml"
    recipe.write_text(dumps_toml(apply_overrides(_mlp_recipe(tmp_path), [
        "train.steps=1000000", "train.log_every=1", "train.sample_every=0",
        "train.checkpoint_every=0"])))
    port = str(_free_port())
    cmd = [sys.executable, "-m", "ganstudio", "train", str(recipe), "--out", str(tmp_path / "run"),
           "--quiet", "--dist-timeout", "60"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True, env=_env(
        RANK=str(r), LOCAL_RANK=str(r), WORLD_SIZE="2", MASTER_ADDR="127.0.0.1",
        MASTER_PORT=port)) for r in (0, 1)]
    try:
        _wait(lambda: len(read_metrics(tmp_path / "run" / "metrics.jsonl")[0]) >= 2
              or procs[0].poll() is not None, 120)
        assert procs[0].poll() is None, procs[0].stderr.read()
        procs[1].kill()
        _, err = procs[0].communicate(timeout=60)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    lines = err.strip().splitlines()
    assert procs[0].returncode == 1 and len(lines) == 1, err
    assert "lost contact with the other processes" in lines[0]
    assert RunDir(tmp_path / "run").read_recipe_text() is not None
