import os
import pickle
import zipfile
import io

import pytest
import torch

from ganstudio.core.checkpoint import (CheckpointError, load_checkpoint, rng_state, save_checkpoint,
                                       set_rng_state)
from ganstudio.core.nets import build_discriminator, build_generator, default_config

CFG = default_config("dcgan", resolution=28, base_channels=8, z_dim=8)


@pytest.fixture
def ckpt(tmp_path):
    torch.manual_seed(0)
    G, D = build_generator(CFG), build_discriminator(CFG)
    path = save_checkpoint(tmp_path / "model.pt", model_config=CFG, G=G, D=D, G_ema=G, step=7,
                           recipe={"title": "t"})
    return path, G


def test_round_trip_gives_the_same_image(ckpt):
    path, G = ckpt
    c = load_checkpoint(path)
    assert c.step == 7 and c.family == "dcgan" and c.recipe["title"] == "t" and len(c.sha256) == 64
    G2 = c.build_generator()
    z = torch.randn(2, 8)
    G.eval()
    with torch.no_grad():
        assert torch.equal(G(z), G2(z))
    assert c.summary()["resolution"] == 28
    assert c.summary()["layout"] == "radford"


def test_a_course_dcgan_checkpoint_renders_and_names_its_layout(tmp_path):
    from ganstudio.ui.explorer.model_info import describe_model
    cfg = default_config("dcgan", resolution=28, base_channels=8, z_dim=8, layout="course")
    torch.manual_seed(0)
    G = build_generator(cfg).to(memory_format=torch.channels_last)     # as the Trainer keeps it
    path = save_checkpoint(tmp_path / "course.pt", model_config=cfg, G=G, D=build_discriminator(cfg),
                           G_ema=G, step=3)
    c = load_checkpoint(path)
    G2 = c.build_generator()
    z = torch.randn(2, 8)
    with torch.no_grad():
        torch.testing.assert_close(G.eval()(z), G2(z))
    family = dict(describe_model(c.summary(), G2))["Family"]
    assert "course's layout" in family
    older = {k: v for k, v in CFG.items() if k != "layout"}    # a file from before layouts
    path = save_checkpoint(tmp_path / "old.pt", model_config=older, G=build_generator(CFG), step=1)
    summary = load_checkpoint(path).summary()
    assert summary["layout"] == "radford"
    assert "Radford's layout" in dict(describe_model(summary))["Family"]


def test_run_directory_opens_its_latest_checkpoint(tmp_path, ckpt):
    path, _ = ckpt
    run = tmp_path / "run"
    (run / "checkpoints").mkdir(parents=True)
    os.replace(path, run / "checkpoints" / "latest.pt")
    assert load_checkpoint(run).path.name == "latest.pt"


def _refused(path, words):
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    assert words in str(info.value), str(info.value)


