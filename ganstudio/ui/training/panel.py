"""The Training panel: recipe form, controls and progress, live curves, samples, teaching views.

It reads one :class:`RunSource` at a time (``run_source.py``): a run it trains itself
(:class:`LiveSource`) or a run directory it follows (:class:`FollowedSource`), through the
same slots.  Sources deliver data in batches that only append to buffers; drawing follows on a
one-shot timer (at most ~15 frames a second, none while nothing arrives) and only for what is
visible, so the GUI thread stays idle between frames.  The run's state is a :class:`RunState`
model (``self.run_state``) that the controls follow.
"""
from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSplitter, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget, QStyle)

from ganstudio.ui.sliders import wheel_only_when_focused
from ganstudio.ui.training.continue_run import ContinueDialog
from ganstudio.ui.training.controls import TrainingControls
from ganstudio.ui.training.curves import LiveCurves
from ganstudio.ui.training.dataset_preview import DatasetPreview
from ganstudio.ui.training.draw_data import PointsCanvas
from ganstudio.ui.training.form_fields import narrow_combo
from ganstudio.ui.training.lessons import LESSONS, LessonPane, lesson
from ganstudio.ui.training.live_controls import LiveControls
from ganstudio.ui.training.recipe_form import RecipeForm
from ganstudio.ui.training.run_source import FollowedSource, Progress, RunSource, RunState
from ganstudio.ui.training.sample_grid import SampleGridView
from ganstudio.ui.training.session import Session
from ganstudio.ui.training.settings import app_settings
from ganstudio.ui.training.toy_views import ToyView

REFRESH_MS = 66  # ~15 Hz


def default_runs_root() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
    return Path(docs) / "GAN Studio" / "runs"


def is_temporary(path: str | Path) -> bool:
    """Whether ``path`` lies in a temporary folder (emptied at restart on many systems)."""
    roots = {tempfile.gettempdir(), "/tmp", "/var/tmp",
             QStandardPaths.writableLocation(QStandardPaths.TempLocation)}
    p = Path(path).expanduser().resolve()
    for root in filter(None, roots):
        r = Path(root).resolve()
        if p == r or r in p.parents:
            return True
    return False


def runs_root_problem(path: Path) -> str:
    """What is wrong with a runs folder the user chose ("" when nothing)."""
    if is_temporary(path):
        return QCoreApplication.translate(
            "TrainingPanel", "The runs folder {0} is a temporary folder: runs saved there can be "
            "lost at the next restart, and GAN Studio will not remember it. Choose another with "
            "Training > Runs folder…").format(path)
    if not path.is_dir():
        return QCoreApplication.translate(
            "TrainingPanel", "The runs folder {0} does not exist (a drive not connected?); it is "
            "created when a run starts. Choose another with Training > Runs folder…").format(path)
    return ""


