"""Adam steps without ``torch.optim``'s per-call bookkeeping, bit-for-bit the same update.

``torch.optim.Adam(fused=True).step()`` spends most of its time on small nets outside the
update kernel: a profiler record, hook checks, gathering every parameter's gradient and
state into lists, and grouping them by device and dtype, each call (about 0.1 ms per call on
the toy MLPs, where a whole training step is a few ms).  ``AdamStep`` gathers the state lists
once and then calls the same fused kernel with the same arguments, so the weights and the
optimiser state are exactly those of ``opt.step()``.

The short path is only taken in the plain case it reproduces: a ``torch.optim.Adam`` built
with ``fused=True``, one parameter group, float learning rate and betas, no amsgrad,
capturable or differentiable mode, no step hooks, every parameter of one device and dtype
with a gradient, and the state already created by a first ordinary step.  Anything else
(the first step, a reloaded state dict, a missing gradient, a hook, ...) calls
``opt.step()``.
"""
from __future__ import annotations

import torch
from torch.optim import optimizer as _optimizer_module

_NO_HOOKS: dict = {}


class AdamStep:
    """Callable: ``AdamStep(opt)()`` is ``opt.step()``, faster where that is exact."""

    def __init__(self, opt: torch.optim.Optimizer):
        self.opt = opt
        self._state = None          # the opt.state object the lists below were gathered from
        self._group = None          # the param group they belong to
        self._lists = None          # (params, exp_avgs, exp_avg_sqs, steps) or None: use step()

    def __call__(self) -> None:
        lists = self._current_lists()
        if lists is None or self._hooked():
            self.opt.step()
            return
        params, exp_avgs, exp_avg_sqs, steps = lists
        grads = [p.grad for p in params]
        g = self._group
        if any(x is None for x in grads) or not isinstance(g["lr"], float):
            self.opt.step()
            return
        beta1, beta2 = g["betas"]
        with torch.no_grad():
            torch._foreach_add_(steps, 1)
            torch._fused_adam_(params, grads, exp_avgs, exp_avg_sqs, [], steps,
                               amsgrad=False, lr=g["lr"], beta1=beta1, beta2=beta2,
                               weight_decay=g["weight_decay"], eps=g["eps"],
                               maximize=g["maximize"], grad_scale=None, found_inf=None)

    def _hooked(self) -> bool:
        opt, m = self.opt, _optimizer_module
        return bool(getattr(opt, "_optimizer_step_pre_hooks", _NO_HOOKS)
                    or getattr(opt, "_optimizer_step_post_hooks", _NO_HOOKS)
                    or getattr(m, "_global_optimizer_pre_hooks", _NO_HOOKS)
                    or getattr(m, "_global_optimizer_post_hooks", _NO_HOOKS))

    def _current_lists(self):
        """The gathered lists, re-gathered when the optimiser's state or group was replaced
        (load_state_dict) or first created; None when the short path does not apply."""
        opt = self.opt
        if opt.state is self._state and opt.param_groups[0] is self._group \
                and len(opt.param_groups) == 1:
            return self._lists
        self._state, self._group = opt.state, opt.param_groups[0]
        self._lists = self._gather()
        if self._lists is None and not opt.state:
            self._state = None      # no state yet: look again after the first step
        return self._lists

    def _gather(self):
        opt = self.opt
        if type(opt) is not torch.optim.Adam or len(opt.param_groups) != 1 \
                or not hasattr(torch, "_fused_adam_"):
            return None
        g = opt.param_groups[0]
        if not g.get("fused") or g.get("amsgrad") or g.get("capturable") \
                or g.get("differentiable") or g.get("decoupled_weight_decay", False):
            return None
        if not isinstance(g["lr"], float) or not all(isinstance(b, float) for b in g["betas"]):
            return None
        params = list(g["params"])
        if not params or len({(p.device, p.dtype) for p in params}) != 1 \
                or any(p.is_sparse or p.is_complex() for p in params):
            return None
        states = [opt.state.get(p) for p in params]
        if any(not s or not {"step", "exp_avg", "exp_avg_sq"} <= s.keys() for s in states):
            return None
        steps = [s["step"] for s in states]
        if any(not torch.is_tensor(t) or t.device != params[0].device for t in steps):
            return None
        return (params, [s["exp_avg"] for s in states], [s["exp_avg_sq"] for s in states], steps)
