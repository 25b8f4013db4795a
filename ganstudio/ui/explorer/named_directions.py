"""Named directions in the Explorer: one slider each beside the PCA / SeFa ones, kept per model
(a directions file per model hash under the user config folder, in the format of
:mod:`ganstudio.core.named_directions`), exported and imported as files, the cosine similarity
of every pair, and — for a model that learned Fashion-MNIST — one direction per class from the
shipped classifier, computed on the render thread a chunk of samples at a time."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ...core import named_directions as N
from ...core.boundary import cosine_matrix
from ...core.progress import Cancelled
from ..render_worker import Job, JobKind
from .bookmarks import config_dir
from .state import ExplorerState
from .state_events import Change
from .task_progress import TaskProgress
from .widgets import blocked, heading, note, row, slider, tool_button

CLASS_SAMPLES = 4000     # samples labelled by the classifier for class directions
CLASS_CHUNK = 250        # per render-thread job (renders of the main image go in between)


def _short(v: float) -> str:
    """A cosine in four characters: "+.45", "−.87", "1", "0"."""
    if abs(v) >= 0.995:
        return "1" if v > 0 else "−1"
    text = f"{abs(v):.2f}".lstrip("0")
    return ("+" if v > 0 else "−") + text if text != ".00" else "0"


class NamedDirectionStore:
    """directions/<model key>.json: the named directions of one model (the export format)."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else config_dir() / "directions"

    def _file(self, key: str) -> Path:
        return self.folder / (re.sub(r"[^A-Za-z0-9_.-]", "_", key)[:80] + ".json")

    def load(self, key: str, w_dim: int) -> list[N.NamedDirection]:
        path = self._file(key)
        if not path.exists():
            return []
        return N.read_directions(path, w_dim)

    def save(self, key: str, directions: list[N.NamedDirection], w_dim: int, name: str | None) -> None:
        N.write_directions(self._file(key), directions, w_dim, key, name)


def model_sha(state: ExplorerState) -> str | None:
    """The open model's file hash (None for a live generator, which has no file)."""
    info = state.model.info
    return info.get("sha256_full") or None


