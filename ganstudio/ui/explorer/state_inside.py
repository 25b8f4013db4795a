"""ExplorerState's part for StyleGAN3's input transform (and its motion) and the Layers tab.

No Qt in here: a mixin of :class:`~.state.ExplorerState`, whose attributes it uses
(``model``, ``strip``, ``input_transform``, ``motion``, ``motion_frame``, ``layer_capture``).
"""
from __future__ import annotations

from ...core.input_transform import InputTransform, MotionSpec, supports_input_transform
from ...core.layer_capture import LayerCapture
from ...core.render_request import RenderRequest
from .state_events import Change


class InsideTheNetwork:
    def transform_supported(self) -> bool:
        return self.model is not None and supports_input_transform(self.model.G)

    def set_input_transform(self, transform: InputTransform | None) -> None:
        self.input_transform = transform
        self._emit(Change.TRANSFORM)

    def set_motion(self, motion: MotionSpec) -> None:
        self.motion = motion
        if self.strip.kind == "motion":
            self._emit(Change.STRIP)
        elif self.motion_frame is not None:   # playing live: the next frames follow it
            self._emit(Change.TRANSFORM)

    def set_motion_frame(self, frame: int | None) -> None:
        """Playing the motion live: A shows frame ``frame`` (None = the transform as set)."""
        self.motion_frame = frame
        self._emit(Change.TRANSFORM)

    def shown_transform(self) -> InputTransform | None:
        """The transform the main image is rendered with (None for models without one)."""
        if not self.transform_supported():
            return None
        if self.motion_frame is not None:
            return self.motion.frame(self.input_transform, self.motion_frame)
        return self.input_transform

    def set_layer_capture(self, capture: LayerCapture | None) -> None:
        self.layer_capture = capture
        self._emit(Change.LAYER)

    def layer_request(self, request_id: int = 0) -> RenderRequest:
        """The main image's request, asking for the chosen layer instead of the image."""
        return self.main_request(request_id).replace(capture=self.layer_capture)
