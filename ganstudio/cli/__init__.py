"""The `ganstudio` command: the GUI by default; `train`, `export`, `eval` and `project` subcommands.

    ganstudio [PATH]                 open the app (on a checkpoint or run directory when given)
    ganstudio train RECIPE.toml ...  train headless (also under torchrun)
    ganstudio export CHECKPOINT ...  grids, interpolations, style-mix grids, sweeps, samples
    ganstudio eval CHECKPOINT ...    quality metrics
    ganstudio project MODEL IMAGE... find the latents of your own pictures (GAN inversion)

Errors in arguments or inputs print one line and exit non-zero, never a traceback.
"""
from __future__ import annotations

import argparse
import sys

from ..errors import UsageError
from ..i18n import translate
from .language import error_line, install as install_language

SUBCOMMANDS = ("train", "export", "eval", "project")


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports a usage error as a single line (exit status 2)."""

    def error(self, message):  # noqa: D401 - argparse API
        self.exit(2, error_line(self.prog, message) + "\n")


def _gui_parser() -> argparse.ArgumentParser:
    p = OneLineParser(prog="ganstudio", description=translate(
        "cli", "GAN Studio: train GANs and explore what they learned. Subcommands: {0} (see "
        "`ganstudio SUBCOMMAND --help`).").format(", ".join(SUBCOMMANDS)))
    p.add_argument("path", nargs="?", help=translate(
        "cli", "a checkpoint or run directory to open in the Explorer"))
    p.add_argument("--version", action="store_true", help=translate("cli", "print the version and exit"))
    return p


def _sub_parser() -> argparse.ArgumentParser:
    p = OneLineParser(prog="ganstudio")
    sub = p.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    from . import eval as evaluate
    from . import export, project, train
    train.add_parser(sub)
    export.add_parser(sub)
    evaluate.add_parser(sub)
    project.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    install_language()
    from ..allocator import keep_freed_memory
    keep_freed_memory()   # big models render and train faster without a page fault per layer
    if argv and argv[0] in SUBCOMMANDS:
        args = _sub_parser().parse_args(argv)
        try:
            return int(args.func(args) or 0)
        except UsageError as e:
            print(error_line(f"ganstudio {args.command}", e), file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(translate("cli", "{0}: interrupted").format(f"ganstudio {args.command}"), file=sys.stderr)
            return 130
        except Exception as e:  # every known failure is reported in one line
            from ..errors import describe
            message = describe(e)
            if message is None:
                raise
            print(error_line(f"ganstudio {args.command}", message), file=sys.stderr)
            return 1
    args = _gui_parser().parse_args(argv)
    if args.version:
        from .. import __version__
        print(f"ganstudio {__version__}")
        return 0
    if args.path is not None:
        problem = _unopenable(args.path)
        if problem:  # said before any window opens: a typo should not cost a GUI start-up
            print(error_line("ganstudio", problem), file=sys.stderr)
            return 2
    from ..ui.app import run_gui
    return int(run_gui(args.path) or 0)


def _unopenable(path: str) -> str | None:
    """Why ``path`` cannot be opened at all (missing, unreadable), or None."""
    import os
    if not os.path.exists(path):
        return translate("cli", "{0} does not exist").format(path)
    if not os.access(path, os.R_OK):
        return translate("cli", "{0} cannot be read: permission denied").format(path)
    return None


if __name__ == "__main__":
    sys.exit(main())
