"""StyleGAN3 signal-processing fast paths against their plain definitions: polyphase
resampling (``upfirdn2d``), the filtered leaky ReLU (gain folded into the filter, clamp skipped
when it cannot act), the modulated convolution (one sample: scales in the weight), values and
gradients, contiguous and channels-last; and the FLOP / convolution-shape counts."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from explorer_models import one_torch_thread
from ganstudio.core.nets import stylegan3_ops as ops
from ganstudio.core.nets.stylegan3 import (Generator, stylegan3_conv_shapes, stylegan3_flops)
from ganstudio.core.nets.stylegan3_filters import kaiser_jinc_lowpass, kaiser_sinc_lowpass
from ganstudio.core.nets.stylegan3_ops import filtered_lrelu, modulated_conv2d, upfirdn2d

CL = torch.channels_last


_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


def reference_upfirdn2d(x, f, up=1, down=1, padding=(0, 0, 0, 0), gain=1.0):
    """The definition, in differentiable torch ops: zero insertion, zero padding (negative
    crops), true 2-D convolution with f (outer product if separable) times gain, keeping every
    down-th sample."""
    n, c, h, w = x.shape
    if f is None:
        f = torch.ones(1, dtype=x.dtype)
    f2 = torch.outer(f, f) if f.ndim == 1 else f
    f2 = (f2 * gain).to(x.dtype)
    u = x.new_zeros(n, c, h * up, w * up)
    u[:, :, ::up, ::up] = x
    u = F.pad(u, list(padding))
    weight = f2.flip([0, 1]).reshape(1, 1, *f2.shape).repeat(c, 1, 1, 1)
    return F.conv2d(u, weight, groups=c)[:, :, ::down, ::down]


def reference_filtered_lrelu(x, fu, fd, b, up, down, padding, gain, slope, clamp):
    """Bias, upsample, leaky ReLU, gain, clamp, downsample, step by step."""
    x = x + b.reshape(1, -1, 1, 1)
    x = reference_upfirdn2d(x, fu, up=up, padding=padding, gain=up ** 2)
    x = F.leaky_relu(x, slope) * gain
    if clamp is not None:
        x = x.clamp(-clamp, clamp)
    return reference_upfirdn2d(x, fd, down=down)


def _rand(*shape, seed=0, dtype=torch.float64):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


RESAMPLING = [  # (taps, up, down, padding)
    ((12,), 2, 1, (9, 8, 9, 8)),        # a layer's upsampling (x2, 12 taps)
    ((24,), 4, 1, (-6, -9, -6, -9)),    # x4 with cropping
    ((12,), 1, 2, (0, 0, 0, 0)),        # a layer's downsampling
    ((12, 12), 1, 2, (0, 0, 0, 0)),     # radial downsampling (config R)
    ((7,), 3, 1, (2, 11, -4, 0)),       # odd taps, asymmetric padding
    ((6,), 1, 3, (4, -1, 0, 2)),        # down by 3 with padding
    ((5, 3), 2, 1, (1, 2, 3, 0)),       # non-square 2-D kernel, upsampling
]


@pytest.mark.parametrize("layout", ["contiguous", "channels_last"])
@pytest.mark.parametrize("taps,up,down,pad", RESAMPLING)
def test_upfirdn2d_values_and_gradients_match_the_definition(taps, up, down, pad, layout):
    x = _rand(2, 5, 13, 12, seed=1)
    if layout == "channels_last":
        x = x.contiguous(memory_format=CL)
    f = _rand(*taps, seed=2)
    xa, xb = x.clone().requires_grad_(), x.clone().requires_grad_()
    ours = upfirdn2d(xa, f, up=up, down=down, padding=pad, gain=up ** 2)
    ref = reference_upfirdn2d(xb, f, up=up, down=down, padding=pad, gain=up ** 2)
    assert ours.shape == ref.shape
    torch.testing.assert_close(ours, ref, rtol=0, atol=1e-12)
    with torch.no_grad():   # inference path (channels-last: rows upsampled by matrix products)
        fast = upfirdn2d(x, f, up=up, down=down, padding=pad, gain=up ** 2)
    torch.testing.assert_close(fast, ref.detach(), rtol=0, atol=1e-12)
    if layout == "channels_last" and (taps, up, down, pad) in RESAMPLING[:4]:
        assert ours.is_contiguous(memory_format=CL)  # the generator's passes keep the layout
    upstream = _rand(*ref.shape, seed=3)
    (ours * upstream).sum().backward()
    (ref * upstream).sum().backward()
    torch.testing.assert_close(xa.grad, xb.grad, rtol=0, atol=1e-12)


@pytest.mark.parametrize("height,up,pad", [(1, 2, (0, 0, 5, 5)), (3, 4, (0, 0, -5, 7)),
                                            (2, 3, (0, 0, 20, -1)), (6, 2, (0, 0, 0, 0))])
def test_row_upsampling_by_matrix_products_handles_edges(height, up, pad):
    # images so short that every block of output rows reaches past an edge, partial last
    # blocks, padding beyond the filter's reach; a batch of 3
    x = _rand(3, 4, height, 5, seed=15).contiguous(memory_format=CL)
    f = _rand(3 * up, seed=16)
    with torch.no_grad():
        fast = upfirdn2d(x, f, up=up, padding=pad, gain=up ** 2)
    ref = reference_upfirdn2d(x, f, up=up, padding=pad, gain=up ** 2)
    assert fast.shape == ref.shape
    torch.testing.assert_close(fast, ref, rtol=0, atol=1e-12)


def test_upfirdn2d_gradcheck():
    x = _rand(1, 1, 4, 5, seed=4).requires_grad_()
    f = _rand(6, seed=5)
    assert torch.autograd.gradcheck(
        lambda t: upfirdn2d(t, f, up=2, padding=(3, 2, 1, 4), gain=4), (x,))
    assert torch.autograd.gradcheck(lambda t: upfirdn2d(t, f, down=2, padding=(1, 1, 0, 2)), (x,))


LAYERS = {  # filters and sizes as the generator's layers use them (small channel counts)
    "x2 separable": dict(fu=(12, 2), fd=(12, 2, False), up=2, down=2, padding=(9, 8, 9, 8)),
    "x4 separable": dict(fu=(24, 4), fd=(12, 2, False), up=4, down=2,
                         padding=(-6, -9, -6, -9)),
    "x2 radial": dict(fu=(12, 2), fd=(12, 2, True), up=2, down=2, padding=(11, 10, 11, 10)),
    "x4 radial": dict(fu=(24, 4), fd=(12, 2, True), up=4, down=2, padding=(-2, -5, -2, -5)),
}


def _layer_filters(fu, fd):
    """Designed low-pass filters like a layer's (float32, as the generator stores them)."""
    taps, up = fu
    up_filter = kaiser_sinc_lowpass(taps, 3.0, 4.0, 16.0 * up)
    taps, down, radial = fd
    design = kaiser_jinc_lowpass if radial else kaiser_sinc_lowpass
    down_filter = design(taps, 4.0, 4.0, 32.0)
    return (torch.as_tensor(up_filter, dtype=torch.float32),
            torch.as_tensor(down_filter, dtype=torch.float32))


