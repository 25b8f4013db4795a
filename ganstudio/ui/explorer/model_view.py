"""What the Explorer knows about the open generator (no widgets in here): its sizes, its classes,
whether it has noise inputs, and how its rows of ws group for style mixing — by block
resolution (StyleGAN2) or by sampling rate (StyleGAN3) — with the texts the sections show."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...core.nets import has_mapping

FAMILY_NAMES = {"stylegan": "StyleGAN2", "nvlabs-stylegan2": QT_TRANSLATE_NOOP("ModelView", "StyleGAN2 (official)"),
                "nvlabs-stylegan3": QT_TRANSLATE_NOOP("ModelView", "StyleGAN3 (official)"), "dcgan": "DCGAN",
                "mlp": "MLP", "toy": QT_TRANSLATE_NOOP("ModelView", "toy")}
FAMILY_DESCRIPTIONS = {   # the Model tab's longer names
    "stylegan": QT_TRANSLATE_NOOP("ModelView", "StyleGAN2 (mapping + synthesis)"),
    "nvlabs-stylegan2": QT_TRANSLATE_NOOP("ModelView",
                                          "StyleGAN2-ADA, official NVlabs network (mapping + synthesis)"),
    "nvlabs-stylegan3": QT_TRANSLATE_NOOP("ModelView",
                                          "StyleGAN3, official NVlabs alias-free network (mapping + synthesis)"),
    "dcgan": "DCGAN", "mlp": QT_TRANSLATE_NOOP("ModelView", "MLP (vanilla GAN)"),
    "toy": QT_TRANSLATE_NOOP("ModelView", "toy 1-D / 2-D")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelView", text)


def family_description(family: str) -> str:
    """The Model tab's longer name of a family (the family's key when unknown)."""
    return _tr(FAMILY_DESCRIPTIONS[family]) if family in FAMILY_DESCRIPTIONS else family


def rows_text(rows: Iterable[int]) -> str:
    """Row numbers as ranges: [0, 1, 2, 5] -> "0–2, 5"."""
    rows = sorted(set(rows))
    runs: list[list[int]] = []
    for r in rows:
        if runs and r == runs[-1][1] + 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


@dataclass
class ModelView:
    """What the Explorer knows about the open generator."""

    G: object
    info: dict
    family: str
    style: bool
    z_dim: int
    w_dim: int = 0
    num_ws: int = 0
    block_resolutions: tuple[int, ...] = ()   # mixing groups: resolutions, or sampling rates
    key: str = "unsaved"          # bookmarks are kept per key (the checkpoint's sha256)
    c_dim: int = 0                # classes of a conditional model; 0 = unconditional
    has_noise: bool = False       # per-pixel noise inputs (StyleGAN2: yes; StyleGAN3, DCGAN: no)
    by_rate: bool = False         # the groups are sampling rates (StyleGAN3), not block resolutions
    layer_names: tuple[str, ...] = ()   # the layer each row of ws drives, when G names them

    @classmethod
    def from_generator(cls, G, info: dict) -> "ModelView":
        style = has_mapping(G)
        family = str(info.get("family") or getattr(G, "config", {}).get("family", "?"))
        key = info.get("sha256_full") or info.get("sha256") or info.get("run_dir") or f"live-{family}"
        names = tuple(G.layer_names()) if style and callable(getattr(G, "layer_names", None)) else ()
        return cls(G, dict(info), family, style, int(G.z_dim),
                   int(getattr(G, "w_dim", 0)) if style else 0,
                   int(getattr(G, "num_ws", 0)) if style else 0,
                   tuple(getattr(G, "block_resolutions", ())) if style else (), str(key),
                   c_dim=int(getattr(G, "c_dim", 0) or 0),
                   has_noise=bool(getattr(G, "has_noise", style)),
                   by_rate=style and callable(getattr(G, "ws_layers", None)),
                   layer_names=names)

    @property
    def family_name(self) -> str:
        return _tr(FAMILY_NAMES[self.family]) if self.family in FAMILY_NAMES else self.family

    @property
    def group_heading(self) -> str:
        """What a mixing group is: "Sampling rate" (StyleGAN3) or "Resolution"."""
        return (QCoreApplication.translate("ModelView", "Sampling rate") if self.by_rate
                else QCoreApplication.translate("ModelView", "Resolution"))

    def rows_of(self, res: int) -> list[int]:
        return list(self.G.ws_rows(res))

    def group_text(self, res: int) -> str:
        """A group in running text: "16²" (a block's resolution) or "rate 16"."""
        return QCoreApplication.translate("ModelView", "rate {0}").format(res) if self.by_rate else f"{res}²"

    def group_cell(self, res: int) -> str:
        """A group in the mixing table's first column (under :attr:`group_heading`)."""
        return str(res) if self.by_rate else f"{res}×{res}"

    def group_tooltip(self, res: int) -> str:
        rows = self.rows_of(res)
        if self.by_rate:
            names = ", ".join(self.layer_names[r] for r in rows if r < len(self.layer_names))
            return QCoreApplication.translate(
                "ModelView", "Layers sampled at {0} samples across the image (ws rows {1}): {2}").format(
                res, rows_text(rows), names)
        return QCoreApplication.translate("ModelView", "The {0}×{0} block (ws rows {1})").format(res, rows_text(rows))

    def groups_of(self, rows: Iterable[int]) -> list[int]:
        """The groups (resolutions / rates) that any of ``rows`` feeds, coarse to fine."""
        rows = set(rows)
        return [r for r in self.block_resolutions if rows & set(self.rows_of(r))]

    def row_label(self, row: int) -> str:
        groups = ", ".join(self.group_text(r) for r in self.groups_of([row]))
        if row < len(self.layer_names):
            return QCoreApplication.translate("ModelView", "row {0} · {1} ({2})").format(
                row, self.layer_names[row], groups)
        return QCoreApplication.translate("ModelView", "row {0} · {1}").format(row, groups)
