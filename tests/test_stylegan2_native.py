"""The one-pass end of a StyleGAN2 layer on a CPU (``stylegan3_native.blur_act``: the 4 x 4 blur
of an upsampling layer, bias, noise, leaky ReLU and clamp) against the PyTorch operations it
replaces at inference: channel counts that fill no vector, batches with shared and per-image
noise, clamps that act or not, one and several threads, in place; whole generators (images
within one uint8 level); and the fallback to PyTorch wherever it cannot run."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from explorer_models import one_torch_thread
from native_kernels import close, needs_library, rand
from ganstudio.core.imaging import to_uint8
from ganstudio.core.nets.stylegan import NVLabsStyleGAN2Config, StyleGenerator
from ganstudio.core.nets import stylegan3_native as native
from ganstudio.core.nets.layers import LRELU_SLOPE, blur, resample_kernel

CL = torch.channels_last

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)

def _reference(x, up, bias, noise, limit):
    """What the layer computes with PyTorch's operations."""
    if up:
        x = blur(x, resample_kernel(), (1, 1), gain=4.0, bias=bias)
    elif bias is not None:
        x = x + bias.reshape(1, -1, 1, 1)
    if noise is not None:
        x = x + noise
    x = F.leaky_relu(x, LRELU_SLOPE)
    return x if limit is None else x.clamp(-limit, limit)


def test_the_blur_is_split_into_its_one_dimensional_taps():
    taps = native.separable_taps(resample_kernel(), 4.0)
    assert torch.allclose(taps, torch.tensor([1.0, 3.0, 3.0, 1.0]) / 4)    # [1, 3, 3, 1] / 8 * 2
    assert torch.allclose(torch.outer(taps, taps), resample_kernel() * 4)
    lopsided = torch.outer(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([3.0, 2.0, 1.0]))
    assert native.separable_taps(lopsided) is None                      # not t t^T
    assert native.separable_taps(torch.randn(4, 4).abs() + 1) is None    # not separable
    assert native.separable_taps(-resample_kernel()) is None


@needs_library
@pytest.mark.parametrize("n,c,h,w", [(1, 3, 9, 7), (2, 16, 13, 13), (3, 37, 5, 11)])
@pytest.mark.parametrize("up", [True, False], ids=["blur", "pointwise"])
@pytest.mark.parametrize("noise", [None, "shared", "per-image"])
@pytest.mark.parametrize("limit", [None, 0.6, 1e4])               # acting, or never reached
def test_the_layer_end_matches_the_torch_operations(n, c, h, w, up, noise, limit):
    x = rand(n, c, h, w, seed=1).contiguous(memory_format=CL)
    bias = rand(c, seed=2, scale=0.3)
    ho, wo = (h - 1, w - 1) if up else (h, w)
    nz = {None: None, "shared": rand(ho, wo, seed=3, scale=0.5),
          "per-image": rand(n, 1, ho, wo, seed=4, scale=0.5)}[noise]
    with torch.no_grad():
        ref = _reference(x, up, bias, nz, limit)
        out = native.blur_act(x.clone(memory_format=CL), native.separable_taps(resample_kernel(), 4.0) if up
                              else None, 1 if up else 0, bias, nz, LRELU_SLOPE, limit)
    assert out is not None and out.is_contiguous(memory_format=CL)
    close(out, ref, rel=1e-5)
    if limit == 0.6:
        assert ref.abs().max() == pytest.approx(0.6)                    # the clamp acted


@needs_library
def test_without_a_blur_it_works_in_place_and_without_bias():
    x = rand(2, 5, 6, 4, seed=5).contiguous(memory_format=CL)
    noise = rand(6, 4, seed=6)
    with torch.no_grad():
        ref = _reference(x, False, None, noise, 0.8)
        out = native.blur_act(x, None, 0, None, noise, LRELU_SLOPE, 0.8, inplace=True)
    assert out is x
    close(x, ref, rel=1e-5)


