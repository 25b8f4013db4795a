"""Data-parallel training on several processes (torchrun): who draws what; the collectives.

    torchrun --nproc_per_node=2 -m ganstudio train training/dcgan_fashion.toml --out runs/dcgan

Every process (rank) holds the whole data set and identical copies of G, D, the EMA and the
optimisers.  The recipe's ``train.batch`` is the *global* batch: each of the W ranks works on
``batch / W`` samples of it.  All ranks keep the same seeded random generator and draw every
batch-sized random tensor (latents, data indices, instance noise, WGAN-GP interpolation
weights, path-length probes) at its global size, then take their own rows, so the union of the rank batches is exactly what a one-process run draws.
Losses are means over the local rows; after each backward pass the gradients are averaged
across ranks (what ``DistributedDataParallel`` does), which is the gradient of the global
batch.  Hence K steps on W processes end with the parameters of K one-process steps (within
float rounding), and a checkpoint written by any number of processes resumes on any other.

Gradients are averaged with one all-reduce of the flattened gradient per optimiser step
instead of wrapping the nets in ``DistributedDataParallel``: GAN steps call D several times
per backward pass (real, fake, gradient penalties through double backprop), freeze D during
G's step and run StyleGAN's mapping and synthesis separately, none of which the wrapper's
per-forward gradient hooks follow reliably.  NVlabs' StyleGAN3 trains the same way.

Where the result is not the one-process result (documented in the README):
batch statistics are taken per rank — StyleGAN's minibatch-stddev groups and, on the CPU, the
BatchNorm of DCGAN (on CUDA BatchNorm becomes ``SyncBatchNorm``, global statistics, except in
a D trained with a gradient penalty, which needs double backprop); running statistics (BN,
``w_avg``) and the path-length mean are averaged across ranks after each step; StyleGAN's
noise inputs are drawn per rank.

Only rank 0 writes the run directory.  Stop requests and non-finite losses are agreed by all
ranks each step, so no rank waits for one that left; every collective has a timeout.
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Iterator

import torch
import torch.distributed as tdist
from torch import Tensor, nn

from ganstudio.core.config import ConfigError
from ganstudio.train.state import TrainingError

DEFAULT_TIMEOUT = 600.0          # seconds a rank waits for the others in one collective
AVERAGED_BUFFERS = ("running_mean", "running_var", "w_avg")   # statistics each rank updates


class PeerFailed(TrainingError):
    """Another rank failed; its own message says why."""


class Shard:
    """Which rows of every global batch rank ``rank`` of ``world`` works on (no communication)."""

    def __init__(self, rank: int, world: int):
        if not 0 <= rank < world:
            raise ValueError(f"rank {rank} is not in 0..{world - 1}")
        self.rank, self.world = rank, world

    @classmethod
    def from_env(cls) -> "Shard | None":
        """The shard torchrun assigned (RANK / WORLD_SIZE), None for a single process."""
        world = int(os.environ.get("WORLD_SIZE", "1") or 1)
        if world <= 1:
            return None
        return cls(int(os.environ.get("RANK", "0")), world)

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    def local_batch(self, batch: int, pack: int = 1) -> int:
        """This rank's share of the global ``batch``; a ConfigError naming train.batch unless
        it divides into equal shares of whole PacGAN packs."""
        unit = self.world * pack
        if batch % unit:
            packs = f" x model.pack ({pack})" if pack > 1 else ""
            lower = max(unit, batch - batch % unit)
            raise ConfigError("train.batch", f"{batch} cannot be split over {self.world} processes"
                              f"{packs}: use a multiple of {unit}, e.g. --set train.batch={lower}")
        return batch // self.world

    def rows(self, n_local: int) -> slice:
        return slice(self.rank * n_local, (self.rank + 1) * n_local)

    def randn(self, local_shape, generator: torch.Generator) -> Tensor:
        """This rank's rows of a standard normal tensor drawn at the global size."""
        n = int(local_shape[0])
        full = torch.randn((n * self.world, *local_shape[1:]), generator=generator,
                           device=generator.device)
        return full[self.rows(n)]

    def rand(self, local_shape, generator: torch.Generator) -> Tensor:
        """This rank's rows of a U[0, 1) tensor drawn at the global size."""
        n = int(local_shape[0])
        full = torch.rand((n * self.world, *local_shape[1:]), generator=generator,
                          device=generator.device)
        return full[self.rows(n)]

    def sample(self, data, n_local: int, generator: torch.Generator) -> Tensor:
        """This rank's rows of ``data.sample(n_local * world, generator)``: the indices are
        drawn at the global size, only this rank's items are read and converted."""
        idx = torch.randint(len(data), (n_local * self.world,), generator=generator,
                            device=generator.device)
        return data.take(idx[self.rows(n_local)])


