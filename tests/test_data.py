"""Training data: IDX / Fashion-MNIST, image folders, emoji, toy sets, sampling."""
from __future__ import annotations

import gzip
import io
import os
import struct
import threading

import numpy as np
import pytest
import torch
from PIL import Image

from ganstudio.core.config import ConfigError
from ganstudio.train import emoji, imagefolder, imageops
from ganstudio.train.data import (DataConfig, DataError, TensorDataset, emoji_font_path,
                                  load_dataset, read_idx)

FMNIST = "/usr/share/datasets/fashion-mnist/"
needs_fmnist = pytest.mark.skipif(
    not os.path.isfile(os.path.join(FMNIST, "train-images-idx3-ubyte.gz")),
    reason="Debian's Fashion-MNIST IDX files are not installed")
needs_emoji_font = pytest.mark.skipif(emoji_font_path() is None,
                                      reason="Noto Color Emoji is not installed")


# --- IDX / Fashion-MNIST -------------------------------------------------------------------------

def idx_bytes(arr: np.ndarray, type_code: int = 0x08) -> bytes:
    header = bytes([0, 0, type_code, arr.ndim]) + struct.pack(f">{arr.ndim}I", *arr.shape)
    return header + arr.astype(arr.dtype.newbyteorder(">")).tobytes()


def write(path, data: bytes, gz: bool):
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@needs_fmnist
def test_fashion_mnist_train_loads_with_labels():
    ds = load_dataset({"kind": "fashion_mnist"})
    assert ds.kind == "image" and ds.data.dtype == torch.uint8
    assert tuple(ds.data.shape) == (60000, 1, 28, 28)
    assert ds.labels.dtype == torch.int64 and ds.labels.shape == (60000,)
    assert torch.bincount(ds.labels).tolist() == [6000] * 10
    assert ds.labels[:3].tolist() == [9, 0, 0]  # ankle boot, T-shirt, T-shirt
    assert ds.classes[9] == "Ankle boot"


@needs_fmnist
def test_fashion_mnist_pads_28_to_32_and_replicates_grey():
    native = load_dataset({"kind": "fashion_mnist", "split": "test", "limit": 300})
    ds = load_dataset({"kind": "fashion_mnist", "split": "test", "limit": 300},
                      resolution=32, channels=3)
    assert tuple(ds.data.shape) == (300, 3, 32, 32) and len(ds.labels) == 300
    border = torch.ones(32, 32, dtype=torch.bool)
    border[2:30, 2:30] = False
    assert ds.data[:, :, border].eq(0).all()
    assert torch.equal(ds.data[:, 0, 2:30, 2:30], native.data[:, 0])
    assert torch.equal(ds.data[:, 0], ds.data[:, 2])


@pytest.mark.parametrize("gz", [False, True])
def test_read_idx_round_trip(tmp_path, gz):
    arr = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    assert np.array_equal(read_idx(write(tmp_path / "a", idx_bytes(arr), gz)), arr)
    f32 = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)
    got = read_idx(write(tmp_path / "b", idx_bytes(f32, 0x0D), gz))
    assert got.dtype == np.float32 and np.array_equal(got, f32)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("case, message", [
    ("magic", "not an IDX file"), ("type", "unknown IDX data type"),
    ("short", "truncated"), ("long", "wrong sizes"), ("header", "truncated IDX header")])
def test_read_idx_errors(tmp_path, gz, case, message):
    good = idx_bytes(np.zeros((4, 5, 5), np.uint8))
    data = {"magic": b"\x08\x03" + good[2:], "type": good[:2] + b"\x07" + good[3:],
            "short": good[:-7], "long": good + b"\x00" * 3, "header": good[:9]}[case]
    path = write(tmp_path / f"x-{case}", data, gz)
    with pytest.raises(DataError, match=message) as e:
        read_idx(path)
    assert str(path) in str(e.value)


def test_read_idx_truncated_gzip_stream(tmp_path):
    data = gzip.compress(idx_bytes(np.zeros((50, 28, 28), np.uint8)))
    path = tmp_path / "cut.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match="truncated"):
        read_idx(path)