class TrainingPanel(QWidget):
    """Train a recipe, or follow a run directory, and watch it learn."""

    status_message = Signal(str)
    activity_changed = Signal(str)       # what is running ("" when nothing)
    device_changed = Signal(str)         # "CPU" or the CUDA device's name
    state_changed = Signal(str)          # controls state (idle, running, paused, ...)
    run_finished = Signal(str)           # done / stopped / diverged / failed
    open_in_explorer = Signal(object)    # a loaded Checkpoint
    recipe_path_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        # Where runs go.  Only a folder the user chose (Training > Runs folder…) is remembered;
        # code that sets ``runs_root`` (tests, benchmarks) is never written into the settings.
        stored = app_settings().value("training/runs_root")
        self.chosen_runs_root: Path | None = Path(stored) if stored else None
        self.runs_root = self.chosen_runs_root or default_runs_root()
        self._runs_root_warning = ""
        self._forget_stored_runs_root = False
        if self.chosen_runs_root is not None and is_temporary(self.chosen_runs_root):
            # an older GAN Studio could store a benchmark's temporary folder: never train there
            self._runs_root_warning = self.tr(
                "The runs folder was set to {0}, a temporary folder where runs are lost at "
                "restart; runs now go to {1}. Choose another with Training > Runs folder…").format(
                self.chosen_runs_root, default_runs_root())
            self.chosen_runs_root = None
            self.runs_root = default_runs_root()
            self._forget_stored_runs_root = True
        elif self.chosen_runs_root is not None:
            self._runs_root_warning = runs_root_problem(self.chosen_runs_root)
        self.recipe_path: Path | None = None
        self.form = RecipeForm()
        self.preview = DatasetPreview()
        self.form.preview_slot.addWidget(self.preview)
        self.controls = TrainingControls()
        self.curves = LiveCurves()
        self.curves.overlay.current_recipe = self._compared_recipe
        self.curves.overlay.runs_folder = self._runs_folder
        self.samples = SampleGridView()
        self.toy = ToyView()
        self.live = LiveControls()
        self.drawing = PointsCanvas(drawings_dir=lambda: self.runs_root.parent / "drawings")
        self.lesson_pane = LessonPane()
        self.notice = QLabel("")
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.notice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.run_state = RunState(self)
        self.run_state.changed.connect(self._show_state)
        self.source: RunSource | None = None     # the run on show (trained here or followed)
        self.session = Session(self)

        # left: lesson / preset pickers and the form
        self.lesson_box = narrow_combo()
        self.lesson_box.addItem(self.tr("— choose a lesson —"), "")
        for item in LESSONS:
            self.lesson_box.addItem(item.display_title, item.key)
        self.lesson_box.activated.connect(self._on_lesson_picked)
        self.preset_box = narrow_combo()
        self.preset_box.activated.connect(self._on_preset_picked)
        self._fill_presets()
        self.detach_button = QToolButton()
        self.detach_button.setText(self.tr("Detach"))
        self.detach_button.setIcon(self.style().standardIcon(QStyle.SP_DialogCloseButton))
        self.detach_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.detach_button.setToolTip(self.tr("Stop following the run directory"))
        self.detach_button.clicked.connect(self.detach)
        self.detach_button.setVisible(False)
        self.continue_button = QToolButton()
        self.continue_button.setText(self.tr("Continue…"))
        self.continue_button.setIcon(self.style().standardIcon(QStyle.SP_MediaSeekForward))
        self.continue_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.continue_button.setToolTip(self.tr("Train this run on from its checkpoint: more steps, "
                                                "and for a StyleGAN optionally more channels"))
        self.continue_button.clicked.connect(lambda: self.continue_run())
        self.continue_button.setVisible(False)
        self.continue_dialog: ContinueDialog | None = None
        pickers = QVBoxLayout()
        pickers.setSpacing(4)
        for label, box in ((self.tr("Lesson"), self.lesson_box), (self.tr("Preset"), self.preset_box)):
            row = QHBoxLayout()
            lab = QLabel(label)
            lab.setMinimumWidth(48)
            row.addWidget(lab)
            row.addWidget(box, 1)
            pickers.addLayout(row)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(pickers)
        lv.addWidget(self.form, 1)

        # right: controls, curves | samples / teaching view + lesson text
        self.views = QTabWidget()
        self.views.addTab(self.samples, self.tr("Samples"))
        self.views.addTab(self.toy, self.tr("Teaching view"))
        self.views.addTab(self.drawing, self.tr("Draw data"))
        self.views.currentChanged.connect(lambda _: self._refresh(force=True))
        side = QSplitter(Qt.Vertical)
        side.addWidget(self.views)
        side.addWidget(self.lesson_pane)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)
        self.plots_split = QSplitter(Qt.Horizontal)
        self.plots_split.addWidget(self.curves)
        self.plots_split.addWidget(side)
        self.plots_split.setStretchFactor(0, 3)
        self.plots_split.setStretchFactor(1, 2)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.controls, 1)
        top.addWidget(self.continue_button, 0, Qt.AlignTop)
        top.addWidget(self.detach_button, 0, Qt.AlignTop)
        rv.addLayout(top)
        rv.addWidget(self.live)
        rv.addWidget(self.notice)
        rv.addWidget(self.plots_split, 1)
        self.main_split = QSplitter(Qt.Horizontal)
        self.main_split.addWidget(left)
        self.main_split.addWidget(right)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([410, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.main_split)

        self.form.changed.connect(self._on_recipe_changed)
        self.form.data_changed.connect(self.preview.request)
        self.lesson_pane.variant_chosen.connect(self.load_lesson)
        c = self.controls
        c.start_action.triggered.connect(self.start)
        c.pause_action.triggered.connect(self.toggle_pause)
        c.stop_action.triggered.connect(self.stop)
        c.save_action.triggered.connect(self.save_checkpoint)
        c.explorer_action.triggered.connect(self.request_explorer)
        self.live.steps_requested.connect(self.session.request_steps)
        self.live.hyper_requested.connect(self.session.set_hyperparameters)
        self.live.delay_changed.connect(self.session.set_delay)
        self.drawing.use_points.connect(self.train_on_points)
        self.views.currentChanged.connect(self._show_drawing_reference)
        self._timer = QTimer(self)            # one-shot: runs only when there is new data
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self._toy_pending: dict | None = None
        self._on_recipe_changed(self.form.recipe(), self.form.error())
        if self._runs_root_warning:
            self.show_notice(self._runs_root_warning)
        wheel_only_when_focused(self)   # scrolling the form never changes a field by accident

    # --- recipes, presets, lessons ------------------------------------------------------------
    def _fill_presets(self) -> None:
        from ganstudio import resources
        self.preset_box.clear()
        self.preset_box.addItem(self.tr("— choose a recipe —"), "")
        folder = resources.recipes_dir()
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            try:
                d = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if "model" not in d:  # not a GAN recipe (e.g. the evaluation classifier)
                continue
            self.preset_box.addItem(QCoreApplication.translate("Recipe", d["title"]) if d.get("title")
                                    else path.stem, str(path))
            self.preset_box.setItemData(self.preset_box.count() - 1, str(path), Qt.ToolTipRole)

    def _on_preset_picked(self, index: int) -> None:
        path = self.preset_box.itemData(index)
        if path:
            self.load_recipe_file(path)

    def _on_lesson_picked(self, index: int) -> None:
        key = self.lesson_box.itemData(index)
        if key:
            self.load_lesson(key, 0)

    def load_lesson(self, key: str, variant: int = 0) -> None:
        item = lesson(key)
        if self.session.busy:
            self.status_message.emit("stop the current run before loading a lesson")
            return
        self.detach()
        self.form.set_values(item.recipe(variant))
        self.recipe_path = None
        self.lesson_pane.show_lesson(item, variant)
        self.lesson_box.setCurrentIndex(self.lesson_box.findData(key))
        self._show_view_for(item.variants[variant].recipe)
        self.status_message.emit(self.tr("lesson: {0}").format(item.display_title) + self.new_recipe_view())

    def _show_view_for(self, recipe: dict) -> None:
        """The view a recipe's run is watched in: a toy's teaching view, else its samples."""
        self.views.setCurrentWidget(self.toy if (recipe.get("data") or {}).get("kind") == "toy"
                                    else self.samples)

    def load_recipe_file(self, path: str | Path) -> bool:
        """Fill the form from a recipe TOML (an invalid value is loaded and marked)."""
        path = Path(path)
        if self.session.busy:
            self.status_message.emit(self.tr("stop the current run before opening a recipe"))
            return False
        try:
            d = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            self.show_notice(self.tr("cannot open {0}: {1}").format(path.name, e))
            return False
        self.detach()
        d.setdefault("name", path.stem)
        self.form.set_values(d)
        self._show_view_for(d)
        self.recipe_path = path
        self.lesson_pane.show_lesson(None)
        self.lesson_box.setCurrentIndex(0)
        i = self.preset_box.findData(str(path))
        self.preset_box.setCurrentIndex(max(i, 0))
        self.recipe_path_changed.emit(str(path))
        kept = self.new_recipe_view()
        self.status_message.emit((self.tr("recipe {0} loaded").format(path.name) if self.form.recipe()
                                  else self.tr("recipe {0} loaded with an error: {1}").format(
                                      path.name, self.form.error())) + kept)
        return True

    def train_on_points(self, csv_path: str) -> bool:
        """Put drawn points (a CSV) into the form as its data set; the toy model stays when
        the form holds a 2-D toy recipe, else the ring's recipe supplies the model."""
        if self.session.busy:
            self.drawing.show_message(self.tr("Stop the current run before training on new points"))
            return False
        values = self.form.values()
        model = values.get("model") or {}
        if model.get("family") != "toy" or int(model.get("data_dim", 2)) != 2:
            from ganstudio import resources
            ring = resources.recipes_dir() / "toy_ring8.toml"
            values = tomllib.loads(ring.read_text(encoding="utf-8"))
        values = dict(values)
        values["data"] = {"kind": "points", "path": str(csv_path)}
        values["title"] = self.tr("Your drawn points")
        values["description"] = self.tr(
            "The points you drew, smoothed by a small Gaussian kernel, are the data. Watch the "
            "generated samples (blue) move onto them and the JS divergence fall.")
        values["name"] = "drawn-points"
        self.detach()
        self.form.set_values(values)
        self.recipe_path = None
        self.lesson_pane.show_lesson(None)
        self.lesson_box.setCurrentIndex(0)
        self.preset_box.setCurrentIndex(0)
        self.new_recipe_view()
        self.views.setCurrentWidget(self.toy)
        error = self.form.error()
        self.status_message.emit(self.tr("training data: {0}; press Start").format(csv_path)
                                 if not error else error)
        return not error

    def _show_drawing_reference(self, _index: int = 0) -> None:
        """The Draw data tab shows the last 2-D run's real data faintly behind the drawing."""
        snap = self.toy.last_snapshot
        if self.views.currentWidget() is self.drawing:
            real = snap.get("real") if snap and int(snap.get("dim", 0)) == 2 else None
            self.drawing.show_reference(real)

    def recipe_toml(self) -> str:
        """The form as TOML (the resolved recipe when valid, else the values as typed)."""
        from ganstudio.train.recipe import dumps_toml
        recipe = self.form.recipe()
        return recipe.to_toml() if recipe is not None else dumps_toml(self.form.values())

    def save_recipe_file(self, path: str | Path) -> bool:
        path = Path(path)
        try:
            path.write_text(self.recipe_toml(), encoding="utf-8")
        except OSError as e:
            self.show_notice(self.tr("cannot save {0}: {1}").format(path, e.strerror or e))
            return False
        self.recipe_path = path
        self.recipe_path_changed.emit(str(path))
        self.status_message.emit(self.tr("recipe saved to {0}").format(path))
        return True

    def _on_recipe_changed(self, recipe, error: str) -> None:
        if recipe is not None and not self.session.busy:   # what a run would start with
            self.live.set_values(recipe.optim.lr_g, recipe.optim.lr_d, recipe.objective.name)
        if self.run_state.editable:
            self.set_state("idle" if recipe is not None else "invalid")

    # --- state -----------------------------------------------------------------------------------
    def set_state(self, state: str, detail: str = "") -> None:
        """Set the run's state (idle and finished become invalid while the form cannot start)."""
        if state in ("idle", "finished") and self.form.recipe() is None:
            state = "invalid"
        self.run_state.set(state, detail)

    def _show_state(self, state: str, detail: str) -> None:
        """The views follow the run's state."""
        self.controls.set_state(state, detail)
        self.live.set_state(state)
        recipe = self.form.recipe()
        if recipe is not None and recipe.model.get("family") == "toy":
            # the Explorer renders image generators; toy runs are shown by the teaching views
            self.controls.explorer_action.setEnabled(False)
        self.form.set_editable(self.run_state.editable)
        self.lesson_box.setEnabled(self.run_state.editable or state == "attached")
        self.preset_box.setEnabled(self.run_state.editable or state == "attached")
        self.state_changed.emit(state)

    @property
    def state(self) -> str:
        return self.run_state.state

    def is_training(self) -> bool:
        return self.session.busy

    def show_notice(self, text: str) -> None:
        self.notice.setText(f"⚠ {text}" if text else "")
        self.notice.setVisible(bool(text))
        if text:
            self.status_message.emit(text)

    def new_recipe_view(self) -> str:
        """A new lesson or recipe: the plots, samples and progress of the previous run go (it
        stays in its run directory, which File > Open run directory shows again).  Returns the
        status line's note of where that run is ("" when there was none)."""
        previous = self.session.run_dir
        self.drop_source()
        self.clear_views()
        self.show_notice("")
        recipe = self.form.recipe()
        self.controls.reset_progress(recipe.train.steps if recipe is not None else None)
        self.set_state("idle")
        if previous is None:
            return ""
        self.session.run_dir = None
        return self.tr(" (the previous run stays in {0})").format(previous)

    def clear_views(self) -> None:
        self.curves.clear()
        self.samples.clear()
        self.toy.clear()
        self.lesson_pane.clear_run()
        self._toy_pending = None

    # --- training (delegated to the session) ------------------------------------------------------
    def start(self) -> bool:
        recipe = self.form.recipe()
        if recipe is None or self.session.busy:
            return False
        self.detach()
        self.show_notice("")
        return self.session.start(recipe)

    def toggle_pause(self) -> None:
        self.session.toggle_pause()

    def stop(self) -> None:
        self.session.stop()

    def save_checkpoint(self) -> None:
        self.session.save_checkpoint()

    def request_explorer(self) -> None:
        if self.session.busy:
            self.session.request_generator()
        elif self.source is not None:
            self.session.load_checkpoint_of(self.source.run_dir)

    def _compared_recipe(self) -> dict | None:
        """The resolved recipe of the run on show (live or attached), for the run overlay."""
        return self.source.recipe_dict if self.source is not None else None

    def _runs_folder(self) -> Path:
        """Where other runs probably are: beside the run on show, else where runs go."""
        return self.source.run_dir.parent if self.source is not None else self.runs_root

    # --- the run on show ---------------------------------------------------------------------------
    def read(self, source: RunSource) -> None:
        """Show ``source`` from now on (the run shown before is dropped, its data stays on disk)."""
        self.drop_source()
        self.source = source
        source.columns.connect(self._on_columns)
        source.progress.connect(self._on_progress)
        source.grid.connect(self._on_grid)
        source.toy.connect(self.show_toy_snapshot)
        source.recipe.connect(self._on_source_recipe)
        source.reset.connect(self.curves.clear)
        source.notice.connect(self.show_notice)
        source.finished.connect(self._on_source_finished)

    def _on_source_finished(self, done: bool) -> None:
        """A followed run reached its last step (or went on again after a resume)."""
        if not self.following:
            return
        name = self.source.run_dir.name
        if done:
            self.set_state("finished", self.tr("{0} finished").format(name))
        else:
            self.set_state("attached", self.tr("following {0}").format(name))

    def drop_source(self) -> None:
        """Stop reading the run on show."""
        source, self.source = self.source, None
        if source is not None:
            source.close()
            source.deleteLater()

    @property
    def following(self) -> bool:
        """Whether the run on show is a followed run directory."""
        return isinstance(self.source, FollowedSource)

    def _on_columns(self, cols) -> None:
        self.curves.add_columns(cols)
        self.schedule_refresh()

    def _on_progress(self, p: Progress) -> None:
        self.controls.set_progress(p.step, p.total, p.steps_per_s, p.images_per_s, p.threads, p.seconds_left)

    def _on_grid(self, step: int, path: str, image) -> None:
        self.samples.add_grid(step, image, path)

    def _on_source_recipe(self, d: dict) -> None:
        """A followed run's recipe: the form shows it (read-only while following)."""
        self.form.set_values(d)
        self.form.set_editable(False)

    # --- following a run directory ---------------------------------------------------------------
    def attach(self, path: str | Path) -> bool:
        """Follow a run directory (another process may still be writing it)."""
        path = Path(path)
        if self.session.busy:
            self.show_notice(self.tr("stop the current run before attaching to another one"))
            return False
        if not path.is_dir():
            self.show_notice(self.tr("{0} is not a run directory").format(path))
            return False
        self.detach()
        self.clear_views()
        self.show_notice("")
        self.lesson_pane.show_lesson(None)
        self.lesson_box.setCurrentIndex(0)      # a followed run is no lesson or preset of the list
        self.preset_box.setCurrentIndex(0)
        source = FollowedSource(path, parent=self)
        self.read(source)
        source.start()
        self.detach_button.setVisible(True)
        self.continue_button.setVisible(True)
        self.views.setCurrentWidget(self.samples)
        self.set_state("attached", self.tr("following {0}").format(path.name))
        self.activity_changed.emit(self.tr("following {0}").format(path))
        return True

    def detach(self) -> None:
        if not self.following:
            return
        self.drop_source()
        self.detach_button.setVisible(False)
        self.continue_button.setVisible(False)
        self.refresh_now()
        self.set_state("idle")
        self.activity_changed.emit("")

    # --- continuing a stopped run -----------------------------------------------------------------
    def continue_run(self, path: str | Path | None = None) -> bool:
        """Continue a run from its checkpoint (``path``, default the followed run): the run is
        read off the GUI thread, then :class:`ContinueDialog` asks how far (and how wide)."""
        if self.session.busy:
            self.show_notice(self.tr("stop the current run before continuing another one"))
            return False
        path = Path(path) if path is not None else (self.source.run_dir if self.following else None)
        if path is None:
            return False
        self.status_message.emit(self.tr("reading {0}…").format(path.name))
        self.session.read_plan(path, self._ask_how_to_continue,
                               lambda message: self.show_notice(
                                   self.tr("cannot continue {0}: {1}").format(path.name, message)))
        return True

    def _ask_how_to_continue(self, plan) -> None:
        if self.continue_dialog is not None:
            self.continue_dialog.deleteLater()
        self.status_message.emit("")
        dialog = self.continue_dialog = ContinueDialog(plan, self)
        dialog.accepted.connect(lambda: self._continue(dialog))
        dialog.open()

    def _continue(self, dialog: ContinueDialog) -> None:
        from ganstudio.core.config import ConfigError
        try:
            recipe = dialog.recipe()
        except ConfigError as e:
            self.show_notice(self.tr("cannot continue {0}: {1}").format(dialog.plan.run_dir.name, e))
            return
        if self.session.busy:
            return
        self.detach()
        self.show_notice("")
        self.lesson_pane.show_lesson(None)
        self.form.set_values(recipe.to_dict())       # what trains, shown (read-only while it runs)
        self.session.start(recipe, plan=dialog.plan)

    # --- drawing ----------------------------------------------------------------------------------
    def show_toy_snapshot(self, snap: dict) -> None:
        """Keep the newest snapshot; it is drawn with the next frame (when the view is shown)."""
        self._toy_pending = snap
        total = self.source.total if self.source is not None else 0
        self.lesson_pane.show_snapshot(snap, total or None)
        self.schedule_refresh()

    def refresh_now(self) -> None:
        """Draw everything pending at once (e.g. when a run ends)."""
        self._timer.stop()
        self._refresh(force=True)

    def schedule_refresh(self) -> None:
        """New data arrived: draw it within one frame (~15 Hz at most, nothing when idle)."""
        if not self._timer.isActive():
            self._timer.start()

    def _refresh(self, force: bool = False) -> None:
        """Draw what changed, but only what can be seen (the rest waits until it is shown)."""
        if not self.isVisible() and not force:
            return
        self.curves.refresh(both=force)
        if self._toy_pending is not None and (self.views.currentWidget() is self.toy or force):
            snap, self._toy_pending = self._toy_pending, None
            self.toy.show_snapshot(snap)
        if self.curves.has_pending():
            self.schedule_refresh()     # the second plot of a staggered redraw

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        self.schedule_refresh()         # draw what arrived while another tab was shown

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: plots follow the larger fonts; the recipe form (clutter on a
        projector) is hidden, the lesson, the teaching controls and the views stay."""
        self.curves.set_presentation(on)
        self.toy.set_presentation(on)
        self.drawing.apply_style()
        self.main_split.widget(0).setVisible(not on)

    # --- persistence and shutdown -------------------------------------------------------------------
    def choose_runs_root(self, path: str | Path) -> None:
        """The user chose where runs go: use and remember it (and say if it is a poor place)."""
        self.chosen_runs_root = self.runs_root = Path(path).expanduser()
        self._forget_stored_runs_root = False
        problem = runs_root_problem(self.runs_root)
        self.show_notice(problem)
        if not problem:
            self.status_message.emit(self.tr("runs now go to {0}").format(self.runs_root))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("training/main_split", self.main_split.saveState())
        settings.setValue("training/plots_split", self.plots_split.saveState())
        if (self.chosen_runs_root is not None and self.chosen_runs_root == self.runs_root
                and not is_temporary(self.chosen_runs_root)):
            settings.setValue("training/runs_root", str(self.chosen_runs_root))
        elif self._forget_stored_runs_root:   # a temporary folder an older version stored
            settings.remove("training/runs_root")

    def restore_state(self, settings: QSettings) -> None:
        for key, split in (("training/main_split", self.main_split),
                           ("training/plots_split", self.plots_split)):
            state = settings.value(key)
            if state is not None:
                split.restoreState(state)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Stop everything (for closing the window): the run writes its checkpoint first."""
        self.detach()
        self.session.shutdown(timeout_ms)
        self.preview.shutdown()
        self._timer.stop()
