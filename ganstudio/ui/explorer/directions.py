"""Sliders along directions of w: GANSpace (PCA of w) or SeFa (closed form), applied to a
range of ws rows (layers)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ..combo import ElidingComboBox
from ganstudio.ui.sliders import RangeSlider

from .state import ExplorerState
from .state_events import Change
from .widgets import blocked, note, row, slider, tool_button

# The state's changes this module reacts to (built once: looking up Enum members is slow).
_MODEL_DIRECTIONS = frozenset({Change.MODEL, Change.DIRECTIONS})

MAX_DIRECTIONS = 16
METHODS = (("pca", QT_TRANSLATE_NOOP("DirectionsEditor", "PCA of w (GANSpace)")),
           ("sefa", QT_TRANSLATE_NOOP("DirectionsEditor", "SeFa (closed form)")))


class DirectionsEditor(QWidget):
    method_requested = Signal(str)   # "pca" | "sefa": compute these directions (on the render thread)

    def __init__(self, state: ExplorerState, parent=None):
        super().__init__(parent)
        self.state = state
        self.method = ElidingComboBox()
        for key, text in METHODS:
            self.method.addItem(self.tr(text), key)
        self.method.activated.connect(lambda i: self.method_requested.emit(self.method.itemData(i)))
        self.status = note("")
        self.layers = RangeSlider(Qt.Orientation.Horizontal)
        self.layers.setToolTip(self.tr("The ws rows (layers) a direction edit acts on: low rows = coarse "
                                       "structure, high rows = fine detail"))
        self.layers.valueChanged.connect(self._layers_changed)
        self.layers_label = QLabel()
        self.reset = tool_button(self.tr("Reset"), self.tr("Set every direction back to 0"), state.reset_coeffs)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        self.rows = []
        for k in range(MAX_DIRECTIONS):
            lab = QLabel(f"#{k}")
            lab.setMinimumWidth(70)
            s = slider(-5, 5, 0.0)
            s.setToolTip(self.tr("Move along this direction, in standard deviations of w"))
            s.valueChanged.connect(lambda v, k=k: state.set_coeff(k, v))
            s.sliderReleased.connect(state.commit)
            s.editingFinished.connect(state.commit)
            grid.addWidget(lab, k, 0)
            grid.addWidget(s, k, 1)
            self.rows.append((lab, s))
        self.unavailable = note("", "warn")
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(row(self.tr("Method"), self.method, self.reset))
        body.addWidget(self.status)
        body.addLayout(row(self.tr("Layers"), self.layers))
        body.addWidget(self.layers_label)
        body.addLayout(grid)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.unavailable)
        lay.addWidget(self.body)
        self._writing = False
        state.subscribe(self.on_state)

    def add_section(self, widget: QWidget) -> None:
        """Show ``widget`` below the sliders (only for models with a mapping network)."""
        self.body.layout().addWidget(widget)

    def set_busy(self, method: str) -> None:
        name = self.tr(dict(METHODS)[method])
        self.status.setText(self.tr("Computing {0} directions…").format(name))
        with blocked(self.method):
            self.method.setCurrentIndex(self.method.findData(method))

    def set_error(self, text: str) -> None:
        self.status.setText("<span style='color:#e06c60'>{0}</span>".format(
            self.tr("Could not compute directions: {0}").format(text)))

    def _layers_changed(self, value) -> None:
        start, end = (int(round(v)) for v in value)
        if end <= start:
            return
        self._writing = True
        try:
            self.state.set_direction_rows(start, end)
        finally:
            self._writing = False
        self._label_layers()

    def _label_layers(self) -> None:
        m = self.state.model
        start, end = self.state.direction_rows
        groups = m.groups_of(range(start, end))
        names = ", ".join(str(r) if m.by_rate else m.group_text(r) for r in groups)
        text = (self.tr("rows {0}–{1} of {2}: sampling rates {3}") if m.by_rate else
                self.tr("rows {0}–{1} of {2}: blocks {3}"))
        self.layers_label.setText(text.format(start, end - 1, m.num_ws, names))

    def on_state(self, aspects: frozenset[Change]) -> None:
        m = self.state.model
        if m is None or not aspects & _MODEL_DIRECTIONS:
            return
        self.unavailable.setVisible(not m.style)
        self.body.setVisible(m.style)
        if not m.style:
            self.unavailable.setText(self.tr("Directions live in w, the output of a mapping network. This "
                                             "{0} generator has none; use the Dimensions sliders on z.")
                                     .format(m.family_name))
            return
        if Change.MODEL in aspects:
            with blocked(self.layers):
                self.layers.setRange(0, m.num_ws)
                self.layers.setValue(self.state.direction_rows)
        if not self._writing:
            self._label_layers()
        d = self.state.directions
        if d is None:
            return
        self.status.setText((self.tr("{0} principal components of w; sliders move in standard deviations of w")
                             if d.method == "pca" else
                             self.tr("{0} SeFa directions; sliders move in standard deviations of w"))
                            .format(d.components.shape[0]))
        with blocked(self.method):
            self.method.setCurrentIndex(self.method.findData(d.method))
        for k, (lab, s) in enumerate(self.rows):
            visible = k < d.components.shape[0]
            lab.setVisible(visible)
            s.setVisible(visible)
            if visible:
                name = self.tr("PC{0}") if d.method == "pca" else self.tr("SeFa {0}")
                lab.setText(f"{name.format(k)} (σ {float(d.stdevs[k]):.2f})")
                if not s.isSliderDown() and abs(s.value() - float(self.state.coeffs[k])) > 1e-6:
                    with blocked(s):
                        s.setValue(float(self.state.coeffs[k]))
