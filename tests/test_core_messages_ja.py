"""ganstudio/core's messages in the user's language (issue 19 §1): a damaged checkpoint, a
missing file and a projection target's conversion notes read in Japanese in the Japanese
Explorer and under a Japanese locale on the command line, through the Qt-free
ganstudio.i18n.translate (the core never imports Qt), and in English otherwise."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from explorer_models import save, style_generator
from ganstudio import i18n


@pytest.fixture
def language(monkeypatch):
    """Set the Qt-free language for one test (restored afterwards)."""
    monkeypatch.setattr(i18n, "_language", None)
    return i18n.set_language


def _truncated_checkpoint(tmp_path):
    good = tmp_path / "good.pt"
    save(good, style_generator())
    cut = tmp_path / "cut.pt"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return cut


def test_a_damaged_checkpoint_is_refused_in_the_language_of_the_user(tmp_path, language):
    from ganstudio.core.checkpoint import CheckpointError, load_checkpoint
    cut = _truncated_checkpoint(tmp_path)
    language("ja")
    with pytest.raises(CheckpointError) as e:
        load_checkpoint(cut)
    assert str(e.value).startswith("cut.pt は途中で切れているか壊れています"), str(e.value)
    assert e.value.detail                                  # PyTorch's own words, untranslated
    with pytest.raises(CheckpointError, match="は存在しません"):
        load_checkpoint(tmp_path / "missing.pt")
    language("en")
    with pytest.raises(CheckpointError, match="cut.pt is truncated or damaged"):
        load_checkpoint(cut)


def test_a_projection_target_says_what_it_converted_in_japanese(tmp_path, language):
    from ganstudio.core.target_image import ImageRefused, load_target_image
    rgba = np.zeros((40, 30, 4), np.uint8)
    rgba[..., 0], rgba[..., 3] = 200, 128                 # half-transparent red, not square
    path = tmp_path / "red.png"
    Image.fromarray(rgba, "RGBA").save(path)
    language("ja")
    notes = load_target_image(path, 16, 1).notes
    assert notes == ["透明なピクセルを白の背景に合成しました",
                     "カラーをグレーに変換しました (ITU-R 601 の輝度): このモデルはグレーの画像を作ります",
                     "中央の正方形 30 x 30 を切り抜きました",
                     "30 -> 16 ピクセルに拡大縮小しました (Lanczos)"], notes
    with pytest.raises(ImageRefused, match="フレーム 2 はありません"):
        load_target_image(path, 16, 1, frame=2)
    language("en")
    assert load_target_image(path, 16, 1).notes[0] == "transparent pixels composited on white"


def test_the_command_line_refuses_a_damaged_checkpoint_in_japanese(tmp_path, capsys, monkeypatch):
    from ganstudio.cli import main
    cut = _truncated_checkpoint(tmp_path)
    monkeypatch.setattr(i18n, "_language", None)          # from the environment, as the command does
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    code = main(["export", str(cut), "--out", str(tmp_path / "out.png")])
    err = capsys.readouterr().err
    assert code != 0 and "ganstudio export: エラー: cut.pt は途中で切れているか壊れています" in err, err
    assert not (tmp_path / "out.png").exists()


def test_the_japanese_explorer_refuses_a_damaged_checkpoint_in_japanese(main_window, qtbot, tmp_path):
    pytest.importorskip("pytestqt")
    from PySide6.QtWidgets import QApplication

    from ganstudio.ui import i18n as ui_i18n
    app = QApplication.instance()
    before = ui_i18n.current_language()
    ui_i18n.install(app, "ja")
    try:
        explorer = main_window.explorer
        assert explorer.open_path(_truncated_checkpoint(tmp_path)) is False
        text = explorer.banner.text()
        assert "cut.pt は途中で切れているか壊れています" in text and "もう一度ダウンロード" in text, text
        assert explorer.open_path(tmp_path / "missing.pt") is False
        assert "missing.pt は存在しません" in explorer.banner.text(), explorer.banner.text()
    finally:
        ui_i18n.install(app, before)


def test_progress_lines_say_how_long_is_left_in_japanese(language):
    from ganstudio.core.progress import Eta, progress_text
    eta = Eta()
    eta.elapsed = lambda: 130.0                          # half done after 130 s: 130 s left
    language("ja")
    assert progress_text("walk.gif", 0.5, eta) == "walk.gif:  50 % · 残り約 2 分 10 秒"
    assert progress_text("walk.gif", 0.01, eta) == "walk.gif:   1 % · 見積もり中…"
    language("en")
    assert progress_text("walk.gif", 0.5, eta) == "walk.gif:  50 % · about 2 min 10 s left"


def test_the_export_report_line_is_japanese(language):
    from pathlib import Path

    from ganstudio.core.export import ExportReport
    report = ExportReport(Path("walk.gif"), (64, 64), frames=40, sidecar=Path("walk.json"))
    language("ja")
    assert report.line() == "walk.gif を書き出しました (64x64 の 40 フレーム), walk.json"
    language("en")
    assert report.line() == "wrote walk.gif (40 frames of 64x64), walk.json"


def test_a_recipe_whose_parts_do_not_fit_is_refused_in_the_language_of_the_user(tmp_path, language):
    """The recipe's cross-field checks (what the Training form shows in red and `ganstudio
    train` prints) speak Japanese too, naming the key in both languages."""
    from ganstudio.core.config import ConfigError
    from ganstudio.train.recipe import Recipe
    ring = "training/toy_ring8.toml"
    language("ja")
    with pytest.raises(ConfigError) as e:
        Recipe.load(ring, ["objective.augment=diffaugment"])
    assert "objective.augment" in str(e.value) and "none にしてください" in str(e.value), str(e.value)
    with pytest.raises(ConfigError, match="は存在しません"):
        Recipe.load(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="キー=値"):
        Recipe.load(ring, ["train.steps"])
    language("en")
    with pytest.raises(ConfigError, match="augments images only"):
        Recipe.load(ring, ["objective.augment=diffaugment"])