def test_idx_kind_with_labels_resize_and_label_mismatch(tmp_path):
    images = np.zeros((5, 20, 20), np.uint8)
    images[:, :, 10:] = 200
    img = write(tmp_path / "img.idx", idx_bytes(images), True)
    lab = write(tmp_path / "lab.idx", idx_bytes(np.arange(5, dtype=np.uint8)), False)
    ds = load_dataset({"kind": "idx", "path": str(img), "labels_path": str(lab)}, resolution=10)
    assert tuple(ds.data.shape) == (5, 1, 10, 10) and ds.labels.tolist() == [0, 1, 2, 3, 4]
    assert ds.data[:, 0, :, :4].max() <= 5 and ds.data[:, 0, :, 6:].min() >= 195  # Lanczos
    bad = write(tmp_path / "lab3.idx", idx_bytes(np.arange(3, dtype=np.uint8)), False)
    with pytest.raises(DataError, match="3 labels for 5 images"):
        load_dataset({"kind": "idx", "path": str(img), "labels_path": str(bad)})


# --- image folders --------------------------------------------------------------------------------

BG = (0, 0, 255)


def save(img: Image.Image, path, **kw):
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, **kw)


def make_mode_zoo(root):
    """One uniform image per mode/format; returns {file: expected RGB at the centre}."""
    expect = {}
    save(Image.new("L", (12, 12), 100), root / "grey.png"); expect["grey.png"] = (100,) * 3
    save(Image.new("RGB", (12, 12), (10, 200, 30)), root / "rgb.png")
    expect["rgb.png"] = (10, 200, 30)
    save(Image.new("RGBA", (12, 12), (255, 0, 0, 128)), root / "sub/rgba.png")
    expect["sub/rgba.png"] = (128, 0, 127)  # half red over the blue background
    pal = Image.new("P", (12, 12), 0)
    pal.putpalette([0, 255, 0, 255, 255, 0] + [0] * 762)
    save(pal, root / "sub/deeper/pal.png", transparency=0)
    expect["sub/deeper/pal.png"] = BG  # every pixel uses the transparent index
    save(Image.new("CMYK", (16, 16), (0, 255, 255, 0)), root / "cmyk.jpg", quality=95)
    expect["cmyk.jpg"] = (255, 0, 0)
    save(Image.fromarray(np.full((9, 9), 65535, np.uint16)), root / "white16.png")
    expect["white16.png"] = (255,) * 3
    save(Image.fromarray(np.full((9, 9), 128 * 257, np.uint16)), root / "grey16.png")
    expect["grey16.png"] = (128,) * 3
    save(Image.new("RGB", (1, 1), (1, 2, 3)), root / "one_pixel.png")
    expect["one_pixel.png"] = (1, 2, 3)
    gif = Image.new("P", (12, 12), 0)
    gif.putpalette([0, 0, 250] + [0] * 765)
    save(gif, root / "anim.gif")
    expect["anim.gif"] = (0, 0, 250)
    save(Image.new("RGB", (12, 12), (200, 100, 50)), root / "lossless.webp", lossless=True)
    expect["lossless.webp"] = (200, 100, 50)
    save(Image.new("RGB", (12, 12), (7, 77, 177)), root / "bitmap.BMP")
    expect["bitmap.BMP"] = (7, 77, 177)
    save(Image.new("LA", (12, 12), (0, 0)), root / "clear_la.png")
    expect["clear_la.png"] = BG
    wide = Image.new("RGB", (30, 10), (255, 0, 0))
    wide.paste((0, 255, 0), (10, 0, 20, 10))  # the centre square is green
    save(wide, root / "wide.png"); expect["wide.png"] = (0, 255, 0)
    return expect


def folder_cfg(root, **kw):
    return {"kind": "folder", "path": str(root), "background": "#0000ff", **kw}


def test_folder_decodes_every_mode_to_the_right_colour(tmp_path):
    expect = make_mode_zoo(tmp_path)
    (tmp_path / "notes.txt").write_text("not an image, and not named like one")
    save(Image.new("RGB", (4, 4)), tmp_path / ".hidden.png")
    ds = load_dataset(folder_cfg(tmp_path), resolution=8, channels=3)
    assert sorted(ds.items) == sorted(expect) and ds.skipped == []
    assert ds.data.dtype == torch.uint8 and tuple(ds.data.shape[1:]) == (3, 8, 8)
    for name, img in zip(ds.items, ds.data):
        tol = 12 if name.endswith(".jpg") else 1
        got = img[:, 4, 4].tolist()
        assert np.allclose(got, expect[name], atol=tol), (name, got, expect[name])
        assert (img.int() - img[:, 4:5, 4:5].int()).abs().max() <= tol, name  # uniform
    grey = load_dataset(folder_cfg(tmp_path), resolution=8, channels=1)
    by_name = dict(zip(grey.items, grey.data))
    assert by_name["rgb.png"].shape == (1, 8, 8)
    assert abs(int(by_name["rgb.png"][0, 4, 4]) - 124) <= 1  # ITU-R 601 luma of (10,200,30)


