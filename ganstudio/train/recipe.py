"""Training recipes: one TOML file describing a whole training run, validated on load.

A recipe has a title and a short teaching description plus five tables::

    title = "DCGAN on Fashion-MNIST"
    description = "..."
    [model]      # the network config (family + family keys), see ganstudio.core.nets
    [data]       # ganstudio.train.data.DataConfig
    [objective]  # loss, penalties, label smoothing, instance noise, n_critic, ...
    [optim]      # Adam learning rates / betas, EMA of G
    [train]      # steps, batch, seed, device, logging / sample / checkpoint cadence

Every unknown key, wrong type or out-of-range value is a :class:`ConfigError` naming the
dotted key (``optim.lr_g: must be > 0 (got 0.0)``), never a silent default.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ganstudio.i18n import translate   # Qt-free; shown by the recipe form and the command line
from ganstudio.core.config import (ConfigError, field, from_dict, in_range, non_negative,
                                   positive, to_dict)
from ganstudio.train.augment import AUGMENT_MODES, P_MAX, parse_ops
from ganstudio.train.data import DataConfig

LABEL_SMOOTHING = ("none", "one_sided", "two_sided")
DEVICES = ("auto", "cpu", "cuda")
LR_DECAY = ("none", "linear", "cosine")


def _grid_check(v: str) -> str | None:
    try:
        rows, cols = parse_grid(v)
    except ValueError as e:
        return str(e)
    return None if rows * cols <= 1024 else "at most 1024 images"


def _names_check(parse):
    """A field check from a parser that raises ValueError (the message becomes the error)."""
    def check(v: str) -> str | None:
        try:
            parse(v)
        except ValueError as e:
            return str(e)
        return None
    return check


def _live_metrics(v: str):
    from ganstudio.train.live_eval import parse_live_metrics
    return parse_live_metrics(v)


def parse_grid(text: str) -> tuple[int, int]:
    """``"8x8"`` -> (8, 8) (rows x columns)."""
    parts = str(text).lower().replace(" ", "").split("x")
    if len(parts) != 2 or not all(p.isdigit() and int(p) > 0 for p in parts):
        raise ValueError(translate("recipe", "expected ROWSxCOLS such as 8x8, got {0!r}").format(text))
    return int(parts[0]), int(parts[1])


@dataclass
class ObjectiveConfig:
    name: str = field("nonsaturating", help="adversarial loss (see ganstudio.train.losses)")
    r1: float = field(0.0, check=non_negative, help="R1 penalty weight gamma on real data (0 = off)")
    r2: float = field(0.0, check=non_negative, help="R2 penalty weight gamma on fake data (0 = off)")
    r1_interval: int = field(1, check=positive, help="lazy R1: apply every N steps (scaled by N)")
    r2_interval: int = field(1, check=positive, help="lazy R2: apply every N steps (scaled by N)")
    gp: float | None = field(None, check=non_negative,
                             help="WGAN-GP weight (default: the objective's own, 10 for wgan_gp)")
    label_smoothing: str = field("none", choices=LABEL_SMOOTHING, help="D target smoothing")
    smoothing_amount: float = field(0.1, check=in_range(0.0, 0.5), help="how far targets move")
    instance_noise: float = field(0.0, check=non_negative,
                                  help="std of Gaussian noise added to every D input")
    instance_noise_anneal: int = field(0, check=non_negative,
                                       help="steps over which instance noise falls to 0 (0 = constant)")
    n_critic: int = field(1, check=positive, help="D steps per G step")
    style_mixing: float = field(0.0, check=in_range(0.0, 1.0),
                                help="style-mixing regularisation probability (StyleGAN)")
    path_length: float = field(0.0, check=non_negative, help="path length penalty weight (StyleGAN)")
    path_length_interval: int = field(4, check=positive, help="lazy path length: every N steps")
    path_length_decay: float = field(0.01, check=in_range(0.0, 1.0), help="decay of the running mean")
    augment: str = field("none", choices=AUGMENT_MODES,
                         help="augment what D sees: diffaugment (always) or ada (adaptive p)")
    augment_ops: str = field("color,translation,cutout", check=_names_check(parse_ops),
                             help="comma-separated: color, translation, cutout")
    augment_target: float = field(0.6, check=in_range(0.0, 1.0, lo_open=True, hi_open=True),
                                  help="ADA: the r_t = E[sign D(real)] that p steers towards")
    augment_speed: float = field(100000.0, check=in_range(1000.0, 1e9),
                                 help="ADA: images over which p can move from 0 to 1")
    augment_p: float = field(0.0, check=in_range(0.0, P_MAX), help="ADA: p at the start")

    def validate(self, prefix: str) -> None:
        from ganstudio.train.losses import get_objective
        try:
            objective = get_objective(self.name)
        except (KeyError, ValueError) as e:
            msg = e.args[0] if e.args else str(e)
            raise ConfigError(f"{prefix}.name", str(msg)) from None
        if self.gp is None:
            self.gp = float(objective.default_gp or 0.0)


@dataclass
class OptimConfig:
    lr_g: float = field(2e-4, check=positive, help="Adam learning rate of G")
    lr_d: float = field(2e-4, check=positive, help="Adam learning rate of D")
    beta1: float = field(0.5, check=in_range(0.0, 1.0, hi_open=True), help="Adam beta1")
    beta2: float = field(0.999, check=in_range(0.0, 1.0, hi_open=True), help="Adam beta2")
    ema_half_life_images: float = field(0.0, check=non_negative,
                                        help="half-life of the EMA of G in images (0 = no EMA)")
    ema_rampup: float = field(0.0, check=non_negative,
                              help="EMA half-life <= images seen x rampup early on (0 = off)")
    lr_decay: str = field("none", choices=LR_DECAY,
                          help="learning-rate schedule over train.steps (none = constant)")
    lr_final: float = field(0.1, check=in_range(0.0, 1.0),
                            help="final learning rate as a fraction of the initial one")
    lr_decay_from: int = field(0, check=non_negative,
                               help="step at which the schedule starts to fall (a continued run "
                                    "can fall over its remaining steps)")

    def lr_factor(self, step: int, total: int) -> float:
        """Multiplier of lr_g / lr_d at (0-based) ``step`` of ``total``: 1 until
        ``lr_decay_from``, then falling to ``lr_final`` at the last step."""
        start = self.lr_decay_from
        if self.lr_decay == "none" or total - 1 <= start:
            return 1.0
        t = min(max((step - start) / (total - 1 - start), 0.0), 1.0)
        shape = 1.0 - t if self.lr_decay == "linear" else 0.5 * (1.0 + math.cos(math.pi * t))
        return self.lr_final + (1.0 - self.lr_final) * shape

    def rates_at(self, step: int, total: int) -> tuple[float, float]:
        """The learning rates (G, D) the schedule gives at (0-based) ``step`` of ``total``."""
        f = self.lr_factor(step, total)
        return float(self.lr_g) * f, float(self.lr_d) * f


@dataclass
class TrainConfig:
    steps: int = field(10000, check=positive, help="G steps in total")
    batch: int = field(64, check=positive, help="samples per batch")
    seed: int = field(0, check=in_range(0, 2 ** 32 - 3), help="seeds every random number of the run")
    device: str = field("auto", choices=DEVICES, help="auto = cuda when available")
    log_every: int = field(50, check=positive, help="steps between log lines")
    sample_every: int = field(500, check=non_negative, help="steps between sample grids (0 = end only)")
    checkpoint_every: int = field(1000, check=non_negative,
                                  help="steps between kept checkpoints (0 = end only)")
    sample_grid: str = field("8x8", check=_grid_check, help="rows x cols of the fixed-z grid")
    amp: bool = field(True, help="mixed precision on CUDA (ignored on the CPU)")
    cpu_bf16: bool = field(False, help="bf16 mixed precision on a CPU that computes bf16 natively "
                                       "(AVX512-BF16 or AMX): faster image nets; float32 elsewhere")
    threads: int = field(0, check=non_negative, help="CPU threads for torch (0 = automatic)")
    eval_every: int = field(0, check=non_negative,
                            help="steps between Inception metrics of G (0 = off; a multiple of log_every)")
    eval_metrics: str = field("fid,kid,pr", check=_names_check(_live_metrics),
                              help="comma-separated: fid, kid, pr (precision / recall)")
    eval_samples: int = field(1000, check=in_range(50, 50_000),
                              help="generated images per evaluation")
    eval_features: str = field("inception", choices=("inception", "classifier"),
                               help="feature space of the metrics: Inception-v3 (papers) or the "
                                    "Fashion-MNIST classifier (fast, Fashion-MNIST runs only)")


@dataclass
class Recipe:
    title: str = field("", help="short name shown in the GUI")
    description: str = field("", help="what this recipe teaches")
    name: str = field("", help="run name (defaults to the recipe file's stem)")
    model: dict = field(default_factory=dict, help="network config (family + keys)")
    data: DataConfig = field(default_factory=DataConfig)
    objective: ObjectiveConfig = field(default_factory=ObjectiveConfig)
    optim: OptimConfig = field(default_factory=OptimConfig)
    train: TrainConfig = field(default_factory=TrainConfig)

    def validate(self, prefix: str) -> None:
        from ganstudio.core.nets import net_config
        from ganstudio.train.toydata import toy_spec
        if "family" not in self.model:
            raise ConfigError("model.family", translate("recipe", "missing (one of mlp, dcgan, stylegan, toy)"))
        self.model = to_dict(net_config(self.model))
        family = self.model["family"]
        is_toy_data = self.data.kind in ("toy", "points")
        if (family == "toy") != is_toy_data:
            raise ConfigError("data.kind", translate("recipe", "{0!r} does not fit model.family {1!r} "
                                                        "(toy models train on toy data only)")
                              .format(self.data.kind, family))
        if self.data.kind == "points" and self.model["data_dim"] != 2:
            raise ConfigError("model.data_dim", translate("recipe", "drawn points are 2-D, the model makes "
                                                             "{0}-D samples").format(self.model["data_dim"]))
        if self.data.kind == "toy" and toy_spec(self.data.toy).dim != self.model["data_dim"]:
            raise ConfigError("model.data_dim", translate("recipe", "{0} is {1}-D, the model makes {2}-D samples")
                              .format(self.data.toy, toy_spec(self.data.toy).dim, self.model["data_dim"]))
        if family != "stylegan":
            if self.objective.style_mixing > 0:
                raise ConfigError("objective.style_mixing", translate("recipe", "only applies to model.family "
                                  "stylegan (this model is {0!r}); set it to 0").format(family))
            if self.objective.path_length > 0 and not (family == "toy" and self.model["mapping_layers"]):
                raise ConfigError("objective.path_length", translate("recipe", "only applies to model.family "
                                  "stylegan or a toy model with a mapping network "
                                  "(model.mapping_layers > 0) (this model is {0!r}); set it to 0")
                                  .format(family))
        if self.objective.augment != "none" and is_toy_data:
            raise ConfigError("objective.augment", translate("recipe", "augments images only, not kind 'toy' "
                                                               "data; set it to none"))
        if self.train.eval_every:
            if is_toy_data:
                raise ConfigError("train.eval_every", translate("recipe", "Inception metrics need image data; toy "
                                                                  "runs count modes instead: set it to 0"))
            from ganstudio.train.live_eval import parse_live_metrics
            wants_classifier = self.train.eval_features == "classifier" or \
                "is" in parse_live_metrics(self.train.eval_metrics)
            if wants_classifier and self.data.kind != "fashion_mnist":
                key = "train.eval_features" if self.train.eval_features == "classifier" \
                    else "train.eval_metrics"
                raise ConfigError(key, translate("recipe", "the Fashion-MNIST classifier's metrics (classifier "
                                                   "features, is) need data.kind fashion_mnist"))
            if self.train.eval_every % self.train.log_every:
                raise ConfigError("train.eval_every", translate("recipe", "must be a multiple of train.log_every "
                                  "({0}), got {1}").format(self.train.log_every, self.train.eval_every))
        if self.optim.lr_decay != "none" and self.optim.lr_decay_from >= self.train.steps - 1:
            raise ConfigError("optim.lr_decay_from", translate(
                "recipe", "the schedule starts at step {0}, but the run ends at step {1}: set it "
                          "below {2}").format(self.optim.lr_decay_from, self.train.steps,
                                              max(self.train.steps - 1, 0)))
        pack = int(self.model.get("pack", 1))
        if self.train.batch % pack:
            raise ConfigError("train.batch", translate("recipe", "must be a multiple of model.pack ({0}), got {1}")
                              .format(pack, self.train.batch))
        group = self.model.get("mbstd_group")
        if group is not None and group > self.train.batch // pack:
            raise ConfigError("model.mbstd_group", translate(
                "recipe", "groups the samples of one discriminator batch: at most train.batch / "
                          "model.pack ({0}), got {1}").format(self.train.batch // pack, group))

    # --- construction -----------------------------------------------------------------------
    @classmethod
    def from_dict(cls, d: dict, name: str = "") -> "Recipe":
        d = dict(d)
        if name and not d.get("name"):
            d["name"] = name
        return from_dict(cls, d)

    @classmethod
    def load(cls, path: str | Path, overrides: list[str] | None = None) -> "Recipe":
        """Read and validate a recipe file; ``overrides`` are ``key=value`` strings."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError("", translate("recipe", "recipe {0} does not exist").format(path)) from None
        except OSError as e:
            raise ConfigError("", translate("recipe", "recipe {0} cannot be read: {1}").format(path, e.strerror or e)) from None
        except UnicodeDecodeError:
            raise ConfigError("", translate("recipe", "{0} is not a text file (a recipe is UTF-8 TOML)").format(path.name)) from None
        try:
            d = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError("", translate("recipe", "{0} is not valid TOML: {1}").format(path.name, e)) from None
        if overrides:
            d = apply_overrides(d, overrides)
        return cls.from_dict(d, name=path.stem)

    # --- serialisation ----------------------------------------------------------------------
    def to_dict(self) -> dict:
        return to_dict(self)

    def to_toml(self) -> str:
        return dumps_toml(self.to_dict())

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.to_toml(), encoding="utf-8")
        return path

    def replace(self, overrides: list[str]) -> "Recipe":
        """A new validated recipe with ``key=value`` overrides applied."""
        return Recipe.from_dict(apply_overrides(self.to_dict(), overrides))


