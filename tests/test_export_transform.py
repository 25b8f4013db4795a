"""`ganstudio export` with StyleGAN3's input transform: --translate / --rotate / --untransform
on any export, --motion for an animation; bad values refused naming the option."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from explorer_models import export_cli as cli, one_torch_thread, save, style_generator
from ganstudio.core.input_transform import InputTransform, MotionSpec
from ganstudio.core.render import Latent, RenderRequest, Sidecar, render
from test_official_ui import sg3_network, sg3_pickle


@pytest.fixture(autouse=True)
def _one_thread():
    yield from one_torch_thread()


@pytest.fixture(scope="module")
def sg3(tmp_path_factory):
    G = sg3_network(c_dim=0)
    return sg3_pickle(tmp_path_factory.mktemp("sg3") / "sg3.pkl", G), G


def _png(path):
    return np.asarray(Image.open(path).convert("RGB"))


def test_a_moved_and_turned_image_is_what_the_renderer_draws(sg3, tmp_path):
    pkl, G = sg3
    assert cli(pkl, "--seed", 5, "--translate", "3,-2", "--rotate", 30, "--untransform",
               "--out", tmp_path / "m.png", "--sidecar-out", tmp_path / "m.json") == 0
    t = InputTransform.from_pixels(3, -2, 30, 16, untransform=True)
    expected = render(G, RenderRequest((Latent.from_seed(5, G.z_dim),), grid=(1, 1), kind="grid", padding=2,
                                       input_transform=t))
    np.testing.assert_array_equal(_png(tmp_path / "m.png"), expected.composite)
    assert Sidecar.read(tmp_path / "m.json").request.input_transform == t
    assert cli(pkl, "--seed", 5, "--out", tmp_path / "plain.png") == 0
    assert not np.array_equal(_png(tmp_path / "plain.png"), _png(tmp_path / "m.png"))


def test_a_motion_is_written_as_an_animation(sg3, tmp_path):
    pkl, G = sg3
    assert cli(pkl, "--motion", "8,0,0.5", "--frames", 4, "--seed", 2, "--out", tmp_path / "turn.gif") == 0
    gif = Image.open(tmp_path / "turn.gif")
    assert gif.n_frames == 4
    strip = render(G, RenderRequest((Latent.from_seed(2, G.z_dim),), kind="strip",
                                    motion=MotionSpec(4, 0.5, 0.0, 0.5)))
    gif.seek(2)
    np.testing.assert_array_equal(np.asarray(gif.convert("RGB")).shape, strip.images[2].shape)


@pytest.mark.parametrize("args, text", [
    (["--translate", "3"], "--translate takes 2 numbers"),
    (["--translate", "nan,0"], "--translate: translate x must be a finite"),
    (["--translate", "1e9,0"], "--translate: translate x must be within"),
    (["--rotate", "inf"], "--rotate: rotate must be a finite"),
    (["--motion", "1,2"], "--motion takes 3 numbers"),
    (["--motion", "0,0,1e9"], "--motion: motion turns must be within"),
])
def test_bad_transform_options_are_refused_naming_the_option(sg3, tmp_path, capsys, args, text):
    pkl, _ = sg3
    out = tmp_path / ("x.gif" if "--motion" in args else "x.png")
    assert cli(pkl, *args, "--out", out) == 2
    assert text in capsys.readouterr().err
    assert not out.exists()


def test_other_models_are_told_it_needs_stylegan3(tmp_path, capsys):
    ckpt = save(tmp_path / "sg2.pt", style_generator())
    assert cli(ckpt, "--rotate", 10, "--out", tmp_path / "x.png") == 2
    err = capsys.readouterr().err
    assert "--rotate needs a StyleGAN3 model" in err and "stylegan" in err
