"""What the strip under the image shows: a gallery of random seeds (click one to make it A),
an interpolation (A -> B, or a path through latents and bookmarks; lerp or slerp; in z or w)
or a sweep (one dimension or one direction from lo to hi)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QListWidget, QListWidgetItem, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from ..combo import ElidingComboBox
from .records import GALLERY_SHAPES
from .state import ExplorerState
from .state_events import Change
from .widgets import blocked, flow, group, row, tool_button

# The state's changes this module reacts to (built once: looking up Enum members is slow).
_MODEL_BOOKMARKS_A_B_C = frozenset({Change.MODEL, Change.BOOKMARKS, Change.A, Change.B, Change.C})
_MODEL_DIRECTIONS_A = frozenset({Change.MODEL, Change.DIRECTIONS, Change.A})
_MODEL_DIRECTIONS = frozenset({Change.MODEL, Change.DIRECTIONS})


class AnimateSection(QWidget):
    def __init__(self, state: ExplorerState, parent=None):
        super().__init__(parent)
        self.state = state
        st = state.strip
        self.points = QListWidget()
        self.points.setMaximumHeight(96)
        self.points.setToolTip(self.tr("Tick the latents to pass through, in list order"))
        self.points.itemChanged.connect(self._points_changed)
        self.up = tool_button("▲", self.tr("Move the selected point earlier"), lambda: self._move(-1))
        self.down = tool_button("▼", self.tr("Move the selected point later"), lambda: self._move(1))
        self.mode = ElidingComboBox()
        self.mode.addItem(self.tr("slerp"), "slerp")
        self.mode.addItem(self.tr("lerp"), "lerp")
        self.mode.setToolTip(self.tr("slerp follows the sphere Gaussian latents live on; lerp a straight line"))
        self.space = ElidingComboBox()
        self.space.addItem(self.tr("in z"), "z")
        self.space.addItem(self.tr("in w"), "w")
        self.frames = QSpinBox()
        self.frames.setRange(2, 64)
        self.frames.setValue(st.frames)
        self.show_interp = QPushButton(self.tr("Show interpolation"))
        self.target = ElidingComboBox()
        self.target.addItem(self.tr("a dimension of A"), "dimension")
        self.target.addItem(self.tr("a direction (PCA / SeFa)"), "direction")
        self.target.addItem(self.tr("a named direction"), "named")
        self.named = ElidingComboBox()
        self.named.setToolTip(self.tr("Which named direction (Latent ▸ Directions) to sweep"))
        self.named.activated.connect(self._write)
        self.index = QSpinBox()
        self.index.setPrefix("#")
        self.lo, self.hi = QDoubleSpinBox(), QDoubleSpinBox()
        for box, v in ((self.lo, st.sweep_lo), (self.hi, st.sweep_hi)):
            box.setRange(-20, 20)
            box.setSingleStep(0.5)
            box.setValue(v)
        self.steps = QSpinBox()
        self.steps.setRange(2, 64)
        self.steps.setValue(st.sweep_steps)
        self.show_sweep = QPushButton(self.tr("Show sweep"))
        self.gallery_shape = QComboBox()
        for r, c in GALLERY_SHAPES:
            self.gallery_shape.addItem(f"{r} x {c}", (r, c))
        self.gallery_shape.setCurrentIndex(GALLERY_SHAPES.index(st.gallery_shape))
        self.gallery_shape.setToolTip(self.tr("Rows x columns of random seeds"))
        self.gallery_shape.activated.connect(self._gallery_shape_changed)
        self.shuffle = QPushButton(self.tr("Shuffle"))
        self.shuffle.setToolTip(self.tr("Draw new random seeds"))
        self.shuffle.clicked.connect(self._shuffle)
        self.show_gallery = QPushButton(self.tr("Show gallery"))
        self.show_gallery.clicked.connect(lambda: self._show("gallery"))
        for w in (self.mode, self.space, self.target):
            w.activated.connect(self._write)
        for w in (self.frames, self.index, self.steps, self.lo, self.hi):
            w.valueChanged.connect(self._write)
        self.show_interp.clicked.connect(lambda: self._show("interp"))
        self.show_sweep.clicked.connect(lambda: self._show("sweep"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(group(self.tr("Gallery of random seeds (click a tile to make it A)"),
                            flow(self.gallery_shape, self.shuffle, self.show_gallery)))
        lay.addWidget(group(self.tr("Interpolation"), row(self.points, self._col(self.up, self.down)),
                            row(self.mode, self.space, self.tr("Frames"), self.frames), self.show_interp))
        lay.addWidget(group(self.tr("Sweep (explore one axis)"), row(self.tr("Along"), self.target, self.index, self.named),
                            flow(row(self.tr("From"), self.lo, self.tr("to"), self.hi), row(self.tr("Steps"), self.steps)),
                            self.show_sweep))
        lay.addStretch(1)
        state.subscribe(self.on_state)

    @staticmethod
    def _col(*widgets):
        lay = QVBoxLayout()
        lay.setSpacing(2)
        for w in widgets:
            lay.addWidget(w)
        lay.addStretch(1)
        return lay

    def _show(self, kind: str) -> None:
        self._write(kind=kind)

    def _gallery_shape_changed(self, *_) -> None:
        self._write(kind="gallery", gallery_shape=self.gallery_shape.currentData())

    def _shuffle(self) -> None:
        self.state.set_strip(kind="gallery")
        self.state.shuffle_gallery()

    def _write(self, *_, **more) -> None:
        """Put the section's settings (and ``more`` fields of the strip) into the state."""
        self.state.set_strip(mode=self.mode.currentData(), space=self.space.currentData(),
                             frames=self.frames.value(), sweep_target=self.target.currentData(),
                             sweep_index=self.index.value(), sweep_name=self.named.currentText(),
                             sweep_lo=self.lo.value(), sweep_hi=self.hi.value(), sweep_steps=self.steps.value(),
                             **more)
        self._update_index_range()

    def _points_changed(self, *_) -> None:
        keys = []
        for i in range(self.points.count()):
            item = self.points.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                keys.append(item.data(Qt.ItemDataRole.UserRole))
        self.state.set_strip(points=keys, kind="interp")

    def _move(self, step: int) -> None:
        i = self.points.currentRow()
        j = i + step
        if i < 0 or not 0 <= j < self.points.count():
            return
        with blocked(self.points):
            item = self.points.takeItem(i)
            self.points.insertItem(j, item)
            self.points.setCurrentRow(j)
        self._points_changed()

    def _fill_named(self) -> None:
        names = [d.name for d in self.state.named]
        if names != [self.named.itemText(i) for i in range(self.named.count())]:
            with blocked(self.named):
                self.named.clear()
                self.named.addItems(names)
                if self.state.strip.sweep_name in names:
                    self.named.setCurrentText(self.state.strip.sweep_name)
        self._show_choice()

    def _show_choice(self) -> None:
        named = self.target.currentData() == "named"
        self.named.setVisible(named)
        self.index.setVisible(not named)

    def _update_index_range(self) -> None:
        self._show_choice()
        m, st = self.state.model, self.state.strip
        if st.sweep_target == "direction":
            d = self.state.directions
            n = d.components.shape[0] if d is not None else 16
        else:
            n = m.z_dim if self.state.a.space == "z" else m.w_dim
        if n != getattr(self, "_index_n", None):  # no Qt calls while A is being dragged
            self._index_n = n
            with blocked(self.index):
                self.index.setRange(0, max(0, n - 1))

    def _fill_points(self) -> None:
        st = self.state.strip
        order = list(st.points)
        keys = ["a", "b", "c"] + [f"bm:{b['name']}" for b in self.state.bookmarks]
        keys = [k for k in order if k in keys] + [k for k in keys if k not in order]
        sig = (tuple(keys), tuple(order), tuple(self.state.slots[k].seed for k in "abc"))
        if sig == getattr(self, "_sig", None):
            return  # cheap during slider drags: nothing the list shows has changed
        self._sig = sig
        with blocked(self.points):
            self.points.clear()
            for k in keys:
                text = k.upper() if len(k) == 1 else "★ " + k[3:]
                if len(k) == 1:
                    seed = self.state.slots[k].seed
                    text += "  " + self.tr("(seed {0})").format(seed) if seed is not None else ""
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, k)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if k in order else Qt.CheckState.Unchecked)
                self.points.addItem(item)

    def on_state(self, aspects: frozenset[Change]) -> None:
        m = self.state.model
        if m is None:
            return
        if aspects & _MODEL_BOOKMARKS_A_B_C:
            self._fill_points()
        if Change.MODEL in aspects:
            self.space.model().item(1).setEnabled(m.style)
            self.target.model().item(1).setEnabled(m.style)
            self.target.model().item(2).setEnabled(m.style)
            self.space.setToolTip(self.tr("Interpolating in w (after mapping) is usually smoother") if m.style else
                                  self.tr("This {0} generator has no mapping network: z only").format(m.family_name))
            st = self.state.strip
            with blocked(self.space, self.target, self.mode):
                self.space.setCurrentIndex(self.space.findData(st.space))
                self.target.setCurrentIndex(self.target.findData(st.sweep_target))
                self.mode.setCurrentIndex(max(0, self.mode.findData(st.mode)))
        if aspects & _MODEL_DIRECTIONS_A:
            self._update_index_range()
        if aspects & _MODEL_DIRECTIONS:
            self._fill_named()
