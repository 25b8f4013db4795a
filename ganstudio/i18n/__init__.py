"""Translations: the Qt source files (``<domain>_<lang>.ts``) and their compiled ``.qm``.

One source file per domain, each with its owner's strings (``python -m ganstudio.i18n.build``
lists which code goes where): ``app`` (the shell and the Training panel), ``explorer``,
``lessons``, ``cli`` (the command line, ``errors.py`` and ``text.py``: what runs without Qt) and
``core`` (``ganstudio/core``'s messages: checkpoint errors, a projection target's notes, the
export report; the Explorer and the command line show them alike).

The GUI installs a QTranslator per ``.qm`` (``ganstudio/ui/i18n.py``).  Code that must not
import Qt (the command line, whose start-up stays fast, the messages ``text.py`` and
``errors.py`` build, and ``ganstudio/core``) translates through :func:`translate` here, which
reads the ``cli`` and ``core`` domains' ``.ts`` itself (a small XML reader; the ``.ts`` is the one source of truth, the ``.qm`` only
Qt's compiled copy of it).  lupdate finds those calls as it finds Qt's: ``translate("Context",
"text")``.
"""
from __future__ import annotations

import os
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "ja")              # what View > Language offers
TEXT_DOMAIN = "cli"                   # the command line's domain, read without Qt
CORE_DOMAIN = "core"                  # ganstudio/core's messages, read without Qt too
QT_FREE_DOMAINS = (TEXT_DOMAIN, CORE_DOMAIN)

_language: str | None = None          # None: from the environment (LC_ALL, LC_MESSAGES, LANG)
_catalogs: dict[str, dict[tuple[str, str], str]] = {}


def ts_path(domain: str, lang: str) -> Path:
    return I18N_DIR / f"{domain}_{lang}.ts"


def qm_path(domain: str, lang: str) -> Path:
    return I18N_DIR / f"{domain}_{lang}.qm"


def environment_language(environ=None) -> str:
    """The language the POSIX locale variables ask for (the first set of LC_ALL, LC_MESSAGES,
    LANG), reduced to one of LANGUAGES; English otherwise."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            code = value.split(".")[0].split("_")[0].split("@")[0].lower()
            return code if code in LANGUAGES else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def set_language(lang: str | None) -> None:
    """Use ``lang`` for :func:`translate` (the GUI sets its own choice); None: the environment."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    global _language
    _language = lang


def language() -> str:
    return _language if _language is not None else environment_language()


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """The finished translations of a Qt .ts file: {(context, source): translation}.

    Unfinished, vanished and obsolete messages are left out (the source text is shown), as
    lrelease leaves them out of the .qm.  A numerus message keeps its first form (Japanese has
    one)."""
    from xml.etree import ElementTree   # here: an English command line never needs it
    out: dict[tuple[str, str], str] = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            if source is None or tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = tr.findall("numerusform")
            text = forms[0].text if forms else tr.text
            if text:
                out[(name, source)] = text
    return out


def catalog(lang: str, domain: str = TEXT_DOMAIN) -> dict[tuple[str, str], str]:
    key = f"{domain}_{lang}"
    if key not in _catalogs:
        path = ts_path(domain, lang)
        _catalogs[key] = read_ts(path) if path.is_file() else {}
    return _catalogs[key]


def translate(context: str, text: str, domain: str | None = None) -> str:
    """``text`` in the current language (``text`` itself when English or untranslated).

    Like Qt's ``QCoreApplication.translate``: the context and text must be string literals at
    the call, so lupdate can collect them; format afterwards (``.format(...)``).  The Qt-free
    domains (``cli``, then ``core``: each module has its own context) are searched unless
    ``domain`` names the one to read (e.g. the recipes' titles, which the ``app`` domain
    holds)."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return text
    for name in (domain,) if domain else QT_FREE_DOMAINS:
        found = catalog(lang, name).get((context, text))
        if found is not None:
            return found
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a module-level constant for lupdate without translating it (translate at use)."""
    return text


def sentences(*parts: str) -> str:
    """Translated sentences made into one text: a space between them, except after a sentence
    that ends in a full-width character ("。" of Japanese, which puts no space between
    sentences).  Empty parts are left out."""
    import unicodedata
    text = ""
    for part in parts:
        if not part:
            continue
        if text and unicodedata.east_asian_width(text[-1]) not in "WF":
            text += " "
        text += part
    return text
