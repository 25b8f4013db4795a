"""One editor widget per config-dataclass field, built from the field's type and metadata.

Choices (``field(choices=...)``) become combo boxes, booleans check boxes, everything else a
line edit that accepts any text: numbers are parsed as TOML literals (``2e-4``, ``1_000``) and
range checks are left to the dataclass, so the form and the file format can never disagree
about what is valid.  ``set_error`` marks an editor red with the reason as its tooltip.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from ganstudio.train.recipe import parse_value
from ganstudio.ui.combo import ElidingComboBox

LABELS = {
    "z_dim": "z size", "w_dim": "w size", "lr_g": "G learning rate", "lr_d": "D learning rate",
    "beta1": "Adam β1", "beta2": "Adam β2", "n_critic": "D steps per G step", "gp": "gradient penalty",
    "r1": "R1 γ", "r2": "R2 γ", "r1_interval": "R1 every", "r2_interval": "R2 every",
    "ema_half_life_images": "EMA half-life (images)", "ema_rampup": "EMA ramp-up",
    "d_spectral_norm": "spectral norm on D", "pack": "PacGAN pack",
    "mbstd_group": "D minibatch-stddev group", "data_dim": "data dimension",
    "toy": "toy set", "toy_samples": "points", "emoji_subset": "emoji subset",
    "labels_path": "labels file", "sample_grid": "sample grid", "log_every": "log every",
    "sample_every": "samples every", "checkpoint_every": "checkpoint every",
    "amp": "mixed precision (CUDA)", "cpu_bf16": "CPU mixed precision (bf16)", "threads": "CPU threads", "mapping_layers": "mapping layers",
    "mapping_lr_mul": "mapping lr multiplier", "channel_base": "channel base",
    "channel_max": "channel max", "base_channels": "base channels", "name": "objective",
    "label_smoothing": "label smoothing", "smoothing_amount": "smoothing amount",
    "instance_noise": "instance noise σ", "instance_noise_anneal": "noise anneal steps",
    "style_mixing": "style mixing prob.", "path_length": "path length weight",
    "path_length_interval": "path length every", "path_length_decay": "path length decay",
    "mirror": "mirror left-right (x2 images)", "augment": "augment D's input", "augment_ops": "augmentations", "augment_target": "ADA target r_t",
    "augment_speed": "ADA speed (images)", "augment_p": "ADA start p",
}


def english_label(name: str) -> str:
    text = LABELS.get(name, name.replace("_", " "))
    return text[:1].upper() + text[1:]


# The labels, help texts and choices come from the recipe dataclasses; `make translations`
# collects them (ganstudio/i18n/build.py: generated_sources) into these contexts.
def label_of(name: str) -> str:
    return QCoreApplication.translate("RecipeField", english_label(name))


def help_of(text: str) -> str:
    return QCoreApplication.translate("RecipeHelp", text) if text else ""


def choice_label(value: Any) -> str:
    return QCoreApplication.translate("RecipeChoice", str(value))


def _unwrap_optional(tp) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return (args[0] if len(args) == 1 else tp), len(args) < len(typing.get_args(tp))
    return tp, False


def _format(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_format(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


NARROW_COMBO_CHARS = 12


def narrow_combo(box: QComboBox | None = None) -> QComboBox:
    """A combo box that can be narrower than its longest item (the text is then elided, "…"),
    so a long choice never widens the form; ``None``: a new one."""
    if box is None:
        box = ElidingComboBox(min_chars=NARROW_COMBO_CHARS)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(NARROW_COMBO_CHARS)
    return box


class FieldEditor:
    """An editor for one field; ``key`` is its dotted recipe key (``optim.lr_g``)."""

    def __init__(self, f: dataclasses.Field, tp: Any, key: str,
                 choice_labels: dict[Any, str] | None = None, choices: tuple | None = None):
        self.name, self.key = f.name, key
        self.type, self.optional = _unwrap_optional(tp)
        self.choices = choices if choices is not None else f.metadata.get("choices")
        help_text = help_of(f.metadata.get("help", ""))
        self.tooltip = f"{help_text}\n[{key}]" if help_text else f"[{key}]"
        if f.default is not dataclasses.MISSING:
            self.default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            self.default = f.default_factory()
        else:
            self.default = None
        if self.choices is not None:
            w = narrow_combo()
            for c in self.choices:
                w.addItem((choice_labels or {}).get(c) or choice_label(c), c)
            self.widget: QWidget = w
        elif self.type is bool:
            self.widget = QCheckBox()
        else:
            w = QLineEdit()
            if self.optional:
                w.setPlaceholderText(QCoreApplication.translate("FieldEditor", "default"))
            self.widget = w
        self.widget.setToolTip(self.tooltip)
        self.widget.setProperty("recipeKey", key)
        self.error: str | None = None
        self.set_value(self.default)

    # --- values ------------------------------------------------------------------------------
    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        text = w.text().strip()
        if self.type is str:
            return w.text()
        if not text:
            return None if self.optional else ""
        if typing.get_origin(self.type) in (list, tuple):
            return parse_value(text if text.startswith("[") else f"[{text}]")
        return parse_value(text)

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QComboBox):
            i = w.findData(value)
            if i < 0 and value is not None:  # a value the choices do not hold: show it anyway
                w.addItem(str(value), value)
                i = w.count() - 1
            w.setCurrentIndex(max(i, 0))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        else:
            w.setText(_format(value))

    def on_change(self, fn: Callable[[], None]) -> None:
        w = self.widget
        if isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda *_: fn())
        elif isinstance(w, QCheckBox):
            w.toggled.connect(lambda *_: fn())
        else:
            w.textEdited.connect(lambda *_: fn())

    # --- errors ------------------------------------------------------------------------------
    def set_error(self, message: str | None) -> None:
        if message == self.error:
            return
        self.error = message
        w = self.widget
        w.setProperty("invalid", bool(message))
        w.setToolTip(f"⚠ {message}\n\n{self.tooltip}" if message else self.tooltip)
        w.style().unpolish(w)
        w.style().polish(w)


def editors_for(cls, prefix: str, skip: tuple[str, ...] = (),
                choice_labels: dict[str, dict] | None = None,
                choices: dict[str, tuple] | None = None) -> dict[str, FieldEditor]:
    """Editors for every init field of dataclass ``cls`` (keys ``prefix.name``).

    choice_labels: field -> {choice: text shown}; choices: field -> choices where the
    dataclass declares none (e.g. the registry of objectives).
    """
    hints = typing.get_type_hints(cls)
    out = {}
    for f in dataclasses.fields(cls):
        if not f.init or f.name in skip:
            continue
        key = f"{prefix}.{f.name}" if prefix else f.name
        out[f.name] = FieldEditor(f, hints[f.name], key, (choice_labels or {}).get(f.name),
                                  (choices or {}).get(f.name))
    return out
