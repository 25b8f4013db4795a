"""Adversarial objectives: one function per objective, all with the same signature.

    loss = objective(real, fake, player, *, real_target=1.0, fake_target=0.0)

``real`` / ``fake`` are the discriminator's raw outputs (logits, shape [N, 1]) on a real and
on a generated batch; ``player`` is ``"d"`` (the discriminator's loss, to be minimised by D)
or ``"g"`` (the generator's loss, to be minimised by G).  ``real`` may be ``None`` for
``player="g"`` unless the objective compares real and fake (``Objective.g_needs_real``).

Conventions shared by every objective:

* Every loss is a scalar that its player *minimises*; means are over the batch.
* Logs of sigmoids are written with ``softplus`` / ``logsigmoid`` so no ``log(0)`` can occur.
* ``real_target`` / ``fake_target`` (label smoothing) only change the *discriminator's*
  loss, and only for objectives with ``uses_targets`` (minimax, non-saturating, LSGAN); the
  generator's loss never depends on them (smoothing regularises D, it does not move G's goal).
* Half-precision logits are promoted to float32 before the loss is computed.

f-GAN (Nowozin et al., 2016).  For a divergence with generator function ``f`` the critic
output ``v`` goes through an output activation ``g_f`` and D maximises the variational bound
``E_real[g_f(v)] - E_fake[f*(g_f(v))]`` (``f*`` the Fenchel conjugate), so the D loss is its
negative; at the optimal D the loss equals ``-D_f(p_data || p_g)``.  For G we use the paper's
*alternative* ("non-saturating") update: G maximises ``E_fake[g_f(v)]``, so the G loss is
``-E_fake[g_f(v)]``.  Exponentials in the KL / reverse-KL terms continue linearly above
``EXP_LINEAR_ABOVE`` so that extreme logits give large but finite losses and gradients.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor

__all__ = [
    "minimax", "nonsaturating", "wgan", "hinge", "least_squares", "rpgan",
    "fgan_kl", "fgan_reverse_kl", "fgan_js", "fgan_pearson",
    "Objective", "OBJECTIVES", "get_objective", "optimal_discriminator", "EXP_LINEAR_ABOVE",
]

LOG2 = math.log(2.0)

# exp(x) is used exactly up to this argument and continued by its tangent line beyond it.
EXP_LINEAR_ABOVE = 30.0


# --- shared helpers ----------------------------------------------------------------------------

def _as_float(x: Tensor) -> Tensor:
    return x.float() if x.dtype in (torch.float16, torch.bfloat16) else x


def _check(real: Tensor | None, fake: Tensor, player: str, *, needs_real_for_g: bool = False
           ) -> tuple[Tensor | None, Tensor]:
    if player not in ("d", "g"):
        raise ValueError(f"player must be 'd' or 'g', got {player!r}")
    if real is None and (player == "d" or needs_real_for_g):
        raise ValueError(f"player {player!r} needs the real logits for this objective (got None)")
    return (None if real is None else _as_float(real)), _as_float(fake)


def _bce(logits: Tensor, target: float) -> Tensor:
    """Per-element binary cross-entropy of sigmoid(logits) against ``target`` (stable)."""
    if target == 1.0:
        return F.softplus(-logits)
    if target == 0.0:
        return F.softplus(logits)
    return target * F.softplus(-logits) + (1.0 - target) * F.softplus(logits)


def _safe_exp(x: Tensor) -> Tensor:
    """exp(x), continued by its tangent line above EXP_LINEAR_ABOVE (finite, C1, increasing)."""
    return torch.exp(x.clamp(max=EXP_LINEAR_ABOVE)) * (1.0 + F.relu(x - EXP_LINEAR_ABOVE))


# --- BCE family ----------------------------------------------------------------------------------

def minimax(real: Tensor | None, fake: Tensor, player: str, *,
            real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """Original GAN (Goodfellow et al.).  D: BCE(real, real_target) + BCE(fake, fake_target).

    G (saturating): minimises E[log(1 - D(G(z)))] = -E[softplus(fake)].
    """
    real, fake = _check(real, fake, player)
    if player == "d":
        return _bce(real, real_target).mean() + _bce(fake, fake_target).mean()
    return F.logsigmoid(-fake).mean()


def nonsaturating(real: Tensor | None, fake: Tensor, player: str, *,
                  real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """Same D loss as :func:`minimax`; G minimises -E[log D(G(z))] = E[softplus(-fake)]."""
    real, fake = _check(real, fake, player)
    if player == "d":
        return _bce(real, real_target).mean() + _bce(fake, fake_target).mean()
    return F.softplus(-fake).mean()


def least_squares(real: Tensor | None, fake: Tensor, player: str, *,
                  real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """LSGAN (Mao et al.) with a = fake_target, b = real_target and c = 1 (fixed).

    D: 1/2 E[(D(x) - b)^2] + 1/2 E[(D(G(z)) - a)^2];  G: 1/2 E[(D(G(z)) - 1)^2].
    """
    real, fake = _check(real, fake, player)
    if player == "d":
        return 0.5 * (real - real_target).square().mean() + 0.5 * (fake - fake_target).square().mean()
    return 0.5 * (fake - 1.0).square().mean()


# --- critics ----------------------------------------------------------------------------------

def wgan(real: Tensor | None, fake: Tensor, player: str, *,
         real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """Wasserstein GAN.  D: E[fake] - E[real];  G: -E[fake].  Targets are ignored."""
    real, fake = _check(real, fake, player)
    if player == "d":
        return fake.mean() - real.mean()
    return -fake.mean()


def hinge(real: Tensor | None, fake: Tensor, player: str, *,
          real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """Hinge loss.  D: E[relu(1 - real)] + E[relu(1 + fake)];  G: -E[fake].  Targets ignored."""
    real, fake = _check(real, fake, player)
    if player == "d":
        return F.relu(1.0 - real).mean() + F.relu(1.0 + fake).mean()
    return -fake.mean()


def rpgan(real: Tensor | None, fake: Tensor, player: str, *,
          real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """Relativistic paired GAN: the i-th real is compared with the i-th fake.

    D: E[softplus(-(real - fake))] = -E[log sigmoid(real - fake)];
    G: E[softplus(-(fake - real))].  Both players need ``real``; targets are ignored.
    """
    real, fake = _check(real, fake, player, needs_real_for_g=True)
    if real.shape != fake.shape:
        raise ValueError(f"rpgan pairs real and fake logits: shapes differ "
                         f"({tuple(real.shape)} vs {tuple(fake.shape)})")
    if player == "d":
        return F.softplus(fake - real).mean()
    return F.softplus(real - fake).mean()


# --- f-GAN ---------------------------------------------------------------------------------------
# For each divergence: g(v) = output activation g_f, and conj_g(v) = f*(g_f(v)) written directly
# in terms of v so that it is stable.

def _fgan(g: Callable[[Tensor], Tensor], conj_g: Callable[[Tensor], Tensor],
          real: Tensor | None, fake: Tensor, player: str) -> Tensor:
    real, fake = _check(real, fake, player)
    if player == "d":
        return -g(real).mean() + conj_g(fake).mean()
    return -g(fake).mean()


def fgan_kl(real: Tensor | None, fake: Tensor, player: str, *,
            real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """f-GAN, KL(p_data || p_g): f(u) = u log u, g_f(v) = v, f*(t) = exp(t - 1)."""
    return _fgan(lambda v: v, lambda v: _safe_exp(v - 1.0), real, fake, player)


def fgan_reverse_kl(real: Tensor | None, fake: Tensor, player: str, *,
                    real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """f-GAN, KL(p_g || p_data): f(u) = -log u, g_f(v) = -exp(-v), f*(t) = -1 - log(-t)."""
    return _fgan(lambda v: -_safe_exp(-v), lambda v: v - 1.0, real, fake, player)


def fgan_js(real: Tensor | None, fake: Tensor, player: str, *,
            real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """f-GAN, Jensen-Shannon: f(u) = u log u - (u + 1) log((u + 1) / 2),
    g_f(v) = log 2 + log sigmoid(v), f*(t) = -log(2 - exp(t)), so f*(g_f(v)) = softplus(v) - log 2.

    The D loss equals the minimax D loss minus log 4 (its optimum is -2 JS).
    """
    return _fgan(lambda v: LOG2 - F.softplus(-v), lambda v: F.softplus(v) - LOG2,
                 real, fake, player)


def fgan_pearson(real: Tensor | None, fake: Tensor, player: str, *,
                 real_target: float = 1.0, fake_target: float = 0.0) -> Tensor:
    """f-GAN, Pearson chi^2: f(u) = (u - 1)^2, g_f(v) = v, f*(t) = t^2 / 4 + t."""
    return _fgan(lambda v: v, lambda v: 0.25 * v.square() + v, real, fake, player)


# --- "D(x)" maps for plots -----------------------------------------------------------------------
# Each maps the raw output to the probability-like value whose optimum is p_data / (p_data + p_g).

def _identity(v: Tensor) -> Tensor:
    return v


def _kl_probability(v: Tensor) -> Tensor:        # optimum v = 1 + log(p/q)
    return torch.sigmoid(v - 1.0)


def _pearson_probability(v: Tensor) -> Tensor:   # optimum v = 2 (p/q - 1)
    ratio = F.relu(1.0 + 0.5 * v)
    return ratio / (1.0 + ratio)


# --- registry ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Objective:
    name: str                      # registry key, e.g. "wgan_gp"
    fn: Callable[..., Tensor]      # the loss function (signature above)
    label: str                     # human-readable name for the UI
    uses_targets: bool             # label smoothing (real/fake targets) changes the D loss
    g_needs_real: bool             # the G loss needs real logits too (relativistic)
    clip_weights: float | None     # clip D weights to [-c, c] after each D step; None = no clipping
    default_gp: float              # default WGAN-GP weight (0 = no gradient penalty)
    probability: Callable[[Tensor], Tensor] | None  # logits -> "D(x)" for plots; None = critic


def _obj(name, fn, label, *, uses_targets=False, g_needs_real=False, clip_weights=None,
         default_gp=0.0, probability=None) -> Objective:
    return Objective(name, fn, label, uses_targets, g_needs_real, clip_weights, default_gp,
                     probability)


OBJECTIVES: dict[str, Objective] = {o.name: o for o in (
    _obj("minimax", minimax, "Minimax GAN (saturating)", uses_targets=True,
         probability=torch.sigmoid),
    _obj("nonsaturating", nonsaturating, "Non-saturating GAN", uses_targets=True,
         probability=torch.sigmoid),
    _obj("wgan", wgan, "WGAN (weight clipping)", clip_weights=0.01),
    _obj("wgan_gp", wgan, "WGAN-GP (gradient penalty)", default_gp=10.0),
    _obj("hinge", hinge, "Hinge loss"),
    _obj("lsgan", least_squares, "Least squares (LSGAN)", uses_targets=True,
         probability=_identity),
    _obj("rpgan", rpgan, "Relativistic paired GAN (RpGAN)", g_needs_real=True,
         probability=torch.sigmoid),
    _obj("fgan_kl", fgan_kl, "f-GAN: KL", probability=_kl_probability),
    _obj("fgan_reverse_kl", fgan_reverse_kl, "f-GAN: reverse KL", probability=torch.sigmoid),
    _obj("fgan_js", fgan_js, "f-GAN: Jensen-Shannon", probability=torch.sigmoid),
    _obj("fgan_pearson", fgan_pearson, "f-GAN: Pearson chi-squared",
         probability=_pearson_probability),
)}


def get_objective(name: str) -> Objective:
    """The registered objective called ``name``; ValueError listing the choices otherwise."""
    try:
        return OBJECTIVES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown objective {name!r}; choose one of: "
                         f"{', '.join(OBJECTIVES)}") from None


def optimal_discriminator(p_data, p_g) -> np.ndarray:
    """D*(x) = p_data / (p_data + p_g) for fixed G; 0.5 where both densities are 0."""
    p_data = np.asarray(p_data, dtype=np.float64)
    p_g = np.asarray(p_g, dtype=np.float64)
    total = p_data + p_g
    out = np.full(np.broadcast(p_data, p_g).shape, 0.5)
    np.divide(p_data, total, out=out, where=total > 0)
    return out
