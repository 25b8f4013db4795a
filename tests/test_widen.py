"""Growing a trained StyleGAN to more channels: the generator keeps making the same images, the
discriminator the same judgements (up to its minibatch-stddev feature), and a run resumed with
a wider recipe continues from its checkpoint instead of refusing it."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from ganstudio.core.checkpoint import load_checkpoint
from ganstudio.core.config import to_dict
from ganstudio.core.nets.stylegan import StyleDiscriminator, StyleGANConfig, StyleGenerator
from ganstudio.core.nets.widen import growths, widen_state, widening
from ganstudio.train.data import TensorDataset
from ganstudio.train.recipe import Recipe
from ganstudio.train.state import TrainingError
from ganstudio.train.trainer import Trainer

NARROW = dict(resolution=16, z_dim=16, w_dim=16, mapping_layers=2, channel_base=128, channel_max=16)
WIDE = dict(NARROW, channel_base=256, channel_max=24)


def trained_like(net: torch.nn.Module, seed: int = 0) -> torch.nn.Module:
    """A freshly made net moved off its initialisation (biases, noise strengths, ... non-zero),
    so that copying only what an untrained net has would not pass for a real widening."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in net.parameters():
            p.add_(0.2 * torch.randn(p.shape, generator=g))
    return net


def test_a_widened_generator_makes_the_same_images_and_its_new_channels_learn():
    torch.manual_seed(0)
    old = trained_like(StyleGenerator(StyleGANConfig(**NARROW)))
    new = StyleGenerator(StyleGANConfig(**WIDE))
    new.load_state_dict(widen_state(old.state_dict(), new))
    assert new.synthesis.b16.conv1.weight.shape[0] > old.synthesis.b16.conv1.weight.shape[0]
    z = torch.randn(6, 16)
    with torch.no_grad():
        want, got = old(z, noise_mode="const"), new(z, noise_mode="const")
        assert torch.allclose(got, want, atol=1e-5), (got - want).abs().max()
        assert torch.allclose(new(z, psi=0.5, noise_mode="const"), old(z, psi=0.5, noise_mode="const"),
                              atol=1e-5)
    new(z, noise_mode="const").square().mean().backward()
    w = new.synthesis.b16.conv1.weight
    o, i = old.synthesis.b16.conv1.weight.shape[:2]
    assert torch.count_nonzero(w[:o, i:]) == 0         # old outputs ignore the new inputs ...
    assert w.grad[:o, i:].abs().sum() > 0              # ... until training moves them


def test_a_widened_discriminator_judges_as_before():
    torch.manual_seed(1)
    old = trained_like(StyleDiscriminator(StyleGANConfig(**NARROW)), seed=1)
    with torch.no_grad():   # a trained D leans on the stddev feature (the shipped ones do)
        old.b4.conv.weight[:, -1] *= 30
    new = StyleDiscriminator(StyleGANConfig(**WIDE))
    new.load_state_dict(widen_state(old.state_dict(), new))
    x = torch.randn(8, 1, 16, 16)
    with torch.no_grad():
        want, got = old(x), new(x)
        features_old, features_new = x, x
        for res in old.block_resolutions:   # every block's old channels exactly
            features_old = getattr(old, f"b{res}")(features_old)
            features_new = getattr(new, f"b{res}")(features_new)
            assert torch.allclose(features_new[:, :features_old.shape[1]], features_old, atol=1e-5)
    # the stddev feature averages over all channels: the new ones of the last block start small
    # (and alive) and its weight makes up for the longer mean, so the logits stay put too
    assert (got - want).abs().max() < 0.01 * want.abs().mean(), (got - want).abs().max()
    old_ch = features_old.shape[1]
    new_features = features_new[:, old_ch:]
    assert 0 < new_features.abs().max() < 0.01 * features_old.abs().mean()


@pytest.mark.parametrize("change, why", [
    ({}, "no change"),
    ({"channel_max": 8}, "narrower"),
    ({"channel_max": 24, "w_dim": 24}, "another key changed too"),
    ({"channel_max": 24, "d_spectral_norm": True}, "spectral normalisation"),
    ({"channel_max": 24, "family": "dcgan"}, "another family"),
])
def test_only_a_strictly_wider_stylegan_is_a_widening(change, why):
    old = to_dict(StyleGANConfig(**NARROW))
    assert widening(old, {**old, **change}) is None, why
    assert widening(old, to_dict(StyleGANConfig(**WIDE))) == "16 -> 24 channels"


def test_growths_refuse_networks_that_differ_in_more_than_width():
    old = StyleGenerator(StyleGANConfig(**NARROW)).state_dict()
    with pytest.raises(ValueError, match="more than width"):
        growths(old, StyleGenerator(StyleGANConfig(**dict(NARROW, resolution=32))))
    with pytest.raises(ValueError, match="cannot grow"):
        growths(StyleGenerator(StyleGANConfig(**WIDE)).state_dict(), StyleGenerator(StyleGANConfig(**NARROW)))


