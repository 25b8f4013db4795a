"""The command line in the user's language (LC_ALL / LC_MESSAGES / LANG, as ``ganstudio.i18n``
reads them), without Qt.

Our own help and error texts call ``translate("Context", "text")`` where they are written.
argparse's own words ("usage:", "options", "the following arguments are required: ...") come
from its gettext lookups: :func:`install` answers them from the same ``cli`` translation, and
wraps help text by its width on a terminal (a kanji takes two columns; Japanese has no spaces
to break at).
"""
from __future__ import annotations

import argparse
import re
import unicodedata

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


_TOKEN = re.compile(r"\s+|[\x21-\x7e]+|.", re.S)   # spaces, a run of ASCII, one other character
_NO_LINE_START = set("、。，．・：；）」』】〕！？ーぁぃぅぇぉっゃゅょァィゥェォッャュョ)")
_NO_LINE_END = set("(（「『【〔")


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines at most ``width`` columns wide, broken between words or between any
    two Japanese characters; 、。 and small kana never start a line (the character before them
    moves down with them); a word longer than ``width`` keeps a line of its own."""
    lines: list[list[str]] = [[]]
    for token in _TOKEN.findall(" ".join(text.split())):
        line = lines[-1]
        if token.isspace():
            if line:
                line.append(" ")
            continue
        if line and display_width("".join(line) + token) > width:
            carried: list[str] = []
            while token[0] in _NO_LINE_START and len(line) > 1 and (
                    not carried or carried[0][0] in _NO_LINE_START):
                carried.insert(0, line.pop())
            if len(line) > 1 and line[-1][-1] in _NO_LINE_END:
                carried.insert(0, line.pop())
            while line and line[-1] == " ":
                line.pop()
            lines.append(carried)
        lines[-1].append(token)
    return [s for s in ("".join(line).rstrip() for line in lines) if s]


def _split_lines(self, text, width):
    return wrap(text, width)


def _fill_text(self, text, width, indent):
    return "\n".join(indent + line for line in wrap(text, width - len(indent)))


_ARGPARSE_OWN = (argparse._, argparse.HelpFormatter._split_lines, argparse.HelpFormatter._fill_text)


def install() -> None:
    """Let argparse speak the current language (argparse's own behaviour in English)."""
    if language() != SOURCE_LANGUAGE:
        argparse._ = _argparse_text
        argparse.HelpFormatter._split_lines = _split_lines
        argparse.HelpFormatter._fill_text = _fill_text
    else:
        argparse._, argparse.HelpFormatter._split_lines, argparse.HelpFormatter._fill_text = _ARGPARSE_OWN


def error_line(prog: str, message: str) -> str:
    """``prog: error: message``, the one line every usage error is."""
    return translate("cli", "{0}: error: {1}").format(prog, message)
