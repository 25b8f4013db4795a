"""The translations: every string in the code is collected and translated, every .qm is current,
the language is chosen, installed and remembered, and the command line speaks it without Qt."""
import os
import shutil
import subprocess
import sys

import pytest

from ganstudio import i18n
from ganstudio.i18n import build

LANG = "ja"


def _ts_files():
    return sorted(i18n.I18N_DIR.glob("*_*.ts"))


def test_every_domain_has_a_source_and_a_compiled_translation():
    for domain in build.DOMAINS:
        assert i18n.ts_path(domain, LANG).is_file(), f"run `make translations` ({domain})"
        assert i18n.qm_path(domain, LANG).is_file(), f"run `make translations` ({domain})"


@pytest.mark.parametrize("ts", _ts_files(), ids=lambda p: p.name)
def test_each_qm_holds_every_finished_translation_of_its_ts(ts, qapp):
    """A .qm older than its .ts (someone translated and forgot lrelease) fails here."""
    from PySide6.QtCore import QTranslator
    qm = ts.with_suffix(".qm")
    t = QTranslator()
    assert t.load(str(qm)), f"{qm.name} is missing or unreadable: run `make translations`"
    stale = [f"{ctx}: {src!r}" for (ctx, src), text in i18n.read_ts(ts).items()
             if t.translate(ctx, src) != text and t.translate(ctx, src, None, 1) != text]
    assert not stale, (f"{qm.name} is behind {ts.name} for {len(stale)} strings (run "
                       f"`python -m ganstudio.i18n.build --release`):\n  " + "\n  ".join(stale[:20]))


OWNERS = {"app": "the shell and the Training panel", "explorer": "the Explorer panel",
          "lessons": "the lesson texts", "cli": "the command line",
          "core": "the core (checkpoints, projection targets, export)"}


@pytest.mark.parametrize("domain", list(build.DOMAINS))
def test_every_string_in_the_code_is_collected_and_translated(domain, tmp_path):
    """lupdate over the domain's code into a copy of its .ts: nothing new may appear (strings
    added without `make translations`) and nothing may stay unfinished (untranslated)."""
    committed = i18n.ts_path(domain, LANG)
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    build.lupdate(domain, LANG, copy)
    known = set(i18n.read_ts(committed))
    text = copy.read_text(encoding="utf-8")
    fresh = i18n.read_ts(copy)
    total = text.count("<message")
    untranslated = []
    from xml.etree import ElementTree
    for context in ElementTree.parse(copy).getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name"), message.findtext("source"))
            if key not in fresh or key not in known:
                untranslated.append(f"{key[0]}: {key[1]!r}")
    assert not untranslated, (
        f"{len(untranslated)} of {total} strings of {OWNERS[domain]} are not translated in "
        f"{committed.name} (run `make translations`, translate, release):\n  "
        + "\n  ".join(untranslated[:40]))


def test_the_ts_reader_keeps_finished_translations_only(tmp_path):
    ts = tmp_path / "x_ja.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ja_JP">'
        "<context><name>C</name>"
        "<message><source>done &amp; dusted</source><translation>完了</translation></message>"
        '<message><source>todo</source><translation type="unfinished">仮</translation></message>'
        '<message><source>gone</source><translation type="vanished">消</translation></message>'
        '<message numerus="yes"><source>%n steps</source><translation>'
        "<numerusform>%n ステップ</numerusform></translation></message>"
        "</context></TS>", encoding="utf-8")
    assert i18n.read_ts(ts) == {("C", "done & dusted"): "完了", ("C", "%n steps"): "%n ステップ"}


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LC_ALL": "ja_JP.eucJP", "LANG": "en_GB.UTF-8"}, "ja"),
    ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),            # LC_ALL wins, as in POSIX
    ({"LC_MESSAGES": "ja_JP", "LANG": "de_DE"}, "ja"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),                          # not translated: English
    ({}, "en"),
])
def test_the_command_line_language_follows_the_locale_variables(environ, expected):
    assert i18n.environment_language(environ) == expected


def test_translate_without_qt_follows_the_language(monkeypatch):
    (ctx, source), japanese = next(iter(i18n.catalog(LANG).items()))
    monkeypatch.setattr(i18n, "_language", None)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert i18n.translate(ctx, source) == japanese
    assert i18n.translate(ctx, "a string nobody translated") == "a string nobody translated"
    i18n.set_language("en")
    assert i18n.translate(ctx, source) == source
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        i18n.set_language("xx")


