"""The emoji data set: every glyph of Noto Color Emoji rendered with Pillow.

The glyph list is read from the font itself (``cmap`` for single code points, GSUB ligatures
for sequences such as flags, skin tones and ZWJ families; see :mod:`.fonttables`), each
candidate is rendered once and kept only when it draws one non-empty glyph.  Named subsets
select glyphs by the code points they contain.  The rendered array is cached on disk.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from . import imageops
from .datacache import (DataError, ProgressReporter, Progress, cache_key, cache_load,
                        cache_save, strings_array)
from .fonttables import glyph_sequences

FONT_SIZE = 109  # the only bitmap strike of Noto Color Emoji (CBDT)
FONT_NAME = "NotoColorEmoji.ttf"
KNOWN_FONT_PATHS = (
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf",
    "/usr/share/fonts/noto-emoji/NotoColorEmoji.ttf",
    "/usr/share/fonts/TTF/NotoColorEmoji.ttf",
    "/usr/local/share/fonts/NotoColorEmoji.ttf",
    "~/.local/share/fonts/NotoColorEmoji.ttf",
    "~/.fonts/NotoColorEmoji.ttf",
)

# Code points that are only parts of sequences (or plain text) when drawn on their own.
_NOT_STANDALONE = ((0x0000, 0x00A8), (0x200D, 0x200D), (0x20E3, 0x20E3), (0xFE00, 0xFE0F),
                   (0x1F1E6, 0x1F1FF), (0x1F3FB, 0x1F3FF), (0xE0000, 0xE007F),
                   (0xE000, 0xF8FF), (0xF0000, 0x10FFFF))
_SKIN_TONES = (0x1F3FB, 0x1F3FF)
_PEOPLE = frozenset((0x1F468, 0x1F469, 0x1F9D1))  # man, woman, person (ZWJ role sequences)

SUBSETS: dict[str, tuple[tuple[int, int], ...]] = {
    "all": (),
    # Unicode "Smileys & Emotion" faces, cat and monkey faces (gesturing people excluded)
    "faces": ((0x1F600, 0x1F644), (0x1F648, 0x1F64A), (0x1F910, 0x1F917), (0x1F920, 0x1F925),
              (0x1F927, 0x1F92F), (0x1F970, 0x1F976), (0x1F978, 0x1F97A), (0x1F9D0, 0x1F9D0),
              (0x1FAE0, 0x1FAE5), (0x1FAE8, 0x1FAE8), (0x2639, 0x263A), (0x1F479, 0x1F47B), (0x1F47D, 0x1F47D),
              (0x1F47F, 0x1F480), (0x1F4A9, 0x1F4A9)),
    "animals": ((0x1F400, 0x1F43D), (0x1F54A, 0x1F54A), (0x1F577, 0x1F577),
                (0x1F980, 0x1F9AE), (0x1FAB0, 0x1FAB3), (0x1FABC, 0x1FABC), (0x1FABF, 0x1FABF)),
    "food": ((0x1F32D, 0x1F330), (0x1F336, 0x1F336), (0x1F33D, 0x1F33D), (0x1F345, 0x1F37F),
             (0x1F950, 0x1F96F), (0x1F9C0, 0x1F9CB), (0x1FAD0, 0x1FADB)),
    "plants": ((0x1F331, 0x1F335), (0x1F337, 0x1F33C), (0x1F33E, 0x1F344), (0x1F490, 0x1F490),
               (0x1F4AE, 0x1F4AE), (0x1F940, 0x1F940), (0x1FAB4, 0x1FAB4), (0x1FAB7, 0x1FAB7),
               (0x1FABB, 0x1FABB), (0x1FABE, 0x1FABE), (0x2618, 0x2618)),
    "transport": ((0x1F680, 0x1F6A2), (0x1F6A4, 0x1F6A4), (0x1F6B2, 0x1F6B2),
                  (0x1F6E9, 0x1F6E9), (0x1F6EB, 0x1F6EC), (0x1F6F0, 0x1F6FC),
                  (0x1F3CD, 0x1F3CE), (0x26F4, 0x26F5), (0x2708, 0x2708)),
    "flags": ((0x1F1E6, 0x1F1FF), (0x1F3F3, 0x1F3F4), (0x1F3C1, 0x1F3C1), (0x1F6A9, 0x1F6A9),
              (0x1F38C, 0x1F38C)),
}
EMOJI_SUBSETS = tuple(SUBSETS)


def emoji_font_path(required: bool = False) -> str | None:
    """Path of Noto Color Emoji: $GANSTUDIO_EMOJI_FONT, known install paths, then fontconfig.

    Returns None when the font is not installed, or raises :class:`DataError` saying how to
    install it when ``required``.
    """
    env = os.environ.get("GANSTUDIO_EMOJI_FONT")
    if env and os.path.isfile(env):
        return env
    for p in KNOWN_FONT_PATHS:
        p = os.path.expanduser(p)
        if os.path.isfile(p):
            return p
    fc_match = shutil.which("fc-match")
    if fc_match:
        try:
            out = subprocess.run([fc_match, "-f", "%{file}", "Noto Color Emoji"],
                                 capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and os.path.basename(out) == FONT_NAME and os.path.isfile(out):
            return out
    if required:
        raise DataError("the emoji data set needs the Noto Color Emoji font "
                        "(Debian/Ubuntu: apt install fonts-noto-color-emoji; or set "
                        "data.path or $GANSTUDIO_EMOJI_FONT to NotoColorEmoji.ttf)")
    return None


_REFERENCE = "\U0001F600"  # a glyph every emoji font has: its advance is one glyph wide
_MISSING = "\u0378"  # an unassigned code point: whatever it draws is the "missing" glyph


def _in_ranges(cp: int, ranges) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def in_subset(text: str, subset: str) -> bool:
    """Whether the emoji ``text`` belongs to the named subset (by the code points it holds)."""
    if subset not in SUBSETS:
        raise DataError(f"unknown emoji subset {subset!r} (known: {', '.join(SUBSETS)})")
    if subset == "all":
        return True
    cps = [ord(c) for c in text]
    if subset != "flags":
        if any(_SKIN_TONES[0] <= c <= _SKIN_TONES[1] for c in cps):
            return False
        if len(cps) > 1 and any(c in _PEOPLE for c in cps):
            return False
    return any(_in_ranges(c, SUBSETS[subset]) for c in cps)


def candidates(font_path: str, subset: str = "all") -> list[str]:
    """Texts of the font's glyphs in ``subset``: single code points first, then sequences."""
    try:
        data = Path(font_path).read_bytes()
    except OSError as e:
        raise DataError(f"{font_path}: cannot read font ({e.strerror or e})") from None
    texts = set()
    for text in glyph_sequences(data, font_path).values():
        if len(text) == 1 and _in_ranges(ord(text), _NOT_STANDALONE):
            continue
        if in_subset(text, subset):
            texts.add(text)
    return sorted(texts, key=lambda t: (len(t) > 1, t))


