"""The native CPU kernels of StyleGAN3's filtering (``stylegan3_native``) against the PyTorch
code they replace at inference: filtered leaky ReLU and upfirdn2d on small random configs
(separable and radial filters, up 1 / 2 / 4, down 1 / 2, odd sizes, paddings and crops,
batches, channel counts that fill no vector, clamp acting or not, gain <= 0), every
instruction set this CPU runs, whole StyleGAN3-T and -R generators (images within one uint8
level), and the fallback to PyTorch when the library is missing or switched off."""
from __future__ import annotations

import math

import pytest
import torch

from explorer_models import one_torch_thread
from native_kernels import close, needs_library, rand
from ganstudio.core.imaging import to_uint8
from ganstudio.core.nets import stylegan3_native as native
from ganstudio.core.nets.stylegan3 import Generator
from ganstudio.core.nets.stylegan3_ops import filtered_lrelu, upfirdn2d

CL = torch.channels_last

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)

def _torch_path(monkeypatch, fn, *args, **kwargs):
    """fn with the native kernels switched off (the PyTorch code)."""
    with monkeypatch.context() as m:
        m.setenv("GANSTUDIO_NATIVE", "0")
        return fn(*args, **kwargs)


@pytest.fixture(params=[None, "generic", "avx2", "avx512"])
def isa(request, monkeypatch):
    """Each instruction set this CPU runs (None: the best one, as users get)."""
    if request.param is not None:
        if request.param not in native.isas():
            pytest.skip(f"this CPU or build has no {request.param} kernels")
        code = {v: k for k, v in native.ISA_NAMES.items()}[request.param]
        monkeypatch.setattr(native, "_ISA_OVERRIDE", code)
    return request.param


FILTERED = [  # (up filter, down filter, up, down, padding, size (h, w))
    ((12,), (12,), 2, 2, (9, 8, 9, 8), (14, 14)),                  # T layer, x2
    ((24,), (12,), 4, 2, (-6, -9, -6, -9), (14, 15)),              # T layer, x4 (crops)
    ((12,), (12, 12), 2, 2, (11, 10, 11, 10), (9, 10)),            # R layer, radial down
    ((24,), (12, 12), 4, 2, (-2, -5, -2, -5), (12, 11)),           # R layer, x4
    ((12,), (12,), 2, 2, (-11, -12, -11, -12), (24, 23)),          # last layer (crops)
    ((7,), (5,), 3, 1, (2, 11, -4, 0), (6, 7)),                    # odd taps, x3, no down
    ((5, 3), (4,), 2, 1, (1, 2, 3, 0), (5, 8)),                    # 2-D up kernel
    (None, (6, 6), 1, 2, (3, 0, 1, 2), (9, 12)),                   # no upsampling, padding
    ((6,), None, 2, 1, (1, 1, 1, 1), (4, 3)),                      # no downsampling filter
    ((4,), (3,), 1, 1, (0, 0, 0, 0), (9, 8)),                      # up 1 with a filter
]


@needs_library
@pytest.mark.parametrize("clamp", [None, 0.5, 1e4])          # acting, or never reached
@pytest.mark.parametrize("fu,fd,up,down,pad,size", FILTERED)
def test_filtered_lrelu_native_matches_the_torch_code(fu, fd, up, down, pad, size, clamp, isa,
                                                      monkeypatch):
    channels = 19                                  # fills no vector of 4, 8 or 16 exactly
    x = (rand(3, channels, *size, seed=1) * 2).contiguous(memory_format=CL)
    f_up = None if fu is None else rand(*fu, seed=2).abs() / 3
    f_down = None if fd is None else rand(*fd, seed=3).abs() / 3
    b = rand(channels, seed=4)
    kw = dict(up=up, down=down, padding=pad, gain=math.sqrt(2), slope=0.2, clamp=clamp)
    with torch.no_grad():
        assert native.backend() == "native"
        ours = filtered_lrelu(x, f_up, f_down, b, **kw)
        ref = _torch_path(monkeypatch, filtered_lrelu, x, f_up, f_down, b, **kw)
    close(ours, ref)
    assert ours.is_contiguous(memory_format=CL)
    if clamp == 0.5:   # the clamp really acts here
        with torch.no_grad():
            free = filtered_lrelu(x, f_up, f_down, b, **{**kw, "clamp": None})
        assert (free - ours).abs().max() > 0.01


