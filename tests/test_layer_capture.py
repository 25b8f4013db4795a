"""Layers view, core side: the captured maps are the network's activations, drawn as asked."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from ganstudio.core.layer_capture import (LayerCapture, capture, layer_view, list_layers,
                                          power_spectrum_db)
from ganstudio.core.nets import build_generator, default_config
from ganstudio.core.render import Latent, RenderRequest, render
from ganstudio.core.render_batch import build_batch

from official_pickles import official_like
from explorer_models import one_torch_thread


@pytest.fixture(autouse=True)
def _one_thread():
    yield from one_torch_thread()
from test_official_ui import sg3_network


def _ws(G, seed=3):
    req = RenderRequest((Latent.from_seed(seed, G.z_dim),))
    return build_batch(G, req).batch, req


def _layers_by_hand(G, family, seed=3):
    """name -> activation of the first sample, computed by running the network's parts directly."""
    out = {}
    if family in ("stylegan", "nvlabs-stylegan2"):
        ws, _ = _ws(G, seed)
        for res, (x, img) in G.synthesis.block_outputs(ws, noise_mode="const").items():
            out[f"b{res}:0"], out[f"b{res}:1"] = x[0], img[0]
    elif family == "stylegan3":
        ws, _ = _ws(G, seed)
        net = G.synthesis
        x = net.input(ws[:, 0])
        out["input"] = x[0]
        for i, name in enumerate(net.layer_names):
            x = getattr(net, name)(x, ws[:, i + 1])
            out[name] = x[0]
    else:
        z = torch.from_numpy(Latent.from_seed(seed, G.z_dim).values.copy()).unsqueeze(0)
        seq = G.main if family == "dcgan" else G.net
        x = z.view(1, -1, 1, 1) if family == "dcgan" else z
        for i, m in enumerate(seq):
            x = m(x)
            out[f"{'main' if family == 'dcgan' else 'net'}.{i}"] = x[0].clone()   # ReLU(inplace) follows
    return out


def _generator(family):
    torch.manual_seed(0)
    if family == "nvlabs-stylegan2":      # an official StyleGAN2 pickle opens into this class
        return official_like()
    if family == "stylegan3":
        G = sg3_network(c_dim=0)
        G.config = {"family": "nvlabs-stylegan3", "resolution": 16}
        return G
    kw = dict(resolution=16, channels=1) if family != "stylegan" else dict(resolution=16, channels=3,
                                                                          z_dim=16, w_dim=16, channel_max=32)
    if family == "dcgan":
        kw = dict(kw, resolution=32)
    return build_generator(default_config(family, **kw)).eval()


@pytest.mark.parametrize("family", ["mlp", "dcgan", "stylegan", "nvlabs-stylegan2", "stylegan3"])
def test_captured_maps_equal_the_activations_of_a_direct_forward_pass(family):
    G = _generator(family)
    with torch.inference_mode():
        direct = _layers_by_hand(G, family)
    req = RenderRequest((Latent.from_seed(3, G.z_dim),))
    with torch.inference_mode():
        batch = build_batch(G, req).batch
        run = ((lambda: G.synthesis(batch, noise_mode="const")) if hasattr(G, "synthesis")
               else (lambda: G(batch)))
        image = run().clone()
        layers = list_layers(G, run)
    names = [info.name for info in layers]
    assert set(direct) <= set(names), (family, names)
    assert names[-1] == "output"
    assert layers[-1].shape == (G.config.get("channels", 3), G.config["resolution"], G.config["resolution"])
    for name, act in direct.items():
        with torch.inference_mode():
            got, passed = capture(G, run, name)
        assert tuple(got.shape) == tuple(act.shape) == next(i.shape for i in layers if i.name == name)
        torch.testing.assert_close(got, act.float(), rtol=1e-5, atol=1e-5)
        assert passed[-1].name == name            # the forward stopped at the layer
    with torch.inference_mode():   # no hook is left behind: a plain forward gives the image again
        torch.testing.assert_close(run(), image)


def test_a_render_request_with_a_capture_returns_the_layer_drawn_as_asked():
    G = _generator("stylegan")
    with torch.inference_mode():
        act = _layers_by_hand(G, "stylegan")["b8:0"]
    spec = LayerCapture("b8:0", mode="channel", channel=5, norm="none")
    res = render(G, RenderRequest((Latent.from_seed(3, G.z_dim),), capture=spec))
    assert res.ok, res.error
    view = res.layer
    assert view.shape == tuple(act.shape) and view.shown == (5, 6)
    expected = (act[5] * 127.5 + 128).clamp(0, 255).to(torch.uint8).numpy()
    np.testing.assert_array_equal(view.maps[..., 0], expected)
    np.testing.assert_array_equal(res.images[0], view.maps)
    assert view.stats["mean"] == pytest.approx(float(act.mean()), abs=1e-5)
    assert view.stats["std"] == pytest.approx(float(act.std()), abs=1e-5)
    assert view.stats["max"] == pytest.approx(float(act.max()), abs=1e-5)
    assert [i.name for i in view.layers][-1] == "b8:0"
    bad = render(G, RenderRequest((Latent.from_seed(3, G.z_dim),), capture=LayerCapture("b99")))
    assert "no layer 'b99'" in bad.error and "b8:0" in bad.error


