"""Regularisers for GAN training: gradient penalties, path length, label smoothing, noise.

Penalties return the *unweighted* term; the trainer multiplies by its weight (and, for lazy
regularisation, by the interval, StyleGAN2 practice).  R1 / R2 carry no 1/2 factor: the
StyleGAN2 convention ``gamma / 2 * R1`` is the trainer's weight ``gamma / 2``.

Gradient norms are taken per discriminator *output*: the gradient is reshaped to
``[n_outputs, -1]``, so with PacGAN packing (D maps ``[N * m, ...]`` to ``[N, 1]`` by
grouping ``m`` consecutive rows) the norm is that of the whole packed sample.
"""
from __future__ import annotations

import math

import torch
from torch import Tensor, nn

__all__ = [
    "wgan_gp_penalty", "r1_penalty", "r2_penalty", "path_length_penalty",
    "label_targets", "instance_noise", "lazy_interval_due", "mixing_regularization_ws",
    "LABEL_SMOOTHING_MODES",
]

LABEL_SMOOTHING_MODES = ("none", "one_sided", "two_sided")


def _input_grad_sq_norms(outputs: Tensor, inputs: Tensor) -> Tensor:
    """Squared norm of d(outputs)/d(inputs) per output row; differentiable (create_graph)."""
    (grad,) = torch.autograd.grad(outputs=outputs.sum(), inputs=inputs, create_graph=True)
    return _wide(grad.reshape(outputs.shape[0], -1)).square().sum(dim=1)


def _wide(x: Tensor) -> Tensor:
    """Half-precision tensors promoted to float32; others unchanged."""
    return x.float() if x.dtype in (torch.float16, torch.bfloat16) else x


def _rand(shape, *, like: Tensor, generator: torch.Generator | None) -> Tensor:
    device = generator.device if generator is not None else like.device
    return torch.rand(shape, generator=generator, device=device).to(like.device, like.dtype)


def wgan_gp_penalty(D: nn.Module, real: Tensor, fake: Tensor,
                    generator: torch.Generator | None = None, *,
                    alpha: Tensor | None = None) -> Tensor:
    """WGAN-GP (Gulrajani et al.): E[(||grad_x D(x_hat)||_2 - 1)^2] on random interpolates.

    x_hat = alpha * real + (1 - alpha) * fake with alpha ~ U[0, 1] per row.  ``fake`` is
    detached; the penalty is differentiable w.r.t. D's parameters.
    alpha:   the interpolation weights, one per row ([N] or [N, 1, ...]); None = drawn from
             ``generator`` (a caller that splits a batch draws them for the whole batch).
    """
    if real.shape != fake.shape:
        raise ValueError(f"real and fake must have the same shape "
                         f"({tuple(real.shape)} vs {tuple(fake.shape)})")
    row_shape = (real.shape[0],) + (1,) * (real.dim() - 1)
    if alpha is None:
        alpha = _rand(row_shape, like=real, generator=generator)
    elif alpha.numel() != real.shape[0]:
        raise ValueError(f"alpha must hold one weight per row ({real.shape[0]}), "
                         f"got shape {tuple(alpha.shape)}")
    else:
        alpha = alpha.reshape(row_shape).to(real.device, real.dtype)
    x_hat = (alpha * real.detach() + (1.0 - alpha) * fake.detach()).requires_grad_(True)
    norms = _input_grad_sq_norms(D(x_hat), x_hat).add(1e-12).sqrt()
    return (norms - 1.0).square().mean()


def r1_penalty(D: nn.Module, real: Tensor) -> tuple[Tensor, Tensor]:
    """Zero-centred penalty on real data: E[||grad_x D(x)||^2].  Returns (penalty, logits).

    The logits are D(real) with their graph intact, so the D loss can reuse them.
    """
    x = real.detach().requires_grad_(True)
    logits = D(x)
    return _input_grad_sq_norms(logits, x).mean(), logits


def r2_penalty(D: nn.Module, fake: Tensor) -> tuple[Tensor, Tensor]:
    """Zero-centred penalty on generated data (``fake`` detached).  Returns (penalty, logits)."""
    x = fake.detach().requires_grad_(True)
    logits = D(x)
    return _input_grad_sq_norms(logits, x).mean(), logits


def path_lengths(G: nn.Module, ws: Tensor, *, generator: torch.Generator | None = None,
                 probe: Tensor | None = None, create_graph: bool = False) -> Tensor:
    """Per-sample path lengths [N] of the synthesis network at ``ws`` (see
    :func:`path_length_penalty`); ``create_graph`` keeps them differentiable."""
    if ws.dim() != 3:
        raise ValueError(f"ws must be [N, num_ws, w_dim], got shape {tuple(ws.shape)}")
    if not ws.requires_grad:
        ws = ws.detach().requires_grad_(True)
    img = G.synthesis(ws, noise_mode="random")
    pixels = img.shape[-2] * img.shape[-1] if img.dim() == 4 else 1   # points: no pixels
    if probe is None:
        device = generator.device if generator is not None else img.device
        probe = torch.randn(img.shape, generator=generator, device=device)
    elif probe.shape != img.shape:
        raise ValueError(f"probe must have the images' shape {tuple(img.shape)}, "
                         f"got {tuple(probe.shape)}")
    y = probe.to(img.device, img.dtype) / math.sqrt(pixels)
    (grad,) = torch.autograd.grad(outputs=(img * y).sum(), inputs=ws, create_graph=create_graph)
    return _wide(grad).square().sum(dim=2).mean(dim=1).add(1e-12).sqrt()


