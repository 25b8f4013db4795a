"""Gradient penalties, path length, label smoothing, instance noise, lazy intervals, mixing."""
from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from ganstudio.train.regularizers import (
    instance_noise, label_targets, lazy_interval_due, mixing_regularization_ws,
    path_length_penalty, r1_penalty, r2_penalty, wgan_gp_penalty,
)

DT = torch.float64


class LinearD(nn.Module):
    """f(x) = w . flatten(x); with pack=m, m consecutive rows form one sample (PacGAN)."""

    def __init__(self, w, pack=1):
        super().__init__()
        self.w = nn.Parameter(torch.as_tensor(w, dtype=DT).clone())
        self.pack = pack
        self.seen = None

    def forward(self, x):
        self.seen = x.detach().clone()
        flat = x.reshape(x.shape[0] // self.pack, -1)
        return (flat @ self.w).view(-1, 1)


def unit(n, scale=1.0, seed=0):
    w = torch.randn(n, generator=torch.Generator().manual_seed(seed), dtype=DT)
    return w / w.norm() * scale


def batch(*shape, seed=1):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=DT)


# --- WGAN-GP ----------------------------------------------------------------------------------

@pytest.mark.parametrize("shape", [(8, 2), (4, 3, 5, 5)])
def test_wgan_gp_on_linear_critic(shape):
    n = math.prod(shape[1:])
    real, fake = batch(*shape, seed=1), batch(*shape, seed=2)
    assert wgan_gp_penalty(LinearD(unit(n, 1.0)), real, fake).item() == pytest.approx(0.0, abs=1e-10)
    assert wgan_gp_penalty(LinearD(unit(n, 3.0)), real, fake).item() == pytest.approx(4.0, rel=1e-10)


def test_wgan_gp_is_differentiable_in_d_parameters():
    D = LinearD(unit(3, 3.0))
    wgan_gp_penalty(D, batch(6, 3, seed=1), batch(6, 3, seed=2)).backward()
    # d/dw (||w|| - 1)^2 = 2 (||w|| - 1) w / ||w|| = 4 w / 3
    assert torch.allclose(D.w.grad, 4.0 * D.w.detach() / 3.0)


def test_wgan_gp_interpolates_each_row_between_real_and_fake():
    D = LinearD(unit(4, 2.0))
    real, fake = batch(16, 4, seed=1), batch(16, 4, seed=2)
    wgan_gp_penalty(D, real, fake, generator=torch.Generator().manual_seed(5))
    alpha = (D.seen - fake) / (real - fake)            # one alpha per row, shared by its features
    assert torch.allclose(alpha, alpha[:, :1].expand_as(alpha), atol=1e-8)
    assert ((alpha >= 0) & (alpha <= 1)).all() and alpha[:, 0].std() > 0.1
    first = D.seen.clone()
    wgan_gp_penalty(D, real, fake, generator=torch.Generator().manual_seed(5))
    assert torch.equal(first, D.seen)                  # reproducible with a seeded generator


def test_wgan_gp_norm_is_per_packed_sample():
    # pack=2: D sees [N*2, 3] as [N, 6]; ||w|| = 1 over the packed input -> zero penalty.
    # (Per-row norms would be those of the two halves of w, not 1.)
    D = LinearD(unit(6, 1.0), pack=2)
    assert wgan_gp_penalty(D, batch(8, 3, seed=1), batch(8, 3, seed=2)).item() == pytest.approx(0, abs=1e-10)
    assert r1_penalty(D, batch(8, 3))[0].item() == pytest.approx(1.0, rel=1e-10)


def test_wgan_gp_rejects_mismatched_batches():
    with pytest.raises(ValueError, match="shape"):
        wgan_gp_penalty(LinearD(unit(2)), batch(4, 2), batch(5, 2))


def test_wgan_gp_with_given_weights_splits_a_batch_exactly():
    """Weights drawn for the whole batch and passed in: the halves' penalties average to the
    whole batch's (what two processes of a distributed run compute)."""
    D = LinearD(unit(4, 2.0))
    D.w.data += 0.3 * batch(4, seed=7)                  # a critic whose norms differ by point
    real, fake = batch(16, 4, seed=1), batch(16, 4, seed=2)
    drawn = wgan_gp_penalty(D, real, fake, generator=torch.Generator().manual_seed(5))
    alpha = torch.rand((16, 1), generator=torch.Generator().manual_seed(5))
    assert torch.equal(wgan_gp_penalty(D, real, fake, alpha=alpha), drawn)
    halves = [wgan_gp_penalty(D, real[rows], fake[rows], alpha=alpha[rows].reshape(-1))
              for rows in (slice(0, 8), slice(8, 16))]
    assert ((halves[0] + halves[1]) / 2).item() == pytest.approx(drawn.item(), rel=1e-12)
    wgan_gp_penalty(D, real, fake, alpha=torch.ones(16))
    assert torch.equal(D.seen, real)                    # alpha = 1: the real points themselves
    with pytest.raises(ValueError, match="one weight per row"):
        wgan_gp_penalty(D, real, fake, alpha=torch.ones(8))


