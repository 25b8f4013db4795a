"""Captions of the Explorer's views (what is shown, how it was made, how long it took)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .state import ExplorerState


def _tr(text: str) -> str:
    return QCoreApplication.translate("Captions", text)


MIX_STYLES = {"coarse": QT_TRANSLATE_NOOP("Captions", "coarse"), "middle": QT_TRANSLATE_NOOP("Captions", "middle"),
              "fine": QT_TRANSLATE_NOOP("Captions", "fine"),
              "table": QT_TRANSLATE_NOOP("Captions", "table")}   # the mixing grid's styles, in a title
MODES = {"slerp": QT_TRANSLATE_NOOP("Captions", "slerp"), "lerp": QT_TRANSLATE_NOOP("Captions", "lerp")}


def main_caption(state: ExplorerState, result) -> str:
    """The line under the main image: which latent, class, psi, mixing, render time."""
    a = state.a
    what = (QCoreApplication.translate("Captions", "seed {0}").format(a.seed) if a.seed is not None
            else QCoreApplication.translate("Captions", "loaded latent"))
    if a.space != "z" or not np.array_equal(a.values, a.base) or state.coeffs.any():
        what += QCoreApplication.translate("Captions", " (edited in {0})").format(a.space)
    mix = QCoreApplication.translate("Captions", " · mixed") if state.mix_rows() else ""
    cls = (QCoreApplication.translate("Captions", " · class {0}").format(state.class_index)
           if state.model.c_dim else "")
    return f"A: {what}{cls} · ψ {state.psi:.2f}{mix}{_moved(state)} · {result.ms:.1f} ms"


def _moved(state: ExplorerState) -> str:
    """StyleGAN3: how the input is moved and turned ("" when it is not)."""
    t = state.shown_transform()
    if t is None or (t.is_identity and not t.untransform):
        return ""
    res = state.model.info.get("resolution") or 0
    text = QCoreApplication.translate("Captions", " · input moved {0:g}, {1:g} px, turned {2:g}°").format(
        round(t.x * res, 2), round(t.y * res, 2), round(t.angle, 1))
    return text + (QCoreApplication.translate("Captions", ", untransformed") if t.untransform else "")


def strip_title(state: ExplorerState, result=None) -> str:
    """The strip's heading: what it shows and how long it took."""
    st, m = state.strip, state.model
    if st.kind == "gallery" and state.labelling is not None:
        rows, cols = st.gallery_shape
        t = QCoreApplication.translate("Captions", "Gallery: {0} random seeds · labelling “{1}”: {2}").format(
            rows * cols, state.labelling.name or "?", state.labelling.how)
    elif st.kind == "gallery":
        rows, cols = st.gallery_shape
        t = QCoreApplication.translate("Captions", "Gallery: {0} random seeds · click one to make it A")
        t = t.format(rows * cols)
    elif st.kind == "interp":
        names = [k.upper() if len(k) == 1 else "★" + k[3:] for k in st.points]
        t = QCoreApplication.translate("Captions", "Interpolation {0} · {1} frames · {2} in {3}").format(
            " → ".join(names), st.frames, _tr(MODES.get(st.mode, st.mode)), st.space if m.style else "z")
    elif st.kind == "sweep" and st.sweep_target == "named":
        name = next((d.name for d in state.named if d.name == st.sweep_name),
                    state.named[0].name if state.named else "?")
        t = QCoreApplication.translate("Captions", "Sweep along “{0}” from {1:g} to {2:g} σ · {3} steps").format(
            name, st.sweep_lo, st.sweep_hi, st.sweep_steps)
    elif st.kind == "sweep":
        what = (QCoreApplication.translate("Captions", "direction") if st.sweep_target == "direction"
                else QCoreApplication.translate("Captions", "{0} dimension").format(state.a.space))
        t = QCoreApplication.translate("Captions", "Sweep of {0} #{1} from {2:g} to {3:g} · {4} steps").format(
            what, st.sweep_index, st.sweep_lo, st.sweep_hi, st.sweep_steps)
    elif st.kind == "motion":
        mo = state.motion
        t = QCoreApplication.translate("Captions", "Motion of A's input · {0} frames · moves {1:g}, {2:g} px · "
                                                   "{3:g} turns").format(
            mo.frames, mo.x * (m.info.get("resolution") or 0), mo.y * (m.info.get("resolution") or 0), mo.turns)
    elif st.kind == "mix_grid":
        t = QCoreApplication.translate("Captions", "Mixing grid: rows {0} take the {1} styles of columns {2}")
        t = t.format(st.mix_rows_seeds, _tr(MIX_STYLES.get(st.mix_styles, st.mix_styles)), st.mix_cols_seeds)
    else:
        t = QCoreApplication.translate(
            "Captions", "Stochastic variation: A with {0} noise draws · last tile = where they differ")
        t = t.format(st.variation)
    return t + (f" · {result.ms:.0f} ms" if result is not None else "")
