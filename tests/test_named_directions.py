"""Directions defined by labels and by a classifier (issue 18, section 3): the boundary fit, the
conditional (independent) direction, the file format and its refusals, class directions."""
import json

import numpy as np
import pytest
import torch

from ganstudio.core import boundary as B
from ganstudio.core import named_directions as N
from tests.explorer_models import one_torch_thread, style_generator

_one_thread = pytest.fixture(autouse=True)(one_torch_thread)


def _anisotropic_w(n: int, dim: int = 48, seed: int = 0) -> np.ndarray:
    """Samples shaped like a StyleGAN w: a mean far from 0 and spreads over two decades."""
    rng = np.random.RandomState(seed)
    basis, _ = np.linalg.qr(rng.randn(dim, dim))
    spreads = np.logspace(0, -2, dim)
    return 3.0 + (rng.randn(n, dim) * spreads) @ basis.T


@pytest.mark.parametrize("method", B.METHODS)
def test_fitted_boundary_recovers_a_planted_direction(method):
    w = _anisotropic_w(2000)
    rng = np.random.RandomState(1)
    planted = np.cov(w.T) @ rng.randn(w.shape[1])      # a direction along which w varies
    planted /= np.linalg.norm(planted)
    score = (w - w.mean(0)) @ planted
    labels = score + 0.1 * score.std() * rng.randn(len(w)) > 0      # a few labels wrong
    b = B.fit_boundary(w, labels, method)
    assert float(b.normal @ planted) > 0.9
    assert b.held_out == 500 and b.held_out_accuracy > 0.85
    assert b.positives + b.negatives == 2000


def test_boundary_refuses_too_few_labels_and_bad_numbers():
    w = _anisotropic_w(10)
    with pytest.raises(ValueError, match="at least 2 samples on each side"):
        B.fit_boundary(w, np.array([True] + [False] * 9))
    bad = w.copy()
    bad[3, 2] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        B.fit_boundary(bad, np.arange(10) % 2 == 0)


def test_independent_direction_is_orthogonal_and_keeps_the_rest():
    rng = np.random.RandomState(0)
    a, b = rng.randn(16), rng.randn(16)
    made = B.orthogonalise(a, [b])
    assert abs(float(made @ b)) < 1e-6 and abs(np.linalg.norm(made) - 1) < 1e-6
    assert float(made @ a) > 0          # still points the way of the original
    with pytest.raises(ValueError, match="nothing is left"):
        B.orthogonalise(b * 2, [b])
    m = B.cosine_matrix(np.stack([a, b, made]))
    assert np.allclose(np.diag(m), 1) and abs(m[1, 2]) < 1e-6


def test_direction_from_clicked_labels_is_a_named_unit_direction():
    G = style_generator()
    z = torch.randn(60, G.z_dim, generator=torch.Generator().manual_seed(0))
    w = N.map_z(G, z)
    labels = w[:, 0] > np.median(w[:, 0])           # "has the attribute" = large w[0]
    d = N.direction_from_labels(G, "wide", z, labels)
    assert d.name == "wide" and d.vector.shape == (G.w_dim,) and abs(np.linalg.norm(d.vector) - 1) < 1e-5
    assert d.vector[0] == max(d.vector, key=abs)    # w[0] dominates the normal
    assert d.scale > 0 and 0 <= d.details["held_out_accuracy"] <= 1
    other = N.NamedDirection("other", np.eye(G.w_dim)[0])
    indep = N.direction_from_labels(G, "wide but not w0", z, labels, independent_of=[other])
    assert abs(float(indep.vector @ other.vector)) < 1e-5
    assert indep.details["independent_of"] == ["other"]