# --- R1 / R2 -----------------------------------------------------------------------------------

def test_r1_of_linear_critic_is_squared_weight_norm_and_returns_logits():
    w = unit(5, 2.5)
    D = LinearD(w)
    real = batch(7, 5)
    penalty, logits = r1_penalty(D, real)
    assert penalty.item() == pytest.approx(6.25, rel=1e-10)
    assert torch.allclose(logits, (real @ w).view(-1, 1))
    (penalty + logits.sum()).backward()                # both keep their graphs to D
    assert torch.allclose(D.w.grad, 2.0 * w + real.sum(0))


def test_r2_on_fake_does_not_reach_the_generator():
    g_param = nn.Parameter(torch.tensor(2.0, dtype=DT))
    fake = batch(4, 1, 3, 3) * g_param                  # "generated" images depending on G
    D = LinearD(unit(9, 0.5))
    penalty, logits = r2_penalty(D, fake)
    assert penalty.item() == pytest.approx(0.25, rel=1e-10)
    assert torch.allclose(logits, D(fake.detach()))
    penalty.backward()
    assert g_param.grad is None
    assert torch.allclose(D.w.grad, 2.0 * D.w.detach())


# --- path length -------------------------------------------------------------------------------

class TinySynthesis(nn.Module):
    """img = reshape((ws[:, 0] + ws[:, 1]) @ M): every ws row has the Jacobian M."""

    def __init__(self, w_dim=8, c=3, res=4):
        super().__init__()
        gen = torch.Generator().manual_seed(3)
        self.M = nn.Parameter(torch.randn(w_dim, c * res * res, generator=gen, dtype=DT))
        self.c, self.res = c, res
        self.modes = []

    def synthesis(self, ws, noise_mode="const"):
        self.modes.append(noise_mode)
        return ((ws[:, 0] + ws[:, 1]) @ self.M).view(-1, self.c, self.res, self.res)


def test_path_length_penalty_matches_expected_length_and_updates_pl_mean():
    G = TinySynthesis()
    ws = batch(4096, 2, 8).requires_grad_()
    pl_mean = torch.tensor(0.0, dtype=DT)
    gen = torch.Generator().manual_seed(0)
    penalty, new_mean = path_length_penalty(G, ws, pl_mean, decay=0.0, generator=gen)
    # J^T y = M y per ws row (w_dim vector); E||M y||^2 = ||M||_F^2 / (H W) for y ~ N(0, I)/sqrt(HW)
    expected_sq = G.M.detach().square().sum().item() / 16
    assert penalty.item() == pytest.approx(expected_sq, rel=0.1)
    assert new_mean.item() == 0.0 and pl_mean.item() == 0.0
    assert G.modes == ["random"]
    penalty.backward()
    assert torch.isfinite(G.M.grad).all() and G.M.grad.abs().sum() > 0

    penalty, new_mean = path_length_penalty(G, ws, pl_mean, decay=0.01, generator=gen)
    assert math.isfinite(penalty.item()) and penalty.item() > 0
    # new pl_mean = 0.01 * mean length, and E[length] is a little below sqrt(E[length^2])
    assert 0.01 * 0.8 * math.sqrt(expected_sq) < new_mean.item() <= 0.01 * 1.02 * math.sqrt(expected_sq)
    assert not new_mean.requires_grad


def test_path_length_with_decay_one_is_the_variance_of_lengths():
    G = TinySynthesis()
    ws = batch(512, 2, 8)                               # no graph: made a leaf internally
    gen = torch.Generator().manual_seed(1)
    var_pen, mean_len = path_length_penalty(G, ws, torch.tensor(5.0, dtype=DT), decay=1.0, generator=gen)
    gen = torch.Generator().manual_seed(1)
    sq_pen, _ = path_length_penalty(G, ws, torch.tensor(0.0, dtype=DT), decay=0.0, generator=gen)
    assert var_pen.item() == pytest.approx(sq_pen.item() - mean_len.item() ** 2, rel=1e-8)
    with pytest.raises(ValueError, match="ws"):
        path_length_penalty(G, ws[:, 0], torch.tensor(0.0))


