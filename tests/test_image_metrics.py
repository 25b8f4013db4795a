"""Image quality metrics: Frechet distance, KID, precision/recall, class coverage, the shipped
Fashion-MNIST classifier and `ganstudio eval`."""
import json
import math
from pathlib import Path

import numpy as np
import pytest
import torch

from ganstudio.train import image_metrics as im
from ganstudio.train.classifier import (FashionClassifier, ClassifierError, load_classifier,
                                        read_classifier_file, save_classifier)
from ganstudio.train.evaluate import to_classifier_pixels
from ganstudio.train.idxfile import FASHION_MNIST_DIR

HAVE_FMNIST = (Path(FASHION_MNIST_DIR) / "t10k-images-idx3-ubyte.gz").is_file()
needs_fmnist = pytest.mark.skipif(not HAVE_FMNIST, reason="Debian Fashion-MNIST files missing")


def _random_cov(rng, d, rank=None):
    a = rng.standard_normal((d, rank or d))
    return a @ a.T / (rank or d)


# --- Frechet distance -------------------------------------------------------------------------------

def test_fd_of_identical_gaussians_is_zero():
    rng = np.random.default_rng(0)
    mu, s = rng.standard_normal(16), _random_cov(rng, 16)
    assert im.frechet_distance(mu, s, mu, s) == pytest.approx(0.0, abs=1e-8)


def test_fd_of_unit_gaussians_is_squared_mean_difference():
    mu = np.array([3.0, -1.0, 0.5, 2.0])
    eye = np.eye(4)
    assert im.frechet_distance(np.zeros(4), eye, mu, eye) == pytest.approx(float(mu @ mu), abs=1e-10)


def test_fd_of_diagonal_covariances_matches_closed_form():
    a, b = np.array([1.0, 4.0, 9.0]), np.array([4.0, 1.0, 0.25])
    expected = float(((np.sqrt(a) - np.sqrt(b)) ** 2).sum())
    assert im.frechet_distance(np.zeros(3), np.diag(a), np.zeros(3), np.diag(b)) == \
        pytest.approx(expected, rel=1e-10)


def test_fd_matches_brute_force_for_non_commuting_covariances():
    rng = np.random.default_rng(1)
    s1, s2 = _random_cov(rng, 8), _random_cov(rng, 8)
    mu1, mu2 = rng.standard_normal(8), rng.standard_normal(8)
    assert not np.allclose(s1 @ s2, s2 @ s1)
    # tr sqrt(S1 S2) = sum of square roots of the (real, positive) eigenvalues of S1 S2
    eig = np.linalg.eigvals(s1 @ s2)
    assert np.abs(eig.imag).max() < 1e-8 and eig.real.min() > 0
    brute = (((mu1 - mu2) ** 2).sum() + np.trace(s1) + np.trace(s2)
             - 2 * np.sqrt(eig.real).sum())
    assert im.frechet_distance(mu1, s1, mu2, s2) == pytest.approx(brute, rel=1e-9)


def test_fd_is_finite_for_singular_covariances():
    rng = np.random.default_rng(2)
    s1, s2 = _random_cov(rng, 10, rank=3), _random_cov(rng, 10, rank=2)
    value = im.frechet_distance(np.zeros(10), s1, np.ones(10), s2)
    assert math.isfinite(value) and value >= 10.0 - 1e-9  # |mu|^2 = 10 plus a non-negative term


def test_fd_of_features_grows_with_shift():
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((4000, 5)), rng.standard_normal((4000, 5))
    assert im.frechet_distance_features(a, b) < 0.05
    assert im.frechet_distance_features(a, b + 1.0) == pytest.approx(5.0, rel=0.05)


def test_fd_rejects_mismatched_shapes():
    with pytest.raises(ValueError):
        im.frechet_distance(np.zeros(3), np.eye(3), np.zeros(4), np.eye(4))


# --- KID --------------------------------------------------------------------------------------------