def test_palette_transparency_and_alpha_composite_on_background(tmp_path):
    pal = Image.new("P", (16, 16), 1)
    pal.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    pal.paste(0, (0, 0, 8, 16))  # left half: transparent index 0
    save(pal, tmp_path / "half.gif", transparency=0)
    ds = load_dataset(folder_cfg(tmp_path, background="#00ff00"), resolution=16)
    img = ds.data[0]
    assert img[:, 8, 1].tolist() == [0, 255, 0] and img[:, 8, 14].tolist() == [255, 0, 0]


def test_sixteen_bit_and_integer_modes_convert_to_8_bit():
    be = Image.frombytes("I;16B", (2, 1), struct.pack(">2H", 65535, 257))
    assert np.asarray(imageops.to_8bit(be)).tolist() == [[255, 1]]
    i32 = Image.fromarray(np.array([[0, 32896, 65535]], np.int32))
    assert i32.mode == "I"
    assert np.asarray(imageops.to_8bit(i32)).tolist() == [[0, 128, 255]]
    f = Image.fromarray(np.array([[0.0, 0.5, 1.0]], np.float32))
    assert np.asarray(imageops.to_8bit(f)).tolist() == [[0, 128, 255]]
    assert imageops.to_8bit(Image.new("1", (2, 2), 1)).getpixel((0, 0)) == 255


def jpeg_bytes() -> bytes:
    buf = io.BytesIO()
    Image.fromarray((np.random.default_rng(0).random((64, 64, 3)) * 255).astype(np.uint8)) \
        .save(buf, "JPEG", quality=90)
    return buf.getvalue()


def test_unreadable_files_are_skipped_and_named(tmp_path):
    save(Image.new("RGB", (8, 8), (9, 9, 9)), tmp_path / "good.png")
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "cut.jpg").write_bytes(jpeg_bytes()[:600])
    (tmp_path / "text.webp").write_text("hello, I am not a picture")
    ds = load_dataset(folder_cfg(tmp_path), resolution=8)
    assert len(ds) == 1 and ds.items == ["good.png"]
    reasons = dict(ds.skipped)
    assert reasons == {"empty.png": "empty file", "cut.jpg": "truncated",
                       "text.webp": "not an image"}
    text = ds.summary()
    assert "3 files skipped" in text and "cut.jpg (truncated)" in text and "empty.png" in text


def test_empty_or_unreadable_folders_are_clear_errors(tmp_path):
    with pytest.raises(DataError, match="no image files"):
        load_dataset(folder_cfg(tmp_path))
    with pytest.raises(DataError, match="not found"):
        load_dataset(folder_cfg(tmp_path / "missing"))
    (tmp_path / "bad.png").write_bytes(b"\x89PNG nonsense")
    with pytest.raises(DataError, match=r"none of the 1 image files.*bad\.png \(") as e:
        load_dataset(folder_cfg(tmp_path))
    assert "could be read" in str(e.value)


def test_unreadable_subfolder_is_skipped_with_a_reason(tmp_path, monkeypatch):
    save(Image.new("RGB", (8, 8)), tmp_path / "ok/a.png")
    save(Image.new("RGB", (8, 8)), tmp_path / "locked/b.png")
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(os.path.normpath(path)) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)  # works even when the tests run as root
    ds = load_dataset(folder_cfg(tmp_path), resolution=8)
    assert ds.items == ["ok/a.png"]
    assert ds.skipped == [("locked/", "unreadable folder: Permission denied")]


def test_symlink_loops_do_not_hang(tmp_path):
    save(Image.new("RGB", (8, 8), (1, 1, 1)), tmp_path / "a/x.png")
    os.symlink(tmp_path, tmp_path / "a/up")        # a/up -> root -> a -> ...
    os.symlink(tmp_path / "a", tmp_path / "a/self")
    result = {}
    t = threading.Thread(target=lambda: result.update(ds=load_dataset(folder_cfg(tmp_path))),
                         daemon=True)
    t.start()
    t.join(timeout=30)
    assert not t.is_alive(), "scanning a folder with symbolic-link loops hung"
    assert result["ds"].items == ["a/x.png"]


