"""What changed in the Explorer's state: the typed events its listeners receive.

Every setter of :class:`~.state.ExplorerState` announces the aspects it changed as a frozenset
of :class:`Change`; widgets and the panel react to the aspects they show.  No Qt in here.
"""
from __future__ import annotations

from enum import Enum


class Change(Enum):
    MODEL = "model"            # another model was opened (every other aspect was reset too)
    A = "a"                    # latent A (its values, space or seed)
    B = "b"
    C = "c"
    CLASS = "class"            # the class of a conditional model
    TRUNCATION = "truncation"
    NOISE = "noise"
    MIXING = "mixing"          # the style mixing schedule of the main image
    DIRECTIONS = "directions"  # PCA / SeFa / named directions or their slider values
    STRIP = "strip"            # what the strip under the main image shows
    HISTORY = "history"        # the undo / redo steps of A
    BOOKMARKS = "bookmarks"
    TRANSFORM = "transform"    # StyleGAN3's input transform (or the motion frame on show)
    LAYER = "layer"            # the Layers tab's chosen layer
    LABELLING = "labelling"    # whether and how gallery clicks label an attribute

    # Members are singletons: hash them by identity, in C. (Enum's own __hash__ is a Python call,
    # and every slider step tests a few dozen of these in sets: it showed in the drag latency.)
    __hash__ = object.__hash__

    @classmethod
    def of_slot(cls, slot: str) -> "Change":
        """The change of latent slot "a", "b" or "c"."""
        return {"a": cls.A, "b": cls.B, "c": cls.C}[slot]


# After these the main image stays as it is (B and C matter to it only while mixing).
KEEP_MAIN_IMAGE = frozenset({Change.HISTORY, Change.BOOKMARKS, Change.STRIP, Change.LAYER, Change.LABELLING})
# After these the strip stays as it is.
KEEP_STRIP = frozenset({Change.HISTORY, Change.LABELLING})
