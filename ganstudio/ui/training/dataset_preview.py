"""A few real images of the recipe's dataset and its size, loaded off the GUI thread.

The loaded dataset is kept so that Start can hand it to the trainer instead of loading it again.
"""
from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from ganstudio.ui.training.sample_grid import PixelView, qimage_from_array
from ganstudio.ui.workers import CallWorker

PREVIEW_ROWS, PREVIEW_COLS = 2, 8
DEBOUNCE_MS = 400


def _load(data: dict, resolution, channels):
    """(dataset, preview HxWxC uint8, one-line summary) — runs on a worker thread."""
    from ganstudio.core.imaging import make_grid
    from ganstudio.train.data import load_dataset
    ds = load_dataset(data, resolution=resolution, channels=channels)
    if ds.kind == "image":
        k = min(len(ds), PREVIEW_ROWS * PREVIEW_COLS)
        cols = min(PREVIEW_COLS, k)
        rows = max(1, -(-k // cols))
        grid = make_grid(ds.preview(k), rows, cols, padding=1)
    else:
        from ganstudio.train import toy as toyviz
        from ganstudio.train.toy_picture import render_toy_png
        pts = ds.data[:2000].numpy()
        # 1-D: the histogram is drawn for the "samples" argument; 2-D: the real points in grey
        shown = pts if pts.shape[1] == 1 else np.zeros((0, 2), np.float32)
        grid = render_toy_png(shown, pts, toyviz.data_extent(ds), size=160)
    return ds, grid, ds.summary()


class DatasetPreview(QWidget):
    """Shows real samples of the configured dataset and how many items it has."""

    loaded = Signal(object)  # the TensorDataset

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = PixelView()
        self.view.setMinimumSize(120, 64)
        self.view.setMaximumHeight(150)
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.label, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_load)
        self._wanted: tuple | None = None
        self._loaded_key: str | None = None
        self._worker: CallWorker | None = None
        self.dataset = None

    @staticmethod
    def key(data: dict, model: dict) -> str:
        res = model.get("resolution") if model.get("family") != "toy" else None
        ch = model.get("channels") if model.get("family") != "toy" else None
        return json.dumps([data, res, ch], sort_keys=True, default=str)

    def request(self, data: dict, model: dict) -> None:
        """Show ``data`` as the model will see it (debounced; stale answers are dropped)."""
        key = self.key(data, model)
        if key == self._loaded_key or (self._wanted and self._wanted[0] == key):
            return
        fam = model.get("family")
        res = model.get("resolution") if fam != "toy" else None
        ch = model.get("channels") if fam != "toy" else None
        self._wanted = (key, data, res, ch)
        self.label.setText(self.tr("loading…"))
        self._timer.start()

    def use_dataset(self, dataset, data: dict, model: dict) -> None:
        """Adopt an already loaded dataset for ``data`` / ``model`` (no load, no preview)."""
        self._timer.stop()
        self._wanted = None
        self._loaded_key, self.dataset = self.key(data, model), dataset
        self.label.setText(self.summary(dataset).replace("\n", " "))

    def dataset_for(self, data: dict, model: dict):
        """The loaded dataset when it matches ``data`` / ``model``, else None."""
        return self.dataset if self._loaded_key == self.key(data, model) else None

    def _start_load(self) -> None:
        if self._wanted is None:
            return
        if self._worker is not None and self._worker.isRunning():
            self._timer.start()  # one load at a time; try again shortly
            return
        key, data, res, ch = self._wanted
        worker = CallWorker(lambda: _load(data, res, ch), tag=key, parent=self)
        worker.done.connect(self._on_loaded)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_worker_finished)
        self._worker = worker
        worker.start()

    def _on_worker_finished(self) -> None:
        worker = self.sender()
        if worker is self._worker:
            self._worker = None
        if worker is not None:
            worker.deleteLater()

    def _on_loaded(self, key: str, result) -> None:
        if self._wanted is None or key != self._wanted[0]:
            return
        ds, grid, summary = result
        self._wanted = None
        self._loaded_key, self.dataset = key, ds
        self.view.set_image(qimage_from_array(grid))
        self.label.setText(self.summary(ds))
        self.loaded.emit(ds)

    def summary(self, ds) -> str:
        """What was loaded (name, count, shape) and what was skipped, in two lines."""
        if ds.kind == "image":
            what = self.tr("{0} images {1}").format(len(ds), "x".join(map(str, ds.shape)))
        else:
            what = self.tr("{0} {1}-D points").format(len(ds), ds.shape[0])
        from ganstudio.train.datacache import describe_skipped
        skipped = describe_skipped(ds.skipped)
        return f"{ds.name}:\n{what}" + (f"; {skipped}" if skipped else "")

    def _on_failed(self, key: str, message: str) -> None:
        if self._wanted is None or key != self._wanted[0]:
            return
        self._wanted = None
        self._loaded_key, self.dataset = None, None
        self.view.set_image(None)
        self.label.setText(f"⚠ {message}")

    def shutdown(self) -> None:
        self._timer.stop()
        if self._worker is not None:
            self._worker.wait(10000)