def test_empty_truncated_and_random_files(tmp_path, ckpt):
    path, _ = ckpt
    raw = path.read_bytes()
    (tmp_path / "empty.pt").write_bytes(b"")
    _refused(tmp_path / "empty.pt", "empty")
    (tmp_path / "trunc.pt").write_bytes(raw[: len(raw) // 2])
    _refused(tmp_path / "trunc.pt", "truncated or damaged")
    (tmp_path / "rand.pt").write_bytes(os.urandom(4096))
    _refused(tmp_path / "rand.pt", "not a GAN Studio checkpoint")
    _refused(tmp_path / "missing.pt", "does not exist")


class _Payload:
    def __reduce__(self):
        return (os.system, ("touch " + os.environ["GS_MARK"],))


def test_code_running_pickles_are_refused_and_do_not_run(tmp_path, monkeypatch):
    mark = tmp_path / "ran"
    monkeypatch.setenv("GS_MARK", str(mark))
    torch.save({"format": "ganstudio-checkpoint", "x": _Payload()}, tmp_path / "evil.pt")
    _refused(tmp_path / "evil.pt", "could run code")
    (tmp_path / "evil.pkl").write_bytes(pickle.dumps(_Payload()))
    _refused(tmp_path / "evil.pkl", "not unpickled")
    assert not mark.exists()


def test_other_structures_versions_configs_and_shapes(tmp_path, ckpt):
    path, G = ckpt
    torch.save({"weights": torch.zeros(3)}, tmp_path / "other.pt")
    _refused(tmp_path / "other.pt", "not a GAN Studio checkpoint")
    data = torch.load(path, weights_only=True)
    torch.save({**data, "version": 99}, tmp_path / "future.pt")
    _refused(tmp_path / "future.pt", "version 99")
    torch.save({**data, "model_config": {**CFG, "resolution": 40}}, tmp_path / "cfg.pt")
    _refused(tmp_path / "cfg.pt", "model.resolution")
    bad = dict(data["G"])
    key = next(k for k, v in bad.items() if v.ndim == 4)
    bad[key] = torch.zeros(1, 1, 1, 1)
    torch.save({**data, "G": bad}, tmp_path / "shape.pt")
    _refused(tmp_path / "shape.pt", key)
    (tmp_path / "empty_dir").mkdir()
    _refused(tmp_path / "empty_dir", "directory with no checkpoint")


def test_unreadable_file(tmp_path, ckpt, monkeypatch):
    path, _ = ckpt
    if os.geteuid() == 0:  # root reads any file: simulate the permission error instead
        from pathlib import Path

        def deny(self, *args, **kwargs):
            raise PermissionError(13, "Permission denied", str(self))
        monkeypatch.setattr(Path, "read_bytes", deny)
        monkeypatch.setattr(Path, "open", deny)
    else:
        path.chmod(0)
    _refused(path, "permission denied")


def test_failed_write_leaves_previous_checkpoint(tmp_path, ckpt, monkeypatch):
    path, G = ckpt
    before = path.read_bytes()

    def boom(obj, f, *a, **k):
        f.write(b"partial")
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(torch, "save", boom)
    with pytest.raises(CheckpointError, match="disk is full"):
        save_checkpoint(path, model_config=CFG, G=G, step=8)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_rng_state_round_trip():
    import random
    import numpy as np
    gen = torch.Generator().manual_seed(3)
    state = rng_state({"data": gen})
    a = (random.random(), np.random.rand(), torch.rand(1).item(), torch.rand(1, generator=gen).item())
    set_rng_state(state, {"data": gen})
    b = (random.random(), np.random.rand(), torch.rand(1).item(), torch.rand(1, generator=gen).item())
    assert a == b


# --- every field of the payload is checked, and the message names the file and the field ---------

@pytest.mark.parametrize("field, value, words", [
    ("step", True, "step must be a whole number ≥ 0, not True"),
    ("step", -1, "step must be a whole number ≥ 0, not -1"),
    ("step", 7.0, "step must be a whole number ≥ 0, not 7.0"),
    ("version", True, "has no valid format version"),
    ("recipe", "title", "recipe must be a table (dict) or absent, not 'title'"),
    ("optim", [1], "optim must be a table (dict) or absent, not a list"),
    ("rng", torch.zeros(2, 2), "rng must be a table (dict) or absent, not a tensor of shape (2, 2)"),
    ("extra", 3, "extra must be a table (dict) or absent, not 3"),
    ("w_avg", [0.0], "w_avg must be a tensor or absent, not a list"),
    ("G_ema", [1], "the G_ema weights are not a state dict"),
    ("D", {"w": 1}, "the D weight w is not a tensor"),
    ("D", {(1, 2): torch.zeros(1)}, "the D weights do not fit the model config: a weight name is a tuple"),
])
def test_a_field_of_the_wrong_type_is_refused_naming_the_file_and_the_field(tmp_path, ckpt, field,
                                                                             value, words):
    path, _ = ckpt
    bad = tmp_path / "fields.pt"
    torch.save({**torch.load(path, weights_only=True), field: value}, bad)
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(bad)
    text = str(info.value)
    assert text.startswith("fields.pt") and words in text and "\n" not in text, text


def test_weight_messages_name_the_file_and_the_weight_set(tmp_path, ckpt):
    path, _ = ckpt
    data = torch.load(path, weights_only=True)
    ema = dict(data["G_ema"])
    key = next(k for k, v in ema.items() if v.ndim == 4)
    ema[key] = ema[key].clone()
    ema[key].view(-1)[3] = float("inf")
    torch.save({**data, "G_ema": ema}, tmp_path / "inf.pt")
    _refused(tmp_path / "inf.pt", f"inf.pt: the G_ema weight {key} contains NaN or inf")
    ema[key] = ema[key].long()
    torch.save({**data, "G_ema": ema}, tmp_path / "ints.pt")
    _refused(tmp_path / "ints.pt", f"ints.pt: the G_ema weight {key} is a torch.int64")


def test_huge_but_finite_weights_are_not_taken_for_inf(tmp_path, ckpt):
    path, _ = ckpt
    data = torch.load(path, weights_only=True)
    g = dict(data["G"])
    key = next(k for k, v in g.items() if v.ndim == 4)
    g[key] = torch.full_like(g[key], 3e38)          # their sum overflows; every value is finite
    torch.save({**data, "G": g, "G_ema": None}, tmp_path / "huge.pt")
    assert torch.equal(load_checkpoint(tmp_path / "huge.pt").build_generator().state_dict()[key], g[key])


def test_each_build_gives_a_new_generator_with_the_chosen_weights(tmp_path, ckpt):
    path, G = ckpt
    data = torch.load(path, weights_only=True)
    ema = {k: v + 1 if v.is_floating_point() else v for k, v in data["G_ema"].items()}
    torch.save({**data, "G_ema": ema}, tmp_path / "two.pt")
    c = load_checkpoint(tmp_path / "two.pt")
    first, second, plain = c.build_generator(), c.build_generator(), c.build_generator(ema=False)
    assert first is not second and not first.training and not any(p.requires_grad for p in first.parameters())
    for built, state in ((first, ema), (second, ema), (plain, data["G"])):
        assert all(torch.equal(v, state[k]) for k, v in built.state_dict().items())


# --- temporary files left by killed writers are removed by the next write ----------------------------

def test_the_next_save_removes_stale_temp_files_of_that_checkpoint_only(tmp_path, ckpt):
    path, G = ckpt
    stale = [tmp_path / ".model.pt.abc123.tmp", tmp_path / ".model.pt.zz_9.tmp"]
    others = [tmp_path / ".other.pt.abc123.tmp", tmp_path / "model.pt.notes.tmp", tmp_path / "keep.txt"]
    for p in stale + others:
        p.write_bytes(b"left by a killed writer")
        os.utime(p, (1_000_000, 1_000_000))          # old, so stale on any platform
    save_checkpoint(path, model_config=CFG, G=G, step=8)
    assert [p.exists() for p in stale] == [False, False] and all(p.exists() for p in others)
    assert load_checkpoint(path).step == 8


@pytest.mark.skipif(os.name != "posix", reason="live writers are told apart by flock")
def test_a_temp_file_that_a_live_process_is_writing_is_kept(tmp_path, ckpt):
    import subprocess
    import sys
    path, G = ckpt
    busy = tmp_path / ".model.pt.busy.tmp"
    busy.write_bytes(b"being written")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR); fcntl.flock(fd, fcntl.LOCK_EX); "
        "print('locked', flush=True); sys.stdin.read()"), str(busy)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        save_checkpoint(path, model_config=CFG, G=G, step=8)
        assert busy.read_bytes() == b"being written"
    finally:
        holder.stdin.close()
        holder.wait(30)
    save_checkpoint(path, model_config=CFG, G=G, step=9)      # its writer is gone now
    assert not busy.exists() and load_checkpoint(path).step == 9


