"""Property-based tests (hypothesis): the recipe parser, the checkpoint loader and the latent maths.

Whatever they are given, the parser and the loader either succeed or raise their own error type
with a one-line message (never another exception); the latent maths keep their invariants.
Examples are derandomized (the same every run) and no example database is written.
"""
from __future__ import annotations

import dataclasses
import io
import math
import tomllib

import pytest
import torch
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from ganstudio.core import latent as L
from ganstudio.core.checkpoint import CheckpointError, load_checkpoint, save_checkpoint
from ganstudio.core.config import ConfigError
from ganstudio.core.nets import build_generator, default_config
from ganstudio.train.recipe import Recipe, apply_overrides, recipe_fields

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# --- the recipe parser -------------------------------------------------------------------------------

SECTION_KEYS = {name: [f.name for f in fields] for name, fields in recipe_fields().items()}
SECTION_KEYS["model"] = ["family", "z_dim", "resolution", "channels", "hidden", "data_dim", "layers",
                         "pack", "base_channels", "w_dim", "mapping_layers", "d_spectral_norm"]
SECTION_KEYS["data"] = ["kind", "toy", "toy_samples", "limit", "mirror", "background", "path", "split"]
WORDS = ["toy", "mlp", "dcgan", "stylegan", "ring8", "grid25", "gauss1d", "folder", "idx",
         "fashion_mnist", "wgan_gp", "hinge", "nonsaturating", "cpu", "auto", "8x8", "#fff", "none"]

scalars = st.one_of(st.booleans(), st.integers(-3, 300), st.integers(), st.sampled_from(WORDS),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=6))
values = st.one_of(scalars, st.lists(st.integers(-4, 300), max_size=3), st.dictionaries(st.text(max_size=3), scalars, max_size=2))


@st.composite
def recipe_dicts(draw):
    d = {"model": {"family": "toy", "data_dim": 2, "hidden": 8, "layers": 1},
         "data": {"kind": "toy", "toy": "ring8", "toy_samples": 100},
         "train": {"steps": 5, "batch": 8}}
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(sorted(SECTION_KEYS) + ["title", "bogus"]))
        if section in SECTION_KEYS:
            key = draw(st.sampled_from(SECTION_KEYS[section] + ["unknown_key"]))
            d.setdefault(section, {})
            if isinstance(d[section], dict):
                d[section][key] = draw(values)
        else:
            d[section] = draw(values)
    return d


def _check_config_error(e: ConfigError) -> None:
    assert isinstance(e.key, str) and "\n" not in str(e).strip()
    if e.key:
        assert str(e).startswith(e.key)


@FUZZ
@given(recipe_dicts())
def test_any_recipe_dict_is_a_valid_recipe_or_a_config_error_naming_the_key(d):
    try:
        recipe = Recipe.from_dict(d)
    except ConfigError as e:
        _check_config_error(e)
        return
    again = Recipe.from_dict(tomllib.loads(recipe.to_toml()))     # a valid recipe round-trips
    assert again.to_dict() == recipe.to_dict()


@FUZZ
@given(st.lists(st.text(max_size=24), min_size=1, max_size=3))
def test_any_override_text_is_applied_or_refused_with_a_config_error(overrides):
    base = {"model": {"family": "toy", "data_dim": 2, "hidden": 8, "layers": 1},
            "data": {"kind": "toy"}, "train": {"steps": 5, "batch": 8}}
    try:
        Recipe.from_dict(apply_overrides(base, overrides))
    except ConfigError as e:
        _check_config_error(e)
    assert base["train"] == {"steps": 5, "batch": 8}


# --- the checkpoint loader -----------------------------------------------------------------------------

CFG = default_config("toy", data_dim=2, hidden=8, layers=1)
tensors = st.lists(st.floats(-1e3, 1e3, width=32), max_size=4).map(lambda v: torch.tensor(v))
plain = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5), tensors)
structures = st.recursive(plain, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)), max_leaves=8)