def load_font(font_path: str) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(font_path, FONT_SIZE)
    except OSError as e:
        raise DataError(f"{font_path}: cannot open as a colour emoji font at size "
                        f"{FONT_SIZE} ({e})") from None


def render_glyph(font: ImageFont.FreeTypeFont, text: str,
                 advance: float | None = None) -> Image.Image | None:
    """``text`` drawn in colour, cropped to its glyph and padded to a transparent square.

    None when it draws nothing or more than one glyph (a sequence the font lacks, or a
    Pillow without libraqm, which cannot form ligatures).
    """
    advance = advance or font.getlength(_REFERENCE)  # the width of one glyph
    if font.getlength(text) > 1.5 * advance:
        return None
    ascent, descent = font.getmetrics()
    size = (int(1.5 * advance) + 8, ascent + descent + 8)
    canvas = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(canvas).text((0, 0), text, font=font, embedded_color=True)
    box = canvas.getchannel("A").getbbox()
    if box is None:
        return None
    glyph = canvas.crop(box)
    side = max(glyph.size)
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    square.paste(glyph, ((side - glyph.width) // 2, (side - glyph.height) // 2))
    return square


def _digest(arr: np.ndarray) -> bytes:
    return hashlib.blake2b(arr.tobytes(), digest_size=16).digest()


def render_emoji(font_path: str, subset: str, resolution: int, channels: int,
                 background: tuple[int, int, int], limit: int = 0,
                 progress: Progress | None = None) -> tuple[np.ndarray, list[str]]:
    """uint8 [N, C, R, R] renders of the subset's glyphs and their texts (cached on disk)."""
    texts = candidates(font_path, subset)
    if limit:
        texts = texts[:limit]
    st = os.stat(font_path)
    key = cache_key("emoji", [os.path.realpath(font_path), st.st_size, st.st_mtime_ns, subset,
                              limit, resolution, channels, list(background), texts])
    hit = cache_load(key)
    if hit is not None and "data" in hit and "texts" in hit:
        if progress is not None:
            progress(len(texts), len(texts))
        return hit["data"], [str(t) for t in hit["texts"]]
    font = load_font(font_path)
    images, kept = [], []
    seen = set()  # digests of pictures already kept; starts with the "missing glyph" box
    advance = font.getlength(_REFERENCE)
    tofu = render_glyph(font, _MISSING, advance)
    if tofu is not None:
        seen.add(_digest(imageops.fit(tofu, resolution, channels, background)))
    report = ProgressReporter(progress, len(texts))
    for i, text in enumerate(texts):
        square = render_glyph(font, text, advance)
        if square is not None:
            arr = imageops.fit(square, resolution, channels, background)
            digest = _digest(arr)
            if digest not in seen:  # the same picture under two sequences counts once
                seen.add(digest)
                images.append(arr)
                kept.append(text)
        report.update(i + 1)
    if not images:
        raise DataError(f"{font_path}: no emoji in subset {subset!r} could be rendered")
    data = np.stack(images)
    cache_save(key, data=data, texts=strings_array(kept))
    return data, kept
