"""The Explorer's Drag tab (pytest-qt, real mouse clicks on the main image): points placed by
clicks, a drag that moves the garment edge of the shipped Fashion-MNIST model live and makes
A a w+, Undo drag restoring the image exactly, a mask painted with the mouse, Stop, and a
DCGAN refused with a reason."""
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from explorer_models import dcgan_generator, isolated_qsettings, one_torch_thread, save
from garment_edges import garment_edge, left_edge
from ganstudio.resources import resource
from ganstudio.core.drag import DragSettings

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)


@pytest.fixture
def panel(explorer_panel):
    return explorer_panel


def settled(qtbot, p):
    def done():
        r = p._main_result
        return r is not None and r.request_id == p.last_main_request_id and p.worker.is_idle()
    qtbot.waitUntil(done, timeout=20000)
    return p._main_result.images[0].copy()


def open_fashion_edge(qtbot, p):
    """Opens the shipped Fashion-MNIST model on the first seed whose garment shows a straight left
    edge beside dark background (where a user would drag: chosen from the image shown):
    (seed, image, (handle, target))."""
    with qtbot.waitSignal(p.first_image_shown, timeout=20000):
        assert p.open_path(resource("models/stylegan_fashion32.pt"))
    settled(qtbot, p)
    for seed in range(40):
        p.state.set_seed("a", seed)
        img = settled(qtbot, p)
        edge = garment_edge(img)
        if edge is not None:
            return seed, img, edge
    pytest.fail("none of the shipped model's seeds 0-39 shows a straight garment edge")


def show_drag_tab(qtbot, p):
    p.tabs.setCurrentWidget(p.drag_tab.page)
    qtbot.waitUntil(lambda: p.drag_tab.overlay.isVisible() and not p.view.image_rect().isEmpty(), timeout=5000)
    return p.drag_tab


def click_pixel(qtbot, p, x, y, button=Qt.MouseButton.LeftButton):
    """A real mouse click on the centre of image pixel (x, y) of the main image."""
    rect = p.view.image_rect()
    k = rect.width() / p.view.image().width()
    at = QPoint(round(rect.x() + (x + 0.5) * k), round(rect.y() + (y + 0.5) * k))
    overlay = p.drag_tab.overlay
    qtbot.mouseClick(overlay, button, pos=overlay.mapFrom(p.view, at))


def test_clicks_place_points_and_a_drag_moves_the_edge_then_undo_restores(qtbot, panel):
    seed, before, ((hx, hy), (tx, ty)) = open_fashion_edge(qtbot, panel)
    tab = show_drag_tab(qtbot, panel)
    assert not tab.drag_btn.isEnabled()
    click_pixel(qtbot, panel, hx, hy)                     # the garment's left edge ...
    assert tab.overlay.handles == [(float(hx), float(hy))] and tab.overlay.targets == []
    assert "where the handle should go" in tab.status.text() and not tab.drag_btn.isEnabled()
    click_pixel(qtbot, panel, tx, ty)                     # ... goes 3 px to the left
    assert tab.overlay.targets == [(float(tx), float(ty))] and tab.drag_btn.isEnabled()
    assert "Press Drag" in tab.status.text()
    click_pixel(qtbot, panel, 20, 5)                      # a second pair, removed by a right click
    click_pixel(qtbot, panel, 22, 5)
    click_pixel(qtbot, panel, 21, 5, Qt.MouseButton.RightButton)
    pairs = ([(float(hx), float(hy))], [(float(tx), float(ty))])
    assert tab.overlay.pairs() == pairs

    steps = []
    tab.task = None
    qtbot.mouseClick(tab.drag_btn, Qt.MouseButton.LeftButton)
    task = tab.task
    assert task is not None and tab.overlay.locked and tab.stop_btn.isEnabled()
    task.progressed.connect(steps.append)
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert steps and steps[-1].handles[0][0] < hx        # the handle moved live, towards the target
    assert "A is now the dragged w+" in tab.status.text()
    if task.result.arrived:                               # on the target's pixel: said so
        assert task.result.distances == [0.0] and "every handle is on its target" in tab.status.text()
    assert panel.state.a.space == "w+" and tab.undo_btn.isEnabled()
    after = settled(qtbot, panel)
    # A now shows the dragged image (the drag's own last image, rendered again from its w+) ...
    assert np.abs(after.astype(int) - task.result.image).max() <= 1
    # ... where the garment's left edge moved towards the target on the handle's row and the
    # rows beside it (how far a 32 px model's pixels follow is tests/test_drag.py's question)
    assert all(left_edge(after[y, :, 0]) < hx for y in (hy - 1, hy, hy + 1))
    assert tab.overlay.handles[0][0] <= tx + 1           # the handle stays where it was tracked to

    qtbot.mouseClick(tab.undo_btn, Qt.MouseButton.LeftButton)
    restored = settled(qtbot, panel)
    assert np.array_equal(restored, before)
    assert panel.state.a.space == "z" and panel.state.a.seed == seed
    assert tab.overlay.pairs() == pairs and not tab.undo_btn.isEnabled()


