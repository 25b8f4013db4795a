"""What the open model is: family, where it came from, resolution, classes, z and w sizes, the
groups of style rows, noise inputs, steps trained, recipe; plus Open…, recent files and a note
that files can be dropped onto the panel."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .model_view import ModelView, family_description
from .widgets import flow, group, note


LAYOUT_TEXTS = {"radford": QT_TRANSLATE_NOOP("ModelInfo", ", Radford's layout (transposed convolutions)"),
                "course": QT_TRANSLATE_NOOP("ModelInfo",
                                            ", the course's layout (nearest upsampling + 3×3 convolutions)")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelInfo", text)


def describe_model(info: dict, G=None) -> list[tuple[str, str]]:
    """(label, value) rows for display, in the user's language."""
    fam = str(info.get("family", "?"))
    res = info.get("resolution")
    ch = info.get("channels")
    layout = LAYOUT_TEXTS.get(info.get("layout"))
    rows = [(QT_TRANSLATE_NOOP("ModelInfo", "Family"), family_description(fam) + (_tr(layout) if layout else ""))]
    if info.get("origin"):
        rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Origin"), str(info["origin"])))
    if res:
        colour = (", " + (QCoreApplication.translate("ModelInfo", "grey") if ch == 1 else "RGB")) if ch else ""
        rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Resolution"), f"{res}×{res}{colour}"))
    if info.get("classes"):
        rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Classes"), QCoreApplication.translate(
            "ModelInfo", "{0} (class-conditional; pick one in the Latent tab)").format(int(info["classes"]))))
    rows.append((QT_TRANSLATE_NOOP("ModelInfo", "z size"), str(info.get("z_dim", getattr(G, "z_dim", "?")))))
    m = ModelView.from_generator(G, info) if G is not None and getattr(G, "z_dim", None) else None
    if m is not None and m.style:
        rows.append((QT_TRANSLATE_NOOP("ModelInfo", "w size"),
                     QCoreApplication.translate("ModelInfo", "{0} × {1} style rows").format(m.w_dim, m.num_ws)))
        if m.by_rate:
            rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Sampling rates"), ", ".join(map(str, m.block_resolutions))))
            rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Layers"), ", ".join(m.layer_names)))
        else:
            rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Blocks"),
                         ", ".join(m.group_text(r) for r in m.block_resolutions)))
        rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Noise inputs"),
                     QCoreApplication.translate("ModelInfo", "yes (per-pixel, every layer)") if m.has_noise
                     else QCoreApplication.translate("ModelInfo", "none")))
    step = int(info.get("step") or 0)
    rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Steps trained"),
                 QCoreApplication.translate("ModelInfo", "— (a network pickle does not record it)")
                 if info.get("origin") and not step else f"{step:,}"))
    recipe = info.get("recipe")   # a shipped recipe's title is translated in app_ja.ts ("Recipe")
    rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Recipe"),
                 QCoreApplication.translate("Recipe", str(recipe)) if recipe else "—"))
    if G is not None:
        rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Parameters"), f"{sum(p.numel() for p in G.parameters()):,}"))
    src = info.get("file") or info.get("source") or "—"
    rows.append((QT_TRANSLATE_NOOP("ModelInfo", "Source"), str(src)))
    if info.get("sha256"):
        rows.append(("sha256", str(info["sha256"])[:12]))
    return [(_tr(label), value) for label, value in rows]


class ModelInfo(QWidget):
    open_requested = Signal()

    def __init__(self, recent_button: QPushButton, parent=None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(14)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)   # labels above values when narrow
        self.open_btn = QPushButton(self.tr("Open checkpoint…"))
        self.open_btn.clicked.connect(self.open_requested)
        self.empty = note(self.tr("No model open. Open a checkpoint (.pt), an official StyleGAN2-ADA / StyleGAN3 "
                                  "network pickle (.pkl) or a run directory — its newest checkpoint is used — or "
                                  "drop one onto the Explorer."))
        box = QWidget()
        box.setLayout(self.form)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(group(self.tr("Model"), self.empty, box))
        lay.addWidget(group(self.tr("Open"), flow(self.open_btn, recent_button),
                            note(self.tr("Tip: drag a checkpoint, a .pkl or a run folder onto the image."))))
        lay.addStretch(1)

    def show_model(self, info: dict | None, G=None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.empty.setVisible(info is None)
        if info is None:
            return
        for label, value in describe_model(info, G):
            v = QLabel(value)
            v.setWordWrap(True)
            v.setToolTip(value)
            self.form.addRow(f"<b>{label}</b>", v)
