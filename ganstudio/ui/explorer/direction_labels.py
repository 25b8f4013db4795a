"""Label by click: while "Label the gallery" is on, a click on a gallery tile marks it as having
the attribute (+), a right click as lacking it (−), a second click of the same kind clears the
mark; the marks stay with the seeds, so "More seeds" brings new tiles to label.  With
MIN_PER_SIDE or more of each, "Fit direction" fits a linear boundary in w on the render thread
(:func:`ganstudio.core.named_directions.direction_from_labels`), shows its held-out accuracy and
adds its normal as a named direction, optionally independent of chosen named directions.

The gallery keeps its own view: an event filter takes the clicks on it while labelling (the
usual "click a tile to make it A" waits until labelling is off) and an overlay draws the marks.
"""
from __future__ import annotations


import numpy as np
from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QButtonGroup, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget)

from ..combo import ElidingComboBox
from ...core import latent as L
from ...core import named_directions as N
from ..render_worker import Job, JobKind
from .state import ExplorerState
from .state_directions import Labelling
from .state_events import Change
from .widgets import heading, note, row, tool_button

# The state's changes this module reacts to (built once: looking up Enum members is slow).
_MODEL_DIRECTIONS = frozenset({Change.MODEL, Change.DIRECTIONS})
_MODEL_STRIP_CLASS_TRUNCATION = frozenset({Change.MODEL, Change.STRIP, Change.CLASS, Change.TRUNCATION})

MIN_PER_SIDE = 20
COLOURS = {True: QColor(80, 200, 120), False: QColor(230, 90, 80)}