def test_a_painted_mask_reaches_the_drag_and_stop_ends_it(qtbot, panel):
    open_fashion_edge(qtbot, panel)
    tab = show_drag_tab(qtbot, panel)
    tab.mask_mode.setChecked(True)
    tab.brush.setValue(3)
    click_pixel(qtbot, panel, 6, 16)
    assert tab.overlay.mask is not None and tab.overlay.mask[16, 6] and not tab.overlay.mask[0, 0]
    assert tab.overlay.mask.sum() == 29                   # a disc of radius 3
    click_pixel(qtbot, panel, 6, 16, Qt.MouseButton.RightButton)
    assert tab.overlay.mask_or_none() is None             # wiped again
    click_pixel(qtbot, panel, 6, 16)
    tab.points_mode.setChecked(True)
    click_pixel(qtbot, panel, 7, 16)
    click_pixel(qtbot, panel, 1, 16)                      # far: the drag is still going when stopped
    tab.steps.setValue(500)
    assert tab.stop_within.value() == 0.0                 # a small model's default: on the target's pixel
    assert tab.track_fine.isChecked() and tab.track_fine.isEnabled()
    tab.stop_within.setValue(1.5)
    tab.track_fine.setChecked(False)
    tab.layer.setCurrentIndex(tab.layer.findData("b32"))  # the features as large as the image ...
    assert not tab.track_fine.isEnabled()                 # ... track on themselves alone
    tab.layer.setCurrentIndex(tab.layer.findData("b8"))
    assert tab.track_fine.isEnabled()
    assert tab.hold.value() == DragSettings.mask_weight
    tab.hold.setValue(4.5)                                # hold the rest of the image more firmly
    assert tab.keep_line.value() == pytest.approx(DragSettings.keep_to_line)
    tab.keep_line.setValue(0.0)                           # the features alone place the handles
    assert tab.start()
    task, steps = tab.task, []
    assert task.mask is not None and task.mask.sum() == 29
    assert task.settings.stop_distance == 1.5 and task.settings.feature_layer == "b8"
    assert task.settings.track_fine is False and task.settings.mask_weight == 4.5
    assert task.settings.keep_to_line == 0.0
    task.progressed.connect(steps.append)
    qtbot.waitUntil(lambda: len(steps) >= 1, timeout=30000)
    assert tab.stop_btn.isEnabled() and not tab.drag_btn.isEnabled()
    qtbot.mouseClick(tab.stop_btn, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert task.result.stopped and task.result.steps_done < 500
    assert "Stopped after" in tab.status.text()
    assert tab.task is None and not tab.overlay.locked and panel.state.a.space == "w+"
    qtbot.mouseClick(tab.reset_btn, Qt.MouseButton.LeftButton)
    assert tab.overlay.pairs() == ([], []) and not tab.drag_btn.isEnabled()


def test_a_dcgan_has_no_drag_tab(qtbot, panel, tmp_path):
    path = save(tmp_path / "dcgan.pt", dcgan_generator())
    with qtbot.waitSignal(panel.first_image_shown, timeout=20000):
        assert panel.open_path(path)
    index = panel.tabs.indexOf(panel.drag_tab.page)
    assert not panel.tabs.isTabEnabled(index)
    assert "no mapping network" in panel.drag_tab.status.text()
