"""Projecting a picture from the Explorer (File ▸ Project an image…, or a dropped picture):
the best latent becomes A and a bookmark, Stop and closing keep the best, bad pictures get a
message while the model and latents stay, a DCGAN optimises z and says so (pytest-qt)."""
import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from explorer_models import dcgan_generator, isolated_qsettings, one_torch_thread, save, style_generator
from ganstudio.core.imaging import from_uint8
from ganstudio.core.projection_distance import psnr
from ganstudio.core.render import Latent, RenderRequest, render
from ganstudio.ui.explorer.project_dialog import ProjectDialog

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(scope="module")
def ckpts(tmp_path_factory):
    d = tmp_path_factory.mktemp("models")
    return {"style": save(d / "style.pt", style_generator()), "dcgan": save(d / "dcgan.pt", dcgan_generator())}


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)


@pytest.fixture
def panel(explorer_panel):
    return explorer_panel


def opened(qtbot, p, path):
    with qtbot.waitSignal(p.first_image_shown, timeout=10000):
        assert p.open_path(path)
    return settled(qtbot, p)


def settled(qtbot, p):
    def done():
        r = p._main_result
        return r is not None and r.request_id == p.last_main_request_id and p.worker.is_idle()
    qtbot.waitUntil(done, timeout=20000)
    return p._main_result.images[0].copy()


def picture_of_seed(G, seed, path):
    """A picture the model itself renders (saved as a PNG a user could have)."""
    out = render(G, RenderRequest((Latent.from_seed(seed, G.z_dim),)))
    assert out.ok, out.error
    Image.fromarray(out.images[0][:, :, 0] if out.images.shape[-1] == 1 else out.images[0]).save(path)
    return out.images[0]


def project(qtbot, dlg: ProjectDialog, steps: int, stop_after: int | None = None):
    dlg.steps.setText(str(steps))
    assert dlg.start()
    if stop_after is not None:
        qtbot.waitUntil(lambda: len(dlg.task.losses) >= stop_after, timeout=60000)
        qtbot.mouseClick(dlg.stop_btn, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.task.finished, timeout=120000) as blocker:
        pass
    return blocker.args[0]


def drop(panel, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    panel.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                               Qt.KeyboardModifier.NoModifier))


def test_a_projected_picture_becomes_latent_a_and_a_bookmark(qtbot, panel, ckpts, tmp_path):
    first = opened(qtbot, panel, ckpts["style"])
    picture = picture_of_seed(panel.state.model.G, 7, tmp_path / "my picture.png")
    dlg = panel.project_image(tmp_path / "my picture.png")
    assert dlg is not None and dlg.target.pixels.shape == picture.shape == (16, 16, panel.state.model.G.channels)
    assert np.array_equal(dlg.target.pixels, picture)
    assert "No conversion" in dlg.notes.text()
    assert dlg.space.currentData() == "w+"      # the default space
    result = project(qtbot, dlg, 150)
    assert result is not None and result.steps_done == 150 and not result.stopped
    assert "Step" in dlg.status.text() or "A is now" in dlg.status.text()
    assert panel.state.a.space == "w+" and np.allclose(panel.state.a.values, result.latent)
    shown = settled(qtbot, panel)
    assert np.array_equal(shown, result.reconstruction)          # A renders the reconstruction
    close = float(psnr(from_uint8(shown[None]), from_uint8(picture[None])))
    start = float(psnr(from_uint8(first[None]), from_uint8(picture[None])))
    assert close > 15.0 and close > start + 10     # (about 5 dB before, 18.6 dB after)
    bm = panel.state.bookmarks[-1]
    assert bm["name"] == "my picture.png" and bm["projection"]["space"] == "w+"
    assert "my picture.png" in panel.bookmarks.list.item(panel.bookmarks.list.count() - 1).text()
    # every Explorer feature works on it: a slider edit, and undo goes back to the earlier A
    panel.state.set_value(0, float(panel.state.a.values[0, 0]) + 1.0, row=0, commit=True)
    assert not np.array_equal(settled(qtbot, panel), shown)
    panel.state.undo()
    panel.state.undo()
    assert panel.state.a.space == "z"
    assert np.array_equal(settled(qtbot, panel), first)
    dlg.reject()


