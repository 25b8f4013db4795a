"""ExplorerPanel: point-and-click exploration of what a generator learned.

Left: the image of latent A (large) and a strip (interpolation, sweep, mixing grid, noise
variation) that can play as an animation.  Right: tabbed sections — Latent, Mixing, Noise,
Animate, Model.  Widgets only edit :class:`ExplorerState`; every change becomes an immutable
render request for the :class:`RenderWorker` (newest wins; the main image first, the strip a
few tiles at a time behind it), and the results come back as pixels (a big model's preview and
partial strips first, see :mod:`.render_progress`).  Nothing here runs the generator on the GUI
thread.  Open…, latents, exports and drag and drop are in :mod:`.panel_files`; the strip and its
playback in :mod:`.panel_strip`; images that remember how they were made in :mod:`.panel_records`.
"""
from __future__ import annotations

import copy
import os
from typing import Callable

import torch
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QSpinBox, QToolButton, QVBoxLayout, QWidget

from ...core.activation_memory import activation_bytes_per_sample
from ...core.checkpoint import Checkpoint, CheckpointError
from ...core.render_device import decide_device, describe_device
from ...core.export import ModelSource, compute_directions
from ..render_worker import Job, JobKind, RenderWorker
from ..sliders import wheel_only_when_focused
from ..wrapping_tabs import WrappingTabs
from . import captions, files
from .animate import AnimateSection
from .bookmarks import BookmarkStore, BookmarksWidget
from .directions import DirectionsEditor
from .drag_section import DragSection
from .image_view import ImageView
from .latent_editor import LatentEditor
from .layout import Banner, PanelLayout
from .mixing import MixingSection
from .model_info import ModelInfo
from .noise import NoiseSection
from .panel_directions import PanelDirections
from .panel_files import PanelFileActions
from .panel_inside import PanelInside
from .panel_records import PanelImageRecords
from .panel_strip import PanelStrip
from .render_progress import RenderProgress
from .state import ExplorerState, ModelView
from .state_events import KEEP_MAIN_IMAGE, KEEP_STRIP, Change
from .strip_chooser import StripChooser
from .strip_labels import label_strip
from .widgets import group, row, scroll, tool_button

# The state's changes this module reacts to (built once: looking up Enum members is slow).
_A_STRIP_DIRECTIONS_MODEL = frozenset({Change.A, Change.STRIP, Change.DIRECTIONS, Change.MODEL})
_HISTORY_A_DIRECTIONS_MODEL = frozenset({Change.HISTORY, Change.A, Change.DIRECTIONS, Change.MODEL})
_B_C = frozenset({Change.B, Change.C})

STRIP_DELAY_MS = 120   # the strip follows edits once they pause (keeps drags on A fluid)
RENDER_DEVICE_KEY = "explorer/render_device"   # View > Render on: "auto", "cpu" or "cuda:N"


def remembered_render_device() -> str:
    """The device the Explorer renders on: the one chosen in View > Render on (remembered in
    the settings) when this machine has it, else the GPU when there is one, else the CPU."""
    choice = files.settings().value(RENDER_DEVICE_KEY, "auto")
    try:
        return decide_device(str(choice or "auto"))
    except ValueError:
        return decide_device("auto")


def default_render_threads() -> int:
    """Torch threads of the render thread: $GANSTUDIO_RENDER_THREADS, else half the cores (at
    most 4). The other half stays free for the GUI thread and a training: a second OpenMP
    thread makes one small image only ~10 % faster, and when the cores are busy its waits
    make renders several times slower."""
    env = os.environ.get("GANSTUDIO_RENDER_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(4, (os.cpu_count() or 2) // 2))


BIG_MODEL_BYTES = 16 << 20   # activations per image above which a render uses every core


def render_threads_for(G, small: int, training: bool, cores: int | None = None) -> int:
    """Threads for rendering G: ``small`` for small models (a second thread barely helps
    them and slows them when the cores are busy); every core for a big one (its convolutions
    scale with cores: an official 1024 px model renders nearly twice as fast on two), unless
    a training runs in this window, which then keeps the other half."""
    if cores is None:
        cores = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                 else os.cpu_count() or 1)
    if training or os.environ.get("GANSTUDIO_RENDER_THREADS", "").isdigit():
        return small
    try:
        big = activation_bytes_per_sample(G) >= BIG_MODEL_BYTES
    except Exception:  # noqa: BLE001 - an unknown family renders as a small one
        big = False
    return max(small, cores) if big else small


