"""Teaching controls in the training engine (no Qt): drawn points as data, D-only / G-only
steps, live hyper-parameters recorded in metrics.jsonl, the manifold grid and the grid KL / JS."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch

from ganstudio.core.config import ConfigError
from ganstudio.train.data import load_dataset
from ganstudio.train.datacache import DataError
from ganstudio.train.drawn_data import (RUN_COPY, kde_bandwidth, kde_density, parse_points_csv,
                                        read_points_csv, write_points_csv)
from ganstudio.train.interventions import InterventionError
from ganstudio.train.recipe import Recipe
from ganstudio.train.toy_divergence import binned_kde, divergences, grid_divergences
from ganstudio.train.trainer import Trainer


def ring_csv(path, n=40):
    a = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return write_points_csv(path, np.stack([np.cos(a), np.sin(a)], 1))


def points_recipe(csv, steps=20, **train) -> Recipe:
    return Recipe.from_dict({
        "name": "drawn", "model": {"family": "toy", "data_dim": 2, "z_dim": 2, "hidden": 16, "layers": 2},
        "data": {"kind": "points", "path": str(csv), "toy_samples": 2000},
        "train": {"steps": steps, "batch": 32, "log_every": 5, "sample_every": 0,
                  "checkpoint_every": 0, "device": "cpu", "threads": 1, **train}})


# --- drawn points -------------------------------------------------------------------------------

def test_csv_round_trip_header_comments_and_separators(tmp_path):
    pts = np.array([[0.5, -1.25], [1e-3, 2.0], [-0.75, 0.0]])
    path = write_points_csv(tmp_path / "p.csv", pts)
    assert path.read_text().splitlines()[0] == "x,y"
    assert np.allclose(read_points_csv(path), pts)
    text = "# my drawing\nx;y\n1;2\n\n3\t4   # a comment\n5 6\n"
    assert parse_points_csv(text).tolist() == [[1, 2], [3, 4], [5, 6]]


@pytest.mark.parametrize("text, expected", [
    ("x,y\n1,2\n3,4\n5,oops\n", "line 4"),
    ("1,2\n3,4,5\n6,7\n", "line 2"),
    ("1,2\n3,4\n5,nan\n", "line 3"),
    ("1,2\n3,4\n", "at least 3"),
    ("1,2\n3,4\n5,5000\n", "outside"),
])
def test_bad_csv_names_the_line_or_the_rule(text, expected):
    with pytest.raises(DataError, match=expected):
        parse_points_csv(text, "mine.csv")


def test_points_kind_is_validated_in_the_recipe(tmp_path):
    with pytest.raises(ConfigError, match="data.path"):
        Recipe.from_dict({"model": {"family": "toy", "data_dim": 2}, "data": {"kind": "points"}})
    with pytest.raises(ConfigError, match="model.data_dim"):
        Recipe.from_dict({"model": {"family": "toy", "data_dim": 1},
                          "data": {"kind": "points", "path": str(tmp_path / "x.csv")}})
    with pytest.raises(ConfigError, match="data.kind"):
        Recipe.from_dict({"model": {"family": "mlp"},
                          "data": {"kind": "points", "path": str(tmp_path / "x.csv")}})


def test_drawn_data_is_sampled_from_its_kde_and_knows_its_density(tmp_path):
    csv = ring_csv(tmp_path / "ring.csv")
    ds = load_dataset({"kind": "points", "path": str(csv), "toy_samples": 4000})
    x = ds.data.numpy()
    assert ds.kind == "toy" and x.shape == (4000, 2)
    r = np.hypot(x[:, 0], x[:, 1])
    h = kde_bandwidth(read_points_csv(csv))
    assert abs(r.mean() - 1) < 0.02 and abs(r.std() - h) < 0.02      # a ring of width h
    # the density integrates to 1 and peaks on the ring, not at the centre
    g = np.linspace(-2, 2, 201)
    gx, gy = np.meshgrid(g, g)
    p = ds.density(np.stack([gx.ravel(), gy.ravel()], 1))
    assert abs(p.sum() * (g[1] - g[0]) ** 2 - 1) < 1e-3
    assert ds.density(np.array([[1.0, 0.0]]))[0] > 100 * ds.density(np.array([[0.0, 0.0]]))[0]
    assert np.allclose(kde_density(np.zeros((1, 2)), np.zeros((1, 2)), 1.0), 1 / (2 * math.pi))


def test_headless_training_on_points_records_them_for_replay(tmp_path):
    csv = ring_csv(tmp_path / "ring.csv")
    run = tmp_path / "run"
    t = Trainer(points_recipe(csv), run)
    assert t.run() == "done"
    t.close()
    assert np.allclose(read_points_csv(run / RUN_COPY), read_points_csv(csv))
    csv.unlink()                                    # the original is gone: the run still replays
    replay = Recipe.load(run / "recipe.toml")
    assert replay.data.kind == "points" and replay.data.path == str((run / RUN_COPY).resolve())
    t2 = Trainer(replay, tmp_path / "replay")
    assert t2.run() == "done"
    snap = t2.toy_snapshot()
    assert snap["p_data"].shape == (64, 64) and snap["p_data"].max() > 0   # the KDE view works
    t2.close()


def test_cli_trains_on_points(tmp_path, capsys):
    from ganstudio.cli import main
    csv = ring_csv(tmp_path / "ring.csv")
    recipe = tmp_path / "r.toml"
    recipe.write_text(points_recipe(csv, steps=5).to_toml(), encoding="utf-8")
    assert main(["train", str(recipe), "--out", str(tmp_path / "out"), "--device", "cpu"]) in (0, None)
    assert (tmp_path / "out" / RUN_COPY).is_file()
    (tmp_path / "bad.csv").write_text("x,y\n1,2\n3,4\n5,oops\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["train", str(recipe), "--out", str(tmp_path / "bad"), "--device", "cpu",
                 "--set", f"data.path={tmp_path / 'bad.csv'}"]) == 2
    assert "bad.csv, line 4" in capsys.readouterr().err


# --- interventions ------------------------------------------------------------------------------

def _params(m):
    return [p.detach().clone() for p in m.parameters()]


def _same(a, m):
    return all(torch.equal(x, y) for x, y in zip(a, m.parameters()))


def test_d_step_moves_only_d_and_g_step_only_g(tmp_path):
    t = Trainer(points_recipe(ring_csv(tmp_path / "r.csv")), tmp_path / "run")
    g, d = _params(t.G), _params(t.D)
    t.request_steps("d", 3)
    assert _same(g, t.G) and not _same(d, t.D) and t.step_count == 0
    g, d = _params(t.G), _params(t.D)
    t.request_steps("g", 2)
    assert not _same(g, t.G) and _same(d, t.D) and t.step_count == 0
    t.request_steps("both", 4)
    assert t.step_count == 4
    t.close()
    lines = [json.loads(x) for x in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()]
    manual = [x for x in lines if x["type"] == "manual_steps"]
    assert [(x["player"], x["count"]) for x in manual] == [("d", 3), ("g", 2), ("both", 4)]
    assert math.isfinite(manual[0]["loss_d"]) and math.isfinite(manual[1]["loss_g"])
    with pytest.raises(InterventionError, match="steps"):
        t.request_steps("d", 0)
    with pytest.raises(InterventionError, match="player"):
        t.request_steps("x", 1)


def test_live_learning_rates_and_objective_take_effect_at_the_next_step(tmp_path):
    t = Trainer(points_recipe(ring_csv(tmp_path / "r.csv"), steps=30), tmp_path / "run")
    seen = {}

    def listener(ev):
        if ev.get("type") == "log" and ev["step"] == 10:     # while run() is going
            t.set_hyperparameters(lr_g=5e-4, lr_d=7e-4, objective="wgan_gp")
            seen["lr_at_10"] = t.opt_g.param_groups[0]["lr"]
        if ev.get("type") == "log" and ev["step"] == 15:
            seen["lr_at_15"] = (ev["lr_g"], ev["lr_d"])
    t.add_listener(listener)
    assert t.run() == "done"
    t.close()
    assert seen["lr_at_10"] == 2e-4                       # not in the middle of a step ...
    assert seen["lr_at_15"] == (5e-4, 7e-4)               # ... but from the next one
    assert t.objective.name == "wgan_gp" and t.recipe.objective.gp == 10.0
    lines = [json.loads(x) for x in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()]
    hyper = [x for x in lines if x["type"] == "hyper"]
    assert len(hyper) == 1 and hyper[0]["step"] == 10
    assert hyper[0]["changed"] == {"lr_g": [2e-4, 5e-4], "lr_d": [2e-4, 7e-4],
                                   "objective": ["nonsaturating", "wgan_gp"]}
    # the run's recipe now says so: continuing the run (its recipe.toml) goes on with them
    stored = Recipe.load(tmp_path / "run" / "recipe.toml")
    assert (stored.optim.lr_g, stored.optim.lr_d, stored.objective.name) == (5e-4, 7e-4, "wgan_gp")
    assert stored.data.path == str((tmp_path / "run" / RUN_COPY).resolve())
    stored.train.steps = 35
    again = Trainer(stored, tmp_path / "run", resume=True)
    assert again.step_count == 30 and again.resume_changes == {}
    assert (again.opt_g.param_groups[0]["lr"], again.opt_d.param_groups[0]["lr"]) == (5e-4, 7e-4)
    assert again.objective.name == "wgan_gp"
    again.close()


@pytest.mark.parametrize("changes, expected", [
    ({"lr_g": -1}, "lr_g"), ({"lr_d": float("nan")}, "lr_d"), ({"lr_g": 5}, "lr_g"),
    ({"objective": "nope"}, "objective"), ({"beta1": 0.5}, "beta1"),
])
def test_bad_live_values_are_refused_by_name(tmp_path, changes, expected):
    t = Trainer(points_recipe(ring_csv(tmp_path / "r.csv")), None)
    with pytest.raises(InterventionError, match=expected):
        t.set_hyperparameters(**changes)
    with pytest.raises(InterventionError, match="delay"):
        t.set_delay(-1)
    with pytest.raises(InterventionError, match="delay"):
        t.set_delay(float("inf"))


# --- manifold and divergences ---------------------------------------------------------------------

def test_snapshot_has_the_manifold_grid_and_a_slice_for_larger_z(tmp_path):
    csv = ring_csv(tmp_path / "r.csv")
    for z_dim in (2, 5):
        r = points_recipe(csv)
        r.model["z_dim"] = z_dim
        t = Trainer(Recipe.from_dict(r.to_dict()), None)
        m = t.toy_snapshot()["manifold"]
        assert m["rows"].shape == m["cols"].shape == (11, 41, 2)
        assert m["slice"] == (z_dim > 2)
        z = torch.zeros(1, z_dim)
        z[0, 0], z[0, 1] = -2.5, 2.5            # first point of the last row: z = (-2.5, 2.5, 0...)
        with torch.no_grad():
            assert np.allclose(m["rows"][-1, 0], t.G(z).numpy()[0], atol=1e-5)


def test_grid_kl_matches_two_gaussians():
    """KL(N(0, I) || N(mu, I)) = |mu|^2 / 2; JS has no closed form: compare to a 1-D integral."""
    mu = np.array([2.0, 0.0])
    xs, ys = np.linspace(-6, 8, 141), np.linspace(-6, 6, 121)
    gx, gy = np.meshgrid(xs, ys)
    p = np.exp(-0.5 * (gx ** 2 + gy ** 2))
    q = np.exp(-0.5 * ((gx - mu[0]) ** 2 + (gy - mu[1]) ** 2))
    d = divergences(p, q)
    assert d["kl_data_g"] == pytest.approx(2.0, abs=2e-3)
    assert d["kl_g_data"] == pytest.approx(2.0, abs=2e-3)
    t = np.linspace(-12, 14, 20001)
    a, b = np.exp(-0.5 * t ** 2), np.exp(-0.5 * (t - 2) ** 2)
    a, b = a / a.sum(), b / b.sum()
    m = (a + b) / 2
    js = 0.5 * np.sum(a * np.log(a / m)) + 0.5 * np.sum(b * np.log(b / m))
    assert d["js"] == pytest.approx(js, abs=2e-3)
    assert divergences(p, p)["js"] == pytest.approx(0, abs=1e-12)


def test_sample_estimate_of_two_gaussians():
    """From samples: both KDEs use bandwidth h, so the answer is |mu|^2 / (2 (1 + h^2))."""
    rng = np.random.RandomState(0)
    mu = np.array([2.0, 0.0])
    a, b = rng.randn(20000, 2), rng.randn(20000, 2) + mu
    xs, ys = np.linspace(-5, 7, 64), np.linspace(-5, 5, 64)
    d = grid_divergences(a, b, xs, ys)
    expected = mu @ mu / (2 * (1 + d["bandwidth"] ** 2))
    assert d["kl_data_g"] == pytest.approx(expected, rel=0.1)
    same = grid_divergences(a, rng.randn(20000, 2), xs, ys)
    assert same["js"] < 0.01 and same["kl_data_g"] < 0.05
    # a generator that dropped one of two far-apart modes: p = (A + C) / 2, q = A, so
    # JS = 1/2 (1/2 log(2/3) + 1/2 log 2) + 1/2 log(4/3) = 0.216 and KL(data || G) is large
    c = rng.randn(20000, 2) + np.array([5.0, 0.0])
    half = grid_divergences(np.concatenate([a[:10000], c[:10000]]), a, xs, ys)
    js = 0.5 * (0.5 * np.log(2 / 3) + 0.5 * np.log(2)) + 0.5 * np.log(4 / 3)
    assert half["js"] == pytest.approx(js, abs=0.02) and half["kl_data_g"] > 3.0


def test_log_events_of_2d_runs_hold_the_snapshots_divergences(tmp_path):
    t = Trainer(points_recipe(ring_csv(tmp_path / "r.csv"), steps=10), None)
    logs = []
    t.add_listener(lambda ev: logs.append(ev) if ev.get("type") == "log" else None)
    t.run()
    snap = t.toy_snapshot(use_ema=True)      # the log's numbers are G_ema's (as mode counts)
    assert logs[-1]["js"] == pytest.approx(snap["divergence"]["js"])
    assert logs[-1]["kl_data_g"] == pytest.approx(snap["divergence"]["kl_data_g"])


def test_mass_off_the_grid_counts():
    xs = ys = np.linspace(-1, 1, 32)
    far = np.full((100, 2), 50.0)
    m = binned_kde(far, xs, ys, 0.1)
    assert m[-1] == pytest.approx(1.0) and m[:-1].sum() == pytest.approx(0.0)


def snapshot_with_last_layer(tmp_path, change) -> dict:
    """A 2-D toy snapshot after ``change`` (called on G's last Linear layer) moved G's samples."""
    t = Trainer(points_recipe(ring_csv(tmp_path / "r.csv")), None)
    last = [m for m in t.G.modules() if isinstance(m, torch.nn.Linear)][-1]
    with torch.no_grad():
        change(last)
    try:
        return t.toy_snapshot()
    finally:
        t.close()


def test_the_2d_density_holds_only_the_share_of_samples_inside_the_view(tmp_path):
    # the same rule as the 1-D histograms: samples off the view still count, so a generator
    # half off the data draws half the mass there, not a full density of its few samples inside
    # the samples spread well beyond the view
    snap = snapshot_with_last_layer(tmp_path, lambda last: last.weight.mul_(30.0))
    s, ext = snap["samples"], snap["extent"]
    inside = ((s >= ext[:, 0]) & (s <= ext[:, 1])).all(1).mean()
    assert 0.05 < inside < 0.8
    cell = np.diff(snap["x"][[0, -1]])[0] * np.diff(snap["y"][[0, -1]])[0] / snap["p_g"].size
    assert snap["p_g"].sum() * cell == pytest.approx(inside, rel=1e-6)


def test_a_snapshot_with_every_sample_outside_the_view_shows_no_density_rather_than_nan(tmp_path):
    # a diverged generator can put all its samples off the data's view: the density drawn over
    # the view is then zero everywhere (it used to be 0 / 0)
    snap = snapshot_with_last_layer(tmp_path, lambda last: last.bias.fill_(1e4))
    assert (np.abs(snap["samples"]) > 100).all()
    assert np.isfinite(snap["p_g"]).all() and not snap["p_g"].any()
