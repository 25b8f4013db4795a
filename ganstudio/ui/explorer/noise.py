"""Noise inputs: constant / random / none, re-roll, per-resolution strength, and a strip that
shows StyleGAN2's stochastic variation (same latent, fresh noise, plus where the pixels differ).
Generators without noise inputs (StyleGAN3, DCGAN, MLP) get an explanation instead."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ..combo import ElidingComboBox
from .state import ExplorerState, ModelView
from .state_events import Change
from .widgets import blocked, group, note, row, slider, tool_button


def unavailable_text(m: ModelView) -> str:
    """Why a generator without noise inputs has no noise controls."""
    if m.style and m.c_dim:   # a style-based generator without noise: StyleGAN3
        text = QCoreApplication.translate(
            "NoiseSection",
            "<b>No noise inputs.</b> This {0} generator has none: StyleGAN3 removed StyleGAN2's per-pixel "
            "noise, because noise fixed to the pixel grid ties fine details to pixel positions instead of to "
            "the coarser features they belong to. Its image depends only on the latent and the class, so "
            "there are no noise modes, strengths or stochastic variation to show.")
    elif m.style:
        text = QCoreApplication.translate(
            "NoiseSection",
            "<b>No noise inputs.</b> This {0} generator has none: StyleGAN3 removed StyleGAN2's per-pixel "
            "noise, because noise fixed to the pixel grid ties fine details to pixel positions instead of to "
            "the coarser features they belong to. Its image depends only on the latent, so there are no "
            "noise modes, strengths or stochastic variation to show.")
    else:
        text = QCoreApplication.translate(
            "NoiseSection",
            "<b>No noise inputs.</b> This {0} generator is a deterministic function of z: the same z always "
            "gives the same image. Per-layer noise is a StyleGAN2 feature.")
    return text.format(m.family_name)


MODES = (("const", QT_TRANSLATE_NOOP("NoiseSection", "constant (the same every render)")),
         ("random", QT_TRANSLATE_NOOP("NoiseSection", "random (seeded; re-roll for new)")),
         ("none", QT_TRANSLATE_NOOP("NoiseSection", "none (noise switched off)")))


class NoiseSection(QWidget):
    def __init__(self, state: ExplorerState, parent=None):
        super().__init__(parent)
        self.state = state
        self.unavailable = note("", "warn")
        self.mode = ElidingComboBox()
        for key, text in MODES:
            self.mode.addItem(self.tr(text), key)
        self.mode.activated.connect(lambda i: state.set_noise(mode=self.mode.itemData(i)))
        self.reroll = tool_button(self.tr("Re-roll"), self.tr("New random noise (switches to random noise)"),
                                  state.reroll_noise)
        self.seed_label = QLabel()
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.strengths: dict[int, object] = {}
        self.reset = tool_button(self.tr("All 1.0"), self.tr("Every block at its learned noise strength"), self._reset)
        self.frames = QSpinBox()
        self.frames.setRange(2, 16)
        self.frames.setValue(state.strip.variation)
        self.frames.valueChanged.connect(self._frames_changed)
        self.show_var = QPushButton(self.tr("Show stochastic variation"))
        self.show_var.setToolTip(self.tr("Latent A rendered with fresh noise each time; the last tile maps where "
                                         "the pixels differ (bright = noise changes it)"))
        self.show_var.clicked.connect(self._show_variation)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(group(self.tr("Noise inputs"), row(self.tr("Mode"), self.mode),
                             row(self.reroll, self.seed_label, None),
                             note(self.tr("StyleGAN adds per-pixel noise in every layer: it decides stochastic "
                                          "detail (texture, strands, speckle), not identity."))))
        strength_box = QWidget()
        strength_box.setLayout(self.grid)
        body.addWidget(group(self.tr("Strength per resolution (× learned)"), strength_box, row(None, self.reset)))
        body.addWidget(group(self.tr("Stochastic variation"), row(self.tr("Renders"), self.frames, None),
                             self.show_var))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.unavailable)
        lay.addWidget(self.body)
        lay.addStretch(1)
        state.subscribe(self.on_state)

    def _reset(self) -> None:
        self.state.set_noise(strength={r: 1.0 for r in self.strengths})

    def _frames_changed(self, n: int) -> None:
        self.state.set_strip(variation=n)

    def _show_variation(self) -> None:
        self.state.set_strip(kind="variation")

    def on_state(self, aspects: frozenset[Change]) -> None:
        m = self.state.model
        if m is None:
            return
        if Change.MODEL in aspects:
            self.unavailable.setVisible(not m.has_noise)
            self.body.setVisible(m.has_noise)
            self.unavailable.setText(unavailable_text(m))
            self._build_sliders()
        if Change.NOISE in aspects or Change.MODEL in aspects:
            with blocked(self.mode):
                self.mode.setCurrentIndex(self.mode.findData(self.state.noise_mode))
            self.seed_label.setText(self.tr("noise seed {0}").format(self.state.noise_seed))
            for res, s in self.strengths.items():
                v = self.state.noise_strength.get(res, 1.0)
                if abs(s.value() - v) > 1e-9:
                    with blocked(s):
                        s.setValue(v)

    def _build_sliders(self) -> None:
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.strengths.clear()
        m = self.state.model
        for i, res in enumerate(m.block_resolutions if m.has_noise else ()):
            s = slider(0.0, 3.0, 1.0)
            s.valueChanged.connect(lambda v, res=res: self.state.set_noise(strength={res: v}))
            self.grid.addWidget(QLabel(f"{res}×{res}"), i, 0)
            self.grid.addWidget(s, i, 1)
            self.strengths[res] = s
