"""Just enough of the OpenType format to list what a colour-emoji font draws.

Pillow has no API for a font's character map, and fontTools is not a dependency, so this
reads two tables directly: ``cmap`` (code point -> glyph, formats 4 and 12) and the ligature
lookups of ``GSUB`` (type 4, also inside type-7 extensions), which is how a font such as
Noto Color Emoji maps sequences (flags, keycaps, skin tones, ZWJ families) to one glyph.
"""
from __future__ import annotations

import struct

from .datacache import DataError


class FontTables:
    """The table directory of one sfnt (TrueType/OpenType) font file held in memory."""

    def __init__(self, data: bytes, name: str = "font"):
        self.data = data
        self.name = name
        if len(data) < 12:
            raise DataError(f"{name}: not a font file (too short)")
        tag, count = struct.unpack_from(">4sH", data, 0)
        if tag not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
            raise DataError(f"{name}: not a TrueType/OpenType font (tag {tag!r})")
        self.tables: dict[str, tuple[int, int]] = {}
        for i in range(count):
            t, _, off, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            self.tables[t.decode("latin-1")] = (off, length)

    def _u16(self, off: int) -> int:
        return struct.unpack_from(">H", self.data, off)[0]

    def _u32(self, off: int) -> int:
        return struct.unpack_from(">I", self.data, off)[0]

    # --- cmap -------------------------------------------------------------------------------
    def cmap(self) -> dict[int, int]:
        """Code point -> glyph id from the best Unicode subtable (format 12, else format 4)."""
        if "cmap" not in self.tables:
            raise DataError(f"{self.name}: font has no cmap table")
        base = self.tables["cmap"][0]
        best: tuple[int, int] | None = None
        for i in range(self._u16(base + 2)):
            platform, encoding, off = struct.unpack_from(">HHI", self.data, base + 4 + 8 * i)
            fmt = self._u16(base + off)
            unicode_table = platform == 0 or (platform == 3 and encoding in (1, 10))
            if unicode_table and fmt in (4, 12):
                rank = 2 if fmt == 12 else 1
                if best is None or rank > best[0]:
                    best = (rank, base + off)
        if best is None:
            raise DataError(f"{self.name}: font has no Unicode character map")
        off = best[1]
        return self._cmap12(off) if self._u16(off) == 12 else self._cmap4(off)

    def _cmap12(self, off: int) -> dict[int, int]:
        out: dict[int, int] = {}
        for i in range(self._u32(off + 12)):
            start, end, glyph = struct.unpack_from(">III", self.data, off + 16 + 12 * i)
            for cp in range(start, min(end, 0x10FFFF) + 1):
                out[cp] = glyph + cp - start
        return out

    def _cmap4(self, off: int) -> dict[int, int]:
        seg = self._u16(off + 6) // 2
        ends, starts = off + 14, off + 16 + 2 * seg
        deltas, ranges = starts + 2 * seg, starts + 4 * seg
        out: dict[int, int] = {}
        for i in range(seg):
            end, start = self._u16(ends + 2 * i), self._u16(starts + 2 * i)
            delta, ro = self._u16(deltas + 2 * i), self._u16(ranges + 2 * i)
            for cp in range(start, end + 1):
                if cp == 0xFFFF:
                    continue
                if ro == 0:
                    glyph = (cp + delta) & 0xFFFF
                else:
                    glyph = self._u16(ranges + 2 * i + ro + 2 * (cp - start))
                    glyph = (glyph + delta) & 0xFFFF if glyph else 0
                if glyph:
                    out[cp] = glyph
        return out

    # --- GSUB ligatures ---------------------------------------------------------------------
    def ligatures(self) -> list[tuple[tuple[int, ...], int]]:
        """Every (component glyph ids, ligature glyph id) of the GSUB ligature lookups."""
        if "GSUB" not in self.tables:
            return []
        base = self.tables["GSUB"][0]
        lookups = base + self._u16(base + 8)
        out: list[tuple[tuple[int, ...], int]] = []
        for i in range(self._u16(lookups)):
            lookup = lookups + self._u16(lookups + 2 + 2 * i)
            kind = self._u16(lookup)
            for j in range(self._u16(lookup + 4)):
                sub = lookup + self._u16(lookup + 6 + 2 * j)
                sub_kind = kind
                if kind == 7:  # extension: the real subtable lives at a 32-bit offset
                    sub_kind = self._u16(sub + 2)
                    sub = sub + self._u32(sub + 4)
                if sub_kind == 4:
                    out.extend(self._ligature_subst(sub))
        return out

    def _coverage(self, off: int) -> list[int]:
        fmt, count = self._u16(off), self._u16(off + 2)
        if fmt == 1:
            return [self._u16(off + 4 + 2 * k) for k in range(count)]
        glyphs: list[int] = []
        for k in range(count):
            start, end, _ = struct.unpack_from(">HHH", self.data, off + 4 + 6 * k)
            glyphs.extend(range(start, end + 1))
        return glyphs

    def _ligature_subst(self, sub: int) -> list[tuple[tuple[int, ...], int]]:
        first_glyphs = self._coverage(sub + self._u16(sub + 2))
        out = []
        for k in range(min(self._u16(sub + 4), len(first_glyphs))):
            lig_set = sub + self._u16(sub + 6 + 2 * k)
            for m in range(self._u16(lig_set)):
                lig = lig_set + self._u16(lig_set + 2 + 2 * m)
                glyph, n = self._u16(lig), self._u16(lig + 2)
                rest = struct.unpack_from(f">{n - 1}H", self.data, lig + 4) if n > 1 else ()
                out.append(((first_glyphs[k], *rest), glyph))
        return out


def glyph_sequences(data: bytes, name: str = "font") -> dict[int, str]:
    """Glyph id -> the shortest text that the font draws with that glyph.

    Single code points come from ``cmap``; sequences come from GSUB ligatures whose
    components resolve (possibly through other ligatures) to text.
    """
    tables = FontTables(data, name)
    text: dict[int, str] = {}
    for cp, glyph in sorted(tables.cmap().items()):
        text.setdefault(glyph, chr(cp))
    pending = tables.ligatures()
    while pending:
        left = []
        for components, glyph in pending:
            if all(c in text for c in components):
                candidate = "".join(text[c] for c in components)
                if glyph not in text or len(candidate) < len(text[glyph]):
                    text[glyph] = candidate
            else:
                left.append((components, glyph))
        if len(left) == len(pending):
            break
        pending = left
    return text
