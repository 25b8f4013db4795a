"""Putting a recorded render request back into the Explorer's state (no widgets in here).

A sidecar (.json) or a PNG that GAN Studio wrote (its metadata, see
:mod:`ganstudio.core.image_record`) holds the request that made it.  For the main image (kind
"single": an exported image, a copied image, a capture of the view) the state it restores
renders the very same pixels: latents A, B and C with their direction edits, the style mixing
per ws row, truncation, noise, class and a StyleGAN3 model's input transform.  For a grid,
strip or mixing grid, its first source becomes A and the shared settings (truncation, noise,
class) are restored.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core import latent as L
from ...core.render import RenderRequest
from .state import SLOTS, ExplorerState


def schedule_for(state: ExplorerState, mix_rows) -> dict[int, int]:
    """The per-resolution mixing schedule whose ws rows are ``mix_rows`` (source per row).
    Raises ValueError when no schedule gives them (rows mixed inside one block)."""
    m = state.model
    if len(mix_rows) != m.num_ws:
        raise ValueError(QCoreApplication.translate("StateRestore", 
            "the recorded mixing covers {0} ws rows; this model has {1}").format(len(mix_rows), m.num_ws))
    later: set[int] = set()
    schedule: dict[int, int] = {}
    for res in reversed(m.block_resolutions):     # a row shared with the next block follows that block
        own = [r for r in m.rows_of(res) if r not in later] or list(m.rows_of(res))
        schedule[res] = int(mix_rows[own[0]])
        later.update(m.rows_of(res))
    if L.mixing_rows(m.G, schedule) != [int(s) for s in mix_rows]:
        raise ValueError(QCoreApplication.translate("StateRestore", 
            "the recorded style mixing mixes rows inside one block, which the Mixing table cannot show"))
    return schedule


def apply_request(state: ExplorerState, request: RenderRequest) -> int:
    """Restore ``request`` into ``state``; returns how many latents were put into A, B, C.
    Raises ValueError (with the reason) when the request does not fit the open model; the
    state is then unchanged."""
    m = state.model
    if state.model is None:
        raise ValueError(QCoreApplication.translate("StateRestore", "no model is open"))
    if request.class_index is not None and not request.class_index < max(1, m.c_dim):
        why = (QCoreApplication.translate("StateRestore", "it renders class {0}; this model has classes 0..{1}") if m.c_dim
               else QCoreApplication.translate("StateRestore", "it renders class {0}; this model has no classes"))
        raise ValueError(why.format(request.class_index, m.c_dim - 1))
    if request.cutoff is not None and not m.style:
        raise ValueError(QCoreApplication.translate("StateRestore", 
            "it truncates ws rows, and this model has no mapping network"))
    moves = getattr(state, "transform_supported", lambda: False)()
    if request.input_transform is not None and not request.input_transform.is_identity and not moves:
        raise ValueError(QCoreApplication.translate(
            "StateRestore", "it moves a StyleGAN3 model's input, and this model has no such input"))
    single = request.kind == "single"
    schedule = schedule_for(state, request.mix_rows) if single and request.mix_rows else None
    if request.kind == "strip" and request.path is not None:
        latents = [request.latents[i] for i in request.path.points][:len(SLOTS)]
    elif request.kind == "mix_grid":
        latents = [request.latents[request.mix_grid.rows[0]]]
    else:
        latents = list(request.latents[:len(SLOTS) if single else 1])
    for lat in latents:              # check every latent first: a misfit changes nothing
        state.check_latent(lat)
    if request.class_index is not None or m.c_dim:
        state.set_class(request.class_index)
    for slot, lat in zip(SLOTS, latents):
        state.set_latent(slot, lat)
    state.set_truncation(psi=request.psi, cutoff=request.cutoff)
    strength = {r: 1.0 for r in state.noise_strength}
    strength.update(dict(request.noise_strength))
    state.set_noise(mode=request.noise_mode, strength=strength, seed=request.noise_seed)
    if moves and (single or request.input_transform is not None):
        state.set_input_transform(request.input_transform)
    if single and m.style:
        if schedule is None:
            state.clear_mixing()
        else:
            state.set_schedule(schedule)
    return len(latents)
