"""Text that people type and read, parsed and formatted the same way in the GUI and on the
command line: seed lists ("1,2,5-8") and durations ("1:02:03")."""
from __future__ import annotations

import math

from .errors import UsageError
from .i18n import translate


def parse_seeds(text: str,   # e.g. "1,2,5-8"
                what: str,   # how the caller names the field, for the error ("--seeds", "B")
                ) -> list[int]:
    """"1,2,5-8" -> [1, 2, 5, 6, 7, 8]; anything else is a UsageError naming ``what``."""
    seeds: list[int] = []
    try:
        for part in text.split(","):
            part = part.strip()
            if "-" in part[1:]:
                a, b = part.split("-", 1)
                seeds.extend(range(int(a), int(b) + 1))
            elif part:
                seeds.append(int(part))
    except ValueError:
        raise UsageError(translate("text", "{0} takes seeds like 1,2,5-8; got {1!r}").format(what, text)) from None
    if any(not 0 <= s < 2 ** 32 for s in seeds):
        raise UsageError(translate("text", "{0}: seeds must be in 0..4294967295").format(what))
    return seeds


def format_duration(seconds: float) -> str:
    """Seconds as H:MM:SS (or MM:SS), "--:--" when unknown."""
    if not math.isfinite(seconds) or seconds < 0:
        return "--:--"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def parse_names(text: str,              # e.g. "fid, pr"
                choices: tuple[str, ...],  # the names allowed
                ) -> tuple[str, ...]:
    """"fid, pr" -> ("fid", "pr"): comma-separated names in order, repeats dropped; a
    ValueError naming an unknown one, or saying the list is empty."""
    names = tuple(dict.fromkeys(n.strip().lower() for n in str(text).split(",") if n.strip()))
    if not names:
        raise ValueError(f"name at least one of {', '.join(choices)}")
    for n in names:
        if n not in choices:
            raise ValueError(f"unknown name {n!r}; choose from {', '.join(choices)}")
    return names
