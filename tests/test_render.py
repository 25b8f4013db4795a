"""ganstudio.core.render: requests in, pixels out — one batched pass, never raising."""
import json

import numpy as np
import pytest
import torch

from explorer_models import dcgan_generator, one_torch_thread, style_generator
from ganstudio.core import latent as L
from ganstudio.core.imaging import to_uint8
from ganstudio.core.render import (Latent, MixGridSpec, PathSpec, RenderRequest, Sidecar, SidecarError,
                                   SweepSpec, render)


_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(scope="module")
def G():
    return style_generator()


@pytest.fixture(scope="module")
def D():
    return dcgan_generator()


def lat(seed, G):
    return Latent.from_seed(seed, G.z_dim)


def one(G, *lats, **kw):
    res = render(G, RenderRequest(tuple(lats), **kw))
    assert res.error == "", res.error
    return res


def test_the_same_seed_gives_the_same_image_and_other_seeds_differ(G):
    a1, a2, b = one(G, lat(7, G)), one(G, lat(7, G)), one(G, lat(8, G))
    assert a1.images.shape == (1, 16, 16, 1) and a1.images.dtype == np.uint8
    assert np.array_equal(a1.images, a2.images)
    assert not np.array_equal(a1.images, b.images)


def test_changing_one_dimension_changes_the_image(G):
    z = L.z_from_seed(3, G.z_dim).numpy()
    z2 = z.copy()
    z2[4] += 2.0
    assert not np.array_equal(one(G, Latent("z", z)).images, one(G, Latent("z", z2)).images)


def test_psi_zero_gives_the_w_avg_image_in_every_space(G):
    ws_avg = G.mapping.w_avg.reshape(1, 1, -1).repeat(1, G.num_ws, 1)
    ref = to_uint8(G.synthesis(ws_avg, noise_mode="const"))
    w = np.random.RandomState(0).randn(G.w_dim)
    wplus = np.random.RandomState(1).randn(G.num_ws, G.w_dim)
    for latent in (lat(1, G), lat(2, G), Latent("w", w), Latent("w+", wplus)):
        assert np.array_equal(one(G, latent, psi=0.0).images, ref)
    # a cutoff keeps the rows after it: the image is no longer the average
    assert not np.array_equal(one(G, lat(1, G), psi=0.0, cutoff=2).images, ref)


def test_w_and_w_plus_of_a_mapped_z_give_the_same_image_as_z(G):
    z = lat(5, G)
    ws = G.mapping(torch.from_numpy(np.array(z.values))[None])[0].numpy()
    img = one(G, z, psi=0.7).images
    assert np.array_equal(one(G, Latent("w", ws[0]), psi=0.7).images, img)
    assert np.array_equal(one(G, Latent("w+", ws), psi=0.7).images, img)


def test_mixing_changes_only_the_rows_and_blocks_it_names(G):
    a, b = lat(1, G), lat(2, G)
    rows = tuple(L.mixing_rows(G, {16: 1}))  # the finest block from B
    assert rows == (0, 0, 0, 1, 1, 1)
    mixed = one(G, a, b, mix_rows=rows)
    plain = one(G, a)
    ws_a = G.mapping(torch.from_numpy(np.stack([np.array(a.values), np.array(b.values)])))
    got = torch.from_numpy(mixed.latents)[0]
    for r, src in enumerate(rows):
        assert torch.allclose(got[r], ws_a[src, r], atol=1e-6)
    assert not np.array_equal(mixed.images, plain.images)
    # the coarse blocks' features are untouched; only the image from 8x8's ToRGB onwards changes
    out_m = G.synthesis.block_outputs(got[None], noise_mode="const")
    out_a = G.synthesis.block_outputs(torch.from_numpy(plain.latents), noise_mode="const")
    for res in (4, 8):  # features (not the image so far) of the blocks before 16x16
        assert torch.allclose(out_m[res][0], out_a[res][0], atol=1e-5)
    assert not torch.allclose(out_m[16][0], out_a[16][0], atol=1e-2)
    # mixing a latent with itself changes nothing; all rows from A is plain A
    assert np.array_equal(one(G, a, a, mix_rows=rows).images, plain.images)
    assert np.array_equal(one(G, a, b, mix_rows=(0,) * G.num_ws).images, plain.images)


def test_noise_modes_strengths_and_seeds(G):
    a = lat(4, G)
    const, rand1 = one(G, a), one(G, a, noise_mode="random", noise_seed=1)
    assert np.array_equal(rand1.images, one(G, a, noise_mode="random", noise_seed=1).images)
    assert not np.array_equal(rand1.images, one(G, a, noise_mode="random", noise_seed=2).images)
    assert not np.array_equal(const.images, rand1.images)
    none = one(G, a, noise_mode="none")
    zero = one(G, a, noise_strength=tuple((r, 0.0) for r in G.block_resolutions))
    assert np.array_equal(none.images, zero.images) and not np.array_equal(none.images, const.images)


def test_strips_are_one_batch_with_exact_endpoints(G):
    a, b, c = lat(1, G), lat(2, G), lat(3, G)
    for space in ("z", "w"):
        for mode in ("lerp", "slerp"):
            r = one(G, a, b, c, kind="strip", path=PathSpec((0, 1, 2), 9, mode, space))
            assert r.images.shape[0] == 9 and (r.rows, r.cols) == (1, 9)
            assert r.latents.shape == (9, G.num_ws, G.w_dim)
    ends = render(G, RenderRequest((a, b), kind="strip", path=PathSpec(frames=5)))
    ref = torch.from_numpy(one(G, a).latents[0])
    assert torch.allclose(torch.from_numpy(ends.latents[0]), ref, atol=1e-6)
    # batched and single renders agree to within rounding
    assert np.abs(ends.images[0].astype(int) - one(G, a).images[0].astype(int)).max() <= 1
    assert np.abs(ends.images[-1].astype(int) - one(G, b).images[0].astype(int)).max() <= 1


