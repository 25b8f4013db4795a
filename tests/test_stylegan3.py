"""StyleGAN3 (alias-free) generator: official naming, filters, resampling, equivariance,
truncation, conditioning, construction from official init kwargs."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer_models import one_torch_thread
from ganstudio.core.nets.stylegan3 import Generator, build_official_sg3, layer_schedule
from ganstudio.core.nets.stylegan3_filters import (design_lowpass_filter, kaiser_attenuation,
                                                   kaiser_jinc_lowpass, kaiser_sinc_lowpass)
from ganstudio.core.nets.stylegan3_ops import filtered_lrelu, upfirdn2d


_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


TINY = dict(z_dim=8, c_dim=0, w_dim=8, img_resolution=32, img_channels=3, channel_base=512,
            channel_max=32, num_layers=6)
R_OPTIONS = dict(conv_kernel=1, use_radial_filters=True)


def tiny(seed: int = 0, **overrides) -> Generator:
    """A small generator in eval mode with non-trivial w_avg, magnitude EMAs and input affine
    (which starts at zero, making the Fourier features ignore w)."""
    torch.manual_seed(seed)
    G = Generator(**{**TINY, **overrides}).eval()
    with torch.no_grad():
        G.mapping.w_avg.normal_()
        G.synthesis.input.affine.weight.normal_(std=0.2)
        for name, buf in G.named_buffers():
            if name.endswith("magnitude_ema"):
                buf.uniform_(0.5, 2.0)
    return G


def z_of(n: int, seed: int = 1, dim: int = 8) -> torch.Tensor:
    return torch.randn(n, dim, generator=torch.Generator().manual_seed(seed))


# --- naming and shapes -------------------------------------------------------------------------

def _names(res, channel_base, channel_max):
    s = layer_schedule(res, 3, channel_base, channel_max, 14, 2, 2, 2 ** 2.1, 2 ** 0.3, 10)
    return [f"L{i}_{int(s.sizes[i])}_{int(s.channels[i])}" for i in range(15)]


def test_layer_names_of_official_256_configs():
    # Names are L{index}_{output size incl. margin}_{channels}, as in the released 256 px nets
    # (T: channel_base 16384, channel_max 512; R: 32768 and 1024).
    assert _names(256, 16384, 512) == [
        "L0_36_512", "L1_36_512", "L2_36_512", "L3_52_512", "L4_52_512", "L5_84_512",
        "L6_84_512", "L7_148_362", "L8_148_256", "L9_148_181", "L10_276_128", "L11_276_91",
        "L12_276_64", "L13_256_64", "L14_256_3"]
    assert _names(256, 32768, 1024) == [
        "L0_36_1024", "L1_36_1024", "L2_36_1024", "L3_52_1024", "L4_52_1024", "L5_84_1024",
        "L6_84_1024", "L7_148_724", "L8_148_512", "L9_148_362", "L10_276_256", "L11_276_181",
        "L12_276_128", "L13_256_128", "L14_256_3"]


@pytest.mark.parametrize("config", ["T", "R"])
def test_state_dict_names_and_shapes(config):
    G = tiny(**(R_OPTIONS if config == "R" else {}))
    sd = {k: tuple(v.shape) for k, v in G.state_dict().items()}
    k = 1 if config == "R" else 3
    assert G.synthesis.layer_names == ["L0_36_32", "L1_36_32", "L2_52_32", "L3_52_27",
                                       "L4_52_16", "L5_32_16", "L6_32_3"]
    expected = {
        "mapping.fc0.weight": (8, 8), "mapping.fc1.bias": (8,), "mapping.w_avg": (8,),
        "synthesis.input.weight": (32, 32), "synthesis.input.affine.weight": (4, 8),
        "synthesis.input.affine.bias": (4,), "synthesis.input.transform": (3, 3),
        "synthesis.input.freqs": (32, 2), "synthesis.input.phases": (32,),
        "synthesis.L0_36_32.affine.weight": (32, 8), "synthesis.L0_36_32.weight": (32, 32, k, k),
        "synthesis.L0_36_32.bias": (32,), "synthesis.L0_36_32.magnitude_ema": (),
        "synthesis.L0_36_32.up_filter": (12,),   # 16 -> 32 samples/unit: x2, 6 taps per sample
        "synthesis.L2_52_32.up_filter": (24,),   # 16 -> 64 for the lrelu: x4
        "synthesis.L3_52_27.weight": (27, 32, k, k),
        "synthesis.L5_32_16.down_filter": (12,),  # critically sampled: always separable
        "synthesis.L6_32_3.weight": (3, 16, 1, 1), "synthesis.L6_32_3.bias": (3,),
    }
    assert {name: sd.get(name) for name in expected} == expected
    # radial (2-D) downsampling filters in config R's non-critical layers only
    assert sd["synthesis.L0_36_32.down_filter"] == ((12, 12) if config == "R" else (12,))
    # the ToRGB layer does not resample: its filters are None and not in the state dict
    assert "synthesis.L6_32_3.up_filter" not in sd and "synthesis.L6_32_3.down_filter" not in sd
    assert "mapping.embed.weight" not in sd
    # mapping 2 x (weight, bias) + w_avg; input 6; L0-L5 7 each (both filters); ToRGB 5
    assert G.num_ws == 8 and len(sd) == 5 + 6 + 6 * 7 + 5


def test_conditional_mapping_has_embedding_and_defaults_to_class_0():
    G = tiny(c_dim=4)
    sd = G.state_dict()
    assert sd["mapping.embed.weight"].shape == (8, 4)
    assert sd["mapping.fc0.weight"].shape == (8, 16)  # z and embedded label, concatenated
    z = z_of(2)
    c = F.one_hot(torch.tensor([0, 3]), 4).float()
    with torch.no_grad():
        img = G(z, c)
        other = G(z, c.flip(0))
    assert img.shape == (2, 3, 32, 32)
    assert (img - other).abs().amax(dim=(1, 2, 3)).min() > 1e-3  # the label matters
    with torch.no_grad():   # no labels = class 0, as in the StyleGAN2 mapping network
        assert torch.equal(G(z), G(z, F.one_hot(torch.tensor([0, 0]), 4).float()))
    with pytest.raises(ValueError, match=r"c must have shape \[2, 4\]"):
        G(z, c[:, :3])
    with pytest.raises(ValueError, match="unconditional"):
        tiny()(z, c)


def test_strict_load_reproduces_the_network():
    src, dst = tiny(seed=0), tiny(seed=5)
    z = z_of(2)
    with torch.no_grad():
        assert (src(z) - dst(z)).abs().max() > 1e-3
        dst.load_state_dict(src.state_dict(), strict=True)
        assert torch.equal(src(z), dst(z))
    sd = src.state_dict()
    del sd["synthesis.L1_36_32.magnitude_ema"]
    with pytest.raises(RuntimeError, match="magnitude_ema"):
        dst.load_state_dict(sd, strict=True)


# --- filters and resampling ----------------------------------------------------------------------

def test_sinc_filter_matches_windowed_sinc_reference_values():
    # Reference taps: the Kaiser-window `firwin` design (numtaps, cutoff, width, fs).
    half = kaiser_sinc_lowpass(12, 3.0, 6.0, 32)[:6]
    np.testing.assert_allclose(half, [-0.00110175157852685, 0.01274337474836867,
                                      0.04723465678849238, 0.09932819513484606,
                                      0.15350181709513452, 0.18829370781168522], atol=1e-14)
    odd = kaiser_sinc_lowpass(7, 5.0, 3.0, 24)[:4]
    np.testing.assert_allclose(odd, [-0.07209245831786874, 0.07646559922346026,
                                     0.2954403884504384, 0.4003729412879403], atol=1e-14)


def test_jinc_filter_matches_reference_values():
    f = kaiser_jinc_lowpass(12, 5.0, 6.0, 32)
    np.testing.assert_allclose(f[0, :3], [1.1784788639631312e-04, -1.7768472247237511e-05,
                                          -4.6234565110937493e-04], atol=1e-9)
    np.testing.assert_allclose(f[5, 3:6], [0.02256722926860561, 0.04941923153298508,
                                           0.06959110880935664], atol=1e-9)
    assert np.allclose(f, f.T) and np.allclose(f, np.rot90(f)) and math.isclose(f.sum(), 1)


@pytest.mark.parametrize("numtaps,cutoff,width,fs", [(12, 4.0, 4.0, 32), (24, 6.5, 8.0, 64),
                                                     (48, 10.0, 6.0, 64)])
def test_sinc_filter_properties(numtaps, cutoff, width, fs):
    h = kaiser_sinc_lowpass(numtaps, cutoff, width, fs)
    assert np.allclose(h, h[::-1]) and math.isclose(h.sum(), 1.0)
    m = np.arange(numtaps) - (numtaps - 1) / 2

    def response(freq):
        return abs(np.sum(h * np.cos(2 * np.pi * freq / fs * m)))

    assert abs(response(cutoff) - 0.5) < 0.01  # -6 dB at the cutoff
    promised = 10 ** (-kaiser_attenuation(numtaps, width / (fs / 2)) / 20)  # Kaiser's estimate
    stop = np.linspace(cutoff + width / 2, fs / 2, 200)
    assert max(response(f) for f in stop) < 1.3 * promised  # within ~2 dB of the estimate


def test_design_gives_no_filter_for_one_tap_and_rejects_bad_cutoff():
    assert design_lowpass_filter(1, 3.0, 1.0, 16) is None
    with pytest.raises(ValueError, match="cutoff"):
        kaiser_sinc_lowpass(12, 9.0, 1.0, 16)


def _naive_upfirdn(x, f, up, down, pad, gain):
    """Zero insertion, padding, true convolution, decimation: one loop per output sample."""
    f2 = np.outer(f, f) * gain if f.ndim == 1 else f * gain
    n, c, h, w = x.shape
    u = np.zeros((n, c, h * up, w * up))
    u[:, :, ::up, ::up] = x
    x0, x1, y0, y1 = pad
    u = np.pad(u, ((0, 0), (0, 0), (max(y0, 0), max(y1, 0)), (max(x0, 0), max(x1, 0))))
    u = u[:, :, max(-y0, 0):u.shape[2] - max(-y1, 0), max(-x0, 0):u.shape[3] - max(-x1, 0)]
    kh, kw = f2.shape
    out = np.zeros((n, c, u.shape[2] - kh + 1, u.shape[3] - kw + 1))
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            out[:, :, i, j] = (u[:, :, i:i + kh, j:j + kw] * f2[::-1, ::-1]).sum(axis=(2, 3))
    return out[:, :, ::down, ::down]


@pytest.mark.parametrize("taps,up,down,pad", [
    ((6,), 2, 1, (5, 4, 3, 6)), ((6,), 1, 2, (1, 2, 0, 1)), ((5,), 4, 1, (-3, 7, 2, -1)),
    ((12,), 1, 1, (9, -2, 14, 0)), ((3, 3), 3, 2, (2, 5, 0, 1)), ((4, 4), 1, 2, (0, 0, 0, 0)),
    ((4,), 2, 1, (9, 0, 1, 8)),      # padding beyond the filter's reach: zeros at the edges
    ((6,), 2, 2, (1, 0, 2, 3)),      # up and down at once
    ((5,), 3, 1, (-7, -6, 0, -9)),   # heavy cropping
    ((4, 4), 2, 1, (-1, 4, 6, -2))])
def test_upfirdn2d_matches_naive_definition(taps, up, down, pad):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(2, 3, 7, 7, generator=g, dtype=torch.float64)
    f = torch.randn(*taps, generator=g, dtype=torch.float64)
    ours = upfirdn2d(x, f, up=up, down=down, padding=pad, gain=up ** 2).numpy()
    ref = _naive_upfirdn(x.numpy(), f.numpy(), up, down, pad, up ** 2)
    assert ours.shape == ref.shape
    np.testing.assert_allclose(ours, ref, atol=1e-10)


def test_filtered_lrelu_without_filters_is_biased_scaled_clamped_lrelu():
    x = torch.randn(2, 3, 5, 5, generator=torch.Generator().manual_seed(0)) * 3
    b = torch.tensor([0.5, -1.0, 2.0])
    out = filtered_lrelu(x, None, None, b, gain=math.sqrt(2), slope=0.2, clamp=1.5)
    expected = (F.leaky_relu(x + b.reshape(1, 3, 1, 1), 0.2) * math.sqrt(2)).clamp(-1.5, 1.5)
    assert torch.allclose(out, expected)


# --- generator behaviour -------------------------------------------------------------------------

def test_integer_translation_of_the_input_translates_the_image():
    G = tiny()
    res, m = G.img_resolution, 4
    with torch.no_grad():
        ws = G.mapping(z_of(2))
        base = G.synthesis(ws)
        inner = base[..., m:res - m - 2]
        scale = inner.var()
        errors = {}
        for t in (-2 / res, 2 / res):  # the transform is the inverse one: -t moves content by +t
            G.synthesis.input.transform[0, 2] = t
            moved = G.synthesis(ws)[..., m + 2:res - m]
            errors[t] = ((moved - inner).square().mean() / scale).item()
    assert errors[-2 / res] < 1e-4          # content moved 2 px right, nearly exactly
    assert errors[2 / res] > 1e-2           # control: the other direction does not match


def test_config_r_is_equivariant_to_quarter_turns_and_config_t_is_not():
    quarter = torch.tensor([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    errors = {}
    for name, extra in (("T", {}), ("R", R_OPTIONS)):
        G = tiny(**extra)
        with torch.no_grad():
            ws = G.mapping(z_of(2))
            base = G.synthesis(ws)
            G.synthesis.input.transform.copy_(quarter)
            turned = G.synthesis(ws)
        errors[name] = ((turned - torch.rot90(base, 1, dims=(2, 3))).square().mean()
                        / base.var()).item()
    assert errors["R"] < 1e-6 and errors["T"] > 1e-2


def test_psi_zero_gives_the_w_avg_image_and_cutoff_limits_rows():
    G = tiny()
    z = z_of(3)
    with torch.no_grad():
        img = G(z, truncation_psi=0)
        avg = G.synthesis(G.mapping.w_avg.reshape(1, 1, -1).repeat(1, G.num_ws, 1))
        assert torch.allclose(img, avg.expand_as(img), atol=1e-6)
        ws = G.mapping(z, truncation_psi=0.0, truncation_cutoff=3)
        assert torch.allclose(ws[:, :3], G.mapping.w_avg.expand(3, 3, -1))
        assert torch.equal(ws[:, 3:], G.mapping(z)[:, 3:])
        assert torch.equal(G.mapping(z, psi=0.5, cutoff=2), G.mapping(z, None, 0.5, 2))


def test_deterministic_and_batch_independent():
    a, b = tiny(seed=3), tiny(seed=3)
    z = z_of(3)
    with torch.no_grad():
        out = a(z)
        assert torch.equal(out, a(z)) and torch.equal(out, b(z))
        assert torch.allclose(a(z[1:2]), out[1:2], atol=1e-5)
    assert out.shape == (3, 3, 32, 32) and torch.isfinite(out).all()


def test_each_ws_row_drives_the_layer_it_names():
    G = tiny()
    rows = G.ws_layers()
    assert [r.row for r in rows] == list(range(G.num_ws)) == list(range(8))
    assert rows[0].name == "input" and rows[-1].name == "L6_32_3"
    assert G.layer_names() == ["input"] + G.synthesis.layer_names
    assert [r.size for r in rows] == [36, 36, 36, 52, 52, 52, 32, 32]
    assert [r.sampling_rate for r in rows] == [16, 16, 16, 32, 32, 32, 32, 32]
    outputs = {}
    modules = {"input": G.synthesis.input, **{n: getattr(G.synthesis, n)
                                              for n in G.synthesis.layer_names}}
    for name, mod in modules.items():
        mod.register_forward_hook(lambda m, i, o, name=name: outputs.__setitem__(name, o))
    with torch.no_grad():
        ws = G.mapping(z_of(1))
        G.synthesis(ws)
        before = dict(outputs)
        for r in rows:
            bumped = ws.clone()
            bumped[:, r.row] += torch.randn(G.w_dim, generator=torch.Generator().manual_seed(r.row))
            G.synthesis(bumped)
            changed = [n for n in modules if not torch.equal(outputs[n], before[n])]
            assert changed[0] == r.name  # the first layer whose output changes is the named one


def test_update_emas_moves_w_avg_and_magnitudes_only_when_asked():
    G = tiny()
    z = z_of(4)
    state = {k: v.clone() for k, v in G.state_dict().items()}
    with torch.no_grad():
        G(z)
        assert all(torch.equal(v, state[k]) for k, v in G.state_dict().items())
        G(z, update_emas=True)
    after = G.state_dict()
    assert not torch.equal(after["mapping.w_avg"], state["mapping.w_avg"])
    assert not torch.equal(after["synthesis.L3_52_27.magnitude_ema"],
                           state["synthesis.L3_52_27.magnitude_ema"])


def test_gradients_flow_to_every_parameter():
    G = tiny().train()
    G(z_of(2)).square().mean().backward()
    missing = [n for n, p in G.named_parameters()
               if p.grad is None or not torch.isfinite(p.grad).all() or not p.grad.abs().sum()]
    assert missing == []


def test_bad_inputs_are_refused_with_a_clear_message():
    G = tiny()
    with pytest.raises(ValueError, match=r"z must have shape \[N, 8\]"):
        G(torch.zeros(2, 5))
    with pytest.raises(ValueError, match="ws must have shape"):
        G.synthesis(torch.zeros(1, 3, 8))
    with pytest.raises(ValueError, match="no noise inputs"):
        G.synthesis(G.mapping(z_of(1)), noise_strength={16: 0.5})
    with pytest.raises(ValueError, match="noise_mode"):
        G.synthesis(G.mapping(z_of(1)), noise_mode="loud")


# --- construction from official init kwargs ---------------------------------------------------

def test_build_from_official_init_kwargs():
    recorded = dict(z_dim=8, w_dim=8, c_dim=np.int64(0), img_resolution=32, img_channels=3,
                    mapping_kwargs={"num_layers": 3}, channel_base=512, channel_max=32,
                    num_fp16_res=4, conv_clamp=256, magnitude_ema_beta=0.9988,
                    synthesis_kwargs={"num_layers": 6, "conv_kernel": 1,
                                      "use_radial_filters": True})
    G = build_official_sg3(recorded)
    assert G.mapping.num_layers == 3 and G.synthesis.num_layers == 6 and G.c_dim == 0
    assert G.synthesis.L0_36_32.weight.shape[-1] == 1
    assert G.synthesis.L1_36_32.magnitude_ema_beta == 0.9988
    rebuilt = build_official_sg3(G.init_kwargs)  # a generator records its own kwargs
    rebuilt.load_state_dict(G.state_dict(), strict=True)
    with pytest.raises(ValueError, match="unknown StyleGAN3 generator option.*block_size"):
        build_official_sg3({**recorded, "block_size": 3})
    with pytest.raises(ValueError, match="mapping_kwargs.depth"):
        build_official_sg3({**recorded, "mapping_kwargs": {"depth": 2}})
    with pytest.raises(ValueError, match="lack.*img_channels"):
        build_official_sg3({k: v for k, v in recorded.items() if k != "img_channels"})
    with pytest.raises(ValueError, match="given twice.*num_layers"):
        build_official_sg3({**recorded, "num_layers": 6})


def test_magnitude_ema_is_the_inverse_square_of_the_input_gain():
    G = tiny()
    layer = G.synthesis.L1_36_32
    x = torch.randn(2, 32, 36, 36, generator=torch.Generator().manual_seed(0))
    w = torch.randn(2, 8, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        layer.magnitude_ema.fill_(1.0)
        half = layer(x / 2, w)
        layer.magnitude_ema.fill_(4.0)
        assert torch.allclose(layer(x, w), half, atol=1e-5)
        assert not torch.allclose(layer(x / 2, w), half, atol=1e-3)


# --- agreement with the official network ------------------------------------------------------

def fill_deterministic(G: Generator) -> None:
    """Overwrite every parameter and buffer except the designed filters and the user
    transform with values drawn from numpy's RandomState(0), in state-dict name order."""
    rs = np.random.RandomState(0)
    with torch.no_grad():
        for name, t in sorted(G.state_dict().items()):
            if name.endswith(("_filter", "transform")):
                continue
            if name.endswith("magnitude_ema"):
                v = 0.5 + rs.rand()
            elif name.endswith("input.freqs"):
                v = rs.uniform(-1.5, 1.5, t.shape)
            elif name.endswith("input.phases"):
                v = rs.rand(*t.shape) - 0.5
            elif name.endswith("input.affine.bias"):
                v = np.array([1.0, 0, 0, 0]) + 0.1 * rs.randn(4)
            elif name.endswith("affine.bias"):
                v = 1 + 0.2 * rs.randn(*t.shape)
            elif name.endswith("bias"):
                v = 0.2 * rs.randn(*t.shape)
            else:
                v = rs.randn(*t.shape)
            t.copy_(torch.as_tensor(v, dtype=torch.float32).reshape(t.shape))