def test_kid_is_about_zero_for_one_distribution_and_positive_when_shifted():
    rng = np.random.default_rng(4)
    a, b = rng.standard_normal((1000, 16)), rng.standard_normal((1000, 16))
    same, same_std = im.kid(a, b, n_subsets=10, subset_size=400)
    shifted, shifted_std = im.kid(a, b + 0.5, n_subsets=10, subset_size=400)
    assert abs(same) < 3 * same_std + 1e-3
    assert shifted > 10 * max(abs(same), shifted_std)


def test_mmd_matches_explicit_double_sum():
    rng = np.random.default_rng(5)
    x, y = torch.tensor(rng.standard_normal((6, 3))), torch.tensor(rng.standard_normal((5, 3)) + 1)
    k = lambda u, v: (float(u @ v) / 3 + 1) ** 3  # noqa: E731
    xx = sum(k(x[i], x[j]) for i in range(6) for j in range(6) if i != j) / 30
    yy = sum(k(y[i], y[j]) for i in range(5) for j in range(5) if i != j) / 20
    xy = sum(k(x[i], y[j]) for i in range(6) for j in range(5)) / 30
    assert im.mmd2_unbiased(x, y) == pytest.approx(xx + yy - 2 * xy, rel=1e-5)


# --- precision / recall -------------------------------------------------------------------------------

def test_precision_recall_of_identical_sets_is_one():
    feats = np.random.default_rng(6).standard_normal((600, 8))
    assert im.precision_recall(feats, feats.copy(), k=3) == (1.0, 1.0)


def test_precision_recall_of_disjoint_sets_is_zero():
    rng = np.random.default_rng(7)
    real, fake = rng.standard_normal((500, 8)), rng.standard_normal((500, 8)) + 50.0
    assert im.precision_recall(real, fake, k=3) == (0.0, 0.0)


def test_mode_collapse_keeps_precision_and_halves_recall():
    rng = np.random.default_rng(8)
    real = np.concatenate([rng.standard_normal((400, 4)), rng.standard_normal((400, 4)) + 40])
    fake = rng.standard_normal((800, 4))  # only the first of the two real clusters
    precision, recall = im.precision_recall(real, fake, k=3)
    assert precision > 0.9
    assert 0.4 < recall <= 0.5


def test_knn_radii_exclude_the_point_itself():
    pts = torch.tensor([[0.0], [1.0], [3.0], [6.0], [10.0]], dtype=torch.float64)
    assert im.knn_radii(pts, k=1).tolist() == [1.0, 1.0, 2.0, 3.0, 4.0]
    assert im.knn_radii(pts, k=2).tolist() == [3.0, 2.0, 3.0, 4.0, 7.0]


# --- class coverage -----------------------------------------------------------------------------------

def test_class_coverage_cases():
    assert im.class_coverage(np.arange(1000) % 10) == (10, pytest.approx(0.0, abs=1e-12))
    assert im.class_coverage(np.full(50, 3)) == (1, pytest.approx(math.log(10)))
    assert im.class_coverage(np.array([0, 7] * 20)) == (2, pytest.approx(math.log(5)))
    assert im.class_coverage(torch.tensor([1, 1, 2])) [0] == 2
    assert im.class_coverage(np.array([], dtype=np.int64)) == (0, math.inf)
    with pytest.raises(ValueError):
        im.class_coverage(np.array([0, 10]))


# --- classifier input ----------------------------------------------------------------------------------

def test_classifier_pixels_undo_the_data_loaders_padding_and_colour():
    from ganstudio.train.imageops import resize_batch, to_channels
    rng = np.random.default_rng(9)
    orig = rng.integers(0, 256, (5, 1, 28, 28), dtype=np.uint8)
    padded_rgb = to_channels(resize_batch(orig, 32, pad_value=0), 3)
    assert padded_rgb.shape == (5, 3, 32, 32)
    np.testing.assert_array_equal(to_classifier_pixels(padded_rgb), orig)
    np.testing.assert_array_equal(to_classifier_pixels(orig), orig)
    assert to_classifier_pixels(resize_batch(orig, 64)).shape == (5, 1, 28, 28)


# --- the classifier file ---------------------------------------------------------------------------------