@needs_library
@pytest.mark.parametrize("fu,fd,up,down,pad,size", FILTERED[:5])
def test_whole_vectors_of_channels_go_straight_into_the_output(fu, fd, up, down, pad, size,
                                                               isa, monkeypatch):
    # 32 channels: whole 64-byte blocks, which the AVX-512 kernels store into the output
    # directly (no unpacking pass); a batch of 2 and a bias
    x = (rand(2, 32, *size, seed=21) * 2).contiguous(memory_format=CL)
    f_up, f_down = rand(*fu, seed=22).abs() / 3, rand(*fd, seed=23).abs() / 3
    b = rand(32, seed=24)
    kw = dict(up=up, down=down, padding=pad, gain=math.sqrt(2), slope=0.2, clamp=0.5)
    with torch.no_grad():
        ours = filtered_lrelu(x, f_up, f_down, b, **kw)
        ref = _torch_path(monkeypatch, filtered_lrelu, x, f_up, f_down, b, **kw)
    close(ours, ref)


@needs_library
@pytest.mark.parametrize("gain,slope", [(-1.5, 0.2), (0.0, 0.2), (1.0, 1.0), (2.0, -0.3)])
def test_filtered_lrelu_native_gains_and_slopes(gain, slope, isa, monkeypatch):
    # gain <= 0 is applied after the leaky ReLU (not folded into the filter); slope 1 is
    # linear; a negative slope; contiguous (not channels-last) input, no bias, batch 2
    x = rand(2, 5, 9, 11, seed=5) * 3
    fu, fd = rand(12, seed=6), rand(12, 12, seed=7)
    kw = dict(up=2, down=2, padding=(11, 10, 11, 10), gain=gain, slope=slope, clamp=0.8)
    with torch.no_grad():
        ours = filtered_lrelu(x, fu, fd, None, **kw)
        ref = _torch_path(monkeypatch, filtered_lrelu, x, fu, fd, None, **kw)
    close(ours, ref)
    assert ours.is_contiguous()                    # the input's layout is kept


UPFIRDN = [  # (filter, up, down, padding)
    ((12,), 2, 1, (9, 8, 9, 8)),
    ((24,), 4, 1, (-6, -9, -6, -9)),
    ((12,), 1, 2, (0, 0, 0, 0)),
    ((12, 12), 1, 2, (0, 0, 0, 0)),
    ((7,), 3, 1, (2, 11, -4, 0)),
    ((6,), 1, 3, (4, -1, 0, 2)),
    ((5, 3), 2, 1, (1, 2, 3, 0)),
    ((4,), 2, 2, (1, 0, 2, 3)),                   # up and down in one call
]


@needs_library
@pytest.mark.parametrize("f,up,down,pad", UPFIRDN)
def test_upfirdn2d_native_matches_the_torch_code(f, up, down, pad, isa, monkeypatch):
    x = rand(2, 11, 13, 12, seed=8).contiguous(memory_format=CL)
    taps = rand(*f, seed=9)
    with torch.no_grad():
        ours = upfirdn2d(x, taps, up=up, down=down, padding=pad, gain=up ** 2)
        ref = _torch_path(monkeypatch, upfirdn2d, x, taps, up=up, down=down, padding=pad,
                          gain=up ** 2)
    close(ours, ref)


@needs_library
@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("fu,fd,up,down,pad,size", FILTERED[:5])
def test_many_channel_blocks_on_one_and_two_threads(fu, fd, up, down, pad, size, threads, isa,
                                                    monkeypatch):
    # 149 channels: 10 vectors of 16 (AVX-512), 19 of 8 or 38 of 4, the last one partial, shared
    # out among the threads as jobs (two threads: whole blocks each, no bands of rows)
    x = (rand(2, 149, *size, seed=31) * 2).contiguous(memory_format=CL)
    f_up, f_down = rand(*fu, seed=32).abs() / 3, rand(*fd, seed=33).abs() / 3
    b = rand(149, seed=34)
    kw = dict(up=up, down=down, padding=pad, gain=math.sqrt(2), slope=0.2, clamp=0.5)
    old = torch.get_num_threads()
    try:
        torch.set_num_threads(threads)
        with torch.no_grad():
            ours = filtered_lrelu(x, f_up, f_down, b, **kw)
            ref = _torch_path(monkeypatch, filtered_lrelu, x, f_up, f_down, b, **kw)
    finally:
        torch.set_num_threads(old)
    close(ours, ref)


