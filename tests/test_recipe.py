"""Recipes: TOML in, validated dataclasses out; every bad value is named by its dotted key."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ganstudio.core.config import ConfigError
from ganstudio.train.recipe import Recipe, apply_overrides, dumps_toml, parse_grid

TRAINING = Path(__file__).resolve().parents[1] / "training"

TOY = {"title": "t", "description": "d",
       "model": {"family": "toy", "data_dim": 2, "hidden": 16, "layers": 1},
       "data": {"kind": "toy", "toy": "ring8"},
       "train": {"steps": 10, "batch": 8}}


def with_(section: str, key: str, value):
    d = apply_overrides(TOY, [])
    d.setdefault(section, {})[key] = value
    return d


@pytest.mark.parametrize("section,key,value,named", [
    ("train", "steps", 0, "train.steps"),
    ("train", "batch", 0, "train.batch"),
    ("train", "batch", -4, "train.batch"),
    ("objective", "n_critic", 0, "objective.n_critic"),
    ("optim", "lr_g", 0.0, "optim.lr_g"),
    ("optim", "lr_d", -1e-4, "optim.lr_d"),
    ("optim", "beta1", 1.0, "optim.beta1"),
    ("optim", "beta2", 1.5, "optim.beta2"),
    ("objective", "name", "not_a_loss", "objective.name"),
    ("data", "kind", "imagenet", "data.kind"),
    ("data", "toy", "moons", "data.toy"),
    ("train", "stepz", 5, "train.stepz"),
    ("train", "steps", "many", "train.steps"),
    ("train", "device", "tpu", "train.device"),
    ("train", "sample_grid", "8by8", "train.sample_grid"),
    ("objective", "label_smoothing", "both", "objective.label_smoothing"),
    ("objective", "smoothing_amount", 0.7, "objective.smoothing_amount"),
])
def test_bad_values_name_their_key(section, key, value, named):
    with pytest.raises(ConfigError) as e:
        Recipe.from_dict(with_(section, key, value))
    assert e.value.key == named
    assert str(e.value).startswith(named)


def test_stylegan_resolution_must_be_a_power_of_two():
    d = {"model": {"family": "stylegan", "resolution": 48, "channels": 1},
         "data": {"kind": "fashion_mnist"}}
    with pytest.raises(ConfigError) as e:
        Recipe.from_dict(d)
    assert e.value.key == "model.resolution"


def test_unknown_model_family_and_mismatched_data_are_named():
    with pytest.raises(ConfigError) as e:
        Recipe.from_dict(with_("model", "family", "biggan"))
    assert e.value.key == "model.family"
    d = apply_overrides(TOY, ['data.kind="fashion_mnist"'])
    with pytest.raises(ConfigError) as e:
        Recipe.from_dict(d)
    assert e.value.key == "data.kind"


def test_cross_section_rules_name_the_key():
    with pytest.raises(ConfigError) as e:
        Recipe.from_dict(apply_overrides(TOY, ['data.toy="gauss1d"']))
    assert e.value.key == "model.data_dim"
    with pytest.raises(ConfigError) as e:
        Recipe.from_dict(apply_overrides(TOY, ["objective.style_mixing=0.9"]))
    assert e.value.key == "objective.style_mixing"


def test_batch_must_be_a_multiple_of_pack():
    d = apply_overrides(TOY, ["model.pack=3", "train.batch=8"])
    with pytest.raises(ConfigError) as e:
        Recipe.from_dict(d)
    assert e.value.key == "train.batch"


def test_defaults_are_resolved_and_round_trip_through_toml(tmp_path):
    r = Recipe.from_dict(apply_overrides(TOY, ['objective.name="wgan_gp"']))
    assert r.objective.gp == 10.0                   # the objective's default weight
    assert r.model["z_dim"] == 2                    # net defaults filled in
    path = r.save(tmp_path / "r.toml")
    again = Recipe.load(path)
    assert again.to_dict() == r.to_dict() | {"name": "r"} or again.to_dict() == r.to_dict()
    assert tomllib.loads(r.to_toml())["objective"]["gp"] == 10.0


def test_overrides_parse_toml_literals():
    d = apply_overrides(TOY, ["train.steps=100", "optim.lr_g=1e-4", "train.amp=false",
                              "model.hidden=32", 'data.toy=grid25', "objective.name=hinge"])
    r = Recipe.from_dict(d)
    assert (r.train.steps, r.optim.lr_g, r.train.amp) == (100, 1e-4, False)
    assert r.data.toy == "grid25" and r.objective.name == "hinge" and r.model["hidden"] == 32
    assert TOY["train"]["steps"] == 10              # the input is not modified


def test_bad_override_syntax_is_an_error():
    with pytest.raises(ConfigError):
        apply_overrides(TOY, ["train.steps"])
    with pytest.raises(ConfigError) as e:
        apply_overrides(TOY, ["title.x=1"])
    assert e.value.key == "title"


def test_load_reports_missing_file_and_bad_toml(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        Recipe.load(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[train\nsteps = 1\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Recipe.load(bad)


def test_name_defaults_to_file_stem(tmp_path):
    p = tmp_path / "my_recipe.toml"
    p.write_text(dumps_toml(TOY))
    assert Recipe.load(p).name == "my_recipe"


def test_toml_writer_escapes_strings_and_nests_tables():
    d = {"title": 'a "quoted"\nline', "t": {"x": [1, 2.5, True], "sub": {"k": "v"}}}
    assert tomllib.loads(dumps_toml(d)) == d


def test_parse_grid():
    assert parse_grid("8x4") == (8, 4)
    with pytest.raises(ValueError):
        parse_grid("0x4")


def test_shipped_recipes_load_and_teach():
    files = [f for f in sorted(TRAINING.glob("*.toml"))     # GAN recipes (not e.g. classifiers)
             if "model" in tomllib.loads(f.read_text(encoding="utf-8"))]
    names = {f.stem for f in files}
    assert {"mlp_fashion", "dcgan_fashion", "stylegan_fashion32", "stylegan_emoji",
            "seed_dcgan_fashion", "toy_gauss1d", "toy_ring8", "toy_grid25",
            "toy_ring8_collapse"} <= names
    for f in files:
        r = Recipe.load(f)
        assert r.title.strip() and len(r.description.strip()) > 40, f.name
