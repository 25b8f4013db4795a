"""Results fill their panes (issue 18 §6, issue 22): the Explorer's strip (mixing grid, sweep,
interpolation, gallery) is drawn as large as its pane allows, crisp (whole-number factors
where they fill the pane), with row / column labels and a tooltip per tile, and can be zoomed
(wheel, actions) and panned (drag) like the main image; a double-click fits it again."""
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from explorer_models import isolated_qsettings, one_torch_thread
from ganstudio.ui.explorer.image_view import fit_scale

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)
MODEL = Path(__file__).resolve().parents[1] / "resources" / "models" / "stylegan_fashion32.pt"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)


def show_strip(qtbot, p, kind):
    p.state.set_strip(kind=kind)

    def done():
        r = p._strip_result
        return (r is not None and r.request_id == p.last_strip_request_id and p.worker.is_idle()
                and not p._strip_timer.isActive())
    qtbot.waitUntil(done, timeout=15000)
    qtbot.waitUntil(lambda: p.strip_view.scale_factor() > 0, timeout=5000)
    return p._strip_result


@pytest.fixture
def panel(qtbot, explorer_panel):
    with qtbot.waitSignal(explorer_panel.first_image_shown, timeout=15000):
        assert explorer_panel.open_path(MODEL)
    return explorer_panel


def wheel(view, pos: QPoint, up: bool = True):
    ev = QWheelEvent(QPointF(pos), QPointF(view.mapToGlobal(pos)), QPoint(), QPoint(0, 120 if up else -120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view, ev)


def test_fit_scale_is_whole_where_it_fills_the_pane():
    from PySide6.QtCore import QSize
    assert fit_scale(QSize(500, 500), QSize(32, 32)) == 15            # 15.6: 15 fills 96 %
    assert fit_scale(QSize(254, 900), QSize(172, 138)) == pytest.approx(254 / 172)   # 1 would fill 68 %
    assert fit_scale(QSize(300, 300), QSize(1024, 1024)) == pytest.approx(300 / 1024)


def test_a_32px_mixing_grid_fills_its_pane_with_its_sources_labelled(qtbot, panel):
    r = show_strip(qtbot, panel, "mix_grid")
    view = panel.strip_view
    assert r.composite.shape[:2] == (4 * 34 + 2, 5 * 34 + 2)       # 3 rows x 4 columns + their sources
    img, pane = view.image_rect(), view.size()
    # drawn at native size it filled 138 of the pane's ~290 px; now the grid fills its limiting side
    assert max(img.height() / pane.height(), img.width() / pane.width()) > 0.8
    assert view.scale_factor() >= 1.5
    assert view.labels.columns() == ["", "seed 4", "seed 5", "seed 6", "seed 7"]
    assert view.labels.rows() == ["", "seed 1", "seed 2", "seed 3"]
    assert view.labels.tip(5 + 1) == "seed 1 with the styles of seed 4"
    assert view.labels.tip(1) == "column source: seed 4"


def test_zoom_and_pan_a_strip_then_fit_it_again(qtbot, panel):
    show_strip(qtbot, panel, "sweep")
    view = panel.strip_view
    assert view.labels.columns()[0] == "-3" and view.labels.columns()[-1] == "+3"
    fit = view.scale_factor()
    centre = view.image_rect().center()
    wheel(view, centre)
    qtbot.waitUntil(lambda: view.scale_factor() > fit, timeout=2000)
    assert view.scale_factor() == int(view.scale_factor()) == int(fit) + 1      # crisp steps
    view.zoom_by(3)
    view.repaint()
    big = view.image_rect()
    assert big.width() > view.width()                                          # larger than the pane
    # drag to pan: the image follows the mouse; a drag is not a click on a tile
    clicks = []
    view.tile_clicked.connect(clicks.append)
    start = QPoint(view.width() // 2, view.height() // 2)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(80, 0))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(80, 0))
    view.repaint()
    assert view.image_rect().left() == big.left() + 80 and not clicks
    wheel(view, start, up=False)
    view.repaint()
    assert view.scale_factor() < big.width() / view.image().width()
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=start)
    view.repaint()
    assert view.scale_factor() == pytest.approx(fit) and not view.zoomed()


def test_interpolation_frames_are_named_and_a_gallery_tile_click_still_picks_a(qtbot, panel):
    show_strip(qtbot, panel, "interp")
    cols = panel.strip_view.labels.columns()
    assert cols[0] == "A" and cols[-1] == "B" and cols[1] == "2"
    show_strip(qtbot, panel, "gallery")
    view = panel.strip_view
    seed = panel.state.gallery_seed(3)
    assert view.labels.tip(3).startswith(f"seed {seed}")
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.tile_rect(3).center())
    assert panel.state.a.seed == seed


def test_the_strip_header_chooses_what_the_strip_shows_and_a_new_model_opens_on_a_gallery(qtbot, panel):
    chooser = panel.strip_chooser
    assert chooser.kind.currentData() == "gallery" and chooser.shuffle.isVisible()
    chooser.kind.setCurrentIndex(chooser.kind.findData("sweep"))
    chooser.kind.activated.emit(chooser.kind.currentIndex())
    assert panel.state.strip.kind == "sweep" and not chooser.shuffle.isVisible()
    assert show_strip(qtbot, panel, "sweep").kind == "strip"
    with qtbot.waitSignal(panel.model_changed, timeout=15000):
        assert panel.open_path(MODEL)
    assert panel.state.strip.kind == "gallery" and chooser.kind.currentData() == "gallery"


def test_play_marks_the_frame_on_show(qtbot, panel):
    show_strip(qtbot, panel, "interp")
    panel.fps.setValue(30)
    panel.play(True)
    qtbot.waitUntil(lambda: panel._play_index >= 2, timeout=5000)
    panel.play(False)
    assert panel.strip_view.marked_tile() is None
    panel.play(True)
    qtbot.waitUntil(lambda: panel.strip_view.marked_tile() == panel._play_index and panel._play_index > 0,
                    timeout=5000)
    panel.play(False)


def test_the_mixing_tab_shows_b_and_c_as_they_enter_the_mix(qtbot, panel):
    from ganstudio.core.render import RenderRequest, render
    st, mixing = panel.state, panel.mixing
    qtbot.waitUntil(lambda: mixing.thumb_b.has_image() and mixing.thumb_c.has_image(), timeout=15000)
    st.set_truncation(psi=0.5)
    st.set_seed("b", 77)
    qtbot.waitUntil(lambda: panel.worker.is_idle() and panel._sources_signature is not None
                    and '"seed": 77' in panel._sources_signature, timeout=15000)

    def shown(thumb):
        img = thumb.image()
        return np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())[:, :img.width()]
    want = render(st.model.G, RenderRequest((st.latent("b"),), **st.common())).images[0][..., 0]
    qtbot.waitUntil(lambda: np.array_equal(shown(mixing.thumb_b), want), timeout=15000)
    assert not np.array_equal(shown(mixing.thumb_c), want)
