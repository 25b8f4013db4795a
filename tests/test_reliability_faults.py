"""Reliability catalogue, faults while training: a diverging loss, a full disk, an unwritable run
directory, a process killed mid-write, running out of memory.  Each case checks what the user is
told and that the previous checkpoint still loads.  (The GUI side of these faults is in
test_reliability_gui.py; the Trainer-level NaN test is test_trainer.py's.)
"""
from __future__ import annotations

import dataclasses
import errno
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import torch

from ganstudio.core.checkpoint import load_checkpoint, resolve_checkpoint_path, save_checkpoint
from ganstudio.train.recipe import dumps_toml
from ganstudio.train.run import RunDir

ROOT = Path(__file__).resolve().parents[1]

TOY = {"title": "tiny ring", "name": "tiny",
       "model": {"family": "toy", "data_dim": 2, "hidden": 8, "layers": 1},
       "data": {"kind": "toy", "toy": "ring8", "toy_samples": 500},
       "train": {"steps": 40, "batch": 8, "log_every": 5, "sample_every": 0,
                 "checkpoint_every": 10, "device": "cpu", "threads": 1}}


def train_cli(tmp_path, capsys, *extra: str) -> tuple[int, list[str], Path]:
    """``ganstudio train`` in this process: (exit status, stderr lines, run directory)."""
    from ganstudio.cli import main
    recipe = tmp_path / "tiny.toml"
    recipe.write_text(dumps_toml(TOY))
    run = tmp_path / "run"
    code = main(["train", str(recipe), "--out", str(run), *extra])
    return code, capsys.readouterr().err.strip().splitlines(), run


def no_temp_files(run: Path) -> bool:
    return not [p for p in run.rglob("*") if p.name.endswith(".tmp")]


# --- a loss becomes NaN or inf ---------------------------------------------------------------------

def poison(monkeypatch, player: str, step: int, value: float) -> None:
    """In every new Trainer, ``player``'s loss of training step ``step`` becomes ``value``
    (losses computed outside a training step, e.g. for the GUI's toy views, are left alone)."""
    import ganstudio.train.trainer as trainer_module
    from ganstudio.train.steps import Stepper
    real_get, real_call = trainer_module.get_objective, Stepper.__call__
    current = {"step": None}

    def call(self, k, want_stats):
        current["step"] = k + 1
        try:
            return real_call(self, k, want_stats)
        finally:
            current["step"] = None

    def get_objective(name):
        objective = real_get(name)

        def fn(real_logits, fake_logits, who, **kw):
            loss = objective.fn(real_logits, fake_logits, who, **kw)
            return loss * 0 + value if who == player and current["step"] == step else loss
        return dataclasses.replace(objective, fn=fn)
    monkeypatch.setattr(Stepper, "__call__", call)
    monkeypatch.setattr(trainer_module, "get_objective", get_objective)


@pytest.mark.parametrize("player, value, loss", [
    pytest.param("d", float("inf"), "loss_d", id="loss_d_becomes_inf"),
    pytest.param("g", float("nan"), "loss_g", id="loss_g_becomes_nan"),
])
def test_a_diverging_loss_stops_the_run_at_the_last_good_checkpoint(tmp_path, capsys, monkeypatch,
                                                                       player, value, loss):
    poison(monkeypatch, player, 23, value)
    code, err, run = train_cli(tmp_path, capsys)
    assert code == 1 and not any("Traceback" in line for line in err)
    message = err[-1]
    assert f"diverged at step 23: {loss} is {value}" in message, err
    assert "latest.pt" in message and "lower learning rate" in message
    ck = load_checkpoint(run)
    assert ck.step == 20 and all(torch.isfinite(v).all() for v in ck.G.values())
    assert RunDir(run).list_checkpoints()[-1][0] == 20       # nothing written after the NaN


def test_a_quiet_run_still_says_why_it_diverged(tmp_path, capsys, monkeypatch):
    poison(monkeypatch, "g", 12, float("nan"))
    code, err, run = train_cli(tmp_path, capsys, "--quiet")
    assert code == 1 and err and "diverged at step 12: loss_g is nan" in err[-1], err


# --- the disk fills, or the run directory becomes unwritable, during a checkpoint write ----------

