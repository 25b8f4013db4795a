"""Images that remember how they were made (issue 18 §5): every PNG GAN Studio writes carries
its render request and the model's hashes; opening or dropping it on the Explorer restores the
state (the same pixels again), `ganstudio export --from image.png` renders it again, another
model is refused naming both, a PNG without a record or with a damaged one gets a clear message.
Copy Image puts such a PNG on the clipboard; Capture the View writes the whole view as one."""
import io

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from explorer_models import export_cli, isolated_qsettings, one_torch_thread, save, style_generator
from ganstudio.core.image_record import PNG_KEY, ImageRecordError, read_png_record
from ganstudio.core.imaging import save_png
from ganstudio.ui.explorer.export_dialog import ExportChoice
from ganstudio.ui.explorer.panel_records import qimage_pixels

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(scope="module")
def ckpts(tmp_path_factory):
    d = tmp_path_factory.mktemp("models")
    return {"style": save(d / "style.pt", style_generator()), "other": save(d / "other.pt", style_generator(5))}


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)


def pixels(path) -> np.ndarray:
    return np.asarray(Image.open(path))


def rgb(a: np.ndarray) -> np.ndarray:
    """A PNG's pixels as the screen shows them: grey as three equal channels."""
    return np.stack([a] * 3, -1) if a.ndim == 2 else a


def settle(qtbot, p):
    """The pixels the Explorer shows once its latest main image is on screen (RGB)."""
    def done():
        r = p.state.shown_request
        return (r is not None and r.request_id == p.last_main_request_id and p.worker.is_idle()
                and p.view.has_image())
    qtbot.waitUntil(done, timeout=10000)
    return qimage_pixels(p.view.image())


def opened(qtbot, p, path):
    assert p.open_path(path)
    qtbot.waitUntil(lambda: p.state.shown_request is not None and p.state.model.info["file"] == path.name,
                    timeout=10000)
    return settle(qtbot, p)


def export_image(qtbot, p, out):
    with qtbot.waitSignal(p.worker.job_done, timeout=10000) as sig:
        p.export(ExportChoice("image", out, sidecar=False))
    assert sig.args[2] == "", sig.args[2]


def test_cli_png_round_trip_is_pixel_exact_and_another_model_is_refused(ckpts, tmp_path, capsys):
    mix = tmp_path / "mix.png"
    assert export_cli(ckpts["style"], "--mix", "1,2x3,4,5", "--psi", 0.7, "--noise", "random",
                      "--noise-seed", 4, "--out", mix, "--quiet") == 0
    record = read_png_record(mix)
    assert record.request.kind == "mix_grid" and record.checkpoint_sha256 and record.weights_sha256
    assert record.model["file"] == "style.pt"
    text = Image.open(mix).text[PNG_KEY]
    assert '"values"' not in text and '"z_dim": 12' in text.replace('"z_dim":12', '"z_dim": 12')  # seeds
    again = tmp_path / "again.png"
    assert export_cli("--from", mix, "--out", again) == 0
    assert np.array_equal(pixels(again), pixels(mix))
    capsys.readouterr()
    assert export_cli(ckpts["other"], "--from", mix, "--out", tmp_path / "x.png") == 2
    err = capsys.readouterr().err
    assert "mix.png was made with style.pt" in err and "not with other.pt" in err
    assert not (tmp_path / "x.png").exists()


def test_png_without_or_with_a_damaged_record_is_refused_clearly(ckpts, tmp_path, capsys):
    plain, broken = tmp_path / "plain.png", tmp_path / "broken.png"
    img = np.zeros((8, 8, 3), np.uint8)
    save_png(plain, img)
    save_png(broken, img, {PNG_KEY: '{"format": "ganstudio-sidecar", "request": {"kind": "sin'})
    for path, words in ((plain, "does not say how it was made"), (broken, "damaged GAN Studio record")):
        with pytest.raises(ImageRecordError, match=words):
            read_png_record(path)
        capsys.readouterr()
        assert export_cli(ckpts["style"], "--from", path, "--out", tmp_path / "x.png") == 2
        assert words in capsys.readouterr().err


def test_explorer_image_reopened_from_its_png_renders_the_same_bytes(qtbot, explorer_panel, ckpts, tmp_path):
    p = explorer_panel
    opened(qtbot, p, ckpts["style"])
    st = p.state
    st.set_seed("a", 7)
    st.set_seed("b", 11)
    st.apply_preset("coarse")
    st.set_truncation(psi=0.6)
    st.set_noise(mode="random")
    st.set_value(2, 1.5, commit=True)                   # an edited z
    shown = settle(qtbot, p)
    out = tmp_path / "image.png"
    export_image(qtbot, p, out)
    assert np.array_equal(rgb(pixels(out)), shown)
    # Wander off, then restore from the image: the same pixels come back.
    st.set_seed("a", 1)
    st.clear_mixing()
    st.set_truncation(psi=1.0)
    st.set_noise(mode="const")
    assert not np.array_equal(settle(qtbot, p), shown)
    assert p.open_path(out) is True                      # what File > Open does with a PNG
    restored = settle(qtbot, p)
    assert np.array_equal(restored, shown)
    assert st.psi == pytest.approx(0.6) and st.noise_mode == "random" and st.mix_rows()
    assert "Restored" in p.banner.text()
    # ... and `ganstudio export --from` renders the very same bytes from it.
    again = tmp_path / "again.png"
    assert export_cli("--from", out, "--out", again) == 0
    assert np.array_equal(pixels(again), pixels(out))


