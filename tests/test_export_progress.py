"""Big exports show their progress with a time estimate and can be stopped without leaving a
half-written file (issue 15, part B): the core export, `ganstudio export`, the progress line."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from explorer_models import export_cli as cli, one_torch_thread, save, style_generator
from ganstudio.core import export as E
from ganstudio.core import requests as R
from ganstudio.core.progress import Cancelled, Eta, ProgressLine, format_seconds

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = save(tmp_path_factory.mktemp("m") / "style.pt", style_generator())
    return E.ModelSource.load(path)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("kind", ["grid", "strip"])
def test_an_export_reports_rising_progress_that_ends_at_one(source, tmp_path, kind):
    G = source.G
    request = (R.seed_grid_request(G, 0, 2, 3) if kind == "grid"
               else R.interp_request(G, R.seed_latents([1, 2], G.z_dim), 6))
    seen = []
    out = tmp_path / ("grid.png" if kind == "grid" else "walk.gif")
    E.export_request(source, request, out, progress=seen.append, chunk=1)
    assert seen[-1] == 1.0 and seen == sorted(seen) and all(0 <= f <= 1 for f in seen)
    assert len({f for f in seen if 0 < f < 1}) >= 6          # one step per chunk of one image
    assert out.exists()


def test_chunked_and_whole_exports_have_the_same_pixels(source, tmp_path):
    request = R.seed_grid_request(source.G, 3, 2, 2)
    E.export_request(source, request, tmp_path / "a.png", chunk=1)
    E.export_request(source, request, tmp_path / "b.png")
    assert np.array_equal(np.asarray(Image.open(tmp_path / "a.png")), np.asarray(Image.open(tmp_path / "b.png")))


@pytest.mark.parametrize("how", ["cancelled", "ctrl-c", "should_stop"])
@pytest.mark.parametrize("name", ["grid.png", "walk.gif"])
def test_a_stopped_export_leaves_no_file(source, tmp_path, how, name):
    G = source.G
    request = (R.seed_grid_request(G, 0, 2, 4) if name.endswith(".png")
               else R.interp_request(G, R.seed_latents([1, 2], G.z_dim), 8))
    stop = {"now": False}

    def progress(f):
        if 0.3 < f < 1:
            if how == "cancelled":
                raise Cancelled()
            if how == "ctrl-c":
                raise KeyboardInterrupt()
            stop["now"] = True
    expected = KeyboardInterrupt if how == "ctrl-c" else Cancelled
    with pytest.raises(expected):
        E.export_request(source, request, tmp_path / name, progress=progress, chunk=1,
                         should_stop=lambda: stop["now"], sidecar_out=tmp_path / "side.json",
                         latents_out=tmp_path / "lat.npy")
    assert _files(tmp_path) == []


def test_an_interrupted_write_leaves_neither_the_file_nor_a_partial_one(source, tmp_path, monkeypatch):
    def broken(path, frames, fps, **kw):
        Path(path).write_bytes(b"GIF89a half")
        raise KeyboardInterrupt()
    monkeypatch.setattr(E, "save_animation", broken)
    walk = R.interp_request(source.G, R.seed_latents([1, 2], source.G.z_dim), 4)
    with pytest.raises(KeyboardInterrupt):
        E.export_request(source, walk, tmp_path / "walk.gif")
    assert _files(tmp_path) == []


def test_the_progress_line_shows_the_time_left_and_stays_short_in_a_log():
    now = [0.0]
    log = io.StringIO()
    line = ProgressLine("Exporting walk.gif", log, clock=lambda: now[0])
    for i in range(1, 101):
        now[0] = i * 0.1                      # 10 s in all, evenly
        line(i / 100)
    line.close()
    rows = log.getvalue().splitlines()
    assert 5 <= len(rows) <= 11               # about one per tenth, not one per call
    assert rows[-1] == "Exporting walk.gif: 100 %"
    halfway = next(r for r in rows if " 50 %" in r)
    assert "about 5 s left" in halfway
    assert format_seconds(185) == "about 3 min 05 s" and format_seconds(None) == "estimating…"
    assert Eta(clock=lambda: 0.0).seconds_left(0.001) is None


def test_a_quick_operation_shows_no_progress_line():
    log = io.StringIO()
    line = ProgressLine("Opening m.pt", log, clock=lambda: 0.0)
    for f in (0.2, 0.6, 1.0):
        line(f)
    line.close()
    assert log.getvalue() == ""


def test_a_terminal_gets_one_line_redrawn_in_place():
    class Tty(io.StringIO):
        def isatty(self):
            return True
    now = [2.0]
    tty = Tty()
    line = ProgressLine("Exporting grid.png", tty, clock=lambda: now[0], after=0.0)
    for i in range(1, 11):
        now[0] += 1
        line(i / 10)
    line.close()
    out = tty.getvalue()
    assert out.count("\n") == 1 and out.endswith("100 %\n") and out.count("\r") == 10


def test_the_chunk_option_is_validated_by_name(source, tmp_path, capsys):
    assert cli(source.checkpoint_path, "--grid", "2x2", "--chunk", "0", "--out", tmp_path / "g.png") == 2
    assert "--chunk" in capsys.readouterr().err
    assert cli(source.checkpoint_path, "--grid", "2x2", "--chunk", "1", "--out", tmp_path / "g.png") == 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_stops_ganstudio_export_cleanly(source, tmp_path):
    """A long export (64x64 grid, one image per pass) interrupted once its progress line shows:
    exit status 130, a one-line message, and no output file."""
    out = tmp_path / "big.png"
    env = dict(os.environ, OMP_NUM_THREADS="1")
    # started as from a terminal: Ctrl-C's default action, even when this suite itself was started
    # in the background (which makes a shell ignore SIGINT for it and everything it starts)
    proc = subprocess.Popen([sys.executable, "-m", "ganstudio", "export", source.checkpoint_path, "--grid",
                             "64x64", "--chunk", "1", "--out", str(out)], cwd=ROOT, env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        line = "-"
        while line and "Exporting big.png" not in line:   # its first progress line (after ~1 s)
            line = proc.stderr.readline()
        assert "Exporting big.png" in line, proc.communicate(timeout=60)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "was not written" in err
    assert _files(tmp_path) == []
