"""File > Evaluate model…: the Inception metrics of ``ganstudio eval --metrics`` (FID, KID,
precision / recall, IS, PPL) for the Explorer's model, in a dialog.

The engine is :func:`ganstudio.train.inception_eval.evaluate_inception`, the one the command
line runs; it works on a thread of its own (its own copy of the generator, read from the
model's file), so the Explorer stays live.  The dialog shows each stage's progress with the
time left, stops at once on Cancel (or when the dialog is closed; the reference features
computed so far stay cached), and shows every figure with its protocol; Save JSON writes what
``ganstudio eval --json`` writes.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from PySide6.QtCore import QThread, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDoubleSpinBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QProgressBar, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...core.progress import Cancelled, Eta, progress_text
from ..workers import error_message

MAX_SAMPLES = 100_000
DEFAULT_SAMPLES = 5_000   # the protocol of the README's tables (5,000 vs the 10,000 test images)
SETTINGS_KEY = "explorer/evaluate"   # the options last used, restored when the dialog opens


def _number(value, lo: float, hi: float, default: float) -> float:
    """A remembered number, or ``default`` when it is not a finite one in lo..hi (a hand-edited
    or damaged settings file)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return default
    return v if math.isfinite(v) and lo <= v <= hi else default


def _whole(value, lo: int, hi: int, default: int) -> int:
    v = _number(value, lo, hi, default)
    return int(v) if v == int(v) else default


class EvalWorker(QThread):
    """Runs one evaluation; ``progressed(stage, fraction)``, then exactly one of ``succeeded``,
    ``failed`` (a message) or ``cancelled``."""

    progressed = Signal(str, float)
    succeeded = Signal(dict)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, path: str, options: dict, parent=None):
        super().__init__(parent)
        self.path, self.options = path, options
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    @property
    def cancelling(self) -> bool:
        return self._cancel

    def _progress(self, stage: str, fraction: float) -> None:
        if self._cancel:
            raise Cancelled()
        self.progressed.emit(stage, float(fraction))

    def run(self) -> None:  # noqa: D401 - QThread API
        from ...train.inception_eval import evaluate_inception
        try:
            if self._cancel:
                raise Cancelled()
            result = evaluate_inception(self.path, progress=self._progress, **self.options)
        except Cancelled:
            self.cancelled.emit()
            return
        except Exception as e:  # reported in the dialog, never raised into the GUI
            self.failed.emit(error_message(e))
            return
        self.succeeded.emit(result)