class ExplorerPanel(PanelImageRecords, PanelStrip, PanelFileActions, PanelInside, PanelDirections, QWidget):
    status_message = Signal(str)
    model_changed = Signal(dict)
    first_image_shown = Signal()
    activity_changed = Signal(str)      # what rendering is doing now ("" = nothing)
    render_device_changed = Signal(str)  # where rendering runs, for the status bar

    def _threads_for(self, G) -> int:
        return render_threads_for(G, self.render_threads, self.training_running())

    def __init__(self, parent=None, bookmark_store: BookmarkStore | None = None,
                 render_threads: int | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.state = ExplorerState()
        self.render_threads = render_threads or default_render_threads()
        self.training_running: Callable[[], bool] = lambda: False   # set by the main window
        self.worker = RenderWorker(self, threads=self._threads_for, device=remembered_render_device())
        self.worker.device_changed.connect(self._on_device_changed)
        self.worker.rendered.connect(self._on_rendered)
        self.worker.job_done.connect(self._on_job)
        self.worker.partial.connect(self._on_partial)
        self.source: ModelSource | None = None
        self._generation = 0
        self._next_id = 0
        self.last_main_request_id = -1
        self.last_strip_request_id = -1
        self._main_result = self._strip_result = None
        self._strip_after_main = False
        self._first_shown = False
        self._strip_signature: str | None = None   # the strip request being shown or rendered
        self._strip_request = None                 # the newest strip request sent
        self._sources_signature: str | None = None  # B and C's thumbnails being shown or rendered
        self._undo_flags = (False, False)
        self._strip_timer = QTimer(self, singleShot=True, interval=STRIP_DELAY_MS)
        self._strip_timer.timeout.connect(self._submit_strip)
        self._play_timer = QTimer(self)
        self._play_timer.timeout.connect(self._next_frame)
        self._play_index = 0
        self._build(bookmark_store or BookmarkStore())
        wheel_only_when_focused(self)   # scrolling a tab never moves a slider by accident
        self.state.subscribe(self._on_state)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)  # never leave the render thread running

    # --- layout ---------------------------------------------------------------------------------
    def _build(self, store: BookmarkStore) -> None:
        self.undo_action = QAction(self.tr("Undo latent edit"), self, shortcut=QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(self.tr("Redo latent edit"), self, shortcut=QKeySequence.StandardKey.Redo)
        for act, fn in ((self.undo_action, self.state.undo), (self.redo_action, self.state.redo)):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(fn)
            act.setEnabled(False)
            self.addAction(act)
        self.undo_action.setText("↶")
        self.redo_action.setText("↷")
        self.undo_action.setToolTip(self.tr("Undo the last latent edit (Ctrl+Z)"))
        self.redo_action.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self.recent_button = QPushButton(self.tr("Recent"))
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.recent_button.setMenu(self.recent_menu)
        self.model_info = ModelInfo(self.recent_button)
        self.model_info.open_requested.connect(self.open_dialog)
        self.directions = DirectionsEditor(self.state)
        self.directions.method_requested.connect(self._request_directions)
        self.editor = LatentEditor(self.state, self.directions)
        self.editor.set_undo_actions(self.undo_action, self.redo_action)
        self.editor.space_requested.connect(self._change_space)
        self.bookmarks = BookmarksWidget(self.state, store)
        self.bookmarks.message.connect(self._say)
        load_btn = tool_button(self.tr("Load…"), self.tr("Load a latent (.npy) or a sidecar (.json) into A"),
                               self.load_latent_dialog)
        save_btn = tool_button(self.tr("Save A…"), self.tr("Save latent A as .npy"), lambda: self.export_dialog("latent"))
        latent_page = QWidget()
        lp = QVBoxLayout(latent_page)
        lp.setContentsMargins(0, 0, 0, 0)
        lp.addWidget(self.editor)
        lp.addWidget(group(self.tr("Bookmarks (kept for this model)"), self.bookmarks, row(load_btn, save_btn, None)))
        lp.addStretch(1)
        self.tabs = WrappingTabs()    # every tab in sight, on two rows when narrow
        self.tabs.addTab(scroll(latent_page), self.tr("Latent"))
        self.mixing = MixingSection(self.state)
        self.tabs.addTab(scroll(self.mixing), self.tr("Mixing"))
        self.tabs.addTab(scroll(NoiseSection(self.state)), self.tr("Noise"))
        self.tabs.addTab(scroll(AnimateSection(self.state)), self.tr("Animate"))
        self.tabs.addTab(scroll(self.model_info), self.tr("Model"))
        self._build_inside()   # Layers, Transform
        self.view = ImageView(placeholder=self.tr("Open a checkpoint, an official StyleGAN .pkl or a run directory "
                                                  "(File ▸ Open, the Model tab, or drop it here) to explore what its "
                                                  "generator learned."))
        self.view.painted.connect(self._on_painted)
        self.progress = RenderProgress(self.view, lambda: self.state.strip.kind, lambda: self.worker.slow_ms, self)
        self.progress.activity_changed.connect(self.activity_changed)
        self.worker.activity.connect(self.progress.on_activity)
        self.strip_view = ImageView(min_size=self.view.minimumSize() / 2)
        self.strip_view.tile_clicked.connect(self._strip_tile_clicked)
        self._build_named_directions()   # named directions, labelling the gallery
        self.play_btn = QToolButton(text=self.tr("▶ Play"), checkable=True,
                                    toolTip=self.tr("Play the strip as an animation"))
        self.play_btn.toggled.connect(self.play)
        self.fps = QSpinBox(minimum=1, maximum=60, value=12, suffix=self.tr(" fps"))
        self.fps.valueChanged.connect(lambda v: self._play_timer.setInterval(int(1000 / v)))
        self.strip_chooser = StripChooser(self.state)
        self.banner = Banner()
        self._export_actions = self._make_export_actions() + self._make_record_actions()
        self.view.addActions(self._export_actions[-2:])     # Copy Image, Capture the View
        self.layout_ = PanelLayout(self, self.banner, self.view, self.strip_view, self.tabs.framed(),
                                   strip_controls=[self.strip_chooser, self.play_btn, self.fps])
        self.drag_tab = DragSection(self)   # the Drag tab and its points over the main image
        self._set_enabled(False)

    def _make_export_actions(self) -> list[QAction]:
        acts = []
        for kind, text in (("image", self.tr("Export Image…")), ("grid", self.tr("Export Image Grid…")),
                           ("strip", self.tr("Export Strip / Animation…")),
                           ("latent", self.tr("Save Latent A (.npy)…"))):
            a = QAction(text, self)
            a.triggered.connect(lambda _=False, k=kind: self.export_dialog(k))
            acts.append(a)
        return acts

    def _set_enabled(self, on: bool) -> None:
        for i in range(4):
            self.tabs.setTabEnabled(i, on)
        self._inside_enabled(on)
        if not on:
            self.tabs.setCurrentIndex(4)
        for a in self._export_actions:
            a.setEnabled(on)

    # --- public API -----------------------------------------------------------------------------------
    def export_actions(self) -> list[QAction]:
        return list(self._export_actions)

    def open_checkpoint(self, ckpt: Checkpoint, G: torch.nn.Module | None = None) -> bool:
        """Explore a loaded checkpoint (G: its generator, when already built)."""
        if G is None:
            try:
                G = ckpt.build_generator(ema=True)
            except CheckpointError as e:
                self._fail(self.tr("Could not open {0}: {1}").format(ckpt.path.name, e))
                return False
        info = dict(ckpt.summary(), sha256_full=ckpt.sha256, path=str(ckpt.path), source=str(ckpt.path))
        return self._install(G, info, ModelSource.from_checkpoint(ckpt, G))

    def open_generator(self, G: torch.nn.Module, info: dict) -> bool:
        """Explore a live generator (e.g. the training EMA). A snapshot is taken: training goes on."""
        snap = copy.deepcopy(G).cpu().eval().requires_grad_(False)
        info = dict(info)
        info.setdefault("family", getattr(G, "config", {}).get("family", "?"))
        info.setdefault("source", self.tr("live generator from training"))
        for key in ("resolution", "channels", "z_dim", "w_dim"):
            info.setdefault(key, getattr(G, "config", {}).get(key))
        return self._install(snap, info, ModelSource(snap, None, None, info))

    # --- render device --------------------------------------------------------------------------
    def render_device_text(self) -> str:
        """Where rendering runs, as the status bar says it: "CPU · 2 threads", "GPU: <name>"."""
        device = self.worker.device
        threads = None
        if device == "cpu":
            model = self.state.model
            threads = self._threads_for(model.G) if model is not None else self.render_threads
        return describe_device(device, threads)

    def set_render_device(self, key: str) -> bool:
        """Render on ``key`` ("cpu", "cuda:N", "auto") from now on and remember the choice: the
        model moves there on the render thread and the image on screen renders again. Refused
        (False, with a message) while a projection or drag runs on the current device."""
        if self.worker.running_tasks():
            self._say(self.tr("A projection or drag is running on the current device: stop it "
                              "first, then switch"))
            return False
        try:
            device = decide_device(key)
        except ValueError as e:
            self._fail(str(e))
            return False
        files.settings().setValue(RENDER_DEVICE_KEY, key)
        self.worker.set_device(device)
        self.render_device_changed.emit(self.render_device_text())
        if self.state.model is not None:
            self._submit_main()     # the render moves the model, then draws the same image
        return True

    def _on_device_changed(self, device: str, why: str) -> None:
        if why:
            self._fail(why)
        self.render_device_changed.emit(self.render_device_text())

    def shutdown(self) -> None:
        self._play_timer.stop()
        self._strip_timer.stop()
        self.worker.stop()

    # --- model ------------------------------------------------------------------------------------
    def _install(self, G, info: dict, source: ModelSource) -> bool:
        if info.get("family") == "toy" or getattr(G, "z_dim", None) is None or not hasattr(G, "config") \
                or "resolution" not in G.config:
            self._fail(self.tr("This is a toy (1-D / 2-D points) model: the Training panel's toy views show it; "
                               "the Explorer renders image generators."))
            return False
        self.play(False)
        self.worker.cancel()
        self._generation += 1
        self.source = source
        self._main_result = self._strip_result = None
        self._strip_signature = self._sources_signature = None
        self.mixing.show_sources(None)
        self._strip_after_main = True    # a new model's first image comes before any gallery tile
        self.progress.reset()
        self.view.clear()
        self.strip_view.clear()
        self.banner.hide()
        self.state.set_model(ModelView.from_generator(G, info))
        self.model_info.show_model(info, G)
        self._set_enabled(True)
        self.tabs.setCurrentIndex(0)
        if self.state.model.style:
            self._request_directions("pca")
        name = info.get("file") or info.get("source") or info.get("family")
        self._say(self.tr("Opened {0}: {1} {2}², step {3}").format(name, info.get("family"), info.get("resolution"),
                                                                   info.get("step", 0)))
        self.model_changed.emit({k: v for k, v in info.items() if k != "sha256_full"})
        self.render_device_changed.emit(self.render_device_text())   # a big model: more threads
        return True

    def _fail(self, message: str) -> None:
        """Say why something failed; a :class:`Refusal`'s detail waits behind "Details"."""
        self.banner.show_message(message, "error", getattr(message, "detail", ""))
        self._say(message)

    def _say(self, message: str) -> None:
        self.status_message.emit(message)

    def _request_directions(self, method: str) -> None:
        if self.state.model is None or not self.state.model.style:
            return
        self.directions.set_busy(method)
        G, gen = self.state.model.G, self._generation
        self.worker.submit_job(Job(JobKind.DIRECTIONS, gen), lambda: compute_directions(G, method))

    # --- rendering --------------------------------------------------------------------------------
    def _on_state(self, aspects: frozenset[Change]) -> None:
        if self.state.model is None:
            return
        if Change.LABELLING in aspects:
            self.layout_.set_strip_title(self._strip_title(self._strip_result))
        if aspects & _A_STRIP_DIRECTIONS_MODEL:
            self._mark_a_in_gallery()
        if aspects & _HISTORY_A_DIRECTIONS_MODEL:
            flags = (self.state.can_undo(), self.state.can_redo())
            if flags != self._undo_flags:
                self._undo_flags = flags
                self.undo_action.setEnabled(flags[0])
                self.redo_action.setEnabled(flags[1])
        self._inside_state(aspects)
        main = aspects - KEEP_MAIN_IMAGE
        if not self.state.mix_rows():
            main -= _B_C    # B and C only show in the main image when mixing
        if main:
            self._submit_main()
            self._strip_timer.start()       # the strip follows once the edit pauses
        elif aspects - KEEP_STRIP:
            self._strip_timer.stop()
            self._submit_strip()            # only the strip changed: render it now

    def _rid(self) -> int:
        self._next_id += 1
        return self._next_id

    def _submit_main(self) -> None:
        rid = self._rid()
        try:
            req = self.state.send_main(rid)
        except ValueError as e:
            self.banner.show_message(str(e), "error")
            return
        self.last_main_request_id = rid
        self.worker.submit("main", self.state.model.G, req, self._generation)
        last = self._main_result
        self.progress.main_submitted(rid, last.ms if last is not None and last.ok else None)

    def _on_rendered(self, channel: str, result) -> None:
        if result.meta.get("tag") != self._generation or result.cancelled:
            return  # from a model that is no longer open, or given up for a newer request
        if channel == "sources":
            return self.mixing.show_sources(result.images if result.ok else None)
        if channel == "layer":
            return self._on_layer_rendered(result)
        if channel == "main":
            self.transform_tab.frame_shown()
            self.progress.main_done(result.request_id)
            if self._strip_after_main:
                self._strip_after_main = False
                QTimer.singleShot(0, self._submit_strip)
        if result.error:
            (self.view if channel == "main" else self.strip_view).set_placeholder(result.error)
            self.banner.show_message(self.tr("Rendering failed: {0}").format(result.error), "error")
            if channel == "strip":
                self._strip_signature = None
                self.strip_view.clear()
            return
        if channel == "main":
            self._main_result = result
            if self.state.main_rendered(result) is not None and result.w is not None:
                self.editor.set_w(result.w)
            if not self._play_timer.isActive():
                self.view.set_image(result.composite, result.request_id)
            self.view.set_caption(self._caption(result))
        else:
            self._strip_result = result
            h, w = result.images.shape[1:3]
            self.strip_view.set_image(result.composite, result.request_id,
                                      (result.rows, result.cols, h, w, 2))
            label_strip(self.strip_view, self.state, self._strip_request, result)
            self._mark_a_in_gallery()
            self.layout_.set_strip_title(self._strip_title(result))

    def _on_partial(self, channel: str, result) -> None:
        """A big model's first look: a preview of the main image, or the strip's tiles so far."""
        if result.meta.get("tag") != self._generation or result.composite is None:
            return
        if channel == "main":
            if result.request_id == self.last_main_request_id and not self._play_timer.isActive():
                self.view.set_image(result.composite, result.request_id)
                self.progress.preview_shown(result.request_id)
        elif result.request_id == self.last_strip_request_id:
            h, w = result.images.shape[1:3]
            self.strip_view.set_image(result.composite, result.request_id, (result.rows, result.cols, h, w, 2))
            label_strip(self.strip_view, self.state, self._strip_request, result)
            done, total = result.meta.get("done", 0), result.meta.get("total", 0)
            self.layout_.set_strip_title(self.tr("{0} · {1} of {2} rendered…").format(self._strip_title(), done, total))

    def _on_painted(self, rid: int) -> None:
        if rid >= 0 and not self._first_shown:
            self._first_shown = True
            self.first_image_shown.emit()

    def _caption(self, result) -> str:
        return captions.main_caption(self.state, result)

    # --- latent space and jobs ----------------------------------------------------------------------
    def _change_space(self, space: str) -> None:
        ok = self.state.set_space(space)
        if not ok:
            self.editor.resync()
            self._say(self.tr("Switching to w needs one rendered image first; try again in a moment")
                      if space != "z" else self.tr("A has no z to go back to (it was loaded in w)"))

    def _on_job(self, job: Job, value, error: str) -> None:
        if self._inside_job(job, value, error):
            return
        if job.kind is JobKind.RECORD:
            return self._record_job_done(job, value, error)
        if job.kind is JobKind.OPEN:
            return self._opened_in_background(job.token, value, error)
        if job.kind is JobKind.DIRECTIONS:
            if job.token != self._generation:
                return
            if error:
                self.directions.set_error(error)
            else:
                self.state.set_directions(value)
            return
        if job.kind is JobKind.EXPORT:
            if error:
                self._fail(self.tr("Export failed: {0}").format(error))
            else:
                self._say(value)
                self.banner.show_message(value, "info")
