"""The Explorer in Japanese (issue 19 §1): with the Japanese translators installed, the panel a
user opens shows its tabs, sections, tables, captions, status lines and dialogs in Japanese, in
the course's own words; and every translation in explorer_ja.ts keeps its source's placeholders
and markup, so a number or a name is never lost in Japanese."""
from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

pytest.importorskip("pytestqt")

from explorer_models import style_generator  # noqa: E402
from ganstudio import i18n  # noqa: E402

TIMEOUT = 30_000


@pytest.fixture
def japanese(qapp):
    from ganstudio.ui import i18n as ui_i18n
    before = ui_i18n.current_language()
    ui_i18n.install(qapp, "ja")
    yield qapp
    ui_i18n.install(qapp, before)


@pytest.fixture
def panel_ja(japanese, qtbot):
    """An Explorer built in Japanese with a small StyleGAN open and its first image shown."""
    from ganstudio.ui.explorer.panel import ExplorerPanel
    p = ExplorerPanel()
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    said = []
    p.status_message.connect(said.append)
    with qtbot.waitSignal(p.first_image_shown, timeout=TIMEOUT):
        p.open_generator(style_generator(), {"family": "stylegan", "resolution": 16})
    p.said = said
    yield p
    p.shutdown()


def tab_texts(tabs) -> list[str]:
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_the_explorer_opens_in_japanese(panel_ja, qtbot):
    p = panel_ja
    tabs = tab_texts(p.tabs)
    assert tabs[:5] == ["潜在ベクトル", "スタイル混合", "ノイズ", "アニメーション", "モデル"], tabs
    assert any("を開きました" in s for s in p.said), p.said        # "Opened …" on the status bar
    from PySide6.QtWidgets import QGroupBox
    titles = {b.title() for b in p.findChildren(QGroupBox)}
    assert "切り捨て (トランケーション)" in titles and "潜在ベクトル A" in titles, titles
    assert "ノイズ入力" in titles and "混合グリッド" in titles, titles
    assert p.play_btn.text() == "▶ 再生"
    # the Model tab's form: labels and values in Japanese, numbers as they are
    form = p.model_info.form
    labels = [form.itemAt(i, form.ItemRole.LabelRole).widget().text() for i in range(form.rowCount())]
    assert "<b>種類</b>" in labels and "<b>w の次元数</b>" in labels, labels


def test_the_mixing_table_captions_and_strip_title_are_japanese(panel_ja, qtbot):
    p, st = panel_ja, panel_ja.state
    mixing = p.tabs.widget(1).widget()
    headers = [mixing.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["解像度", "w+ の行", "スタイルの出どころ"], headers
    st.set_mix_source(st.model.block_resolutions[-1], 1)              # fine styles from B
    qtbot.waitUntil(lambda: "混合" in p.view._caption, timeout=TIMEOUT)
    assert p.view._caption.startswith("A: シード ") and " ms" in p.view._caption   # the unit stays
    qtbot.waitUntil(lambda: p.layout_.strip_title.text().startswith("ギャラリー: ランダムなシード 16 個"),
                    timeout=TIMEOUT)


def test_messages_and_the_export_dialog_speak_japanese(panel_ja, qtbot, monkeypatch):
    from ganstudio.ui.explorer.export_dialog import ExportDialog
    from ganstudio.ui.explorer.render_progress import activity_text
    from ganstudio.ui.explorer.task_progress import time_left_text
    p = panel_ja
    assert activity_text("strip", 4, 16, "gallery") == "ギャラリー 5 / 16"
    assert time_left_text(185) == "残り約 3 分 05 秒"
    p.state.set_truncation(psi=0.7)
    shown = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    p.export_dialog("grid")
    dlg = shown[-1]
    assert dlg.windowTitle() == "書き出し"
    text = dlg.summary.text()
    assert "を書き出します" in text and "ψ 0.70、ノイズ: 固定" in text, text
    assert "grid.png" in text and " px" in text                        # names and units unchanged
    dlg.deleteLater()
    with pytest.raises(ValueError, match="クラス 3 はありません"):
        p.state.set_class(3)


def test_english_comes_back_without_the_translators(explorer_panel):
    assert tab_texts(explorer_panel.tabs)[:2] == ["Latent", "Mixing"]


def _tokens(text: str) -> tuple[list[str], list[str]]:
    return sorted(re.findall(r"\{[^{}]*\}", text)), sorted(re.findall(r"</?\w+>", text))


def test_every_explorer_translation_keeps_its_placeholders_and_markup():
    root = ElementTree.parse(i18n.ts_path("explorer", "ja")).getroot()
    broken = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            source, tr = message.findtext("source"), message.find("translation")
            if tr is None or tr.get("type") or not tr.text:
                continue
            if _tokens(source) != _tokens(tr.text):
                broken.append(f"{context.findtext('name')}: {source!r} -> {tr.text!r}")
            if source.count("(*") != tr.text.count("(*"):             # file-dialog filters
                broken.append(f"{context.findtext('name')}: {source!r} -> {tr.text!r} (filter)")
    assert not broken, "\n".join(broken)


def test_every_explorer_string_is_collected_with_its_context(tmp_path):
    """lupdate reads tr() inside a class and translate("Context", ...) anywhere; a tr() outside a
    class, or an alias such as ``tr = QCoreApplication.translate``, lands in an unnamed context
    (or takes the context for the text) and is never translated at run time."""
    from ganstudio.i18n import build
    ts = tmp_path / "explorer_ja.ts"
    build.lupdate("explorer", "ja", ts)
    root = ElementTree.parse(ts).getroot()
    stray = [m.findtext("source") for c in root.iter("context") if not c.findtext("name")
             for m in c.iter("message")]
    assert not stray, f"strings lupdate found outside any context: {stray[:10]}"


def test_explorer_strings_are_marked_the_way_lupdate_reads_them():
    """lupdate collects self.tr("text"), translate("Context", "text") and QT_TRANSLATE_NOOP(
    "Context", "text") with literal arguments only: a context held in a variable, or a helper
    such as _tr("text"), leaves the string out of the .ts and English on screen."""
    import ast
    from pathlib import Path
    import ganstudio.ui.explorer as explorer
    bad = []
    for path in sorted(Path(explorer.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
            where = f"{path.name}:{node.lineno}"
            if name in ("translate", "QT_TRANSLATE_NOOP") and literal[:2] == [False, True]:
                bad.append(f"{where} {name} with a context that is not a literal")
            if isinstance(node.func, ast.Name) and name != "tr" and name.endswith("tr") and literal[:1] == [True]:
                bad.append(f"{where} {name}(\"...\") is not read by lupdate")
    assert not bad, "\n".join(bad)
