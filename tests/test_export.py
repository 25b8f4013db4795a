"""`ganstudio export` and ganstudio.core.export: files of the right size, sidecars that
reproduce the same pixels, one-line errors."""

import numpy as np
import pytest
import torch
from PIL import Image

from explorer_models import dcgan_generator, export_cli as cli, one_torch_thread, save, style_generator
from ganstudio.core import export as E
from ganstudio.core import requests as R
from ganstudio.core.imaging import mp4_available, to_uint8
from ganstudio.core.render import Sidecar

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(scope="module")
def ckpts(tmp_path_factory):
    d = tmp_path_factory.mktemp("ckpt")
    run = d / "run"
    save(run / "checkpoints" / "step_000010.pt", style_generator(1), step=10)
    save(run / "checkpoints" / "latest.pt", style_generator(), step=20)
    return {"style": save(d / "style.pt", style_generator()), "other": save(d / "other.pt", style_generator(5)),
            "dcgan": save(d / "dcgan.pt", dcgan_generator()), "run": run}


def png(path):
    return np.asarray(Image.open(path))


def frames(path):
    im = Image.open(path)
    out = []
    for i in range(getattr(im, "n_frames", 1)):
        im.seek(i)
        out.append(np.asarray(im.convert("L")))
    return out


def test_grid_png_has_the_right_size_and_the_sidecar_reproduces_it_exactly(ckpts, tmp_path, capsys):
    out, side, lat = tmp_path / "grid.png", tmp_path / "grid.json", tmp_path / "grid.npy"
    assert cli(ckpts["style"], "--grid", "3x4", "--seed", 5, "--psi", 0.7, "--padding", 1, "--upscale", 2,
               "--out", out, "--sidecar-out", side, "--latents-out", lat) == 0
    assert "wrote" in capsys.readouterr().out
    img = png(out)
    assert img.shape == (3 * 33 + 1, 4 * 33 + 1)
    sc = Sidecar.read(side)
    assert sc.seeds == list(range(5, 17)) and sc.request.psi == 0.7
    assert sc.checkpoint_sha256 and sc.model["family"] == "stylegan"
    again = tmp_path / "again.png"
    assert cli("--from", side, "--out", again) == 0
    assert np.array_equal(png(again), img)
    # the .npy holds exactly what went into the synthesis network
    ws = np.load(lat)
    assert ws.shape == (12, 6, 10)
    G = style_generator()
    first = to_uint8(G.synthesis(torch.from_numpy(ws), noise_mode="const"))[0]
    assert np.array_equal(np.repeat(np.repeat(first[..., 0], 2, 0), 2, 1), img[1:33, 1:33])


def test_a_sidecar_refuses_another_model(ckpts, tmp_path, capsys):
    side = tmp_path / "s.json"
    assert cli(ckpts["style"], "--grid", "1x2", "--out", tmp_path / "g.png", "--sidecar-out", side) == 0
    capsys.readouterr()
    assert cli(ckpts["other"], "--from", side, "--out", tmp_path / "x.png") == 2
    err = capsys.readouterr().err.strip()
    assert "s.json was made with style.pt" in err and "not with other.pt" in err and len(err.splitlines()) == 1


def test_random_noise_and_mixing_grids_reproduce_exactly(ckpts, tmp_path):
    for args, name in ((["--grid", "2x2", "--noise", "random", "--noise-seed", 3], "noise.png"),
                       (["--mix", "1,2x3,4,5", "--styles", "middle"], "mix.png")):
        out, side = tmp_path / name, tmp_path / (name + ".json")
        assert cli(ckpts["style"], *args, "--out", out, "--sidecar-out", side) == 0
        assert cli("--from", side) == 0
        assert np.array_equal(png(tmp_path / name.replace(".png", "-reproduced.png")), png(out))
    assert png(tmp_path / "mix.png").shape == (3 * 18 + 2, 4 * 18 + 2)


def test_interpolation_animations_and_strips(ckpts, tmp_path):
    gif = tmp_path / "walk.gif"
    assert cli(ckpts["style"], "--interp", "1,2,3", "--frames", 7, "--mode", "lerp", "--space", "w",
               "--upscale", 3, "--fps", 10, "--out", gif, "--sidecar-out", tmp_path / "walk.json") == 0
    fr = frames(gif)
    assert len(fr) == 7 and fr[0].shape == (48, 48)
    assert cli("--from", tmp_path / "walk.json", "--out", tmp_path / "walk2.gif") == 0
    assert all(np.array_equal(a, b) for a, b in zip(frames(tmp_path / "walk2.gif"), fr))
    webp = tmp_path / "walk.webp"
    assert cli(ckpts["style"], "--interp", "1,2", "--frames", 4, "--out", webp) == 0
    assert len(frames(webp)) == 4
    strip = tmp_path / "strip.png"
    assert cli(ckpts["style"], "--interp", "1,2", "--frames", 5, "--out", strip) == 0
    assert png(strip).shape == (20, 5 * 18 + 2)