def recipe(**model) -> Recipe:
    return Recipe.from_dict({
        "model": {"family": "stylegan", "channels": 1, **NARROW, **model},
        "data": {"kind": "fashion_mnist"},
        "objective": {"r1": 1.0, "r1_interval": 2, "style_mixing": 0.9},
        "optim": {"ema_half_life_images": 100},
        "train": {"steps": 20, "batch": 4, "log_every": 1, "device": "cpu", "sample_every": 0,
                  "checkpoint_every": 0}})


def data() -> TensorDataset:
    g = torch.Generator().manual_seed(0)
    return TensorDataset("rand", "image", torch.randint(0, 256, (16, 1, 16, 16), dtype=torch.uint8,
                                                        generator=g))


def checkpointed(rec: Recipe, run, steps: int):
    """Train a new run of ``rec`` in ``run`` for ``steps`` steps on :func:`data`, write its
    checkpoint and close it (as a stopped run is); the checkpoint's path."""
    t = Trainer(rec, run, data=data())
    for _ in range(steps):
        t.step()
    path = t.save_checkpoint(wait=True)
    t.close()
    return path


def test_a_run_resumed_with_a_wider_recipe_grows_and_trains_on(tmp_path):
    saved = load_checkpoint(checkpointed(recipe(), tmp_path / "run", steps=3))
    wide = Trainer(recipe(channel_base=256, channel_max=24), tmp_path / "run", data=data(), resume=True)
    assert wide.step_count == 3 and wide.widened == "16 -> 24 channels"
    z = torch.randn(5, 16)
    old_ema = StyleGenerator(StyleGANConfig(**NARROW))
    old_ema.load_state_dict(saved.G_ema)
    with torch.no_grad():   # the EMA generator, the one samples come from, is unchanged
        assert torch.allclose(wide.G_ema(z, noise_mode="const"), old_ema(z, noise_mode="const"), atol=1e-5)
    # Adam's moments grew with their parameters: the new entries of the second moment are
    # those of a trained layer, not zero (which would make the first steps of the new weights huge)
    w = wide.G.synthesis.b16.conv1.weight
    moments = wide.opt_g.state[w]["exp_avg_sq"]
    assert moments.shape == w.shape and bool((moments > 0).all())
    losses = [wide.step() for _ in range(3)]
    assert all(np.isfinite([e["loss_d"], e["loss_g"]]).all() for e in losses)
    wide.save_checkpoint(wait=True)
    wide.close()
    again = load_checkpoint(tmp_path / "run" / "checkpoints" / "latest.pt")
    assert again.step == 6 and again.model_config["channel_max"] == 24


def test_a_narrower_recipe_still_cannot_resume_a_wider_checkpoint(tmp_path):
    checkpointed(recipe(channel_base=256, channel_max=24), tmp_path / "run", steps=1)
    with pytest.raises(TrainingError, match="model.channel_base"):
        Trainer(recipe(), tmp_path / "run", data=data(), resume=True)


def test_the_cli_says_it_widens(tmp_path, capsys):
    from ganstudio.cli import main
    from ganstudio.train.recipe import dumps_toml
    narrow = tmp_path / "narrow.toml"
    narrow.write_text(dumps_toml(recipe().to_dict()))
    assert main(["train", str(narrow), "--steps", "2", "--out", str(tmp_path / "run"), "--quiet"]) == 0
    assert main(["train", str(tmp_path / "run" / "recipe.toml"), "--out", str(tmp_path / "run"),
                 "--resume", "--steps", "3", "--set", "model.channel_max=24",
                 "--set", "model.channel_base=256"]) == 0
    err = capsys.readouterr().err
    assert "widens the checkpoint's networks, 16 -> 24 channels" in err
    assert load_checkpoint(tmp_path / "run" / "checkpoints" / "latest.pt").model_config["channel_max"] == 24


# --- the Training panel: Continue… on a stopped run ---------------------------------------------

def _stopped_stylegan_run(tmp_path, steps=3):
    from ganstudio.train.run import RunDir
    d = recipe().to_dict()
    d["train"].update(steps=steps, log_every=1, sample_every=2, checkpoint_every=0)
    t = Trainer(Recipe.from_dict(d), tmp_path / "run", data=data())
    assert t.run() == "done"
    t.close()
    return RunDir(tmp_path / "run")