def test_file_round_trip_and_refusals(tmp_path):
    dirs = [N.NamedDirection("a", np.arange(1, 9), 0.5, details={"held_out_accuracy": 0.75}),
            N.NamedDirection("b", -np.ones(8), 2.0, "class")]
    path = N.write_directions(tmp_path / "d.json", dirs, 8, "f" * 64, "model.pt")
    back = N.read_directions(path, 8, "f" * 64)
    assert [d.name for d in back] == ["a", "b"]
    assert np.allclose(back[0].vector, dirs[0].vector) and back[1].scale == 2.0
    assert back[0].details["held_out_accuracy"] == 0.75
    with pytest.raises(N.DirectionFileError, match="w has 16|this model's w has 16"):
        N.read_directions(path, 16, "f" * 64)
    with pytest.raises(N.DirectionFileError, match="made for another model .model.pt."):
        N.read_directions(path, 8, "e" * 64)
    doc = json.loads(path.read_text())
    doc["directions"][1]["vector"][3] = float("nan")
    (tmp_path / "nan.json").write_text(json.dumps(doc))
    with pytest.raises(N.DirectionFileError, match="'b' cannot be used: .*NaN"):
        N.read_directions(tmp_path / "nan.json", 8)
    doc["directions"][1]["vector"] = [0.0] * 7
    (tmp_path / "short.json").write_text(json.dumps(doc))
    with pytest.raises(N.DirectionFileError, match="7 numbers, w has 8"):
        N.read_directions(tmp_path / "short.json", 8)
    (tmp_path / "other.json").write_text('{"format": "something else"}')
    with pytest.raises(N.DirectionFileError, match="not a GAN Studio directions file"):
        N.read_directions(tmp_path / "other.json", 8)


def test_class_directions_move_the_classifier_towards_the_class():
    """On the shipped Fashion-MNIST StyleGAN with the shipped classifier: adding a class's
    direction raises that class's probability."""
    from ganstudio.core.checkpoint import load_checkpoint
    from ganstudio.resources import resource
    from ganstudio.train.class_labels import class_names, fashion_classify, is_fashion_mnist
    ckpt = load_checkpoint(resource("models/stylegan_fashion32.pt"))
    assert is_fashion_mnist(ckpt.summary())
    G, classify = ckpt.build_generator(), fashion_classify()
    dirs = N.class_directions(G, classify, class_names(), n=1500, seed=0)
    assert len(dirs) == 10 and dirs[9].name == "more like Ankle boot"
    z = N.sample_z(123, 64, G.z_dim)
    w = torch.from_numpy(N.map_z(G, z)).float()
    for k in (0, 1, 9):          # T-shirt, trouser, ankle boot
        d = dirs[k]
        before = classify(G.synthesis(w.unsqueeze(1).repeat(1, G.num_ws, 1), noise_mode="const"))[:, k]
        moved = w + 2.0 * d.scale * torch.from_numpy(d.vector.copy())
        after = classify(G.synthesis(moved.unsqueeze(1).repeat(1, G.num_ws, 1), noise_mode="const"))[:, k]
        assert float(after.mean()) > float(before.mean()) + 0.2, d.name
        assert float((after > before).float().mean()) > 0.6, d.name


def test_export_sweeps_a_named_direction_from_a_file(tmp_path):
    """`ganstudio export CKPT --directions FILE --sweep NAME`; another model's file is refused."""
    from ganstudio.core.checkpoint import load_checkpoint
    from PIL import Image
    from tests.explorer_models import export_cli, save
    G = style_generator()
    ck = save(tmp_path / "m.pt", G)
    sha = load_checkpoint(ck).sha256
    N.write_directions(tmp_path / "d.json", [N.NamedDirection("round", np.eye(G.w_dim)[2], 1.5)], G.w_dim, sha)
    out = tmp_path / "s.gif"
    assert export_cli(ck, "--directions", tmp_path / "d.json", "--sweep", "round", "--steps", 5, "--out", out) == 0
    frames = Image.open(out)
    assert frames.n_frames == 5
    N.write_directions(tmp_path / "o.json", [N.NamedDirection("round", np.eye(G.w_dim)[2])], G.w_dim, "0" * 64)
    assert export_cli(ck, "--directions", tmp_path / "o.json", "--sweep", "round", "--out", out) == 2
    assert export_cli(ck, "--directions", tmp_path / "d.json", "--sweep", "square", "--out", out) == 2
    assert export_cli(ck, "--directions", tmp_path / "d.json", "--grid", "2x2", "--out", tmp_path / "g.png") == 2
