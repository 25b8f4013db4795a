"""Comparing runs: what differs between their recipes, and their logged metrics.

Used by the Training panel's run overlay (several runs' curves over the current one,
TensorBoard-style) and usable from scripts.  Qt-free.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .run import RunDir, RunDirError

MAX_METRICS_BYTES = 512 * 1024 * 1024      # a metrics.jsonl larger than this is refused


@dataclass
class RunRecords:
    path: Path
    name: str                  # the run directory's name
    recipe: dict               # the resolved recipe.toml ({} when unreadable)
    records: list[dict]        # the logged steps (type "log"), in order


def read_run(path: str | Path) -> RunRecords:
    """The recipe and logged steps of run directory ``path``; RunDirError saying why not."""
    run = RunDir(path)
    if not run.path.is_dir():
        raise RunDirError(f"{run.path} is not a directory")
    if not run.metrics_path.is_file():
        raise RunDirError(f"{run.path.name} has no metrics.jsonl: not a run directory, or a run "
                          "that has not logged a step yet")
    if run.metrics_path.stat().st_size > MAX_METRICS_BYTES:
        raise RunDirError(f"{run.path.name}/metrics.jsonl is larger than "
                          f"{MAX_METRICS_BYTES // 2 ** 20} MB")
    records, _ = run.read_metrics()
    records = [r for r in records if r.get("type", "log") == "log"]
    text = run.read_recipe_text()
    try:
        recipe = tomllib.loads(text) if text else {}
    except tomllib.TOMLDecodeError:
        recipe = {}
    return RunRecords(run.path, run.path.name, recipe, records)


def flatten(d: dict, prefix: str = "") -> dict[str, object]:
    """{"optim": {"lr_g": 1e-3}} -> {"optim.lr_g": 1e-3} (lists and scalars are leaves)."""
    out: dict[str, object] = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else str(k)
        if isinstance(v, dict):
            out.update(flatten(v, key))
        else:
            out[key] = v
    return out


IGNORED_KEYS = frozenset({"title", "description", "name"})


def recipe_differences(recipes: list[dict]) -> list[tuple[str, list[object]]]:
    """The dotted keys whose values are not the same in every recipe, each with the value of
    each recipe in order (None where a recipe lacks the key), sorted by key."""
    flat = [flatten(r) for r in recipes]
    keys = sorted(set().union(*flat) - IGNORED_KEYS) if flat else []
    out = []
    for key in keys:
        values = [f.get(key) for f in flat]
        if any(v != values[0] for v in values[1:]):
            out.append((key, values))
    return out