def test_decompression_bombs_are_refused(tmp_path, monkeypatch):
    save(Image.new("RGB", (20, 20)), tmp_path / "fine.png")        # 400 px
    save(Image.new("RGB", (40, 40)), tmp_path / "warns.png")       # > limit (Pillow warns)
    save(Image.new("RGB", (100, 100)), tmp_path / "raises.png")    # > 2x limit (Pillow raises)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    ds = load_dataset(folder_cfg(tmp_path), resolution=8)
    assert ds.items == ["fine.png"]
    assert sorted(name for name, _ in ds.skipped) == ["raises.png", "warns.png"]
    assert all("decompression bomb" in reason for _, reason in ds.skipped)


def test_folder_cache_hit_decodes_nothing(tmp_path, monkeypatch):
    make_mode_zoo(tmp_path)
    (tmp_path / "empty.png").write_bytes(b"")
    calls = []
    progress = []
    first = load_dataset(folder_cfg(tmp_path), resolution=8,
                         progress=lambda d, t: progress.append((d, t)))
    assert progress[-1] == (len(first) + 1, len(first) + 1)
    assert all(b[0] >= a[0] for a, b in zip(progress, progress[1:]))

    real_decode = imagefolder.decode_image

    def counting_decoder(*args):
        calls.append(args)
        return real_decode(*args)
    monkeypatch.setattr(imagefolder, "decode_image", counting_decoder)
    second = load_dataset(folder_cfg(tmp_path), resolution=8)
    assert calls == []
    assert torch.equal(first.data, second.data) and first.items == second.items
    assert second.skipped == [("empty.png", "empty file")]
    # another resolution, or a changed file (size / mtime), is a cache miss
    load_dataset(folder_cfg(tmp_path), resolution=4)
    assert len(calls) == len(first) + 1
    save(Image.new("RGB", (5, 5), (1, 2, 3)), tmp_path / "rgb.png")
    third = load_dataset(folder_cfg(tmp_path), resolution=8)
    assert len(calls) == 2 * (len(first) + 1)
    assert third.data[third.items.index("rgb.png"), :, 0, 0].tolist() == [1, 2, 3]


def test_folder_limit_keeps_first_files(tmp_path):
    for i in range(5):
        save(Image.new("L", (4, 4), i * 10), tmp_path / f"{i}.png")
    ds = load_dataset(folder_cfg(tmp_path, limit=3), resolution=4, channels=1)
    assert ds.items == ["0.png", "1.png", "2.png"]
    assert ds.data[:, 0, 0, 0].tolist() == [0, 10, 20]


def test_mirror_appends_flipped_copies_with_their_names(tmp_path):
    img = Image.new("L", (4, 4), 0)
    img.putpixel((0, 1), 200)  # one bright pixel on the left edge
    save(img, tmp_path / "a.png")
    ds = load_dataset(folder_cfg(tmp_path, mirror=True), resolution=4, channels=1)
    assert len(ds) == 2 and ds.items == ["a.png", "a.png (mirrored)"]
    assert ds.data[0, 0, 1, 0] == 200 and ds.data[1, 0, 1, 3] == 200
    assert ds.data[1, 0, 1, 0] == 0
    with pytest.raises(ConfigError, match="data.mirror"):
        load_dataset({"kind": "toy", "mirror": True})


# --- emoji ----------------------------------------------------------------------------------------

@needs_emoji_font
def test_emoji_faces_render_distinct_colour_images(monkeypatch):
    cfg = {"kind": "emoji", "emoji_subset": "faces", "background": "#ffffff"}
    ds = load_dataset(cfg, resolution=24)
    assert ds.kind == "image" and tuple(ds.data.shape[1:]) == (3, 24, 24)
    flat = ds.data.reshape(len(ds), -1)
    assert len(ds) > 50 and len(torch.unique(flat, dim=0)) == len(ds)
    rgb = ds.data.int()
    colourful = ((rgb.max(1).values - rgb.min(1).values) > 60).flatten(1).float().mean(1)
    assert (colourful > 0.05).float().mean() > 0.9  # colour glyphs, not outlines or tofu
    assert ds.data[:, :, 0, 0].eq(255).float().mean() > 0.8  # corners show the background
    gestures = [*range(0x1F645, 0x1F648), *range(0x1F64B, 0x1F650)]  # people, not faces
    assert "😀" in ds.items and not any(ord(c) in gestures for t in ds.items for c in t)
    monkeypatch.setattr(emoji, "render_glyph", lambda *a: pytest.fail("rendered on a cache hit"))
    again = load_dataset(cfg, resolution=24)
    assert torch.equal(again.data, ds.data)