class EvalDialog(QDialog):
    """The metrics to compute and how, Evaluate / Cancel, progress, and the figures."""

    REFERENCES = ("auto", "fashion-mnist", "emoji", "folder", "idx")

    def __init__(self, explorer, parent=None):
        super().__init__(parent)
        self.explorer = explorer
        self.setWindowTitle(self.tr("Evaluate model"))
        self.resize(900, 640)
        self.worker: EvalWorker | None = None
        self.result: dict | None = None
        self._path = ""                 # the model file evaluated
        self._reference_path = ""       # the folder or IDX file chosen as the reference
        self._eta: Eta | None = None
        self._stage = ""
        self.has_mapping = False        # the model has a W (truncation and PPL apply)
        self.trained_on = None          # the data kind of the model's recipe ("emoji", ...)

        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.metric_boxes: dict[str, QCheckBox] = {}
        metrics_row = QHBoxLayout()
        for key, text, tip, on in (
                ("fid", self.tr("FID"), self.tr("Fréchet Inception distance (lower is better)"), True),
                ("kid", self.tr("KID"), self.tr("Kernel Inception distance, unbiased (lower is better)"), True),
                ("pr", self.tr("Precision / recall"), self.tr("How many samples look real (precision) and how "
                                                              "much of the real set the samples cover (recall)"), True),
                ("is", self.tr("IS"), self.tr("Inception Score with the Fashion-MNIST classifier's classes "
                                              "(Fashion-MNIST reference only)"), False),
                ("ppl", self.tr("PPL"), self.tr("Perceptual path length in W (StyleGAN only)"), False)):
            box = QCheckBox(text)
            box.setToolTip(tip)
            box.setChecked(on)
            box.toggled.connect(self._update)
            self.metric_boxes[key] = box
            metrics_row.addWidget(box)
        metrics_row.addStretch(1)
        metrics = QWidget()
        metrics.setLayout(metrics_row)
        metrics_row.setContentsMargins(0, 0, 0, 0)

        self.reference = QComboBox()
        for key, text in zip(self.REFERENCES, (
                self.tr("As trained (emoji for emoji models, else Fashion-MNIST)"),
                self.tr("Fashion-MNIST test set (10,000 images)"), self.tr("Emoji set"),
                self.tr("Image folder…"), self.tr("IDX file…"))):
            self.reference.addItem(text, key)
        self.reference.activated.connect(self._reference_chosen)
        self.reference.currentIndexChanged.connect(lambda _i: self._update())
        self.reference_label = QLabel()
        self.reference_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.samples = QSpinBox()
        self.samples.setRange(6, MAX_SAMPLES)
        self.samples.setSingleStep(1000)
        self.samples.setGroupSeparatorShown(True)
        self.samples.setValue(DEFAULT_SAMPLES)
        self.samples.setToolTip(self.tr("Generated images. FID falls with more samples: compare only figures "
                                        "of the same counts (papers use 50,000; GAN Studio's tables 5,000)"))
        self.psi = QDoubleSpinBox()
        self.psi.setRange(0.0, 2.0)
        self.psi.setSingleStep(0.05)
        self.psi.setValue(1.0)
        self.psi.setToolTip(self.tr("Truncation psi of the samples (papers report psi 1)"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2 ** 31 - 1)
        self.ppl_pairs = QSpinBox()
        self.ppl_pairs.setRange(2, MAX_SAMPLES)
        self.ppl_pairs.setGroupSeparatorShown(True)
        self.ppl_pairs.setValue(1000)
        self.ema = QCheckBox(self.tr("EMA weights (when the checkpoint has them)"))
        self.ema.setChecked(True)
        self.floor = QCheckBox(self.tr("Also score real training images (the floor; Fashion-MNIST only)"))
        self.floor.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Model"), self.model_label)
        form.addRow(self.tr("Metrics"), metrics)
        ref = QVBoxLayout()
        ref.addWidget(self.reference)
        ref.addWidget(self.reference_label)
        form.addRow(self.tr("Compare with"), ref)
        form.addRow(self.tr("Samples"), self.samples)
        form.addRow(self.tr("Truncation psi"), self.psi)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("PPL pairs"), self.ppl_pairs)
        form.addRow("", self.ema)
        form.addRow("", self.floor)

        self.evaluate_btn = QPushButton(self.tr("Evaluate"))
        self.evaluate_btn.setDefault(True)
        self.evaluate_btn.clicked.connect(self.start)
        self.cancel_btn = QPushButton(self.tr("Cancel"))
        self.cancel_btn.clicked.connect(self.cancel)
        self.save_btn = QPushButton(self.tr("Save JSON…"))
        self.save_btn.clicked.connect(self.save_json_dialog)
        close_btn = QPushButton(self.tr("Close"))
        close_btn.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for b in (self.evaluate_btn, self.cancel_btn, self.save_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close_btn)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Metric"), self.tr("Value"),
                                              self.tr("Real training images"), self.tr("Protocol")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        explorer.model_changed.connect(lambda _info: self.model_opened())
        self.restore_options()
        self.model_opened()

    # --- the model and the options --------------------------------------------------------------
    def model_opened(self) -> None:
        """Follow the Explorer's model (while no evaluation runs; a running one finishes on the
        file it started with)."""
        from ...core.nets import has_mapping
        if self.running():
            return
        source = self.explorer.source
        path = (source.checkpoint_path if source is not None else "") or ""
        self.has_mapping = source is not None and has_mapping(source.G)
        self.trained_on = (source.summary or {}).get("data") if source is not None else None
        self._path = str(path)
        self.model_label.setText(Path(path).name if path else
                                 self.tr("none: open a checkpoint or an official StyleGAN pickle in the Explorer"))
        self.model_label.setToolTip(self._path)
        self._update()

    def _reference_chosen(self, index: int) -> None:
        key = self.reference.itemData(index)
        if key in ("folder", "idx"):
            if key == "folder":
                path = QFileDialog.getExistingDirectory(self, self.tr("Reference image folder"))
            else:
                path, _ = QFileDialog.getOpenFileName(self, self.tr("Reference IDX file"), "",
                                                      self.tr("IDX files (*-ubyte *.idx *-ubyte.gz);;All files (*)"))
            if path or self._reference_path:   # none chosen: back to the one before, if any
                self.set_reference_path(path or self._reference_path)
            else:
                self.reference.setCurrentIndex(0)

    def set_reference_path(self, path: str) -> None:
        """Compare with this image folder or IDX file."""
        self._reference_path = str(path)
        self.reference.setCurrentIndex(self.REFERENCES.index("folder" if Path(path).is_dir() else "idx"))
        self._update()

    def against(self) -> str:
        key = self.reference.currentData()
        return self._reference_path if key in ("folder", "idx") else key

    def chosen_metrics(self) -> list[str]:
        return [k for k, box in self.metric_boxes.items() if box.isChecked() and box.isEnabled()]

    def options(self) -> dict:
        """The keyword arguments of evaluate_inception for what the dialog shows."""
        from ...core.render_device import decide_device
        return dict(metrics=self.chosen_metrics(), against=self.against(), samples=self.samples.value(),
                    seed=self.seed.value(), psi=float(self.psi.value()) if self.has_mapping else 1.0,
                    device=decide_device("auto"),
                    floor=self.floor.isChecked() and self.floor.isEnabled(), ema=self.ema.isChecked(),
                    ppl_samples=self.ppl_pairs.value())

    def _update(self) -> None:
        running = self.running()
        key = self.reference.currentData()
        self.reference_label.setText(self._reference_path if key in ("folder", "idx") else "")
        self.reference_label.setVisible(key in ("folder", "idx"))
        from ...train.inception_eval import reference_for
        fashion_possible = reference_for(key, self.trained_on) == "fashion-mnist"
        self.metric_boxes["is"].setEnabled(fashion_possible and not running)
        self.metric_boxes["ppl"].setEnabled(self.has_mapping and not running)
        for k in ("fid", "kid", "pr"):
            self.metric_boxes[k].setEnabled(not running)
        self.floor.setEnabled(fashion_possible and not running)
        self.psi.setEnabled(self.has_mapping and not running)
        self.ppl_pairs.setEnabled(self.metric_boxes["ppl"].isChecked() and self.has_mapping and not running)
        for w in (self.reference, self.samples, self.seed, self.ema):
            w.setEnabled(not running)
        self.evaluate_btn.setEnabled(not running and bool(self._path) and bool(self.chosen_metrics()))
        self.cancel_btn.setEnabled(running)
        self.save_btn.setEnabled(not running and self.result is not None)
        if not running and self._path and not self.chosen_metrics():
            self.status.setText(self.tr("Choose at least one metric."))

    def remember_options(self) -> None:
        """Keep the options shown for the next time (QSettings)."""
        from . import files
        files.settings().setValue(SETTINGS_KEY, {
            "metrics": ",".join(k for k, box in self.metric_boxes.items() if box.isChecked()),
            "reference": self.reference.currentData(), "reference_path": self._reference_path,
            "samples": self.samples.value(), "psi": round(float(self.psi.value()), 2),
            "seed": self.seed.value(), "ppl_pairs": self.ppl_pairs.value(),
            "ema": self.ema.isChecked(), "floor": self.floor.isChecked()})

    def restore_options(self) -> None:
        """The options last used; anything missing, of the wrong kind or out of range keeps its
        default (a folder or file that is gone falls back to "as trained")."""
        from . import files
        saved = files.settings().value(SETTINGS_KEY)
        if not isinstance(saved, dict):
            return
        metrics = str(saved.get("metrics", "")).split(",")
        if any(m in self.metric_boxes for m in metrics):
            for key, box in self.metric_boxes.items():
                box.setChecked(key in metrics)
        self.samples.setValue(_whole(saved.get("samples"), self.samples.minimum(), MAX_SAMPLES, DEFAULT_SAMPLES))
        self.seed.setValue(_whole(saved.get("seed"), 0, self.seed.maximum(), 0))
        self.ppl_pairs.setValue(_whole(saved.get("ppl_pairs"), 2, MAX_SAMPLES, 1000))
        self.psi.setValue(_number(saved.get("psi"), 0.0, 2.0, 1.0))
        for box, key in ((self.ema, "ema"), (self.floor, "floor")):
            value = saved.get(key)
            if isinstance(value, bool) or value in ("true", "false"):
                box.setChecked(value in (True, "true"))
        key, path = saved.get("reference"), str(saved.get("reference_path") or "")
        if key in ("folder", "idx") and path and Path(path).exists():
            self.set_reference_path(path)
        elif key in ("auto", "fashion-mnist", "emoji"):
            self.reference.setCurrentIndex(self.REFERENCES.index(key))

    # --- running ----------------------------------------------------------------------------------
    def running(self) -> bool:
        return self.worker is not None

    def start(self) -> bool:
        """Evaluate with the options shown; False (with the reason shown) when it cannot start."""
        if self.running() or not self._path:
            return False
        options = self.options()
        if not options["metrics"]:
            self.status.setText(self.tr("Choose at least one metric."))
            return False
        if "is" in options["metrics"] and options["samples"] < 10:
            self.status.setText(self.tr("IS needs at least 10 samples (10 splits)."))
            return False
        self.remember_options()
        self.result = None
        self.table.setRowCount(0)
        self.notes.setText("")
        self.progress.setValue(0)
        self._stage, self._eta = "", None
        self.status.setText(self.tr("Loading the model and the reference images…"))
        self.worker = w = EvalWorker(self._path, options, self)
        w.progressed.connect(self._on_progress)
        w.succeeded.connect(self._on_result)
        w.failed.connect(self._on_failed)
        w.cancelled.connect(self._on_cancelled)
        w.finished.connect(self._on_finished)
        self._update()
        w.start()
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
            self.cancel_btn.setEnabled(False)

    def stage_text(self, stage: str) -> str:
        o = self.worker.options if self.worker is not None else {}
        return {"samples": self.tr("Generating {0} samples").format(f"{o.get('samples', 0):,}"),
                "reference": self.tr("Inception features of the reference images (cached for next time)"),
                "generated": self.tr("Inception features of the samples"),
                "floor": self.tr("Inception features of real training images (the floor)"),
                "ppl": self.tr("Path length over {0} pairs").format(f"{o.get('ppl_samples', 0):,}"),
                }.get(stage, stage)

    def _on_progress(self, stage: str, fraction: float) -> None:
        if self.worker is None or self.worker.cancelling:
            return
        if stage != self._stage:
            self._stage, self._eta = stage, Eta()
        self.progress.setValue(round(1000 * min(1.0, max(0.0, fraction))))
        self.status.setText(progress_text(self.stage_text(stage), fraction, self._eta))

    def _on_result(self, result: dict) -> None:
        from ...train.inception_eval import protocol_text, value_text
        self.result = result
        floor = result.get("floor") or {}
        reference = result.get("reference", "")
        names = {"fid": "FID", "kid": "KID", "precision": self.tr("Precision"), "recall": self.tr("Recall"),
                 "is": "IS", "ppl": "PPL"}
        rows = list(result["generated"].items())
        self.table.setRowCount(len(rows))
        for i, (name, entry) in enumerate(rows):
            cells = (names.get(name, name), value_text(name, entry),
                     value_text(name, floor[name]) if name in floor else "–",
                     protocol_text(name, entry, reference))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (1, 2):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        self.progress.setValue(1000)
        self.status.setText(self.tr("{0}, step {1} ({2} weights): {3} samples against {4}, in {5} s.").format(
            Path(result["checkpoint"]).name, f"{result.get('step') or 0:,}", result["weights"],
            f"{result['samples']:,}", reference or "–", f"{result['seconds']:.0f}"))
        self.notes.setText("\n".join(result.get("notes", [])))

    def _on_failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.status.setText(self.tr("Could not evaluate: {0}").format(message))

    def _on_cancelled(self) -> None:
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled. Nothing was computed to the end; the reference features "
                                    "computed so far are cached."))

    def _on_finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.model_opened()
        self._update()

    # --- saving and closing ------------------------------------------------------------------------
    def save_json(self, path: str) -> None:
        """The figures, as ``ganstudio eval --json`` writes them."""
        from ...core.checkpoint import atomic_write
        text = json.dumps(self.result, indent=2) + "\n"
        atomic_write(Path(path), lambda f: f.write(text.encode()))

    def save_json_dialog(self) -> None:
        if self.result is None:
            return
        stem = Path(self.result["checkpoint"]).stem
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the figures"), f"{stem}_metrics.json",
                                              self.tr("JSON (*.json)"))
        if not path:
            return
        try:
            self.save_json(path)
        except OSError as e:
            self.status.setText(self.tr("Could not save {0}: {1}").format(path, e.strerror or e))
            return
        self.status.setText(self.tr("Saved {0}").format(path))

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel a running evaluation and wait for its thread (the window is closing)."""
        w = self.worker
        if w is not None:
            w.cancel()
            w.wait(timeout_ms)

    def closeEvent(self, event):  # noqa: N802 - Qt API
        self.cancel()   # closing stops the work: nothing runs unseen
        self.remember_options()
        super().closeEvent(event)
