"""AdamStep: the short path must leave weights and optimiser state exactly as opt.step() does."""
from __future__ import annotations

import pytest
import torch
from torch import nn

from ganstudio.train.adamstep import AdamStep


def _net_and_opt(**adam):
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.5, 0.99), **adam)
    return net, opt


def _train(net, step, opt, steps: int = 12) -> None:
    x = torch.linspace(-1, 1, 30).reshape(10, 3)
    for i in range(steps):
        for p in net.parameters():
            p.grad = None
        net(x * (i + 1)).square().mean().backward()
        step()
        if i == 4:                                  # a learning-rate schedule changes lr
            opt.param_groups[0]["lr"] = 3e-3
        if i == 7:                                  # a resume replaces the whole state
            opt.load_state_dict(opt.state_dict())


def _assert_same(net_a, opt_a, net_b, opt_b) -> None:
    for p, q in zip(net_a.parameters(), net_b.parameters()):
        assert torch.equal(p, q)
        for key in ("step", "exp_avg", "exp_avg_sq"):
            assert torch.equal(opt_a.state[p][key], opt_b.state[q][key])


def _count_steps(opt) -> list:
    """Calls of opt.step() from now on (AdamStep's short path does not call it)."""
    calls, step = [], opt.step
    opt.step = lambda *a, **k: calls.append(1) or step(*a, **k)
    return calls


def test_short_path_is_bit_identical_to_opt_step():
    net_a, opt_a = _net_and_opt(fused=True)
    net_b, opt_b = _net_and_opt(fused=True)
    update = AdamStep(opt_b)
    calls = _count_steps(opt_b)
    _train(net_a, opt_a.step, opt_a)
    _train(net_b, update, opt_b)
    assert 0 < len(calls) < 12                      # the short path was really taken
    _assert_same(net_a, opt_a, net_b, opt_b)
    assert not torch.equal(next(net_b.parameters()), _net_and_opt()[0][0].weight)  # it trained


@pytest.mark.parametrize("adam", [dict(fused=True, amsgrad=True), dict(foreach=True)])
def test_other_adam_settings_use_opt_step(adam):
    net_a, opt_a = _net_and_opt(**adam)
    net_b, opt_b = _net_and_opt(**adam)
    update = AdamStep(opt_b)
    calls = _count_steps(opt_b)
    _train(net_a, opt_a.step, opt_a)
    _train(net_b, update, opt_b)
    assert len(calls) == 12                         # every step went through opt.step()
    _assert_same(net_a, opt_a, net_b, opt_b)


def test_step_hooks_and_missing_gradients_go_through_opt_step():
    net, opt = _net_and_opt(fused=True)
    update = AdamStep(opt)
    _train(net, update, opt, steps=2)
    calls = []
    handle = opt.register_step_post_hook(lambda *a: calls.append(1))
    _train(net, update, opt, steps=1)
    handle.remove()
    assert calls == [1]                             # the hook ran: opt.step() was used
    last = list(net.parameters())[-1]
    before = last.detach().clone()
    for p in net.parameters():
        p.grad = torch.zeros_like(p)
    last.grad = None                                # Adam leaves a grad-less parameter alone
    update()
    assert torch.equal(last, before)
