"""The Explorer's Drag tab: drag what is under handle points of the main image to target
points (DragGAN-style, :mod:`ganstudio.core.drag`).

While the tab is shown the main image takes clicks (:mod:`.drag_overlay`); Drag runs a
:class:`~.drag_task.DragTask` on the render thread and shows every step's image and handles
live; Stop ends it.  The result becomes latent A (as w+, with truncation ψ = 1 and no style
mixing, so that A renders exactly what the drag made; export and bookmarks then work on it),
and the handles stay where they were tracked to, so the next Drag goes on from there.  Undo
drag puts back A, ψ, mixing and the points as they were before the last drag.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDoubleSpinBox, QFormLayout, QLabel, QPushButton,
                               QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from ...core.drag import DragSettings
from ...core.drag_features import default_feature_layer, drag_refusal, feature_layers
from ...core.render_request import Latent
from ...i18n import sentences
from ..combo import ElidingComboBox
from .drag_overlay import DragOverlay
from .drag_task import DragTask
from .widgets import flow, group, row, scroll


@dataclass
class _Before:
    """What one drag changed, to put back."""
    latent: Latent
    psi: float
    cutoff: int | None
    schedule: dict
    handles: list
    targets: list


class DragSection(QWidget):
    def __init__(self, panel):
        super().__init__()
        self.panel = panel
        self.task: DragTask | None = None
        self.history: list[_Before] = []
        self.generation = -1
        self.overlay = DragOverlay(panel.view)
        self.overlay.changed.connect(self._update_buttons)
        self._build()
        self.page = scroll(self)
        panel.tabs.addTab(self.page, self.tr("Drag"))
        panel.tabs.setTabToolTip(panel.tabs.indexOf(self.page),
                                 self.tr("Drag points of the image to new places (StyleGAN models)"))
        panel.tabs.setTabEnabled(panel.tabs.indexOf(self.page), False)
        panel.tabs.currentChanged.connect(lambda _i: self._shown_changed())
        panel.model_changed.connect(self._model_changed)

    # --- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.help = QLabel(self.tr("Click the image: first a <b style='color:#eb4034'>handle</b> on what to move, "
                                   "then its <b style='color:#3478eb'>target</b>. Add as many pairs as you like; "
                                   "a right click removes the nearest pair. Handles work best on something visible (an "
                                   "edge, an eye). Optionally paint the region that may change: outside it the image "
                                   "is held still."))
        self.help.setWordWrap(True)
        self.points_mode = QRadioButton(self.tr("Place points"), checked=True)
        self.mask_mode = QRadioButton(self.tr("Paint the region that may change"))
        modes = QButtonGroup(self)
        for b in (self.points_mode, self.mask_mode):
            modes.addButton(b)
        self.points_mode.toggled.connect(self._mode_changed)
        self.brush = QSpinBox(minimum=1, maximum=256, value=2, suffix=self.tr(" px"))
        self.brush.setToolTip(self.tr("Brush radius in image pixels (left button paints, right button wipes)"))
        self.brush.valueChanged.connect(lambda v: setattr(self.overlay, "brush", float(v)))
        self.hold = QDoubleSpinBox(minimum=0.0, maximum=100.0, value=DragSettings.mask_weight, decimals=2,
                                   singleStep=0.25)
        self.hold.setToolTip(self.tr("With a painted region: how firmly the image outside it (its pixels and the "
                                     "pulled layer's features) is held as it was, against the pull on the handles. "
                                     "Higher keeps the rest stiller and moves the handles less; 0 lets everything "
                                     "change"))
        self.clear_mask_btn = QPushButton(self.tr("Clear mask"))
        self.clear_mask_btn.clicked.connect(self.overlay.clear_mask)
        self.drag_btn = QPushButton(self.tr("Drag"))
        self.drag_btn.setDefault(True)
        self.drag_btn.clicked.connect(self.start)
        self.stop_btn = QPushButton(self.tr("Stop"))
        self.stop_btn.clicked.connect(self.stop)
        self.undo_btn = QPushButton(self.tr("Undo drag"))
        self.undo_btn.setToolTip(self.tr("Put back the latent, ψ, mixing and points from before the last drag"))
        self.undo_btn.clicked.connect(self.undo)
        self.reset_btn = QPushButton(self.tr("Reset points"))
        self.reset_btn.clicked.connect(self.reset_points)
        self.steps = QSpinBox(minimum=1, maximum=100_000, value=DragSettings.max_steps)
        self.steps.setToolTip(self.tr("The drag ends after this many steps, or earlier once every handle "
                                      "has reached its target"))
        self.lr = QDoubleSpinBox(minimum=0.001, maximum=1.0, value=DragSettings.lr, decimals=3, singleStep=0.005)
        self.lr.setToolTip(self.tr("Adam's step size, as a share of the spread of w: larger moves faster "
                                   "and changes more"))
        self.rows = QSpinBox(minimum=1, maximum=1)
        self.rows.setToolTip(self.tr("How many of the first rows of w+ may change (coarse layers first; the "
                                     "rest keep the fine detail)"))
        self.layer = ElidingComboBox()
        self.layer.setToolTip(self.tr("The layer whose features are pulled along and tracked"))
        self.layer.currentIndexChanged.connect(self._layer_changed)
        self.track_fine = QCheckBox(self.tr("Track on the finest features too"), checked=DragSettings.track_fine)
        self.track_fine.setToolTip(self.tr(
            "Find the handles again on the last layer's features (as large as the image) as well as on the "
            "pulled layer's: a coarser layer's features are nearly alike along a straight edge, and a handle "
            "tracked on them alone slides along the edge instead of following it"))
        self.keep_line = QDoubleSpinBox(minimum=0.0, maximum=100.0, value=DragSettings.keep_to_line, decimals=2,
                                        singleStep=0.1)
        self.keep_line.setToolTip(self.tr(
            "How strongly a tracked handle keeps to the straight line from where it started to its target: "
            "along an edge the features are nearly alike, and without this the handle can slide along the "
            "edge and the drag never arrives. 0: the features alone decide"))
        self.stop_within = QDoubleSpinBox(minimum=0.0, maximum=1.0, value=1.0, decimals=1, singleStep=0.5,
                                          suffix=self.tr(" px"))
        self.stop_within.setToolTip(self.tr("The drag has arrived when every handle is this near its target; "
                                            "0: on the target's pixel"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        # A label and its field side by side set the tab's minimum to both widths together (with
        # presentation mode's large text the tab was wider than the pane): where they do not fit
        # beside each other the field goes under its label.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Steps at most"), self.steps)
        form.addRow(self.tr("Step size"), self.lr)
        form.addRow(self.tr("Rows of w+ that change"), self.rows)
        form.addRow(self.tr("Feature layer"), self.layer)
        form.addRow(self.tr("Stop within"), self.stop_within)
        form.addRow(self.track_fine)
        form.addRow(self.tr("Keep handles on their line"), self.keep_line)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.help)
        lay.addWidget(group(self.tr("Points and mask"), self.points_mode, self.mask_mode,
                            flow(row(self.tr("Brush"), self.brush), row(self.tr("Hold outside"), self.hold),
                                 self.clear_mask_btn)))
        lay.addLayout(flow(self.drag_btn, self.stop_btn, self.undo_btn, self.reset_btn))
        lay.addWidget(self.status)
        lay.addWidget(group(self.tr("Settings"), form))
        lay.addStretch(1)
        self._update_buttons()

    # --- model and mode --------------------------------------------------------------------------
    def _model_changed(self, _info=None) -> None:
        if self.task is not None:
            self.task.abandon()
            self.task = None
        self.history.clear()
        self.overlay.locked = False
        self.overlay.set_points([], [])
        self.overlay.mask = None
        model = self.panel.state.model
        why = drag_refusal(model.G) if model is not None else self.tr("no model")
        if why and model is not None and not model.style:   # the usual case, in the user's language
            why = self.tr("Drag editing moves StyleGAN features: this {0} generator has no mapping network "
                          "and no w to optimise.").format(model.family_name)
        ok = not why
        self.panel.tabs.setTabEnabled(self.panel.tabs.indexOf(self.page), ok)
        self.layer.clear()
        if ok:
            G = model.G
            for layer in feature_layers(G):
                self.layer.addItem(self.tr("{0} ({1}×{1}, {2} channels)").format(layer.name, layer.size,
                                                                                layer.channels), layer.name)
            self.layer.setCurrentIndex(max(0, self.layer.findData(default_feature_layer(G))))
            self.rows.setMaximum(int(G.num_ws))
            defaults = DragSettings().resolve(G)
            self.rows.setValue(defaults.rows)
            self.stop_within.setMaximum(float(G.synthesis.img_resolution))
            self.stop_within.setValue(defaults.stop_distance)
            self.brush.setValue(max(1, int(G.synthesis.img_resolution) // 16))
            self.status.setText("")
        else:
            self.status.setText(why)
        self._shown_changed()
        self._update_buttons()

    def _layer_changed(self) -> None:
        # the finest layer tracks on itself alone: the box would change nothing
        self.track_fine.setEnabled(self.layer.count() > 0 and self.layer.currentIndex() != self.layer.count() - 1)

    def _shown_changed(self) -> None:
        shown = self.panel.tabs.currentWidget() is self.page and self.panel.state.model is not None
        self.overlay.set_active(shown)

    def _mode_changed(self) -> None:
        self.overlay.mode = "points" if self.points_mode.isChecked() else "mask"

    def _update_buttons(self) -> None:
        running = self.task is not None and self.task.running
        handles, _ = self.overlay.pairs()
        self.drag_btn.setEnabled(not running and bool(handles))
        self.stop_btn.setEnabled(running and not self.task.stopping)
        self.undo_btn.setEnabled(not running and bool(self.history))
        self.reset_btn.setEnabled(not running and bool(self.overlay.handles))
        self.clear_mask_btn.setEnabled(not running and self.overlay.mask is not None)
        waiting = self.tr("Now click where the handle should go.")
        if not running and self.overlay.pending():
            self.status.setText(waiting)
        elif self.status.text() == waiting:
            self.status.setText(self.tr("Press Drag, or add another pair."))

    # --- running ---------------------------------------------------------------------------------
    def settings(self) -> DragSettings:
        return DragSettings(lr=float(self.lr.value()), rows=int(self.rows.value()),
                            feature_layer=self.layer.currentData(), max_steps=int(self.steps.value()),
                            stop_distance=float(self.stop_within.value()),
                            track_fine=self.track_fine.isChecked(), mask_weight=float(self.hold.value()),
                            keep_to_line=float(self.keep_line.value()))

    def start(self) -> bool:
        """Drag the complete pairs of points; False (and the reason in the status line) if not."""
        state = self.panel.state
        handles, targets = self.overlay.pairs()
        if state.model is None or (self.task is not None and self.task.running):
            return False
        if not handles:
            self.status.setText(self.tr("Place a handle and its target on the image first."))
            return False
        try:
            request = state.main_request()
            settings = self.settings().resolve(state.model.G)
        except ValueError as e:
            self.status.setText(str(e))
            return False
        self.generation = self.panel._generation
        self._before = _Before(state.latent("a"), state.psi, state.cutoff, dict(state.schedule),
                               list(self.overlay.handles), list(self.overlay.targets))
        self.overlay.set_points(handles, targets)      # a handle still waiting for its target goes
        self.task = DragTask(self.panel.worker, state.model.G, request, handles, targets,
                             self.overlay.mask_or_none(), settings, parent=self)
        self.task.progressed.connect(self._progressed)
        self.task.finished.connect(self._finished)
        self.overlay.locked = True
        self.status.setText(self.tr("Getting ready…"))
        self.task.start()
        self._update_buttons()
        return True

    def stop(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
            self.status.setText(self.tr("Stopping after this step…"))
            self._update_buttons()

    def _progressed(self, step) -> None:
        self.panel.view.set_image(step.image, -1)
        self.panel.view.set_caption(self.tr("dragging · step {0}").format(step.step))
        self.overlay.set_points(step.handles, step.targets)
        self.status.setText(self.tr("Step {0} of at most {1} · farthest handle {2:.1f} px from its target")
                            .format(step.step, step.max_steps, max(step.distances)))

    def _finished(self, result, message: str) -> None:
        self.task, self.overlay.locked = None, False
        if result is None:
            self.status.setText(self.tr("The drag could not start: {0}").format(message))
            self.panel._say(self.status.text())
        elif self.panel._generation != self.generation or self.panel.state.model is None:
            self.status.setText(self.tr("The model changed during the drag: its result was not applied."))
        else:
            self._apply(result, message)
        self._update_buttons()

    def _apply(self, result, message: str) -> None:
        state = self.panel.state
        self.history.append(self._before)
        state.set_latent("a", result.to_latent())
        changed = []
        if state.psi != 1.0 or state.cutoff is not None:
            state.set_truncation(psi=1.0, cutoff=None)
            changed.append(self.tr("truncation ψ = 1"))
        if any(state.schedule.values()):
            state.clear_mixing()
            changed.append(self.tr("no style mixing"))
        self.overlay.set_points(result.handles, result.targets)
        far = max(result.distances)
        if result.arrived and far < 0.05:
            text = self.tr("Arrived after {0} steps: every handle is on its target. "
                           "A is now the dragged w+.").format(result.steps_done)
        elif result.arrived:
            text = self.tr("Arrived after {0} steps: every handle is within {1:.1f} px of its target. "
                           "A is now the dragged w+.").format(result.steps_done, far)
        elif result.stopped:
            text = self.tr("Stopped after {0} steps (farthest handle {1:.1f} px from its target). "
                           "A is now the dragged w+.").format(result.steps_done, far)
        else:
            text = self.tr("Ran all {0} steps; the farthest handle is still {1:.1f} px from its target "
                           "(Drag again to go on). A is now the dragged w+.").format(result.steps_done, far)
        if changed:
            text = sentences(text, self.tr("Set {0} so that A shows it.").format(self.tr(" and ").join(changed)))
        text = sentences(message, text)
        self.status.setText(text)
        self.panel._say(text)

    def undo(self) -> None:
        """Put back what the last drag changed."""
        if not self.history or (self.task is not None and self.task.running):
            return
        before = self.history.pop()
        state = self.panel.state
        state.set_latent("a", before.latent)
        state.set_truncation(psi=before.psi, cutoff=before.cutoff)
        state.set_schedule(before.schedule)
        self.overlay.set_points(before.handles, before.targets)
        self.status.setText(self.tr("The last drag was undone."))
        self._update_buttons()

    def reset_points(self) -> None:
        self.overlay.clear_points()
        self.status.setText("")
        self._update_buttons()