def test_w_space_and_stop_keep_the_best_latent_so_far(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["style"])
    picture_of_seed(panel.state.model.G, 11, tmp_path / "p.png")
    dlg = panel.project_image(tmp_path / "p.png")
    dlg.space.setCurrentIndex(dlg.space.findData("w"))
    result = project(qtbot, dlg, 100_000, stop_after=5)
    assert result.stopped and 5 <= result.steps_done < 100_000
    assert result.best_loss == min(result.losses) and result.space == "w"
    assert panel.state.a.space == "w" and np.allclose(panel.state.a.values, result.latent)
    assert "stopped after" in dlg.status.text()
    assert np.array_equal(settled(qtbot, panel), result.reconstruction)


def test_the_steps_field_is_checked_and_named(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["style"])
    picture_of_seed(panel.state.model.G, 1, tmp_path / "p.png")
    dlg = panel.project_image(tmp_path / "p.png")
    for bad in ("abc", "0", "-5", "2.5", ""):
        dlg.steps.setText(bad)
        assert not dlg.start() and dlg.task is None
        assert dlg.error.text().startswith("Steps:")
    dlg.reject()


def test_bad_pictures_get_a_message_and_the_model_and_latents_stay(qtbot, panel, ckpts, tmp_path):
    before = opened(qtbot, panel, ckpts["style"])
    panel.state.set_seed("a", 42)
    before = settled(qtbot, panel)
    good = tmp_path / "good.png"
    picture_of_seed(panel.state.model.G, 3, good)
    (tmp_path / "text.png").write_text("not a picture")
    (tmp_path / "cut.png").write_bytes(good.read_bytes()[:60])
    for name, words in (("text.png", "not an image"), ("cut.png", "truncated"), ("missing.png", "does not exist")):
        assert panel.project_image(tmp_path / name) is None
        assert name in panel.banner.text() and words in panel.banner.text(), panel.banner.text()
        assert panel.state.model is not None and panel.state.a.seed == 42
    assert np.array_equal(settled(qtbot, panel), before)
    # 16-bit grey with alpha: converted, and the conversions are said plainly
    a = (np.linspace(0, 65535, 40 * 30).reshape(30, 40)).astype(np.uint16)
    Image.fromarray(a).save(tmp_path / "deep.png")
    dlg = panel.project_image(tmp_path / "deep.png")
    assert "16-bit pixels scaled to 8 bits" in dlg.notes.text()
    assert "cropped to the 30 × 30 square" in dlg.notes.text()
    dlg.reject()
    rgba = np.zeros((20, 20, 4), np.uint8)
    rgba[5:15, 5:15] = (200, 30, 30, 255)
    Image.fromarray(rgba, "RGBA").save(tmp_path / "alpha.png")
    dlg = panel.project_image(tmp_path / "alpha.png")
    assert "transparent pixels composited on white" in dlg.notes.text()
    assert "colour converted to grey" in dlg.notes.text()     # the test model draws grey
    assert dlg.target.pixels[0, 0].min() == 255
    dlg.background.setCurrentText("black")
    assert dlg.target.pixels[0, 0].max() == 0
    dlg.reject()
    # an animated picture: said, and a frame can be chosen
    frames = [Image.new("RGB", (16, 16), c) for c in ((255, 0, 0), (0, 0, 255))]
    frames[0].save(tmp_path / "anim.gif", save_all=True, append_images=frames[1:], duration=100)
    dlg = panel.project_image(tmp_path / "anim.gif")
    assert "animated (2 frames)" in dlg.animated.text() and not dlg.frame.isHidden()
    red = int(dlg.target.pixels[0, 0, 0])
    dlg.frame.setValue(1)
    assert int(dlg.target.pixels[0, 0, 0]) != red and "frame 1" in dlg.notes.text()
    dlg.reject()
    # no model open: a message, nothing else
    panel.state.model, model = None, panel.state.model
    assert panel.project_image(good) is None and "Open a model first" in panel.banner.text()
    panel.state.model = model


