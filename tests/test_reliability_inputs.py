"""Reliability catalogue, bad inputs: each case is named, refused with a clear one-line message,
and loses nothing (the good files beside it still load; the good images in a folder train).

The catalogue of bad checkpoints (``BAD_CHECKPOINTS``) is shared with the command-line and GUI
catalogues (test_reliability_cli.py, test_reliability_gui.py), which run every case through
those front ends.  Cases the loader tests in test_checkpoint.py already cover are only run
through the front ends; the loader test here takes the rest.
"""
from __future__ import annotations

import datetime
import os
import pickle
import struct
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pytest
import torch
from PIL import Image, ImageFile

from ganstudio.core.checkpoint import CheckpointError, load_checkpoint, save_checkpoint
from ganstudio.core.config import ConfigError
from ganstudio.core.nets import build_discriminator, build_generator, default_config
from ganstudio.train.data import DataError, load_dataset
from ganstudio.train.recipe import Recipe, apply_overrides


CFG = default_config("dcgan", resolution=28, base_channels=8, z_dim=8)


def good_checkpoint(folder: Path) -> Path:
    """A small, valid DCGAN checkpoint (G, D and EMA) at ``folder/good.pt``."""
    torch.manual_seed(0)
    G, D = build_generator(CFG), build_discriminator(CFG)
    return save_checkpoint(folder / "good.pt", model_config=CFG, G=G, D=D, G_ema=G, step=7,
                           recipe={"title": "good"})


# --- the catalogue of bad checkpoints ---------------------------------------------------------------

class CodeRunner:
    """Unpickling this would run ``touch $GS_MARK``: it must never happen."""

    def __reduce__(self):
        return (os.system, ("touch " + os.environ["GS_MARK"],))


def _payload(good: Path) -> dict:
    return torch.load(good, weights_only=True)


def _with(good: Path, out: Path, **changes) -> Path:
    torch.save({**_payload(good), **changes}, out)
    return out


def _weights(good: Path, change: Callable[[dict], None]) -> dict:
    g = dict(_payload(good)["G"])
    change(g)
    return g


def _first_conv(state: dict) -> str:
    return next(k for k, v in state.items() if v.ndim == 4)


def _bytes(data: bytes):
    def make(folder, good, monkeypatch):
        path = folder / "bad.pt"
        path.write_bytes(data)
        return path
    return make


def _random_bytes(folder, good, monkeypatch):
    data = bytearray(np.random.default_rng(1).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    data[:2] = b"\x13\x37"           # neither a zip archive ("PK") nor a pickle (0x80)
    return _bytes(bytes(data))(folder, good, monkeypatch)


def _raw_pickle(folder, good, monkeypatch):
    monkeypatch.setenv("GS_MARK", str(folder / "code-ran"))
    path = folder / "bad.pt"
    path.write_bytes(pickle.dumps(CodeRunner()))
    return path


def _torch_file_running_code(folder, good, monkeypatch):
    monkeypatch.setenv("GS_MARK", str(folder / "code-ran"))
    path = folder / "bad.pt"
    torch.save({"format": "ganstudio-checkpoint", "version": 1, "x": CodeRunner()}, path)
    return path


def _unreadable(folder, good, monkeypatch):
    path = folder / "bad.pt"
    path.write_bytes(good.read_bytes())
    if os.geteuid() == 0:  # root reads any file: deny this one path instead
        real, real_open = Path.read_bytes, Path.open

        def read_bytes(self):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        def open_(self, *args, **kwargs):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)
        monkeypatch.setattr(Path, "read_bytes", read_bytes)
        monkeypatch.setattr(Path, "open", open_)
    else:
        path.chmod(0)
    return path


def _directory(*names: str, dirname: str = "folder"):
    def make(folder, good, monkeypatch):
        path = folder / dirname
        path.mkdir()
        for name in names:
            (path / name).write_text("not a checkpoint")
        return path
    return make


def _saved(builder: Callable[[Path, Path], object]):
    def make(folder, good, monkeypatch):
        path = folder / "bad.pt"
        torch.save(builder(good, path), path)
        return path
    return make


