"""The Qt-free core: ganstudio.core and ganstudio.train never import Qt (directly or not)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_core_and_train_import_without_qt():
    code = ("import sys, ganstudio.core, ganstudio.core.nets, ganstudio.core.latent, "
            "ganstudio.core.checkpoint, ganstudio.core.imaging, ganstudio.train.trainer, "
            "ganstudio.train.data, ganstudio.cli; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed")
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout and "BROKEN" not in result.stdout
