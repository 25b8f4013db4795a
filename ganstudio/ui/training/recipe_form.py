"""The recipe form: dataset, architecture, objective and regularisers, optimiser, training.

Built from the recipe dataclasses (``ganstudio.train.recipe``, ``ganstudio.train.data`` and the
network configs in ``ganstudio.core.nets``), so a new config field shows up here by itself.
Every edit re-validates the whole recipe with ``Recipe.from_dict``; the field a
``ConfigError`` names is marked red with the reason, and ``changed`` reports the valid recipe
(or None) so the panel can keep Start disabled until the recipe is fixed.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QScrollArea, QSizePolicy, QStackedWidget, QStyle, QToolButton,
                               QVBoxLayout, QWidget)

from ganstudio.core.config import ConfigError
from ganstudio.core.nets import FAMILIES, DCGANConfig, MLPConfig, StyleGANConfig, ToyConfig
from ganstudio.train.data import DataConfig
from ganstudio.train.losses import OBJECTIVES
from ganstudio.train.recipe import ObjectiveConfig, OptimConfig, Recipe, TrainConfig
from ganstudio.ui.explorer.widgets import FittingScrollArea

from .form_fields import FieldEditor, choice_label, editors_for, label_of, narrow_combo

FAMILY_CONFIGS = {"mlp": MLPConfig, "dcgan": DCGANConfig, "stylegan": StyleGANConfig, "toy": ToyConfig}
FAMILY_LABELS = {"mlp": QT_TRANSLATE_NOOP("RecipeForm", "MLP (vanilla GAN)"), "dcgan": "DCGAN",
                 "stylegan": "StyleGAN2", "toy": QT_TRANSLATE_NOOP("RecipeForm", "Toy MLP (1-D / 2-D)")}
LAYOUT_LABELS = {"radford": QT_TRANSLATE_NOOP("RecipeForm", "Radford (transposed convolutions)"),
                 "course": QT_TRANSLATE_NOOP("RecipeForm", "Course (upsample + 3×3 conv, dropout D)")}
DATA_LABELS = {"fashion_mnist": "Fashion-MNIST", "idx": QT_TRANSLATE_NOOP("RecipeForm", "IDX file"),
               "folder": QT_TRANSLATE_NOOP("RecipeForm", "Image folder"),
               "emoji": QT_TRANSLATE_NOOP("RecipeForm", "Emoji"),
               "toy": QT_TRANSLATE_NOOP("RecipeForm", "Toy distribution"),
               "points": QT_TRANSLATE_NOOP("RecipeForm", "Drawn points (CSV)")}
TOY_LABELS = {"gauss1d": QT_TRANSLATE_NOOP("RecipeForm", "1-D Gaussian"),
              "ring8": QT_TRANSLATE_NOOP("RecipeForm", "Ring of 8 Gaussians"),
              "grid25": QT_TRANSLATE_NOOP("RecipeForm", "Grid of 25 Gaussians"),
              "spiral": QT_TRANSLATE_NOOP("RecipeForm", "Spiral")}
FAMILY_TIP = QT_TRANSLATE_NOOP("RecipeForm", "network family [model.family]")


def _shown(labels: dict) -> dict:
    """A label table in the interface's language."""
    return {k: QCoreApplication.translate("RecipeForm", v) for k, v in labels.items()}
# Which data fields each kind uses (the others are hidden and left at their defaults).
DATA_FIELDS = {
    "fashion_mnist": ("path", "split", "limit", "labels_path", "mirror"),
    "idx": ("path", "labels_path", "limit", "mirror"),
    "folder": ("path", "background", "limit", "mirror"),
    "emoji": ("path", "emoji_subset", "background", "limit", "mirror"),
    "toy": ("toy", "toy_samples", "limit"),
    "points": ("path", "toy_samples"),
}
STYLE_ONLY = ("style_mixing", "path_length", "path_length_interval", "path_length_decay")


class _Section:
    """A group box with a form of editors (``rows`` may put an editor inside a larger widget)."""

    def __init__(self, title: str, editors: dict[str, FieldEditor], order: tuple[str, ...] = (),
                 rows: dict[str, QWidget] | None = None):
        self.box = QGroupBox(title)
        self.form = QFormLayout(self.box)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        self.editors = editors
        names = [n for n in order if n in editors] + [n for n in editors if n not in order]
        self.rows = {name: (rows or {}).get(name, editors[name].widget) for name in names}
        for name in names:
            self.form.addRow(label_of(name), self.rows[name])
        self.hidden: set[str] = set()

    def set_visible_fields(self, visible) -> None:
        for name, ed in self.editors.items():
            show = name in visible
            self.form.setRowVisible(self.rows[name], show)
            if show:
                self.hidden.discard(name)
            else:
                self.hidden.add(name)

    def values(self) -> dict:
        return {n: ed.value() for n, ed in self.editors.items() if n not in self.hidden}