def test_sweeps_of_a_dimension_a_pca_and_a_sefa_direction(ckpts, tmp_path):
    for target, extra in (("3", []), ("pca0", ["--layers", "0:3"]), ("sefa1", [])):
        out = tmp_path / f"sweep_{target}.png"
        assert cli(ckpts["style"], "--sweep", target, "--steps", 6, "--seed", 2, *extra, "--out", out) == 0
        img = png(out)
        assert img.shape == (20, 6 * 18 + 2)
        assert not np.array_equal(img[2:18, 2:18], img[2:18, -18:-2])  # the sweep changes the image


def test_run_directory_opens_its_newest_checkpoint(ckpts, tmp_path):
    side = tmp_path / "r.json"
    assert cli(ckpts["run"], "--grid", "1x1", "--out", tmp_path / "r.png", "--sidecar-out", side) == 0
    assert Sidecar.read(side).checkpoint_path.endswith("latest.pt")


def test_dcgan_exports_and_refuses_what_needs_a_mapping_network(ckpts, tmp_path, capsys):
    assert cli(ckpts["dcgan"], "--grid", "2x2", "--psi", 0.8, "--out", tmp_path / "d.png") == 0
    assert png(tmp_path / "d.png").shape == (2 * 30 + 2, 2 * 30 + 2)
    assert cli(ckpts["dcgan"], "--sweep", "4", "--steps", 3, "--out", tmp_path / "ds.gif") == 0
    capsys.readouterr()
    for args in (["--mix", "1x2"], ["--interp", "1,2", "--space", "w"], ["--sweep", "pca0"]):
        assert cli(ckpts["dcgan"], *args, "--out", tmp_path / "x.png") == 2
        err = capsys.readouterr().err.strip()
        assert "mapping network" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("args, message", [
    (["--grid", "2x2", "--interp", "1,2"], "choose one of"),
    (["--grid", "2x2", "--out", "g.gif"], "still image"),
    (["--grid", "banana", "--out", "g.png"], "ROWSxCOLS"),
    (["--interp", "1", "--out", "g.gif"], "at least two seeds"),
    (["--grid", "2x2"], "--out is required"),
    (["--mix", "1,2", "--out", "m.png"], "ROWSEEDSxCOLSEEDS"),
    (["--mix", "1x2", "--styles", "7", "--out", "m.png"], "blocks at"),
    (["--sweep", "99", "--out", "s.png"], "dimensions 0..11"),
    (["--grid", "1x1", "--out", "g.jpg"], "use .png"),
    (["--samples", "4", "--out", "s.png"], ".npy"),
])
def test_bad_combinations_are_one_line_with_exit_status_2(ckpts, tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert cli(ckpts["style"], *args) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and err.startswith("ganstudio export: error:") and len(err.splitlines()) == 1


def test_a_missing_checkpoint_is_a_one_line_error(tmp_path, capsys):
    assert cli(tmp_path / "nope.pt", "--grid", "1x1", "--out", tmp_path / "g.png") != 0
    err = capsys.readouterr().err.strip()
    assert "does not exist" in err and len(err.splitlines()) == 1


@pytest.mark.skipif(mp4_available(), reason="imageio-ffmpeg is installed: MP4 export works")
def test_mp4_without_a_video_library_says_how_to_get_one(ckpts, tmp_path, capsys):
    assert cli(ckpts["style"], "--interp", "1,2", "--out", tmp_path / "v.mp4") == 2
    assert "imageio-ffmpeg" in capsys.readouterr().err


def test_samples_are_written_as_an_array_that_the_seed_reproduces(ckpts, tmp_path):
    a, b, c = (tmp_path / f"{k}.npy" for k in "abc")
    assert cli(ckpts["style"], "--samples", 5, "--seed", 3, "--out", a) == 0
    assert cli(ckpts["style"], "--samples", 5, "--seed", 3, "--out", b) == 0
    assert cli(ckpts["style"], "--samples", 5, "--seed", 4, "--out", c) == 0
    x = np.load(a)
    assert x.shape[0] == 5 and x.dtype == np.uint8
    assert np.array_equal(x, np.load(b)) and not np.array_equal(x, np.load(c))


def test_export_request_from_python_writes_sizes_it_reports(ckpts, tmp_path):
    source = E.ModelSource.load(ckpts["style"])
    req = R.sweep_request(R.seed_latents([1], source.G.z_dim)[0], R.dimension_sweep("z", 2, steps=4), upscale=2)
    rep = E.export_request(source, req, tmp_path / "s.gif", fps=5)
    assert rep.frames == 4 and rep.size == (32, 32)
    assert len(frames(tmp_path / "s.gif")) == 4
    with pytest.raises(E.ExportError, match="still image"):
        E.export_request(source, R.seed_grid_request(source.G, 0, 1, 2), tmp_path / "g.webp")


def test_the_ganstudio_command_routes_to_export(ckpts, tmp_path, capsys):
    from ganstudio.cli import main
    assert main(["export", str(ckpts["style"]), "--grid", "2x1", "--out", str(tmp_path / "m.png")]) == 0
    assert png(tmp_path / "m.png").shape == (2 * 18 + 2, 18 + 2)
    # a bad combination: one line, exit status 2
    assert main(["export", str(ckpts["style"]), "--grid", "2x1", "--out", str(tmp_path / "m.gif")]) == 2
    assert "still image" in capsys.readouterr().err
