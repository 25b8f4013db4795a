"""Project an image (GAN inversion) from the Explorer: File ▸ Project an image…, or a picture
dropped on the image area.

:func:`start_projection` opens the picture (an unusable one is refused with the reason; the
open model and latents stay) and shows :class:`ProjectDialog`: first the picture with a square
crop to move and size and the target exactly as the model will see it (its resolution and
channels, every conversion said in words), the space (w+ or w) and the number of steps; then
the live projection (target, current reconstruction, loss curve, step, time left, Stop).  The
work runs in a :class:`~.projection_task.ProjectionTask` on the render thread;
:func:`apply_result` makes the best latent latent A and bookmarks it with the picture's name.
Closing the dialog while it runs stops the projection and still keeps the best latent.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSlider, QSpinBox, QStackedWidget, QVBoxLayout,
                               QWidget)

from ...core.projection import ProjectionSettings, image_shape
from ...core.nets import has_mapping
from ...core.target_image import PICTURE_SUFFIXES, ImageRefused, open_image, prepare_target, preview_pixels
from .image_view import ImageView
from .projection_task import ProjectionTask
from .projection_views import CropView, LossPlot
from .task_progress import time_left_text

DEFAULT_STEPS = 500
MAX_STEPS = 100_000
DISTANCES = {"d": QT_TRANSLATE_NOOP("ProjectDialog", "the model's discriminator features"),
             "ssim": QT_TRANSLATE_NOOP("ProjectDialog", "multi-scale SSIM + L1 pixels"),
             "pixel": QT_TRANSLATE_NOOP("ProjectDialog", "pixel MSE")}   # the distances' names, in words


def distance_words(name: str) -> str:
    """A distance's name in words, in the user's language."""
    return QCoreApplication.translate("ProjectDialog", DISTANCES[name]) if name in DISTANCES else name


def choose_picture(parent) -> str:
    patterns = " ".join(f"*{s}" for s in PICTURE_SUFFIXES)
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ProjectDialog", "Project an image"), "",
        QCoreApplication.translate("ProjectDialog", "Pictures ({0});;All files (*)").format(patterns))
    return path


def parse_steps(text: str) -> int:
    """The Steps field as a number of steps; ValueError naming the field otherwise."""
    try:
        steps = int(text.strip())
    except ValueError:
        steps = None
    if steps is None or not 1 <= steps <= MAX_STEPS:
        raise ValueError(QCoreApplication.translate("ProjectDialog", 
            "Steps: enter a whole number from 1 to {0:,} (got “{1}”)").format(
            MAX_STEPS, text.strip()))
    return steps


def start_projection(panel, path) -> "ProjectDialog | None":
    """Open ``path`` for projection with the panel's model; None (and the reason shown) when it
    cannot be used.  Nothing of the open model or its latents changes until a result is in."""
    path = Path(path)
    if panel.state.model is None:
        panel._fail(QCoreApplication.translate("ProjectDialog", 
            "Open a model first: projecting finds the latent of your picture in the open model."))
        return None
    running = getattr(panel, "_projection_dialog", None)
    if running is not None and running.task is not None and running.task.running:
        running.raise_()
        running.activateWindow()
        panel._say(QCoreApplication.translate("ProjectDialog", 
            "A projection is running: stop it before projecting another picture."))
        return None
    frames, animated = 1, ""
    try:
        im = open_image(path)
    except ImageRefused as e:
        try:   # an animation: the dialog lets the user choose the frame
            im = open_image(path, frame=0)
        except ImageRefused:
            panel._fail(QCoreApplication.translate("ProjectDialog", "Cannot project this picture: {0}").format(e))
            return None
        frames, animated = int(getattr(im, "n_frames", 1) or 1), str(e)
    dlg = ProjectDialog(panel, path, im, frames, animated)
    panel._projection_dialog = dlg
    dlg.show()
    return dlg


def apply_result(panel, generation: int, source: str, result) -> str:
    """Make ``result`` latent A (the earlier A stays one undo away) and bookmark it as
    ``source``; the status line that says so."""
    if result is None:
        return ""
    if panel._generation != generation or panel.state.model is None:
        return QCoreApplication.translate("ProjectDialog", 
            "The model changed during the projection: its result was not applied.")
    state = panel.state
    try:
        state.set_latent("a", result.to_latent())
    except ValueError as e:
        return QCoreApplication.translate("ProjectDialog", 
            "The projection's latent does not fit this model: {0}").format(e)
    changed = []
    if state.psi != 1.0 or state.cutoff is not None:
        state.set_truncation(psi=1.0, cutoff=None)
        changed.append(QCoreApplication.translate("ProjectDialog", "truncation ψ = 1"))
    if state.noise_mode != "const" or any(v != 1.0 for v in state.noise_strength.values()):
        state.set_noise(mode="const", strength={r: 1.0 for r in state.noise_strength})
        changed.append(QCoreApplication.translate("ProjectDialog", "the model's own noise"))
    name = Path(source).name or "projection"
    panel.bookmarks.add(name, extra={"projection": result.summary()})
    kept = state.bookmarks[-1]["name"] if state.bookmarks else name
    if result.stopped:
        text = QCoreApplication.translate("ProjectDialog", 
            "A is now the {0} projection of {1} (distance {2:.4g} by {3}, best at step {4}, "
            "stopped after {5} steps); bookmarked as “{6}”")
    else:
        text = QCoreApplication.translate("ProjectDialog", 
            "A is now the {0} projection of {1} (distance {2:.4g} by {3}, best at step {4}, "
            "after {5} steps); bookmarked as “{6}”")
    text = text.format(result.space, name, result.best_loss, distance_words(result.distance), result.best_step,
                       result.steps_done, kept)
    if changed:
        text += QCoreApplication.translate("ProjectDialog", "; set {0} so that A shows the reconstruction").format(
            QCoreApplication.translate("ProjectDialog", " and ").join(changed))
    if result.note:
        text += QCoreApplication.translate("ProjectDialog", ". Note: {0}").format(result.note)
    return text


class ProjectDialog(QDialog):
    """Crop and settings, then the live projection (see the module docstring)."""

    def __init__(self, panel, path: Path, im, frames: int = 1, animated: str = ""):
        super().__init__(panel)
        self.panel, self.path, self.im = panel, Path(path), im
        self.task: ProjectionTask | None = None
        self.target = None
        self.generation = panel._generation
        self.result_message = ""
        self._close_when_done = False
        self.setWindowTitle(self.tr("Project {0}").format(self.path.name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._build(frames, animated)
        self._retarget = QTimer(self, singleShot=True, interval=10)
        self._retarget.timeout.connect(self.update_target)
        self._show_picture()
        panel.model_changed.connect(self._model_changed)

    # --- layout ---------------------------------------------------------------------------------
    def _build(self, frames: int, animated: str) -> None:
        self.crop = CropView()
        self.crop.crop_changed.connect(lambda _box: self._retarget.start())
        self.size_slider = QSlider(Qt.Orientation.Horizontal, minimum=5, maximum=100, value=100)
        self.size_slider.setToolTip(self.tr("Size of the crop square, as a share of the picture's shorter side"))
        self.size_slider.valueChanged.connect(lambda v: self.crop.set_fraction(v / 100))
        self.crop.crop_changed.connect(self._sync_slider)
        self.frame = QSpinBox(minimum=0, maximum=max(0, frames - 1))
        self.frame.setVisible(frames > 1)
        self.frame.valueChanged.connect(self._change_frame)
        self.background = QComboBox()
        self.background.addItem(self.tr("white"), "white")
        self.background.addItem(self.tr("black"), "black")
        self.background.setToolTip(self.tr("What transparent pixels become (the model draws no transparency)"))
        self.background.currentIndexChanged.connect(lambda _i: self._show_picture())
        self.space = QComboBox()
        self.space.addItem(self.tr("w+ (one w per layer: closest)"), "w+")
        self.space.addItem(self.tr("w (one w for every layer: easiest to edit)"), "w")
        self.steps = QLineEdit(str(DEFAULT_STEPS))
        self.steps.setToolTip(self.tr("Optimisation steps (1 to {0:,}); Stop keeps the best latent so far")
                              .format(MAX_STEPS))
        self.target_view = ImageView(min_size=self.crop.minimumSize() / 2)
        self.notes = QLabel(wordWrap=True)
        self.animated = QLabel(animated + "." if animated else "", wordWrap=True)
        self.animated.setVisible(bool(animated))
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #e06060;")
        form = QFormLayout()
        form.addRow(self.tr("Crop size"), self.size_slider)
        if frames > 1:
            form.addRow(self.tr("Frame"), self.frame)
        form.addRow(self.tr("Transparent pixels on"), self.background)
        form.addRow(self.tr("Space"), self.space)
        form.addRow(self.tr("Steps"), self.steps)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Target: what the model will try to draw")))
        side.addWidget(self.target_view, 1)
        side.addWidget(self.notes)
        side.addWidget(self.animated)
        side.addLayout(form)
        prepare = QWidget()
        lay = QHBoxLayout(prepare)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.crop, 3)
        lay.addLayout(side, 2)

        self.live_target = ImageView(min_size=self.crop.minimumSize() / 2)
        self.live_recon = ImageView(min_size=self.crop.minimumSize() / 2,
                                    placeholder=self.tr("The reconstruction appears after the first steps"))
        self.plot = LossPlot()
        self.status = QLabel(self.tr("Starting…"), wordWrap=True)
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet("color: #e0b050;")
        self.note.setVisible(False)
        running = QWidget()
        rl = QVBoxLayout(running)
        rl.setContentsMargins(0, 0, 0, 0)
        pics = QHBoxLayout()
        for title, view in ((self.tr("Target"), self.live_target),
                            (self.tr("Reconstruction (current step)"), self.live_recon)):
            col = QVBoxLayout()
            col.addWidget(QLabel(title))
            col.addWidget(view, 1)
            pics.addLayout(col)
        rl.addLayout(pics, 3)
        rl.addWidget(self.plot, 1)
        rl.addWidget(self.status)
        rl.addWidget(self.note)

        self.pages = QStackedWidget()
        self.pages.addWidget(prepare)
        self.pages.addWidget(running)
        self.start_btn = QPushButton(self.tr("Project"), default=True)
        self.start_btn.clicked.connect(self.start)
        self.stop_btn = QPushButton(self.tr("Stop"))
        self.stop_btn.setToolTip(self.tr("Stop now and keep the best latent so far"))
        self.stop_btn.clicked.connect(self.stop)
        self.stop_btn.setVisible(False)
        self.close_btn = QPushButton(self.tr("Cancel"))
        self.close_btn.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        for b in (self.start_btn, self.stop_btn, self.close_btn):
            buttons.addWidget(b)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages, 1)
        outer.addLayout(buttons)
        self.resize(820, 520)

    # --- preparing the target -----------------------------------------------------------------------
    def _show_picture(self) -> None:
        try:
            pixels, size = preview_pixels(self.im, background=self.background.currentData())
        except (ImageRefused, OSError, ValueError) as e:
            self.error.setText(self.tr("Cannot show {0}: {1}").format(self.path.name, e))
            return
        box, keep = self.crop.box(), self.crop._image is not None
        self.crop.set_picture(pixels, size)
        if keep:   # a new frame or background: the same square
            self.crop._set_box(box[0], box[1], box[2] - box[0])
        self.update_target()

    def _sync_slider(self, _box) -> None:
        v = round(self.crop.fraction() * 100)
        if v != self.size_slider.value():
            self.size_slider.blockSignals(True)
            self.size_slider.setValue(v)
            self.size_slider.blockSignals(False)

    def _change_frame(self, k: int) -> None:
        try:
            self.im = open_image(self.path, frame=k)
        except ImageRefused as e:
            self.error.setText(str(e))
            return
        self._show_picture()

    def update_target(self) -> None:
        """Prepare the target from the crop square (cheap: runs on every move)."""
        model = self.panel.state.model
        if model is None:
            return
        try:
            channels, res = image_shape(model.G)
            self.target = prepare_target(self.im, res, channels, self.crop.box(),
                                         self.background.currentData(), self.path.name)
        except (ImageRefused, ValueError) as e:
            self.target = None
            self.error.setText(str(e))
            self.start_btn.setEnabled(False)
            return
        self.error.setText("")
        self.start_btn.setEnabled(self.task is None)
        self.target_view.set_image(self.target.pixels)
        notes = list(self.target.notes)
        (w, h), (l, t, r, _) = self.target.original_size, self.target.crop_box
        if (r - l, r - l) != (w, h):
            notes.insert(0, self.tr("cropped to the {0} × {0} square at ({1}, {2}) of the {3} × {4} picture")
                         .format(r - l, l, t, w, h))
        if self.frame.isVisible():
            notes.insert(0, self.tr("frame {0} used").format(self.frame.value()))
        colour = self.tr("colour") if channels == 3 else self.tr("grey")
        self.target_view.set_caption(f"{res} × {res}, {colour}")
        self.notes.setText(self.tr("Conversions: {0}.").format("; ".join(notes)) if notes else
                           self.tr("No conversion needed: the picture is used as it is."))
        mapping = has_mapping(model.G)
        self.space.setEnabled(mapping)
        self.space.setToolTip("" if mapping else self.tr("This {0} model has no mapping network: z is optimised "
                                                         "(no w or w+)").format(model.family_name))

    # --- running --------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start projecting the current target; False (and the reason under the picture) if not."""
        if self.target is None or self.task is not None or self.panel.state.model is None:
            return False
        try:
            steps = parse_steps(self.steps.text())
        except ValueError as e:
            self.error.setText(str(e))
            self.steps.setFocus()
            return False
        state, source = self.panel.state, self.panel.source
        settings = ProjectionSettings(space=self.space.currentData(), steps=steps,
                                      class_index=state.class_index if state.model.c_dim else None)
        self.generation = self.panel._generation
        self.task = ProjectionTask(self.panel.worker, state.model.G, self.target, settings,
                                   getattr(source, "checkpoint_path", None),
                                   getattr(source, "checkpoint_sha256", None), parent=self)
        self.task.started.connect(self._started)
        self.task.progressed.connect(self._progressed)
        self.task.finished.connect(self._finished)
        self.live_target.set_image(self.target.pixels)
        self.pages.setCurrentIndex(1)
        self.start_btn.setVisible(False)
        self.stop_btn.setVisible(True)
        self.close_btn.setVisible(False)
        self.error.setText("")
        self.status.setText(self.tr("Getting ready: the starting latent and the distance…"))
        self.panel._say(self.tr("Projecting {0}…").format(self.path.name))
        self.task.start()
        return True

    def _started(self, distance: str, note: str) -> None:
        self.status.setText(self.tr("Projecting with {0} as the distance…").format(distance_words(distance)))
        if note:
            self.note.setText(self.tr("{0} (the result is a z latent).").format(note[0].upper() + note[1:]))
            self.note.setVisible(True)
            self.panel._say(self.tr("Projecting {0}: {1}").format(self.path.name, note))

    def _progressed(self, prog) -> None:
        s = prog.step
        self.live_recon.set_image(s.pixels())
        self.plot.set_losses(prog.losses, s.steps)
        left = self.tr(" · stopping…") if self.task.stopping else f" · {time_left_text(prog.seconds_left)}"
        self.status.setText(self.tr("Step {0} / {1} · distance {2:.4g} · best {3:.4g} at step {4}").format(
            s.step, s.steps, s.loss, s.best_loss, s.best_step) + left)

    def stop(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
            self.stop_btn.setEnabled(False)
            self.stop_btn.setText(self.tr("Stopping…"))

    def _finished(self, result, message: str) -> None:
        text = apply_result(self.panel, self.generation, self.target.source, result)
        self.result_message = "  ".join(t for t in (message, text) if t)
        if result is not None and result.reconstruction is not None:
            self.live_recon.set_image(result.reconstruction)
            self.live_recon.set_caption(self.tr("best: step {0}").format(result.best_step))
        self.status.setText(self.result_message or self.tr("The projection ended."))
        self.stop_btn.setVisible(False)
        self.close_btn.setText(self.tr("Close"))
        self.close_btn.setVisible(True)
        if message and result is None:
            self.panel._fail(self.result_message)
        elif self.result_message:
            self.panel._say(self.result_message)
        if self._close_when_done:
            self.deleteLater()
            if getattr(self.panel, "_projection_dialog", None) is self:
                self.panel._projection_dialog = None

    def _model_changed(self, _info) -> None:
        self.generation = -1 if self.task is not None else self.panel._generation
        if self.task is not None and self.task.running:
            self.task.abandon()
            self.status.setText(self.tr("Another model was opened: the projection was stopped "
                                        "(nothing was applied)."))
            self.stop_btn.setVisible(False)
            self.close_btn.setText(self.tr("Close"))
            self.close_btn.setVisible(True)
        elif self.task is None:
            self.update_target()   # another resolution or channel count

    def reject(self) -> None:
        """Closing (Close, Escape, the window's ×) while projecting stops it; the best latent
        so far still becomes A."""
        if self.task is not None and self.task.running:
            self._close_when_done = True
            self.task.stop()
            self.panel._say(self.tr("Stopping the projection of {0}: the best latent so far becomes A")
                            .format(self.path.name))
        else:
            self.deleteLater()
            if getattr(self.panel, "_projection_dialog", None) is self:
                self.panel._projection_dialog = None
        try:
            self.panel.model_changed.disconnect(self._model_changed)
        except (RuntimeError, TypeError):
            pass
        super().reject()
