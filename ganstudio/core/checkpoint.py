"""The one checkpoint format of GAN Studio.

A checkpoint is a single file written by ``torch.save`` holding only tensors and plain Python
containers::

    {"format": "ganstudio-checkpoint", "version": 1, "model_config": {...}, "step": int,
     "recipe": {...} | None, "G": state_dict, "D": state_dict | None, "G_ema": state_dict | None,
     "w_avg": Tensor | None, "optim": {...} | None, "rng": {...} | None, "extra": {...} | None}

Saving is atomic (temporary file in the same folder, fsync, rename), so a crash or a full disk
mid-save leaves the previous checkpoint intact.  Loading uses ``torch.load(weights_only=True)``,
which never executes code from the file; every way a file can be wrong becomes a
:class:`CheckpointError` that says what is wrong.

:func:`load_checkpoint` also opens official NVlabs network pickles (StyleGAN2-ADA, StyleGAN3
``.pkl``) through the restricted unpickler of :mod:`ganstudio.core.official` (nothing from the
file runs); :func:`save_generator_checkpoint` converts one into this format.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

from .checkpoint_io import CheckpointError, atomic_write, damaged  # noqa: F401  (this module's API)
from .progress import Monotonic, ProgressFn, stage
from .rng import rng_state, set_rng_state  # noqa: F401  (part of this module's API)

FORMAT = "ganstudio-checkpoint"
VERSION = 1
SUFFIX = ".pt"


# --- saving -------------------------------------------------------------------------------------

def _state(module_or_state) -> dict | None:
    if module_or_state is None:
        return None
    if isinstance(module_or_state, torch.nn.Module):
        module_or_state = module_or_state.state_dict()
    return {k: v.detach().cpu() if isinstance(v, torch.Tensor) else v
            for k, v in module_or_state.items()}


def _find_w_avg(state: dict | None):
    if not state:
        return None
    for key, value in state.items():
        if key.endswith("w_avg"):
            return value
    return None


def save_checkpoint(path: str | os.PathLike, *,
                    model_config: dict,               # plain net config dict (family + keys)
                    G,                                # generator module or state dict
                    D=None,                           # discriminator (None: generator-only file)
                    G_ema=None,                       # EMA generator (None: G is used for viewing)
                    optim: dict | None = None,        # optimiser state dicts by name
                    step: int = 0,                    # training steps done
                    recipe: dict | None = None,       # fully resolved recipe
                    rng: dict | None = None,          # from rng_state()
                    extra: dict | None = None,        # anything else (plain data and tensors)
                    ) -> Path:
    """Write a checkpoint atomically and return its path.

    Raises CheckpointError (with the previous file at ``path`` untouched) when it cannot be written.
    """
    path = Path(path)
    g_state, ema_state = _state(G), _state(G_ema)
    payload: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "model_config": dict(model_config), "step": int(step),
        "recipe": recipe, "G": g_state, "D": _state(D), "G_ema": ema_state,
        "w_avg": _find_w_avg(ema_state if ema_state is not None else g_state),
        "optim": optim, "rng": rng, "extra": extra,
    }
    atomic_write(path, lambda f: torch.save(payload, f))
    return path


# --- loading ------------------------------------------------------------------------------------

@dataclass
class Checkpoint:
    """A loaded, validated checkpoint (all tensors on the CPU)."""

    path: Path
    model_config: dict
    step: int
    G: dict
    D: dict | None = None
    G_ema: dict | None = None
    w_avg: torch.Tensor | None = None
    recipe: dict | None = None
    optim: dict | None = None
    rng: dict | None = None
    extra: dict | None = None
    version: int = VERSION
    sha256: str = ""
    # the generator that load_checkpoint() built to validate the weights, by weight set
    # ("G" / "G_ema"): the first build_generator() hands it out instead of building another
    _built: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def family(self) -> str:
        return str(self.model_config.get("family", "?"))

    def generator_state(self, ema: bool = True) -> dict:
        return self.G_ema if (ema and self.G_ema is not None) else self.G

    def build_generator(self, ema: bool = True, device: str | torch.device = "cpu") -> torch.nn.Module:
        """The generator (EMA weights when present and ``ema``), in eval mode, on ``device``."""
        what = "G_ema" if ema and self.G_ema is not None else "G"
        G = self._built.pop(what, None)
        if G is None:
            G = build_model_generator(self.model_config)
            _load_state(G, self.generator_state(ema), what, self.path.name)
        return G.to(device).eval().requires_grad_(False)

    def build_discriminator(self, device: str | torch.device = "cpu") -> torch.nn.Module:
        from .nets import build_discriminator
        if self.D is None or self.family in _official_families():
            raise CheckpointError(translate("checkpoint", "{0} holds no discriminator").format(self.path.name))
        D = build_discriminator(self.model_config)
        _load_state(D, self.D, "D", self.path.name)
        return D.to(device).eval()

    def summary(self) -> dict:
        """What the model is, for display: family, resolution, channels, z / w sizes, step."""
        cfg = self.model_config
        info = {"file": self.path.name, "family": self.family, "step": self.step,
                "z_dim": cfg.get("z_dim"), "sha256": self.sha256[:12]}
        for key in ("resolution", "channels", "w_dim", "data_dim"):
            if key in cfg:
                info[key] = cfg[key]
        if self.family == "dcgan":          # files from before layouts existed hold no key
            info["layout"] = model_config_of(cfg).layout
        if self.recipe:
            info["recipe"] = self.recipe.get("title") or self.recipe.get("name")
            data = self.recipe.get("data")
            if isinstance(data, dict) and isinstance(data.get("kind"), str):
                info["data"] = data["kind"]      # what it learned, e.g. "fashion_mnist"
        official = (self.extra or {}).get("official")
        if isinstance(official, dict):
            kind, which = official.get("kind", "NVlabs"), official.get("generator")
            info["origin"] = translate("checkpoint", "official {0} network pickle ({1})").format(kind, which)
        if cfg.get("c_dim"):
            info["classes"] = cfg["c_dim"]
        return info


def _load_state(module: torch.nn.Module, state: dict, what: str, name: str, assign: bool = False) -> None:
    """Load weight set ``what`` of checkpoint file ``name`` into ``module``, after proving that
    it fits: the same weight names, tensors of the same shapes and kinds, no NaN or inf.
    assign: the module's weights become the state's float32 tensors instead of copies of them
    (one set of weights in memory instead of two; the state then changes with the module)."""
    if not isinstance(state, dict):
        raise CheckpointError(translate("checkpoint", "{0}: the {1} weights are not a state dict").format(name, what))
    expected = module.state_dict()
    missing = [k for k in expected if k not in state]
    unexpected = [_shown(k) for k in state if k not in expected]
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(translate("checkpoint", "missing {0}").format(
                ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")))
        if unexpected:
            parts.append(translate("checkpoint", "unexpected {0}").format(
                ", ".join(unexpected[:3]) + (" ..." if len(unexpected) > 3 else "")))
        raise CheckpointError(translate("checkpoint", "{0}: the {1} weights do not fit the model config: {2}")
                              .format(name, what, "; ".join(parts)))
    for key, tensor in expected.items():
        got = state[key]
        if not isinstance(got, torch.Tensor):
            raise CheckpointError(translate("checkpoint", "{0}: the {1} weight {2} is not a tensor")
                                  .format(name, what, key))
        if got.shape != tensor.shape:
            raise CheckpointError(translate("checkpoint", "{0}: the {1} weight {2} has shape {3}, the "
                                            "model config needs {4}")
                                  .format(name, what, key, tuple(got.shape), tuple(tensor.shape)))
        if (got.layout != torch.strided or got.is_quantized or got.is_complex()
                or got.dtype.is_floating_point != tensor.dtype.is_floating_point):
            raise CheckpointError(translate("checkpoint", "{0}: the {1} weight {2} is a {3} {4} tensor, "
                                            "the model needs {5}")
                                  .format(name, what, key, got.dtype, got.layout, tensor.dtype))
        if _has_nan_or_inf(got):
            raise CheckpointError(translate("checkpoint", "{0}: the {1} weight {2} contains NaN or inf")
                                  .format(name, what, key))
    if assign and all(state[k].dtype == t.dtype and state[k].device == t.device
                      for k, t in expected.items()):
        module.load_state_dict(state, assign=True)
    else:
        module.load_state_dict(state)


def _has_nan_or_inf(t: torch.Tensor) -> bool:
    """Whether a tensor holds NaN or inf, at the cost of one sum: a NaN or an inf anywhere makes
    the sum NaN or inf, so a finite sum proves every element finite.  Only a non-finite sum (a
    real NaN / inf, or finite values that overflow when added up) takes the exact, slower test."""
    if not t.dtype.is_floating_point:
        return False
    if bool(torch.isfinite(t.sum())):
        return False
    return not bool(torch.isfinite(t).all())


def resolve_checkpoint_path(path: str | os.PathLike) -> Path:
    """A checkpoint file, or a run directory / checkpoints folder (its newest checkpoint)."""
    path = Path(path)
    if path.is_dir():
        folder = path / "checkpoints" if (path / "checkpoints").is_dir() else path
        latest = folder / f"latest{SUFFIX}"
        if latest.is_file():
            return latest
        files = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
        if not files:
            raise CheckpointError(translate("checkpoint", "{0} is a directory with no checkpoint in it")
                                  .format(path))
        return files[-1]
    return path


def load_checkpoint(path: str | os.PathLike, *, validate: bool = True,
                    progress: ProgressFn | None = None) -> Checkpoint:
    """Read and validate a checkpoint; never executes code from the file.

    path: a checkpoint file, or a run directory (its newest checkpoint is opened).
    validate: build the generator once to prove the config and weights fit together.
    progress: called with the fraction done (0..1, rising, 1 at the end); it may raise
    :class:`~ganstudio.core.progress.Cancelled` to stop, which propagates as it is (nothing
    was opened).  An official pickle holds only its generator's weights in memory.
    """
    path = resolve_checkpoint_path(path)
    report = Monotonic(progress)
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            from .official import looks_like_pickle
            if looks_like_pickle(f.read(1)):  # an official NVlabs network pickle (or a crafted file)
                f.seek(0)
                ckpt = _load_network_pickle(f, size, path, stage(report, 0.0, 0.9 if validate else 1.0))
            else:
                f.seek(0)
                raw = _read_all(f, size, stage(report, 0.0, 0.5))
                ckpt = _validate_payload(_torch_load(raw, path.name), path)
                ckpt.sha256 = hashlib.sha256(raw).hexdigest()
                del raw
                report(0.8 if validate else 1.0)
    except FileNotFoundError:
        raise CheckpointError(translate("checkpoint", "{0} does not exist").format(path)) from None
    except IsADirectoryError:
        raise CheckpointError(translate("checkpoint", "{0} is a directory, not a checkpoint")
                              .format(path)) from None
    except PermissionError:
        raise CheckpointError(translate("checkpoint", "{0} cannot be read: permission denied")
                              .format(path.name)) from None
    except OSError as e:
        raise CheckpointError(translate("checkpoint", "{0} cannot be read: {1}")
                              .format(path.name, e.strerror or e)) from None
    if validate:  # one model proves the config builds and both weight sets fit it
        from .config import ConfigError
        try:
            G = build_model_generator(ckpt.model_config)
        except ConfigError as e:
            raise CheckpointError(translate("checkpoint", "{0} cannot be opened: {1}")
                                  .format(path.name, e)) from None
        report(0.95)
        # an imported pickle's weights are used by nothing else: the model takes them over
        _load_state(G, ckpt.G, "G", path.name, assign=ckpt.family in _official_families())
        if ckpt.G_ema is not None:
            _load_state(G, ckpt.G_ema, "G_ema", path.name)
        ckpt._built["G_ema" if ckpt.G_ema is not None else "G"] = G
    report(1.0)
    return ckpt


def _read_all(f, size: int, progress: ProgressFn) -> bytes:
    """The whole file, read in chunks so that progress can be reported (and a read cancelled)."""
    buf = bytearray(size)
    view, done = memoryview(buf), 0
    while done < size:
        got = f.readinto(view[done:done + (8 << 20)])
        if not got:
            break
        done += got
        progress(done / size)
    rest = f.read()  # a file that grew meanwhile
    return bytes(view[:done]) + rest if (done < size or rest) else bytes(buf)


def _torch_load(raw: bytes, name: str):
    if not raw:
        raise CheckpointError(translate("checkpoint", "{0} is empty (0 bytes)").format(name))
    if raw[:2] != b"PK":
        raise CheckpointError(translate("checkpoint", "{0} is not a GAN Studio checkpoint (not a "
                                        "PyTorch archive)").format(name))
    try:
        return torch.load(io.BytesIO(raw), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as e:
        msg = str(e)
        culprit = ""
        for line in msg.splitlines():
            if "Unsupported global" in line or "GLOBAL" in line:
                culprit = ": " + line.strip().removeprefix("WeightsUnpickler error:").strip()
                break
        raise CheckpointError(translate("checkpoint", "{0} was refused: it holds Python objects that "
                                        "could run code when loaded{1}").format(name, culprit)) from None
    except zipfile.BadZipFile:
        raise CheckpointError(translate("checkpoint", "{0} is damaged (not a valid archive)")
                              .format(name)) from None
    except (RuntimeError, EOFError, ValueError, OSError, KeyError) as e:
        text = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise CheckpointError(damaged(name), detail=text) from None


def _validate_payload(data, path: Path) -> Checkpoint:
    """The Checkpoint of a loaded payload, after checking the type of every field (each wrong
    one is refused with a message naming the file and the field)."""
    name = path.name
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CheckpointError(translate("checkpoint", "{0} is a PyTorch file but not a GAN Studio "
                                        "checkpoint (no 'format: ganstudio-checkpoint' marker)").format(name))
    version = data.get("version")
    if not _is_int(version):
        raise CheckpointError(translate("checkpoint", "{0} has no valid format version").format(name))
    if version > VERSION:
        raise CheckpointError(translate("checkpoint", "{0} uses checkpoint format version {1}; this GAN "
                                        "Studio reads versions up to {2} — please update GAN Studio")
                              .format(name, version, VERSION))
    if version < 1:
        raise CheckpointError(translate("checkpoint", "{0} has an unknown checkpoint format version {1}")
                              .format(name, version))
    config = data.get("model_config")
    if not isinstance(config, dict) or "family" not in config:
        raise CheckpointError(translate("checkpoint", "{0} has no model config (family missing)").format(name))
    if not isinstance(data.get("G"), dict):
        raise CheckpointError(translate("checkpoint", "{0} holds no generator weights").format(name))
    from .config import ConfigError
    try:
        model_config_of(config)
    except ConfigError as e:
        raise CheckpointError(translate("checkpoint", "{0}: its model config does not build: {1}")
                              .format(name, e)) from None
    for what in ("G", "G_ema", "D"):
        _check_state_dict(data.get(what), what, name)
    step = data.get("step", 0)
    if not _is_int(step) or step < 0:
        raise CheckpointError(translate("checkpoint", "{0}: its step must be a whole number ≥ 0, not {1}")
                              .format(name, _kind(step)))
    for key in ("recipe", "optim", "rng", "extra"):
        if data.get(key) is not None and not isinstance(data[key], dict):
            raise CheckpointError(translate("checkpoint", "{0}: its {1} must be a table (dict) or absent, "
                                            "not {2}").format(name, key, _kind(data[key])))
    w_avg = data.get("w_avg")
    if w_avg is not None and not isinstance(w_avg, torch.Tensor):
        raise CheckpointError(translate("checkpoint", "{0}: its w_avg must be a tensor or absent, not {1}")
                              .format(name, _kind(w_avg)))
    return Checkpoint(path=path, model_config=config, step=step, G=data["G"],
                      D=data.get("D"), G_ema=data.get("G_ema"), w_avg=w_avg,
                      recipe=data.get("recipe"), optim=data.get("optim"), rng=data.get("rng"),
                      extra=data.get("extra"), version=version)


def _check_state_dict(state, what: str, name: str) -> None:
    """A weight set is None (D, G_ema) or a dict of tensors by text names (shapes are checked
    against the model when it is built)."""
    if state is None and what != "G":
        return
    if not isinstance(state, dict):
        raise CheckpointError(translate("checkpoint", "{0}: the {1} weights are not a state dict").format(name, what))
    for key, value in state.items():
        if not isinstance(key, str):
            raise CheckpointError(translate("checkpoint", "{0}: the {1} weights do not fit the model "
                                            "config: a weight name is {2}, not text")
                                  .format(name, what, _kind(key)))
        if not isinstance(value, torch.Tensor):
            raise CheckpointError(translate("checkpoint", "{0}: the {1} weight {2} is not a tensor")
                                  .format(name, what, _shown(key)))


def _shown(key) -> str:
    """A weight name from a file, fit for a one-line message."""
    return key if isinstance(key, str) and key.isprintable() and len(key) <= 80 else repr(key)[:80]


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value) -> str:
    """A short, one-line description of a value from a file, for messages."""
    if value is None or isinstance(value, (bool, int, float)):
        text = repr(value)
        return text if len(text) <= 24 else translate("checkpoint", "a {0}-digit number").format(len(text))
    if isinstance(value, str):
        return repr(value) if len(value) <= 24 else \
            translate("checkpoint", "a {0}-character text").format(len(value))
    if isinstance(value, torch.Tensor):
        return translate("checkpoint", "a tensor of shape {0}").format(tuple(value.shape))
    return translate("checkpoint", "a {0}").format(type(value).__name__)


# --- families and official network pickles ----------------------------------------------------------

def _official_families() -> tuple[str, ...]:
    from .official import OFFICIAL_FAMILIES
    return OFFICIAL_FAMILIES


def model_config_of(config: dict):
    """The validated config dataclass of a model config: GAN Studio's families and those of
    models imported from official NVlabs pickles (ConfigError naming the key if invalid)."""
    if isinstance(config, dict) and config.get("family") in _official_families():
        from .official import official_config
        return official_config(config)
    from .nets import net_config
    return net_config(config)


def build_model_generator(config: dict) -> torch.nn.Module:
    """A freshly initialised generator for any model config a checkpoint can hold."""
    if isinstance(config, dict) and config.get("family") in _official_families():
        from .official import build_official_generator
        return build_official_generator(config)
    from .nets import build_generator
    return build_generator(config)


def _load_network_pickle(file, size: int, path: Path, progress: ProgressFn) -> Checkpoint:
    """An official StyleGAN2-ADA / StyleGAN3 network pickle as a (generator-only) Checkpoint.
    Nothing from the file is run, and only the generator's tensors are read into memory: see
    :mod:`ganstudio.core.official`."""
    from .config import ConfigError
    from .official import NetworkPickleError, open_network_pickle
    try:
        model = open_network_pickle(file, size, path.name, progress)
        model_config_of(model.model_config)
    except NetworkPickleError as e:
        raise CheckpointError(str(e), detail=e.detail) from None
    except ConfigError as e:
        raise CheckpointError(translate("checkpoint", "{0}: this network is not supported: {1}")
                              .format(path.name, e)) from None
    return Checkpoint(path=path, model_config=model.model_config, step=0, G=model.state,
                      w_avg=_find_w_avg(model.state), extra={"official": model.info},
                      sha256=model.sha256)


def save_generator_checkpoint(ckpt: Checkpoint, path: str | os.PathLike) -> Path:
    """Write the generator of a loaded checkpoint (e.g. an official network pickle) as a GAN
    Studio checkpoint: config, G (and EMA G), step, recipe and provenance; no D or optimiser."""
    path = Path(path)
    if path.suffix != SUFFIX:
        raise CheckpointError(translate("checkpoint", "GAN Studio checkpoints end in {0}; got {1}")
                              .format(SUFFIX, path.name))
    return save_checkpoint(path, model_config=ckpt.model_config, G=ckpt.G, G_ema=ckpt.G_ema,
                           step=ckpt.step, recipe=ckpt.recipe, extra=ckpt.extra)
