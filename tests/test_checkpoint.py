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

        def deny(self):
            raise PermissionError(13, "Permission denied", str(self))
        monkeypatch.setattr(Path, "read_bytes", deny)
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
