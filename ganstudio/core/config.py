"""Validated configuration dataclasses.

Every config in GAN Studio (network configs, recipes) is a dataclass whose fields carry
their own range checks.  ``from_dict`` turns a plain dict into such a dataclass and refuses
unknown keys, wrong types and out-of-range values with a :class:`ConfigError` that names the
key (dotted path), never silently falling back to a default.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Callable

from ganstudio.i18n import translate   # Qt-free; the messages show in the recipe form too


class ConfigError(ValueError):
    """A configuration value is unknown, of the wrong type, or out of range."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(f"{key}: {message}" if key else message)


def field(default: Any = dataclasses.MISSING, *, check: Callable[[Any], str | None] | None = None,
          help: str = "", choices: tuple | None = None, default_factory: Any = dataclasses.MISSING):
    """A dataclass field with an optional validator, help text and allowed choices.

    ``check(value)`` returns an error message (str) when the value is invalid, else None.
    """
    meta = {"check": check, "help": help, "choices": choices}
    if default_factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=default_factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


# --- reusable checks -------------------------------------------------------------------------

def positive(v) -> str | None:
    return None if v > 0 else translate("config", "must be > 0")


def non_negative(v) -> str | None:
    return None if v >= 0 else translate("config", "must be >= 0")


def in_range(lo, hi, *, lo_open=False, hi_open=False):
    def check(v):
        if (v <= lo if lo_open else v < lo) or (v >= hi if hi_open else v > hi):
            lb = "(" if lo_open else "["
            rb = ")" if hi_open else "]"
            return translate("config", "must be in {0}{1}, {2}{3}").format(lb, lo, hi, rb)
        return None
    return check


def power_of_two(lo: int, hi: int):
    def check(v):
        if v < lo or v > hi or (v & (v - 1)) != 0:
            return translate("config", "must be a power of two from {0} to {1}").format(lo, hi)
        return None
    return check


# --- conversion ----------------------------------------------------------------------------------

def _type_name(tp) -> str:
    return getattr(tp, "__name__", str(tp))


def _coerce(value: Any, tp: Any, key: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _coerce(value, arg, key)
            except ConfigError as e:
                errors.append(str(e))
        raise ConfigError(key, f"expected {' or '.join(_type_name(a) for a in args)}, "
                               f"got {type(value).__name__} {value!r}")
    if origin in (list, tuple):
        if not isinstance(value, (list, tuple)):
            raise ConfigError(key, f"expected a list, got {type(value).__name__} {value!r}")
        args = typing.get_args(tp)
        if origin is tuple and args and args[-1] is not Ellipsis:
            if len(value) != len(args):
                raise ConfigError(key, f"expected {len(args)} values, got {len(value)}")
            return tuple(_coerce(v, a, f"{key}[{i}]") for i, (v, a) in enumerate(zip(value, args)))
        inner = args[0] if args else Any
        items = [_coerce(v, inner, f"{key}[{i}]") for i, v in enumerate(value)]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(key, f"expected a table, got {type(value).__name__}")
        return dict(value)
    if tp is Any:
        return value
    if dataclasses.is_dataclass(tp):
        if isinstance(value, tp):
            return value
        if not isinstance(value, dict):
            raise ConfigError(key, f"expected a table, got {type(value).__name__} {value!r}")
        return from_dict(tp, value, prefix=key)
    if tp is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(key, translate("config", "expected true or false, got {0!r}").format(value))
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise ConfigError(key, translate("config", "expected an integer, got {0} {1!r}").format(
            type(value).__name__, value))
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            f = float(value)
            if f != f or f in (float("inf"), float("-inf")):
                raise ConfigError(key, translate("config", "expected a finite number, got {0!r}").format(value))
            return f
        raise ConfigError(key, translate("config", "expected a number, got {0} {1!r}").format(
            type(value).__name__, value))
    if tp is str:
        if isinstance(value, str):
            return value
        raise ConfigError(key, translate("config", "expected a string, got {0} {1!r}").format(
            type(value).__name__, value))
    if isinstance(tp, type) and not isinstance(value, tp):
        raise ConfigError(key, f"expected {_type_name(tp)}, got {type(value).__name__} {value!r}")
    return value


def from_dict(cls, data: dict | None, prefix: str = ""):
    """Build dataclass ``cls`` from ``data``, validating every key (errors name ``prefix.key``)."""
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise ConfigError(prefix, f"expected a table, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    for k in data:
        if k not in fields:
            key = f"{prefix}.{k}" if prefix else str(k)
            known = ", ".join(sorted(fields))
            raise ConfigError(key, translate("config", "unknown key (known: {0})").format(known))
    kwargs = {}
    for name, f in fields.items():
        key = f"{prefix}.{name}" if prefix else name
        if name not in data:
            if dataclasses.is_dataclass(hints[name]):  # a missing section: its defaults, resolved
                kwargs[name] = from_dict(hints[name], {}, key)  # and checked like a given one
            continue
        value = _coerce(data[name], hints[name], key)
        choices = f.metadata.get("choices")
        if choices is not None and value not in choices:
            raise ConfigError(key, translate("config", "{0!r} is not one of {1}").format(
                value, ", ".join(map(str, choices))))
        check = f.metadata.get("check")
        if check is not None and value is not None:
            msg = check(value)
            if msg:
                raise ConfigError(key, translate("config", "{0} (got {1!r})").format(msg, value))
        kwargs[name] = value
    try:
        obj = cls(**kwargs)
    except TypeError as e:  # a required field is missing
        raise ConfigError(prefix, str(e)) from None
    post = getattr(obj, "validate", None)
    if callable(post):
        post(prefix)
    return obj


def to_dict(obj) -> dict:
    """A dataclass as a plain (TOML/JSON-friendly) dict; tuples become lists, None is dropped."""
    def conv(v):
        if dataclasses.is_dataclass(v):
            return {f.name: conv(getattr(v, f.name)) for f in dataclasses.fields(v)
                    if getattr(v, f.name) is not None}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items() if x is not None}
        return v
    return conv(obj)

