"""Directions you define, through the Explorer's real widgets (issue 18, section 3): mark 20 + 20
gallery tiles by clicking, fit, a slider appears and moves the image; files out and in (refusals
named); a sweep along a named direction; the class-direction button only for Fashion-MNIST."""
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt

from ganstudio.core import named_directions as N
from ganstudio.core.latent import z_from_seeds
from tests.explorer_models import one_torch_thread, save, style_generator
from tests.test_explorer import opened, settle

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture
def panel(explorer_panel):
    return explorer_panel     # its per-model stores live in the test's own config folder (conftest)


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory):
    return save(tmp_path_factory.mktemp("m") / "style.pt", style_generator(), recipe={"title": "tiny",
                                                                                     "data": {"kind": "emoji"}})


def _label_by_clicks(qtbot, p, has_attr) -> None:
    """Click gallery tiles as a user would: left = has it, right = lacks it; More seeds until
    20 of each are marked."""
    labels = p.direction_labels
    for _ in range(40):
        settle(qtbot, p, strip=True)
        for i in range(len(p.state.strip.gallery_seeds[:16])):
            pos_, neg_ = labels.counts_()
            has = has_attr(p.state.gallery_seed(i))
            if (has and pos_ >= 22) or (not has and neg_ >= 22):
                continue
            button = Qt.MouseButton.LeftButton if has else Qt.MouseButton.RightButton
            qtbot.mouseClick(p.strip_view, button, pos=p.strip_view.tile_rect(i).center())
        if min(labels.counts_()) >= 22:
            return
        qtbot.mouseClick(labels.more, Qt.MouseButton.LeftButton)
    raise AssertionError("could not collect 20 labels of each kind")


def test_label_tiles_fit_a_direction_and_its_slider_moves_the_image(qtbot, panel, ckpt, tmp_path):
    p = panel
    before = opened(qtbot, p, ckpt)
    settle(qtbot, p, strip=True)
    labels = p.direction_labels
    assert not labels.fit_btn.isEnabled()
    qtbot.keyClicks(labels.attribute, "bright")
    qtbot.mouseClick(labels.active, Qt.MouseButton.LeftButton)
    assert "labelling “bright”: click = has it (+), right-click = lacks it (−)" in p.layout_.strip_title.text()
    G = p.state.model.G
    u = np.random.RandomState(5).randn(G.w_dim)
    mean_w = N.map_z(G, z_from_seeds(list(range(200)), G.z_dim)).mean(0)

    def has_attr(seed):              # a planted attribute: one side of a plane in w
        return float((N.map_z(G, z_from_seeds([seed], G.z_dim))[0] - mean_w) @ u) > 0

    a_seed = p.state.a.seed
    _label_by_clicks(qtbot, p, has_attr)
    assert p.state.a.seed == a_seed                   # labelling clicks do not change A
    assert labels.overlay.marks                       # the marks are drawn on the tiles
    assert "22 with · 22 without" in labels.counts.text()
    assert labels.fit_btn.isEnabled()
    qtbot.mouseClick(labels.fit_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(p.state.named) == 1, timeout=60000)
    d = p.state.named[0]
    assert d.name == "bright" and "held-out accuracy" in labels.result.text()
    assert float(d.vector @ (u / np.linalg.norm(u))) > 0.3     # it points along the planted plane's normal
    # independent of chosen directions: of itself nothing is left (refused, said so) ...
    labels.attribute.setText("bright again")
    labels.independent.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(labels.fit_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: labels._job is None, timeout=60000)
    assert "nothing is left" in labels.result.text() and len(p.state.named) == 1
    # ... of another direction, the new one is orthogonal to it
    p.named_directions.add([N.NamedDirection("axis0", np.eye(G.w_dim)[0])])
    labels.independent.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert labels.independent.item(1).text() == "axis0"
    labels.independent.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(labels.fit_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(p.state.named) == 3, timeout=60000)
    assert abs(float(p.state.named[2].vector[0])) < 1e-5
    assert "independent of axis0" in labels.result.text()
    assert p.named_directions.similarity.item(1, 2).text() == "0"
    p.named_directions.delete(2)
    p.named_directions.delete(1)
    lab, s, _ = p.named_directions.rows[0]
    assert not lab.isHidden() and lab.text().startswith("1 · bright")
    s.setValue(3.0)
    after = settle(qtbot, p)
    assert np.abs(after.astype(int) - before.astype(int)).max() > 10
    assert p.state.offset() is not None

    # kept for the model: a new panel state reads it back from the per-model file
    assert p.named_directions.store.load(p.state.model.key, G.w_dim)[0].name == "bright"

    # a sweep along it (Animate tab)
    anim = p.tabs.widget(3).widget()
    anim.target.setCurrentIndex(anim.target.findData("named"))
    anim.target.activated.emit(anim.target.currentIndex())
    qtbot.mouseClick(anim.show_sweep, Qt.MouseButton.LeftButton)
    settle(qtbot, p, strip=True)
    assert p._strip_result.kind == "strip" and len(p._strip_result.images) == p.state.strip.sweep_steps
    assert "“bright”" in p.layout_.strip_title.text()


def test_export_import_and_refusals(qtbot, panel, ckpt, tmp_path):
    p = panel
    opened(qtbot, p, ckpt)
    w_dim = p.state.model.w_dim
    nd = p.named_directions
    nd.add([N.NamedDirection("left", np.eye(w_dim)[0], 0.5), N.NamedDirection("up", np.eye(w_dim)[1] + 0.5 * np.eye(w_dim)[0])])
    assert not nd.similarity.isHidden() and nd.similarity.item(0, 1).text() == "+.45"
    out = tmp_path / "dirs.json"
    assert nd.export_file(out)
    nd.delete(0)
    nd.delete(0)
    assert p.state.named == []
    assert nd.import_file(out)
    assert [d.name for d in p.state.named] == ["left", "up"]
    doc = json.loads(out.read_text())
    doc["model"]["sha256"] = "0" * 64
    (tmp_path / "other.json").write_text(json.dumps(doc))
    assert not nd.import_file(tmp_path / "other.json")
    assert "made for another model" in p.banner.text()
    doc = json.loads(out.read_text())
    doc["w_dim"] = w_dim + 1
    (tmp_path / "wide.json").write_text(json.dumps(doc))
    assert not nd.import_file(tmp_path / "wide.json")
    assert f"this model's w has {w_dim}" in p.banner.text()
    assert not nd.class_btn.isVisibleTo(nd)           # an emoji model: no Fashion-MNIST classes


def test_class_directions_are_offered_for_fashion_mnist_and_can_be_cancelled(qtbot, panel):
    from ganstudio.resources import resource
    p = panel
    opened(qtbot, p, resource("models/stylegan_fashion32.pt"))
    nd = p.named_directions
    assert nd.class_btn.isVisibleTo(nd)
    qtbot.mouseClick(nd.class_btn, Qt.MouseButton.LeftButton)
    assert not nd.class_btn.isEnabled()
    qtbot.waitUntil(lambda: len(nd._class_parts) >= 1, timeout=60000)    # one chunk labelled
    from PySide6.QtWidgets import QPushButton
    cancel = nd._class_task.dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)                 # the progress dialog's Cancel
    qtbot.waitUntil(lambda: nd.class_btn.isEnabled(), timeout=60000)
    assert p.state.named == [] and not nd.store.load(p.state.model.key, p.state.model.w_dim)
