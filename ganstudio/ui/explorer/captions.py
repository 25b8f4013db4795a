"""Captions of the Explorer's views (what is shown, how it was made, how long it took)."""
from __future__ import annotations

import numpy as np

from .state import ExplorerState


def main_caption(state: ExplorerState, result) -> str:
    """The line under the main image: which latent, class, psi, mixing, render time."""
    a = state.a
    what = f"seed {a.seed}" if a.seed is not None else "loaded latent"
    if a.space != "z" or not np.array_equal(a.values, a.base) or state.coeffs.any():
        what += f" (edited in {a.space})"
    mix = " · mixed" if state.mix_rows() else ""
    cls = f" · class {state.class_index}" if state.model.c_dim else ""
    return f"A: {what}{cls} · ψ {state.psi:.2f}{mix} · {result.ms:.1f} ms"


def strip_title(state: ExplorerState, result=None) -> str:
    """The strip's heading: what it shows and how long it took."""
    st, m = state.strip, state.model
    if st.kind == "gallery":
        rows, cols = st.gallery_shape
        t = f"Gallery: {rows * cols} random seeds · click one to make it A"
    elif st.kind == "interp":
        names = [k.upper() if len(k) == 1 else "★" + k[3:] for k in st.points]
        t = f"Interpolation {' → '.join(names)} · {st.frames} frames · {st.mode} in {st.space if m.style else 'z'}"
    elif st.kind == "sweep":
        what = "direction" if st.sweep_target == "direction" else f"{state.a.space} dimension"
        t = f"Sweep of {what} #{st.sweep_index} from {st.sweep_lo:g} to {st.sweep_hi:g} · {st.sweep_steps} steps"
    elif st.kind == "motion":
        mo, res = state.motion, m.info.get("resolution") or 0
        t = f"Motion of A's input · {mo.frames} frames · moves {mo.x * res:g}, {mo.y * res:g} px · {mo.turns:g} turns"
    elif st.kind == "mix_grid":
        t = (f"Mixing grid: rows {st.mix_rows_seeds} take the {st.mix_styles} styles of columns "
             f"{st.mix_cols_seeds}")
    else:
        t = f"Stochastic variation: A with {st.variation} noise draws · last tile = where they differ"
    return t + (f" · {result.ms:.0f} ms" if result is not None else "")