@needs_library
def test_threads_split_the_rows_and_agree():
    x = rand(3, 20, 41, 33, seed=7).contiguous(memory_format=CL)
    taps, bias, noise = native.separable_taps(resample_kernel(), 4.0), rand(20, seed=8), rand(40, 32, seed=9)
    old = torch.get_num_threads()
    try:
        with torch.no_grad():
            outs = []
            for threads in (1, 3):
                torch.set_num_threads(threads)
                outs.append(native.blur_act(x, taps, 1, bias, noise, LRELU_SLOPE, 0.9))
            native.use_own_threads(True)
            outs.append(native.blur_act(x, taps, 1, bias, noise, LRELU_SLOPE, 0.9))
    finally:
        torch.set_num_threads(old)
        native.use_own_threads(False)
    assert torch.equal(outs[0], outs[1]) and torch.equal(outs[0], outs[2])


def test_it_declines_what_it_cannot_run(monkeypatch):
    taps = native.separable_taps(resample_kernel(), 4.0)
    x = rand(1, 4, 8, 8, seed=10).contiguous(memory_format=CL)
    noise = rand(7, 7, seed=11)
    with torch.no_grad():
        assert native.blur_act(x.contiguous(), taps, 1, None, noise, 0.2, None) is None  # NCHW
        assert native.blur_act(x.double().contiguous(memory_format=CL), taps, 1, None,
                               noise.double(), 0.2, None) is None
        assert native.blur_act(x, taps, 1, None, rand(8, 8), 0.2, None) is None        # noise size
        assert native.blur_act(x, None, 1, None, None, 0.2, None) is None              # pad, no blur
        monkeypatch.setenv("GANSTUDIO_NATIVE", "0")
        assert native.blur_act(x, taps, 1, None, noise, 0.2, None) is None
    monkeypatch.delenv("GANSTUDIO_NATIVE")
    with torch.enable_grad():
        assert native.blur_act(x.requires_grad_(), taps, 1, None, noise, 0.2, None) is None


def _generator(conv_clamp):
    torch.manual_seed(5)
    G = StyleGenerator(NVLabsStyleGAN2Config(resolution=32, channel_base=512, channel_max=37,
                                             z_dim=12, w_dim=10, mapping_layers=2,
                                             conv_clamp=conv_clamp))
    G = G.eval().requires_grad_(False)
    with torch.no_grad():
        for name, p in G.named_parameters():
            if name.endswith("noise_strength"):
                p.fill_(0.4)
            elif name.endswith(".bias") and p.ndim == 1:
                p.normal_(std=0.2)
    return G


@needs_library
@pytest.mark.parametrize("conv_clamp", [None, 0.5])
@pytest.mark.parametrize("noise_mode", ["const", "random"])
def test_generator_images_with_the_native_end_match_the_torch_code(conv_clamp, noise_mode, monkeypatch):
    G = _generator(conv_clamp)
    calls = []
    real = native.blur_act
    monkeypatch.setattr(native, "blur_act", lambda *a, **k: calls.append(real(*a, **k)) or calls[-1])
    with torch.inference_mode():
        ws = G.mapping(rand(3, 12, seed=12), None, psi=0.8)
        torch.manual_seed(0)
        ours = G.synthesis(ws, noise_mode=noise_mode)
        assert calls and all(c is not None for c in calls)       # every layer ended natively
        monkeypatch.setenv("GANSTUDIO_NATIVE", "0")
        torch.manual_seed(0)
        ref = G.synthesis(ws, noise_mode=noise_mode)
    close(ours, ref, rel=1e-4)
    assert abs(to_uint8(ours).astype(int) - to_uint8(ref).astype(int)).max() <= 1
    with torch.no_grad():                     # and it drew the same noise
        assert not torch.equal(ours, G.synthesis(ws, noise_mode="none"))
