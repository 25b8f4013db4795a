"""What a run shows of its generator: samples from fixed latents, the picture stored in
``samples/`` (an image grid, or a toy plot), toy quality numbers and the toy teaching snapshot.

The fixed latents come from the run's seed through their own random streams (never the
trainer's training generator), so looking at the model never changes how it trains, and grids
of the same run are comparable from step to step.
"""
from __future__ import annotations

import functools

import numpy as np
import torch
from torch import nn

from ganstudio.core.imaging import make_grid, to_uint8
from ganstudio.core.latent import sample_z
from ganstudio.core.nets import generate
from ganstudio.train import toy as toyviz
from ganstudio.train.toy_picture import render_toy_png
from ganstudio.train.toy_divergence import grid_divergences

TOY_FIXED_SAMPLES = 1000      # points in a toy run's sample plot
TOY_EVAL_SAMPLES = 2500       # points behind toy quality numbers (PacGAN: 2,500) and snapshots


class FixedSamples:
    """A run's fixed latents (``z``; toy runs also ``eval_z`` and a fixed real set ``real``)."""

    def __init__(self, *, seed: int, z_dim: int, data, rows: int, cols: int,
                 device: torch.device):
        self.data, self.rows, self.cols, self.device = data, rows, cols, device
        self.is_toy = data.kind == "toy"
        self.z = sample_z(seed, TOY_FIXED_SAMPLES if self.is_toy else rows * cols, z_dim)
        self.eval_z = self.real = None
        if self.is_toy:
            self.eval_z = sample_z(seed + 1, TOY_EVAL_SAMPLES, z_dim)
            self.real = data.sample(TOY_EVAL_SAMPLES, torch.Generator(device).manual_seed(seed + 2))

    @torch.no_grad()
    def images(self, G: nn.Module, z: torch.Tensor | None = None) -> torch.Tensor:
        """G's samples (CPU float) in eval mode, constant noise; default: the fixed z."""
        was_training = G.training
        G.eval()
        try:
            z = (self.z if z is None else z).to(self.device)
            out = generate(G, z, noise_mode="const")
        finally:
            G.train(was_training)
        return out.float().cpu()

    def picture(self, G: nn.Module) -> np.ndarray:
        """The uint8 [H, W, 3] picture of G's fixed samples: a grid, or a toy scatter plot."""
        if self.is_toy:
            return render_toy_png(self.images(G).numpy(), self.real.cpu().numpy(),
                                         toyviz.data_extent(self.data))
        return make_grid(to_uint8(self.images(G)), self.rows, self.cols)

    @torch.no_grad()
    def toy_eval(self, G: nn.Module) -> np.ndarray:
        """G's samples of the fixed evaluation latents (toy runs), float [2500, D]."""
        return generate(G, self.eval_z.to(self.device)).float().cpu().numpy()

    def toy_quality(self, G: nn.Module) -> dict:
        """Modes captured / high-quality share (or mean and std for 1-D data) of G's samples;
        for 2-D data also KL both ways and JS on the teaching view's grid (see
        :mod:`.toy_divergence`), so the diagnostics plot can draw them over the run."""
        samples = self.toy_eval(G)
        out = toyviz.toy_quality(samples, self.data)
        if samples.shape[1] == 2:
            d = grid_divergences(self.real_array, samples, *self.grid_axes)
            out.update(js=d["js"], kl_data_g=d["kl_data_g"], kl_g_data=d["kl_g_data"])
        return out

    @functools.cached_property
    def real_array(self) -> np.ndarray:
        return self.real.cpu().numpy()

    @functools.cached_property
    def grid_axes(self) -> tuple[np.ndarray, np.ndarray]:
        """x and y of the 2-D views' grid (the data's extent never changes during a run)."""
        ext = toyviz.data_extent(self.data)
        return (np.linspace(ext[0, 0], ext[0, 1], toyviz.GRID),
                np.linspace(ext[1, 0], ext[1, 1], toyviz.GRID))

    def toy_snapshot(self, G: nn.Module, D: nn.Module, objective, pack: int) -> dict:
        """Teaching-view arrays (see ganstudio.train.toy.toy_snapshot)."""
        return toyviz.toy_snapshot(G=G, D=D, data=self.data, objective=objective, z=self.eval_z,
                                   real=self.real, pack=pack)