def test_the_training_panel_continues_a_stopped_run_wider_with_its_history(training_panel, qtbot, tmp_path,
                                                                            monkeypatch):
    import ganstudio.ui.training.dataset_preview as preview
    p = training_panel
    run = _stopped_stylegan_run(tmp_path)
    # the run trains on the test's own images, as the first run did
    monkeypatch.setattr(preview.DatasetPreview, "dataset_for", lambda self, d, m: data())
    assert p.attach(run.path)
    qtbot.waitUntil(lambda: p.continue_button.isVisible(), timeout=10_000)
    assert p.continue_run()
    qtbot.waitUntil(lambda: p.continue_dialog is not None and p.continue_dialog.isVisible(), timeout=30_000)
    dialog = p.continue_dialog
    assert dialog.steps.minimum() == 4 and dialog.width.minimum() == 16   # only onwards, only wider
    assert (dialog.lr_g.value(), dialog.lr_d.value()) == (2e-4, 2e-4)        # the run's own rates
    dialog.steps.setValue(6)
    dialog.width.setValue(24)
    assert dialog.lr_g.text() == "0.0002"
    dialog.lr_d.stepDown()                                                   # the arrows halve ...
    assert dialog.lr_d.value() == 1e-4
    dialog.lr_d.stepUp()                                                     # ... and double
    dialog.lr_g.lineEdit().selectAll()
    qtbot.keyClicks(dialog.lr_g.lineEdit(), "5e-5")                          # a calmer generator
    assert dialog.lr_g.value() == 5e-5
    said = []
    p.status_message.connect(said.append)
    with qtbot.waitSignal(p.run_finished, timeout=60_000) as finished:
        dialog.accept()
    assert finished.args == ["done"]
    ck = load_checkpoint(run.checkpoint_path())
    assert ck.step == 6 and ck.model_config["channel_max"] == 24 and ck.model_config["channel_base"] == 192
    assert (ck.recipe["optim"]["lr_g"], ck.recipe["optim"]["lr_d"]) == (5e-5, 2e-4)
    assert [g["lr"] for g in ck.optim["g"]["param_groups"]] == [5e-5]      # what Adam trained with
    note = next(text for text in said if "widens" in text)
    assert "optim.lr_g is now the recipe's 5e-05 (the checkpoint trained at 0.0002)" in note
    assert "lr_d" not in note
    steps = [r["step"] for r in run.read_metrics()[0]]
    assert steps == [1, 2, 3, 4, 5, 6]          # one history, continued
    p.curves.refresh()
    assert len(p.curves.curve("loss_d").series) == 6      # the curves show it whole
    assert 2 in p.samples.steps() and 6 in p.samples.steps()


def test_continuing_a_run_whose_rates_fall_goes_on_from_where_they_are(qtbot, tmp_path):
    from ganstudio.ui.training.continue_run import ContinueDialog, read_plan
    d = recipe().to_dict()
    d["optim"].update(lr_g=2e-3, lr_d=1e-3, lr_decay="linear", lr_final=0.1)
    d["train"]["steps"] = 11
    checkpointed(Recipe.from_dict(d), tmp_path / "run", steps=5)
    dialog = ContinueDialog(read_plan(tmp_path / "run"))
    qtbot.addWidget(dialog)
    # halfway down its schedule the run is at 0.55 of its rates; the dialog starts there and,
    # stretched over more steps, still falls to the run's last rate (0.1 / 0.55 of these)
    assert dialog.lr_g.value() == pytest.approx(2e-3 * 0.55) and dialog.lr_d.value() == pytest.approx(1e-3 * 0.55)
    assert dialog.schedule.currentData() == "linear" and dialog.final.isEnabled()
    assert dialog.final.value() == pytest.approx(100 * 0.1 / 0.55, abs=0.05)
    dialog.steps.setValue(21)
    t = Trainer(dialog.recipe(), tmp_path / "run", data=data(), resume=True)
    assert t.opt_g.param_groups[0]["lr"] == pytest.approx(2e-3 * 0.55)       # no jump back up
    assert "lr_now" not in t.resume_changes
    for _ in range(16):                                                       # to the last step
        t.step()
    assert t.opt_g.param_groups[0]["lr"] == pytest.approx(2e-3 * 0.1, rel=1e-2)
    t.close()
    # a constant rate from here on instead: the rate the run was at, not the recipe's first one
    dialog.schedule.setCurrentIndex(dialog.schedule.findData("none"))
    assert not dialog.final.isEnabled()
    rec = dialog.recipe()
    assert rec.optim.lr_decay == "none" and rec.optim.lr_g == pytest.approx(2e-3 * 0.55)
    # and a constant run can be given a falling tail
    from ganstudio.ui.training.continue_run import ContinuePlan, continued_recipe
    flat = ContinuePlan(tmp_path / "run", 5, recipe().to_dict())
    tail = continued_recipe(flat, 21, schedule="cosine", final=0.25)
    assert (tail.optim.lr_decay, tail.optim.lr_final, tail.optim.lr_decay_from) == ("cosine", 0.25, 5)
    assert tail.optim.lr_factor(5, 21) == 1.0 and tail.optim.lr_factor(20, 21) == pytest.approx(0.25)


@pytest.mark.skipif(__import__("os").name != "posix", reason="runs are locked with flock")
def test_the_training_panel_says_why_a_run_cannot_be_continued(training_panel, qtbot, tmp_path):
    import fcntl
    import os
    p = training_panel
    run = _stopped_stylegan_run(tmp_path)
    holder = os.open(run.path, os.O_RDONLY)     # another process is training it
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        assert p.continue_run(run.path)
        qtbot.waitUntil(lambda: "being trained" in p.notice.text(), timeout=30_000)
    finally:
        os.close(holder)
    assert p.continue_dialog is None and not p.session.busy
    run.checkpoint_path().write_bytes(b"not a checkpoint")
    assert p.continue_run(run.path)
    qtbot.waitUntil(lambda: "cannot continue run" in p.notice.text() and "being" not in p.notice.text(),
                    timeout=30_000)
