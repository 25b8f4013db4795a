import numpy as np
import pytest
import torch

from ganstudio.core import latent
from ganstudio.core.nets import build_generator, default_config


@pytest.fixture(scope="module")
def G():
    torch.manual_seed(0)
    g = build_generator(default_config("stylegan", resolution=16, channel_base=256, channel_max=32,
                                       z_dim=16, w_dim=16, mapping_layers=2)).eval()
    with torch.no_grad():  # a non-trivial w_avg
        g.mapping.w_avg.copy_(torch.randn(16) * 0.5)
    return g


def test_seed_gives_the_same_z_everywhere():
    a = latent.z_from_seed(42, 8)
    # NumPy's MT19937 + Box-Muller stream is fixed: pin the first values.
    assert np.allclose(a[:3].numpy(), [0.49671415, -0.1382643, 0.64768854], atol=1e-7)
    assert torch.equal(latent.z_from_seeds([42, 7], 8)[0], a)
    assert torch.equal(latent.sample_z(3, 4, 8), latent.sample_z(3, 4, 8))
    assert not torch.equal(latent.sample_z(3, 4, 8), latent.sample_z(4, 4, 8))
    with pytest.raises(ValueError):
        latent.z_from_seed(-1, 8)


@torch.no_grad()
def test_psi_zero_gives_the_w_avg_image(G):
    z = latent.z_from_seeds([1, 2, 3], G.z_dim)
    img = G(z, psi=0.0, noise_mode="const")
    ws_avg = G.mapping.w_avg.reshape(1, 1, -1).repeat(3, G.num_ws, 1)
    ref = G.synthesis(ws_avg, noise_mode="const")
    assert torch.allclose(img, ref, atol=1e-6)
    assert torch.allclose(img[0], img[2], atol=1e-6)
    ws = G.mapping(z)
    assert torch.allclose(latent.truncate(ws, G.mapping.w_avg, 0.0), ws_avg, atol=1e-6)
    half = latent.truncate(ws, G.mapping.w_avg, 0.5, cutoff=2)
    assert torch.equal(half[:, 2:], ws[:, 2:]) and not torch.equal(half[:, :2], ws[:, :2])


@torch.no_grad()
def test_mixing_with_itself_changes_nothing(G):
    ws = G.mapping(latent.z_from_seeds([5, 6], G.z_dim))
    rows = latent.mixing_rows(G, {8: 1, 16: 1})
    assert torch.equal(latent.mix_ws([ws, ws], rows), ws)


@torch.no_grad()
def test_fine_source_leaves_coarse_activations_untouched(G):
    wa = G.mapping(latent.z_from_seeds([10], G.z_dim))
    wb = G.mapping(latent.z_from_seeds([11], G.z_dim))
    fine = G.block_resolutions[-1]
    mixed = latent.mix_ws([wa, wb], latent.mixing_rows(G, {fine: 1}))
    out_a = G.synthesis.block_outputs(wa, noise_mode="const")
    out_m = G.synthesis.block_outputs(mixed, noise_mode="const")
    for res in G.block_resolutions[:-1]:
        assert torch.equal(out_a[res][0], out_m[res][0]), res   # coarse features identical
    assert not torch.equal(out_a[fine][0], out_m[fine][0])      # the fine block changed


def test_mixing_rows_follow_the_schedule(G):
    rows = latent.mixing_rows(G, {4: 2, 16: 1})
    assert len(rows) == G.num_ws
    assert rows[G.ws_rows(4)[0]] == 2 and rows[G.ws_rows(16)[-1]] == 1
    assert rows[G.ws_rows(8)[1]] == 0


def test_slerp_hits_endpoints_and_keeps_norm():
    torch.manual_seed(1)
    a, b = torch.randn(64), torch.randn(64)
    b = b / b.norm() * a.norm()
    assert torch.equal(latent.slerp(a, b, 0.0), a) and torch.equal(latent.slerp(a, b, 1.0), b)
    path = latent.slerp(a, b, np.linspace(0, 1, 9))
    assert torch.equal(path[0], a) and torch.equal(path[-1], b)
    assert torch.allclose(path.norm(dim=-1), a.norm().expand(9), rtol=1e-5)
    # the angle grows linearly along the path
    cos = (path @ a) / (path.norm(dim=-1) * a.norm())
    ang = torch.acos(cos.clamp(-1, 1))
    assert torch.allclose(ang[1:] - ang[:-1], (ang[-1] / 8).expand(8), atol=2e-3)


def test_interpolation_path_through_several_points():
    pts = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]])
    path = latent.interpolation_path(pts, 5)
    assert torch.allclose(path, torch.tensor([[0, 0], [0.5, 0], [1, 0], [1, 0.5], [1, 1.0]]))
    loop = latent.interpolation_path(pts, 6, closed=True)
    assert loop.shape == (6, 2) and torch.equal(loop[0], pts[0])


def test_sweep_sets_one_dimension():
    base = torch.zeros(5)
    s = latent.sweep(base, 2, 7)
    assert s.shape == (7, 5)
    assert torch.allclose(s[:, 2], torch.linspace(-3, 3, 7)) and (s[:, [0, 1, 3, 4]] == 0).all()
    d = latent.sweep(base, torch.tensor([3.0, 4, 0, 0, 0]), 3)
    assert torch.allclose(d[0], torch.tensor([-1.8, -2.4, 0, 0, 0]))


def test_presets_cover_blocks():
    small = latent.preset_resolutions([4, 8, 16, 32], "coarse")
    assert small == [4, 8]
    assert latent.preset_resolutions([4, 8, 16, 32], "fine") == [32]
    assert latent.preset_resolutions([4, 8, 16, 32, 64, 128], "middle") == [16, 32]


def test_pca_and_sefa_directions(G):
    pca = latent.pca_directions(G, k=4, n_samples=512)
    assert pca.components.shape == (4, G.w_dim)
    assert torch.allclose(pca.components.norm(dim=1), torch.ones(4), atol=1e-4)
    assert (pca.stdevs[:-1] >= pca.stdevs[1:]).all()
    sefa = latent.sefa_directions(G, k=3)
    assert sefa.components.shape == (3, G.w_dim)