def _flat_in_place(tensors: list[Tensor], collective) -> None:
    """Apply ``collective`` to the tensors flattened into one buffer per dtype, write back."""
    groups: dict[torch.dtype, list[Tensor]] = {}
    for t in tensors:
        groups.setdefault(t.dtype, []).append(t)
    with torch.no_grad():
        for group in groups.values():
            flat = torch.cat([t.detach().reshape(-1) for t in group])
            collective(flat)
            offset = 0
            for t in group:
                n = t.numel()
                t.copy_(flat[offset:offset + n].view(t.shape))
                offset += n


class OneProcess(Shard):
    """A run on a single process: the one shard of its batch. Its draws are exactly what a
    shard's would be with ``world = 1`` (the whole global batch), and its means need no
    communication, so the training step is written once for both cases."""

    def __init__(self):
        super().__init__(0, 1)

    def mean_value(self, x: Tensor) -> float:
        """The value of scalar ``x`` (the mean over one process)."""
        return float(x.detach())


class Distributed(Shard):
    """A joined process group: a :class:`Shard` plus the collectives the trainer needs."""

    def __init__(self, rank: int, world: int, device: torch.device, timeout: float):
        super().__init__(rank, world)
        self.device, self.timeout = device, timeout

    @classmethod
    def join(cls, shard: Shard, device: str | torch.device | None,
             timeout: float = DEFAULT_TIMEOUT) -> "Distributed":
        """Join torchrun's process group: NCCL on ``cuda:LOCAL_RANK``, else gloo on the CPU."""
        from ganstudio.train.steps import resolve_device
        device = resolve_device(device)
        if device.type == "cuda":
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
            torch.cuda.set_device(device)
        backend = "nccl" if device.type == "cuda" else "gloo"
        extra = {"device_id": device} if device.type == "cuda" else {}
        try:
            tdist.init_process_group(backend, timeout=timedelta(seconds=timeout), **extra)
        except (RuntimeError, ValueError) as e:
            raise TrainingError(f"cannot join the other {shard.world - 1} processes "
                                f"({backend}): {first_line(e)}") from None
        return cls(tdist.get_rank(), tdist.get_world_size(), device, timeout)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if tdist.is_initialized():
                tdist.destroy_process_group()

    def finish(self, code: int) -> None:
        """End this process after a finished run: wait for every rank, then exit with ``code``
        without tearing the group down (see :func:`abandon`: gloo's threads made a normal exit
        abort now and then)."""
        with contextlib.suppress(Exception):
            tdist.barrier()
        abandon(code)

    # --- agreement ----------------------------------------------------------------------------
    def any_of(self, *flags: bool) -> list[bool]:
        """Each flag, true when it is true on any rank."""
        t = torch.tensor([int(bool(f)) for f in flags], dtype=torch.int32, device=self.device)
        tdist.all_reduce(t, op=tdist.ReduceOp.MAX)
        return [bool(v) for v in t.tolist()]

    def mean_value(self, x: Tensor) -> float:
        """The mean of scalar ``x`` over the ranks (NaN / inf on any rank reach every rank)."""
        t = x.detach().float().reshape(1).clone()
        tdist.all_reduce(t)
        return float(t) / self.world

    def mean_of(self, values: dict) -> dict:
        """``values`` with every number replaced by its mean over the ranks (None stays)."""
        keys = [k for k, v in values.items() if v is not None]
        if not keys:
            return dict(values)
        t = torch.tensor([float(values[k]) for k in keys], dtype=torch.float64, device=self.device)
        tdist.all_reduce(t)
        return {**values, **dict(zip(keys, (t / self.world).tolist()))}

    @contextlib.contextmanager
    def agreement(self, what: str) -> Iterator[None]:
        """Run a block that may fail on some ranks only: every rank learns whether all succeeded
        (a rank that failed re-raises its error; the others raise :class:`PeerFailed`)."""
        try:
            yield
        except BaseException:
            with contextlib.suppress(Exception):
                self._failed_ranks(True)
            raise
        failed = self._failed_ranks(False)
        if failed:
            names = ", ".join(map(str, failed))
            raise PeerFailed(f"{what} failed on rank {names} (see that process's message)")

    def _failed_ranks(self, failed: bool) -> list[int]:
        t = torch.zeros(self.world, dtype=torch.int32, device=self.device)
        t[self.rank] = int(failed)
        tdist.all_reduce(t)
        return [r for r, v in enumerate(t.tolist()) if v]

    # --- tensors ------------------------------------------------------------------------------
    def average_gradients(self, opt: torch.optim.Optimizer) -> None:
        """Replace each gradient by its mean over the ranks (before the optimiser step)."""
        grads = [p.grad for g in opt.param_groups for p in g["params"] if p.grad is not None]
        if grads:
            _flat_in_place(grads, self._mean)

    def average_running_stats(self, G: nn.Module, D: nn.Module, stepper) -> None:
        """Average what each rank updates from its own rows: BatchNorm running statistics,
        StyleGAN's ``w_avg`` and the path-length mean (all linear in the batch means)."""
        stats = [b for m in (G, D) for name, b in m.named_buffers()
                 if name.rsplit(".", 1)[-1] in AVERAGED_BUFFERS and b.is_floating_point()]
        if stepper.is_style and stepper.obj_cfg.path_length > 0:
            stats.append(stepper.pl_mean)
        if stats:
            _flat_in_place(stats, self._mean)

    def broadcast_modules(self, *modules: nn.Module | None) -> None:
        """Copy rank 0's parameters and buffers to every rank (the start of a run)."""
        tensors = [t for m in modules if m is not None
                   for t in (*m.parameters(), *m.buffers())]
        if tensors:
            _flat_in_place(tensors, lambda flat: tdist.broadcast(flat, src=0))

    def _mean(self, flat: Tensor) -> None:
        tdist.all_reduce(flat)
        flat.div_(self.world)

    # --- setup ----------------------------------------------------------------------------------
    def start(self, trainer, resume: bool) -> None:
        """After every rank built its trainer: all resume from rank 0's checkpoint, then take
        rank 0's weights (identical already when seeded alike; this makes sure)."""
        if resume:
            latest = trainer.run_dir.latest_checkpoint() if trainer.run_dir is not None else None
            with self.shared_file(latest) as path, self.agreement("resuming"):
                trainer.resume_from(path)
        self.broadcast_modules(trainer.G, trainer.D, trainer.G_ema)

    def sync_batch_norm(self, G: nn.Module, D: nn.Module, objective) -> tuple[nn.Module, nn.Module]:
        """On CUDA, BatchNorm with the global batch's statistics (SyncBatchNorm); a D trained
        with R1 / R2 / WGAN-GP keeps per-rank BatchNorm (SyncBatchNorm has no double backprop).
        The CPU has no SyncBatchNorm: there each rank normalises with its own rows."""
        if self.device.type != "cuda":
            return G, D
        G = nn.SyncBatchNorm.convert_sync_batchnorm(G)
        if not (objective.r1 or objective.r2 or objective.gp):
            D = nn.SyncBatchNorm.convert_sync_batchnorm(D)
        return G, D

    @contextlib.contextmanager
    def shared_file(self, path: Path | None) -> Iterator[Path | None]:
        """Rank 0's file ``path`` on every rank (a temporary copy elsewhere): resuming works
        when only the first machine holds the run directory."""
        box = [None]
        if self.is_main and path is not None:
            with contextlib.suppress(OSError):      # unreadable: every rank fails alike
                box[0] = path.read_bytes()
        tdist.broadcast_object_list(box, src=0)
        if self.is_main or box[0] is None:
            yield path
            return
        with tempfile.TemporaryDirectory(prefix="ganstudio-resume-") as tmp:
            copy = Path(tmp) / (path.name if path is not None else "latest.pt")
            copy.write_bytes(box[0])
            yield copy