def path_length_penalty(G: nn.Module, ws: Tensor, pl_mean: Tensor, decay: float = 0.01,
                        *, generator: torch.Generator | None = None,
                        probe: Tensor | None = None) -> tuple[Tensor, Tensor]:
    """StyleGAN2 path-length regularisation.  Returns (penalty, new pl_mean).

    ws:      [N, num_ws, w_dim]; if it carries no graph it is made a leaf (then only the
             synthesis network is regularised, not the mapping).
    pl_mean: running mean of the path lengths (scalar tensor; not modified in place).
    probe:   the random image-space directions, N(0, I) of the images' shape [N, C, H, W]
             (unscaled; [N, D] for a toy generator of points, whose y is not scaled);
             None = drawn from ``generator`` after the synthesis pass.
    For y ~ N(0, I) / sqrt(H * W), the per-sample length is
    sqrt(mean over the num_ws rows of sum over w_dim of (J^T y)^2), J = d synthesis / d ws.
    The new pl_mean = pl_mean + decay * (mean length - pl_mean) (detached) and the penalty is
    E[(length - new pl_mean)^2], as in the official implementation.
    """
    lengths = path_lengths(G, ws, generator=generator, probe=probe, create_graph=True)
    pl_mean = pl_mean.detach().to(lengths.device, lengths.dtype)
    new_mean = pl_mean + decay * (lengths.mean().detach() - pl_mean)
    return (lengths - new_mean).square().mean(), new_mean


def label_targets(mode: str, amount: float) -> tuple[float, float]:
    """(real_target, fake_target) for label smoothing.

    "none" -> (1, 0); "one_sided" -> (1 - amount, 0); "two_sided" -> (1 - amount, amount).
    ``amount`` must be in [0, 0.5] (ignored for "none"); two-sided 0.5 leaves D nothing to learn.
    """
    if mode not in LABEL_SMOOTHING_MODES:
        raise ValueError(f"unknown label smoothing mode {mode!r}; choose one of: "
                         f"{', '.join(LABEL_SMOOTHING_MODES)}")
    if mode == "none":
        return 1.0, 0.0
    if not 0.0 <= amount <= 0.5:
        raise ValueError(f"label smoothing amount must be in [0, 0.5], got {amount}")
    return 1.0 - amount, (amount if mode == "two_sided" else 0.0)


def instance_noise(x: Tensor, sigma: float, generator: torch.Generator | None = None) -> Tensor:
    """x + sigma * N(0, I) (instance noise on D's inputs); x itself when sigma == 0."""
    if sigma < 0:
        raise ValueError(f"instance noise sigma must be >= 0, got {sigma}")
    if sigma == 0:
        return x
    device = generator.device if generator is not None else x.device
    noise = torch.randn(x.shape, generator=generator, device=device).to(x.device, x.dtype)
    return x + sigma * noise


def lazy_interval_due(step: int, interval: int) -> bool:
    """Whether a lazily applied regulariser runs at ``step`` (0 = never, 1 = every step)."""
    if interval < 0:
        raise ValueError(f"regularisation interval must be >= 0, got {interval}")
    return interval > 0 and step % interval == 0


def mixing_regularization_ws(G: nn.Module, z1: Tensor, z2: Tensor, prob: float,
                             generator: torch.Generator | None = None, *,
                             update_w_avg: bool = False) -> Tensor:
    """Style-mixing regularisation: ws [N, num_ws, w_dim] from z1, except that with
    probability ``prob`` (one draw per batch) the rows from a random cutoff in
    [1, num_ws - 1] onward come from z2.  ``update_w_avg`` applies to the z1 mapping only.
    """
    if not 0.0 <= prob <= 1.0:
        raise ValueError(f"style mixing probability must be in [0, 1], got {prob}")
    ws = G.mapping(z1, update_w_avg=update_w_avg)
    num_ws = ws.shape[1]
    if prob == 0.0 or num_ws < 2:
        return ws
    device = generator.device if generator is not None else "cpu"
    if torch.rand((), generator=generator, device=device).item() >= prob:
        return ws
    cutoff = int(torch.randint(1, num_ws, (), generator=generator, device=device).item())
    ws2 = G.mapping(z2, update_w_avg=False)
    return torch.cat([ws[:, :cutoff], ws2[:, cutoff:]], dim=1)
