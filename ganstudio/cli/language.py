"""The command line in the user's language (LC_ALL / LC_MESSAGES / LANG, as ``ganstudio.i18n``
reads them), without Qt.

Our own help and error texts call ``translate("Context", "text")`` where they are written.
argparse's own words ("usage:", "options", "the following arguments are required: ...") come
from its gettext lookups: :func:`install` answers them from the same ``cli`` translation.
"""
from __future__ import annotations

import argparse

from ..i18n import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, language, translate

# argparse's texts that a user of ours can meet (the rest are programming errors).
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def _argparse_text(text: str) -> str:
    return translate("argparse", text)


def install() -> None:
    """Let argparse speak the current language (nothing changes in English)."""
    if language() != SOURCE_LANGUAGE:
        argparse._ = _argparse_text


def error_line(prog: str, message: str) -> str:
    """``prog: error: message``, the one line every usage error is."""
    return translate("cli", "{0}: error: {1}").format(prog, message)