class NamedDirectionsWidget(QWidget):
    """Sliders of the named directions, their files, their similarity, class directions."""

    message = Signal(str, str)           # text, kind ("info" | "error")

    def __init__(self, state: ExplorerState, worker, store: NamedDirectionStore | None = None, parent=None):
        super().__init__(parent)
        self.state, self.worker = state, worker
        self.store = store or NamedDirectionStore()
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(1)
        self.grid.setColumnStretch(0, 1)
        self.rows: list[tuple[QLabel, object, object]] = []
        self.empty = note(self.tr("No named directions yet: label tiles of the gallery below, import a file"
                                  " or make class directions."))
        self.import_btn = tool_button(self.tr("Import…"), self.tr("Add the directions of a directions file "
                                                                  "(.json) made for this model"), self.import_dialog)
        self.export_btn = tool_button(self.tr("Export…"), self.tr("Write this model's named directions to a "
                                                                  "file (.json)"), self.export_dialog)
        self.class_btn = tool_button(self.tr("Class directions"),
                                     self.tr("Label {0} samples with the shipped Fashion-MNIST classifier and "
                                             "add one direction per class (“more like a boot”)")
                                     .format(CLASS_SAMPLES), self.make_class_directions)
        self.similarity = QTableWidget()
        self.similarity.setToolTip(self.tr("Cosine similarity of every pair of named directions: 1 = the "
                                           "same, 0 = independent, −1 = opposite"))
        self.similarity.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        small = self.similarity.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() - 1.5))
        self.similarity.setFont(small)
        self.similarity.horizontalHeader().setMinimumSectionSize(24)
        self.similarity.horizontalHeader().setDefaultSectionSize(28)
        self.similarity.verticalHeader().setDefaultSectionSize(20)
        self.similarity_label = QLabel(self.tr("Similarity (cosine; numbered as the sliders above)"))
        self.similarity_label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addWidget(heading(self.tr("Named directions (kept for this model)")))
        lay.addWidget(self.empty)
        lay.addLayout(self.grid)
        lay.addLayout(row(self.import_btn, self.export_btn, self.class_btn, None))
        lay.addWidget(self.similarity_label)
        lay.addWidget(self.similarity)
        self._class_job: Job | None = None
        self._class_task: TaskProgress | None = None
        self._class_parts: list = []
        worker.job_done.connect(self._on_job)
        state.subscribe(self.on_state)

    # --- the state ----------------------------------------------------------------------------------
    def on_state(self, aspects: frozenset[Change]) -> None:
        m = self.state.model
        if m is None:
            return
        if Change.MODEL in aspects:
            self._abandon_class_job()
            self.class_btn.setVisible(self._is_fashion())
            if m.style:
                try:
                    self.state.set_named(self.store.load(m.key, m.w_dim))
                except N.DirectionFileError as e:
                    self.message.emit(self.tr("The saved directions of this model cannot be read: {0}").format(e),
                                      "error")
            return
        if Change.DIRECTIONS in aspects:
            self._show()

    def _is_fashion(self) -> bool:
        from ...train.class_labels import is_fashion_mnist
        return self.state.model.style and is_fashion_mnist(self.state.model.info)

    def _show(self) -> None:
        named = self.state.named
        while len(self.rows) < len(named):
            self._add_row()
        for i, (lab, s, delete) in enumerate(self.rows):
            visible = i < len(named)
            for w in (lab, s, delete):
                w.setVisible(visible)
            if not visible:
                continue
            d = named[i]
            lab.setText(f"{i + 1} · {d.name} (σ {d.scale:.2f})")
            acc = d.details.get("held_out_accuracy")
            lab.setToolTip(self._describe(d) + ("" if acc is None else "\n" + self.tr("held-out accuracy {0:.0%}")
                                                .format(acc)))
            value = self.state.named_coeff(i)
            if not s.isSliderDown() and abs(s.value() - value) > 1e-6:
                with blocked(s):
                    s.setValue(value)
        self.empty.setVisible(not named)
        self.export_btn.setEnabled(bool(named))
        self._show_similarity()

    def _describe(self, d: N.NamedDirection) -> str:
        if d.source == "class":
            return self.tr("from the classifier: samples it calls {0}").format(d.details.get("class_name", "?"))
        if d.source == "labels":
            return self.tr("from your labels: {0} with, {1} without").format(d.details.get("positives", "?"),
                                                                           d.details.get("negatives", "?"))
        return self.tr("imported")

    def _add_row(self) -> None:
        i = len(self.rows)
        lab = QLabel()
        lab.setWordWrap(True)            # a long name wraps instead of widening the tab
        s = slider(-5, 5, 0.0)
        s.setToolTip(self.tr("Move along this direction, in standard deviations of w"))
        s.valueChanged.connect(lambda v, i=i: self.state.set_coeff(self.state.pca_count() + i, v))
        s.sliderReleased.connect(self.state.commit)
        s.editingFinished.connect(self.state.commit)
        delete = tool_button("✕", self.tr("Delete this direction"), lambda _=False, i=i: self.delete(i))
        self.grid.addWidget(lab, 2 * i, 0)          # the name above its slider: names stay whole
        self.grid.addWidget(delete, 2 * i, 1)
        self.grid.addWidget(s, 2 * i + 1, 0, 1, 2)
        self.rows.append((lab, s, delete))

    def _show_similarity(self) -> None:
        named = self.state.named
        shown = len(named) >= 2
        self.similarity.setVisible(shown)
        self.similarity_label.setVisible(shown)
        if not shown:
            return
        m = cosine_matrix(np.stack([d.vector for d in named]))
        n = len(named)
        self.similarity.setRowCount(n)
        self.similarity.setColumnCount(n)
        short = [str(k + 1) for k in range(n)]        # the numbers of the sliders above
        self.similarity.setHorizontalHeaderLabels(short)
        self.similarity.setVerticalHeaderLabels(short)
        for i in range(n):
            for j in range(n):
                v = float(m[i, j])
                item = QTableWidgetItem(_short(v))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(self.tr("cos(“{0}”, “{1}”) = {2:+.3f}").format(named[i].name, named[j].name, v))
                shade = int(200 * min(1.0, abs(v)))
                item.setBackground(QColor(40 + (shade if v > 0 else 0) // 2, 40, 40 + (shade if v < 0 else 0) // 2))
                self.similarity.setItem(i, j, item)
        self.similarity.resizeColumnsToContents()
        self.similarity.setFixedHeight(min(260, 26 + 20 * n))

    # --- changes -------------------------------------------------------------------------------------
    def add(self, directions: list[N.NamedDirection], replace: bool = False) -> list[str]:
        """Add directions (renamed "name (2)" ... when a name is taken, or in its place with
        ``replace``); saved for the model."""
        named = list(self.state.named)
        names = []
        for d in directions:
            same = next((i for i, n in enumerate(named) if n.name == d.name), None)
            if replace and same is not None:
                named[same] = d
            else:
                d = d.renamed(N.unique_name(d.name, [n.name for n in named]))
                named.append(d)
            names.append(d.name)
        self._set(named)
        return names

    def delete(self, i: int) -> None:
        named = list(self.state.named)
        if 0 <= i < len(named):
            gone = named.pop(i)
            self._set(named)
            self.message.emit(self.tr("Deleted the direction “{0}”").format(gone.name), "info")

    def _set(self, named: list[N.NamedDirection]) -> None:
        m = self.state.model
        self.state.set_named(named)
        if m.key.startswith("live-"):       # a snapshot of a training run: no file to key them to
            return
        try:
            self.store.save(m.key, named, m.w_dim, m.info.get("file"))
        except Exception as e:  # noqa: BLE001 - a read-only config folder must not stop exploring
            self.message.emit(self.tr("The directions could not be saved: {0}").format(e), "error")

    # --- files ---------------------------------------------------------------------------------------
    def import_file(self, path) -> bool:
        m = self.state.model
        try:
            got = N.read_directions(path, m.w_dim, model_sha(self.state))
        except N.DirectionFileError as e:
            self.message.emit(self.tr("Not imported: {0}").format(e), "error")
            return False
        names = self.add(got)
        self.message.emit(self.tr("Imported {0} direction(s) from {1}: {2}").format(len(names), Path(path).name,
                                                                                    ", ".join(names)), "info")
        return True

    def export_file(self, path) -> bool:
        m = self.state.model
        try:
            N.write_directions(path, self.state.named, m.w_dim, model_sha(self.state), m.info.get("file"))
        except OSError as e:
            self.message.emit(self.tr("Could not write {0}: {1}").format(Path(path).name, e), "error")
            return False
        self.message.emit(self.tr("Wrote {0} direction(s) to {1}").format(len(self.state.named), path), "info")
        return True

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import directions"), "",
                                              self.tr("Directions (*.json)"))
        if path:
            self.import_file(path)

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export directions"), "directions.json",
                                              self.tr("Directions (*.json)"))
        if path:
            self.export_file(path if path.lower().endswith(".json") else path + ".json")

    # --- class directions (render thread, a chunk of samples per job) --------------------------------------
    def make_class_directions(self) -> None:
        if self._class_job is not None or not self._is_fashion():
            return
        from ...train.class_labels import fashion_classify
        try:
            self._classify = fashion_classify()
        except ValueError as e:          # ClassifierError: the shipped file is missing or damaged
            self.message.emit(str(e), "error")
            return
        self._class_job = Job.new(JobKind.CLASS_DIRECTIONS)
        self._class_parts = []
        self._class_G = self.state.model.G
        self._class_task = TaskProgress(self, self.tr("Class directions"),
                                        self.tr("Labelling {0} samples with the classifier…").format(CLASS_SAMPLES))
        self.class_btn.setEnabled(False)
        self._next_chunk()

    def _next_chunk(self) -> None:
        start = CLASS_CHUNK * len(self._class_parts)
        G, classify, job = self._class_G, self._classify, self._class_job
        if start < CLASS_SAMPLES:
            n = min(CLASS_CHUNK, CLASS_SAMPLES - start)
            self.worker.submit_job(job.part("chunk"), lambda: N.label_samples(G, classify, 0, n, start))
        else:
            from ...train.class_labels import class_names
            w = np.concatenate([p[0] for p in self._class_parts])
            probs = np.concatenate([p[1] for p in self._class_parts])
            fmt = self.tr("more like {0}")
            self.worker.submit_job(job.part("fit"), lambda: N.fit_class_directions(w, probs, class_names(), G, fmt))

    def _on_job(self, done: Job, value, error: str) -> None:
        job = self._class_job
        if job is None or not done.of(job):
            return
        task = self._class_task
        if error or task.cancelled:
            self._abandon_class_job()
            if error:
                self.message.emit(self.tr("Class directions failed: {0}").format(error), "error")
            return
        if done.step == "chunk":
            self._class_parts.append(value)
            try:
                task.report(0.9 * CLASS_CHUNK * len(self._class_parts) / CLASS_SAMPLES)
            except Cancelled:
                self._abandon_class_job()
                return
            self._next_chunk()
            return
        self._abandon_class_job()
        names = self.add(value, replace=True)      # made again: the new ones replace the old
        self.message.emit(self.tr("Added {0} class directions from {1} classified samples").format(
            len(names), CLASS_SAMPLES), "info")

    def _abandon_class_job(self) -> None:
        if self._class_task is not None:
            self._class_task.finish()
        self._class_job, self._class_task, self._class_parts = None, None, []
        self.class_btn.setEnabled(True)