# --- overrides -------------------------------------------------------------------------------

def parse_value(text: str) -> Any:
    """A TOML literal (``100``, ``1e-4``, ``true``, ``[64, 64]``, ``"x"``); bare words are strings."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def apply_overrides(d: dict, overrides: list[str]) -> dict:
    """A deep copy of recipe dict ``d`` with ``"section.key=value"`` overrides applied.

    (A deep copy, not a JSON round trip: TOML dates and times are not JSON, and a recipe
    holding one must still get its overrides and a one-line error naming the key.)"""
    out = copy.deepcopy(d)
    for item in overrides:
        key, sep, value = str(item).partition("=")
        key = key.strip()
        if not sep or not key or any(not p for p in key.split(".")):
            raise ConfigError(key or str(item), translate("recipe", "expected key=value such as train.steps=100, "
                                                                   "got {0!r}").format(item))
        parts = key.split(".")
        node = out
        for i, p in enumerate(parts[:-1]):
            child = node.setdefault(p, {})
            if not isinstance(child, dict):
                raise ConfigError(".".join(parts[:i + 1]), translate("recipe", "is a value, not a table"))
            node = child
        node[parts[-1]] = parse_value(value.strip())
    return out


# --- a small TOML writer (enough for recipes: scalars, arrays, nested tables) ---------------------

def _toml_key(k: str) -> str:
    k = str(k)
    if k and all(c.isalnum() or c in "_-" for c in k):
        return k
    return json.dumps(k, ensure_ascii=False)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def dumps_toml(d: dict) -> str:
    """Serialise a dict of scalars / arrays / tables to TOML (tables after top-level values)."""
    lines: list[str] = []

    def emit(table: dict, path: list[str]) -> None:
        scalars = {k: v for k, v in table.items() if not isinstance(v, dict) and v is not None}
        tables = {k: v for k, v in table.items() if isinstance(v, dict)}
        if path and (scalars or not tables):
            if lines:
                lines.append("")
            lines.append("[" + ".".join(_toml_key(p) for p in path) + "]")
        for k, v in scalars.items():
            lines.append(f"{_toml_key(k)} = {_toml_value(v)}")
        for k, v in tables.items():
            emit(v, path + [k])

    emit(d, [])
    return "\n".join(lines) + "\n"


def recipe_fields() -> dict[str, list[dataclasses.Field]]:
    """The fields of each recipe section (for forms in the GUI)."""
    return {"objective": list(dataclasses.fields(ObjectiveConfig)),
            "optim": list(dataclasses.fields(OptimConfig)),
            "train": list(dataclasses.fields(TrainConfig)),
            "data": list(dataclasses.fields(DataConfig))}
