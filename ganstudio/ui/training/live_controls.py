"""Teaching controls of a run: one player's steps at a time, slow motion, live hyper-parameters.

While a run is paused, "D step" updates only the discriminator, "G step" only the generator
and "Full step" does one whole iteration, each ``k`` times per click (GAN Lab's step buttons).
Slow motion waits after every step.  The learning rates and the objective can be changed while
the run trains or is paused; they hold from the next step and the run's ``metrics.jsonl``
records the change.  The widget only emits requests; the panel hands them to the run.
"""
from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ganstudio.train.interventions import MAX_DELAY, MAX_LR, MAX_MANUAL_STEPS
from ganstudio.train.losses import OBJECTIVES

from .form_fields import choice_label, narrow_combo


class LiveControls(QWidget):
    """Step buttons, slow motion and the live learning rates / objective of the panel's run."""

    steps_requested = Signal(str, int)      # player ("d", "g", "both"), count
    delay_changed = Signal(float)           # seconds after every step
    hyper_requested = Signal(dict)          # {"lr_g": float, "lr_d": float, "objective": str}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.d_button = QPushButton(self.tr("D step"))
        self.d_button.setToolTip(self.tr("Update only the discriminator (k times), G stays"))
        self.g_button = QPushButton(self.tr("G step"))
        self.g_button.setToolTip(self.tr("Update only the generator (k times), D stays"))
        self.both_button = QPushButton(self.tr("Full step"))
        self.both_button.setToolTip(self.tr("k whole training steps (D steps, then a G step)"))
        self.k_box = QSpinBox()
        self.k_box.setRange(1, MAX_MANUAL_STEPS)
        self.k_box.setValue(1)
        self.k_box.setPrefix("k = ")
        self.k_box.setToolTip(self.tr("How many updates each step button makes"))
        self.delay_box = QDoubleSpinBox()
        self.delay_box.setRange(0.0, MAX_DELAY)
        self.delay_box.setDecimals(2)
        self.delay_box.setSingleStep(0.1)
        self.delay_box.setSuffix(self.tr(" s"))
        self.delay_box.setSpecialValueText(self.tr("off"))
        self.delay_box.setToolTip(self.tr("Slow motion: wait this long after every training step"))
        self.lr_g_edit = QLineEdit()
        self.lr_d_edit = QLineEdit()
        for edit, name in ((self.lr_g_edit, "lr_g"), (self.lr_d_edit, "lr_d")):
            edit.setProperty("recipeKey", f"optim.{name}")
            edit.setMaximumWidth(90)
            edit.returnPressed.connect(self._apply)
        self.lr_g_edit.setToolTip(self.tr("The generator's learning rate [optim.lr_g]"))
        self.lr_d_edit.setToolTip(self.tr("The discriminator's learning rate [optim.lr_d]"))
        self.objective_box = narrow_combo()
        for key, obj in OBJECTIVES.items():
            self.objective_box.addItem(choice_label(obj.label), key)   # as the recipe form names it
        self.objective_box.setToolTip(self.tr("The adversarial loss [objective.name]"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Use these learning rates and loss from the next step on"))
        self.message = QLabel("")
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        steps = QHBoxLayout()
        steps.setContentsMargins(0, 0, 0, 0)
        steps.addWidget(QLabel(self.tr("While paused:")))
        for w in (self.d_button, self.g_button, self.both_button, self.k_box):
            steps.addWidget(w)
        steps.addSpacing(12)
        steps.addWidget(QLabel(self.tr("Slow motion")))
        steps.addWidget(self.delay_box)
        steps.addStretch(1)
        live = QHBoxLayout()
        live.setContentsMargins(0, 0, 0, 0)
        live.addWidget(QLabel(self.tr("Live: lr G")))
        live.addWidget(self.lr_g_edit)
        live.addWidget(QLabel(self.tr("lr D")))
        live.addWidget(self.lr_d_edit)
        live.addWidget(QLabel(self.tr("loss")))
        live.addWidget(self.objective_box)
        live.addWidget(self.apply_button)
        live.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(steps)
        layout.addLayout(live)
        layout.addWidget(self.message)

        self.d_button.clicked.connect(lambda: self.steps_requested.emit("d", self.k_box.value()))
        self.g_button.clicked.connect(lambda: self.steps_requested.emit("g", self.k_box.value()))
        self.both_button.clicked.connect(lambda: self.steps_requested.emit("both", self.k_box.value()))
        self.delay_box.valueChanged.connect(self.delay_changed)
        self.apply_button.clicked.connect(self._apply)
        self._current: dict = {}
        self.set_state("idle")

    def set_state(self, state: str) -> None:
        """Step buttons only while paused; live values while a run trains or is paused."""
        paused, live = state == "paused", state in ("running", "paused")
        for b in (self.d_button, self.g_button, self.both_button):
            b.setEnabled(paused)
        for w in (self.lr_g_edit, self.lr_d_edit, self.objective_box, self.apply_button):
            w.setEnabled(live)

    def set_values(self, lr_g: float, lr_d: float, objective: str) -> None:
        """The run's current learning rates and objective (shown until the user edits them)."""
        self._current = {"lr_g": float(lr_g), "lr_d": float(lr_d), "objective": objective}
        self.lr_g_edit.setText(f"{lr_g:g}")
        self.lr_d_edit.setText(f"{lr_d:g}")
        i = self.objective_box.findData(objective)
        if i >= 0:
            self.objective_box.setCurrentIndex(i)
        self.show_error("")

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _apply(self) -> None:
        changes = {}
        for edit, name in ((self.lr_g_edit, "lr_g"), (self.lr_d_edit, "lr_d")):
            text = edit.text().strip()
            try:
                value = float(text)
            except ValueError:
                value = math.nan
            if not math.isfinite(value) or not 0 < value <= MAX_LR:
                self.show_error(self.tr("{0}: must be a number above 0 and at most {1:g}, got {2!r}")
                                .format(name, MAX_LR, text))
                edit.setFocus()
                return
            if value != self._current.get(name):
                changes[name] = value
        objective = self.objective_box.currentData()
        if objective != self._current.get("objective"):
            changes["objective"] = objective
        self.show_error("")
        if changes:
            self._current.update(changes)
            self.hyper_requested.emit(changes)