class RecipeForm(QWidget):
    """Edits one recipe; ``recipe()`` is the validated Recipe or None while a field is invalid."""

    changed = Signal(object, str)        # Recipe | None, error text ("" when valid)
    data_changed = Signal(dict, dict)    # data dict, model dict (for the dataset preview)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._meta = {"title": "", "description": "", "name": ""}
        self._recipe: Recipe | None = None
        self._error = ""
        self._loading = False
        self._sized = False

        data_editors = editors_for(DataConfig, "data",
                                   choice_labels={"kind": _shown(DATA_LABELS), "toy": _shown(TOY_LABELS)})
        self.data = _Section(self.tr("Dataset"), data_editors, order=("kind", "toy"), rows={
            name: self._with_browse(data_editors[name], name) for name in ("path", "labels_path")})
        self.family = narrow_combo()
        for fam in FAMILIES:
            self.family.addItem(_shown(FAMILY_LABELS).get(fam, fam), fam)
        self.family.setToolTip(self.tr(FAMILY_TIP))
        self.family.setProperty("recipeKey", "model.family")
        self.model_editors: dict[str, dict[str, FieldEditor]] = {}
        self.model_stack = QStackedWidget()
        for fam in FAMILIES:
            eds = editors_for(FAMILY_CONFIGS[fam], "model", skip=("family",),
                              choice_labels={"layout": _shown(LAYOUT_LABELS)})
            self.model_editors[fam] = eds
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
            for name, ed in eds.items():
                form.addRow(label_of(name), ed.widget)
            self.model_stack.addWidget(page)
        arch = QGroupBox(self.tr("Architecture"))
        arch_layout = QFormLayout(arch)
        arch_layout.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        arch_layout.addRow(self.tr("Family"), self.family)
        arch_layout.addRow(self.model_stack)
        self.objective = _Section(self.tr("Objective and regularisers"), editors_for(
            ObjectiveConfig, "objective",
            choice_labels={"name": {k: choice_label(o.label) for k, o in OBJECTIVES.items()}},
            choices={"name": tuple(OBJECTIVES)}), order=("name", "n_critic", "gp", "r1", "r2"))
        self.optim = _Section(self.tr("Optimiser (Adam)"), editors_for(OptimConfig, "optim"))
        self.train = _Section(self.tr("Training"), editors_for(TrainConfig, "train"),
                              order=("steps", "batch", "device", "seed"))
        self.sections = {"data": self.data, "objective": self.objective, "optim": self.optim,
                         "train": self.train}

        self.error_label = QLabel("")
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.preview_slot = QVBoxLayout()   # the panel puts the dataset preview here
        self.data.form.addRow(self.preview_slot)

        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(4, 4, 8, 4)
        lay.setSpacing(8)
        for w in (self.data.box, arch, self.objective.box, self.optim.box, self.train.box):
            lay.addWidget(w)
        lay.addStretch(1)
        scroll = FittingScrollArea()   # never narrower than the fields: no arrow under the scroll bar
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error_label)

        for ed in self._all_editors():
            ed.on_change(self._edited)
        self.family.currentIndexChanged.connect(self._edited)
        self._edited()

    # --- editors --------------------------------------------------------------------------------
    def _with_browse(self, editor: FieldEditor, name: str) -> QWidget:
        """The line edit of a path field with a "…" button that opens a file or folder chooser."""
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(editor.widget, 1)
        button = QToolButton()
        button.setIcon(self.style().standardIcon(QStyle.SP_DirOpenIcon))
        button.setToolTip(self.tr("Choose…"))
        button.clicked.connect(lambda: self._browse(editor, name))
        lay.addWidget(button)
        return row

    def _browse(self, editor: FieldEditor, name: str) -> None:
        kind = self.data.editors["kind"].value()
        start = editor.widget.text() or str(Path.home())
        if name == "path" and kind in ("folder", "fashion_mnist"):
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), start)
        elif name == "path" and kind == "points":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file of x,y rows"), start,
                                                  self.tr("CSV files (*.csv *.txt);;All files (*)"))
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), start)
        if path:
            editor.set_value(path)
            self._edited()

    def _all_editors(self):
        for sec in self.sections.values():
            yield from sec.editors.values()
        for eds in self.model_editors.values():
            yield from eds.values()

    def editor(self, key: str) -> FieldEditor | None:
        """The editor of a dotted key (``optim.lr_g``, ``model.hidden[1]`` -> model.hidden)."""
        key = re.sub(r"\[\d+\]", "", key)
        section, _, name = key.partition(".")
        if section == "model":
            return self.model_editors[self.current_family()].get(name)
        sec = self.sections.get(section)
        return sec.editors.get(name) if sec else None

    def widget_for(self, key: str) -> QWidget | None:
        if re.sub(r"\[\d+\]", "", key) == "model.family":
            return self.family
        ed = self.editor(key)
        return ed.widget if ed else None

    def current_family(self) -> str:
        return self.family.currentData()

    # --- values -------------------------------------------------------------------------------------
    def values(self) -> dict:
        """The recipe dict the form shows (hidden fields left out, so they take defaults)."""
        fam = self.current_family()
        model = {"family": fam}
        model.update({n: ed.value() for n, ed in self.model_editors[fam].items()})
        d = {k: v for k, v in self._meta.items() if v}
        d["model"] = model
        for name, sec in self.sections.items():
            d[name] = sec.values()
        return d

    def set_values(self, d: dict) -> None:
        """Fill the form from a recipe dict (a parsed TOML file may be invalid: it is marked)."""
        self._loading = True
        try:
            self._meta = {k: str(d.get(k, "") or "") for k in self._meta}
            model = dict(d.get("model") or {})
            fam = model.get("family", "toy")
            i = self.family.findData(fam)
            self.family.setCurrentIndex(max(i, 0))
            for f, eds in self.model_editors.items():
                for name, ed in eds.items():
                    ed.set_value(model.get(name, ed.default) if f == fam else ed.default)
            for name, sec in self.sections.items():
                values = d.get(name) or {}
                for field_name, ed in sec.editors.items():
                    ed.set_value(values.get(field_name, ed.default))
        finally:
            self._loading = False
        self._edited()

    def recipe(self) -> Recipe | None:
        return self._recipe

    def error(self) -> str:
        return self._error

    @property
    def title(self) -> str:
        return self._meta["title"] or self._meta["name"]

    @property
    def description(self) -> str:
        return self._meta["description"]

    def set_editable(self, on: bool) -> None:
        """Lock the form while a run uses it."""
        for w in (self.data.box, self.family, self.model_stack, self.objective.box,
                  self.optim.box, self.train.box):
            w.setEnabled(on)

    # --- validation ------------------------------------------------------------------------------------
    def _update_visibility(self) -> None:
        fam = self.current_family()
        index = FAMILIES.index(fam)
        if self.model_stack.currentIndex() != index or not self._sized:
            # a stacked widget is as tall as its tallest page unless the hidden ones are ignored
            for i in range(self.model_stack.count()):
                page = self.model_stack.widget(i)
                policy = QSizePolicy.Preferred if i == index else QSizePolicy.Ignored
                page.setSizePolicy(policy, policy)
            self.model_stack.setCurrentIndex(index)
            self.model_stack.adjustSize()
            self._sized = True
        kind = self.data.editors["kind"].value()
        self.data.set_visible_fields(("kind",) + DATA_FIELDS.get(kind, ()))
        obj = self.objective.editors
        visible = set(obj)
        if fam != "stylegan":     # path length also applies to a toy with a mapping network
            mapping = fam == "toy" and str(self.model_editors["toy"]["mapping_layers"].value()) not in ("0", "")
            visible -= {"style_mixing"} if mapping else set(STYLE_ONLY)
        if obj["label_smoothing"].value() == "none":
            visible.discard("smoothing_amount")
        if str(obj["instance_noise"].value()) in ("0", "0.0", ""):
            visible.discard("instance_noise_anneal")
        augment = obj["augment"].value()
        if augment == "none" or kind == "toy":
            visible -= {"augment_ops", "augment_target", "augment_speed", "augment_p"}
        elif augment == "diffaugment":
            visible -= {"augment_target", "augment_speed", "augment_p"}
        if kind == "toy" and augment == "none":
            visible.discard("augment")
        for name, interval in (("r1", "r1_interval"), ("r2", "r2_interval")):
            if str(obj[name].value()) in ("0", "0.0", ""):
                visible.discard(interval)
        self.objective.set_visible_fields(visible)
        self.train.set_visible_fields(set(self.train.editors))
        self.optim.set_visible_fields(set(self.optim.editors))

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self._update_visibility()
        for ed in self._all_editors():
            ed.set_error(None)
        self._mark(self.family, None, self.tr(FAMILY_TIP))
        d = self.values()
        try:
            recipe = Recipe.from_dict(d)
            error, key = "", ""
        except ConfigError as e:
            recipe, error, key = None, str(e), e.key
        except (ValueError, TypeError) as e:
            recipe, error, key = None, str(e), ""
        self._recipe, self._error = recipe, error
        if key:
            widget = self.widget_for(key)
            ed = self.editor(key)
            if ed is not None:
                ed.set_error(error)
            elif widget is not None:
                self._mark(widget, error)
        self.error_label.setText(f"⚠ {error}" if error else "")
        self.error_label.setVisible(bool(error))
        self.changed.emit(recipe, error)
        if recipe is not None:
            self.data_changed.emit(d["data"], dict(recipe.model))

    @staticmethod
    def _mark(widget: QWidget, error: str | None, tooltip: str = "") -> None:
        widget.setProperty("invalid", bool(error))
        widget.setToolTip(f"⚠ {error}" if error else tooltip)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