def test_missing_emoji_font_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(emoji, "KNOWN_FONT_PATHS", ())
    monkeypatch.setattr(emoji.shutil, "which", lambda name: None)
    monkeypatch.delenv("GANSTUDIO_EMOJI_FONT", raising=False)
    assert emoji_font_path() is None
    with pytest.raises(DataError, match="fonts-noto-color-emoji"):
        load_dataset({"kind": "emoji"})


# --- toy sets -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, n_modes, radius_or_spacing, sigma",
                         [("ring8", 8, 1.0, 0.01), ("grid25", 25, 2.0, 0.05)])
def test_toy_mixtures_have_the_right_modes_and_spread(name, n_modes, radius_or_spacing, sigma):
    ds = load_dataset({"kind": "toy", "toy": name, "toy_samples": 50_000})
    modes = ds.modes.numpy()
    assert modes.shape == (n_modes, 2) and ds.sigma == sigma
    if name == "ring8":
        assert np.allclose(np.linalg.norm(modes, axis=1), 1.0)
        assert np.allclose(sorted(np.arctan2(modes[:, 1], modes[:, 0]) % (2 * np.pi)),
                           np.arange(8) * np.pi / 4)
    else:
        assert sorted(set(modes[:, 0].round(6))) == [-4, -2, 0, 2, 4]
    x = ds.data.numpy().astype(np.float64)
    nearest = np.argmin(((x[:, None] - modes[None]) ** 2).sum(-1), axis=1)
    counts = np.bincount(nearest, minlength=n_modes) / len(x)
    assert np.allclose(counts, 1 / n_modes, atol=0.01)
    resid = x - modes[nearest]
    assert np.allclose(resid.std(0), sigma, rtol=0.05) and np.allclose(resid.mean(0), 0,
                                                                         atol=sigma / 20)
    peak = ds.density(modes[:1])[0]
    assert peak == pytest.approx(1 / (n_modes * 2 * np.pi * sigma ** 2), rel=1e-6)


def test_gauss1d_and_spiral_statistics_and_densities():
    g = load_dataset({"kind": "toy", "toy": "gauss1d", "toy_samples": 40_000})
    assert tuple(g.data.shape) == (40_000, 1) and g.modes is None
    assert float(g.data.mean()) == pytest.approx(5.0, abs=0.03)
    assert float(g.data.std()) == pytest.approx(1.0, abs=0.03)
    assert g.density(np.array([5.0]))[0] == pytest.approx(1 / np.sqrt(2 * np.pi))
    xs = np.linspace(-5, 15, 4001)
    assert np.trapezoid(g.density(xs), xs) == pytest.approx(1.0, abs=1e-6)
    s = load_dataset({"kind": "toy", "toy": "spiral", "toy_samples": 20_000})
    ticks = np.linspace(-2.4, 2.4, 481)
    grid = np.stack(np.meshgrid(ticks, ticks, indexing="ij"), -1).reshape(-1, 2)
    dens = s.density(torch.from_numpy(grid.astype(np.float32)))  # tensors are accepted too
    assert dens.sum() * (ticks[1] - ticks[0]) ** 2 == pytest.approx(1.0, abs=0.01)
    assert s.density(s.data[:2000]).mean() > 8 * dens.mean()  # the samples sit on the spiral
    again = load_dataset({"kind": "toy", "toy": "spiral", "toy_samples": 20_000})
    assert torch.equal(again.data, s.data)  # drawn from a fixed seed


# --- sampling ------------------------------------------------------------------------------------

class CountingTensor(torch.Tensor):
    """A tensor that counts how often Python gathers rows from it (indexing or index_select)."""
    index_calls = 0

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func in (torch.Tensor.__getitem__, torch.index_select, torch.Tensor.index_select):
            CountingTensor.index_calls += 1
        return super().__torch_function__(func, types, args, kwargs or {})