def first_line(e: BaseException) -> str:
    """The gist of an error: its first line, without a C++ source location and advice."""
    text = str(e).strip()
    if not text:
        return type(e).__name__
    line = re.sub(r"^\[[^\]]*\.(cc|cpp|h|hpp):\d+\]\s*", "", text.splitlines()[0])
    end = line.find(". ")
    return line[:end + 1] if end > 0 else line


def lost_contact(e: BaseException, timeout: float) -> str:
    """One line for a collective that failed (``is_lost_contact``)."""
    text = f"lost contact with the other processes ({first_line(e)})"
    if "timed out" in str(e).lower() or "timeout" in str(e).lower():
        text += f"; if one was only slow, raise --dist-timeout (now {timeout:g} s)"
    return text


def abandon(code: int) -> None:
    """Exit now, without tearing down a process group whose peer is gone.

    After a failed collective gloo's background threads can neither finish nor be joined:
    destroying the group, or the interpreter's normal exit, then ends in ``std::terminate``
    (SIGABRT) now and then instead of the exit status the user was told.  Output is flushed
    first; the run directory was already closed by the caller."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def is_lost_contact(e: BaseException) -> bool:
    """Whether ``e`` is a collective that failed because another rank died or timed out."""
    return isinstance(e, tdist.DistError) or (isinstance(e, RuntimeError) and any(
        s in str(e) for s in ("Connection closed by peer", "Connection reset by peer", "Timed out",
                              "timed out", "NCCL", "Gloo", "gloo")))