@dataclass(frozen=True)
class BadCheckpoint:
    name: str                                    # the case, as the test id
    make: Callable                               # (folder, good, monkeypatch) -> path of the bad input
    words: str                                   # what the message must say
    needs_fix: str = ""                          # a known bug (the test is a strict xfail)
    in_loader_tests: bool = False                # test_checkpoint.py already tests the loader

    def param(self):
        marks = [pytest.mark.xfail(strict=True, reason=self.needs_fix)] if self.needs_fix else []
        return pytest.param(self, id=self.name, marks=marks)


BAD_CHECKPOINTS = [
    BadCheckpoint("empty_file", _bytes(b""), "empty (0 bytes)", in_loader_tests=True),
    BadCheckpoint("truncated", lambda f, g, m: _bytes(g.read_bytes()[: g.stat().st_size // 2])(f, g, m),
                  "truncated or damaged", in_loader_tests=True),
    BadCheckpoint("random_bytes", _random_bytes, "not a GAN Studio checkpoint", in_loader_tests=True),
    BadCheckpoint("zip_header_then_garbage", _bytes(b"PK\x03\x04" + bytes(range(256)) * 8),
                  "truncated or damaged"),
    BadCheckpoint("raw_pickle_that_would_run_code", _raw_pickle, "not unpickled",
                  in_loader_tests=True),
    BadCheckpoint("torch_file_that_would_run_code", _torch_file_running_code, "could run code",
                  in_loader_tests=True),
    BadCheckpoint("torch_file_of_another_structure",
                  _saved(lambda g, p: {"weights": torch.zeros(3)}), "not a GAN Studio checkpoint",
                  in_loader_tests=True),
    BadCheckpoint("torch_file_holding_a_list", _saved(lambda g, p: [torch.zeros(3), 1]),
                  "not a GAN Studio checkpoint"),
    BadCheckpoint("future_format_version", _saved(lambda g, p: {**_payload(g), "version": 99}),
                  "version 99", in_loader_tests=True),
    BadCheckpoint("format_version_zero", _saved(lambda g, p: {**_payload(g), "version": 0}),
                  "unknown checkpoint format version 0"),
    BadCheckpoint("format_version_as_text", _saved(lambda g, p: {**_payload(g), "version": "1"}),
                  "no valid format version"),
    BadCheckpoint("config_that_does_not_build",
                  _saved(lambda g, p: {**_payload(g), "model_config": {**CFG, "resolution": 40}}),
                  "model.resolution", in_loader_tests=True),
    BadCheckpoint("config_of_an_unknown_family",
                  _saved(lambda g, p: {**_payload(g), "model_config": {**CFG, "family": "biggan"}}),
                  "model.family"),
    BadCheckpoint("no_generator_weights", _saved(lambda g, p: {**_payload(g), "G": None}),
                  "holds no generator weights"),
    BadCheckpoint("tensor_of_the_wrong_shape",
                  _saved(lambda g, p: {**_payload(g), "G": _weights(
                      g, lambda s: s.__setitem__(_first_conv(s), torch.zeros(1, 1, 1, 1)))}),
                  "has shape (1, 1, 1, 1)", in_loader_tests=True),
    BadCheckpoint("missing_weights",
                  _saved(lambda g, p: {**_payload(g), "G": _weights(g, lambda s: s.pop(_first_conv(s)))}),
                  "do not fit the model config: missing"),
    BadCheckpoint("weights_with_nan",
                  _saved(lambda g, p: {**_payload(g), "G": _weights(
                      g, lambda s: s[_first_conv(s)].view(-1)[0].fill_(float("nan")))}),
                  "contains NaN or inf"),
    BadCheckpoint("unreadable_file", _unreadable, "permission denied", in_loader_tests=True),
    BadCheckpoint("missing_file", lambda f, g, m: f / "nowhere.pt", "does not exist"),
    BadCheckpoint("empty_directory", _directory(), "directory with no checkpoint", in_loader_tests=True),
    BadCheckpoint("directory_without_a_checkpoint", _directory("notes.txt", "recipe.toml"),
                  "directory with no checkpoint"),
    BadCheckpoint("directory_named_like_a_checkpoint", _directory(dirname="model.pt"),
                  "directory with no checkpoint"),
    BadCheckpoint("step_that_is_not_a_number", _saved(lambda g, p: {**_payload(g), "step": "many"}),
                  "step must be a whole number"),
    BadCheckpoint("weight_names_that_are_not_text",
                  _saved(lambda g, p: {**_payload(g), "G": {1: torch.zeros(1)}}),
                  "do not fit the model config: a weight name is 1, not text"),
    BadCheckpoint("recipe_that_is_not_a_table", _saved(lambda g, p: {**_payload(g), "recipe": [1, 2]}),
                  "recipe must be a table"),
]


def make_bad_checkpoint(case: BadCheckpoint, folder: Path, monkeypatch) -> tuple[Path, Path]:
    """(good checkpoint, bad input) in ``folder``."""
    good = good_checkpoint(folder)
    return good, case.make(folder, good, monkeypatch)


def assert_one_line_saying(message: str, case: BadCheckpoint) -> None:
    assert case.words in message, message
    assert "\n" not in message.strip() and "Traceback" not in message, message


@pytest.mark.parametrize("case", [c.param() for c in BAD_CHECKPOINTS if not c.in_loader_tests])
def test_the_loader_refuses_a_bad_checkpoint_and_the_good_one_beside_it_still_loads(
        case, tmp_path, monkeypatch):
    good, bad = make_bad_checkpoint(case, tmp_path, monkeypatch)
    before = good.read_bytes()
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(bad)
    assert_one_line_saying(str(info.value), case)
    assert not (tmp_path / "code-ran").exists()
    assert good.read_bytes() == before
    ck = load_checkpoint(good)
    assert ck.step == 7 and ck.build_generator().z_dim == 8


# --- image folders ----------------------------------------------------------------------------------

def _png(path: Path, colour=(10, 20, 30), size=(8, 8), mode="RGB") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, colour).save(path)
    return path


def _folder(root: Path, **kw) -> dict:
    return {"kind": "folder", "path": str(root), **kw}


def test_a_folder_of_only_non_images_is_a_clear_error(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "table.csv").write_text("a,b\n1,2\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "readme.md").write_text("# nothing to see")
    with pytest.raises(DataError) as e:
        load_dataset(_folder(tmp_path), resolution=8)
    assert "no image files" in str(e.value) and str(tmp_path) in str(e.value)


def test_a_real_decompression_bomb_is_refused_without_being_decoded(tmp_path, monkeypatch):
    # 12000 x 12000 one-bit pixels: an 18 kB file that would decode to 144 megapixels, above
    # Pillow's default limit (which only warns below twice the limit: the loader must refuse it).
    Image.new("1", (12_000, 12_000)).save(tmp_path / "bomb.png")
    assert (tmp_path / "bomb.png").stat().st_size < 100_000
    _png(tmp_path / "fine.png")
    decoded = []
    real_load = ImageFile.ImageFile.load

    def load(self):
        decoded.append(self.size)
        return real_load(self)
    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    ds = load_dataset(_folder(tmp_path), resolution=8)
    assert ds.items == ["fine.png"] and tuple(ds.data[0, :, 0, 0].tolist()) == (10, 20, 30)
    assert [name for name, _ in ds.skipped] == ["bomb.png"]
    assert "decompression bomb" in ds.skipped[0][1] and "12000x12000" in ds.skipped[0][1]
    assert (12_000, 12_000) not in decoded
    assert "bomb.png (decompression bomb" in ds.summary()


def test_a_broken_symlink_and_an_unreadable_image_are_skipped_by_name(tmp_path, monkeypatch):
    _png(tmp_path / "a.png", (1, 2, 3))
    _png(tmp_path / "b.png", (4, 5, 6))
    locked = _png(tmp_path / "locked.png")
    os.symlink(tmp_path / "gone.png", tmp_path / "dangling.png")
    if os.geteuid() == 0:  # root opens any file: deny this one
        real_open = Image.open

        def deny(fp, *a, **k):
            if Path(fp) == locked:
                raise PermissionError(13, "Permission denied", str(fp))
            return real_open(fp, *a, **k)
        monkeypatch.setattr(Image, "open", deny)
    else:
        locked.chmod(0)
    ds = load_dataset(_folder(tmp_path), resolution=8)
    assert ds.items == ["a.png", "b.png"]
    assert ds.data[:, :, 0, 0].tolist() == [[1, 2, 3], [4, 5, 6]]
    reasons = dict(ds.skipped)
    assert set(reasons) == {"dangling.png", "locked.png"}
    assert reasons["dangling.png"] == "broken symbolic link"
    assert "Permission denied" in reasons["locked.png"]


def test_fewer_images_than_the_batch_size_still_trains(tmp_path):
    from ganstudio.train.trainer import Trainer
    for i in range(3):
        _png(tmp_path / "img" / f"{i}.png", (80 * i, 0, 0), mode="RGB")
    recipe = Recipe.from_dict({
        "model": {"family": "mlp", "resolution": 8, "channels": 1, "z_dim": 4, "hidden": [16]},
        "data": _folder(tmp_path / "img"),
        "train": {"steps": 3, "batch": 16, "log_every": 1, "sample_every": 0,
                  "checkpoint_every": 0, "device": "cpu", "threads": 1}})
    t = Trainer(recipe, None)
    assert len(t.data) == 3 and t.data.skipped == []
    events = []
    t.add_listener(events.append)
    assert t.run() == "done"
    logs = [e for e in events if e["type"] == "log"]
    assert len(logs) == 3 and all(np.isfinite([e["loss_d"], e["loss_g"]]).all() for e in logs)


# --- IDX files (the header cases are in test_data.py) -----------------------------------------------

def _idx(arr: np.ndarray) -> bytes:
    return bytes([0, 0, 0x08, arr.ndim]) + struct.pack(f">{arr.ndim}I", *arr.shape) + arr.tobytes()


def test_an_idx_file_with_no_images_is_refused(tmp_path):
    path = tmp_path / "none.idx"
    path.write_bytes(_idx(np.zeros((0, 28, 28), np.uint8)))
    with pytest.raises(DataError, match="holds no images") as e:
        load_dataset({"kind": "idx", "path": str(path)})
    assert str(path) in str(e.value)


def test_a_forged_idx_header_with_huge_sizes_is_refused_without_overflow(tmp_path):
    path = tmp_path / "huge.idx"
    path.write_bytes(bytes([0, 0, 0x08, 3]) + struct.pack(">3I", *([0xFFFF_FFFF] * 3)) + b"\0" * 16)
    with pytest.raises(DataError) as e:
        load_dataset({"kind": "idx", "path": str(path)})
    text = str(e.value)
    assert "truncated" in text and "-" not in text.split("(")[-1], text  # no negative byte count


# --- recipes (the value checks are in test_recipe.py) -----------------------------------------------

def test_overrides_work_on_a_recipe_holding_a_toml_date(tmp_path):
    path = tmp_path / "dated.toml"
    path.write_text('title = "dated"\nwritten = 2024-05-01\n[model]\nfamily = "toy"\n'
                    'data_dim = 2\n[data]\nkind = "toy"\n')
    with pytest.raises(ConfigError) as e:
        Recipe.load(path, ["train.steps=5"])
    assert e.value.key == "written" and "unknown key" in str(e.value)


def test_overrides_never_change_the_recipe_they_are_applied_to():
    base = {"title": "x", "when": datetime.date(2024, 5, 1), "train": {"steps": 10}}
    out = apply_overrides(base, ["train.steps=20", "model.family=toy"])
    assert base == {"title": "x", "when": datetime.date(2024, 5, 1), "train": {"steps": 10}}
    assert out["train"]["steps"] == 20 and out["model"] == {"family": "toy"}


def test_a_recipe_that_is_not_readable_text_is_a_one_line_error(tmp_path):
    path = tmp_path / "binary.toml"
    path.write_bytes(b"\xff\xfe\x00garbage\x00")
    with pytest.raises(ConfigError) as e:
        Recipe.load(path)
    assert "binary.toml" in str(e.value) and "\n" not in str(e.value)


def test_loading_a_folder_does_not_hang_on_a_fifo(tmp_path):
    """A named pipe named like an image would block a reader forever: it is not a file."""
    _png(tmp_path / "a.png")
    os.mkfifo(tmp_path / "pipe.png")
    result = {}
    t = threading.Thread(target=lambda: result.update(ds=load_dataset(_folder(tmp_path), resolution=8)),
                         daemon=True)
    t.start()
    t.join(timeout=30)
    assert not t.is_alive(), "a FIFO among the images blocked the loader"
    assert result["ds"].items == ["a.png"]
