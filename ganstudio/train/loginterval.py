"""Averages over one logging interval: the losses of every step since the last log line.

Losses are summed as tensors (no device sync per step) and read once per log line.  The
running state is saved in checkpoints, so the first log line after a resume averages over the
same steps as in an uninterrupted run.
"""
from __future__ import annotations

import torch


class LogInterval:
    def __init__(self, device: torch.device):
        self.device = device
        self.reset(0.0)

    def reset(self, elapsed: float, state: dict | None = None) -> None:
        """Start a new interval at training time ``elapsed`` (or continue a saved one)."""
        self.sum_d = self.sum_g = None
        self.n, self.images, self.t0 = 0, 0, elapsed
        if state and state.get("n"):
            self.sum_d = torch.tensor(state["d"], dtype=torch.float32, device=self.device)
            self.sum_g = torch.tensor(state["g"], dtype=torch.float32, device=self.device)
            self.n, self.images = int(state["n"]), int(state["images"])
            self.t0 = elapsed - float(state["seconds"])

    def add(self, loss_d: torch.Tensor, loss_g: torch.Tensor, images: int) -> None:
        self.sum_d = loss_d if self.sum_d is None else self.sum_d + loss_d
        self.sum_g = loss_g if self.sum_g is None else self.sum_g + loss_g
        self.n += 1
        self.images += images

    def state(self, elapsed: float) -> dict:
        if not self.n:
            return {"n": 0}
        return {"n": self.n, "d": float(self.sum_d), "g": float(self.sum_g),
                "images": self.images, "seconds": elapsed - self.t0}

    def summary(self, elapsed: float) -> dict:
        """Mean losses and images/s of the interval; starts the next interval."""
        out = {"images_per_s": self.images / max(elapsed - self.t0, 1e-9),
               "loss_d": float(self.sum_d) / self.n, "loss_g": float(self.sum_g) / self.n}
        self.reset(elapsed)
        return out
