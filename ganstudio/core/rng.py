"""RNG state as plain data: Python, NumPy and torch generators captured in a form that a
weights-only checkpoint can hold (``torch.load(weights_only=True)`` reads it back)."""
from __future__ import annotations

import random

import numpy as np
import torch


def rng_state(generators: dict[str, torch.Generator] | None = None) -> dict:
    """Capture Python, NumPy and torch RNG state (plus named torch Generators) as plain data."""
    np_state = np.random.get_state()
    state = {
        "python": _to_plain(random.getstate()),
        "numpy": {"name": np_state[0], "keys": torch.from_numpy(np_state[1].astype(np.int64)),
                  "pos": int(np_state[2]), "has_gauss": int(np_state[3]),
                  "cached_gaussian": float(np_state[4])},
        "torch": torch.get_rng_state(),
        "generators": {k: g.get_state() for k, g in (generators or {}).items()},
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict, generators: dict[str, torch.Generator] | None = None) -> None:
    """Restore what :func:`rng_state` captured."""
    random.setstate(_from_plain(state["python"]))
    npst = state["numpy"]
    np.random.set_state((npst["name"], npst["keys"].numpy().astype(np.uint32), npst["pos"],
                         npst["has_gauss"], npst["cached_gaussian"]))
    torch.set_rng_state(state["torch"])
    for name, gen in (generators or {}).items():
        if name in state.get("generators", {}):
            gen.set_state(state["generators"][name])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def _to_plain(obj):
    if isinstance(obj, tuple):
        return {"__tuple__": [_to_plain(x) for x in obj]}
    if isinstance(obj, list):
        return [_to_plain(x) for x in obj]
    return obj


def _from_plain(obj):
    if isinstance(obj, dict) and "__tuple__" in obj:
        return tuple(_from_plain(x) for x in obj["__tuple__"])
    if isinstance(obj, list):
        return [_from_plain(x) for x in obj]
    return obj
