from dataclasses import dataclass

import pytest

from ganstudio.core.config import ConfigError, field, from_dict, in_range, positive, power_of_two, to_dict


@dataclass
class Inner:
    lr: float = field(1e-3, check=positive)
    betas: tuple[float, float] = (0.5, 0.99)


@dataclass
class Outer:
    name: str = "x"
    steps: int = field(10, check=positive)
    resolution: int = field(32, check=power_of_two(8, 256))
    mode: str = field("a", choices=("a", "b"))
    beta: float = field(0.5, check=in_range(0, 1, hi_open=True))
    flag: bool = False
    inner: Inner = field(default_factory=Inner)


def test_valid_dict_round_trips():
    cfg = from_dict(Outer, {"steps": 5, "inner": {"lr": 2e-4, "betas": [0.0, 0.9]}})
    assert cfg.steps == 5 and cfg.inner.lr == 2e-4 and cfg.inner.betas == (0.0, 0.9)
    assert from_dict(Outer, to_dict(cfg)) == cfg


@pytest.mark.parametrize("data, key, words", [
    ({"stepz": 1}, "stepz", "unknown key"),
    ({"steps": "ten"}, "steps", "expected an integer"),
    ({"steps": 0}, "steps", "must be > 0"),
    ({"resolution": 48}, "resolution", "power of two"),
    ({"mode": "c"}, "mode", "not one of"),
    ({"beta": 1.0}, "beta", "must be in"),
    ({"flag": 1}, "flag", "true or false"),
    ({"inner": {"lr": -1.0}}, "inner.lr", "must be > 0"),
    ({"inner": {"betas": [0.5]}}, "inner.betas", "expected 2 values"),
    ({"inner": {"bogus": 1}}, "inner.bogus", "unknown key"),
    ({"inner": 3}, "inner", "expected a table"),
    ({"beta": float("nan")}, "beta", "finite"),
])
def test_errors_name_the_key(data, key, words):
    with pytest.raises(ConfigError) as info:
        from_dict(Outer, data)
    assert info.value.key == key
    assert str(info.value).startswith(key + ":")
    assert words in str(info.value)
