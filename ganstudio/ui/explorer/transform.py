"""StyleGAN3's input transform: translate and rotate the Fourier features the synthesis starts
from, optionally "untransform" the output (resample it back, so an equivariant model shows a
still image), play the motion live, or show a loop of it in the strip (where the strip's Play
and Export ▸ Strip / Animation take it).  Other generators get an explanation instead."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QPushButton, QSpinBox, QToolButton, QVBoxLayout,
                               QWidget)

from ...core.input_transform import InputTransform, MotionSpec
from ...i18n import sentences
from .state import ExplorerState
from .state_events import Change
from .widgets import blocked, group, note, row, slider

PLAY_FPS = 12   # frames per second of the live motion (slower models show every frame, later)


def unavailable_text(family: str, style: bool) -> str:
    """Why a generator other than StyleGAN3 has no input to move."""
    start = (QCoreApplication.translate("TransformSection", "This {0} generator starts from a learned 4 × 4 "
                                                            "constant, fixed to the pixel grid.")
             if style else QCoreApplication.translate("TransformSection", "This {0} generator turns z into "
                                                                          "pixels directly."))
    return sentences(QCoreApplication.translate(
        "TransformSection",
        "<b>Nothing to move.</b> Moving and turning the input is a StyleGAN3 feature: its synthesis starts "
        "from Fourier features, waves defined everywhere in the plane, which can be shifted and rotated, and "
        "an alias-free network moves every detail with them."), start.format(family),
        QCoreApplication.translate("TransformSection", "Open a StyleGAN3 pickle to try it."))


def _spin(lo: float, hi: float, decimals: int, suffix: str, step: float = 1.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setKeyboardTracking(False)
    return box


class TransformSection(QWidget):
    def __init__(self, state: ExplorerState, parent=None):
        super().__init__(parent)
        self.state = state
        self.unavailable = note("", "warn")
        px = self.tr(" px")
        self.x, self.y = _spin(-1, 1, 2, px), _spin(-1, 1, 2, px)
        self.x.setToolTip(self.tr("Move the picture right (negative: left), in pixels of the output"))
        self.y.setToolTip(self.tr("Move the picture down (negative: up), in pixels of the output"))
        self.angle = slider(-180, 180, 0.0, decimals=1)
        self.angle.setToolTip(self.tr("Turn the picture counter-clockwise, in degrees"))
        self.untransform = QCheckBox(self.tr("Untransform the output"))
        self.untransform.setToolTip(self.tr(
            "Resample the image back by the inverse motion: an equivariant network then shows a still picture; "
            "whatever still moves or flickers is where it is not equivariant"))
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setToolTip(self.tr("No translation, no rotation"))
        self.frames = QSpinBox()
        self.frames.setRange(2, 240)
        self.frames.setValue(state.motion.frames)
        self.frames.setToolTip(self.tr("Frames of one loop of the motion"))
        self.move_x, self.move_y = _spin(-1, 1, 1, px), _spin(-1, 1, 1, px)
        self.move_x.setToolTip(self.tr("How far the picture moves right over one loop"))
        self.move_y.setToolTip(self.tr("How far the picture moves down over one loop"))
        self.turns = _spin(-10, 10, 2, self.tr(" turns"), 0.25)
        self.turns.setValue(state.motion.turns)
        self.turns.setToolTip(self.tr("Full turns (counter-clockwise) over one loop"))
        self.play_button = QToolButton(text=self.tr("▶ Play"), checkable=True)
        self.play_button.setToolTip(self.tr("Play the motion on the image, live"))
        self.play_button.toggled.connect(self.play)
        self.to_strip = QPushButton(self.tr("Show in the strip"))
        self.to_strip.setToolTip(self.tr("Render one loop as the strip: play it there, or export it "
                                         "(Export ▸ Strip / Animation) as a GIF, WebP or MP4"))
        self.to_strip.clicked.connect(self._show_strip)
        self._timer = QTimer(self, interval=int(1000 / PLAY_FPS))
        self._timer.timeout.connect(self._tick)
        self._waiting = False     # a frame was sent and has not been shown yet
        for box in (self.x, self.y):
            box.valueChanged.connect(self._write)
        self.angle.valueChanged.connect(self._write)
        self.untransform.toggled.connect(self._write)
        self.reset.clicked.connect(self._reset)
        for w in (self.frames, self.move_x, self.move_y, self.turns):
            w.valueChanged.connect(self._write_motion)
        self.controls = QWidget()
        cl = QVBoxLayout(self.controls)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(group(self.tr("Move and turn the input"),
                           row(self.tr("Translate x"), self.x, self.tr("y"), self.y, None),
                           row(self.tr("Rotate (°)"), self.angle),
                           row(self.untransform, None, self.reset)))
        cl.addWidget(group(self.tr("Motion (one loop)"),
                           row(self.tr("Move x"), self.move_x, self.tr("y"), self.move_y, None),
                           row(self.tr("Turn"), self.turns, self.tr("Frames"), self.frames, None),
                           row(self.play_button, self.to_strip, None)))
        cl.addWidget(note(self.tr(
            "The picture is made from Fourier features, moved here before the first layer. An alias-free "
            "(StyleGAN3) network moves its details with them; with <i>Untransform</i> a perfectly equivariant "
            "model would show a still image.")))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.unavailable)
        lay.addWidget(self.controls)
        lay.addStretch(1)
        state.subscribe(self.on_state)

    # --- the state ---------------------------------------------------------------------------------
    def _resolution(self) -> int:
        return int(self.state.model.info.get("resolution") or getattr(self.state.model.G, "img_resolution", 1))

    def on_state(self, aspects: frozenset[Change]) -> None:
        if self.state.model is None:
            return
        if Change.MODEL not in aspects:
            if Change.TRANSFORM in aspects and self.state.motion_frame is None:
                self._show_state()     # e.g. restored from a PNG or a sidecar
            return
        self.play(False)
        ok = self.state.transform_supported()
        self.unavailable.setVisible(not ok)
        self.unavailable.setText("" if ok else unavailable_text(self.state.model.family_name, self.state.model.style))
        self.controls.setEnabled(ok)
        self.controls.setVisible(ok)
        res = self._resolution()
        boxes = (self.x, self.y, self.move_x, self.move_y, self.angle, self.untransform)
        with blocked(*boxes):
            for box in (self.x, self.y, self.move_x, self.move_y):
                box.setRange(-4 * res, 4 * res)
                box.setValue(0.0)
            self.angle.setValue(0.0)
            self.untransform.setChecked(False)

    def _show_state(self) -> None:
        t = self.state.input_transform or InputTransform()
        res = self._resolution()
        with blocked(self.x, self.y, self.angle, self.untransform):
            self.x.setValue(t.x * res)
            self.y.setValue(t.y * res)
            self.angle.setValue(t.angle)
            self.untransform.setChecked(t.untransform)

    def transform(self) -> InputTransform:
        """What the fields say (pixels of the output, degrees)."""
        return InputTransform.from_pixels(self.x.value(), self.y.value(), self.angle.value(),
                                          self._resolution(), self.untransform.isChecked())

    def _write(self, *_):
        if self.state.model is None or not self.state.transform_supported():
            return
        t = self.transform()
        self.state.set_input_transform(None if t.is_identity and not t.untransform else t)

    def _write_motion(self, *_):
        if self.state.model is None:
            return
        res = self._resolution()
        self.state.set_motion(MotionSpec(self.frames.value(), self.move_x.value() / res,
                                         self.move_y.value() / res, self.turns.value()))

    def _reset(self) -> None:
        with blocked(self.x, self.y, self.angle):
            self.x.setValue(0.0)
            self.y.setValue(0.0)
            self.angle.setValue(0.0)
        self._write()

    def _show_strip(self) -> None:
        self._write_motion()
        self.state.set_strip(kind="motion")

    # --- playing live ------------------------------------------------------------------------------
    def play(self, on: bool = True) -> None:
        if self.play_button.isChecked() != on:
            self.play_button.setChecked(on)   # re-enters through toggled
            return
        self.play_button.setText(self.tr("■ Stop") if on else self.tr("▶ Play"))
        if on:
            self._frame, self._waiting = 0, False
            self._timer.start()
        else:
            self._timer.stop()
            if self.state.motion_frame is not None:
                self.state.set_motion_frame(None)

    def _tick(self) -> None:
        if self._waiting:          # the last frame is still being rendered: never queue frames
            return
        self._frame = (self._frame + 1) % self.state.motion.frames
        self._waiting = True
        self.state.set_motion_frame(self._frame)

    def frame_shown(self) -> None:
        """The panel painted a main image: the next frame may go."""
        self._waiting = False

