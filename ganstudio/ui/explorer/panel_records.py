"""The Explorer panel's images that remember how they were made.

Opening (File > Open, drag and drop) a PNG that GAN Studio wrote restores the state it was made
in, after checking that the open model made it (:mod:`ganstudio.core.image_record`); "Copy
image" puts the main image on the clipboard as a PNG that carries its record; "Capture the
view" writes the whole Explorer view as such a PNG.  Hashing a big model's weights and writing
files run on the render thread (jobs of kind ``JobKind.RECORD``).
A mixin of :class:`~ganstudio.ui.explorer.panel.ExplorerPanel`.
"""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QFileDialog

from ...core.image_record import (PNG_KEY, ImageRecordError, mismatch_message, png_with_record,
                                  read_png_record, recorded_model, same_model, save_png_with_record)
from ..render_worker import Job, JobKind
from . import files
from .state_restore import apply_request

translate = QCoreApplication.translate


def carries_record(path) -> bool:
    """Whether ``path`` is a PNG with a GAN Studio record (readable or not)."""
    if Path(path).suffix.lower() != ".png":
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 20)
    except OSError:
        return False
    return head.startswith(b"\x89PNG") and PNG_KEY.encode() + b"\x00" in head


def qimage_pixels(image: QImage) -> np.ndarray:
    """An HWC uint8 RGB array of a QImage (e.g. a capture of a widget)."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    buf = np.frombuffer(image.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return buf[:, :w * 3].reshape(h, w, 3).copy()


class PanelImageRecords:
    _records_pending: dict | None = None

    # --- opening an image that carries its record ----------------------------------------------------
    def open_image_record(self, path) -> bool:
        """Restore the state the PNG ``path`` was made in. A model other than the open one, a
        PNG without a record or with a damaged one is refused with a message (False)."""
        path = Path(path)
        try:
            record = read_png_record(path)
        except ImageRecordError as e:
            self._fail(translate("ImageRecords", "Cannot restore {0}: {1}").format(path.name, str(e)))
            return False
        if self.state.model is None or self.source is None:
            self._fail(translate("ImageRecords",
                                 "{0} was made with {1}: open that model first, then open the image again.")
                       .format(path.name, recorded_model(record)))
            return False
        source = self.source
        if record.checkpoint_sha256 and record.checkpoint_sha256 == source.checkpoint_sha256:
            return self._restore_record(path, record)
        # Another file, or no file: the weights decide (hashed on the render thread).
        job = Job(JobKind.RECORD, self._generation, "check")
        self._pending()[job] = (path, record)
        self.worker.submit_job(job, lambda: same_model(record, source.checkpoint_sha256,
                                                       lambda: source.weights_sha256))
        return True

    def _restore_record(self, path: Path, record) -> bool:
        try:
            n = apply_request(self.state, record.request)
        except ValueError as e:
            self._fail(translate("ImageRecords", "Cannot restore {0}: {1}").format(path.name, str(e)))
            return False
        if record.request.kind == "single":
            text = translate("ImageRecords", "Restored the state {0} was made in").format(path.name)
        else:
            text = translate("ImageRecords", "Restored the settings of {0}; its first image is now A "
                       "(ganstudio export --from renders all of it again)").format(path.name)
        self._say(text)
        self.banner.show_message(text, "info")
        return n > 0

    def _make_record_actions(self) -> list[QAction]:
        """"Copy image" and "Capture the view…" (File > Export and the image's context menu)."""
        copy = QAction(translate("ImageRecords", "Copy Image"), self, shortcut=QKeySequence("Ctrl+Shift+C"))
        copy.setStatusTip(translate("ImageRecords",
                                    "Copy the image to the clipboard (as a PNG that remembers how it was made)"))
        copy.triggered.connect(self.copy_image)
        capture = QAction(translate("ImageRecords", "Capture the View…"), self)
        capture.setStatusTip(translate("ImageRecords",
                                       "Save the whole Explorer view as a PNG; opening it restores this state"))
        capture.triggered.connect(self.capture_view_dialog)
        return [copy, capture]

    # --- copy and capture --------------------------------------------------------------------------
    def copy_image(self) -> bool:
        """Put the main image on the clipboard: a picture, and a PNG that carries its record."""
        r = self._main_result
        if r is None or not r.ok or self.source is None:
            self._say(translate("ImageRecords", "No image to copy yet"))
            return False
        shown = self.state.shown_request     # the request of the image on screen
        request = shown if shown is not None and shown.request_id == r.request_id else self.state.main_request()
        source, img = self.source, r.composite
        h, w = img.shape[:2]
        self._submit_record_job(Job(JobKind.RECORD, step="copy"), lambda: png_with_record(
            img, source.record(request.replace(request_id=0), None, size=(w, h))))
        return True

    def capture_view_dialog(self) -> None:
        folder = files.settings().value("explorer/export_dir", "") or str(Path.home())
        name = time.strftime("ganstudio-capture-%Y%m%d-%H%M%S.png")
        path, _ = QFileDialog.getSaveFileName(self, translate("ImageRecords", "Capture the view"),
                                              str(Path(folder) / name),
                                              translate("ImageRecords", "PNG images (*.png)"))
        if path:
            files.settings().setValue("explorer/export_dir", str(Path(path).parent))
            self.capture_view(path)

    def capture_view(self, path) -> bool:
        """Write the whole Explorer view (image, strip, controls) as a PNG that carries the
        main image's record: opening it restores the state on screen."""
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        pixels = qimage_pixels(self.grab().toImage())
        if self.state.model is None or self.source is None:
            self._fail(translate("ImageRecords", "Open a model first: a capture records the image it shows"))
            return False
        request, source = self.state.main_request(), self.source
        h, w = pixels.shape[:2]
        self._submit_record_job(Job(JobKind.RECORD, step="capture"), lambda: save_png_with_record(
            path, pixels, source.record(request, path, size=(w, h), capture=True)))
        return True

    # --- jobs -----------------------------------------------------------------------------------------
    def _pending(self) -> dict:
        if self._records_pending is None:
            self._records_pending = {}
        return self._records_pending

    def _submit_record_job(self, job: Job, fn) -> None:
        self.worker.submit_job(job, fn)

    def _record_job_done(self, job: Job, value, error: str) -> None:
        if job.step == "check":
            path, record = self._pending().pop(job, (None, None))
            if path is None or job.token != self._generation:
                return       # another model was opened meanwhile
            if error:
                self._fail(translate("ImageRecords", "Cannot restore {0}: {1}").format(path.name, error))
            elif not value:
                self._fail(mismatch_message(path.name, record, translate("ImageRecords", "the open model {0}").format(
                    self.source.describe())))
            else:
                self._restore_record(path, record)
        elif job.step == "copy":
            if error:
                self._fail(translate("ImageRecords", "Could not copy the image: {0}").format(error))
                return
            data = QMimeData()
            data.setData("image/png", value)
            data.setImageData(QImage.fromData(value, "PNG"))
            QGuiApplication.clipboard().setMimeData(data)
            self._say(translate("ImageRecords", "Copied the image (a PNG that remembers how it was made)"))
        elif job.step == "capture":
            if error:
                self._fail(translate("ImageRecords", "Could not save the capture: {0}").format(error))
            else:
                self._say(translate("ImageRecords", "Captured the view to {0}").format(str(value)))
