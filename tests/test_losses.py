"""Adversarial objectives: values, gradient directions, label targets, stability, optimal D."""
from __future__ import annotations

import dataclasses
import math
import warnings

import numpy as np
import pytest
import torch

from ganstudio.train import losses
from ganstudio.train.losses import OBJECTIVES, get_objective, optimal_discriminator

NAMES = ("minimax", "nonsaturating", "wgan", "wgan_gp", "hinge", "lsgan", "rpgan",
         "fgan_kl", "fgan_reverse_kl", "fgan_js", "fgan_pearson")

R = [2.0, -0.5]          # real logits used for the hand-computed values
F_ = [-1.0, 0.5]         # fake logits


def t(values, grad=False):
    return torch.tensor(values, dtype=torch.float64).view(-1, 1).requires_grad_(grad)


def sig(x):
    return 1.0 / (1.0 + math.exp(-x))


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs)


# --- f-GAN table written literally (activation g_f, conjugate f*), Nowozin et al. 2016 ---------
FGAN_TABLE = {
    "fgan_kl": (lambda v: v, lambda u: math.exp(u - 1.0)),
    "fgan_reverse_kl": (lambda v: -math.exp(-v), lambda u: -1.0 - math.log(-u)),
    "fgan_js": (lambda v: math.log(2.0) - math.log(1.0 + math.exp(-v)),
                lambda u: -math.log(2.0 - math.exp(u))),
    "fgan_pearson": (lambda v: v, lambda u: u * u / 4.0 + u),
}


def expected(name, player):
    """Hand-computed loss for R, F_ (default targets)."""
    if name in ("minimax", "nonsaturating") and player == "d":
        return mean(-math.log(sig(r)) for r in R) + mean(-math.log(1 - sig(f)) for f in F_)
    if name == "minimax":
        return mean(math.log(1 - sig(f)) for f in F_)
    if name == "nonsaturating":
        return mean(-math.log(sig(f)) for f in F_)
    if name in ("wgan", "wgan_gp"):
        return mean(F_) - mean(R) if player == "d" else -mean(F_)
    if name == "hinge":
        if player == "d":
            return mean(max(0.0, 1 - r) for r in R) + mean(max(0.0, 1 + f) for f in F_)
        return -mean(F_)
    if name == "lsgan":
        if player == "d":
            return 0.5 * mean((r - 1) ** 2 for r in R) + 0.5 * mean(f ** 2 for f in F_)
        return 0.5 * mean((f - 1) ** 2 for f in F_)
    if name == "rpgan":
        if player == "d":
            return mean(-math.log(sig(r - f)) for r, f in zip(R, F_))
        return mean(-math.log(sig(f - r)) for r, f in zip(R, F_))
    g, conj = FGAN_TABLE[name]
    if player == "d":
        return -(mean(g(r) for r in R) - mean(conj(g(f)) for f in F_))
    return -mean(g(f) for f in F_)   # alternative G update: maximise E[g_f(D(G(z)))]


@pytest.mark.parametrize("player", ["d", "g"])
@pytest.mark.parametrize("name", NAMES)
def test_hand_computed_values(name, player):
    loss = get_objective(name).fn(t(R), t(F_), player)
    assert loss.dim() == 0
    assert loss.item() == pytest.approx(expected(name, player), rel=1e-12, abs=1e-12)