def _cli(capsys, monkeypatch, *args, lang="ja_JP.UTF-8"):
    """Run `ganstudio ARGS` in this process under locale ``lang``: (exit status, stdout, stderr)."""
    from ganstudio.cli import main
    monkeypatch.setattr(i18n, "_language", None)      # from the environment, as the command does
    monkeypatch.setenv("LANG", lang)
    try:
        code = main(list(args))
    except SystemExit as e:                           # --help and argparse's errors exit
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_help_and_errors_are_in_japanese_under_a_japanese_locale(
        tmp_path, capsys, monkeypatch):
    code, out, err = _cli(capsys, monkeypatch, "train", "--help")
    assert code == 0, err
    assert "レシピ" in out            # the recipe argument's help
    assert "使い方:" in out            # argparse's own words too
    code, out, err = _cli(capsys, monkeypatch, "train")
    assert code == 2 and "ganstudio train: エラー: 次の引数が必要です: recipe" in err, err
    code, out, err = _cli(capsys, monkeypatch, "train", str(tmp_path / "missing.toml"))
    assert code == 2 and "エラー: レシピ" in err and "は存在しません" in err, err
    recipe = build.ROOT / "training" / "toy_ring8.toml"      # a recipe check's message (core)
    code, out, err = _cli(capsys, monkeypatch, "train", str(recipe), "--set", "train.batch=-1",
                          "--out", str(tmp_path / "run"))
    assert code == 2 and "train.batch: 0 より大きくしてください (指定値: -1)" in err, err
    code, out, err = _cli(capsys, monkeypatch, "train", "--help", lang="C.UTF-8")
    assert "レシピ" not in out and "usage:" in out


def test_the_command_line_starts_without_qt():
    code = ("import sys\nfrom ganstudio.cli import _gui_parser, _sub_parser\n"
            "_gui_parser().format_help(); _sub_parser().format_help()\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    env = dict(os.environ, LANG="ja_JP.UTF-8")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_the_core_speaks_japanese_without_qt(tmp_path):
    """ganstudio/core's messages come from the core domain's .ts, read without Qt: a file that
    is not a checkpoint is refused in Japanese under a Japanese locale."""
    bad = tmp_path / "notes.pt"
    bad.write_text("not a checkpoint")
    code = ("import sys\nfrom ganstudio.core.checkpoint import CheckpointError, load_checkpoint\n"
            f"try:\n    load_checkpoint({str(bad)!r})\nexcept CheckpointError as e:\n    print(e)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "ja_JP.UTF-8"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    said, qt = out.stdout.strip().splitlines()
    assert said == "notes.pt は GAN Studio のチェックポイントではありません (PyTorch のアーカイブではありません)"
    assert qt == "[]"


PLACEHOLDER = __import__("re").compile(r"\{[^{}]*\}|%\(\w+\)[sdrf]|%[sdrn]|%\d")


@pytest.mark.parametrize("ts", _ts_files(), ids=lambda p: p.name)
def test_every_translation_keeps_the_numbers_and_names_of_its_source(ts):
    """A translation must format the same values the same way ({0:,}, {1:.3f}, %(value)r ...):
    a lost or changed placeholder would drop a number, or crash .format()."""
    from collections import Counter
    wrong = [f"{ctx}: {src!r} -> {text!r}" for (ctx, src), text in i18n.read_ts(ts).items()
             if Counter(PLACEHOLDER.findall(src)) != Counter(PLACEHOLDER.findall(text))]
    assert not wrong, f"{len(wrong)} translations in {ts.name} change their placeholders:\n  " + "\n  ".join(wrong[:20])


def test_the_wheel_ships_the_translations():
    import tomllib
    from pathlib import Path
    pyproject = tomllib.loads((Path(build.ROOT) / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["ganstudio.i18n"]
    assert "*.qm" in shipped and "*.ts" in shipped   # the GUI loads .qm, the command line reads .ts


def test_every_file_with_translatable_strings_feeds_a_domain():
    """A translate() / tr() / QT_TRANSLATE_NOOP in a file no domain reads would never reach a
    .ts (lupdate only sees the files ganstudio/i18n/build.py: DOMAINS lists)."""
    import re
    call = re.compile(r"""(?:\btranslate|\bQT_TRANSLATE_NOOP|\.tr)\(\s*["']""")
    orphans = []
    for path in sorted((build.PACKAGE).rglob("*.py")):
        rel = path.relative_to(build.ROOT).as_posix()
        if rel.startswith("ganstudio/i18n/"):
            continue
        if call.search(path.read_text(encoding="utf-8")) and build.domain_of(rel) is None:
            orphans.append(rel)
    assert not orphans, f"add these to a domain in ganstudio/i18n/build.py: {orphans}"


_ARGPARSE_SPLIT = __import__("argparse").HelpFormatter._split_lines


@pytest.mark.parametrize("command", ["train", "export", "eval", "project"])
def test_japanese_help_fits_the_terminal(command, capsys, monkeypatch):
    """A kanji takes two columns and Japanese has no spaces: help is wrapped by display width."""
    from ganstudio.cli.language import display_width
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = _cli(capsys, monkeypatch, command, "--help")
    assert code == 0, err
    japanese = [line for line in out.splitlines() if not line.isascii()]   # (commands stay whole)
    assert len(japanese) > 5
    wide = [line for line in japanese if display_width(line) > 80]
    assert not wide, "\n".join(wide)
    assert not any(line.lstrip().startswith(("、", "。", "ェ", ")")) for line in japanese)
    assert not any(line.rstrip().endswith("(") for line in japanese)
    _cli(capsys, monkeypatch, command, "--help", lang="C.UTF-8")   # argparse's own again
    import argparse
    assert argparse.HelpFormatter._split_lines is _ARGPARSE_SPLIT