# Pixels [0, :, 10, 10:13] and the sum of |image| of the official network (NVlabs
# networks_stylegan3, CPU reference ops) with the weights of fill_deterministic, for
# z = RandomState(1).randn(2, 8), truncation_psi=0.7, truncation_cutoff=5.
OFFICIAL_OUTPUT = {
    "T": ([[0.16202211, 0.16320848, 0.16472568], [0.014682241, 0.0082666203, -0.0024872869],
           [-0.066376366, -0.063327231, -0.057933852]], 826.5697),
    "R": ([[0.34291756, 0.35483232, 0.36540520], [-0.21621415, -0.22256689, -0.23089659],
           [-0.0084464364, -0.0060764328, -0.0028375164]], 1188.5903),
}


@pytest.mark.parametrize("config", ["T", "R"])
def test_matches_official_output_values(config):
    G = Generator(**TINY, **(R_OPTIONS if config == "R" else {})).eval()
    fill_deterministic(G)
    z = torch.as_tensor(np.random.RandomState(1).randn(2, 8), dtype=torch.float32)
    with torch.no_grad():
        img = G(z, truncation_psi=0.7, truncation_cutoff=5)
    pixels, abs_sum = OFFICIAL_OUTPUT[config]
    np.testing.assert_allclose(img[0, :, 10, 10:13].numpy(), pixels, rtol=1e-4, atol=1e-6)
    assert math.isclose(img.abs().sum().item(), abs_sum, rel_tol=1e-5)