def test_classifier_file_round_trip(tmp_path):
    torch.manual_seed(0)
    model = FashionClassifier(mean=-0.4, std=0.7).eval()
    path = save_classifier(tmp_path / "c.pt", model, 0.5, {"epochs": 1, "torch": torch.__version__})
    data = read_classifier_file(path)
    assert data["format"] == "ganstudio-classifier" and data["version"] == 1
    assert data["mean_std"] == [pytest.approx(-0.4), pytest.approx(0.7)]
    loaded = load_classifier(path)
    x = torch.rand(4, 1, 28, 28) * 2 - 1
    torch.testing.assert_close(loaded.features(x), model.features(x))
    assert loaded.features(x).shape == (4, 128) and loaded.test_accuracy == 0.5
    assert not list(tmp_path.glob(".*.tmp"))  # atomic write left no temporary file
    assert path.stat().st_mode & 0o444 == 0o444


def test_load_classifier_refuses_other_files(tmp_path):
    other = tmp_path / "other.pt"
    torch.save({"format": "ganstudio-checkpoint"}, other)
    with pytest.raises(ClassifierError, match="not a GAN Studio classifier"):
        load_classifier(other)
    (tmp_path / "junk.pt").write_bytes(b"not a torch file")
    with pytest.raises(ClassifierError):
        load_classifier(tmp_path / "junk.pt")


@needs_fmnist
def test_shipped_classifier_is_small_and_accurate():
    from ganstudio.resources import resource
    from ganstudio.train.classifier import RESOURCE, fashion_mnist_28, to_input
    path = resource(RESOURCE)
    assert path.stat().st_size < 2_000_000
    model = load_classifier()
    assert model.test_accuracy >= 0.90
    images, labels = fashion_mnist_28("test")
    pick = np.random.default_rng(0).choice(len(images), 2000, replace=False)
    with torch.no_grad():
        pred = model(to_input(images[pick])).argmax(1).numpy()
    assert (pred == labels[pick]).mean() >= 0.90


# --- the command line ------------------------------------------------------------------------------------

def _save_fresh(tmp_path, family, **cfg):
    from ganstudio.core.checkpoint import save_checkpoint
    from ganstudio.core.nets import build_generator, default_config
    config = default_config(family, **cfg)
    torch.manual_seed(0)
    return save_checkpoint(tmp_path / f"{family}.pt", model_config=config,
                           G=build_generator(config))


@needs_fmnist
def test_eval_reports_every_metric_for_an_untrained_dcgan(tmp_path, capsys):
    from ganstudio.cli import main
    ckpt = _save_fresh(tmp_path, "dcgan", resolution=32, channels=3, base_channels=8, z_dim=16)
    out_json = tmp_path / "m.json"
    code = main(["eval", str(ckpt), "--samples", "500", "--reference", "1000", "--device", "cpu",
                 "--json", str(out_json)])
    out = capsys.readouterr().out
    assert code == 0
    for name in ("FD", "KID", "precision", "recall", "class coverage", "KL", "floor"):
        assert name in out
    assert "NOT Inception FID" in out
    result = json.loads(out_json.read_text())
    gen, floor = result["generated"], result["floor"]
    assert set(gen) >= {"fd", "kid", "kid_std", "precision", "recall", "classes_covered",
                        "class_kl"}
    # an untrained generator is far worse than real images on every axis
    assert gen["fd"] > 10 * floor["fd"]
    assert gen["kid"] > 10 * max(floor["kid"], 1e-4)
    assert floor["precision"] > 0.5 and floor["recall"] > 0.5 and floor["classes_covered"] == 10
    assert gen["recall"] < floor["recall"]


def test_eval_refuses_a_toy_checkpoint_in_one_line(tmp_path, capsys):
    from ganstudio.cli import main
    ckpt = _save_fresh(tmp_path, "toy", data_dim=2)
    try:
        code = main(["eval", str(ckpt), "--samples", "500"])
    except SystemExit as e:  # the sub-parser reports usage errors itself
        code = e.code
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "image metrics do not apply" in err
