"""What a new user meets opening, exporting and picking (issue 22): File > Open starts where
models are, a damaged file is refused in our words (the library's wording one click away), the
export dialog says what it will write, and the gallery marks which tile is latent A."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QFileDialog  # noqa: E402

from explorer_models import save, style_generator  # noqa: E402
from ganstudio import resources  # noqa: E402

TIMEOUT = 30_000


def test_the_open_dialog_starts_in_the_shipped_models_then_in_the_last_folder(main_window, qtbot,
                                                                              tmp_path, monkeypatch):
    starts, answers = [], []

    def dialog(_parent, _title, start, _filter):
        starts.append(Path(start))
        return (answers.pop(0) if answers else ""), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)

    main_window.open_dialog()                              # cancelled
    assert starts[-1] == resources.resources_dir() / "models"
    folder = tmp_path / "my models"
    folder.mkdir()
    ckpt = folder / "mine.pt"
    save(ckpt, style_generator())
    answers.append(str(ckpt))
    main_window.open_dialog()
    state = main_window.explorer.state
    qtbot.waitUntil(lambda: state.model is not None and state.model.info.get("path") == str(ckpt),
                    timeout=TIMEOUT)
    main_window.open_dialog()
    assert starts[-1] == folder


def test_a_truncated_checkpoint_is_refused_in_our_words_with_details_behind_a_button(main_window, qtbot,
                                                                                     tmp_path):
    good = tmp_path / "good.pt"
    save(good, style_generator())
    cut = tmp_path / "cut.pt"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    explorer = main_window.explorer
    assert explorer.open_path(cut) is False
    banner = explorer.banner
    text = banner.text()
    assert "cut.pt is truncated or damaged" in text and "Download or copy it again" in text
    assert banner.details_button.isVisible() and not banner.details.isVisible()
    banner.details_button.click()
    detail = banner.details.text()                         # what PyTorch said, kept for experts
    assert banner.details.isVisible() and detail and detail not in text

    assert explorer.open_path(tmp_path / "missing.pt") is False   # nothing more to say: no button
    assert "does not exist" in banner.text() and not banner.details_button.isVisible()


def test_the_export_dialog_says_what_it_will_write_and_which_settings_apply(explorer_panel, qtbot,
                                                                          monkeypatch):
    from ganstudio.ui.explorer.export_dialog import ExportDialog
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=TIMEOUT):
        p.open_generator(style_generator(), {"family": "stylegan", "resolution": 16})
    p.state.set_truncation(psi=0.7)
    p.state.set_mix_source(p.state.model.block_resolutions[-1], 1)      # fine styles from B
    shown = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    p.export_dialog("image")
    dlg = shown[-1]
    dlg.upscale.setValue(4)
    text = dlg.summary.text()
    assert "image.png" in text and "image.json" in text and "64 × 64 px" in text
    assert "style mixing shown" in text and "ψ 0.70" in text

    dlg.kind.setCurrentIndex(dlg.kind.findData("grid"))
    dlg.rows.setValue(2)
    dlg.cols.setValue(3)
    dlg.sidecar.setChecked(False)
    text = dlg.summary.text()
    assert "grid.png" in text and ".json" not in text and "2 × 3 tiles" in text
    assert "200 × 134 px" in text                                       # 3 * 64 + 4 * 2, 2 * 64 + 3 * 2
    assert "style mixing is not applied" in text


def test_the_export_dialog_has_no_blank_rows(explorer_panel, qtbot, monkeypatch):
    from ganstudio.ui.explorer.export_dialog import ExportDialog
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=TIMEOUT):
        p.open_generator(style_generator(), {"family": "stylegan", "resolution": 16})
    shown = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    p.export_dialog("grid")
    dlg = shown[-1]
    dlg.show()
    qtbot.waitExposed(dlg)
    grid_page = dlg.pages.currentWidget()
    # the page is as tall as its own two rows, not as the taller strip page hidden behind it
    qtbot.waitUntil(lambda: dlg.pages.height() <= grid_page.sizeHint().height() + 4, timeout=5000)
    dlg.close()


def test_the_gallery_marks_the_tile_that_is_latent_a(explorer_panel, qtbot):
    from PySide6.QtCore import QPoint, Qt
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=TIMEOUT):
        p.open_generator(style_generator(), {"family": "stylegan", "resolution": 16})
    sv = p.strip_view
    qtbot.waitUntil(lambda: sv.tile_rect(5) is not None and p.state.strip.kind == "gallery", timeout=TIMEOUT)
    seeds = list(p.state.strip.gallery_seeds)
    qtbot.mouseClick(sv, Qt.MouseButton.LeftButton, pos=sv.tile_rect(5).center())   # A := tile 5
    assert p.state.a.seed == seeds[5]
    qtbot.waitUntil(lambda: sv.marked_tile() == 5, timeout=TIMEOUT)
    shot = sv.grab().toImage()
    corner = sv.tile_rect(5).topLeft() + QPoint(sv.tile_rect(5).width() // 2, -1)
    assert shot.pixelColor(corner).blue() > 200                        # outlined in blue
    p.state.set_seed("a", max(seeds) + 1)                              # A leaves the gallery
    qtbot.waitUntil(lambda: sv.marked_tile() is None, timeout=TIMEOUT)


def test_the_mixing_table_explains_its_overlapping_ws_rows(explorer_panel, qtbot):
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=TIMEOUT):
        p.open_generator(style_generator(), {"family": "stylegan", "resolution": 16})
    p.tabs.setCurrentIndex(1)
    mixing = p.tabs.widget(1).widget()
    cells = [mixing.table.item(i, 1).text() for i in range(mixing.table.rowCount())]
    assert any(a.split("–")[-1] == b.split("–")[0] for a, b in zip(cells, cells[1:]))   # 0–1, 1–3, ...
    qtbot.waitUntil(mixing.rows_note.isVisible, timeout=5000)
    assert "share a row" in mixing.rows_note.text() and "higher" in mixing.rows_note.text()


def test_the_w_chart_says_it_shows_the_w_the_image_is_made_from(explorer_panel, qtbot):
    from PySide6.QtWidgets import QLabel
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=TIMEOUT):
        p.open_generator(style_generator(), {"family": "stylegan", "resolution": 16})
    labels = [lab.text() for lab in p.findChildren(QLabel) if lab.isVisible()]
    assert any("mapping(z) + direction edits" in t for t in labels), labels


def test_the_export_dialog_previews_what_it_writes(explorer_panel, qtbot, monkeypatch):
    from ganstudio.ui.explorer.export_dialog import ExportDialog
    p = explorer_panel
    with qtbot.waitSignal(p.first_image_shown, timeout=TIMEOUT):
        p.open_generator(style_generator(), {"family": "stylegan", "resolution": 16})
    shown = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    p.export_dialog("image")
    dlg = shown[-1]
    dlg.show()
    assert "no style mixing" in dlg.summary.text()                     # B and C unused: said
    qtbot.waitUntil(lambda: dlg.preview.has_image(), timeout=TIMEOUT)  # the main view's image
    assert dlg.preview.image() == p.view.image() and "main view" in dlg.preview_note.text()

    submitted = []
    real_submit = p.worker.submit
    monkeypatch.setattr(p.worker, "submit", lambda ch, *a: submitted.append(ch) or real_submit(ch, *a))
    dlg.kind.setCurrentIndex(dlg.kind.findData("grid"))
    dlg.rows.setValue(6)
    dlg.cols.setValue(2)
    dlg.padding.setValue(0)
    qtbot.waitUntil(lambda: "first 4 × 2 tiles" in dlg.preview_note.text(), timeout=TIMEOUT)
    assert set(submitted) == {"export_preview"}                        # rendered on the render thread
    img = dlg.preview.image()
    assert (img.width(), img.height()) == (2 * 16, 4 * 16)             # 4 rows x 2 columns of 16 px tiles
    dlg.kind.setCurrentIndex(dlg.kind.findData("latent"))
    qtbot.waitUntil(lambda: not dlg.preview.isVisible(), timeout=5000)  # nothing to picture
    dlg.close()
