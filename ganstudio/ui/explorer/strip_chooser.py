"""The strip header's chooser: what the strip under the image shows (gallery, interpolation,
sweep, mixing grid, noise variation, StyleGAN3's input motion) and a Shuffle for the gallery, where they are seen
instead of only under the Animate and Mixing tabs.  It edits :class:`ExplorerState` only."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QToolButton, QWidget

from ..combo import ElidingComboBox
from ..flow_layout import FlowLayout
from .state import ExplorerState
from .state_events import Change
from .widgets import blocked

# The state's changes this module reacts to (built once: looking up Enum members is slow).
_MODEL_STRIP_NOISE = frozenset({Change.MODEL, Change.STRIP, Change.NOISE})

KINDS = (("gallery", QT_TRANSLATE_NOOP("StripChooser", "Gallery")),
         ("interp", QT_TRANSLATE_NOOP("StripChooser", "Interpolation")),
         ("sweep", QT_TRANSLATE_NOOP("StripChooser", "Sweep")),
         ("mix_grid", QT_TRANSLATE_NOOP("StripChooser", "Mixing grid")),
         ("variation", QT_TRANSLATE_NOOP("StripChooser", "Noise variation")),
         ("motion", QT_TRANSLATE_NOOP("StripChooser", "Input motion (StyleGAN3)")))


class StripChooser(QWidget):
    def __init__(self, state: ExplorerState, parent=None):
        super().__init__(parent)
        self.state = state
        self.kind = ElidingComboBox()
        for kind, text in KINDS:
            self.kind.addItem(self.tr(text), kind)
        self.kind.setToolTip(self.tr("What the strip shows (its settings: the Animate and Mixing tabs)"))
        self.kind.activated.connect(self._chosen)
        self.shuffle = QToolButton(text=self.tr("Shuffle"))
        self.shuffle.setToolTip(self.tr("Draw new random seeds for the gallery"))
        self.shuffle.clicked.connect(lambda: state.shuffle_gallery())
        lay = FlowLayout(self, spacing=4, shrink=True)   # Shuffle wraps under a narrow strip's chooser
        lay.addWidget(self.kind)
        lay.addWidget(self.shuffle)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        state.subscribe(self.on_state)
        self.setEnabled(False)

    def _chosen(self, index: int) -> None:
        self.state.set_strip(kind=self.kind.itemData(index))

    def on_state(self, aspects: frozenset[Change]) -> None:
        m = self.state.model
        if m is None or not aspects & _MODEL_STRIP_NOISE:
            return
        self.setEnabled(True)
        usable = {"mix_grid": m.style, "variation": m.has_noise, "motion": self.state.transform_supported()}
        for i, (kind, _) in enumerate(KINDS):
            self.kind.model().item(i).setEnabled(usable.get(kind, True))
        with blocked(self.kind):
            self.kind.setCurrentIndex(max(0, self.kind.findData(self.state.strip.kind)))
        self.shuffle.setVisible(self.state.strip.kind == "gallery")