@needs_library
def test_native_threads_split_the_work_and_agree():
    # one image with few channels: the rows are split into bands across threads
    x = rand(1, 3, 40, 37, seed=10).contiguous(memory_format=CL)
    fu, fd = rand(12, seed=11), rand(12, 12, seed=12)
    kw = dict(up=2, down=2, padding=(11, 10, 11, 10), gain=math.sqrt(2), slope=0.2, clamp=0.9)
    old = torch.get_num_threads()
    try:
        with torch.no_grad():
            torch.set_num_threads(1)
            one = filtered_lrelu(x, fu, fd, None, **kw)
            torch.set_num_threads(3)
            three = filtered_lrelu(x, fu, fd, None, **kw)         # PyTorch's OpenMP team
            native.use_own_threads(True)
            assert native.threading() == "own"
            own = filtered_lrelu(x, fu, fd, None, **kw)           # threads of the library's own
    finally:
        torch.set_num_threads(old)
        native.use_own_threads(False)
    assert torch.equal(one, three) and torch.equal(one, own)


def test_autograd_and_other_dtypes_keep_the_torch_code():
    x = rand(1, 4, 10, 10, seed=13).requires_grad_()
    fu, fd = rand(12, seed=14), rand(12, seed=15)
    kw = dict(up=2, down=2, padding=(9, 8, 9, 8), gain=math.sqrt(2), slope=0.2, clamp=None)
    assert native.resample(x, fu, 2, (9, 8, 9, 8), 4, fd, 2, 1.0) is None      # needs grad
    out = filtered_lrelu(x, fu, fd, None, **kw)
    assert out.grad_fn is not None
    with torch.no_grad():
        assert native.resample(x.double(), fu, 2, (9, 8, 9, 8), 4, fd, 2, 1.0) is None


def test_the_switch_and_a_missing_library_fall_back_to_torch(monkeypatch):
    x = rand(2, 6, 12, 12, seed=16).contiguous(memory_format=CL)
    fu, fd = rand(12, seed=17), rand(12, 12, seed=18)
    kw = dict(up=2, down=2, padding=(11, 10, 11, 10), gain=math.sqrt(2), slope=0.2, clamp=0.7)
    with torch.no_grad():
        ref = _torch_path(monkeypatch, filtered_lrelu, x, fu, fd, None, **kw)
        monkeypatch.setenv("GANSTUDIO_NATIVE", "0")
        assert native.backend() == "torch"
        assert native.resample(x, fu, 2, (11, 10, 11, 10), 4, fd, 2, 1.0) is None
        monkeypatch.delenv("GANSTUDIO_NATIVE")
        # a machine where the library was never built (no C compiler at install time)
        monkeypatch.setattr(native, "_library_path", lambda: None)
        monkeypatch.setattr(native, "_lib", None)
        monkeypatch.setattr(native, "_searched", False)
        assert not native.available() and native.backend() == "torch"
        assert native.isas() == []
        out = filtered_lrelu(x, fu, fd, None, **kw)
        assert torch.equal(out, ref)
        up = upfirdn2d(x, fu, up=2, padding=(9, 8, 9, 8), gain=4)
        assert up.shape == (2, 6, 24 + 17 - 11, 24 + 17 - 11)


def _tiny_generator(radial: bool) -> Generator:
    torch.manual_seed(3)
    extra = dict(conv_kernel=1, use_radial_filters=True) if radial else {}
    G = Generator(z_dim=8, c_dim=0, w_dim=8, img_resolution=32, img_channels=3,
                  channel_base=1024, channel_max=37, num_layers=6, **extra).eval()
    with torch.no_grad():
        G.mapping.w_avg.normal_()
        G.synthesis.input.affine.weight.normal_(std=0.2)
    return G


@needs_library
@pytest.mark.parametrize("radial", [False, True], ids=["T", "R"])
def test_generator_images_with_native_kernels_match_the_torch_code(radial, monkeypatch):
    G = _tiny_generator(radial)
    z = rand(3, 8, seed=19)
    assert native.backend() == "native"
    with torch.inference_mode():
        ws = G.mapping(z, None, psi=0.8)
        ours = G.synthesis(ws)
        ref = _torch_path(monkeypatch, G.synthesis, ws)
    close(ours, ref, rel=1e-4)
    a, b = to_uint8(ours).astype(int), to_uint8(ref).astype(int)
    assert abs(a - b).max() <= 1