class TileMarks(QWidget):
    """Draws + / − tags over the tiles of an ImageView (transparent to the mouse)."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.marks: dict[int, bool] = {}       # tile index -> has the attribute
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.resize(view.size())

    def set_marks(self, marks: dict[int, bool]) -> None:
        if marks != self.marks:
            self.marks = dict(marks)
            self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.marks:
            return
        p = QPainter(self)
        f = QFont(self.font())
        f.setBold(True)
        p.setFont(f)
        for index, has in self.marks.items():
            rect = self.view.tile_rect(index)
            if rect is None:
                continue
            colour = COLOURS[has]
            p.setPen(QPen(colour, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(1, 1, -1, -1))
            tag = QRect(rect.right() - 15, rect.top() + 1, 15, 15)
            p.fillRect(tag, colour)
            p.setPen(QColor(10, 10, 14))
            p.drawText(tag, Qt.AlignmentFlag.AlignCenter, "+" if has else "−")
        p.end()


class LabelPanel(QWidget):
    """The attribute, the marks' counts, More seeds, and Fit direction (see the module docstring)."""

    fitted = Signal(object)             # a NamedDirection
    message = Signal(str, str)          # text, kind ("info" | "error")

    def __init__(self, state: ExplorerState, worker, strip_view, parent=None):
        super().__init__(parent)
        self.state, self.worker, self.view = state, worker, strip_view
        self.marks: dict[int, bool] = {}          # seed -> has the attribute
        self.active = QPushButton(self.tr("Label the gallery"))
        self.active.setCheckable(True)
        self.active.setToolTip(self.tr("Click gallery tiles that have the attribute, right-click those that "
                                       "lack it (click again to clear)"))
        self.active.toggled.connect(self._toggled)
        self.attribute = QLineEdit()
        self.attribute.setMaxLength(N.MAX_NAME)
        self.attribute.setPlaceholderText(self.tr("attribute, e.g. “has a handle”"))
        self.attribute.textChanged.connect(lambda _: self._update())
        self.attribute.editingFinished.connect(self._announce)
        self.has, self.lacks = QRadioButton(self.tr("+ has it")), QRadioButton(self.tr("− lacks it"))
        self.has.setChecked(True)
        self.has.setToolTip(self.tr("What a left click marks (a right click marks the other)"))
        group = QButtonGroup(self)
        group.addButton(self.has)
        group.addButton(self.lacks)
        self.has.toggled.connect(lambda _: self._announce())
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.more = tool_button(self.tr("More seeds"), self.tr("New random tiles (the marks stay with their seeds)"),
                                self._more_seeds)
        self.clear = tool_button(self.tr("Clear marks"), self.tr("Forget every mark"), self._clear)
        self.method = ElidingComboBox()
        self.method.addItem(self.tr("logistic regression"), "logistic")
        self.method.addItem(self.tr("linear SVM"), "svm")
        self.independent = QListWidget()
        self.independent.setMaximumHeight(80)
        self.independent.setToolTip(self.tr("Ticked directions stay unchanged when moving along the new one "
                                            "(it is made orthogonal to them)"))
        self.fit_btn = QPushButton(self.tr("Fit direction"))
        self.fit_btn.clicked.connect(self.fit)
        self.result = note("")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addWidget(heading(self.tr("Define a direction by labelling the gallery")))
        lay.addLayout(row(self.tr("Attribute"), self.attribute, self.active))
        lay.addLayout(row(self.tr("Click marks"), self.has, self.lacks, None))
        lay.addWidget(self.counts)
        lay.addLayout(row(self.more, self.clear, None))
        self.independent_label = QLabel(self.tr("Independent of (optional):"))
        lay.addWidget(self.independent_label)
        lay.addWidget(self.independent)
        lay.addLayout(row(self.tr("Fit by"), self.method, None, self.fit_btn))
        lay.addWidget(self.result)
        self.overlay = TileMarks(strip_view)
        strip_view.installEventFilter(self)
        self._job: Job | None = None
        worker.job_done.connect(self._on_job)
        state.subscribe(self.on_state)
        self._fill_independent()
        self._update()

    # --- marks ---------------------------------------------------------------------------------------
    def counts_(self) -> tuple[int, int]:
        pos = sum(1 for v in self.marks.values() if v)
        return pos, len(self.marks) - pos

    def mark_tile(self, index: int, has: bool) -> None:
        """Mark gallery tile ``index`` (as the clicks do); the same mark again clears it."""
        seed = self.state.gallery_seed(index)
        if seed is None:
            return
        if self.marks.get(seed) == has:
            del self.marks[seed]
        else:
            self.marks[seed] = has
        self._update()

    def _labelling(self) -> bool:
        m = self.state.model
        return self.active.isChecked() and m is not None and m.style and self.state.strip.kind == "gallery"

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.view:
            if event.type() == QEvent.Type.Resize:
                self.overlay.resize(event.size())
            elif event.type() in (QEvent.Type.ContextMenu, QEvent.Type.MouseButtonRelease,
                                  QEvent.Type.MouseButtonDblClick) and self._labelling():
                return True      # the press marks; nothing else happens on the gallery
            elif event.type() == QEvent.Type.MouseButtonPress and self._labelling():
                index = self.view.tile_at(event.position().toPoint())
                if index is not None:
                    left = event.button() == Qt.MouseButton.LeftButton
                    self.mark_tile(index, self.has.isChecked() == left)
                return True      # no "make it A" while labelling
        return super().eventFilter(obj, event)

    def _toggled(self, on: bool) -> None:
        if on and self.state.model is not None and self.state.strip.kind != "gallery":
            self.state.set_strip(kind="gallery")
        self._update()
        self._announce()

    def _announce(self) -> None:
        """Tell the state (and so the strip's title) whether and how the gallery is labelled."""
        if not self.active.isChecked():
            self.state.set_labelling(None)
        else:
            plus, minus = self.tr("has it (+)"), self.tr("lacks it (−)")
            left, right = (plus, minus) if self.has.isChecked() else (minus, plus)
            self.state.set_labelling(Labelling(self.attribute.text().strip(), self.tr(
                "click = {0}, right-click = {1}, again = clear").format(left, right)))

    def _more_seeds(self) -> None:
        self.state.set_strip(kind="gallery")
        self.state.shuffle_gallery()
        self._update()

    def _clear(self) -> None:
        self.marks.clear()
        self._update()

    def _update(self) -> None:
        pos, neg = self.counts_()
        self.counts.setText(self.tr("{0} with · {1} without (at least {2} of each to fit)")
                            .format(pos, neg, MIN_PER_SIDE))
        m = self.state.model
        ok = m is not None and m.style and min(pos, neg) >= MIN_PER_SIDE and bool(self.attribute.text().strip())
        self.fit_btn.setEnabled(ok and self._job is None)
        self.fit_btn.setToolTip("" if ok else self.tr("Name the attribute and mark at least {0} tiles of each kind")
                                .format(MIN_PER_SIDE))
        shown = {}
        if self._labelling() or self.marks:
            rows, cols = self.state.strip.gallery_shape if m is not None else (0, 0)
            for i in range(rows * cols):
                seed = self.state.gallery_seed(i)
                if seed in self.marks:
                    shown[i] = self.marks[seed]
        self.overlay.set_marks(shown if self.state.strip.kind == "gallery" else {})

    def _fill_independent(self) -> None:
        ticked = {self.independent.item(i).text() for i in range(self.independent.count())
                  if self.independent.item(i).checkState() == Qt.CheckState.Checked}
        self.independent.clear()
        for d in self.state.named:
            item = QListWidgetItem(d.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.name in ticked else Qt.CheckState.Unchecked)
            self.independent.addItem(item)
        self.independent.setVisible(bool(self.state.named))
        self.independent_label.setVisible(bool(self.state.named))

    def on_state(self, aspects: frozenset[Change]) -> None:
        if self.state.model is None:
            return
        if Change.MODEL in aspects:
            self._job = None
            self.marks.clear()
            self.result.setText("")
        if aspects & _MODEL_DIRECTIONS:
            names = [d.name for d in self.state.named]
            if names != [self.independent.item(i).text() for i in range(self.independent.count())]:
                self._fill_independent()
        if aspects & _MODEL_STRIP_CLASS_TRUNCATION:
            self._update()

    # --- the fit (render thread) ---------------------------------------------------------------------
    def fit(self) -> bool:
        if not self.fit_btn.isEnabled():
            return False
        m, st = self.state.model, self.state
        seeds = list(self.marks)
        z = L.z_from_seeds(seeds, m.z_dim)
        labels = np.array([self.marks[s] for s in seeds])
        against = [d for d in st.named if any(
            self.independent.item(i).text() == d.name and self.independent.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.independent.count()))]
        name, method = self.attribute.text().strip(), self.method.currentData()
        G, psi, cls = m.G, st.psi, st.class_index if m.c_dim else None
        self._job = Job.new(JobKind.LABELLED_DIRECTION)
        self.result.setText(self.tr("Fitting…"))
        self._update()
        self.worker.submit_job(self._job, lambda: N.direction_from_labels(
            G, name, z, labels, method=method, psi=psi, class_index=cls, independent_of=against))
        return True

    def _on_job(self, job: Job, value, error: str) -> None:
        if job != self._job:
            return
        self._job = None
        self._update()
        if error:
            self.result.setText(self.tr("Could not fit: {0}").format(error))
            self.message.emit(self.tr("Could not fit a direction: {0}").format(error), "error")
            return
        det = value.details
        acc, n = det.get("held_out_accuracy"), det.get("held_out", 0)
        text = (self.tr("“{0}”: held-out accuracy {1:.0%} ({2} of {3} held-out tiles on their side); the "
                        "direction uses all {4} labels").format(value.name, acc, round(acc * n), n,
                                                                  det["positives"] + det["negatives"])
                if acc is not None else self.tr("“{0}” fitted").format(value.name))
        if det.get("independent_of"):
            text += " · " + self.tr("independent of {0}").format(", ".join(det["independent_of"]))
        self.result.setText(text)
        self.fitted.emit(value)
