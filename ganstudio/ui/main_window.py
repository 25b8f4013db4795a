"""The main window: Training and Explorer panels, menus, status bar, remembered layout.

Opening a path goes where it belongs: a recipe (.toml) to the Training form, a run directory
to the Training panel (followed live), a checkpoint to the Explorer.  Closing the window while
a run trains asks first, then stops the run cleanly (with a checkpoint) before closing.

The Training panel (pyqtgraph plots, the recipe form) is built just after the Explorer's first
image is on screen, or at once when something needs it (its tab, its menu, a recipe to open):
the app opens on the Explorer, so start-up does not wait for it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QProcess, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox,
                               QStyle, QTabWidget, QVBoxLayout, QWidget)

from ganstudio.ui import i18n, presentation
from ganstudio.ui.screen_fit import PanelScroll, fit_to_screen
from ganstudio.ui.training import style
from ganstudio.ui.training.guide import GuideDialog, ShortcutsDialog
from ganstudio.ui.training.lessons import FIRST_RUN_LESSON
from ganstudio.ui.training.run_follower import is_run_dir
from ganstudio.ui.explorer import files
from ganstudio.ui.explorer.files import add_recent, clear_recent, recent_files
from ganstudio.ui.training.settings import app_settings
from ganstudio.ui.workers import CallWorker, device_name

PRESENTATION_PEN_SCALE = 2.2
DEFAULT_SIZE = QSize(1440, 900)      # made smaller where the screen is
ACTIVITY_MAX_WIDTH = 420             # px of the status bar's "what is running" label
TRAINING_BUILD_FALLBACK_MS = 1500   # build the Training panel by then even without an image


OPEN_FOLDER_KEY = "window/open_folder"
# Said in the language chosen in View > Language (whatever the current one is).
LANGUAGE_NEXT_START = QT_TRANSLATE_NOOP("MainWindow", "GAN Studio will use this language from its next start.")
RESTART_NOW = QT_TRANSLATE_NOOP("MainWindow", "Restart now")
LATER = QT_TRANSLATE_NOOP("MainWindow", "Later")


def open_folder() -> Path:
    """Where File > Open starts: the folder last opened from, else the shipped models."""
    from ganstudio import resources
    last = app_settings().value(OPEN_FOLDER_KEY)
    if last and Path(last).is_dir():
        return Path(last)
    shipped = resources.resources_dir() / "models"
    return shipped if shipped.is_dir() else Path.home()


def _build_untrained_stylegan():
    from ganstudio.core.nets import build_generator, default_config
    cfg = default_config("stylegan", resolution=32, channels=1)
    return build_generator(cfg).eval().requires_grad_(False), cfg


class MainWindow(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("GAN Studio")
        fit_to_screen(self, DEFAULT_SIZE)
        self._close_approved = False
        self._presentation_font = None
        self._loaders: list[CallWorker] = []
        self._style_lessons = None          # the StyleGAN lessons dialog, made on first use
        self._evaluate = None               # the Evaluate model dialog, made on first use
        self._was_maximized = False         # before presentation mode went full screen
        self._training = None
        self._layout_restored = False
        self._training_host = PanelScroll(QWidget())    # the Training panel goes in when built
        self.explorer, explorer_view = self._make_explorer()   # None (and a message) if it failed
        self._explorer_host = PanelScroll(explorer_view)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        st = self.style()
        self.tabs.addTab(self._training_host, st.standardIcon(QStyle.SP_MediaPlay), self.tr("Training"))
        self.tabs.addTab(self._explorer_host, st.standardIcon(QStyle.SP_FileDialogContentsView), self.tr("Explorer"))
        self.notice = QLabel("")
        self.notice.setObjectName("notice")
        self.notice.setVisible(False)
        self.notice.setWordWrap(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.device_label = QLabel(self._training_device_text(device_name()))
        self.device_label.setToolTip(self.tr("The device training uses by default (train.device = auto)"))
        self.activity_label = QLabel(self.tr("idle"))
        self.activity_label.setMaximumWidth(ACTIVITY_MAX_WIDTH)   # a long path never widens the window
        self.render_device_label = QLabel("")
        self.render_device_label.setToolTip(self.tr("Where the Explorer renders (View ▸ Render on)"))
        self.statusBar().addPermanentWidget(self.activity_label)
        self.statusBar().addPermanentWidget(self.render_device_label)
        self.statusBar().addPermanentWidget(self.device_label)
        self.render_device_label.setVisible(self.explorer is not None)
        self._build_menus()
        self._activities = {"training": "", "explorer": ""}   # what each is doing; "" = nothing
        self._training_timer = QTimer(self, singleShot=True, interval=TRAINING_BUILD_FALLBACK_MS)
        self._training_timer.timeout.connect(self.training_panel)
        self._training_timer.start()
        if self.explorer is not None:
            self.explorer.status_message.connect(self.show_status)
            self.explorer.activity_changed.connect(lambda text: self._set_activity("explorer", text))
            self.explorer.render_device_changed.connect(self._show_render_device)
            self._show_render_device(self.explorer.render_device_text())
            # the Training panel is built once the first image is painted (or by the timer)
            self.explorer.first_image_shown.connect(lambda: self._training_timer.start(0))
        self.tabs.setCurrentWidget(self._explorer_host)  # the app opens on the Explorer
        self.tabs.currentChanged.connect(
            lambda i: self.training_panel() if self.tabs.widget(i) is self._training_host else None)

    @property
    def training_tab(self) -> PanelScroll:
        """The Training tab's page (the Training panel goes in it when first built)."""
        return self._training_host

    @property
    def explorer_tab(self) -> PanelScroll:
        """The Explorer tab's page."""
        return self._explorer_host

    def training_panel(self):
        """The Training panel, built here on first use (the window opens without it, so the
        Explorer's first image comes sooner)."""
        if self._training is not None:
            return self._training
        self._training_timer.stop()
        from ganstudio.ui.training.panel import TrainingPanel
        t = self._training = TrainingPanel()
        self._training_host.setWidget(t)
        t.load_lesson(FIRST_RUN_LESSON)   # before connecting: the Explorer's status line stays
        t.status_message.connect(self.show_status)
        t.activity_changed.connect(lambda text: self._set_activity("training", text))
        t.device_changed.connect(lambda name: self.device_label.setText(self._training_device_text(name)))
        t.open_in_explorer.connect(self.open_checkpoint_in_explorer)
        t.recipe_path_changed.connect(add_recent)
        m = self.training_menu
        for name in ("start", "pause", "stop", "save", "explorer"):
            m.addAction(t.controls.actions_by_name[name])
        m.addSeparator()
        self._action(m, self.tr("&Runs folder…"), self.choose_runs_folder,
                     tip=self.tr("Where new runs are saved (remembered)"))
        self._action(m, self.tr("&Attach to run directory…"), self.open_run_dialog)
        self._action(m, self.tr("&Detach"), t.detach)
        self._action(m, self.tr("&Continue a run…"), self.continue_run_dialog,
                     tip=self.tr("Train a stopped run on from its checkpoint"))
        if self._layout_restored:
            t.restore_state(app_settings())
        if self._presentation_font is not None:   # built while presentation mode was on: its
            presentation.scale_text(self._presentation_font, self.presentation_scale())  # sizes too
            t.set_presentation(True)
        return t

    # --- construction ---------------------------------------------------------------------------
    def _make_explorer(self):
        """(the Explorer panel, the widget its tab shows): (None, a message) when it cannot be
        built, so the Training panel stays usable."""
        try:
            from ganstudio.ui.explorer.panel import ExplorerPanel
            panel = ExplorerPanel()
            panel.training_running = lambda: self._training is not None and self._training.is_training()
            return panel, panel
        except Exception as e:
            from ganstudio.ui.workers import error_message
            label = QLabel(self.tr("The Explorer could not be loaded: {0}").format(error_message(e)))
            label.setAlignment(Qt.AlignCenter)
            label.setWordWrap(True)
            return None, label

    # --- where the Explorer renders ------------------------------------------------------------------
    def _show_render_device(self, text: str) -> None:
        self.render_device_label.setText(self.tr("Rendering: {0}").format(text))

    def _build_render_menu(self, menu) -> None:
        """View ▸ Render on: Automatic, the CPU and every CUDA device by name (only the devices
        this machine has); the choice is remembered and applies at once."""
        from ganstudio.core.render_device import render_devices
        from ganstudio.ui.explorer.files import settings
        from ganstudio.ui.explorer.panel import RENDER_DEVICE_KEY
        self._render_devices = QActionGroup(self)
        choices = [("auto", self.tr("Automatic (the GPU when there is one)"))]
        choices += [(d.key, self.tr("CPU") if d.key == "cpu" else d.name) for d in render_devices()]
        chosen = str(settings().value(RENDER_DEVICE_KEY, "auto") or "auto")
        if chosen not in {key for key, _ in choices}:
            chosen = "auto"
        for key, text in choices:
            a = menu.addAction(text)
            a.setCheckable(True)
            a.setData(key)
            a.setChecked(key == chosen)
            a.triggered.connect(lambda _=False, k=key: self.set_render_device(k))
            self._render_devices.addAction(a)

    def set_render_device(self, key: str) -> bool:
        """Render the Explorer on ``key`` ("auto", "cpu", "cuda:N"); the menu follows."""
        ok = self.explorer is not None and self.explorer.set_render_device(key)
        from ganstudio.ui.explorer.files import settings
        from ganstudio.ui.explorer.panel import RENDER_DEVICE_KEY
        chosen = str(settings().value(RENDER_DEVICE_KEY, "auto") or "auto")
        for a in self._render_devices.actions():
            a.setChecked(a.data() == chosen)
        return ok

    def _action(self, menu, text, slot, shortcut=None, icon=None, tip=""):
        a = QAction(text, self)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            a.setIcon(self.style().standardIcon(icon))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu(self.tr("&File"))
        self._action(f, self.tr("&Open…"), self.open_dialog, QKeySequence.Open, QStyle.SP_DialogOpenButton,
                     self.tr("Open a checkpoint (.pt), an official StyleGAN pickle (.pkl), a recipe (.toml) "
                             "or a run directory"))
        self._action(f, self.tr("Open &run directory…"), self.open_run_dialog, "Ctrl+Shift+O",
                     QStyle.SP_DirOpenIcon, self.tr("Follow a run directory that `ganstudio train` writes"))
        if self.explorer is not None:
            self.project_action = self._action(
                f, self.tr("&Project an image…"), self.project_image_dialog, "Ctrl+Shift+P",
                tip=self.tr("Find the latent of your own picture in the Explorer's model (GAN inversion); "
                            "it becomes latent A"))
            self.evaluate_action = self._action(
                f, self.tr("E&valuate model…"), self.show_evaluate, "Ctrl+Shift+E",
                tip=self.tr("FID, KID, precision / recall, IS and PPL of the Explorer's model against "
                            "Fashion-MNIST, the emoji set or your own images"))
            self.evaluate_action.setEnabled(False)
        self.recent_menu = f.addMenu(self.tr("Open &recent"))
        self.shipped_menu = f.addMenu(self.tr("Open &shipped model"))
        self.shipped_menu.aboutToShow.connect(self._fill_shipped)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        f.addSeparator()
        self._action(f, self.tr("&Save recipe"), self.save_recipe, QKeySequence.Save,
                     QStyle.SP_DialogSaveButton)
        self._action(f, self.tr("Save recipe &as…"), self.save_recipe_as, "Ctrl+Shift+S")
        self.export_menu = f.addMenu(self.tr("&Export"))
        actions = self.explorer.export_actions() if self.explorer is not None else []
        for a in actions:
            self.export_menu.addAction(a)
        self.export_menu.setEnabled(bool(actions))
        self.save_checkpoint_action = self._action(
            f, self.tr("Save as GAN Studio &checkpoint…"), self.save_as_checkpoint_dialog,
            tip=self.tr("Write the Explorer's model (e.g. an official StyleGAN .pkl) as a GAN Studio checkpoint"))
        self.save_checkpoint_action.setEnabled(False)
        if self.explorer is not None:  # enabled while a model from a file is open
            self.explorer.model_changed.connect(self._model_file_changed)
        f.addSeparator()
        self._action(f, self.tr("&Quit"), self.close, "Ctrl+Q")

        self.training_menu = bar.addMenu(self.tr("&Training"))   # filled when the panel is built
        self.training_menu.aboutToShow.connect(self.training_panel)

        v = bar.addMenu(self.tr("&View"))
        self._action(v, self.tr("&Training panel"), lambda: self.tabs.setCurrentWidget(self._training_host), "Ctrl+1")
        self._action(v, self.tr("&Explorer panel"), lambda: self.tabs.setCurrentWidget(self._explorer_host), "Ctrl+2")
        v.addSeparator()
        self.presentation_action = self._action(v, self.tr("&Presentation mode"), self.set_presentation,
                                                "F11", tip=self.tr("Full screen, larger fonts, thicker curves"))
        self.presentation_action.setCheckable(True)
        sizes = v.addMenu(self.tr("Presentation &text size"))
        self._presentation_sizes = QActionGroup(self)
        current = presentation.checked_scale(app_settings().value(presentation.SETTINGS_SCALE))
        for factor in presentation.SCALES:
            a = sizes.addAction(self.tr("{0} %").format(round(factor * 100)))
            a.setCheckable(True)
            a.setChecked(factor == current)
            a.setData(factor)
            a.triggered.connect(lambda _=False, f=factor: self.set_presentation_scale(f))
            self._presentation_sizes.addAction(a)
        leave = QShortcut(QKeySequence(Qt.Key_Escape), self)
        leave.activated.connect(lambda: self.set_presentation(False))
        self._action(v, self.tr("&Reset layout"), self.reset_layout)
        self._build_language_menu(v.addMenu(self.tr("&Language")))
        if self.explorer is not None:
            self.render_menu = v.addMenu(self.tr("&Render on"))
            self._build_render_menu(self.render_menu)

        h = bar.addMenu(self.tr("&Help"))
        self._action(h, self.tr("&Getting started"), self.show_guide, "F1",
                     QStyle.SP_DialogHelpButton)
        self._action(h, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/")
        if self.explorer is not None:
            self._action(h, self.tr("StyleGAN &lessons on the Explorer's model…"), self.show_style_lessons,
                         tip=self.tr("Measure on the open StyleGAN what the mapping network, "
                                     "demodulation, noise, style mixing and truncation do"))
        self._action(h, self.tr("&About GAN Studio"), self.show_about)

    def _model_file_changed(self, info: dict) -> None:
        """What needs the Explorer's model as a file: saving it as a checkpoint, evaluating it."""
        for action in (self.save_checkpoint_action, self.evaluate_action):
            action.setEnabled(bool(info.get("path")))

    def show_evaluate(self):
        """File > Evaluate model… (one dialog, following the Explorer's model)."""
        from .explorer.eval_dialog import EvalDialog
        if self._evaluate is None:
            self._evaluate = EvalDialog(self.explorer, self)
        self._evaluate.show()
        self._evaluate.raise_()
        return self._evaluate

    def show_style_lessons(self) -> None:
        """The StyleGAN and evaluation lessons, run on the Explorer's model (one dialog)."""
        from .explorer.studies import StudyDialog
        dialog = self._style_lessons
        if dialog is None:
            dialog = self._style_lessons = StudyDialog(self.explorer, self)
        dialog.show()
        dialog.raise_()
        return dialog

    def _build_language_menu(self, menu) -> None:
        self.language_menu = menu
        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in i18n.NAMES.items():   # each language named in itself
            a = menu.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == i18n.current_language())
            group.addAction(a)
            a.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            self.language_actions[code] = a

    def choose_language(self, lang: str) -> None:
        """Remember ``lang`` for the next start and offer to restart now (said in ``lang``)."""
        i18n.remember_language(lang)
        self.language_actions[lang].setChecked(True)
        if lang == i18n.current_language():
            return
        box = QMessageBox(QMessageBox.Information, "GAN Studio",
                          i18n.message_in(lang, "MainWindow", LANGUAGE_NEXT_START),
                          QMessageBox.NoButton, self)
        restart = box.addButton(i18n.message_in(lang, "MainWindow", RESTART_NOW),
                                QMessageBox.AcceptRole)
        box.addButton(i18n.message_in(lang, "MainWindow", LATER), QMessageBox.RejectRole)
        box.exec()
        if box.clickedButton() is restart:
            self.restart()

    def restart(self) -> None:
        """Close (asking first while a run trains) and start GAN Studio again."""
        self._restart_after_close = True
        if not self.close() and not (self._training is not None and self._training.state == "stopping"):
            self._restart_after_close = False   # closing was cancelled

    # --- opening things ---------------------------------------------------------------------------
    def open_path(self, path: str, remember: bool = True, wait: bool = True) -> bool:
        """Open a recipe, run directory or checkpoint where it belongs; False if it failed.

        ``wait=False`` (what the menus use) reads and builds a checkpoint on the render thread,
        so the window never freezes on a big file: True then means the load has started, and
        the model or the reason it cannot be opened arrives in the Explorer a moment later
        (which also remembers it among the recent files once it opened)."""
        p = Path(path).expanduser()
        if not p.exists():
            self.show_status(self.tr("{0} does not exist").format(p))
            return False
        if p.is_dir() and is_run_dir(p):
            ok = self.training_panel().attach(p)
            if ok:
                self.tabs.setCurrentWidget(self._training_host)
        elif p.suffix.lower() == ".toml":
            ok = self.training_panel().load_recipe_file(p)
            if ok:
                self.tabs.setCurrentWidget(self._training_host)
        else:
            if self.explorer is None:   # say why again: the model cannot be shown
                self.show_status(self._explorer_host.widget().text())
            ok = self.explorer is not None and bool(self.explorer.open_path(str(p), wait=wait))
            if ok:
                self.notice.setVisible(False)
                self.tabs.setCurrentWidget(self._explorer_host)
            remember = remember and wait
        if ok and remember:
            add_recent(p)
        return ok

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), str(open_folder()), files.open_filter())
        if path:  # a model loads on the render thread, with progress and Cancel
            app_settings().setValue(OPEN_FOLDER_KEY, str(Path(path).parent))
            self.open_path(path, wait=False)

    def project_image_dialog(self) -> None:
        self.tabs.setCurrentWidget(self._explorer_host)
        self.explorer.project_image_dialog()

    def save_as_checkpoint_dialog(self) -> None:
        source = self.explorer.source if self.explorer is not None else None
        src = source.checkpoint_path if source is not None else None
        if not src:
            self.show_status(self.tr("Open a checkpoint or an official StyleGAN .pkl in the Explorer first"))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as GAN Studio checkpoint"),
                                              str(files.converted_path(src)),
                                              self.tr("GAN Studio checkpoints (*.pt)"))
        if path:
            self.save_as_checkpoint(src, path)

    def save_as_checkpoint(self, src: str, out: str) -> CallWorker:
        """Convert on a worker thread; the outcome arrives in the status bar."""
        self.show_status(self.tr("Saving {0} as a GAN Studio checkpoint…").format(Path(src).name))
        w = CallWorker(lambda: files.save_as_checkpoint(src, out), tag="convert", parent=self)
        w.done.connect(lambda _tag, message: self.show_status(message))
        w.failed.connect(lambda _tag, message: self.show_status(self.tr("Could not save the checkpoint: {0}").format(message)))
        self._loaders.append(w)
        w.start()
        return w

    def open_run_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open run directory"), str(self.training_panel().runs_root))
        if path:
            self.open_path(path)

    def continue_run_dialog(self) -> None:
        t = self.training_panel()
        path = QFileDialog.getExistingDirectory(self, self.tr("Continue a run"), str(t.runs_root))
        if path and t.attach(path):     # its curves and grids so far, while the dialog asks
            self.tabs.setCurrentWidget(self._training_host)
            t.continue_run(path)

    def choose_runs_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Runs folder: where new runs are saved"),
                                                str(self.training_panel().runs_root))
        if path:
            self.training_panel().choose_runs_root(path)

    def _fill_shipped(self) -> None:
        """The pretrained models that ship with GAN Studio (resources/models)."""
        from ganstudio import resources
        m = self.shipped_menu
        m.clear()
        for path in resources.shipped_models():
            a = m.addAction(path.stem.replace("_", " "))
            a.setStatusTip(str(path))
            a.triggered.connect(lambda _=False, p=str(path): self.open_path(p, remember=False))
        if m.isEmpty():
            m.addAction(self.tr("(none installed)")).setEnabled(False)

    def _fill_recent(self) -> None:
        m = self.recent_menu
        m.clear()
        items = recent_files()
        for item in items:
            a = m.addAction(Path(item).name or item)
            a.setToolTip(item)
            a.setStatusTip(item)
            a.triggered.connect(lambda _=False, p=item: self.open_path(p, wait=False))
        if not items:
            m.addAction(self.tr("(none)")).setEnabled(False)
        m.addSeparator()
        m.addAction(self.tr("Clear list"), clear_recent)

    def open_checkpoint_in_explorer(self, ckpt) -> None:
        if self.explorer is not None:
            self.explorer.open_checkpoint(ckpt)
            self.notice.setVisible(False)
            self.tabs.setCurrentWidget(self._explorer_host)

    def show_untrained_generator(self, notice: str) -> None:
        """No trained model ships: explore a freshly initialised StyleGAN, and say so."""
        self.notice.setText(notice[:1].upper() + notice[1:])
        self.notice.setVisible(True)
        self.tabs.setCurrentWidget(self._explorer_host)
        self.show_status(notice)
        w = CallWorker(_build_untrained_stylegan, tag="untrained", parent=self)
        w.done.connect(self._on_untrained_ready)
        w.failed.connect(lambda _tag, msg: self.show_status(self.tr("cannot build a generator: {0}").format(msg)))
        self._loaders.append(w)
        w.start()

    def _on_untrained_ready(self, _tag, result) -> None:
        G, cfg = result
        if self.explorer is not None:
            self.explorer.open_generator(G, {"source": self.tr("untrained StyleGAN (random weights)"),
                                             "family": cfg["family"], "step": 0})

    # --- recipes ------------------------------------------------------------------------------------
    def save_recipe(self) -> None:
        path = self.training_panel().recipe_path
        if path is None:
            self.save_recipe_as()
        else:
            self.training_panel().save_recipe_file(path)

    def save_recipe_as(self) -> None:
        start = str(self.training_panel().recipe_path or Path.home() / "recipe.toml")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save recipe"), start, self.tr("Recipes (*.toml)"))
        if path:
            if not path.endswith(".toml"):
                path += ".toml"
            if self.training_panel().save_recipe_file(path):
                add_recent(path)

    # --- view ---------------------------------------------------------------------------------------
    def _set_activity(self, who: str, text: str) -> None:
        """The permanent status label: what training and the Explorer are doing, else "idle"."""
        self._activities[who] = text or ""
        text = " · ".join(t for t in self._activities.values() if t) or self.tr("idle")
        lab = self.activity_label
        lab.setToolTip(text)
        lab.setText(lab.fontMetrics().elidedText(text, Qt.ElideMiddle, ACTIVITY_MAX_WIDTH))

    def _training_device_text(self, name: str) -> str:
        """The status bar's training device, named as such beside "Rendering: …"."""
        return self.tr("Training: {0}").format(name)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def set_presentation(self, on: bool) -> None:
        app = QApplication.instance()
        if on == (self._presentation_font is not None):
            return
        if on:
            self._presentation_font = app.font()
            presentation.scale_text(self._presentation_font, self.presentation_scale())
            style.set_pen_scale(PRESENTATION_PEN_SCALE)
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        else:
            presentation.scale_text(self._presentation_font, 1.0)
            self._presentation_font = None
            style.set_pen_scale(1.0)
            self.showMaximized() if self._was_maximized else self.showNormal()
        app_settings().setValue(presentation.SETTINGS_ON, on)   # the next start comes back to it
        self.presentation_action.setChecked(on)
        if self._training is not None:   # its plots and recipe form; the Explorer paints all its
            self._training.set_presentation(on)   # text with its widgets' (now scaled) fonts

    def presentation_scale(self) -> float:
        """How much larger presentation mode shows every text (View > Presentation text size)."""
        return presentation.checked_scale(app_settings().value(presentation.SETTINGS_SCALE))

    def set_presentation_scale(self, factor: float) -> None:
        """Choose (and remember) presentation mode's text size; applied at once when it is on."""
        factor = presentation.checked_scale(factor)
        app_settings().setValue(presentation.SETTINGS_SCALE, factor)
        for a in self._presentation_sizes.actions():
            a.setChecked(a.data() == factor)
        if self._presentation_font is not None:
            presentation.scale_text(self._presentation_font, factor)
            if self._training is not None:
                self._training.set_presentation(True)

    def show_guide(self) -> None:
        GuideDialog(self).exec()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.findChildren(QAction), self).exec()

    def show_about(self) -> None:
        from ganstudio import __version__
        import torch
        QMessageBox.about(self, self.tr("About GAN Studio"),
                          self.tr("<h3>GAN Studio {0}</h3><p>Train generative adversarial "
                                  "networks and explore what they learned.</p><p>PyTorch {1} on {2}</p>")
                          .format(__version__, torch.__version__, device_name()))

    # --- layout persistence -----------------------------------------------------------------------
    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        # the window system's frame (title bar, borders) is known only once shown: fit again,
        # or a window sized to the whole screen would stick out by its frame
        QTimer.singleShot(0, self, lambda: fit_to_screen(self))

    def restore_layout(self) -> None:
        s = app_settings()
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        fit_to_screen(self)   # remembered on a larger screen, perhaps
        self.tabs.setCurrentIndex(int(s.value("window/tab", 1)))
        self._layout_restored = True
        if self._training is not None:
            self._training.restore_state(s)
        if s.value(presentation.SETTINGS_ON, False, type=bool):
            self.set_presentation(True)

    def save_layout(self) -> None:
        s = app_settings()
        if self._presentation_font is None:
            s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        if self._training is not None:
            self._training.save_state(s)
        s.sync()

    def reset_layout(self) -> None:
        self.training_panel().main_split.setSizes([410, 1000])
        self.training_panel().plots_split.setSizes([600, 400])
        self.showNormal()
        fit_to_screen(self, DEFAULT_SIZE)

    # --- closing ----------------------------------------------------------------------------------
    def confirm_stop_training(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Training is running"),
            self.tr("A run is training. Stop it, write a checkpoint and close GAN Studio?"),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Yes

    def closeEvent(self, event):  # noqa: N802 - Qt API
        t = self._training
        if not self._close_approved and t is not None and t.is_training():
            event.ignore()
            if self.training_panel().state == "stopping" or not self.confirm_stop_training():
                return
            self.show_status(self.tr("stopping the run: writing a checkpoint before closing…"))
            self.training_panel().run_finished.connect(self._close_after_stop)
            self.training_panel().stop()
            return
        self.save_layout()
        if t is not None:
            t.shutdown()
        if self._evaluate is not None:
            self._evaluate.shutdown()
        if self.explorer is not None:
            self.explorer.shutdown()
        for w in self._loaders:
            w.wait(10000)
        event.accept()
        if getattr(self, "_restart_after_close", False):
            self._restart_after_close = False   # once
            QProcess.startDetached(sys.executable, ["-m", "ganstudio"])

    def _close_after_stop(self, _status: str) -> None:
        self._close_approved = True
        self.close()