def fail_second_checkpoint(monkeypatch, how: str, run: Path) -> None:
    """Let the first checkpoint through; make the second one fail the way ``how`` says."""
    import ganstudio.train.trainer as trainer_module
    real_write = trainer_module.write_training_checkpoint
    calls = {"n": 0}

    def write(trainer, periodic_path, latest):
        calls["n"] += 1
        if calls["n"] == 2:
            {"disk_full": _disk_full, "unwritable": _unwritable}[how](monkeypatch, run / "checkpoints")
        return real_write(trainer, periodic_path, latest)
    monkeypatch.setattr(trainer_module, "write_training_checkpoint", write)


def _disk_full(monkeypatch, folder: Path) -> None:
    real_save = torch.save

    def save(obj, f, *a, **k):
        real_save(obj, f, *a, **k)      # the data is written, then the disk runs out
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(torch, "save", save)


def _unwritable(monkeypatch, folder: Path) -> None:
    folder.chmod(0o555)
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")        # root writes anyway: refuse new files there instead
        probe.unlink()
    except PermissionError:
        return
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*a, dir=None, **k):
        if dir is not None and Path(dir) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))
        return real_mkstemp(*a, dir=dir, **k)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize("how, reason", [
    pytest.param("disk_full", "the disk is full", id="disk_fills"),
    pytest.param("unwritable", "Permission denied", id="run_directory_becomes_unwritable"),
])
def test_a_failed_checkpoint_write_keeps_the_previous_one_and_says_so(tmp_path, capsys,
                                                                       monkeypatch, how, reason):
    fail_second_checkpoint(monkeypatch, how, tmp_path / "run")
    try:
        code, err, run = train_cli(tmp_path, capsys)
    finally:
        (tmp_path / "run" / "checkpoints").chmod(0o755)
    assert code == 1 and not any("Traceback" in line for line in err)
    assert err[-1] == ("ganstudio train: error: cannot write step_000020.pt: "
                       f"{reason}; the previous checkpoint is unchanged"), err
    ck = load_checkpoint(run)
    assert ck.step == 10 and ck.path.name == "latest.pt"
    assert [s for s, _ in RunDir(run).list_checkpoints()] == [10]
    assert no_temp_files(run)


def test_a_full_disk_while_logging_metrics_is_one_line_and_keeps_the_checkpoint(tmp_path, capsys,
                                                                                monkeypatch):
    real_append = RunDir.append_metrics

    def append(self, record):
        if record["step"] >= 25:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_append(self, record)
    monkeypatch.setattr(RunDir, "append_metrics", append)
    code, err, run = train_cli(tmp_path, capsys)
    assert code == 1 and "No space left on device" in err[-1] and err[-1].startswith("ganstudio train")
    assert not any("Traceback" in line for line in err)
    assert load_checkpoint(run).step == 20


# --- the process is killed in the middle of a checkpoint write ---------------------------------------

WRITER = r"""
import os, signal, sys
import torch
torch.set_num_threads(1)
from ganstudio.core.checkpoint import save_checkpoint
from ganstudio.core.nets import build_generator, default_config

cfg = default_config("mlp", resolution=16, channels=1, z_dim=16, hidden=[256, 256])
G = build_generator(cfg)
latest, log = sys.argv[1], sys.argv[2]
signal.signal(signal.SIGCHLD, signal.SIG_IGN)        # killed writers are reaped at once
base = 0
for _ in sys.stdin:                                   # one line: fork one more writer
    base += 100_000
    pid = os.fork()
    if pid == 0:
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        step = base
        while True:
            step += 1
            with torch.no_grad():
                for p in G.parameters():
                    p.fill_(float(step % 4096))        # every weight tells which step wrote it
            os.write(fd, f"begin {step}\n".encode())
            save_checkpoint(latest, model_config=cfg, G=G, step=step)
            os.write(fd, f"end {step}\n".encode())
    print(pid, flush=True)
"""


def _gone(pid: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.002)
    raise AssertionError(f"writer {pid} did not die")


