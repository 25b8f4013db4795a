"""Latent A: seed, random, one slider per dimension (paged), edit space z / w / w+, reset,
the class of a conditional model, truncation psi with a layer cutoff, and a bar view of z and w."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (QGridLayout, QLabel, QSpinBox, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget)

from ..combo import ElidingComboBox
from .latent_bars import LatentBars
from .state import ExplorerState
from .state_events import Change
from .widgets import SeedBox, blocked, flow, group, note, row, slider, tool_button

PAGE = 16


class DimensionSliders(QWidget):
    """PAGE sliders bound to dimensions page*PAGE ... of A's current space (and w+ row)."""

    def __init__(self, state: ExplorerState, parent=None):
        super().__init__(parent)
        self.state = state
        self.page, self.row_index, self._lim = 0, 0, 4.0
        self.moving: int | None = None   # the row whose slider is writing to the state right now
        self.prev_btn = tool_button("◀", self.tr("Previous page of dimensions"), lambda: self.set_page(self.page - 1))
        self.next_btn = tool_button("▶", self.tr("Next page of dimensions"), lambda: self.set_page(self.page + 1))
        self.page_label = QLabel()
        self.jump = QSpinBox()
        self.jump.setToolTip(self.tr("Jump to a dimension"))
        self.jump.setPrefix(self.tr("dim "))
        self.jump.valueChanged.connect(lambda d: self.set_page(d // PAGE))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(1)
        self.rows = []
        for i in range(PAGE):
            lab = QLabel()
            lab.setMinimumWidth(44)
            s = slider(-4, 4)
            reset = tool_button("↺", self.tr("Reset this dimension to the seed's value"),
                                lambda _=False, i=i: self._reset(i))
            s.valueChanged.connect(lambda v, i=i: self._moved(i, v))
            s.sliderReleased.connect(state.commit)
            s.editingFinished.connect(state.commit)
            grid.addWidget(lab, i, 0)
            grid.addWidget(s, i, 1)
            grid.addWidget(reset, i, 2)
            self.rows.append((lab, s, reset))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(flow(self.prev_btn, self.page_label, self.jump, self.next_btn))   # wraps when narrow
        lay.addLayout(grid)

    def size(self) -> int:
        v = self.state.a.values
        return v.shape[-1]

    def set_page(self, page: int) -> None:
        pages = max(1, math.ceil(self.size() / PAGE))
        self.page = max(0, min(page, pages - 1))
        self.refresh()

    def _dim(self, i: int) -> int:
        return self.page * PAGE + i

    def _moved(self, i: int, value: float) -> None:
        self.moving = i
        try:
            self.state.set_value(self._dim(i), value, self.row_index, commit=False)
        finally:
            self.moving = None

    def _reset(self, i: int) -> None:
        self.state.reset_value(self._dim(i), self.row_index)

    def refresh(self) -> None:
        a = self.state.a
        n = self.size()
        vals = a.values[self.row_index] if a.values.ndim == 2 else a.values
        base = a.base[self.row_index] if a.base.ndim == 2 else a.base
        lim = 4.0 if a.space == "z" else max(2.0, math.ceil(1.25 * float(np.abs(a.base).max() or 1)))
        self._lim = lim
        pages = max(1, math.ceil(n / PAGE))
        start = self.page * PAGE
        self.page_label.setText(self.tr("{0}[{1}–{2}] of {3} · page {4}/{5}").format(
            a.space, start, min(n, start + PAGE) - 1, n, self.page + 1, pages))
        self.prev_btn.setEnabled(self.page > 0)
        self.next_btn.setEnabled(self.page < pages - 1)
        with blocked(self.jump):
            self.jump.setRange(0, n - 1)
            self.jump.setValue(start)
        for i, (lab, s, reset) in enumerate(self.rows):
            d = start + i
            visible = d < n
            for w in (lab, s, reset):
                w.setVisible(visible)
            if not visible:
                continue
            lab.setText(f"{a.space.rstrip('+')}[{d}]")
            with blocked(s):
                if s.minimum() != -lim:
                    s.setRange(-lim, lim)
                s.setValue(float(vals[d]))
            reset.setEnabled(bool(vals[d] != base[d]))

class PageHighTabs(QTabWidget):
    """Tabs as tall as the page shown.  A QTabWidget asks for the height of its tallest page, so
    the short Dimensions page of a small model sat over a large empty gap the height of the
    Directions page (issue 22)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._shown_page(super().sizeHint(), lambda w: w.sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._shown_page(super().minimumSizeHint(), lambda w: w.minimumSizeHint())

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        # QStackedWidget answers for its tallest page here too (the Directions page's wrapped
        # notes): the Dimensions page sat over a gap as tall as that page in presentation mode
        page = self.currentWidget()
        if page is None or not self.hasHeightForWidth():
            return super().heightForWidth(width)
        stack = page.parentWidget()
        inner = max(1, width - max(0, self.width() - stack.width()))
        def height(w: QWidget) -> int:
            return max(w.heightForWidth(inner), w.minimumSizeHint().height())
        tallest = max(height(self.widget(i)) for i in range(self.count()))
        return super().heightForWidth(width) - tallest + height(page)

    def _shown_page(self, hint: QSize, of) -> QSize:
        page = self.currentWidget()
        if page is None:
            return hint
        tallest = max(of(self.widget(i)).height() for i in range(self.count()))
        return QSize(hint.width(), hint.height() - tallest + of(page).height())


class LatentEditor(QWidget):
    """Seed, space, per-dimension sliders, bars and truncation for latent A."""

    space_requested = Signal(str)

    def __init__(self, state: ExplorerState, directions: QWidget, parent=None):
        super().__init__(parent)
        self.state = state
        self.seed = SeedBox(self.tr("Seed"))
        self.seed.seed_changed.connect(lambda s: state.set_seed("a", s))
        self.seed.randomize.connect(lambda: state.randomize("a"))
        self.space = ElidingComboBox()
        for text, key in ((self.tr("z (input)"), "z"), (self.tr("w (after mapping)"), "w"),
                          (self.tr("w+ (one w per layer)"), "w+")):
            self.space.addItem(text, key)
        self.space.setToolTip(self.tr("Which space the sliders edit. w and w+ need a mapping network (StyleGAN)."))
        self.space.activated.connect(lambda i: self.space_requested.emit(self.space.itemData(i)))
        self.ws_row = ElidingComboBox()
        self.ws_row.setToolTip(self.tr("w+: which row of ws (which layers) the sliders edit"))
        self.ws_row.currentIndexChanged.connect(self._row_changed)
        self.reset_all = tool_button(self.tr("Reset"), self.tr("Reset every dimension to the seed's values"),
                                     state.reset_latent)
        self.class_box = QSpinBox()
        self.class_box.setKeyboardTracking(False)
        self.class_box.setToolTip(self.tr("Class-conditional model: the class every image (A, B, C, the gallery, "
                                          "exports) is generated for"))
        self.class_box.valueChanged.connect(state.set_class)
        self.class_row = QWidget()
        self.class_row.setLayout(row(self.tr("Class"), self.class_box, None))
        self.undo_btn, self.redo_btn = QToolButton(), QToolButton()
        self.sliders = DimensionSliders(state)
        self.tabs = PageHighTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.sliders, self.tr("Dimensions"))
        self.tabs.addTab(directions, self.tr("Directions (PCA / SeFa / named)"))
        self.tabs.currentChanged.connect(lambda _i: self.tabs.updateGeometry())
        self.bars = LatentBars()
        self.bars.dim_clicked.connect(self._jump_to)
        self.psi = slider(-1.0, 2.0, 1.0)
        self.psi.setToolTip(self.tr("Truncation ψ: 1 = none, 0 = the average image (w_avg), "
                                    "between = closer to the average, safer but less varied"))
        self.psi.valueChanged.connect(lambda v: state.set_truncation(psi=v))
        self.cutoff = ElidingComboBox()
        self.cutoff.setToolTip(self.tr("Truncate only the first rows of ws (the coarse layers)"))
        self.cutoff.currentIndexChanged.connect(
            lambda i: state.set_truncation(cutoff=self.cutoff.itemData(i)) if i >= 0 else None)
        self.psi_note = note("")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(group(self.tr("Latent A"), row(self.seed, self.undo_btn, self.redo_btn),
                            row(self.tr("Edit in"), self.space, self.ws_row, self.reset_all), self.class_row,
                            self.tabs, self.bars))
        lay.addWidget(group(self.tr("Truncation"), row("ψ", self.psi), row(self.tr("Cutoff"), self.cutoff),
                            self.psi_note))
        lay.addStretch(1)
        self._w_last: np.ndarray | None = None
        self._shown: tuple | None = None
        self._bars_timer = QTimer(self, singleShot=True, interval=40)  # bars follow drags at <= 25 fps
        self._bars_timer.timeout.connect(self._update_bars)
        state.subscribe(self.on_state)

    def resync(self) -> None:
        """Show the state again (e.g. after a space switch that could not be done)."""
        self._shown = None
        self.on_state({"a"})

    def set_undo_actions(self, undo, redo) -> None:
        self.undo_btn.setDefaultAction(undo)
        self.redo_btn.setDefaultAction(redo)

    def _row_changed(self, i: int) -> None:
        self.sliders.row_index = max(0, i)
        self.sliders.refresh()
        self._update_bars()

    def _jump_to(self, dim: int) -> None:
        self.sliders.set_page(dim // PAGE)
        self.bars.set_page(self.sliders.page * PAGE, self.sliders.page * PAGE + PAGE)

    def set_w(self, w: np.ndarray | None) -> None:
        """A's ws from the latest render (for the w bars, which follow at <= 25 fps: painting
        them with every image would delay the image).  The first render of a model shows its
        w at once, in the same paint as the image: whatever the GUI thread does next (at start-up,
        building the Training panel) must not leave the bars empty."""
        first = self._w_last is None        # None until a render of the open model arrives
        self._w_last = w
        if w is None or first:
            self._show_w()
        elif not self._bars_timer.isActive():
            self._bars_timer.start()

    def _show_w(self) -> None:
        m, w = self.state.model, self._w_last
        if m is not None:
            r = self.sliders.row_index if self.state.a.space == "w+" else 0
            self.bars.set_w(None if w is None else w[r], m.style)

    def _update_bars(self) -> None:
        a = self.state.a
        self.bars.set_edit_values(a.space, a.values, self.sliders.row_index)
        start = self.sliders.page * PAGE
        self.bars.set_page(start, start + PAGE)
        self._show_w()

    def on_state(self, aspects: frozenset[Change]) -> None:
        m = self.state.model
        if m is None:
            return
        if Change.MODEL in aspects:
            self._setup_model()
        if Change.A in aspects or Change.MODEL in aspects:
            a = self.state.a
            shown = (a.seed, a.space)
            if shown != self._shown or Change.MODEL in aspects:  # few Qt calls per drag event
                self._shown = shown
                self.seed.set_seed(a.seed)
                with blocked(self.space):
                    self.space.setCurrentIndex(self.space.findData(a.space))
                self.ws_row.setVisible(a.space == "w+")
            if self.sliders.size() <= self.sliders.page * PAGE:
                self.sliders.page = 0
            if self.sliders.moving is not None:   # our own slider: only its reset button changes
                _, _, reset = self.sliders.rows[self.sliders.moving]
                reset.setEnabled(True)
            else:
                self.sliders.refresh()
            if not self._bars_timer.isActive():
                self._bars_timer.start()
        if Change.CLASS in aspects or Change.MODEL in aspects:
            with blocked(self.class_box):
                self.class_box.setValue(self.state.class_index)
        if Change.TRUNCATION in aspects or Change.MODEL in aspects:
            with blocked(self.psi, self.cutoff):
                if abs(self.psi.value() - self.state.psi) > 1e-9:
                    self.psi.setValue(self.state.psi)
                self.cutoff.setCurrentIndex(max(0, self.cutoff.findData(self.state.cutoff)))

    def _setup_model(self) -> None:
        m = self.state.model
        model = self.space.model()
        for i, key in enumerate(("w", "w+")):
            model.item(i + 1).setEnabled(m.style)
        self.space.setToolTip(self.tr("Which space the sliders edit") if m.style else
                              self.tr("This {0} generator has no mapping network: it is edited in z only")
                              .format(m.family_name))
        with blocked(self.ws_row, self.cutoff, self.class_box):
            self.ws_row.clear()
            for r in range(m.num_ws):
                self.ws_row.addItem(m.row_label(r))
            self.cutoff.clear()
            self.cutoff.addItem(self.tr("all layers"), None)
            for k in range(1, m.num_ws):
                groups = m.groups_of(range(k))
                self.cutoff.addItem(self.tr("first {0} rows (to {1})").format(k, m.group_text(groups[-1])) if groups
                                    else self.tr("first {0} rows").format(k), k)
            self.class_box.setRange(0, max(0, m.c_dim - 1))
        self.sliders.row_index = 0
        self.sliders.page = 0
        self.cutoff.setEnabled(m.style)
        self.class_row.setVisible(m.c_dim > 0)
        self.psi_note.setText(self.tr("ψ pulls every style row towards w_avg, the average image.") if m.style else
                              self.tr("No mapping network: ψ scales z towards 0 (the mean of z)."))
        self.set_w(None)