@pytest.mark.parametrize("clamp", [None, 256.0, 0.7])  # 0.7: the clamp really acts
@pytest.mark.parametrize("name", list(LAYERS))
def test_filtered_lrelu_matches_the_step_by_step_definition(name, clamp):
    spec = LAYERS[name]
    fu, fd = _layer_filters(spec["fu"], spec["fd"])
    x = _rand(2, 3, 14, 14, seed=6, dtype=torch.float32) * 2
    b = _rand(3, seed=7, dtype=torch.float32)
    kw = dict(up=spec["up"], down=spec["down"], padding=spec["padding"], gain=math.sqrt(2),
              slope=0.2, clamp=clamp)
    ref = reference_filtered_lrelu(x.double(), fu.double(), fd.double(), b.double(), **kw)
    before = x.clone()
    with torch.no_grad():                      # inference path: in-place, clamp maybe skipped
        fast = filtered_lrelu(x, fu, fd, b, **kw)
        fast_cl = filtered_lrelu(x.contiguous(memory_format=CL), fu, fd, b, **kw)
    assert torch.equal(x, before)              # the input is never overwritten
    torch.testing.assert_close(fast.double(), ref, rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(fast_cl, fast, rtol=1e-6, atol=1e-6)
    # the training path (autograd, no in-place ops) gives the same values and the
    # gradients of the definition
    xa, ba = x.double().requires_grad_(), b.double().requires_grad_()
    xb, bb = x.double().requires_grad_(), b.double().requires_grad_()
    out = filtered_lrelu(xa, fu.double(), fd.double(), ba, **kw)
    torch.testing.assert_close(out.float(), fast, rtol=1e-5, atol=1e-5)
    ref = reference_filtered_lrelu(xb, fu.double(), fd.double(), bb, **kw)
    upstream = _rand(*ref.shape, seed=8)
    (out * upstream).sum().backward()
    (ref * upstream).sum().backward()
    torch.testing.assert_close(xa.grad, xb.grad, rtol=1e-9, atol=1e-10)
    torch.testing.assert_close(ba.grad, bb.grad, rtol=1e-9, atol=1e-10)


@pytest.mark.parametrize("name", list(LAYERS))
def test_filtered_lrelu_with_the_activation_fused_into_row_pieces(name, monkeypatch):
    # the height upsampling's row products run over a few columns at a time (5: not a
    # divisor of W * C) and the activation and an acting clamp are applied to each piece
    # as it is written: the same values as the step-by-step definition (the PyTorch path:
    # the native kernels switched off)
    monkeypatch.setenv("GANSTUDIO_NATIVE", "0")
    monkeypatch.setattr(ops, "_ROW_CHUNK", 5)
    spec = LAYERS[name]
    fu, fd = _layer_filters(spec["fu"], spec["fd"])
    x = (_rand(2, 3, 14, 14, seed=16, dtype=torch.float32) * 2).contiguous(memory_format=CL)
    b = _rand(3, seed=17, dtype=torch.float32)
    kw = dict(up=spec["up"], down=spec["down"], padding=spec["padding"], gain=math.sqrt(2),
              slope=0.2, clamp=0.7)
    before = x.clone()
    with torch.no_grad():
        fast = filtered_lrelu(x, fu, fd, b, **kw)
        unbiased = filtered_lrelu(x, fu, fd, None, **kw)
    assert torch.equal(x, before)
    ref = reference_filtered_lrelu(x.double(), fu.double(), fd.double(), b.double(), **kw)
    torch.testing.assert_close(fast.double(), ref, rtol=1e-5, atol=1e-5)
    ref = reference_filtered_lrelu(x.double(), fu.double(), fd.double(),
                                   torch.zeros(3, dtype=torch.float64), **kw)
    torch.testing.assert_close(unbiased.double(), ref, rtol=1e-5, atol=1e-5)


def test_filtered_lrelu_without_bias_or_filters_leaves_its_input_alone():
    x = _rand(1, 2, 4, 4, seed=9, dtype=torch.float32) * 3
    before = x.clone()
    with torch.no_grad():
        out = filtered_lrelu(x, None, None, None, gain=2.0, slope=0.2, clamp=1.0)
    assert torch.equal(x, before)
    torch.testing.assert_close(out, (F.leaky_relu(x, 0.2) * 2).clamp(-1, 1))


def reference_modulated_conv2d(x, weight, styles, demodulate, padding, input_gain, bias):
    """Per-sample modulated (and demodulated) weights as one grouped convolution."""
    n, i, h, w = x.shape
    o = weight.shape[0]
    wm = weight.unsqueeze(0) * styles.reshape(n, 1, i, 1, 1)        # [N, O, I, k, k]
    if demodulate:
        wm = wm * (wm.square().sum(dim=[2, 3, 4], keepdim=True) + 1e-8).rsqrt()
    wm = wm * input_gain
    y = F.conv2d(x.reshape(1, n * i, h, w), wm.reshape(n * o, i, *weight.shape[2:]),
                 padding=padding, groups=n)
    return y.reshape(n, o, *y.shape[2:]) + bias.reshape(1, o, 1, 1)


@pytest.mark.parametrize("batch", [1, 3])   # 1: scales folded into the weight
@pytest.mark.parametrize("demodulate", [True, False])
def test_modulated_conv2d_matches_grouped_convolution(batch, demodulate):
    x = _rand(batch, 4, 6, 6, seed=10)
    weight = _rand(5, 4, 3, 3, seed=11)
    styles = _rand(batch, 4, seed=12)
    bias = _rand(5, seed=13)
    gain = torch.tensor(0.7, dtype=torch.float64)
    args = [t.clone().requires_grad_() for t in (x, weight, styles, bias)]
    refs = [t.clone().requires_grad_() for t in (x, weight, styles, bias)]
    ours = modulated_conv2d(args[0], args[1], args[2], demodulate=demodulate, padding=2,
                            input_gain=gain, bias=args[3])
    ref = reference_modulated_conv2d(refs[0], refs[1], refs[2], demodulate, 2, gain, refs[3])
    torch.testing.assert_close(ours, ref, rtol=1e-10, atol=1e-10)
    upstream = _rand(*ref.shape, seed=14)
    (ours * upstream).sum().backward()
    (ref * upstream).sum().backward()
    for a, r in zip(args, refs):
        torch.testing.assert_close(a.grad, r.grad, rtol=1e-9, atol=1e-10)


# --- whole generator ---------------------------------------------------------------------------

TINY = dict(z_dim=8, c_dim=0, w_dim=8, img_resolution=32, img_channels=3, channel_base=512,
            channel_max=32, num_layers=6)


@pytest.mark.parametrize("extra", [{}, dict(conv_kernel=1, use_radial_filters=True)])
def test_inference_and_training_paths_agree(extra):
    torch.manual_seed(0)
    G = Generator(**TINY, **extra)
    z = torch.randn(2, 8, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        fast = G(z)
        single = G(z[:1])                      # batch 1: modulation folded into the weights
    trained = G(z)                             # autograd path
    trained.square().mean().backward()
    torch.testing.assert_close(trained.detach(), fast, rtol=1e-5, atol=1e-6)
    torch.testing.assert_close(single, fast[:1], rtol=1e-5, atol=1e-6)
    assert fast.is_contiguous()                # the channels-last layers hand back NCHW


def test_conv_shapes_are_the_convolutions_the_forward_runs():
    torch.manual_seed(0)
    G = Generator(**TINY)
    seen = []
    original = F.conv2d

    def spy(x, weight, *args, **kwargs):
        if weight.shape[1] > 1:                # not a depthwise filter pass
            seen.append((tuple(x.shape), tuple(weight.shape)))
        return original(x, weight, *args, **kwargs)

    with torch.no_grad(), pytest.MonkeyPatch.context() as mp:
        mp.setattr(F, "conv2d", spy)
        G(torch.randn(1, 8))
    shapes = stylegan3_conv_shapes(G)
    assert [(s.input, s.weight) for s in shapes] == seen
    assert all(s.padding == s.weight[-1] - 1 for s in shapes)
    flops = stylegan3_flops(G, batch=2)
    assert flops["conv"] == 2 * sum(s.flops for s in shapes)   # linear in the batch
    assert flops["total"] == flops["conv"] + flops["filter"] + flops["other"]


def test_filter_flops_count_polyphase_taps_at_the_needed_rates():
    # One x2 layer of config T: 36 px in, 3x3 conv -> 38 px, up x2 with 12 taps (6 per
    # output sample) and padding 9 + 8 -> 82 px, down /2 with 12 taps -> 36 px.
    G = Generator(512, 0, 512, 256, 3, channel_base=32768, channel_max=512, num_layers=14)
    layer = G.synthesis.L0_36_512
    assert (layer.up_factor, layer.up_taps, layer.down_taps) == (2, 12, 12)
    macs = 38 * 82 * 6 + 82 * 82 * 6 + 82 * 36 * 12 + 36 * 36 * 12
    one = {**stylegan3_flops(G)}
    assert one["conv"] == sum(2 * s.weight[0] * s.weight[1] * s.weight[2] ** 2
                              * (s.input[2] + s.weight[2] - 1) ** 2
                              for s in stylegan3_conv_shapes(G))
    from ganstudio.core.nets.stylegan3 import _layer_filter_macs
    assert _layer_filter_macs(layer)[0] == macs
    assert 10e9 < one["filter"] < 20e9 and 400e9 < one["conv"] < 500e9
