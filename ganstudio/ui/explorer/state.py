"""The Explorer's state: the single source of truth behind its widgets (no widgets in here;
Qt only translates its messages).

Widgets read the state and change it only through its setters; every setter announces what it
changed as typed events (:class:`~.state_events.Change`) to the listeners.  The state builds
the immutable render requests (with the core's builders, :mod:`ganstudio.core.requests`) and
records the main requests it sent, so that a rendered w comes back to it (:meth:`main_rendered`);
it never runs the generator (the render worker does).
"""
from __future__ import annotations

import random
from dataclasses import fields, replace
from typing import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...core import latent as L
from ...core import requests as R
from ...core.input_transform import InputTransform, MotionSpec
from ...core.layer_capture import LayerCapture
from ...core.render import Latent, RenderRequest, SweepSpec
from .model_view import ModelView
from .records import GALLERY_SHAPES, STRIP_KINDS, LatentSlot, StripSettings
from .state_directions import NamedDirectionsState
from .state_events import Change
from .state_inside import InsideTheNetwork

SLOTS = ("a", "b", "c")


class ExplorerState(InsideTheNetwork, NamedDirectionsState):
    def __init__(self):
        self.model: ModelView | None = None
        self._listeners: list[Callable[[frozenset[Change]], None]] = []
        self.slots: dict[str, LatentSlot] = {}
        self.psi, self.cutoff = 1.0, None
        self.class_index = 0                    # conditional models: the class every render uses
        self.noise_mode, self.noise_seed = "const", 0
        self.noise_strength: dict[int, float] = {}
        self.schedule: dict[int, int] = {}
        self.directions: L.Directions | None = None
        self.named = []                         # named directions (state_directions.py)
        self.coeffs = np.zeros(0, np.float32)   # PCA / SeFa, then named (direction_basis)
        self.direction_rows: tuple[int, int] = (0, 0)
        self.strip = StripSettings()
        self.bookmarks: list[dict] = []         # {"name": str, "latent": Latent-dict}
        self.input_transform: InputTransform | None = None   # StyleGAN3: move / turn the input
        self.motion = MotionSpec(frames=24, turns=1.0)       # its animation (strip, play)
        self.motion_frame: int | None = None    # playing: the frame of the motion A shows
        self.layer_capture: LayerCapture | None = None       # the Layers tab's choice
        self._undo: list[tuple[LatentSlot, np.ndarray]] = []
        self._redo: list[tuple[LatentSlot, np.ndarray]] = []
        self._sent: dict[int, RenderRequest] = {}   # main requests on their way to the render thread
        self.shown_request: RenderRequest | None = None   # the request of the main image on screen
        self.rendered_w: np.ndarray | None = None  # A's ws [num_ws, w_dim] in shown_request, unedited

    # --- events -----------------------------------------------------------------------------------
    def subscribe(self, fn: Callable[[frozenset[Change]], None]) -> None:
        """Call ``fn(changes)`` after every change of the state."""
        self._listeners.append(fn)

    def _emit(self, *changes: Change) -> None:
        """Tell the listeners what changed (only the state's own setters call this)."""
        changed = frozenset(changes)
        for fn in list(self._listeners):
            fn(changed)

    # --- model ------------------------------------------------------------------------------------
    def set_model(self, model: ModelView) -> None:
        seed = self.slots["a"].seed if self.slots.get("a") and self.slots["a"].seed is not None else 0
        self.model = model
        self.slots = {name: LatentSlot.from_seed(seed + i, model.z_dim) for i, name in enumerate(SLOTS)}
        self.cutoff = None
        self.class_index = 0
        self.noise_strength = {r: 1.0 for r in model.block_resolutions} if model.has_noise else {}
        self.schedule = {r: 0 for r in model.block_resolutions}
        self.directions, self.coeffs, self.named = None, np.zeros(0, np.float32), []
        self.direction_rows = (0, model.num_ws)
        if (not model.style and self.strip.kind == "mix_grid") or \
                (not model.has_noise and self.strip.kind == "variation"):
            self.strip.kind = "interp"
        if not model.style:
            self.strip.space = "z"
            if self.strip.sweep_target in ("direction", "named"):
                self.strip.sweep_target = "dimension"
        self.strip.kind = "gallery"     # a new model opens on a gallery of its own, not an old sweep
        self.strip.sweep_index = min(self.strip.sweep_index, model.z_dim - 1)
        self.strip.points = [p for p in self.strip.points if not p.startswith("bm:")] or ["a", "b"]
        self.bookmarks = []
        self.input_transform, self.motion_frame, self.layer_capture = None, None, None
        self.motion = MotionSpec(self.motion.frames, turns=self.motion.turns)   # px moves are per model
        if self.strip.kind == "motion" and not self.transform_supported():
            self.strip.kind = "interp"
        self.shuffle_gallery(emit=False)
        self._undo, self._redo = [self._snapshot()], []
        self._sent, self.shown_request, self.rendered_w = {}, None, None
        self._emit(Change.MODEL, Change.A, Change.B, Change.C, Change.CLASS, Change.TRUNCATION, Change.NOISE,
                   Change.MIXING, Change.DIRECTIONS, Change.STRIP, Change.HISTORY)

    @property
    def a(self) -> LatentSlot:
        return self.slots["a"]

    # --- latents ----------------------------------------------------------------------------------
    def set_seed(self, slot: str, seed: int) -> None:
        seed = int(seed) % (2 ** 32)
        cur = self.slots[slot]
        if cur.seed == seed and cur.space == "z" and np.array_equal(cur.values, cur.base):
            return
        new = LatentSlot.from_seed(seed, self.model.z_dim)
        if slot == "a":
            new.fixed_offset = None
        self.slots[slot] = new
        self._changed(slot, commit=True)

    def shuffle_gallery(self, rng: random.Random | None = None, emit: bool = True) -> list[int]:
        """Draw fresh random seeds for the gallery (enough for the largest shape)."""
        rng = rng or random.Random()
        n = max(r * c for r, c in GALLERY_SHAPES)
        self.strip.gallery_seeds = [rng.randrange(2 ** 31) for _ in range(n)]
        if emit:
            self._emit(Change.STRIP)
        return self.strip.gallery_seeds

    def set_strip(self, **changes) -> None:
        """Change what the strip shows: fields of :class:`~.records.StripSettings` (e.g.
        ``kind="interp", points=["a", "b"]``).  Announced even when nothing changed, so that
        showing the strip again retries one that could not be rendered."""
        known = {f.name for f in fields(StripSettings)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"StripSettings has no field(s) {sorted(unknown)}")
        if changes.get("kind", self.strip.kind) not in STRIP_KINDS:
            raise ValueError(f"the strip shows one of {STRIP_KINDS}, not {changes['kind']!r}")
        self.strip = replace(self.strip, **changes)
        self._emit(Change.STRIP)

    def gallery_seed(self, index: int) -> int | None:
        """The seed of gallery tile ``index`` (row-major), or None outside the gallery."""
        rows, cols = self.strip.gallery_shape
        seeds = self.strip.gallery_seeds
        return seeds[index] if 0 <= index < min(rows * cols, len(seeds)) else None

    def randomize(self, slot: str) -> int:
        seed = random.randrange(2 ** 31)
        self.set_seed(slot, seed)
        return seed

    def set_value(self, index: int, value: float, row: int = 0, commit: bool = False) -> None:
        """Set one dimension of A (for w+: of ws row ``row``). commit=False while dragging."""
        a = self.a
        if a.space == "w+":
            a.values[row, index] = value
        else:
            a.values[index] = value
        if a.space == "z":
            a.z = a.values.copy()
        self._changed("a", commit=commit)

    def reset_value(self, index: int, row: int = 0) -> None:
        a = self.a
        if a.space == "w+":
            a.values[row, index] = a.base[row, index]
        else:
            a.values[index] = a.base[index]
        self._changed("a", commit=True)

    def reset_latent(self) -> None:
        self.a.values = self.a.base.copy()
        self._changed("a", commit=True)

    def set_space(self, space: str) -> bool:
        """Edit A in another space.  Going from z to w or w+ takes A's ws from the main image
        rendered of A as it is now (:meth:`main_rendered`); returns False when there is none
        yet, or when A has no z to go back to."""
        a = self.a
        mapped_w = self._rendered_w_of_a()
        if space == a.space:
            return True
        if space == "z":
            if a.z is None:
                return False
            values = a.z.copy()
        elif space == "w":
            if a.space == "w+":
                values = a.values.mean(axis=0)
            elif mapped_w is None:
                return False
            else:
                values = np.asarray(mapped_w, np.float32)[0].copy()
        else:  # w+
            if a.space == "w":
                values = np.repeat(a.values[None], self.model.num_ws, axis=0)
            elif mapped_w is None:
                return False
            else:
                values = np.asarray(mapped_w, np.float32).copy()
        self.slots["a"] = LatentSlot(a.seed, space, values, values.copy(), a.z, a.fixed_offset)
        self._changed("a", commit=True)
        return True

    def _rendered_w_of_a(self) -> np.ndarray | None:
        """A's unedited ws from the main image on screen, when that image is of A as it is now."""
        req, a = self.shown_request, self.a
        if self.rendered_w is None or req is None:
            return None
        shown = req.latents[0]
        same = (shown.space == a.space and shown.values.shape == a.values.shape
                and np.array_equal(shown.values, a.values))
        return self.rendered_w if same else None

    def check_latent(self, lat: Latent) -> None:
        """Raise ValueError (saying why) when ``lat`` is not a latent of the open model."""
        if not self.model.style and (lat.space != "z" or lat.offset is not None):
            raise ValueError(QCoreApplication.translate("ExplorerState", "this {0} model takes z only (no mapping network)").format(
                self.model.family_name))
        size = {"z": (self.model.z_dim,), "w": (self.model.w_dim,),
                "w+": (self.model.num_ws, self.model.w_dim)}[lat.space]
        if lat.values.shape != size:
            raise ValueError(QCoreApplication.translate("ExplorerState", "the saved {0} latent has shape {1}; this model needs {2}").format(
                lat.space, lat.values.shape, size))
        if lat.offset is not None and lat.offset.shape != (self.model.num_ws, self.model.w_dim):
            raise ValueError(QCoreApplication.translate("ExplorerState", "the saved direction edit has shape {0}; this model needs {1}").format(
                lat.offset.shape, (self.model.num_ws, self.model.w_dim)))

    def set_latent(self, slot: str, lat: Latent) -> None:
        """Put a saved latent (bookmark, .npy, sidecar) into a slot."""
        self.check_latent(lat)
        values = np.array(lat.values, np.float32)
        z = values.copy() if lat.space == "z" else None
        off = None if lat.offset is None else np.array(lat.offset, np.float32)
        self.slots[slot] = LatentSlot(lat.seed, lat.space, values, values.copy(), z, off)
        if slot == "a":
            self.coeffs = np.zeros_like(self.coeffs)
            self._emit(Change.DIRECTIONS)
        self._changed(slot, commit=True)

    def latent(self, slot: str) -> Latent:
        s = self.slots[slot]
        off = self.offset() if slot == "a" else None
        if s.fixed_offset is not None:
            off = s.fixed_offset if off is None else off + s.fixed_offset
        return Latent(s.space, s.values, off, s.seed)

    def _changed(self, slot: str, commit: bool) -> None:
        if commit and slot == "a":
            self.commit()
        self._emit(Change.of_slot(slot))

    # --- undo / redo of latent A (values and direction edits) ------------------------------------
    def _snapshot(self) -> tuple[LatentSlot, np.ndarray]:
        return self.a.copy(), self.coeffs.copy()

    def _is_current(self, snap) -> bool:
        return snap[0].same_as(self.a) and snap[1].shape == self.coeffs.shape and np.array_equal(snap[1], self.coeffs)

    def _restore(self, snap) -> None:
        self.slots["a"] = snap[0].copy()
        if snap[1].shape == self.coeffs.shape:
            self.coeffs = snap[1].copy()
        self._emit(Change.A, Change.DIRECTIONS, Change.HISTORY)

    def commit(self) -> None:
        """Record A as an undo step (called when an edit is finished, e.g. a slider released)."""
        if not self._undo or not self._is_current(self._undo[-1]):
            self._undo.append(self._snapshot())
            del self._undo[:-200]
            self._redo.clear()
            self._emit(Change.HISTORY)

    def can_undo(self) -> bool:
        return len(self._undo) > 1 or (bool(self._undo) and not self._is_current(self._undo[-1]))

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> None:
        self.commit()
        if len(self._undo) > 1:
            self._redo.append(self._undo.pop())
            self._restore(self._undo[-1])

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self._redo.pop())
            self._restore(self._undo[-1])

    # --- class, truncation and noise -------------------------------------------------------------
    def set_class(self, index: int | None) -> None:
        """The class of a conditional model (None = class 0); every render and export uses it."""
        k = int(index or 0)
        if not 0 <= k < max(1, self.model.c_dim):
            raise ValueError((QCoreApplication.translate("ExplorerState", "class {0} does not exist: this model has classes 0..{1}")
                              if self.model.c_dim else
                              QCoreApplication.translate("ExplorerState", "class {0} does not exist: this model has no classes"))
                             .format(k, self.model.c_dim - 1))
        if k != self.class_index:
            self.class_index = k
            self._emit(Change.CLASS)

    def set_truncation(self, psi: float | None = None, cutoff: int | None | str = "keep") -> None:
        if psi is not None:
            self.psi = float(psi)
        if cutoff != "keep":
            self.cutoff = None if cutoff is None or cutoff >= self.model.num_ws else int(cutoff)
        self._emit(Change.TRUNCATION)

    def set_noise(self, mode: str | None = None, strength: dict[int, float] | None = None,
                  seed: int | None = None) -> None:
        if mode is not None:
            self.noise_mode = mode
        if seed is not None:
            self.noise_seed = int(seed)
        if strength:
            self.noise_strength.update({int(r): float(v) for r, v in strength.items()})
        self._emit(Change.NOISE)

    def reroll_noise(self) -> None:
        self.noise_seed = random.randrange(2 ** 31)
        if self.noise_mode != "random":
            self.noise_mode = "random"
        self._emit(Change.NOISE)

    # --- style mixing -----------------------------------------------------------------------------
    def set_mix_source(self, res: int, source: int) -> None:
        self.schedule[int(res)] = int(source)
        self._emit(Change.MIXING)

    def apply_preset(self, preset: str, source: int = 1) -> None:
        chosen = set(L.preset_resolutions(self.model.block_resolutions, preset))
        self.schedule = {r: (source if r in chosen else 0) for r in self.model.block_resolutions}
        self._emit(Change.MIXING)

    def clear_mixing(self) -> None:
        self.schedule = {r: 0 for r in self.model.block_resolutions}
        self._emit(Change.MIXING)

    def set_schedule(self, schedule: dict[int, int]) -> None:
        """The whole mixing schedule at once: block resolution -> source (0 = A, 1 = B, 2 = C)."""
        self.schedule = {int(r): int(schedule.get(r, 0)) for r in self.model.block_resolutions}
        self._emit(Change.MIXING)

    def mix_rows(self) -> tuple[int, ...] | None:
        if not self.model.style or not any(self.schedule.values()):
            return None
        return tuple(L.mixing_rows(self.model.G, self.schedule))

    # --- directions (GANSpace PCA / SeFa) --------------------------------------------------------
    def set_directions(self, directions: L.Directions | None) -> None:
        had_edit = self.offset() is not None
        named = self.coeffs[self.pca_count():]      # named directions keep their values
        self.directions = directions
        self.coeffs = np.concatenate([np.zeros(self.pca_count(), np.float32), named])
        # Earlier undo steps had no (or other) directions: they mean "no direction edit".
        fix = lambda snap: snap if snap[1].shape == self.coeffs.shape else (snap[0], self.coeffs.copy())  # noqa: E731
        self._undo, self._redo = [fix(s) for s in self._undo], [fix(s) for s in self._redo]
        self._emit(Change.DIRECTIONS, Change.A) if had_edit else self._emit(Change.DIRECTIONS)

    def set_coeff(self, k: int, value: float, commit: bool = False) -> None:
        self.coeffs[k] = value
        if commit:
            self.commit()
        self._emit(Change.DIRECTIONS, Change.A)

    def set_direction_rows(self, start: int, end: int) -> None:
        self.direction_rows = (int(start), int(end))
        self._emit(Change.DIRECTIONS, Change.A)

    def reset_coeffs(self) -> None:
        self.coeffs[:] = 0
        self.commit()
        self._emit(Change.DIRECTIONS, Change.A)

    def offset(self) -> np.ndarray | None:
        """The direction edit of A as a ws offset [num_ws, w_dim], or None without one."""
        comps, scales = self.direction_basis()
        if not len(comps) or not self.coeffs.any():
            return None
        vec = (self.coeffs[:, None] * scales[:, None] * comps).sum(0)
        off = np.zeros((self.model.num_ws, self.model.w_dim), np.float32)
        start, end = self.direction_rows
        off[start:end] = vec
        return off

    # --- bookmarks --------------------------------------------------------------------------------
    def set_bookmarks(self, bookmarks: list[dict]) -> None:
        """The open model's bookmarks ({"name": str, "latent": Latent-dict, ...}), e.g. as loaded."""
        self.bookmarks = [dict(bm) for bm in bookmarks]
        self._emit(Change.BOOKMARKS)

    def add_bookmark(self, bookmark: dict) -> None:
        self.bookmarks = self.bookmarks + [dict(bookmark)]
        self._emit(Change.BOOKMARKS)

    def rename_bookmark(self, name: str, new_name: str) -> None:
        self.bookmarks = [dict(bm, name=new_name) if bm["name"] == name else bm for bm in self.bookmarks]
        self._emit(Change.BOOKMARKS)

    def remove_bookmark(self, name: str) -> None:
        self.bookmarks = [bm for bm in self.bookmarks if bm["name"] != name]
        self._emit(Change.BOOKMARKS)

    # --- requests ---------------------------------------------------------------------------------
    def common(self) -> dict:
        strength = tuple((r, v) for r, v in sorted(self.noise_strength.items()) if v != 1.0)
        kw = dict(psi=self.psi, cutoff=self.cutoff if self.model.style else None,
                  noise_mode=self.noise_mode, noise_seed=self.noise_seed, noise_strength=strength)
        if self.model.c_dim:
            kw["class_index"] = self.class_index
        return kw

    def main_request(self, request_id: int = 0, upscale: int = 1) -> RenderRequest:
        rows = self.mix_rows()
        lats = tuple(self.latent(s) for s in SLOTS) if rows else (self.latent("a"),)
        return R.image_request(lats, rows, request_id=request_id, upscale=upscale,
                               input_transform=self.shown_transform(), **self.common())

    def sources_request(self) -> RenderRequest:
        """B and C side by side, as the Mixing tab shows them."""
        return R.grid_request((self.latent("b"), self.latent("c")), 1, 2, padding=0, **self.common())

    def send_main(self, request_id: int) -> RenderRequest:
        """The main image's request, remembered until its result comes back (:meth:`main_rendered`)."""
        request = self.main_request(request_id)
        self._sent[request_id] = request
        return request

    def main_rendered(self, result) -> RenderRequest | None:
        """The main image of a request from :meth:`send_main` was rendered (a RenderResult
        without error): it becomes ``shown_request``, and its ws (without A's direction edit)
        are what :meth:`set_space` goes from.  Returns the request (None if not sent here)."""
        request = self._sent.pop(result.request_id, None)
        self._sent = {k: v for k, v in self._sent.items() if k > result.request_id}   # older ones never show
        self.shown_request = request
        if result.w is not None and request is not None:
            off = request.latents[0].offset
            self.rendered_w = result.w - off if off is not None else result.w
        return request

    def point_latent(self, key: str) -> Latent:
        if key in SLOTS:
            return self.latent(key)
        name = key[3:]
        for bm in self.bookmarks:
            if bm["name"] == name:
                return Latent.from_dict(bm["latent"])
        raise KeyError(QCoreApplication.translate("ExplorerState", "no bookmark named “{0}”").format(name))

    def strip_request(self, request_id: int = 0, padding: int = 2, upscale: int = 1) -> RenderRequest:
        """What the strip shows, built by the core's builders as ``ganstudio export`` builds it."""
        st, m = self.strip, self.model
        common = dict(self.common(), request_id=request_id, padding=padding, upscale=upscale)
        if st.kind == "gallery":
            rows, cols = st.gallery_shape
            if len(st.gallery_seeds) < rows * cols:
                self.shuffle_gallery(emit=False)
            return R.grid_request(R.seed_latents(st.gallery_seeds[:rows * cols], m.z_dim), rows, cols, **common)
        if st.kind == "interp":
            pts = [k for k in st.points if k in SLOTS or any(f"bm:{b['name']}" == k for b in self.bookmarks)]
            if len(pts) < 2:
                raise ValueError(QCoreApplication.translate("ExplorerState", "choose at least two points for the interpolation"))
            return R.interp_request(m.G, [self.point_latent(k) for k in pts], st.frames, st.mode,
                                    st.space if m.style else "z", **common)
        if st.kind == "sweep":
            return R.sweep_request(self.latent("a"), self._sweep_spec(), **common)
        if st.kind == "motion":
            return R.motion_request(self.latent("a"), self.motion, input_transform=self.input_transform, **common)
        if st.kind == "mix_grid":
            return R.mix_grid_request(m.G, st.mix_rows_seeds, st.mix_cols_seeds, self.style_rows(st.mix_styles),
                                      **common)
        return R.variation_request(self.latent("a"), st.variation, **common)

    def _sweep_spec(self) -> SweepSpec:
        st = self.strip
        kw = dict(lo=st.sweep_lo, hi=st.sweep_hi, steps=st.sweep_steps)
        if st.sweep_target == "named":
            return self.named_sweep_spec(**kw)
        if st.sweep_target == "direction":
            d = self.directions
            if d is None:
                raise ValueError(QCoreApplication.translate("ExplorerState", "directions are still being computed"))
            k = min(st.sweep_index, d.components.shape[0] - 1)
            return R.direction_sweep(self.model.G, d, k, self.direction_rows, **kw)
        size = self.model.z_dim if self.a.space == "z" else self.model.w_dim
        return R.dimension_sweep(self.a.space, min(st.sweep_index, size - 1), **kw)

    def style_rows(self, styles: str) -> tuple[int, ...]:
        """The ws rows the mixing grid's columns give: a preset (coarse, middle, fine), or
        "table": the resolutions the Mixing table takes from B or C."""
        if styles == "table":
            return R.style_rows(self.model.G, [r for r, s in self.schedule.items() if s])
        return R.preset_style_rows(self.model.G, styles)
