"""Style mixing: latents B and C, a table choosing which latent feeds each group of ws rows
(a block resolution; for StyleGAN3 a sampling rate), the StyleGAN paper's presets, and the
paper's mixing grid (row latents x column latents)."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..combo import ElidingComboBox
from ...text import parse_seeds
from .model_view import rows_text
from .image_view import ImageView
from .state import ExplorerState
from .state_events import Change
from .widgets import SeedBox, blocked, group, note, row, tool_button

# The state's changes this module reacts to (built once: looking up Enum members is slow).
_MIXING_MODEL = frozenset({Change.MIXING, Change.MODEL})

SOURCES = ("A", "B", "C")
THUMB = 80      # pixels: the side of the B and C thumbnails (a 32 px image at 2x)


class MixingSection(QWidget):
    def __init__(self, state: ExplorerState, parent=None):
        super().__init__(parent)
        self.state = state
        self.unavailable = note("", "warn")
        self.seed_b, self.seed_c = SeedBox(self.tr("B seed")), SeedBox(self.tr("C seed"))
        self.thumb_b, self.thumb_c = (ImageView(min_size=QSize(THUMB, THUMB)) for _ in range(2))
        for thumb, name in ((self.thumb_b, "B"), (self.thumb_c, "C")):
            thumb.setFixedSize(THUMB, THUMB)
            thumb.setToolTip(self.tr("Latent {0} as it enters the mix (truncated like A)").format(name))
        for box, slot in ((self.seed_b, "b"), (self.seed_c, "c")):
            box.seed_changed.connect(lambda s, slot=slot: state.set_seed(slot, s))
            box.randomize.connect(lambda slot=slot: state.randomize(slot))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Resolution"), self.tr("ws rows"), self.tr("Styles from")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.combos: dict[int, QComboBox] = {}
        presets = [tool_button(text, tip, lambda _=False, n=name: state.apply_preset(n)) for name, text, tip in (
            ("coarse", self.tr("Coarse"), self.tr("Coarse styles (StyleGAN paper) from B")),
            ("middle", self.tr("Middle"), self.tr("Middle styles (StyleGAN paper) from B")),
            ("fine", self.tr("Fine"), self.tr("Fine styles (StyleGAN paper) from B")))]
        self.clear_btn = tool_button(self.tr("All A"), self.tr("No mixing: every row of ws from A"), state.clear_mixing)
        self.rows_edit, self.cols_edit = QLineEdit(), QLineEdit()
        self.rows_edit.setToolTip(self.tr("Seeds down the left of the grid, e.g. 1,2,3 or 10-13"))
        self.cols_edit.setToolTip(self.tr("Seeds across the top of the grid"))
        for e in (self.rows_edit, self.cols_edit):
            e.editingFinished.connect(self._grid_seeds_changed)
        self.styles = ElidingComboBox()
        for key, text in (("coarse", self.tr("coarse styles")), ("middle", self.tr("middle styles")),
                          ("fine", self.tr("fine styles")), ("table", self.tr("styles marked B/C in the table"))):
            self.styles.addItem(text, key)
        self.styles.activated.connect(self._styles_changed)
        self.show_grid = QPushButton(self.tr("Show mixing grid"))
        self.show_grid.setToolTip(self.tr("Each row seed takes the chosen styles of each column seed (paper Fig. 3)"))
        self.show_grid.clicked.connect(self._show_grid)
        self.grid_note = note("")
        self.grid_note.hide()
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(group(self.tr("Sources"), row(self.thumb_b, self.seed_b), row(self.thumb_c, self.seed_c)))
        self.rows_note = note("")        # why the "ws rows" ranges overlap
        self.table_box = group(self.tr("Which latent feeds each resolution"), row(*presets, self.clear_btn, None),
                               self.table, self.rows_note)
        body.addWidget(self.table_box)
        body.addWidget(group(self.tr("Mixing grid"), row(self.tr("Rows"), self.rows_edit),
                             row(self.tr("Columns"), self.cols_edit),
                             row(self.tr("Columns give"), self.styles), self.show_grid, self.grid_note))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.unavailable)
        lay.addWidget(self.body)
        lay.addStretch(1)
        state.subscribe(self.on_state)

    def _grid_seeds_changed(self) -> None:
        st = self.state.strip
        parsed = []
        for edit, name in ((self.rows_edit, self.tr("Rows")), (self.cols_edit, self.tr("Columns"))):
            try:
                parsed.append(parse_seeds(edit.text(), name))
            except Exception:  # noqa: BLE001 - UsageError from the parser: said here in the user's words
                return self._grid_error(self.tr("{0}: give seeds like 1,2,5-8, each from 0 to 4294967295 "
                                                "(got “{1}”)").format(name, edit.text().strip()))
        rows, cols = parsed
        if not rows or not cols or len(rows) * len(cols) > 256:
            return self._grid_error(self.tr("Give 1–16 seeds for rows and for columns"))
        self.grid_note.hide()
        if (rows, cols) != (st.mix_rows_seeds, st.mix_cols_seeds):
            self.state.set_strip(mix_rows_seeds=rows, mix_cols_seeds=cols)

    def _grid_error(self, text: str) -> None:
        self.grid_note.setText(f"<span style='color:#e06c60'>{text}</span>")
        self.grid_note.show()

    def _styles_changed(self, i: int) -> None:
        self.state.set_strip(mix_styles=self.styles.itemData(i))

    def _show_grid(self) -> None:
        self._grid_seeds_changed()
        self.state.set_strip(kind="mix_grid")

    def on_state(self, aspects: frozenset[Change]) -> None:
        m = self.state.model
        if m is None:
            return
        if Change.MODEL in aspects:
            self.unavailable.setVisible(not m.style)
            self.body.setVisible(m.style)
            self.unavailable.setText(self.tr(
                "<b>Style mixing is unavailable for this {0} generator.</b> Mixing swaps the "
                "per-layer styles (rows of w) that a StyleGAN mapping network feeds to each resolution; "
                "a {0} generator feeds z once into its first layer, so there are no per-layer "
                "styles to mix. Open a StyleGAN checkpoint to use this section.").format(m.family_name))
            if m.style:
                self._build_table()
            st = self.state.strip
            self.rows_edit.setText(",".join(map(str, st.mix_rows_seeds)))
            self.cols_edit.setText(",".join(map(str, st.mix_cols_seeds)))
            self.styles.setCurrentIndex(self.styles.findData(st.mix_styles))
        if Change.B in aspects:
            self.seed_b.set_seed(self.state.slots["b"].seed)
        if Change.C in aspects:
            self.seed_c.set_seed(self.state.slots["c"].seed)
        if m.style and aspects & _MIXING_MODEL:
            for res, combo in self.combos.items():
                with blocked(combo):
                    combo.setCurrentIndex(self.state.schedule.get(res, 0))

    def show_sources(self, images) -> None:
        """Thumbnails of B and C (NHWC uint8, B first), rendered by the panel; None clears them."""
        for i, thumb in enumerate((self.thumb_b, self.thumb_c)):
            thumb.set_image(None if images is None or len(images) <= i else images[i])

    def _build_table(self) -> None:
        m = self.state.model
        self.table.setRowCount(len(m.block_resolutions))
        self.combos.clear()
        self.table.setHorizontalHeaderLabels([m.group_heading, self.tr("ws rows"), self.tr("Styles from")])
        self.table_box.setTitle(self.tr("Which latent feeds each {0}").format(m.group_heading.lower()))
        for i, res in enumerate(m.block_resolutions):
            tip = m.group_tooltip(res)
            for col, text in ((0, m.group_cell(res)), (1, rows_text(m.rows_of(res)))):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.table.setItem(i, col, item)
            combo = QComboBox()
            combo.addItems(SOURCES)
            combo.setToolTip(self.tr("Which latent's styles feed these layers. {0}").format(tip))
            combo.currentIndexChanged.connect(lambda s, res=res: self.state.set_mix_source(res, s))
            self.combos[res] = combo
            self.table.setCellWidget(i, 2, combo)
        rows = [set(m.rows_of(res)) for res in m.block_resolutions]
        shared = any(a & b for a, b in zip(rows, rows[1:]))
        self.rows_note.setVisible(shared)
        self.rows_note.setText(self.tr(
            "<b>ws rows</b>: the rows of w+ that each {0}'s layers read. "
            "Neighbours share a row (one block's image output, ToRGB, and the next block's first "
            "layer read the same w); a shared row takes the styles chosen for the higher one.").format(
                m.group_heading.lower()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 4
                                  + sum(self.table.rowHeight(i) for i in range(self.table.rowCount())))