def test_the_crop_square_moves_and_sizes_the_target(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["style"])
    img = np.zeros((40, 80, 3), np.uint8)
    img[:, 40:] = 255                       # left half black, right half white
    Image.fromarray(img).save(tmp_path / "wide.png")
    dlg = panel.project_image(tmp_path / "wide.png")
    assert dlg.crop.box() == (20, 0, 60, 40)
    dlg.crop.move_by(-100, 0)
    assert dlg.crop.box() == (0, 0, 40, 40)
    qtbot.waitUntil(lambda: dlg.target.crop_box == (0, 0, 40, 40), timeout=2000)
    assert dlg.target.pixels.max() < 10     # all black
    dlg.size_slider.setValue(50)
    assert dlg.crop.box()[2] - dlg.crop.box()[0] == 20
    dlg.crop.move_by(100, 0)
    qtbot.waitUntil(lambda: dlg.target.crop_box == (60, 10, 80, 30), timeout=2000)
    assert dlg.target.pixels.min() > 245    # all white
    dlg.reject()


def test_a_dcgan_optimises_z_and_says_so(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["dcgan"])
    picture_of_seed(panel.state.model.G, 5, tmp_path / "digit.png")
    dlg = panel.project_image(tmp_path / "digit.png")
    assert not dlg.space.isEnabled() and "z is optimised" in dlg.space.toolTip()
    assert dlg.target.pixels.shape == (28, 28, 1)
    result = project(qtbot, dlg, 30)
    assert result.space == "z" and "z is optimised" in dlg.note.text() and not dlg.note.isHidden()
    assert panel.state.a.space == "z" and "z is optimised" in dlg.status.text()
    assert np.array_equal(settled(qtbot, panel), result.reconstruction)
    dlg.reject()


def test_a_dropped_picture_projects_and_a_dropped_checkpoint_opens(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["style"])
    picture_of_seed(panel.state.model.G, 2, tmp_path / "dropped.jpg")
    drop(panel, tmp_path / "dropped.jpg")
    dlg = panel._projection_dialog
    assert isinstance(dlg, ProjectDialog) and dlg.isVisible() and dlg.path.name == "dropped.jpg"
    assert panel.state.model.family == "stylegan"
    dlg.reject()
    # a picture without a picture's extension is still recognised by its content
    (tmp_path / "noext").write_bytes((tmp_path / "dropped.jpg").read_bytes())
    drop(panel, tmp_path / "noext")
    assert panel._projection_dialog is not dlg and panel._projection_dialog.path.name == "noext"
    panel._projection_dialog.reject()
    drop(panel, ckpts["dcgan"])
    qtbot.waitUntil(lambda: panel.state.model.family == "dcgan", timeout=10000)


def test_closing_mid_projection_keeps_the_best_and_shutting_down_is_clean(qtbot, panel, ckpts, tmp_path):
    opened(qtbot, panel, ckpts["style"])
    picture_of_seed(panel.state.model.G, 4, tmp_path / "p.png")
    dlg = panel.project_image(tmp_path / "p.png")
    dlg.steps.setText("100000")
    assert dlg.start()
    qtbot.waitUntil(lambda: len(dlg.task.losses) >= 3, timeout=60000)
    with qtbot.waitSignal(dlg.task.finished, timeout=60000) as blocker:
        dlg.close()
    result = blocker.args[0]
    assert not dlg.isVisible() and result.stopped
    assert panel.state.a.space == "w+" and np.allclose(panel.state.a.values, result.latent)
    # opening another model mid-projection: nothing is applied to it
    dlg = panel.project_image(tmp_path / "p.png")
    dlg.steps.setText("100000")
    assert dlg.start()
    qtbot.waitUntil(lambda: len(dlg.task.losses) >= 1, timeout=60000)
    assert panel.open_path(ckpts["dcgan"])
    settled(qtbot, panel)
    assert not dlg.task.running and "stopped" in dlg.status.text() and panel.state.a.space == "z"
    dlg.reject()
    # the panel shutting down mid-projection (the window closing): the render thread ends
    assert panel.open_path(ckpts["style"])
    settled(qtbot, panel)
    dlg = panel.project_image(tmp_path / "p.png")
    dlg.steps.setText("100000")
    assert dlg.start()
    qtbot.waitUntil(lambda: len(dlg.task.losses) >= 1, timeout=60000)
    panel.shutdown()
    assert not panel.worker.isRunning()
