"""Network families: shapes, configs, determinism, StyleGAN mapping / synthesis behaviour."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from ganstudio.core.config import ConfigError
from ganstudio.core.nets import (FAMILIES, build_discriminator, build_generator, default_config,
                                 net_config)
from ganstudio.core.nets.dcgan import UpsampleConv
from ganstudio.core.nets.layers import (SPECTRAL_NORM_TYPES, MinibatchStd, pack_samples,
                                        resample_kernel, upsample2d)
from ganstudio.core.nets.stylegan_layers import modulated_conv2d


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Tiny nets run faster on one thread, and far faster when the CPU is shared (OpenMP
    threads spinning on busy cores make millisecond ops take tens of ms)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def count_parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


def spectral_norm_of(layer: nn.Module) -> float:
    """The largest singular value of the weight the layer actually uses."""
    return torch.linalg.matrix_norm(layer.weight.flatten(1), ord=2).item()


TINY_STYLE = dict(z_dim=16, w_dim=16, mapping_layers=2, channel_base=512, channel_max=16)


def tiny(family: str, **overrides) -> dict:
    """A small but complete config of ``family`` for fast tests."""
    small = {"mlp": dict(hidden=[32, 64]), "dcgan": dict(base_channels=8, z_dim=16),
             "stylegan": TINY_STYLE, "toy": dict(hidden=16)}[family]
    return default_config(family, **{**small, **overrides})


def seeded_z(n: int, z_dim: int, seed: int = 0) -> torch.Tensor:
    return torch.randn(n, z_dim, generator=torch.Generator().manual_seed(seed))


def make_style(seed: int = 0, noise: float = 0.5, **overrides):
    """A tiny StyleGAN G in eval mode, with non-zero noise strengths and w_avg."""
    torch.manual_seed(seed)
    G = build_generator(tiny("stylegan", **overrides)).eval()
    with torch.no_grad():
        for name, p in G.named_parameters():
            if name.endswith("noise_strength"):
                p.fill_(noise)
        G.mapping.w_avg.normal_()
    return G


# --- shapes ----------------------------------------------------------------------------------

@pytest.mark.parametrize("family,resolution,channels", [
    ("mlp", 28, 1), ("mlp", 16, 3),
    ("dcgan", 28, 1), ("dcgan", 32, 3), ("dcgan", 64, 1), ("dcgan", 64, 3),
    ("stylegan", 8, 1), ("stylegan", 16, 3), ("stylegan", 32, 1), ("stylegan", 64, 3),
    ("stylegan", 128, 1)])
def test_image_families_give_images_and_logits(family, resolution, channels):
    cfg = tiny(family, resolution=resolution, channels=channels)
    G, D = build_generator(cfg), build_discriminator(cfg)
    z = torch.randn(3, G.z_dim)
    img = G(z)
    assert img.shape == (3, channels, resolution, resolution)
    assert torch.isfinite(img).all()
    if family != "stylegan":  # tanh output; StyleGAN output is linear like the official one
        assert img.abs().max() <= 1
    assert D(img).shape == (3, 1)


def test_stylegan_256_batch_one():
    cfg = tiny("stylegan", resolution=256, channels=3)
    G, D = build_generator(cfg).eval(), build_discriminator(cfg)
    with torch.no_grad():
        img = G(torch.randn(1, 16))
        assert img.shape == (1, 3, 256, 256)
        assert D(img).shape == (1, 1)
    assert G.block_resolutions == [4, 8, 16, 32, 64, 128, 256]
    assert G.num_ws == 14


@pytest.mark.parametrize("data_dim", [1, 2])
def test_toy_family_shapes(data_dim):
    cfg = tiny("toy", data_dim=data_dim)
    G, D = build_generator(cfg), build_discriminator(cfg)
    x = G(torch.randn(5, G.z_dim))
    assert x.shape == (5, data_dim)
    assert D(x).shape == (5, 1)


def test_dcgan_discriminator_runs_on_28_pixels_at_default_width():
    cfg = default_config("dcgan", resolution=28)  # the seed's fixed-size Linear failed here
    assert build_discriminator(cfg)(torch.randn(2, 1, 28, 28)).shape == (2, 1)


# --- the course's DCGAN layout ------------------------------------------------------------------

@pytest.mark.parametrize("resolution,channels,pack", [(28, 1, 1), (32, 3, 2), (64, 1, 1)])
def test_course_dcgan_gives_images_and_logits(resolution, channels, pack):
    cfg = tiny("dcgan", layout="course", resolution=resolution, channels=channels, pack=pack)
    G, D = build_generator(cfg), build_discriminator(cfg)
    img = G(torch.randn(4, G.z_dim))
    assert img.shape == (4, channels, resolution, resolution) and img.abs().max() <= 1
    assert D(img).shape == (4 // pack, 1)
    assert any(isinstance(m, nn.Dropout2d) for m in D.modules())


def test_course_dcgan_has_the_courses_parameter_counts():
    # counted by hand from the course's layers: G = Linear(100, 128*7*7) + BN(128)
    # + Conv(128, 128, 3) + BN(128) + Conv(128, 64, 3) + BN(64) + Conv(64, 1, 3);
    # D = Conv(1, 16) + Conv(16, 32) + BN + Conv(32, 64) + BN + Conv(64, 128) + BN + Linear(512, 1)
    g = (100 * 6272 + 6272) + 256 + (128 * 128 * 9 + 128) + 256 + (128 * 64 * 9 + 64) + 128 + (64 * 9 + 1)
    d = (9 * 16 + 16) + (16 * 32 * 9 + 32) + 64 + (32 * 64 * 9 + 64) + 128 + (64 * 128 * 9 + 128) \
        + 256 + (512 + 1)
    cfg = default_config("dcgan", layout="course")
    assert (count_parameters(build_generator(cfg)), count_parameters(build_discriminator(cfg))) == (g, d)


@pytest.mark.parametrize("memory_format", [torch.contiguous_format, torch.channels_last])
def test_upsample_conv_is_nearest_upsampling_then_a_3x3_conv(memory_format):
    torch.manual_seed(0)
    m = UpsampleConv(5, 3).to(memory_format=memory_format)
    x = torch.randn(2, 5, 7, 6).contiguous(memory_format=memory_format).requires_grad_()
    ref = F.conv2d(F.interpolate(x, scale_factor=2, mode="nearest"), m.weight, m.bias, padding=1)
    out = m(x)
    assert out.shape == (2, 3, 14, 12)
    torch.testing.assert_close(out, ref, rtol=1e-5, atol=1e-5)
    g = torch.randn_like(ref)      # and the same gradients for the input and every parameter
    for a, b in zip(torch.autograd.grad(out, (x, m.weight, m.bias), g),
                    torch.autograd.grad(ref, (x, m.weight, m.bias), g)):
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-4)


def test_course_dcgan_spectral_norm_replaces_batch_norm():
    D = build_discriminator(tiny("dcgan", layout="course", d_spectral_norm=True))
    layers = [m for m in D.modules() if isinstance(m, SPECTRAL_NORM_TYPES)]
    assert len(layers) == 5
    assert not any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in D.modules())
    for _ in range(3):  # one power iteration per training forward
        assert D(torch.randn(2, 1, 28, 28)).shape == (2, 1)
    assert all(spectral_norm_of(m) == pytest.approx(1.0, abs=0.1) for m in layers)


def test_non_style_generators_have_no_mapping():
    for family in ("mlp", "dcgan", "toy"):
        assert build_generator(tiny(family)).mapping is None


def test_wrong_input_shape_is_a_clear_error():
    cfg = tiny("dcgan", resolution=32)
    with pytest.raises(ValueError, match="D input"):
        build_discriminator(cfg)(torch.randn(2, 1, 28, 28))
    with pytest.raises(ValueError, match="z must have shape"):
        build_generator(cfg)(torch.randn(2, 7))


# --- configs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("family", FAMILIES)
def test_config_is_kept_and_rebuilds_the_same_network(family):
    cfg = tiny(family, pack=2)
    G, D = build_generator(cfg), build_discriminator(cfg)
    assert G.config == cfg and D.config == cfg and cfg["family"] == family
    defaults = default_config(family)
    assert defaults["pack"] == 1 and defaults["d_spectral_norm"] is False
    G2, D2 = build_generator(G.config), build_discriminator(D.config)
    G2.load_state_dict(G.state_dict())  # strict: same names and shapes
    D2.load_state_dict(D.state_dict())


@pytest.mark.parametrize("d,key", [
    ({"family": "stylegan", "bogus": 1}, "model.bogus"),
    ({"family": "dcgan", "z_dim": "big"}, "model.z_dim"),
    ({"family": "mlp", "d_spectral_norm": "yes"}, "model.d_spectral_norm"),
    ({"family": "stylegan", "resolution": 48}, "model.resolution"),
    ({"family": "stylegan", "resolution": 512}, "model.resolution"),
    ({"family": "dcgan", "resolution": 40}, "model.resolution"),
    ({"family": "mlp", "resolution": 4}, "model.resolution"),
    ({"family": "stylegan", "mapping_layers": 9}, "model.mapping_layers"),
    ({"family": "stylegan", "channel_base": 128, "resolution": 256}, "model.channel_base"),
    ({"family": "mlp", "hidden": []}, "model.hidden"),
    ({"family": "mlp", "hidden": [64, "x"]}, "model.hidden[1]"),
    ({"family": "dcgan", "channels": 2}, "model.channels"),
    ({"family": "toy", "data_dim": 3}, "model.data_dim"),
    ({"family": "toy", "pack": 0}, "model.pack"),
    ({"family": "gan9000"}, "model.family"),
    ({"z_dim": 8}, "model.family"),
])
def test_config_errors_name_the_key(d, key):
    with pytest.raises(ConfigError) as err:
        build_generator(d)
    assert err.value.key == key
    assert str(err.value).startswith(key)


def test_default_config_validates_overrides():
    assert default_config("dcgan", resolution=64)["resolution"] == 64
    with pytest.raises(ConfigError, match="model.base_channels"):
        default_config("dcgan", base_channels=0)
    with pytest.raises(ConfigError, match="model.family"):
        default_config("vae")
    assert net_config({"family": "toy"}, prefix="").data_dim == 2


# --- discriminator options -----------------------------------------------------------------

@pytest.mark.parametrize("family", FAMILIES)
def test_spectral_norm_wraps_every_layer_and_d_runs(family):
    torch.manual_seed(0)
    D = build_discriminator(tiny(family, d_spectral_norm=True))
    layers = [m for m in D.modules() if isinstance(m, SPECTRAL_NORM_TYPES)]
    assert layers
    assert not any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in D.modules())
    x = torch.randn(4, 2) if family == "toy" else torch.randn(4, 1, *(2 * [D.resolution]))
    for _ in range(3):  # one power iteration per training forward
        assert D(x).shape == (4, 1)
    for layer in layers:  # the weight actually used has spectral norm ~1 ...
        assert spectral_norm_of(layer) == pytest.approx(1.0, abs=0.1)  # power-iteration estimate
        assert getattr(layer, "weight_gain", 1.0) == 1.0  # ... not rescaled by equalised lr
    torch.manual_seed(0)
    plain = build_discriminator(tiny(family))   # without the option the weights are as trained
    assert any(abs(spectral_norm_of(m) - 1.0) > 0.1 for m in plain.modules()
               if isinstance(m, SPECTRAL_NORM_TYPES))


@pytest.mark.parametrize("family", FAMILIES)
def test_pack4_discriminator_takes_4n_samples(family):
    cfg = tiny(family, pack=4)
    G, D = build_generator(cfg), build_discriminator(cfg)
    D.eval()  # packs independent of each other (no batch statistics) ...
    x = G(torch.randn(8, G.z_dim)).detach()
    out = D(x)
    assert out.shape == (2, 1)
    x2 = x.clone()
    x2[5] = -x2[5]  # ... so changing a sample of pack 1 changes only logit 1
    out2 = D(x2)
    if family != "stylegan":  # minibatch stddev deliberately looks across the batch
        assert torch.equal(out[0], out2[0])
    assert not torch.equal(out[1], out2[1])
    with pytest.raises(ValueError, match="packed"):
        D(x[:6])


def test_pack_samples_puts_consecutive_samples_side_by_side():
    x = torch.arange(4 * 2 * 3, dtype=torch.float32).reshape(4, 2, 3, 1)
    packed = pack_samples(x, 2)
    assert packed.shape == (2, 4, 3, 1)
    assert torch.equal(packed[1, 2:], x[3]) and torch.equal(packed[1, :2], x[2])


def test_stylegan_d_handles_batches_not_divisible_by_group_size():
    D = build_discriminator(tiny("stylegan", resolution=8))
    assert D(torch.randn(6, 1, 8, 8)).shape == (6, 1)
    assert D(torch.randn(1, 1, 8, 8)).shape == (1, 1)


def test_gradients_reach_every_stylegan_generator_parameter():
    G = make_style()
    G.train()
    D = build_discriminator(tiny("stylegan"))
    D(G(torch.randn(4, 16), noise_mode="random")).mean().backward()
    missing = [n for n, p in G.named_parameters() if p.grad is None or not p.grad.abs().sum() > 0]
    assert missing == []


# --- StyleGAN mapping ------------------------------------------------------------------------

def test_psi_zero_gives_w_avg_and_cutoff_limits_rows():
    G = make_style()
    z = seeded_z(3, 16)
    ws = G.mapping(z)
    assert ws.shape == (3, G.num_ws, 16)
    assert torch.equal(ws, ws[:, :1].expand_as(ws))  # one w broadcast to every row
    ws0 = G.mapping(z, psi=0.0)
    assert torch.allclose(ws0, G.mapping.w_avg.expand_as(ws0))
    cut = G.mapping(z, psi=0.0, cutoff=3)
    assert torch.allclose(cut[:, :3], G.mapping.w_avg.expand(3, 3, 16))
    assert torch.equal(cut[:, 3:], ws[:, 3:])
    half = G.mapping(z, psi=0.5)
    assert torch.allclose(half, (ws + G.mapping.w_avg) / 2, atol=1e-6)


def test_w_avg_moves_only_when_asked():
    G = make_style()
    z = seeded_z(8, 16)
    before = G.mapping.w_avg.clone()
    G.mapping(z)
    assert torch.equal(G.mapping.w_avg, before)
    ws = G.mapping(z, update_w_avg=True)
    assert not torch.equal(G.mapping.w_avg, before)
    assert torch.allclose(G.mapping.w_avg, ws[:, 0].mean(0).lerp(before, 0.995))
    after_mapping = G.mapping.w_avg.clone()
    G(z, noise_mode="none", update_w_avg=True)  # G.forward passes the flag on
    assert not torch.equal(G.mapping.w_avg, after_mapping)
    assert "mapping.w_avg" in G.state_dict()  # saved with the checkpoint


def test_z_is_normalised_so_its_scale_does_not_matter():
    G = make_style()
    z = seeded_z(2, 16)
    assert torch.allclose(G.mapping(z), G.mapping(3 * z), atol=1e-5)


# --- StyleGAN synthesis --------------------------------------------------------------------

def test_same_seed_and_weights_give_bit_identical_images():
    G1, G2 = make_style(seed=3), make_style(seed=3)
    z = seeded_z(2, 16, seed=7)
    a = G1(z, psi=0.7, noise_mode="const")
    assert torch.equal(a, G1(z, psi=0.7, noise_mode="const"))
    assert torch.equal(a, G2(z, psi=0.7, noise_mode="const"))
    assert not torch.equal(a, make_style(seed=4)(z, psi=0.7, noise_mode="const"))


def test_noise_modes():
    G = make_style()
    ws = G.mapping(seeded_z(2, 16))
    const = G.synthesis(ws, noise_mode="const")
    assert torch.equal(const, G.synthesis(ws, noise_mode="const"))
    random1, random2 = (G.synthesis(ws, noise_mode="random") for _ in range(2))
    assert not torch.equal(random1, random2)
    none = G.synthesis(ws, noise_mode="none")
    assert not torch.allclose(none, const)
    off = {res: 0.0 for res in G.block_resolutions}
    assert torch.equal(none, G.synthesis(ws, noise_mode="const", noise_strength=off))
    fresh = build_generator(tiny("stylegan")).eval()  # learned strength starts at 0 (official)
    ws = fresh.mapping(seeded_z(2, 16))
    assert torch.equal(fresh.synthesis(ws, noise_mode="random"),
                       fresh.synthesis(ws, noise_mode="none"))


def test_noise_strength_multiplier_acts_from_its_block_on():
    G = make_style()
    ws = G.mapping(seeded_z(1, 16))
    base = G.synthesis.block_outputs(ws, noise_mode="const")
    loud = G.synthesis.block_outputs(ws, noise_mode="const", noise_strength={16: 3.0})
    for res in (4, 8):
        assert torch.equal(base[res][0], loud[res][0])
    assert not torch.allclose(base[16][0], loud[16][0])
    with pytest.raises(ValueError, match="noise_strength"):
        G.synthesis(ws, noise_strength={12: 1.0})
    with pytest.raises(ValueError, match="noise_mode"):
        G.synthesis(ws, noise_mode="loud")
    with pytest.raises(ValueError, match="ws must have shape"):
        G.synthesis(ws[:, 1:])


def test_ws_rows_follow_the_official_slicing():
    G = make_style(resolution=64)
    rows = [G.ws_rows(res) for res in G.block_resolutions]
    assert G.num_ws == 2 * len(G.block_resolutions) == 10
    assert rows[0] == [0, 1] and rows[1] == [1, 2, 3] and rows[-1] == [7, 8, 9]
    for a, b in zip(rows[:-1], rows[1:]):
        assert b == list(range(b[0], b[-1] + 1))  # contiguous
        assert a[-1] == b[0]  # ToRGB row of one block = conv0 row of the next
    conv_rows = [r[:-1] for r in rows] + [[rows[-1][-1]]]  # each conv row once + final ToRGB
    assert sorted(sum(conv_rows, [])) == list(range(G.num_ws))
    with pytest.raises(ValueError):
        G.ws_rows(12)


def test_changing_fine_ws_leaves_coarse_activations_untouched():
    G = make_style(resolution=32)
    ws = G.mapping(seeded_z(2, 16))
    fine = ws.clone()
    first_fine = G.ws_rows(16)[-1] + 1  # rows used only by blocks above 16
    fine[:, first_fine:] = G.mapping(seeded_z(2, 16, seed=1))[:, first_fine:]
    a = G.synthesis.block_outputs(ws, noise_mode="const")
    b = G.synthesis.block_outputs(fine, noise_mode="const")
    for res in (4, 8, 16):
        assert torch.equal(a[res][0], b[res][0]) and torch.equal(a[res][1], b[res][1])
    assert not torch.allclose(a[32][0], b[32][0])
    assert torch.equal(a[32][1], G.synthesis(ws, noise_mode="const"))
    shared = ws.clone()  # the row shared by torgb@8 and conv0@16
    shared[:, G.ws_rows(8)[-1]] += 1
    c = G.synthesis.block_outputs(shared, noise_mode="const")
    assert torch.equal(a[8][0], c[8][0]) and not torch.equal(a[8][1], c[8][1])


def test_fused_and_unfused_modulation_agree():
    G = make_style()
    ws = G.mapping(seeded_z(3, 16))
    G.synthesis.fused_modconv = True
    grouped = G.synthesis(ws, noise_mode="const")
    G.synthesis.fused_modconv = False
    shared = G.synthesis(ws, noise_mode="const")
    assert torch.allclose(grouped, shared, atol=1e-4)


def test_forward_is_synthesis_of_mapping():
    G = make_style()
    z = seeded_z(2, 16)
    ws = G.mapping(z, psi=0.5, cutoff=4)
    img = G(z, psi=0.5, cutoff=4, noise_mode="const")
    assert torch.equal(img, G.synthesis(ws, noise_mode="const"))


def test_state_dict_uses_official_names():
    keys = set(build_generator(tiny("stylegan", resolution=8)).state_dict())
    for k in ("mapping.fc0.weight", "mapping.fc1.bias", "mapping.w_avg", "synthesis.b4.const",
              "synthesis.b4.conv1.weight", "synthesis.b4.conv1.noise_strength",
              "synthesis.b4.conv1.noise_const", "synthesis.b4.torgb.affine.weight",
              "synthesis.b8.conv0.affine.weight", "synthesis.b8.conv0.affine.bias",
              "synthesis.b8.conv1.bias", "synthesis.b8.torgb.weight"):
        assert k in keys, k
    dkeys = set(build_discriminator(tiny("stylegan", resolution=8)).state_dict())
    for k in ("b8.fromrgb.weight", "b8.conv0.weight", "b8.conv1.bias", "b8.skip.weight",
              "b4.conv.weight", "b4.fc.weight", "b4.out.bias"):
        assert k in dkeys, k


# --- layers against straightforward reference computations -----------------------------------

def test_upsample2d_is_zero_insertion_then_fir_filter():
    x = torch.randn(2, 3, 5, 5)
    k = resample_kernel()
    stuffed = torch.zeros(2, 3, 10, 10)
    stuffed[:, :, ::2, ::2] = x
    padded = torch.nn.functional.pad(stuffed, (2, 1, 2, 1))
    ref = torch.nn.functional.conv2d(padded, (4 * k).expand(3, 1, 4, 4), groups=3)
    assert torch.allclose(upsample2d(x, k), ref, atol=1e-5)


@pytest.mark.parametrize("up", [False, True])
def test_modulated_conv_equals_per_sample_demodulated_conv(up):
    x, weight, styles = torch.randn(3, 4, 6, 6), torch.randn(5, 4, 3, 3), torch.randn(3, 4)
    F = torch.nn.functional
    refs = []
    for n in range(3):  # reference: a plain loop over samples
        w = weight * styles[n].reshape(1, 4, 1, 1)
        w = w / w.square().sum(dim=[1, 2, 3], keepdim=True).add(1e-8).sqrt()  # demodulate
        xn = x[n:n + 1]
        refs.append(F.conv_transpose2d(xn, w.transpose(0, 1), stride=2) if up
                    else F.conv2d(xn, w, padding=1))
    ref = torch.cat(refs)
    for fused in (True, False):
        out = modulated_conv2d(x, weight, styles, up=up, fused=fused)
        assert torch.allclose(out, ref, atol=1e-5)


def test_minibatch_std_appends_the_group_standard_deviation():
    x = torch.randn(4, 3, 2, 2)
    y = MinibatchStd(group_size=4)(x)
    assert y.shape == (4, 4, 2, 2) and torch.equal(y[:, :3], x)
    expected = x.std(dim=0, unbiased=False).mean()
    assert torch.allclose(y[:, 3], expected.expand(4, 2, 2), atol=1e-5)


@pytest.mark.parametrize("family", ["mlp", "dcgan", "stylegan"])
def test_generate_is_one_call_for_every_family(family):
    from ganstudio.core.nets import generate, has_mapping
    torch.manual_seed(0)
    G = build_generator(default_config(family)).eval()
    z = torch.randn(3, G.z_dim)
    with torch.no_grad():
        if has_mapping(G):   # truncation pulls ws towards w_avg, then synthesis with constant noise
            ws = G.mapping(z, psi=0.5)
            expected = G.synthesis(ws, noise_mode="const")
        else:                # without a mapping network psi scales z towards its mean, 0
            expected = G(z * 0.5)
        got = generate(G, z, psi=0.5)
    assert torch.equal(got, expected)
    assert got.shape == (3, G.channels, G.resolution, G.resolution)
