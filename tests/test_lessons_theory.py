"""The theory behind the toy lessons (ganstudio.train.toy_theory, lesson_checks): no Qt."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn

from ganstudio.train.lesson_checks import Check, LessonTracker, evaluate, readings
from ganstudio.train.toy_theory import (
    LOG4,
    bilinear_game,
    clipped_share,
    generator_density,
    jsd_identity,
    layer_spectral_norms,
    mode_shares,
    saturation_gradients,
    value_of_d,
)


def gauss(x, mu, sd):
    return np.exp(-0.5 * ((x - mu) / sd) ** 2) / (sd * math.sqrt(2 * math.pi))


def test_jsd_identity_holds_and_matches_a_monte_carlo_estimate():
    x = np.linspace(-10, 20, 6001)
    p, q = gauss(x, 5, 1), gauss(x, 3, 1.5)
    r = jsd_identity(x, p, q)
    assert r["identity_gap"] < 1e-9
    assert r["v_dstar"] == pytest.approx(2 * r["jsd"] - LOG4, abs=1e-9)
    # JSD = E_p[log 2p/(p+q)] / 2 + E_q[log 2q/(p+q)] / 2, by sampling both Gaussians
    rng = np.random.default_rng(0)
    a, b = rng.normal(5, 1, 400_000), rng.normal(3, 1.5, 400_000)
    mc = 0.5 * np.mean(np.log(2 * gauss(a, 5, 1) / (gauss(a, 5, 1) + gauss(a, 3, 1.5)))) + \
        0.5 * np.mean(np.log(2 * gauss(b, 3, 1.5) / (gauss(b, 5, 1) + gauss(b, 3, 1.5))))
    assert r["jsd"] == pytest.approx(mc, abs=3e-3)
    assert 0.1 < r["jsd"] < math.log(2)
    same = jsd_identity(x, p, p)
    assert same["jsd"] == pytest.approx(0, abs=1e-12)
    assert same["v_dstar"] == pytest.approx(-LOG4, abs=1e-9)
    apart = jsd_identity(x, gauss(x, -5, 0.3), gauss(x, 15, 0.3))   # disjoint supports
    assert apart["jsd"] == pytest.approx(math.log(2), abs=1e-6)


def test_the_optimal_discriminator_has_the_highest_value():
    x = np.linspace(-10, 20, 3001)
    p, q = gauss(x, 5, 1), gauss(x, 3, 1.5)
    best = jsd_identity(x, p, q)["v_dstar"]
    for d in (np.full_like(x, 0.5), p / (p + q) * 0.9 + 0.05, 1 / (1 + np.exp(-(x - 4)))):
        assert value_of_d(x, p, q, d) < best


def test_simultaneous_steps_spiral_out_and_alternating_steps_circle():
    sim = bilinear_game(1000, 0.05)
    alt = bilinear_game(1000, 0.05, alternating=True)
    r_sim, r_alt = np.hypot(*sim.T), np.hypot(*alt.T)
    assert np.all(np.diff(r_sim) > 0)                       # moving away at every step
    assert r_sim[-1] == pytest.approx(math.sqrt(2) * (1 + 0.05 ** 2) ** 500, rel=1e-9)
    assert r_alt.max() < 1.1 * math.sqrt(2) and r_alt.min() > 0.9 * math.sqrt(2) * 0.9
    assert not np.allclose(alt[-1], alt[0], atol=0.1)          # it moves, but stays on its orbit
    with pytest.raises(ValueError):
        bilinear_game(10, float("nan"))


def test_minimax_gradient_vanishes_where_d_is_confident():
    D = nn.Linear(1, 1)
    with torch.no_grad():
        D.weight.fill_(4.0)
        D.bias.fill_(-20.0)          # D(x) = sigmoid(4x - 20): sure that x near 0 is fake
    g = saturation_gradients(D, torch.zeros(64, 1))
    assert g["d_fake"] < 1e-8
    assert g["grad_nonsaturating"] == pytest.approx(4.0, rel=1e-6)
    assert g["grad_minimax"] < 1e-7 * g["grad_nonsaturating"]
    near = saturation_gradients(D, torch.full((64, 1), 5.0))   # D unsure: both alike
    assert near["grad_minimax"] == pytest.approx(near["grad_nonsaturating"], rel=1e-6)


def test_spectral_norms_and_clipped_share_of_a_discriminator():
    D = nn.Sequential(nn.Linear(2, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
    with torch.no_grad():
        D[0].weight.copy_(torch.diag(torch.tensor([3.0, 0.5])).repeat(4, 1))
        D[2].weight.fill_(0.01)
    sig = layer_spectral_norms(D)
    assert sig[0] == pytest.approx(3.0 * 2, rel=1e-5)     # four stacked copies: sqrt(4) * 3
    assert sig[1] == pytest.approx(0.01 * math.sqrt(8), rel=1e-5)
    # |w| >= c: the 8 non-zero weights of layer 1 and all 8 of layer 2 (of 24 weights)
    assert clipped_share(D, 0.01) == pytest.approx(16 / 24)
    assert clipped_share(D, 0.02) == pytest.approx(8 / 24)
    torch.nn.utils.parametrizations.spectral_norm(D[0])
    for _ in range(50):                                     # power iteration converges
        D(torch.zeros(1, 2))
    assert layer_spectral_norms(D)[0] == pytest.approx(1.0, abs=1e-3)


def test_generator_density_of_a_linear_generator_is_the_gaussian():
    class Shift(nn.Module):
        z_dim = 1

        def __init__(self):
            super().__init__()
            self.w = nn.Parameter(torch.ones(1))

        def forward(self, z):
            return 5 + z * self.w

    x = np.linspace(0, 10, 1024)
    p = generator_density(Shift(), 1, x)
    assert np.abs(p - gauss(x, 5, 1)).max() < 0.02
    assert float(np.sum(p) * (x[1] - x[0])) == pytest.approx(1.0, abs=1e-3)


def test_mode_shares_and_checks():
    s = np.concatenate([np.full(70, -3.0), np.full(20, 3.1), np.full(10, 0.0)])[:, None]
    shares = mode_shares(s, np.array([[-3.0], [3.0]]), 0.5)
    assert shares.tolist() == pytest.approx([0.7, 0.2])
    snap = {"step": 40, "mean": 5.05, "std": 1.3,
            "lesson": {"mode_share": shares.tolist(), "sigma_max": [1.0, 2.0], "d_real": 0.9}}
    n = readings(snap)
    assert n["mode_share_between"] == pytest.approx(0.1)
    assert n["lipschitz_bound"] == pytest.approx(2.0)
    ok, results = evaluate((Check("mean", "<", 0.1, centre=5.0), Check("std", "<", 0.1, centre=1.0)), n)
    assert not ok and [r for _, r in results] == [True, False]
    assert Check("jsd", "<", 0.1).holds(n) is None                  # not measured
    tracker = LessonTracker(bilinear=True)
    tracker.update(snap)
    later = tracker.update({**snap, "step": 80, "lesson": {**snap["lesson"], "d_real": 0.6}})
    assert later["peak_d_real"] == 0.9 and later["d_real"] == 0.6
    assert later["bilinear_simultaneous"] > later["bilinear_start"]
    again = tracker.update({**snap, "step": 5, "lesson": {"d_real": 0.5}})   # a new run
    assert again["peak_d_real"] == 0.5


def _toy_with_mapping(seed=0):
    from ganstudio.core.nets import build_generator, default_config
    torch.manual_seed(seed)
    return build_generator(default_config("toy", mapping_layers=2, hidden=32, layers=2))


def test_path_lengths_of_a_toy_generator_are_its_jacobian_times_the_probe():
    """The regulariser's length |J_w^T y| for point outputs (no pixel count to divide by), and
    the lesson's exact path length |J_w|_F, its mean square over the probes y."""
    from ganstudio.train.regularizers import path_lengths
    from ganstudio.train.toy_theory import fixed_ws, synthesis_jacobians
    G = _toy_with_mapping()
    ws = fixed_ws(G, n=64)
    J = synthesis_jacobians(G, ws)                                   # [64, 2, 2]
    y = torch.randn(64, 2, generator=torch.Generator().manual_seed(3))
    got = path_lengths(G, ws, probe=y)
    want = torch.einsum("no,now->nw", y, J).norm(dim=1)
    assert torch.allclose(got, want, atol=1e-5)
    many = torch.randn(20000, 2, generator=torch.Generator().manual_seed(4))
    mean_square = torch.einsum("ko,now->nkw", many, J[:4]).square().sum(-1).mean(1)
    assert torch.allclose(mean_square, J[:4].square().sum((1, 2)), rtol=0.05)


