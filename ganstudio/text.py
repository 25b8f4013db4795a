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