def test_dropping_a_png_of_another_model_is_refused_naming_both(qtbot, explorer_panel, ckpts, tmp_path):
    p = explorer_panel
    opened(qtbot, p, ckpts["style"])
    out = tmp_path / "mine.png"
    export_image(qtbot, p, out)
    opened(qtbot, p, ckpts["other"])
    seed = p.state.a.seed
    p.state.set_seed("a", 42)
    before = settle(qtbot, p)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(out))])
    p.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: "was made with" in p.banner.text(), timeout=10000)
    text = p.banner.text()
    assert "style.pt" in text and "other.pt" in text and p.banner.kind == "error"
    assert p.state.a.seed == 42 != seed and np.array_equal(settle(qtbot, p), before)   # nothing changed
    # a PNG with a damaged record: a clear message, no projection dialog
    broken = tmp_path / "broken.png"
    save_png(broken, np.zeros((8, 8, 3), np.uint8), {PNG_KEY: "{not json"})
    mime.setUrls([QUrl.fromLocalFile(str(broken))])
    p.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier))
    assert "damaged GAN Studio record" in p.banner.text()
    plain = tmp_path / "plain.png"
    save_png(plain, np.zeros((8, 8, 3), np.uint8))
    assert p.open_path(plain) is False and "does not say how it was made" in p.banner.text()


def test_copy_image_and_capture_the_view_carry_the_state(qtbot, explorer_panel, ckpts, tmp_path):
    p = explorer_panel
    opened(qtbot, p, ckpts["style"])
    p.state.set_seed("a", 5)
    shown = settle(qtbot, p)
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(p.worker.job_done, timeout=10000):
        assert p.copy_image()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasImage() and data.hasFormat("image/png")
    png = bytes(data.data("image/png"))
    copied = tmp_path / "copied.png"
    copied.write_bytes(png)
    assert np.array_equal(rgb(np.asarray(Image.open(io.BytesIO(png)))), shown)
    assert read_png_record(copied).request.latents[0].seed == 5
    capture = tmp_path / "capture.png"
    with qtbot.waitSignal(p.worker.job_done, timeout=10000):
        assert p.capture_view(capture)
    record = read_png_record(capture)
    assert record.output["capture"] is True
    assert Image.open(capture).size == (p.width(), p.height())   # the whole view, not the image
    p.state.set_seed("a", 9)
    settle(qtbot, p)
    assert p.open_path(capture) and p.state.a.seed == 5
    assert np.array_equal(settle(qtbot, p), shown)


def test_a_sidecar_restores_the_same_state_as_its_png(qtbot, explorer_panel, ckpts, tmp_path):
    p = explorer_panel
    opened(qtbot, p, ckpts["style"])
    p.state.set_seed("a", 4)
    p.state.apply_preset("fine", source=2)            # C's fine styles
    shown = settle(qtbot, p)
    out = tmp_path / "mixed.png"
    with qtbot.waitSignal(p.worker.job_done, timeout=10000):
        p.export(ExportChoice("image", out, sidecar=True))
    p.state.clear_mixing()
    p.state.set_seed("a", 8)
    settle(qtbot, p)
    assert p.load_latent(out.with_suffix(".json"))
    assert p.state.mix_rows() and 2 in p.state.mix_rows()
    assert np.array_equal(settle(qtbot, p), shown)


def test_a_stylegan3_image_brings_back_its_input_transform(qtbot, explorer_panel, tmp_path):
    from ganstudio.core.input_transform import InputTransform
    from test_official_ui import sg3_network, sg3_pickle
    p = explorer_panel
    assert p.open_path(sg3_pickle(tmp_path / "sg3.pkl", sg3_network(c_dim=0)))
    qtbot.waitUntil(lambda: p.state.shown_request is not None, timeout=15000)
    p.state.set_input_transform(InputTransform(0.125, -0.0625, 30.0))
    shown = settle(qtbot, p)
    out = tmp_path / "moved.png"
    export_image(qtbot, p, out)
    p.state.set_input_transform(None)
    assert not np.array_equal(settle(qtbot, p), shown)
    assert p.open_path(out)
    assert p.state.input_transform.angle == 30.0
    assert np.array_equal(settle(qtbot, p), shown)
