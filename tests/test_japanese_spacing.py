"""Japanese puts no space between sentences: "。 " before more Japanese looked like a typo in
the Transform tab's note, which joined its translated sentences with a space."""
from __future__ import annotations

import re

import pytest

from ganstudio import i18n
from ganstudio.i18n import sentences

SPACE_AFTER_STOP = re.compile(r"[。！？][ \u3000](?=[^\x00-\x7f])")


def test_sentences_put_a_space_only_after_a_sentence_that_is_not_japanese():
    assert sentences("One.", "Two.") == "One. Two."
    assert sentences("一つ。", "二つ。") == "一つ。二つ。"
    assert sentences("一つ。", "Open it.") == "一つ。Open it."
    assert sentences("", "Two.", "") == "Two."
    assert sentences("Error: x", "二つ。") == "Error: x 二つ。"


@pytest.mark.parametrize("domain", ["app", "explorer", "lessons", "cli", "core"])
def test_no_japanese_translation_has_a_space_after_a_full_stop(domain):
    bad = [t for t in i18n.read_ts(i18n.ts_path(domain, "ja")).values() if SPACE_AFTER_STOP.search(t or "")]
    assert not bad, bad


@pytest.mark.parametrize("style", [True, False])
def test_the_transform_tabs_note_in_japanese_has_no_space_between_sentences(qapp, style):
    from ganstudio.ui import i18n as ui_i18n
    from ganstudio.ui.explorer.transform import unavailable_text
    before = ui_i18n.current_language()
    ui_i18n.install(qapp, "ja")
    try:
        text = unavailable_text("StyleGAN2", style)
    finally:
        ui_i18n.install(qapp, before)
    assert "。" in text and "StyleGAN3" in text        # translated, every sentence there
    assert not SPACE_AFTER_STOP.search(text), text
    assert unavailable_text("StyleGAN2", style).count(". ") >= 2     # English keeps its spaces
