"""The GUI's language: which one (remembered, else the system locale), its translators, its
number format and a font that has its script.

View > Language switches between English and 日本語.  The choice is remembered and applies
from the next start (every panel builds its text once, so a live switch would need each widget
to rebuild its strings); the dialog offers to restart at once.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from ganstudio import i18n
from ganstudio.ui.training.settings import app_settings

SETTINGS_KEY = "ui/language"
NAMES = {"en": "English", "ja": "日本語"}       # each in its own language: never translated
QT_CATALOGUES = ("qtbase",)                     # Qt's own dialogs and buttons
# Families with Japanese glyphs, in order of preference; the Debian package the Makefile
# installs (fonts-ipaexfont-gothic) gives the first.
JAPANESE_FAMILIES = ("IPAexGothic", "IPAGothic", "Noto Sans CJK JP", "VL Gothic", "TakaoGothic",
                     "Source Han Sans JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo")

_installed: list[QTranslator] = []
_current = i18n.SOURCE_LANGUAGE


def system_language() -> str:
    return "ja" if QLocale.system().language() == QLocale.Japanese else i18n.SOURCE_LANGUAGE


def saved_language() -> str | None:
    value = app_settings().value(SETTINGS_KEY)
    return value if value in i18n.LANGUAGES else None


def chosen_language() -> str:
    """The remembered choice, else the system locale's language (when translated)."""
    return saved_language() or system_language()


def remember_language(lang: str) -> None:
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    s = app_settings()
    s.setValue(SETTINGS_KEY, lang)
    s.sync()


def current_language() -> str:
    return _current


def translation_files(lang: str) -> list[str]:
    """The .qm files for ``lang``: ours (one per domain) and Qt's own."""
    if lang == i18n.SOURCE_LANGUAGE:
        return []
    ours = sorted(str(p) for p in i18n.I18N_DIR.glob(f"*_{lang}.qm"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    theirs = [f"{qt_dir}/{name}_{lang}.qm" for name in QT_CATALOGUES]
    return ours + theirs


def install(app: QCoreApplication, lang: str | None = None) -> str:
    """Make ``lang`` (default: :func:`chosen_language`) the application's language: replaces
    the translators installed before, sets the default QLocale (spin boxes, Qt's number
    formatting) and the Qt-free text's language; returns the language."""
    global _current
    lang = lang or chosen_language()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    for path in translation_files(lang):
        t = QTranslator(app)
        if t.load(path):
            app.installTranslator(t)
            _installed.append(t)
    QLocale.setDefault(QLocale(QLocale.Japanese, QLocale.Japan) if lang == "ja" else QLocale.system())
    i18n.set_language(lang)
    _current = lang
    return lang


def script_families(lang: str) -> list[str]:
    """Installed font families that render ``lang``'s script (empty when any font does): the
    preferred ones, else whatever the font database says writes Japanese."""
    if lang != "ja":
        return []
    installed = set(QFontDatabase.families())
    preferred = [f for f in JAPANESE_FAMILIES if f in installed]
    if preferred:
        return preferred
    found = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)[:1]
    if not found:
        print("GAN Studio: no Japanese font is installed; Japanese text shows as boxes "
              "(Debian: apt-get install fonts-ipaexfont-gothic)", file=sys.stderr)
    return found


def apply_font(font: QFont, lang: str) -> QFont:
    """``font`` with ``lang``'s families after its own (Latin text keeps its face; kana and
    kanji come from a Japanese font rather than whatever fontconfig falls back to)."""
    extra = script_families(lang)
    if extra:
        families = [f for f in (font.families() or [font.family()]) if f not in extra]
        font.setFamilies(families + extra)
    return font


def message_in(lang: str, context: str, text: str) -> str:
    """``text`` translated into ``lang`` whatever language is installed (for the message that
    announces a switch in the language switched to)."""
    if lang == i18n.SOURCE_LANGUAGE:
        return text
    t = QTranslator()
    if not t.load(str(i18n.qm_path("app", lang))):
        return text
    return t.translate(context, text) or text