def test_sample_shape_range_device_and_one_gather():
    images = torch.randint(0, 256, (50, 3, 8, 8), dtype=torch.uint8)
    ds = TensorDataset("t", "image", images.as_subclass(CountingTensor))
    CountingTensor.index_calls = 0
    x = ds.sample(4096, torch.Generator().manual_seed(1))
    assert CountingTensor.index_calls == 1  # one gather for the whole batch
    assert x.shape == (4096, 3, 8, 8) and x.dtype == torch.float32 and x.device == images.device
    assert float(x.min()) >= -1 and float(x.max()) <= 1
    a = ds.sample(64, torch.Generator().manual_seed(7)).as_subclass(torch.Tensor)
    b = ds.sample(64, torch.Generator().manual_seed(7)).as_subclass(torch.Tensor)
    c = ds.sample(64, torch.Generator().manual_seed(8)).as_subclass(torch.Tensor)
    assert torch.equal(a, b) and not torch.equal(a, c)
    levels = (a + 1) * 127.5  # every value maps back to a stored uint8 exactly
    assert torch.allclose(levels, levels.round(), atol=1e-4)
    rows = images.flatten(1)
    assert all((rows == v.round().to(torch.uint8).flatten()).all(1).any()
               for v in levels[:8])  # each sample is one of the stored images
    assert ds.to("cpu") is ds
    toy = load_dataset({"kind": "toy", "toy": "ring8", "toy_samples": 1000})
    pts = toy.sample(300)
    assert pts.shape == (300, 2) and pts.dtype == torch.float32
    assert torch.isin(pts[:, 0], toy.data[:, 0]).all()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_sample_on_cuda():
    ds = load_dataset({"kind": "toy", "toy": "grid25", "toy_samples": 1000}).to("cuda")
    gen = torch.Generator("cuda").manual_seed(0)
    assert ds.sample(10, gen).device.type == "cuda"


def test_preview_and_toy_preview():
    images = torch.randint(0, 256, (5, 3, 6, 6), dtype=torch.uint8)
    ds = TensorDataset("t", "image", images)
    p = ds.preview(2)
    assert p.shape == (2, 6, 6, 3) and p.dtype == np.uint8
    assert np.array_equal(p[1], images[1].permute(1, 2, 0).numpy())
    toy = load_dataset({"kind": "toy", "toy": "gauss1d", "toy_samples": 100})
    with pytest.raises(DataError):
        toy.preview(4)
    with pytest.raises(DataError):
        ds.density(np.zeros((1, 2)))


# --- configuration ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cfg, key", [
    ({"kind": "pictures"}, "data.kind"),
    ({"kind": "folder"}, "data.path"),
    ({"kind": "idx", "path": "  "}, "data.path"),
    ({"kind": "toy", "toy": "ring9"}, "data.toy"),
    ({"kind": "toy", "toy_samples": 0}, "data.toy_samples"),
    ({"kind": "toy", "path": "/tmp"}, "data.path"),
    ({"kind": "emoji", "emoji_subset": "cars"}, "data.emoji_subset"),
    ({"kind": "emoji", "background": "white"}, "data.background"),
    ({"kind": "emoji", "background": "#12345"}, "data.background"),
    ({"kind": "fashion_mnist", "limit": -1}, "data.limit"),
    ({"kind": "fashion_mnist", "split": "validation"}, "data.split"),
    ({"kind": "folder", "path": "x", "labels_path": "y"}, "data.labels_path"),
    ({"kind": "toy", "colour": "red"}, "data.colour"),
    ({"kind": "toy", "limit": "10"}, "data.limit"),
])
def test_config_errors_name_the_key(cfg, key):
    with pytest.raises(ConfigError) as e:
        load_dataset(cfg)
    assert e.value.key == key and str(e.value).startswith(key)


def test_config_defaults_and_bad_arguments():
    cfg = DataConfig()
    assert (cfg.kind, cfg.split, cfg.toy, cfg.toy_samples, cfg.background) == \
        ("fashion_mnist", "train", "ring8", 100_000, "#ffffff")
    with pytest.raises(ConfigError, match="data.path"):
        load_dataset(DataConfig(kind="folder"))
    with pytest.raises(DataError, match="channels"):
        load_dataset({"kind": "toy"}, channels=2)