def test_a_write_in_progress_in_another_thread_survives_a_save_beside_it(tmp_path):
    import threading
    from ganstudio.core.checkpoint import atomic_write
    target = tmp_path / "table.json"
    entered, release, errors = threading.Event(), threading.Event(), []

    def slow(f):
        f.write(b"slow ")
        entered.set()
        assert release.wait(20)
        f.write(b"writer")

    def run():
        try:
            atomic_write(target, slow)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
    t = threading.Thread(target=run)
    t.start()
    assert entered.wait(20)
    atomic_write(target, lambda f: f.write(b"quick writer"))
    assert target.read_bytes() == b"quick writer"
    release.set()
    t.join(20)
    assert errors == [] and target.read_bytes() == b"slow writer"
    assert [p.name for p in tmp_path.iterdir()] == ["table.json"]


@pytest.mark.skipif(os.name != "posix", reason="live writers are told apart by flock")
def test_a_new_temp_file_taken_for_stale_before_it_is_locked_is_replaced(tmp_path, ckpt, monkeypatch):
    """Another process's cleaner may take a brand-new temp file for stale in the instant before
    its writer locks it; the writer notices and starts over with a new one."""
    import tempfile
    path, G = ckpt
    real_mkstemp, made = tempfile.mkstemp, []

    def mkstemp(*a, **k):
        fd, name = real_mkstemp(*a, **k)
        made.append(name)
        if len(made) == 1:
            os.unlink(name)                 # what the other process's cleaner does
        return fd, name
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    save_checkpoint(path, model_config=CFG, G=G, step=8)
    assert len(made) == 2 and load_checkpoint(path).step == 8
    assert [p.name for p in tmp_path.iterdir()] == ["model.pt"]
