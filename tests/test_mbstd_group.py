"""The discriminator's minibatch-stddev groups (``model.mbstd_group``): each sample is judged
with the spread of its own group only, the recipe refuses groups larger than a batch, and a run
may change the group when it resumes (no weight depends on it), also from a checkpoint written
before the key existed."""
from __future__ import annotations

import pytest
import torch

from ganstudio.core.checkpoint import load_checkpoint
from ganstudio.core.config import ConfigError
from ganstudio.core.nets.stylegan import StyleDiscriminator, StyleGANConfig
from ganstudio.train.recipe import Recipe
from ganstudio.train.trainer import Trainer
from test_widen import checkpointed, data   # 16 random 16 x 16 grey images

SMALL = dict(resolution=16, z_dim=16, w_dim=16, mapping_layers=2, channel_base=128, channel_max=16,
             channels=1)


def logits_after_changing(group: int, changed: int) -> tuple[torch.Tensor, torch.Tensor]:
    torch.manual_seed(0)
    D = StyleDiscriminator(StyleGANConfig(**SMALL, mbstd_group=group)).eval()
    x = torch.randn(8, 1, 16, 16)
    y = x.clone()
    y[changed] = torch.randn(1, 16, 16)
    with torch.no_grad():
        return D(x)[:, 0], D(y)[:, 0]


def test_each_sample_is_judged_with_the_spread_of_its_own_group():
    # groups of 4 in a batch of 8: samples 0, 2, 4, 6 form one group, 1, 3, 5, 7 the other
    before, after = logits_after_changing(group=4, changed=1)
    assert torch.equal(before[0::2], after[0::2])        # sample 1 is not in sample 0's group
    assert not torch.equal(before[3], after[3])          # but it is in sample 3's
    before, after = logits_after_changing(group=8, changed=1)
    assert not torch.equal(before[0], after[0])          # one group: everybody's spread moved


def recipe(**model) -> Recipe:
    return Recipe.from_dict({
        "model": {"family": "stylegan", **SMALL, **model},
        "data": {"kind": "fashion_mnist"},
        "objective": {"r1": 1.0, "r1_interval": 2},
        "train": {"steps": 20, "batch": 8, "log_every": 1, "device": "cpu", "sample_every": 0,
                  "checkpoint_every": 0}})


@pytest.mark.parametrize("group,batch,pack", [(16, 8, 1), (8, 8, 2), (0, 8, 1), (1000, 8, 1)])
def test_the_recipe_refuses_groups_a_batch_cannot_fill(group, batch, pack):
    d = recipe().to_dict()
    d["model"].update(mbstd_group=group, pack=pack)
    d["train"]["batch"] = batch
    with pytest.raises(ConfigError) as e:
        Recipe.from_dict(d)
    assert e.value.key == "model.mbstd_group"
    assert str(e.value).startswith("model.mbstd_group")


def test_a_run_resumes_with_other_groups_even_from_a_checkpoint_older_than_the_key(tmp_path):
    path = checkpointed(recipe(), tmp_path / "run", steps=2)
    raw = torch.load(path, weights_only=False)   # as written before model.mbstd_group existed
    del raw["model_config"]["mbstd_group"]
    torch.save(raw, path)

    again = Trainer(recipe(), tmp_path / "run", data=data(), resume=True)   # the default, 4
    assert again.step_count == 2
    again.step()
    again.save_checkpoint(wait=True)
    again.close()

    wider_groups = Trainer(recipe(mbstd_group=8), tmp_path / "run", data=data(), resume=True)
    assert wider_groups.step_count == 3
    wider_groups.step()
    wider_groups.save_checkpoint(wait=True)
    wider_groups.close()
    assert load_checkpoint(tmp_path / "run" / "checkpoints" / "latest.pt").model_config["mbstd_group"] == 8