class _Identity(nn.Module):
    def forward(self, z, c=None, psi=1.0, update_w_avg=False):
        return z[:, None]


class _PointGenerator(nn.Module):
    """w = z (an identity mapping) and a synthesis given as a function of w [N, 2]."""

    def __init__(self, synthesis):
        super().__init__()
        self.z_dim = self.w_dim = 2
        self.mapping = _Identity()
        self.scale = nn.Parameter(torch.ones(()))
        self.fn = synthesis

    def synthesis(self, ws, noise_mode="const"):
        return self.scale * self.fn(ws[:, 0])


def test_an_even_synthesis_has_no_path_length_spread_and_even_grid_cells():
    """A synthesis network that is a scaled rotation moves the output equally far for every step
    in w: the lesson's spread, stretch and cell-area spread are 0, 1 and 0; a bent one is not."""
    from ganstudio.train.toy_theory import grid_cell_spread, path_length_numbers, w_grid_lines
    angle = 0.7
    rot = 2 * torch.tensor([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    G = _PointGenerator(lambda w: w @ rot.T)
    n = path_length_numbers(G)
    assert n["pl_cv"] < 1e-6 and n["pl_stretch"] == pytest.approx(1.0, abs=1e-5)
    assert n["pl_mean"] == pytest.approx(2 * math.sqrt(2), rel=1e-5)   # |2R|_F
    assert grid_cell_spread(w_grid_lines(G)) < 1e-5
    # stretches w[0] far from 0 and squeezes it near 0: uneven lengths, cells and stretch
    G = _PointGenerator(lambda w: torch.stack([w[:, 0] ** 3, w[:, 1]], 1))
    n = path_length_numbers(G)
    assert n["pl_cv"] > 0.5 and n["pl_stretch"] > 1.5
    assert grid_cell_spread(w_grid_lines(G)) > 0.5
