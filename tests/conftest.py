import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English whatever the machine's locale (tests of the Japanese interface ask for Japanese)
os.environ["LANG"] = "C.UTF-8"
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)

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
    # Cyclic garbage is collected on the GUI thread only (ganstudio.ui.gui_gc), from a timer
    # that runs while an event loop does: do between tests what it would have done.
    from ganstudio.ui import gui_gc
    gui_gc.collect_due()


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's QApplication, collecting cyclic garbage on its thread only, as the app does."""
    from ganstudio.ui import gui_gc
    gui_gc.install(qapp)
    return qapp


# --- widgets shared by the GUI test files ---------------------------------------------------------

@pytest.fixture
def explorer_panel(qtbot):
    """An ExplorerPanel on screen (offscreen), shut down afterwards."""
    from ganstudio.ui.explorer.panel import ExplorerPanel
    p = ExplorerPanel()
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    yield p
    p.shutdown()


@pytest.fixture
def training_panel(qtbot, tmp_path):
    """A TrainingPanel on screen whose runs go under tmp_path/runs; any run is stopped after."""
    from ganstudio.ui.app import ensure_app
    ensure_app()
    from ganstudio.ui.training.panel import TrainingPanel
    p = TrainingPanel()
    p.runs_root = tmp_path / "runs"
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    yield p
    p.shutdown()


@pytest.fixture
def main_window(qtbot, tmp_path):
    """The main window on screen; closed without asking afterwards (any run stopped first)."""
    from ganstudio.ui.app import ensure_app
    ensure_app()
    from ganstudio.ui.main_window import MainWindow
    w = MainWindow()
    w.training_panel().runs_root = tmp_path / "runs"
    w.show()
    yield w
    w.training_panel().shutdown()
    w._close_approved = True
    w.close()
    w.deleteLater()


def pytest_sessionfinish(session, exitstatus):
    """Empty the clipboard before the interpreter exits: Qt's offscreen platform crashes at exit
    (a segfault after every test passed) when its clipboard still holds data that a test put
    there (Copy Image). Real platforms (xcb) do not; the app itself is unaffected."""
    from PySide6.QtGui import QGuiApplication
    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
