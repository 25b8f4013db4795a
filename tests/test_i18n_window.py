"""In Japanese, no visible text of the main window is left in English: both panels (with a
model open in the Explorer and the first lesson in the Training panel), the menus and their
actions, tooltips, plots and the help dialogs.  One test per domain, so each failure names the
strings its owner has to translate (tests/i18n_walk.py says how a text is judged)."""
import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox

from ganstudio import i18n as text_i18n
from ganstudio.ui import i18n
from ganstudio.ui.app import ensure_app
from ganstudio.ui.training.settings import app_settings

from i18n_walk import english_words, untranslated

TIMEOUT = 60000


@pytest.fixture
def japanese(qapp):
    app = ensure_app()
    before = i18n.current_language()
    i18n.install(app, "ja")
    yield app
    i18n.install(app, before)


@pytest.fixture(scope="module")
def findings(qapp):
    """Build the window once in Japanese and walk it (a module fixture: it costs seconds)."""
    from ganstudio import resources
    from ganstudio.ui.main_window import MainWindow
    from ganstudio.ui.training.guide import GuideDialog, ShortcutsDialog
    from pytestqt.qtbot import QtBot
    app = ensure_app()
    before = i18n.current_language()
    i18n.install(app, "ja")
    try:
        qtbot = QtBot(None)
        w = MainWindow()
        w.show()
        w.training_panel()   # built now, with the first lesson loaded
        model = resources.default_model()
        if model is not None:
            w.open_path(str(model), remember=False)
            qtbot.waitUntil(lambda: getattr(w.explorer, "source", None) is not None, timeout=TIMEOUT)
        w.recent_menu.aboutToShow.emit()
        w.shipped_menu.aboutToShow.emit()
        w.training_panel().activity_changed.emit("")
        dialogs = [GuideDialog(w), ShortcutsDialog(w.findChildren(type(w.language_actions["ja"])), w)]
        from ganstudio.ui.explorer.export_dialog import ExportDialog    # the Explorer's, cheap to build
        from ganstudio.ui.explorer.studies import StudyDialog
        from ganstudio.ui.explorer.eval_dialog import EvalDialog
        dialogs += [ExportDialog(w), StudyDialog(w.explorer, w), EvalDialog(w.explorer, w)]
        found = untranslated([w, *dialogs])
        for d in dialogs:
            d.deleteLater()
        found += _after_a_short_2d_run(w, qtbot)
        w.training_panel().shutdown()
        w._close_approved = True
        w.close()
        w.deleteLater()
    finally:
        i18n.install(app, before)
    yield found


def _after_a_short_2d_run(w, qtbot):
    """Walk the Training panel again once a short 2-D toy run has finished: the progress, the
    teaching view, the live lesson-free texts and the status line say things only a run shows."""
    from ganstudio import resources
    t = w.training_panel()
    assert t.load_recipe_file(resources.recipes_dir() / "toy_ring8.toml")
    steps = t.form.train.editors["steps"].widget
    steps.setText("60")
    steps.textEdited.emit("60")
    assert t.start()
    qtbot.waitUntil(lambda: t.state == "finished", timeout=TIMEOUT)
    t.refresh_now()
    found = untranslated([w])
    status = w.statusBar().currentMessage()
    if status:
        from i18n_walk import Finding, english_words
        if english_words(status):
            found.append(Finding(status, "MainWindow/QStatusBar message", "app"))
    return found


@pytest.mark.parametrize("owner", ["app", "explorer", "lessons", "cli"])
def test_no_visible_text_is_left_in_english(findings, owner):
    mine = [f for f in findings if f.owner == owner]
    assert not mine, (f"{len(mine)} visible texts of the {owner} domain are still English in "
                      f"Japanese (wrap them in tr(), `make translations`, translate in "
                      f"ganstudio/i18n/{owner}_ja.ts):\n  " + "\n  ".join(map(str, mine[:60])))


def test_the_english_detector_tells_english_from_japanese_with_names():
    assert english_words("Start training") == ["Start", "training"]
    assert english_words("訓練を開始") == []
    assert english_words("StyleGAN の生成器 (optim.lr_g = 2e-4, 28x28 px, model.pt)") == []
    assert english_words("学習率 [optim.lr_d]、Ctrl+Enter で開始") == []
    assert english_words("<b>D</b> の損失 recipe") == ["recipe"]


