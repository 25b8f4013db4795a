"""StyleGAN3's input transform: move and turn the Fourier features the synthesis starts from.

A StyleGAN3 synthesis network begins with Fourier features, continuous functions of the
image plane; its ``input.transform`` buffer (an inverse 3 x 3 transform) says where in that
plane the image looks.  Translating or rotating it moves the picture the network paints, and
an alias-free (equivariant) network moves the *details* with it, not just the outline.
"Untransforming" resamples the output back by the inverse of the motion: a truly equivariant
model then shows a still image; what still moves is where it is not equivariant.

Units: the image spans one unit (x to the right, y down), so a translation of 0.25 moves the
content by a quarter of the image width; angles are degrees, positive = counter-clockwise on
screen.  Used by :mod:`.render_job` (one transform per rendered image) and by exports.
"""
from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

MAX_SHIFT = 100.0        # image widths: further than this is surely a typing slip
MAX_ANGLE = 36000.0      # degrees (a hundred turns)


def _finite(value, name: str, limit: float) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(translate("input_transform", "{0} must be a number, got {1!r}").format(name, value)) from None
    if not math.isfinite(v):
        raise ValueError(translate("input_transform", "{0} must be a finite number, got {1!r}").format(name, value))
    if abs(v) > limit:
        raise ValueError(translate("input_transform", "{0} must be within ±{1:g}, got {2:g}").format(name, limit, v))
    return v


@dataclass(frozen=True)
class InputTransform:
    """Where the Fourier features are moved: a translation (image widths) and a rotation."""

    x: float = 0.0              # content moves right by x image widths
    y: float = 0.0              # content moves down by y image heights
    angle: float = 0.0          # degrees, counter-clockwise on screen
    untransform: bool = False   # resample the output back by the inverse motion

    def __post_init__(self):
        object.__setattr__(self, "x", _finite(self.x, "translate x", MAX_SHIFT))
        object.__setattr__(self, "y", _finite(self.y, "translate y", MAX_SHIFT))
        object.__setattr__(self, "angle", _finite(self.angle, "rotate", MAX_ANGLE))
        object.__setattr__(self, "untransform", bool(self.untransform))

    @classmethod
    def from_pixels(cls, dx: float, dy: float, angle: float, resolution: int,
                    untransform: bool = False) -> "InputTransform":
        """A transform given in pixels of a ``resolution`` x ``resolution`` image."""
        dx = _finite(dx, "translate x", MAX_SHIFT * resolution)
        dy = _finite(dy, "translate y", MAX_SHIFT * resolution)
        return cls(dx / resolution, dy / resolution, angle, untransform)

    @property
    def is_identity(self) -> bool:
        return self.x == 0 and self.y == 0 and self.angle % 360 == 0

    def matrix(self) -> np.ndarray:
        """The motion of the content as a 3 x 3 matrix of image-plane coordinates (float64)."""
        a = math.radians(self.angle)
        c, s = math.cos(a), math.sin(a)
        return np.array([[c, s, self.x], [-s, c, self.y], [0.0, 0.0, 1.0]])

    def to_dict(self) -> dict:
        return {"x": self.x, "y": self.y, "angle": self.angle, "untransform": self.untransform}

    @classmethod
    def from_dict(cls, d: dict) -> "InputTransform":
        return cls(d.get("x", 0.0), d.get("y", 0.0), d.get("angle", 0.0), bool(d.get("untransform", False)))


@dataclass(frozen=True)
class MotionSpec:
    """An animation of the input transform: frame k of ``frames`` (k = 0 .. frames - 1) adds
    k / frames of the whole motion (x, y, turns) to the request's transform, so the last frame
    leads back into the first when the motion is a whole number of turns or a loop."""

    frames: int = 24
    x: float = 0.0          # image widths moved over the whole animation
    y: float = 0.0          # image heights
    turns: float = 0.0      # full turns (counter-clockwise)

    def __post_init__(self):
        if isinstance(self.frames, bool) or not isinstance(self.frames, (int, np.integer)) \
                or not 2 <= int(self.frames) <= 1000:
            raise ValueError(translate("input_transform", "motion frames must be a whole number "
                                                          "from 2 to 1000, got {0!r}").format(self.frames))
        object.__setattr__(self, "frames", int(self.frames))
        object.__setattr__(self, "x", _finite(self.x, "motion x", MAX_SHIFT))
        object.__setattr__(self, "y", _finite(self.y, "motion y", MAX_SHIFT))
        object.__setattr__(self, "turns", _finite(self.turns, "motion turns", MAX_ANGLE / 360))

    def frame(self, base: InputTransform | None, k: int) -> InputTransform:
        base = base or InputTransform()
        f = k / self.frames
        return InputTransform(base.x + f * self.x, base.y + f * self.y,
                              base.angle + f * self.turns * 360.0, base.untransform)

    def to_dict(self) -> dict:
        return {"frames": self.frames, "x": self.x, "y": self.y, "turns": self.turns}

    @classmethod
    def from_dict(cls, d: dict) -> "MotionSpec":
        return cls(int(d["frames"]), d.get("x", 0.0), d.get("y", 0.0), d.get("turns", 0.0))


def supports_input_transform(G) -> bool:
    """Whether G starts from transformable Fourier features (StyleGAN3, ours or official)."""
    inp = getattr(getattr(G, "synthesis", None), "input", None)
    return isinstance(getattr(inp, "transform", None), torch.Tensor)


@contextlib.contextmanager
def applied(G, transform: InputTransform | None):
    """Render G with ``transform`` set on its synthesis input; the buffer is restored after."""
    if transform is None:
        yield
        return
    if not supports_input_transform(G):
        raise ValueError(translate("input_transform", "moving and turning the input needs a "
                                                      "StyleGAN3 model (its synthesis starts "
                                                      "from Fourier features; this one does "
                                                      "not)"))
    buf = G.synthesis.input.transform
    saved = buf.clone()
    inverse = torch.from_numpy(np.linalg.inv(transform.matrix())).to(buf)
    with torch.no_grad():
        buf.copy_(inverse)
    try:
        yield
    finally:
        with torch.no_grad():
            buf.copy_(saved)


def untransform_images(img: torch.Tensor,            # [N, C, H, W] square images
                       transform: InputTransform,    # the motion the images were rendered with
                       ) -> torch.Tensor:            # [N, C, H, W]: moved back; outside = 0
    """Resample images rendered under ``transform`` back by its inverse (bicubic; a whole
    number of pixels of translation is an exact shift). What moved in from outside the
    rendered image is 0 (mid grey)."""
    if img.shape[-1] != img.shape[-2]:
        raise ValueError(translate("input_transform", "untransforming needs square images, got "
                                                      "{0}").format(tuple(img.shape[-2:])))
    m = torch.as_tensor(transform.matrix(), dtype=torch.float32, device=img.device)
    # Output pixel p (normalised coordinates, 2 x the image-plane ones) reads the image at M p.
    theta = torch.cat([m[:2, :2], 2 * m[:2, 2:]], dim=1).unsqueeze(0).expand(img.shape[0], 2, 3)
    grid = F.affine_grid(theta, list(img.shape), align_corners=False)
    return F.grid_sample(img.float(), grid, mode="bicubic", padding_mode="zeros", align_corners=False)