@pytest.fixture(scope="module")
def good_payload(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "good.pt"
    save_checkpoint(path, model_config=CFG, G=build_generator(CFG), step=3, recipe={"title": "x"})
    return path, torch.load(path, weights_only=True)


def _load(tmp_path, data: bytes):
    path = tmp_path / "fuzzed.pt"
    path.write_bytes(data)
    return load_checkpoint(path)


@FUZZ
@given(prefix=st.sampled_from([b"", b"PK\x03\x04", b"\x80\x02", b"PK"]), body=st.binary(max_size=512))
def test_random_bytes_are_refused_with_a_checkpoint_error(tmp_path, prefix, body):
    with pytest.raises(CheckpointError) as e:
        _load(tmp_path, prefix + body)
    assert "\n" not in str(e.value).strip()


def _saved(obj) -> bytes:
    buf = io.BytesIO()
    torch.save(obj, buf)
    return buf.getvalue()


@FUZZ
@given(structures)
def test_random_nested_structures_are_refused_with_a_checkpoint_error(tmp_path, obj):
    with pytest.raises(CheckpointError):
        _load(tmp_path, _saved(obj))


@settings(FUZZ, max_examples=40, phases=(Phase.explicit, Phase.generate))   # no shrinking
@given(field=st.sampled_from(["step", "recipe", "extra", "w_avg", "G", "G_ema", "D", "optim", "rng",
                              "model_config", "version"]), value=structures)
def test_a_checkpoint_with_any_field_replaced_loads_whole_or_is_refused(tmp_path, good_payload, field, value):
    _, payload = good_payload
    try:
        ck = _load(tmp_path, _saved({**payload, field: value}))
    except CheckpointError as e:
        assert "\n" not in str(e).strip()
        return
    assert isinstance(ck.step, int) and isinstance(ck.summary(), dict)
    assert ck.recipe is None or isinstance(ck.recipe, dict)
    assert ck.extra is None or isinstance(ck.extra, dict)
    assert ck.w_avg is None or isinstance(ck.w_avg, torch.Tensor)
    ck.build_generator()


# --- the latent maths ----------------------------------------------------------------------------------

def vectors(dim):
    return st.lists(st.floats(-10, 10, width=32), min_size=dim, max_size=dim).map(torch.tensor)


@FUZZ
@given(dim=st.integers(2, 12), data=st.data(), t=st.floats(0, 1))
def test_slerp_keeps_endpoints_and_interpolates_the_norm(dim, data, t):
    a, b = data.draw(vectors(dim)), data.draw(vectors(dim))
    assume(a.norm() > 1e-3 and b.norm() > 1e-3)
    assert torch.equal(L.slerp(a, b, 0.0), a) and torch.equal(L.slerp(a, b, 1.0), b)
    out = L.slerp(a, b, t)
    assert torch.isfinite(out).all()
    expected = (1 - t) * a.double().norm() + t * b.double().norm()
    assert math.isclose(float(out.double().norm()), float(expected), rel_tol=1e-4, abs_tol=1e-4)
    lin = L.lerp(a, b, t)
    assert torch.allclose(lin, a + t * (b - a))


@FUZZ
@given(n=st.integers(1, 3), rows=st.integers(1, 8), w_dim=st.integers(1, 6), psi=st.floats(-1, 2),
       data=st.data())
def test_truncation_moves_only_the_rows_below_the_cutoff(n, rows, w_dim, psi, data):
    cutoff = data.draw(st.one_of(st.none(), st.integers(0, rows)))
    g = torch.Generator().manual_seed(data.draw(st.integers(0, 1000)))
    ws, w_avg = torch.randn(n, rows, w_dim, generator=g), torch.randn(w_dim, generator=g)
    out = L.truncate(ws, w_avg, psi, cutoff)
    k = rows if cutoff is None else cutoff
    assert torch.allclose(out[:, :k], w_avg + psi * (ws[:, :k] - w_avg), atol=1e-5)
    assert torch.equal(out[:, k:], ws[:, k:])
    assert torch.equal(L.truncate(ws, w_avg, 1.0, cutoff), ws)


@FUZZ
@given(s=st.integers(1, 4), n=st.integers(1, 3), data=st.data())
def test_mixing_takes_each_row_from_its_named_source(s, n, data):
    num_ws = data.draw(st.integers(1, 8))
    rows = data.draw(st.lists(st.integers(0, s - 1), min_size=num_ws, max_size=num_ws))
    sources = torch.randn(s, n, num_ws, 5)
    mixed = L.mix_ws(sources, rows)
    for r, src in enumerate(rows):
        assert torch.equal(mixed[:, r], sources[src, :, r])
    with pytest.raises(ValueError):
        L.mix_ws(sources, rows + [0])


@FUZZ
@given(seeds=st.lists(st.integers(0, 2 ** 32 - 1), min_size=1, max_size=4), z_dim=st.integers(1, 16))
def test_seeds_give_the_same_latents_alone_and_in_a_batch(seeds, z_dim):
    batch = L.z_from_seeds(seeds, z_dim)
    assert batch.shape == (len(seeds), z_dim) and torch.isfinite(batch).all()
    for i, seed in enumerate(seeds):
        assert torch.equal(batch[i], L.z_from_seed(seed, z_dim))
    assert torch.equal(L.sample_z(seeds[0], 3, z_dim), L.sample_z(seeds[0], 3, z_dim))


@FUZZ
@given(points=st.integers(2, 4), frames=st.integers(2, 12), mode=st.sampled_from(["lerp", "slerp"]),
       dim=st.integers(2, 8), seed=st.integers(0, 1000))
def test_an_interpolation_path_starts_and_ends_on_its_points(points, frames, mode, dim, seed):
    pts = torch.randn(points, dim, generator=torch.Generator().manual_seed(seed))
    path = L.interpolation_path(pts, frames, mode)
    assert path.shape == (frames, dim) and torch.isfinite(path).all()
    assert torch.allclose(path[0], pts[0]) and torch.allclose(path[-1], pts[-1])


@FUZZ
@given(dim=st.integers(1, 8), n=st.integers(2, 9), lo=st.floats(-5, 0), hi=st.floats(0, 5), data=st.data())
def test_a_sweep_sets_one_dimension_and_leaves_the_others(dim, n, lo, hi, data):
    which = data.draw(st.integers(0, dim - 1))
    base = torch.randn(dim)
    out = L.sweep(base, which, n, lo, hi)
    assert torch.allclose(out[:, which], torch.linspace(lo, hi, n))
    others = [i for i in range(dim) if i != which]
    assert torch.equal(out[:, others], base[others].expand(n, -1))


def test_fuzz_settings_write_no_example_database():
    assert FUZZ.database is None and FUZZ.derandomize
    assert dataclasses.is_dataclass(Recipe)
