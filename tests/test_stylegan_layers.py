"""The StyleGAN2 layers against plain reference formulas: every fast path (shared or per-sample
weights, 1x1 as a matrix product, channels-last rendering, folded gains, in-place rendering)
gives the same values, and the same gradients (also second order, as the path length
regulariser needs) as the textbook computation done one sample at a time."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from explorer_models import one_torch_thread

from ganstudio.core.nets import build_generator, default_config
from ganstudio.core.nets.layers import EqualLinear, blur, resample_kernel, upsample2d
from ganstudio.core.nets.stylegan_layers import (SynthesisLayer, ToRGBLayer, fused_is_cheaper,
                                                 modulated_conv2d)


_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


def close(a, b, tol=1e-5):
    a, b = a.detach(), b.detach()
    return torch.allclose(a, b, rtol=tol, atol=tol * max(1.0, float(b.abs().max())))


# --- references: one sample at a time, written the obvious way ----------------------------------

def ref_styles(affine: EqualLinear, w):
    return F.linear(w, affine.weight * affine.weight_gain, affine.bias * affine.bias_gain)


def ref_modconv(x, weight, styles, demodulate=True, up=False):
    out = []
    for n in range(x.shape[0]):
        wn = weight * styles[n].reshape(1, -1, 1, 1)
        if demodulate:
            wn = wn / (wn.square().sum(dim=[1, 2, 3], keepdim=True) + 1e-8).sqrt()
        xn = x[n:n + 1]
        out.append(F.conv_transpose2d(xn, wn.transpose(0, 1), stride=2) if up
                   else F.conv2d(xn, wn, padding=weight.shape[-1] // 2))
    return torch.cat(out)


def ref_synthesis_layer(layer: SynthesisLayer, x, w):
    y = ref_modconv(x, layer.weight, ref_styles(layer.affine, w), up=layer.up)
    if layer.up:  # blur: pad 1, the [1, 3, 3, 1] filter times 4
        k = (resample_kernel() * 4).to(y.dtype).expand(y.shape[1], 1, 4, 4)
        y = F.conv2d(F.pad(y, (1, 1, 1, 1)), k, groups=y.shape[1])
    y = y + layer.noise_const * layer.noise_strength + layer.bias.reshape(1, -1, 1, 1)
    y = F.leaky_relu(y, 0.2) * math.sqrt(2)
    return y if layer.conv_clamp is None else y.clamp(-layer.conv_clamp, layer.conv_clamp)


def ref_torgb(layer: ToRGBLayer, x, w):
    y = ref_modconv(x, layer.weight, ref_styles(layer.affine, w) * layer.weight_gain, demodulate=False)
    y = y + layer.bias.reshape(1, -1, 1, 1)
    return y if layer.conv_clamp is None else y.clamp(-layer.conv_clamp, layer.conv_clamp)


def synthesis_layer(up: bool, clamp=None) -> SynthesisLayer:
    torch.manual_seed(1)
    layer = SynthesisLayer(5, 4, 6, 8, up=up, conv_clamp=clamp).double()
    with torch.no_grad():
        layer.noise_strength.fill_(0.3)
        layer.bias.normal_()
    return layer


# --- values -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("up", [False, True])
@pytest.mark.parametrize("fused", [True, False, None])
@pytest.mark.parametrize("mode", ["grad", "inference"])
@pytest.mark.parametrize("n", [1, 3])
def test_synthesis_layer_equals_the_reference(up, fused, mode, n):
    layer = synthesis_layer(up, clamp=1.5 if n == 3 else None)
    torch.manual_seed(2)
    x = torch.randn(n, 5, 4 if up else 8, 4 if up else 8, dtype=torch.float64)
    w = torch.randn(n, 6, dtype=torch.float64)
    ref = ref_synthesis_layer(layer, x, w)
    ctx = torch.inference_mode() if mode == "inference" else torch.enable_grad()
    with ctx:
        out = layer(x, w, noise_mode="const", fused=fused)
    assert out.shape == (n, 4, 8, 8) and close(out.detach(), ref.detach(), 1e-10)


@pytest.mark.parametrize("up", [False, True])
@pytest.mark.parametrize("shape", [(5, 4, 4), (2, 2, 16)], ids=["wide", "fine"])  # both render paths
def test_rendering_equals_the_reference_and_follows_weight_changes(up, shape):
    i, o, size = shape
    torch.manual_seed(9)
    layer = SynthesisLayer(i, o, 6, size * 2 if up else size, up=up, conv_clamp=1.5).double()
    with torch.no_grad():
        layer.noise_strength.fill_(0.3)
        layer.bias.normal_()
    x = torch.randn(1, i, size, size, dtype=torch.float64)
    w = torch.randn(1, 6, dtype=torch.float64)
    with torch.inference_mode():
        first = layer(x, w, noise_mode="const")
    assert close(first, ref_synthesis_layer(layer, x, w), 1e-10)
    with torch.no_grad():          # an optimiser step or an EMA update changes weights in place
        layer.weight.mul_(-0.7)
    with torch.inference_mode():
        assert close(layer(x, w, noise_mode="const"), ref_synthesis_layer(layer, x, w), 1e-10)
    other = SynthesisLayer(i, o, 6, size * 2 if up else size, up=up, conv_clamp=1.5).double()
    layer.load_state_dict(other.state_dict())   # opening another model into the same network
    with torch.inference_mode():
        assert close(layer(x, w, noise_mode="const"), ref_synthesis_layer(layer, x, w), 1e-10)


@pytest.mark.parametrize("channels_last", [False, True])
def test_torgb_is_one_matrix_product_in_any_memory_layout(channels_last):
    torch.manual_seed(3)
    layer = ToRGBLayer(5, 3, 6, conv_clamp=0.8).double()
    with torch.no_grad():
        layer.bias.normal_()
    x = torch.randn(2, 5, 4, 4, dtype=torch.float64)
    w = torch.randn(2, 6, dtype=torch.float64)
    if channels_last:
        x = x.contiguous(memory_format=torch.channels_last)
    assert close(layer(x, w), ref_torgb(layer, x, w), 1e-10)


@pytest.mark.parametrize("fused", [True, False])
def test_gain_and_bias_are_folded_into_the_modulated_conv(fused):
    torch.manual_seed(4)
    x, weight, styles = torch.randn(2, 3, 5, 5), torch.randn(4, 3, 3, 3), torch.randn(2, 3)
    bias = torch.randn(4)
    out = modulated_conv2d(x, weight, styles, fused=fused, gain=1.7, bias=bias)
    assert close(out, ref_modconv(x, weight, styles) * 1.7 + bias.reshape(1, -1, 1, 1))
    plain = modulated_conv2d(x, weight, styles, demodulate=False, fused=fused, gain=0.5)
    assert close(plain, ref_modconv(x, weight, styles, demodulate=False) * 0.5)
    with pytest.raises(ValueError, match="no bias"):
        modulated_conv2d(x, weight, styles, up=True, bias=bias)


def test_the_cheaper_path_is_chosen_by_size():
    weight = torch.zeros(512, 512, 3, 3)
    assert not fused_is_cheaper(torch.zeros(1, 512, 8, 8), weight, up=False)      # coarse, wide
    assert fused_is_cheaper(torch.zeros(1, 32, 256, 256), torch.zeros(32, 32, 3, 3), up=True)


def test_blur_and_upsampling_equal_the_padded_fir_filter():
    torch.manual_seed(5)
    x, bias = torch.randn(2, 3, 7, 7, dtype=torch.float64), torch.randn(3, dtype=torch.float64)
    k = resample_kernel().double()
    ref = F.conv2d(F.pad(x, (2, 2, 2, 2)), (k * 4).expand(3, 1, 4, 4), bias, groups=3)
    assert close(blur(x, k, (2, 2), gain=4.0, bias=bias), ref, 1e-12)
    assert close(blur(x, k, (2, 1)), F.conv2d(F.pad(x, (2, 1, 2, 1)), k.expand(3, 1, 4, 4), groups=3), 1e-12)
    stuffed = torch.zeros(2, 3, 14, 14, dtype=torch.float64)
    stuffed[:, :, ::2, ::2] = x
    up = F.conv2d(F.pad(stuffed, (2, 1, 2, 1)), (4 * k).expand(3, 1, 4, 4), groups=3)
    assert close(upsample2d(x), up, 1e-12) and close(upsample2d(x, k), up, 1e-12)


@pytest.mark.parametrize("bias", [True, False])
def test_equal_linear_scales_the_product_not_the_weight(bias):
    torch.manual_seed(6)
    layer = EqualLinear(7, 5, bias=bias, bias_init=0.5, lr_mul=0.1, activation="lrelu")
    x = torch.randn(3, 7)
    b = layer.bias * layer.bias_gain if bias else None
    ref = F.leaky_relu(F.linear(x, layer.weight * layer.weight_gain, b), 0.2) * math.sqrt(2)
    assert close(layer(x), ref) and close(layer(x.reshape(3, 1, 7)).reshape(3, 5), ref)


# --- gradients ------------------------------------------------------------------------------------

@pytest.mark.parametrize("up", [False, True])
@pytest.mark.parametrize("fused", [True, False])
def test_synthesis_layer_gradients_equal_the_reference_to_second_order(up, fused):
    layer = synthesis_layer(up, clamp=2.0)
    torch.manual_seed(7)
    n = 2
    x = torch.randn(n, 5, 4 if up else 8, 4 if up else 8, dtype=torch.float64, requires_grad=True)
    w = torch.randn(n, 6, dtype=torch.float64, requires_grad=True)
    probe = torch.randn(n, 4, 8, 8, dtype=torch.float64)
    params = [x, w] + list(layer.parameters())

    def grads(forward):
        out = forward()
        gw, = torch.autograd.grad((out * probe).sum(), w, create_graph=True)   # path length style
        loss = (out * probe).square().mean() + gw.square().sum()
        return torch.autograd.grad(loss, params)

    ours = grads(lambda: layer(x, w, noise_mode="const", fused=fused))
    ref = grads(lambda: ref_synthesis_layer(layer, x, w))
    for a, b in zip(ours, ref):
        assert close(a, b, 1e-9)


def test_whole_generator_gradcheck_in_double_precision():
    torch.manual_seed(8)
    cfg = default_config("stylegan", z_dim=4, w_dim=4, mapping_layers=1, channel_base=16,
                         channel_max=3, resolution=8, channels=1)
    G = build_generator(cfg).double()
    with torch.no_grad():
        for name, p in G.named_parameters():
            if name.endswith("noise_strength"):
                p.fill_(0.2)
    ws = torch.randn(2, G.num_ws, 4, dtype=torch.float64, requires_grad=True)
    for fused in (True, False):
        G.synthesis.fused_modconv = fused
        assert torch.autograd.gradcheck(lambda v: G.synthesis(v, noise_mode="const"), (ws,), eps=1e-6, atol=1e-5)
