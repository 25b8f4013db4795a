"""The sample picture of a toy run: generated samples over the data, drawn on labelled axes.

2-D data: a scatter of the real points (grey) and the generated ones (blue).  1-D data:
density histograms of both.  Both get x / y axes with round tick values, a frame and a small
legend, so a saved ``samples/step_*.png`` reads on its own.  Pillow only (the engine draws it
headless; the Training panel shows the same picture).
"""
from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

REAL = (170, 170, 170)
FAKE = (31, 90, 200)
INK = (60, 60, 60)
GRID = (232, 232, 232)


def nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Round values (1, 2, 2.5 or 5 times a power of ten apart) covering [lo, hi]."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo]
    raw = (hi - lo) / max(target, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    ticks, t = [], first
    while t <= hi + 1e-9 * step:
        ticks.append(0.0 if abs(t) < 1e-12 * step else t)
        t += step
    return ticks


def _label(v: float) -> str:
    return f"{v:g}" if abs(v) >= 1e-3 or v == 0 else f"{v:.1e}"


def density_histogram(values: np.ndarray, bins: int, extent) -> np.ndarray:
    """Histogram of samples ``values`` ([N] or [N, d]) with ``bins`` cells per axis over
    ``extent`` ([lo, hi] or [d, 2]: one [lo, hi] per column), as a density of all finite samples.

    Samples outside the extent still count in the total, so a generator far off the view draws
    low bars (zeros when none is in view), never a full histogram of its few samples inside and
    never a division by zero.  One rule for every toy view: the 1-D histograms of the panel and
    of the saved picture and the 2-D p_g of ``Trainer.toy_snapshot()``.  Axis k of the result
    bins column k of ``values``.
    """
    v = np.asarray(values, dtype=np.float64)
    v = v[:, None] if v.ndim == 1 else v
    ext = np.asarray(extent, dtype=np.float64).reshape(v.shape[1], 2)
    if not (np.isfinite(ext).all() and (ext[:, 1] > ext[:, 0]).all()):
        raise ValueError(f"the extent must be finite and widen along every axis, got {ext.tolist()}")
    v = v[np.isfinite(v).all(1)]
    counts, _ = np.histogramdd(v, bins=bins, range=[(lo, hi) for lo, hi in ext])
    if not len(v):
        return counts
    return counts / (len(v) * float(np.prod((ext[:, 1] - ext[:, 0]) / bins)))


class _Frame:
    """Maps data coordinates to pixels inside the plotting area of a square picture."""

    def __init__(self, size: int, x_range, y_range):
        self.size = size
        small = size < 240
        self.font = ImageFont.load_default(size=max(8, size // 30))
        self.left = 0 if small else int(size * 0.13)
        self.bottom = 0 if small else int(size * 0.09)
        self.top, self.right = (0, 0) if small else (6, 8)
        self.axes = not small
        self.x0, self.x1 = x_range
        self.y0, self.y1 = y_range
        self.w = size - self.left - self.right
        self.h = size - self.top - self.bottom

    def px(self, x: np.ndarray) -> np.ndarray:
        return self.left + (x - self.x0) / (self.x1 - self.x0) * self.w

    def py(self, y: np.ndarray) -> np.ndarray:
        return self.top + (1 - (y - self.y0) / (self.y1 - self.y0)) * self.h

    def draw_axes(self, d: ImageDraw.ImageDraw, y_ticks: bool = True) -> None:
        if not self.axes:
            return
        for t in nice_ticks(self.x0, self.x1):
            x = float(self.px(np.float64(t)))
            d.line([(x, self.top), (x, self.top + self.h)], fill=GRID)
            d.line([(x, self.top + self.h), (x, self.top + self.h + 4)], fill=INK)
            d.text((x, self.top + self.h + 5), _label(t), fill=INK, font=self.font, anchor="mt")
        if y_ticks:
            for t in nice_ticks(self.y0, self.y1):
                y = float(self.py(np.float64(t)))
                d.line([(self.left, y), (self.left + self.w, y)], fill=GRID)
                d.line([(self.left - 4, y), (self.left, y)], fill=INK)
                d.text((self.left - 6, y), _label(t), fill=INK, font=self.font, anchor="rm")
        d.rectangle([self.left, self.top, self.left + self.w, self.top + self.h], outline=INK)

    def legend(self, d: ImageDraw.ImageDraw) -> None:
        if not self.axes:
            return
        x, y = self.left + self.w - 6, self.top + 6
        for text, colour in (("data", REAL), ("generated", FAKE)):
            d.text((x - 14, y), text, fill=INK, font=self.font, anchor="ra")
            d.rectangle([x - 10, y + 2, x - 2, y + 10], fill=colour)
            y += self.font.size + 4


def render_toy_png(samples: np.ndarray, real: np.ndarray, extent: np.ndarray, size: int = 320,
                   p_data: np.ndarray | None = None) -> np.ndarray:
    """HxWx3 uint8 picture of ``samples`` over ``real`` within ``extent`` ([[x0, x1], ...])."""
    img = Image.new("RGB", (size, size), (255, 255, 255))
    d = ImageDraw.Draw(img)
    if samples.shape[1] == 2:
        f = _Frame(size, extent[0], extent[1])
        f.draw_axes(d)
        arr = np.array(img)
        for pts, colour in ((real, REAL), (samples, FAKE)):
            pts = pts[np.isfinite(pts).all(1)]
            xs, ys = f.px(pts[:, 0]), f.py(pts[:, 1])
            inside = (xs >= f.left) & (xs < f.left + f.w - 1) & (ys >= f.top) & (ys < f.top + f.h - 1)
            xi, yi = xs[inside].astype(int), ys[inside].astype(int)
            for dy in (0, 1):
                for dx in (0, 1):
                    arr[yi + dy, xi + dx] = colour
        img = Image.fromarray(arr)
        d = ImageDraw.Draw(img)
        f.legend(d)
        return np.asarray(img).copy()
    lo, hi = extent[0]
    probe = _Frame(size, (lo, hi), (0, 1))
    bins = max(8, probe.w // 4)
    h_real, h_fake = (density_histogram(v[:, 0], bins, (lo, hi)) for v in (real, samples))
    top = max(h_real.max(initial=0), h_fake.max(initial=0), 1e-9) * 1.1
    f = _Frame(size, (lo, hi), (0, top))
    f.draw_axes(d)
    edges = np.linspace(lo, hi, bins + 1)
    for heights, colour, inset in ((h_real, REAL, 0), (h_fake, FAKE, 1)):
        for a, b, v in zip(edges[:-1], edges[1:], heights):
            if v <= 0:
                continue
            x0, x1 = float(f.px(a)) + inset, float(f.px(b)) - inset - 1
            base = f.top + f.h - 1
            d.rectangle([x0, min(float(f.py(v)), base), max(x0, x1), base], fill=colour)
    f.draw_axes(d, y_ticks=False)   # the frame and x ticks again, over the bars
    f.legend(d)
    return np.asarray(img).copy()