def test_modes_normalisation_and_gain():
    torch.manual_seed(1)
    act = torch.randn(10, 6, 6) * torch.arange(1, 11).float().reshape(10, 1, 1)
    grid = layer_view("x", act, LayerCapture("x", mode="grid", channel=2, tiles=4))
    assert grid.shown == (2, 6) and grid.grid == (2, 2)
    assert grid.maps.shape == (2 * 7 + 1, 2 * 7 + 1, 3)
    # "max": the largest |value| of the tiles shown is white or black
    tile = grid.maps[1:7, 1:7, 0].astype(int) - 128
    assert tile.min() >= -128 and (np.abs(grid.maps[..., 0].astype(int) - 128) >= 126).any()
    each = layer_view("x", act, LayerCapture("x", mode="grid", tiles=10, norm="channel"))
    assert each.grid == (3, 4)
    per_tile = [each.maps[1 + r * 7:7 + r * 7, 1 + c * 7:7 + c * 7, 0] for r in range(3) for c in range(4)][:10]
    assert all(np.abs(t.astype(int) - 128).max() >= 126 for t in per_tile)   # every tile reaches full scale
    mean = layer_view("x", act, LayerCapture("x", mode="mean", norm="none"))
    expected = (act.mean(0) * 127.5 + 128).clamp(0, 255).to(torch.uint8).numpy()
    np.testing.assert_array_equal(mean.maps[..., 0], expected)
    mx = layer_view("x", act, LayerCapture("x", mode="max", norm="minmax"))
    assert mx.maps[..., 0].min() == 0 and mx.maps[..., 0].max() == 255
    quiet = layer_view("x", act * 0.01, LayerCapture("x", mode="channel", norm="none"))
    loud = layer_view("x", act * 0.01, LayerCapture("x", mode="channel", norm="none", gain_db=20))
    spread = lambda v: np.abs(v.maps[..., 0].astype(int) - 128).mean()   # noqa: E731
    assert spread(loud) > 5 * spread(quiet)   # +20 dB = ten times the amplitude
    dense = layer_view("fc", torch.arange(10.0), LayerCapture("fc", mode="channel", norm="minmax"))
    assert dense.maps.shape == (4, 4, 3) and dense.spectrum is None


def test_the_spectrum_of_a_sinusoid_peaks_at_its_frequency():
    n, k = 32, 5                              # 5 cycles across, along x
    x = torch.arange(n).float()
    wave = torch.cos(2 * np.pi * k * x / n).reshape(1, 1, n).expand(2, n, n)
    db = power_spectrum_db(wave)
    peak = np.unravel_index(int(db.argmax()), db.shape)
    assert peak[0] == n // 2 and abs(peak[1] - n // 2) == k
    assert float(db[n // 2, n // 2 + k]) - float(db[0, 0]) > 60     # far above the empty corners
    view = layer_view("w", wave, LayerCapture("w"))
    assert view.spectrum.shape == (n, n, 3)
    assert view.spectrum[n // 2, n // 2 + k].sum() > view.spectrum[0, 0].sum() + 300   # bright vs dark


@pytest.mark.parametrize("kw, text", [(dict(mode="sum"), "mode"), (dict(norm="log"), "normalisation"),
                                      (dict(gain_db=float("nan")), "gain"), (dict(gain_db=1e6), "gain"),
                                      (dict(tiles=0), "tiles"), (dict(channel=-1), "channel"),
                                      (dict(fft_range_db=0), "range")])
def test_bad_capture_settings_are_refused_by_name(kw, text):
    with pytest.raises(ValueError, match=text):
        LayerCapture("x", **kw)


def test_a_capture_gives_way_to_a_newer_request_between_blocks():
    from ganstudio.core.render_job import RenderJob
    G = _generator("stylegan")
    job = RenderJob(G, RenderRequest((Latent.from_seed(3, G.z_dim),), capture=LayerCapture("output")))
    job.step(should_stop=lambda: True)
    assert job.cancelled and not job.finished
    job.step()
    assert job.finished and job.result().layer.name == "output"
