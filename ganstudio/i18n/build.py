"""Refresh the translation sources and compile them: ``make translations``, or

    python -m ganstudio.i18n.build                 # every domain: lupdate, then lrelease
    python -m ganstudio.i18n.build app cli         # only these domains
    python -m ganstudio.i18n.build --release       # lrelease only (after editing a .ts)
    python -m ganstudio.i18n.build --list          # which source files feed which domain

lupdate (Qt's) collects every ``tr("...")``, ``translate("Context", "...")`` and
``QT_TRANSLATE_NOOP("Context", "...")`` of a domain's files into ``<domain>_ja.ts``: new strings
arrive as unfinished, strings gone from the code are dropped.  Translate the unfinished ones
(Qt Linguist: ``.venv/bin/pyside6-linguist ganstudio/i18n/app_ja.ts``, or any editor: fill the
``<translation>`` and remove ``type="unfinished"``), then release.  lrelease writes the ``.qm``
the GUI loads; tests/test_i18n.py fails when a ``.qm`` is behind its ``.ts`` or a string is
missing or unfinished.
"""
from __future__ import annotations

import argparse
import fnmatch
import subprocess
import sys
from pathlib import Path

from . import I18N_DIR

PACKAGE = I18N_DIR.parent
ROOT = PACKAGE.parent
TARGET_LANGUAGES = ("ja",)

# Which code feeds which domain: the first rule a file matches wins (paths relative to the
# repository root).  Qt-free text (what the command line prints, the recipe checks' messages
# that the form shows too) is in "cli", ganstudio/core's messages (shown by the Explorer and the
# command line alike) in "core"; ganstudio.i18n.translate reads both at run time.
DOMAINS: dict[str, tuple[str, ...]] = {
    "lessons": ("ganstudio/ui/training/lesson*.py", "ganstudio/ui/training/lessons/*.py",
                "ganstudio/ui/training/lessons/*/*.py", "ganstudio/ui/lessons/*.py",
                "ganstudio/ui/lessons/*/*.py"),
    "explorer": ("ganstudio/ui/explorer/*.py", "ganstudio/ui/explorer/*/*.py",
                 "ganstudio/ui/render_worker.py"),
    "cli": ("ganstudio/cli/*.py", "ganstudio/errors.py", "ganstudio/text.py",
            "ganstudio/train/evaluate.py", "ganstudio/core/config.py", "ganstudio/train/threads.py",
            "ganstudio/train/recipe.py", "ganstudio/train/state.py",
            "ganstudio/train/steps.py", "ganstudio/train/inception_eval.py"),
    "core": ("ganstudio/core/*.py", "ganstudio/core/*/*.py"),
    "app": ("ganstudio/ui/*.py", "ganstudio/ui/*/*.py"),
}


def domain_of(relative: str) -> str | None:
    for domain, patterns in DOMAINS.items():
        if any(fnmatch.fnmatchcase(relative, p) for p in patterns):
            return domain
    return None


def sources(domain: str) -> list[Path]:
    """The Python files whose strings belong to ``domain``, sorted."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if domain_of(rel) == domain:
            out.append(path)
    return out


def generated_sources(domain: str) -> str:
    """Python text that marks strings lupdate cannot see in the code of ``domain``.

    The recipe form is built from the recipe dataclasses (Qt-free, in core and train): their
    field labels, help texts and choices, and the objectives' names, are read from the
    dataclasses themselves (the one source of truth) and marked here for the ``app`` domain,
    in the contexts ``form_fields`` translates them with; so are the titles of the recipes in
    ``training/`` that the Preset box lists."""
    if domain != "app":
        return ""
    import dataclasses
    from ganstudio.ui.training import form_fields, recipe_form
    classes = [recipe_form.DataConfig, *recipe_form.FAMILY_CONFIGS.values(),
               recipe_form.ObjectiveConfig, recipe_form.OptimConfig, recipe_form.TrainConfig]
    marks = []
    for cls in classes:
        for f in dataclasses.fields(cls):
            if not f.init:
                continue
            marks.append(("RecipeField", form_fields.english_label(f.name)))
            if f.metadata.get("help"):
                marks.append(("RecipeHelp", f.metadata["help"]))
            for c in f.metadata.get("choices") or ():
                marks.append(("RecipeChoice", str(c)))
    marks += [("RecipeChoice", o.label) for o in recipe_form.OBJECTIVES.values()]
    import tomllib
    for path in sorted((ROOT / "training").glob("*.toml")):   # the presets' titles
        title = tomllib.loads(path.read_text(encoding="utf-8")).get("title")
        if title:
            marks.append(("Recipe", title))
    unique = dict.fromkeys(marks)
    return "".join(f"QT_TRANSLATE_NOOP({ctx!r}, {text!r})\n" for ctx, text in unique)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this interpreter (the venv's)."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    return str(here) if here.exists() else f"pyside6-{name}"


def lupdate(domain: str, lang: str, ts: Path | None = None) -> subprocess.CompletedProcess:
    """Refresh ``ts`` (default: the domain's committed .ts) from the domain's code."""
    import tempfile
    ts = ts or I18N_DIR / f"{domain}_{lang}.ts"
    with tempfile.TemporaryDirectory() as tmp:
        files = list(map(str, sources(domain)))
        extra = generated_sources(domain)
        if extra:
            files.append(str(Path(tmp) / f"{domain}_generated.py"))
            Path(files[-1]).write_text(extra, encoding="utf-8")
        cmd = [tool("lupdate"), *files, "-ts", str(ts), "-no-obsolete", "-locations", "none",
               "-source-language", "en", "-target-language", lang, "-silent"]
        return subprocess.run(cmd, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path | None = None) -> subprocess.CompletedProcess:
    qm = qm or ts.with_suffix(".qm")
    return subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm), "-silent"],
                          check=True, capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ganstudio.i18n.build",
                                description="Refresh (lupdate) and compile (lrelease) the translations.")
    p.add_argument("domains", nargs="*", help=f"domains to build (default: all of {', '.join(DOMAINS)})")
    p.add_argument("--release", action="store_true", help="only compile the .ts files into .qm")
    p.add_argument("--list", action="store_true", help="print which files feed each domain")
    args = p.parse_args(argv)
    unknown = [d for d in args.domains if d not in DOMAINS]
    if unknown:
        p.error(f"unknown domain {unknown[0]!r}: expected one of {', '.join(DOMAINS)}")
    domains = args.domains or list(DOMAINS)
    for domain in domains:
        if args.list:
            print(f"{domain}:")
            for path in sources(domain):
                print(f"  {path.relative_to(ROOT)}")
            continue
        for lang in TARGET_LANGUAGES:
            ts = I18N_DIR / f"{domain}_{lang}.ts"
            if not args.release:
                lupdate(domain, lang, ts)
            lrelease(ts)
            from . import read_ts
            done = len(read_ts(ts))
            total = ts.read_text(encoding="utf-8").count("<message")
            print(f"{ts.relative_to(ROOT)}: {done} of {total} strings translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
