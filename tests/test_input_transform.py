"""StyleGAN3's input transform: translate / rotate the Fourier features, untransform the output."""
from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest
import torch

from ganstudio.core.input_transform import (InputTransform, MotionSpec, applied, supports_input_transform,
                                            untransform_images)
from ganstudio.core.nets import build_generator, default_config
from ganstudio.core.nets.stylegan3_layers import SynthesisInput
from ganstudio.core.render import Latent, RenderRequest, Sidecar, render

from test_official_ui import sg3_network
from explorer_models import one_torch_thread


@pytest.fixture(autouse=True)
def _one_thread():
    yield from one_torch_thread()


@pytest.fixture(scope="module")
def G():
    G = sg3_network(c_dim=0)
    G.config = {"family": "nvlabs-stylegan3", "resolution": 16}
    return G


def _req(G, **kw):
    return RenderRequest((Latent.from_seed(4, G.z_dim),), **kw)


def test_the_transform_at_zero_equals_the_untransformed_render(G):
    plain = render(G, _req(G))
    for untransform in (False, True):
        moved = render(G, _req(G, input_transform=InputTransform(0, 0, 0, untransform)))
        assert moved.ok and np.array_equal(moved.images, plain.images)
    turned = render(G, _req(G, input_transform=InputTransform.from_pixels(2, 0, 0, 16)))
    assert not np.array_equal(turned.images, plain.images)       # ... and a real one changes it
    assert torch.equal(G.synthesis.input.transform, torch.eye(3))   # the model is left as it was


def _fourier_features(size=32):
    """A network that is equivariant by construction: the Fourier-feature input alone, sampled
    at the output's rate (so a pixel of the output is a sample of continuous sinusoids)."""
    torch.manual_seed(0)
    inp = SynthesisInput(w_dim=4, channels=6, size=size, sampling_rate=size, bandwidth=3)
    return SimpleNamespace(synthesis=SimpleNamespace(input=inp)), inp


def test_an_equivariant_network_is_still_once_untransformed():
    net, inp = _fourier_features()
    w = torch.randn(1, 4)
    with torch.inference_mode():
        still = inp(w)
        for k in (3, -5):                     # whole pixels: content moves right by k pixels
            t = InputTransform.from_pixels(k, 0, 0, 32, untransform=True)
            with applied(net, t):
                moved = inp(w)
            # the picture moved by k pixels: column j now shows what column j - k showed
            lo, hi = max(k, 0), 32 + min(k, 0)
            torch.testing.assert_close(moved[..., lo:hi], still[..., lo - k:hi - k], atol=1e-4, rtol=0)
            back = untransform_images(moved, t)
            torch.testing.assert_close(back[..., lo - k:hi - k], still[..., lo - k:hi - k], atol=1e-4, rtol=0)
            assert (back - still).abs()[..., lo - k:hi - k].max() < 1e-4 < (moved - still).abs().max()
        quarter = InputTransform(0, 0, 90, untransform=True)   # a quarter turn maps pixels onto pixels
        with applied(net, quarter):
            turned = inp(w)
        assert (turned - still).abs().max() > 0.1
        torch.testing.assert_close(untransform_images(turned, quarter), still, atol=1e-4, rtol=0)
        # counter-clockwise on screen: the top row comes to the left column
        torch.testing.assert_close(turned[..., :, 0], still[..., 0, :].flip(-1), atol=1e-4, rtol=0)


def test_a_stylegan3_model_moved_by_whole_pixels_is_nearly_still_once_untransformed(G):
    plain = render(G, _req(G)).images[0].astype(float)
    moved = render(G, _req(G, input_transform=InputTransform.from_pixels(3, -2, 0, 16))).images[0].astype(float)
    back = render(G, _req(G, input_transform=InputTransform.from_pixels(3, -2, 0, 16, untransform=True)))
    back = back.images[0].astype(float)
    inner = (slice(2, 14), slice(0, 13))       # rows y+2 .. that came from inside the image
    err_back = np.abs(back[inner] - plain[inner]).mean()
    err_moved = np.abs(moved[inner] - plain[inner]).mean()
    assert err_back < 1.0 and err_moved > 10 * err_back    # grey levels of 255


def test_a_motion_strip_animates_latent_a_and_reproduces_from_its_sidecar(G, tmp_path):
    motion = MotionSpec(frames=4, x=0.25, turns=0.5)
    req = _req(G, kind="strip", motion=motion, input_transform=InputTransform(0, 0, 0, untransform=False))
    res = render(G, req)
    assert res.ok, res.error
    assert res.images.shape[0] == 4 and res.cols == 4
    assert np.array_equal(res.images[0], render(G, _req(G)).images[0])   # frame 0: no motion yet
    assert not np.array_equal(res.images[1], res.images[0])
    frame2 = render(G, _req(G, input_transform=InputTransform(0.125, 0, 90))).images[0]
    np.testing.assert_array_equal(res.images[2], frame2)
    path = Sidecar(req).write(tmp_path / "m.json")
    again = Sidecar.read(path).request
    assert again.motion == motion and again.input_transform == req.input_transform
    np.testing.assert_array_equal(render(G, again).images, res.images)


def test_other_families_say_it_needs_stylegan3():
    G = build_generator(default_config("stylegan", resolution=8, z_dim=8, w_dim=8, channel_max=8)).eval()
    assert not supports_input_transform(G)
    res = render(G, RenderRequest((Latent.from_seed(0, 8),), input_transform=InputTransform(0.1, 0, 0)))
    assert "StyleGAN3" in res.error


@pytest.mark.parametrize("kw, name", [(dict(x=math.nan), "translate x"), (dict(y=math.inf), "translate y"),
                                      (dict(angle=1e9), "rotate"), (dict(x=1e4), "translate x")])
def test_bad_transforms_are_refused_by_name(kw, name):
    with pytest.raises(ValueError, match=name):
        InputTransform(**kw)


@pytest.mark.parametrize("kw, name", [(dict(frames=1), "frames"), (dict(frames=2.5), "frames"),
                                      (dict(turns=math.nan), "turns")])
def test_bad_motions_are_refused_by_name(kw, name):
    with pytest.raises(ValueError, match=name):
        MotionSpec(**kw)