def test_the_example_from_the_brief():
    loss = losses.minimax(t([2.0]), t([-1.0]), "d")
    assert loss.item() == pytest.approx(-math.log(sig(2)) - math.log(1 - sig(-1)), rel=1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_gradient_directions(name):
    fn = get_objective(name).fn
    # Inside every objective's active region (hinge margins, LSGAN targets, Pearson f > -2).
    real, fake = t([0.3, 0.7], grad=True), t([0.2, 0.5], grad=True)
    fn(real, fake, "d").backward()
    assert (real.grad < 0).all(), "raising real logits must lower D's loss"
    assert (fake.grad > 0).all(), "lowering fake logits must lower D's loss"
    real, fake = t([0.3, 0.7]), t([0.2, 0.5], grad=True)
    fn(real, fake, "g").backward()
    assert (fake.grad < 0).all(), "raising fake logits must lower G's loss"


@pytest.mark.parametrize("name", ["minimax", "nonsaturating", "wgan", "rpgan",
                                  "fgan_kl", "fgan_reverse_kl", "fgan_js"])
def test_gradient_directions_hold_for_any_logits(name):
    fn = get_objective(name).fn
    gen = torch.Generator().manual_seed(0)
    real = (torch.rand(64, 1, generator=gen, dtype=torch.float64) * 16 - 8).requires_grad_()
    fake = (torch.rand(64, 1, generator=gen, dtype=torch.float64) * 16 - 8).requires_grad_()
    fn(real, fake, "d").backward()
    assert (real.grad < 0).all() and (fake.grad > 0).all()
    fake2 = fake.detach().clone().requires_grad_()
    fn(real.detach(), fake2, "g").backward()
    assert (fake2.grad < 0).all()


@pytest.mark.parametrize("name", ["minimax", "nonsaturating"])
def test_label_targets_change_bce_d_loss(name):
    rt, ft = 0.9, 0.1
    loss = get_objective(name).fn(t(R), t(F_), "d", real_target=rt, fake_target=ft)
    want = (mean(-(rt * math.log(sig(r)) + (1 - rt) * math.log(1 - sig(r))) for r in R)
            + mean(-(ft * math.log(sig(f)) + (1 - ft) * math.log(1 - sig(f))) for f in F_))
    assert loss.item() == pytest.approx(want, rel=1e-12)
    assert loss.item() != pytest.approx(expected(name, "d"), rel=1e-3)


def test_label_targets_change_lsgan_d_loss():
    loss = losses.least_squares(t(R), t(F_), "d", real_target=0.8, fake_target=0.2)
    want = 0.5 * mean((r - 0.8) ** 2 for r in R) + 0.5 * mean((f - 0.2) ** 2 for f in F_)
    assert loss.item() == pytest.approx(want, rel=1e-12)


def test_smoothed_real_target_makes_overconfident_real_logits_costly():
    # With target 0.9, D is pushed back down when it is more than 90 % sure.
    real = t([4.0], grad=True)
    losses.nonsaturating(real, t([0.0]), "d", real_target=0.9).backward()
    assert real.grad.item() > 0


@pytest.mark.parametrize("name", NAMES)
def test_targets_only_affect_d_loss_of_objectives_that_use_them(name):
    obj = get_objective(name)
    for player in ("d", "g"):
        plain = obj.fn(t(R), t(F_), player).item()
        smoothed = obj.fn(t(R), t(F_), player, real_target=0.9, fake_target=0.2).item()
        if player == "d" and obj.uses_targets:
            assert smoothed != pytest.approx(plain, rel=1e-6)
        else:
            assert smoothed == plain


@pytest.mark.parametrize("name", NAMES)
def test_extreme_logits_give_finite_losses_and_gradients(name):
    fn = get_objective(name).fn
    values = [-1e4, -200.0, -50.0, 0.0, 50.0, 200.0, 1e4]
    for rv in values:
        for fv in values:
            real = torch.tensor([[rv]], requires_grad=True)
            fake = torch.tensor([[fv]], requires_grad=True)
            for player in ("d", "g"):
                loss = fn(real, fake, player)
                r_grad, f_grad = torch.autograd.grad(loss, (real, fake), allow_unused=True)
                assert torch.isfinite(loss), (player, rv, fv)
                assert f_grad is not None and torch.isfinite(f_grad).all()
                assert r_grad is None or torch.isfinite(r_grad).all()


def test_half_precision_logits_are_promoted():
    loss = losses.fgan_kl(torch.full((2, 1), 60.0, dtype=torch.float16),
                          torch.full((2, 1), 60.0, dtype=torch.float16), "d")
    assert loss.dtype == torch.float32 and torch.isfinite(loss)


def test_input_validation():
    with pytest.raises(ValueError, match="player"):
        losses.wgan(t(R), t(F_), "x")
    with pytest.raises(ValueError, match="real"):
        losses.hinge(None, t(F_), "d")
    with pytest.raises(ValueError, match="real"):
        losses.rpgan(None, t(F_), "g")
    with pytest.raises(ValueError, match="shape"):
        losses.rpgan(t([1.0, 2.0, 3.0]), t(F_), "d")
    assert torch.isfinite(losses.nonsaturating(None, t(F_), "g"))


# --- registry -------------------------------------------------------------------------------------

def test_registry_and_flags():
    assert tuple(OBJECTIVES) == NAMES
    for name, obj in OBJECTIVES.items():
        assert obj.name == name and obj.label and callable(obj.fn)
    assert get_objective("wgan").clip_weights == 0.01
    assert get_objective("wgan_gp").clip_weights is None
    assert get_objective("wgan_gp").default_gp == 10.0
    assert all(o.default_gp == 0 for n, o in OBJECTIVES.items() if n != "wgan_gp")
    assert {n for n, o in OBJECTIVES.items() if o.uses_targets} == {"minimax", "nonsaturating", "lsgan"}
    assert {n for n, o in OBJECTIVES.items() if o.g_needs_real} == {"rpgan"}
    assert {n for n, o in OBJECTIVES.items() if o.probability is None} == {"wgan", "wgan_gp", "hinge"}
    x = torch.tensor([[-3.0], [0.0], [2.0]])
    for name in ("minimax", "nonsaturating", "rpgan", "fgan_js"):
        assert torch.allclose(get_objective(name).probability(x), torch.sigmoid(x))
    with pytest.raises(dataclasses.FrozenInstanceError):
        get_objective("hinge").label = "x"


def test_unknown_objective_names_the_choices():
    with pytest.raises(ValueError) as err:
        get_objective("wasserstein")
    assert "wasserstein" in str(err.value) and "hinge" in str(err.value) and "fgan_js" in str(err.value)


# --- optimal discriminator ---------------------------------------------------------------------

def test_optimal_discriminator():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = optimal_discriminator(np.array([1.0, 0.0, 0.0, 3.0]), np.array([1.0, 2.0, 0.0, 1.0]))
    np.testing.assert_allclose(d, [0.5, 0.0, 0.5, 0.75])
    assert float(optimal_discriminator(0.0, 0.0)) == 0.5
    assert optimal_discriminator(np.ones((2, 3)), 3.0).shape == (2, 3)


@pytest.mark.parametrize("name", [n for n in NAMES if OBJECTIVES[n].probability is not None
                                  and n != "rpgan"])
def test_probability_of_the_pointwise_optimal_d_is_d_star(name):
    """Minimise p * (real term at v) + q * (fake term at v) over v numerically: the objective's
    "D(x)" at the minimiser must be p / (p + q)."""
    obj = get_objective(name)
    p = torch.tensor([0.2, 0.5, 0.9, 0.05], dtype=torch.float64)
    q = torch.tensor([0.8, 0.5, 0.3, 0.6], dtype=torch.float64)
    c = torch.zeros(1, 1, dtype=torch.float64)
    v = torch.zeros(4, dtype=torch.float64)
    for _ in range(100):                       # damped Newton; the objective is separable in v
        v.requires_grad_(True)
        total = sum(p[k] * obj.fn(v[k].view(1, 1), c, "d") + q[k] * obj.fn(c, v[k].view(1, 1), "d")
                    for k in range(4))
        (grad,) = torch.autograd.grad(total, v, create_graph=True)
        (hess,) = torch.autograd.grad(grad.sum(), v)
        v = (v - (grad / hess).clamp(-1.0, 1.0)).detach()
    assert grad.abs().max() < 1e-10
    got = obj.probability(v.detach()).numpy()
    np.testing.assert_allclose(got, optimal_discriminator(p.numpy(), q.numpy()), atol=1e-6)


def _gauss_quantiles(mu, n=20000):
    u = (torch.arange(n, dtype=torch.float64) + 0.5) / n
    return (mu + torch.special.ndtri(u)).view(-1, 1)


def _log_gauss(x, mu):
    return -0.5 * (x - mu) ** 2 - 0.5 * math.log(2 * math.pi)


def _js_numeric(mu_p, mu_q):
    x = np.linspace(-15, 15, 200001)
    p = np.exp(-0.5 * (x - mu_p) ** 2) / math.sqrt(2 * math.pi)
    q = np.exp(-0.5 * (x - mu_q) ** 2) / math.sqrt(2 * math.pi)
    m = 0.5 * (p + q)
    integrand = 0.5 * p * np.log(p / m) + 0.5 * q * np.log(q / m)
    trapezoid = getattr(np, "trapezoid", None) or np.trapz   # numpy < 2 has only trapz
    return float(trapezoid(integrand, x))


def test_minimax_d_loss_at_d_star_is_log4_when_distributions_match():
    x = _gauss_quantiles(0.3)
    d_star = optimal_discriminator(np.exp(_log_gauss(x.numpy(), 0.3)),
                                   np.exp(_log_gauss(x.numpy(), 0.3)))
    logits = torch.logit(torch.from_numpy(d_star))
    assert losses.minimax(logits, logits, "d").item() == pytest.approx(math.log(4.0), rel=1e-12)


def test_minimax_value_at_d_star_is_2js_minus_log4():
    mu_p, mu_q = 0.0, 1.0
    xr, xf = _gauss_quantiles(mu_p), _gauss_quantiles(mu_q)

    def d_star_logit(x):                     # log D* - log(1 - D*) = log p_data - log p_g
        return _log_gauss(x, mu_p) - _log_gauss(x, mu_q)

    js = _js_numeric(mu_p, mu_q)
    assert 0.05 < js < math.log(2)
    d_loss = losses.minimax(d_star_logit(xr), d_star_logit(xf), "d").item()
    assert -d_loss == pytest.approx(-math.log(4.0) + 2 * js, abs=1e-4)   # V(D*, G)
    fjs = losses.fgan_js(d_star_logit(xr), d_star_logit(xf), "d").item()
    assert fjs == pytest.approx(-2 * js, abs=1e-4)


@pytest.mark.parametrize("name, v_star, divergence", [
    # N(0,1) data vs N(mu,1) model, log ratio = log p - log q; divergences in closed form.
    ("fgan_kl", lambda lr: 1.0 + lr, lambda mu: mu * mu / 2),           # KL(p||q)
    ("fgan_reverse_kl", lambda lr: lr, lambda mu: mu * mu / 2),         # KL(q||p)
    ("fgan_pearson", lambda lr: 2.0 * (torch.exp(lr) - 1.0), lambda mu: math.exp(mu * mu) - 1.0),
])
def test_fgan_d_loss_at_optimum_is_minus_the_divergence(name, v_star, divergence):
    mu = 0.5
    xr, xf = _gauss_quantiles(0.0), _gauss_quantiles(mu)

    def log_ratio(x):
        return _log_gauss(x, 0.0) - _log_gauss(x, mu)

    loss = get_objective(name).fn(v_star(log_ratio(xr)), v_star(log_ratio(xf)), "d").item()
    assert loss == pytest.approx(-divergence(mu), abs=1e-3)
