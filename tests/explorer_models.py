"""Tiny generators and checkpoints for the Explorer, render and export tests."""
from __future__ import annotations

import torch

from ganstudio.core.checkpoint import save_checkpoint
from ganstudio.core.nets import build_generator, default_config

STYLE = dict(resolution=16, channel_base=256, channel_max=16, z_dim=12, w_dim=10, mapping_layers=2)
DCGAN = dict(resolution=28, base_channels=8, z_dim=10)


def style_generator(seed: int = 0) -> torch.nn.Module:
    """A small StyleGAN G with a non-zero w_avg and non-zero noise strengths (an untrained
    network starts with noise strength 0, which would hide every noise effect)."""
    torch.manual_seed(seed)
    G = build_generator(default_config("stylegan", **STYLE)).eval().requires_grad_(False)
    with torch.no_grad():
        G.mapping.w_avg.copy_(torch.randn(G.w_dim) * 0.5)
        for name, p in G.named_parameters():
            if name.endswith("noise_strength"):
                p.fill_(0.3)
    return G


def dcgan_generator(seed: int = 0) -> torch.nn.Module:
    """A small DCGAN G whose untrained output is not flat grey (DCGAN's N(0, 0.02) init and the
    eval-mode BatchNorm statistics would give ~0 everywhere)."""
    torch.manual_seed(seed)
    G = build_generator(default_config("dcgan", **DCGAN)).eval().requires_grad_(False)
    with torch.no_grad():
        for m in G.modules():
            if isinstance(m, torch.nn.ConvTranspose2d):
                m.weight.normal_(0.0, 1.0 / (m.weight.shape[0] * 2) ** 0.5)
    return G


def save(path, G, step: int = 100, recipe: dict | None = None):
    return save_checkpoint(path, model_config=G.config, G=G, G_ema=G, step=step,
                           recipe=recipe or {"title": "tiny test model"})


def one_torch_thread():
    """Generator for an autouse fixture: tiny nets run fastest on one thread, and this machine's
    cores are shared (a second OpenMP thread mostly waits). Restores the setting afterwards."""
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def export_cli(*argv) -> int:
    """Run `ganstudio export ARGV` as the `ganstudio` command does: the exit status."""
    from ganstudio.cli import main
    try:
        return main(["export", *map(str, argv)])
    except SystemExit as e:          # argparse's own errors
        return int(e.code)


def isolated_qsettings(tmp_path, monkeypatch):
    """Body of an autouse fixture: recent files, bookmarks and QSettings of a test live in its
    own temporary folder."""
    from PySide6.QtCore import QSettings
    monkeypatch.setenv("GANSTUDIO_CONFIG_DIR", str(tmp_path / "config"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
