import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import torch  # noqa: E402

# Two cores: keep the suite from oversubscribing them.
torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Keep QSettings, caches and config files of tests out of the user's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("GANSTUDIO_SETTINGS_DIR", str(home / "settings"))
    yield
    # Collect the widgets a test left behind here, on the main thread: if Python's cyclic GC
    # found them later while running on a worker thread, PySide's hand-off of their deletion to
    # the GUI thread could deadlock.
    gc.collect()