def test_sigkill_during_checkpoint_writes_never_breaks_the_latest_checkpoint(tmp_path):
    """A writer process saving checkpoints in a loop is SIGKILLed at random moments, 25 times;
    after every kill the newest checkpoint loads, holds one consistent step, and is never older
    than the last save that completed.  The temporary files of killed writers do not pile up:
    each save removes those of dead writers, so once a writer has completed a save, at most its
    own (interrupted) temporary file is left, and the next save removes that too."""
    run = tmp_path / "run"
    latest = run / "checkpoints" / "latest.pt"
    latest.parent.mkdir(parents=True)
    log = tmp_path / "writes.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(latest), str(log)], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    rng = random.Random(7)
    confirmed = 0          # the newest step whose save completed
    mid_write = 0
    cleaned_after = 0      # kills of a writer that had completed a save (so had cleaned up)
    try:
        for kill in range(25):
            proc.stdin.write("go\n")
            proc.stdin.flush()
            pid = int(proc.stdout.readline())
            time.sleep(rng.uniform(0.02, 0.15) if kill else 0.5)
            os.kill(pid, signal.SIGKILL)
            _gone(pid)
            lines = log.read_text().split()
            ends = [int(s) for k, s in zip(lines[::2], lines[1::2]) if k == "end"]
            began = [int(s) for k, s in zip(lines[::2], lines[1::2]) if k == "begin"]
            mid_write += lines[-2] == "begin"
            ck = load_checkpoint(run)              # the run directory: loads, whatever the moment
            assert ck.path == latest
            assert ends[-1] <= ck.step <= began[-1], (ends[-1], ck.step, began[-1])
            assert ck.step >= confirmed             # nothing that was saved is lost
            params = [v for k, v in ck.G.items() if k.endswith(("weight", "bias"))]
            assert all(torch.all(v == ck.step % 4096) for v in params), "a torn checkpoint"
            confirmed = ends[-1]
            temps = [p.name for p in latest.parent.iterdir() if p.name.endswith(".tmp")]
            if any(s > (kill + 1) * 100_000 for s in ends):    # this writer completed a save
                cleaned_after += 1
                assert len(temps) <= 1, f"temporary files pile up after kill {kill + 1}: {temps}"
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert mid_write >= 1, "no kill landed inside a write: the test did not test anything"
    assert cleaned_after >= 1, "no killed writer had completed a save: the test did not test cleaning"
    leftovers = [p for p in latest.parent.iterdir() if p != latest]
    print(f"{mid_write} of 25 kills landed inside a write; {len(leftovers)} temporary files left")
    assert all(p.name.startswith(".latest.pt.") and p.name.endswith(".tmp") for p in leftovers)
    assert len(leftovers) <= 1
    # the temporary files of interrupted writes are never taken for checkpoints
    assert resolve_checkpoint_path(latest.parent) == latest
    assert RunDir(run).list_checkpoints() == [] and RunDir(run).latest_checkpoint() == latest
    # the next save (all writers are dead now) leaves no temporary file at all
    ck = load_checkpoint(latest)
    save_checkpoint(latest, model_config=ck.model_config, G=ck.G, step=ck.step + 1)
    assert [p.name for p in latest.parent.iterdir()] == ["latest.pt"]


# --- CUDA out of memory, simulated on the CPU ---------------------------------------------------------

def oom_at_step(monkeypatch, step: int) -> None:
    from ganstudio.train.steps import Stepper
    real_call = Stepper.__call__

    def call(self, k, want_stats):
        if k + 1 == step:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB "
                                         "(GPU 0; 7.79 GiB total capacity)")
        return real_call(self, k, want_stats)
    monkeypatch.setattr(Stepper, "__call__", call)


def test_out_of_memory_suggests_a_smaller_batch_and_keeps_the_checkpoint(tmp_path, capsys,
                                                                         monkeypatch):
    oom_at_step(monkeypatch, 15)
    code, err, run = train_cli(tmp_path, capsys)
    assert code == 1 and not any("Traceback" in line for line in err)
    assert err[-1].startswith("ganstudio train: error: out of memory with train.batch=8")
    assert "smaller batch" in err[-1] and "train.batch=4" in err[-1]
    assert load_checkpoint(run).step == 10


def test_out_of_memory_error_type_is_recognised_by_the_trainer(monkeypatch):
    from ganstudio.train.recipe import Recipe
    from ganstudio.train.state import TrainingError
    from ganstudio.train.trainer import Trainer
    oom_at_step(monkeypatch, 1)
    t = Trainer(Recipe.from_dict(TOY), None)
    with pytest.raises(TrainingError, match="smaller batch"):
        t.step()
    assert t.step_count == 0
    from ganstudio.errors import describe
    message = describe(torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 8.00 GiB"))
    assert message.startswith("out of memory: try a smaller batch")
