"""The Explorer panel's file side: opening models (Open…, recent files and drag and drop read
them on the render thread), loading and saving latents, the export dialog and exports (run on
the render thread), and drag and drop of models and latents.
A mixin of :class:`~ganstudio.ui.explorer.panel.ExplorerPanel`: it uses the panel's state,
worker, source, banner and status messages.  Opening in the background and exports show a
:class:`~.task_progress.TaskProgress` (progress, time left, Cancel)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ...core.checkpoint import CheckpointError, load_checkpoint
from ...core.progress import Cancelled
from ...core.target_image import looks_like_picture
from . import files
from ..render_worker import Job, JobKind
from .export_dialog import ExportContext, ExportDialog
from .panel_records import carries_record
from .task_progress import TaskProgress


class Refusal(str):
    """A message for the user that carries the technical text behind it in ``detail``."""

    detail: str

    def __new__(cls, message: str, detail: str = ""):
        obj = super().__new__(cls, message)
        obj.detail = detail
        return obj


def load_model(path, progress=None):
    """(checkpoint, its generator) read from ``path``, the reason it cannot be opened, or a
    :class:`Cancelled` when ``progress`` stopped it."""
    try:
        ckpt = load_checkpoint(path, progress=progress)
        return ckpt, ckpt.build_generator(ema=True)
    except Cancelled as e:
        return e
    except CheckpointError as e:
        why = QCoreApplication.translate("PanelFileActions", "Could not open {0}: {1}")
        return Refusal(why.format(Path(path).name, e), e.detail)
    except Exception as e:  # noqa: BLE001 - anything else: still a message, never a crash
        return QCoreApplication.translate("PanelFileActions", "Could not open {0}: {1}").format(Path(path).name,
                                                                                f"{type(e).__name__}: {e}")


class PanelFileActions:
    _opening: tuple[int, str] = (0, "")   # (token, path) of the newest background open
    _tasks: dict | None = None            # Job -> its TaskProgress, while it runs

    def open_path(self, path, wait: bool = True) -> bool:
        """Open a checkpoint file or a run directory (its newest checkpoint). On failure the
        reason is shown in the panel, False is returned and the open model stays.

        wait=False reads and builds the model on the render thread, so the window never
        freezes on a big checkpoint; True then means that loading has started, and the model
        (or the reason it cannot be opened) arrives a moment later."""
        if Path(path).suffix.lower() == ".png":   # an image GAN Studio wrote: its state
            return self.open_image_record(path)
        if not wait:
            token = self._opening[0] + 1
            self._opening = (token, str(path))
            for job, older in self._running().items():  # a newer open supersedes older ones
                if job.kind is JobKind.OPEN:
                    older.cancel()
            name = Path(path).name
            opening = QCoreApplication.translate("PanelFileActions", "Opening {0}…").format(name)
            self._say(opening)
            job = Job(JobKind.OPEN, token)
            task = self._start_task(job, QCoreApplication.translate("PanelFileActions", "Opening a model"),
                                    opening)
            self.worker.submit_job(job, lambda: load_model(path, task.report))
            return True
        loaded = load_model(path)
        return self._open_loaded(path, loaded)

    def _running(self) -> dict:
        if self._tasks is None:
            self._tasks = {}
            self.worker.job_done.connect(self._task_done)
        return self._tasks

    def _task_done(self, job: Job, _value, _error: str) -> None:
        if job.kind is JobKind.EXPORT:  # (an open's task ends in _opened_in_background)
            self._end_task(job)

    def _start_task(self, job: Job, title: str, label: str) -> TaskProgress:
        task = self._running()[job] = TaskProgress(self, title, label)
        return task

    def _end_task(self, job: Job) -> None:
        task = self._running().pop(job, None)
        if task is not None:
            task.finish()

    def _opened_in_background(self, token: int, loaded, error: str) -> None:
        self._end_task(Job(JobKind.OPEN, token))
        if token != self._opening[0]:  # a newer open superseded this one
            return
        if isinstance(loaded, Cancelled):  # the open model (if any) stays as it was
            self._say(QCoreApplication.translate("PanelFileActions", "Opening {0} was cancelled").format(
                Path(self._opening[1]).name))
            return
        self._open_loaded(self._opening[1], loaded if not error else Refusal(
            QCoreApplication.translate("PanelFileActions", "Could not open {0}: {1}").format(
                Path(self._opening[1]).name, error)))

    def _open_loaded(self, path, loaded) -> bool:
        if isinstance(loaded, str):
            self._fail(loaded)
            return False
        if not self.open_checkpoint(*loaded):
            return False
        files.add_recent(path)
        return True

    def load_latent_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("PanelFileActions", "Load latent"), "",
            QCoreApplication.translate("PanelFileActions", "Latents (*.npy *.json)"))
        if path:
            self.load_latent(path)

    def load_latent(self, path) -> bool:
        try:
            self._say(files.load_latent_file(path, self.state))
            return True
        except ValueError as e:
            self._fail(str(e))
            return False

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("PanelFileActions", "Open model"), "",
                                              files.checkpoint_filter())
        if path:
            self.open_path(path, wait=False)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in files.recent_files():
            self.recent_menu.addAction(p, lambda p=p: self.open_path(p, wait=False))
        if self.recent_menu.isEmpty():
            empty = self.recent_menu.addAction(QCoreApplication.translate("PanelFileActions", "(no recent files)"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(QCoreApplication.translate("PanelFileActions", "Clear recent files"),
                                       files.clear_recent)

    def export_dialog(self, kind: str = "image") -> None:
        if self.state.model is None:
            return
        folder = files.settings().value("explorer/export_dir", "") or str(Path.home())
        st = self.state
        context = ExportContext(resolution=int(st.model.info.get("resolution") or 0), psi=st.psi,
                                noise_mode=st.noise_mode, mixed=bool(st.mix_rows()), styles=bool(st.model.style),
                                class_index=st.class_index if st.model.c_dim else None)
        dlg = ExportDialog(self, kind, self.state.a.seed or 0, str(folder), self._strip_title(),
                           strip_animatable=self.state.strip.kind in ("interp", "sweep", "variation", "motion"),
                           context=context)
        dlg.preview_wanted.connect(lambda choice, dlg=dlg: self._export_preview(dlg, choice))
        self.worker.rendered.connect(dlg.preview_rendered)   # ends with the dialog
        if dlg.exec():
            choice = dlg.choice()
            files.settings().setValue("explorer/export_dir", str(choice.out.parent))
            self.export(choice)

    def _export_preview(self, dlg: ExportDialog, choice) -> None:
        """A picture of what ``choice`` writes: the image or strip on screen (the export renders
        the same request again), a grid rendered on the render thread (its first 4 x 4 tiles)."""
        translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")
        if choice.kind == "latent" or self.state.model is None:
            return dlg.show_preview(None, "")
        if choice.kind in ("image", "strip"):
            result = self._main_result if choice.kind == "image" else self._strip_result
            if result is None or not result.ok or result.composite is None:
                return dlg.show_preview(None, translate("PanelFileActions", "Nothing shown yet to preview"))
            text = (translate("PanelFileActions", "The image in the main view") if choice.kind == "image" else
                    translate("PanelFileActions", "The strip below the image: {0} frames").format(len(result.images)))
            return dlg.show_preview(result.composite, text)
        rows, cols = min(choice.rows, 4), min(choice.cols, 4)
        try:
            request = files.build_export(replace(choice, rows=rows, cols=cols, upscale=1), self.state)
        except ValueError as e:
            return dlg.show_preview(None, str(e))
        dlg.preview_text = (translate("PanelFileActions", "The whole grid") if (rows, cols) == (choice.rows, choice.cols)
                            else translate("PanelFileActions", "Its first {0} × {1} tiles").format(rows, cols))
        dlg.show_preview(None, translate("PanelFileActions", "Rendering the preview…"))
        self.worker.submit("export_preview", self.state.model.G, request, dlg.preview_tag)

    def export(self, choice) -> None:
        """Run an export on the render thread; the outcome arrives as a status message."""
        if choice.kind == "latent":
            try:
                saved = files.save_latent_a(choice.out, self.state)
                self._say(QCoreApplication.translate("PanelFileActions", "Saved latent A to {0}").format(saved))
            except OSError as e:
                self._fail(QCoreApplication.translate("PanelFileActions", "Could not save {0}: {1}").format(
                    choice.out.name, e))
            return
        try:
            request = files.build_export(choice, self.state)
        except ValueError as e:
            self._fail(QCoreApplication.translate("PanelFileActions", "Cannot export: {0}").format(e))
            return
        source = self.source
        exporting = QCoreApplication.translate("PanelFileActions", "Exporting {0}…").format(choice.out.name)
        self._say(exporting)
        # each export its own job and progress: a second export queues behind the first, and the
        # first one's end closes only its own dialog
        job = Job.new(JobKind.EXPORT)
        task = self._start_task(job, QCoreApplication.translate("PanelFileActions", "Export"), exporting)
        self.worker.submit_job(job, lambda: files.run_export(source, choice, request, task.report,
                                                               task.should_stop))

    # --- projecting a picture (GAN inversion): see .project_dialog ---------------------------------
    def project_image_dialog(self) -> None:
        from .project_dialog import choose_picture
        path = choose_picture(self)
        if path:
            self.project_image(path)

    def project_image(self, path):
        """Open the projection dialog for the picture ``path`` (None and a message if unusable)."""
        from .project_dialog import start_projection
        return start_projection(self, path)

    # --- drag and drop -------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            p = paths[0]
            if Path(p).suffix.lower() in (".npy", ".json") and self.state.model is not None:
                self.load_latent(p)
            elif carries_record(p):       # a PNG GAN Studio wrote restores how it was made
                self.open_image_record(p)
            elif looks_like_picture(p):   # any other picture projects; models open
                self.project_image(p)
            else:
                self.open_path(p, wait=False)
