"""Turning known failures into one-line messages for the command line and the GUI."""
from __future__ import annotations

from .i18n import translate


class UsageError(Exception):
    """A bad argument or input, reported as one line with exit status 2."""


def describe(exc: BaseException) -> str | None:
    """A user-facing one-line message for a known error type, or None for a real bug."""
    from .core.checkpoint import CheckpointError
    from .core.config import ConfigError
    known: tuple[type[BaseException], ...] = (CheckpointError, ConfigError, FileNotFoundError,
                                              PermissionError, IsADirectoryError, ValueError)
    try:
        from .train.data import DataError
        known += (DataError,)
    except ImportError:
        pass
    if isinstance(exc, MemoryError) or "out of memory" in str(exc).lower():
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "smaller batch" in first:  # the trainer already said what to do
            return first
        return translate("errors", "out of memory: try a smaller batch (train.batch) or a smaller model; "
                                   "details: {0}").format(first)
    if isinstance(exc, OSError) and not isinstance(exc, (FileNotFoundError, PermissionError,
                                                          IsADirectoryError)):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if getattr(exc, "filename", None) else "")
    if isinstance(exc, known):
        text = str(exc).strip()
        if isinstance(exc, (FileNotFoundError, PermissionError, IsADirectoryError)) and exc.filename:
            text = f"{exc.strerror}: {exc.filename}"
        return text.splitlines()[0] if text else type(exc).__name__
    return None