def test_installing_japanese_translates_ours_and_qts_and_formats_numbers(japanese):
    assert QCoreApplication.translate("MainWindow", "&File") == "ファイル(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"   # Qt's own
    assert QLocale().language() == QLocale.Japanese
    assert QLocale().toString(1234.5, "f", 1) == "1,234.5"
    assert text_i18n.language() == "ja"


def test_a_japanese_font_is_in_the_application_font(japanese):
    families = i18n.script_families("ja")
    if not families:
        pytest.skip("no Japanese font installed (make system-packages installs fonts-ipaexfont-gothic)")
    font = i18n.apply_font(japanese.font(), "ja")
    assert families[0] in font.families()
    assert font.families()[0] not in families      # Latin text keeps its face


def test_view_language_is_remembered_and_announced_in_the_chosen_language(main_window, monkeypatch):
    shown = {}

    def fake_exec(box):
        shown["text"] = box.text()
        shown["buttons"] = [b.text() for b in box.buttons()]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    main_window.language_menu.aboutToShow.emit()
    assert [a.text() for a in main_window.language_menu.actions()] == ["English", "日本語"]
    main_window.language_actions["ja"].trigger()
    assert app_settings().value(i18n.SETTINGS_KEY) == "ja"
    assert i18n.chosen_language() == "ja"
    assert main_window.language_actions["ja"].isChecked()
    assert shown["text"] == "次回の起動から GAN Studio はこの言語で表示されます。"
    assert "今すぐ再起動" in shown["buttons"]
    assert main_window.isVisible()      # "later": nothing restarted
    main_window.language_actions["en"].trigger()
    assert i18n.chosen_language() == "en"


def test_without_a_choice_the_system_locale_decides(tmp_path):
    import os
    import subprocess
    import sys
    code = "from ganstudio.ui.i18n import chosen_language\nprint(chosen_language())"
    for lang, expected in (("ja_JP.UTF-8", "ja"), ("C.UTF-8", "en")):
        env = dict(os.environ, LANG=lang, LC_ALL=lang, GANSTUDIO_SETTINGS_DIR=str(tmp_path))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env=env, timeout=120)
        assert out.stdout.strip() == expected, out.stderr


def test_numbers_and_units_read_the_same_in_japanese(japanese, qtbot):
    from ganstudio.ui.training.controls import TrainingControls
    c = TrainingControls()
    qtbot.addWidget(c)
    c.set_state("running")
    c.set_progress(1200, 3000, steps_per_s=41.5, images_per_s=13239.4, threads=2)
    assert c.progress.format() == "ステップ 1,200 / 3,000"
    rate = c.rate_label.text()
    assert "13,239 枚/秒" in rate and "41.5 ステップ/秒" in rate and "CPU 2 スレッド" in rate
    assert "残り 00:43" in rate                      # (3000 - 1200) / 41.5 s
    assert c.state_label.text() == "訓練中"


def test_restart_now_closes_and_starts_the_app_again(main_window, monkeypatch, qtbot):
    import sys
    import ganstudio.ui.main_window as mw
    started = []

    class FakeProcess:
        @staticmethod
        def startDetached(program, args):   # noqa: N802 - Qt API
            started.append((program, args))
            return True

    def click_restart(box):
        next(b for b in box.buttons() if b.text() == "今すぐ再起動").click()
        return 0

    monkeypatch.setattr(mw, "QProcess", FakeProcess)
    monkeypatch.setattr(QMessageBox, "exec", click_restart)
    main_window.language_actions["ja"].trigger()
    qtbot.waitUntil(lambda: not main_window.isVisible(), timeout=10000)
    assert started == [(sys.executable, ["-m", "ganstudio"])]


def test_a_bad_value_in_the_recipe_form_is_explained_in_japanese(japanese, qtbot):
    from ganstudio.ui.training.recipe_form import RecipeForm
    form = RecipeForm()
    qtbot.addWidget(form)
    steps = form.train.editors["steps"].widget
    steps.setText("-5")
    steps.textEdited.emit("-5")
    assert form.recipe() is None
    assert "train.steps: 0 より大きくしてください (指定値: -5)" in form.error_label.text()
    assert "0 より大きくしてください" in steps.toolTip()
    assert form.train.form.labelForField(form.train.rows["steps"]).text() == "ステップ数"


def test_file_open_offers_its_file_kinds_in_japanese(japanese, main_window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    offered = []

    def choose_nothing(parent, caption, folder, filters):
        offered.append(filters)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose_nothing))
    main_window.open_dialog()
    assert offered and "モデル (*.pt *.pkl)" in offered[0] and "Models" not in offered[0]
