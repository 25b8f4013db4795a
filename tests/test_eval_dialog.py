"""File > Evaluate model… (pytest-qt): the dialog computes what `ganstudio eval` computes for the
Explorer's model, with every figure's protocol, saves it as JSON, stops at once on Cancel or
when closed, and says why when it cannot evaluate."""
import importlib.util
import json
import math

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt

from explorer_models import isolated_qsettings, one_torch_thread, save, style_generator
from ganstudio.train import inception
from ganstudio.ui.explorer.eval_dialog import EvalDialog
from test_inception_metrics import needs_weights

_threads = pytest.fixture(scope="module", autouse=True)(one_torch_thread)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    isolated_qsettings(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def folder_of(tmp_path, n: int, size: int = 16):
    folder = tmp_path / f"faces{n}"
    folder.mkdir()
    rng = np.random.default_rng(n)
    for i in range(n):
        Image.fromarray(rng.integers(0, 256, (size, size, 3), dtype=np.uint8)).save(folder / f"{i}.png")
    return folder


@pytest.fixture
def dialog(qtbot, explorer_panel, tmp_path):
    path = save(tmp_path / "tiny.pt", style_generator())
    with qtbot.waitSignal(explorer_panel.first_image_shown, timeout=20000):
        assert explorer_panel.open_path(path)
    d = EvalDialog(explorer_panel)
    qtbot.addWidget(d)
    d.show()
    yield d
    d.shutdown()


def choose(d, metrics, samples, reference):
    for key, box in d.metric_boxes.items():
        box.setChecked(key in metrics)
    d.samples.setValue(samples)
    d.set_reference_path(str(reference))


def finish(qtbot, d, timeout=120000):
    qtbot.waitUntil(lambda: not d.running(), timeout=timeout)


@needs_weights
def test_the_dialog_reports_what_eval_computes_with_protocols_and_saves_it(qtbot, dialog, tmp_path):
    d = dialog
    folder = folder_of(tmp_path, 10)
    assert "tiny.pt" in d.model_label.text() and d.evaluate_btn.isEnabled()
    choose(d, ("fid", "kid", "pr", "ppl"), 8, folder)
    d.ppl_pairs.setValue(4)
    assert not d.metric_boxes["is"].isEnabled() and not d.floor.isEnabled()   # not Fashion-MNIST
    stages = []
    d.start()
    assert d.running() and d.cancel_btn.isEnabled() and not d.evaluate_btn.isEnabled()
    d.worker.progressed.connect(lambda stage, f: stages.append(stage))
    finish(qtbot, d)
    assert d.result is not None, d.status.text()
    assert {"generated", "ppl"} <= set(stages)
    rows = {d.table.item(r, 0).text(): [d.table.item(r, c).text() for c in range(1, 4)]
            for r in range(d.table.rowCount())}
    assert set(rows) == {"FID", "KID", "Precision", "Recall", "PPL"}
    assert "8 generated vs 10" in rows["FID"][2] and "Inception-v3 pool3" in rows["FID"][2]
    assert "LPIPS" in rows["PPL"][2]
    # what ran is what the dialog showed: its model, reference, counts and options
    r = d.result
    assert r["checkpoint"].endswith("tiny.pt") and r["samples"] == 8 and r["reference"] == f"10 images of {folder}"
    assert r["generated"]["ppl"]["pairs"] == 4 and r["psi"] == 1.0 and r["weights"] == "EMA"
    fid = r["generated"]["fid"]["value"]
    assert math.isfinite(fid) and rows["FID"][0] == f"{fid:.2f}"
    out = tmp_path / "figures.json"
    d.save_json(str(out))
    assert json.loads(out.read_text())["generated"]["fid"]["value"] == pytest.approx(fid)
    assert d.save_btn.isEnabled() and d.evaluate_btn.isEnabled()


@needs_weights
def test_cancel_stops_the_evaluation_and_closing_the_dialog_stops_it_too(qtbot, dialog, tmp_path):
    d = dialog
    choose(d, ("fid",), 1500, folder_of(tmp_path, 10))
    stages = []
    assert d.start()
    d.worker.progressed.connect(lambda stage, f: stages.append(stage))
    qtbot.waitUntil(lambda: "generated" in stages, timeout=60000)    # embedding 1,500 samples: a minute
    qtbot.mouseClick(d.cancel_btn, Qt.MouseButton.LeftButton)
    finish(qtbot, d, timeout=30000)
    assert d.result is None and d.table.rowCount() == 0
    assert "Cancelled" in d.status.text() and d.evaluate_btn.isEnabled() and not d.save_btn.isEnabled()
    # closing the window mid-run cancels as well
    assert d.start()
    qtbot.waitUntil(lambda: d.progress.value() > 0, timeout=60000)
    d.close()
    finish(qtbot, d, timeout=30000)
    assert d.result is None and "Cancelled" in d.status.text()


@needs_weights
def test_a_reference_with_too_few_images_is_refused_with_a_reason(qtbot, dialog, tmp_path):
    d = dialog
    choose(d, ("fid",), 8, folder_of(tmp_path, 3))
    assert d.start()
    finish(qtbot, d)
    assert d.result is None
    assert "Could not evaluate" in d.status.text() and "holds 3 image(s)" in d.status.text()


def test_without_the_metrics_extra_the_dialog_says_how_to_install_it(qtbot, dialog, tmp_path, monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == inception.PACKAGE else real_find_spec(name, *a))
    d = dialog
    choose(d, ("fid", "kid"), 8, folder_of(tmp_path, 10))
    assert d.start()
    finish(qtbot, d)
    assert d.result is None and "pip install 'ganstudio[metrics]'" in d.status.text()


def test_is_and_the_floor_are_offered_only_against_fashion_mnist(qtbot, explorer_panel, tmp_path):
    path = save(tmp_path / "faces.pt", style_generator(), recipe={"title": "faces", "data": {"kind": "emoji"}})
    with qtbot.waitSignal(explorer_panel.first_image_shown, timeout=20000):
        assert explorer_panel.open_path(path)
    d = EvalDialog(explorer_panel)
    qtbot.addWidget(d)
    assert d.reference.currentData() == "auto"               # as trained: the emoji set
    assert not d.metric_boxes["is"].isEnabled() and not d.floor.isEnabled()
    d.reference.setCurrentIndex(d.REFERENCES.index("fashion-mnist"))
    assert d.metric_boxes["is"].isEnabled() and d.floor.isEnabled()
    d.metric_boxes["is"].setChecked(True)
    assert "is" in d.options()["metrics"] and d.options()["against"] == "fashion-mnist"


def test_no_metric_no_evaluation(qtbot, dialog):
    d = dialog
    choose(d, (), 8, ".")
    assert not d.evaluate_btn.isEnabled() and not d.start()
    assert "at least one metric" in d.status.text()
    d.metric_boxes["fid"].setChecked(True)
    assert d.evaluate_btn.isEnabled()


def test_the_file_menu_opens_the_dialog_for_the_explorers_model(qtbot, main_window, tmp_path):
    w = main_window
    assert not w.evaluate_action.isEnabled()
    path = save(tmp_path / "menu.pt", style_generator())
    w.open_path(str(path), remember=False)
    qtbot.waitUntil(lambda: w.evaluate_action.isEnabled(), timeout=20000)
    w.evaluate_action.trigger()
    d = w._evaluate
    assert d.isVisible() and "menu.pt" in d.model_label.text() and d.metric_boxes["ppl"].isEnabled()


def test_the_options_last_used_come_back_and_damaged_ones_are_not_taken(qtbot, dialog, tmp_path):
    from ganstudio.ui.explorer import files
    from ganstudio.ui.explorer.eval_dialog import SETTINGS_KEY
    d = dialog
    folder = folder_of(tmp_path, 10)
    choose(d, ("kid", "pr"), 1234, folder)
    d.seed.setValue(7)
    d.psi.setValue(0.7)
    d.ema.setChecked(False)
    d.close()
    again = EvalDialog(d.explorer)
    qtbot.addWidget(again)
    assert again.chosen_metrics() == ["kid", "pr"] and again.samples.value() == 1234
    assert again.seed.value() == 7 and again.psi.value() == pytest.approx(0.7) and not again.ema.isChecked()
    assert again.against() == str(folder)
    # a hand-edited settings file: nonsense numbers keep their defaults, a folder that is gone
    # falls back to "as trained"
    files.settings().setValue(SETTINGS_KEY, {"metrics": "fid", "samples": "nan", "seed": -3, "psi": "1e9",
                                             "ppl_pairs": 2.5, "reference": "folder",
                                             "reference_path": str(tmp_path / "gone")})
    third = EvalDialog(d.explorer)
    qtbot.addWidget(third)
    assert third.chosen_metrics() == ["fid"] and third.samples.value() == 5000 and third.seed.value() == 0
    assert third.psi.value() == 1.0 and third.ppl_pairs.value() == 1000 and third.against() == "auto"
