"""HarfBuzz (uharfbuzz) shaping of one run of text in one bundled face.

`shape` returns the glyphs of `text[start:end]` in drawing order (left to right, whatever the
direction), each with its advance and its x/y offset from the pen in the face's font units, as
HarfBuzz positions them: joined Arabic forms, marks placed on their bases, Devanagari vowel signs
reordered and conjuncts formed, Thai tone marks stacked. The whole line is given to HarfBuzz as
context so joining continues across runs. HarfBuzz fonts are built once per face and process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz

from app.report.fonts import font_file


@dataclass(frozen=True)
class Glyph:
    id: int
    advance: int  # font units
    x_offset: int
    y_offset: int


@lru_cache(maxsize=2048)
def shape(face: str, text: str, start: int, end: int, right_to_left: bool) -> tuple[Glyph, ...]:
    """The glyphs of `text[start:end]` in `face`, in drawing order, shaped in `text`'s context."""
    buffer = uharfbuzz.Buffer()
    buffer.add_codepoints([ord(ch) for ch in text], start, end - start)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if right_to_left else "ltr"
    uharfbuzz.shape(harfbuzz_font(face), buffer, {})
    return tuple(Glyph(info.codepoint, position.x_advance, position.x_offset, position.y_offset)
                 for info, position in zip(buffer.glyph_infos, buffer.glyph_positions,
                                           strict=True))


def nominal_advance(face: str, glyph: int) -> int:
    """The advance of `glyph` in `face`'s own metrics (font units)."""
    return harfbuzz_font(face).get_glyph_h_advance(glyph)


@cache
def harfbuzz_font(face: str) -> uharfbuzz.Font:
    return uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(font_file(face)))))