def test_path_length_with_a_given_probe_is_the_drawn_one_and_splits_exactly():
    G = TinySynthesis()
    ws = batch(64, 2, 8)
    pl_mean = torch.tensor(0.5, dtype=DT)
    drawn, mean = path_length_penalty(G, ws, pl_mean, generator=torch.Generator().manual_seed(2))
    probe = torch.randn((64, 3, 4, 4), generator=torch.Generator().manual_seed(2))
    given, mean2 = path_length_penalty(G, ws, pl_mean, probe=probe)
    assert torch.equal(given, drawn) and torch.equal(mean, mean2)
    halves = [path_length_penalty(G, ws[rows], pl_mean, decay=0.0, probe=probe[rows])[0]
              for rows in (slice(0, 32), slice(32, 64))]
    whole = path_length_penalty(G, ws, pl_mean, decay=0.0, probe=probe)[0]
    assert ((halves[0] + halves[1]) / 2).item() == pytest.approx(whole.item(), rel=1e-12)
    with pytest.raises(ValueError, match="probe"):
        path_length_penalty(G, ws, pl_mean, probe=probe[:, :1])


# --- label smoothing, instance noise, lazy regularisation ----------------------------------------

def test_label_targets():
    assert label_targets("none", 0.3) == (1.0, 0.0)
    assert label_targets("one_sided", 0.1) == pytest.approx((0.9, 0.0))
    assert label_targets("two_sided", 0.2) == pytest.approx((0.8, 0.2))
    with pytest.raises(ValueError, match="one_sided"):
        label_targets("both", 0.1)
    with pytest.raises(ValueError, match="amount"):
        label_targets("two_sided", 0.6)


def test_instance_noise():
    x = torch.zeros(200_000)
    y = instance_noise(x, 0.3, generator=torch.Generator().manual_seed(0))
    assert y.std().item() == pytest.approx(0.3, rel=0.01) and abs(y.mean().item()) < 0.005
    assert x.abs().sum() == 0                          # input untouched
    again = instance_noise(x, 0.3, generator=torch.Generator().manual_seed(0))
    assert torch.equal(y, again)
    assert instance_noise(x, 0.0) is x
    with pytest.raises(ValueError):
        instance_noise(x, -0.1)


def test_lazy_interval_due():
    assert not any(lazy_interval_due(s, 0) for s in range(10))
    assert all(lazy_interval_due(s, 1) for s in range(10))
    assert [s for s in range(13) if lazy_interval_due(s, 4)] == [0, 4, 8, 12]
    with pytest.raises(ValueError):
        lazy_interval_due(3, -1)


# --- style mixing regularisation ---------------------------------------------------------------

class FakeMapping(nn.Module):
    num_ws = 6

    def __init__(self):
        super().__init__()
        self.calls = []

    def mapping(self, z, psi=1.0, cutoff=None, update_w_avg=False):
        self.calls.append(update_w_avg)
        return z[:, None, :].expand(-1, self.num_ws, -1)


def test_mixing_with_probability_one_takes_tail_rows_from_z2():
    G = FakeMapping()
    z1, z2 = torch.zeros(3, 4), torch.ones(3, 4)
    cutoffs = set()
    for seed in range(60):
        ws = mixing_regularization_ws(G, z1, z2, 1.0, generator=torch.Generator().manual_seed(seed))
        assert ws.shape == (3, 6, 4)
        from_z2 = ws[0, :, 0].tolist()
        cutoff = from_z2.index(1.0)
        assert from_z2 == [0.0] * cutoff + [1.0] * (6 - cutoff)
        assert (ws == ws[:1]).all()                    # one cutoff for the whole batch
        cutoffs.add(cutoff)
    assert cutoffs == {1, 2, 3, 4, 5}


def test_mixing_probability_and_w_avg_update():
    G = FakeMapping()
    z1, z2 = torch.zeros(2, 4), torch.ones(2, 4)
    ws = mixing_regularization_ws(G, z1, z2, 0.0, update_w_avg=True)
    assert (ws == 0).all() and G.calls == [True]
    gen = torch.Generator().manual_seed(0)
    mixed = sum(bool((mixing_regularization_ws(G, z1, z2, 0.5, generator=gen) == 1).any())
                for _ in range(400))
    assert 150 < mixed < 250
    assert not any(G.calls[1:])                       # only the caller's request updates w_avg
    with pytest.raises(ValueError):
        mixing_regularization_ws(G, z1, z2, 1.5)