def test_sweeps_of_a_dimension_and_of_a_direction(G):
    a = lat(1, G)
    r = one(G, a, kind="strip", sweep=SweepSpec(dim=3, lo=-3, hi=3, steps=5))
    assert r.images.shape[0] == 5
    z = L.z_from_seed(1, G.z_dim).numpy()
    z[3] = -3.0
    assert np.allclose(r.latents[0], G.mapping(torch.from_numpy(z)[None])[0].numpy(), atol=1e-5)
    d = np.zeros(G.w_dim, np.float32)
    d[0] = 1
    r = one(G, a, kind="strip", sweep=SweepSpec(direction=d, scale=2.0, rows=(0, 2), lo=-1, hi=1, steps=3))
    diff = r.latents[2] - r.latents[0]
    assert np.allclose(diff[:2, 0], 4.0, atol=1e-5) and np.allclose(diff[2:], 0)
    assert not np.array_equal(r.images[0], r.images[2])


def test_grid_mix_grid_and_variation_layouts(G):
    lats = tuple(lat(s, G) for s in range(6))
    g = one(G, *lats, kind="grid", grid=(2, 3), padding=1, upscale=2)
    assert g.composite.shape == (2 * 33 + 1, 3 * 33 + 1, 1)
    m = one(G, *lats[:5], kind="mix_grid", mix_grid=MixGridSpec((0, 1), (2, 3, 4), (0, 1)))
    assert (m.rows, m.cols) == (3, 4) and m.images.shape[0] == 12
    assert not m.images[0].any()                               # blank corner
    assert np.abs(m.images[1].astype(int) - one(G, lats[2]).images[0]).max() <= 1   # column header
    assert np.abs(m.images[4].astype(int) - one(G, lats[0]).images[0]).max() <= 1   # row header
    v = one(G, lats[0], kind="variation", variation=4)
    assert v.images.shape[0] == 5 and not np.array_equal(v.images[0], v.images[1])
    assert v.images[-1].max() == 255                           # the spread map is stretched


def test_dcgan_renders_z_and_explains_what_it_cannot_do(D):
    a = Latent.from_seed(1, D.z_dim)
    r = one(D, a)
    assert r.images.shape == (1, 28, 28, 1)
    assert not np.array_equal(one(D, a, psi=0.5).images, r.images)
    assert np.allclose(one(D, a, psi=0.5).latents, np.array(a.values) * 0.5)
    assert one(D, a, Latent.from_seed(2, D.z_dim), kind="strip", path=PathSpec(frames=4)).images.shape[0] == 4
    for req in (RenderRequest((a, a), kind="mix_grid", mix_grid=MixGridSpec((0,), (1,), (0,))),
                RenderRequest((Latent("w", np.zeros(10)),)),
                RenderRequest((a,), kind="variation")):
        res = render(D, req)
        assert res.images is None and "dcgan" in res.error and "\n" not in res.error


def test_render_never_raises(G):
    bad = render(G, RenderRequest((Latent("z", np.zeros(5)),)))
    assert bad.error and bad.images is None and bad.ms >= 0
    bad = render(G, RenderRequest((lat(1, G),), mix_rows=(0, 1, 2, 0, 0, 0)))
    assert "source" in bad.error


def test_requests_are_immutable_and_checked():
    a = Latent.from_seed(1, 4)
    with pytest.raises(ValueError):
        a.values[0] = 1.0
    with pytest.raises(ValueError):
        RenderRequest((a,), kind="video")
    with pytest.raises(ValueError):
        Latent("z", [np.nan, 0])
    with pytest.raises(ValueError):
        RenderRequest((a,), kind="strip")


def test_request_round_trips_through_plain_data_to_the_same_pixels(G, tmp_path):
    a, b = lat(1, G), lat(2, G)
    off = np.random.RandomState(0).randn(G.num_ws, G.w_dim) * 0.3
    d = np.ones(G.w_dim)
    reqs = [RenderRequest((Latent("z", a.values, off, 1), b), mix_rows=(0, 1, 1, 0, 0, 0), psi=0.6, cutoff=3,
                          noise_mode="random", noise_seed=9, noise_strength=((8, 2.0),)),
            RenderRequest((a, b), kind="strip", path=PathSpec(frames=4, mode="lerp", space="w"), upscale=2),
            RenderRequest((a,), kind="strip", sweep=SweepSpec(direction=d, scale=1.5, rows=(1, 4), steps=3)),
            RenderRequest((a, b, a), kind="mix_grid", mix_grid=MixGridSpec((0,), (1, 2), (3, 4, 5)))]
    for i, req in enumerate(reqs):
        sc = Sidecar(req, "abc", "def", "/x.pt")
        path = sc.write(tmp_path / f"s{i}.json")
        back = Sidecar.read(path)
        assert back.checkpoint_sha256 == "abc" and back.seeds == [lat_.seed for lat_ in req.latents]
        assert np.array_equal(render(G, back.request).images, render(G, req).images)


def test_sidecar_read_errors_say_what_is_wrong(tmp_path):
    p = tmp_path / "x.json"
    p.write_text("{not json")
    with pytest.raises(SidecarError, match="not a readable JSON"):
        Sidecar.read(p)
    p.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(SidecarError, match="not a GAN Studio sidecar"):
        Sidecar.read(p)
    with pytest.raises(SidecarError, match="does not exist"):
        Sidecar.read(tmp_path / "missing.json")
