"""Which bundled face prints each character: the face-per-character rule of the letter.

A character prints in the caller's DejaVu face (regular or bold) when DejaVu has it, otherwise
in the first of `fonts.FALLBACKS` that has it (Chinese, Japanese, Korean, Devanagari, Thai);
Arabic and Hebrew characters are tried in `fonts.RIGHT_TO_LEFT` first (their tables let HarfBuzz
join and place them). Whitespace and control characters stay in the caller's face; so does a
character no bundled face has, which prints as its missing-glyph box (`unprintable`).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from itertools import groupby

from app.report.fonts import BOLD, FALLBACKS, REGULAR, RIGHT_TO_LEFT, registered

Run = tuple[str | None, str]  # (fallback face, or None for the caller's face; characters)

_ALWAYS_PRIMARY = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
# Hebrew, Arabic (with supplements and presentation forms): printed in `RIGHT_TO_LEFT` faces.
_RIGHT_TO_LEFT_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def runs(text: str) -> list[Run]:
    """`text` cut into runs of one face each, in order; joined they give `text` back."""
    return [(face, "".join(chars)) for face, chars in groupby(text, key=face_for)]


@cache
def face_for(ch: str) -> str | None:
    """The fallback face that prints `ch`, or None for the caller's face."""
    code = ord(ch)
    if _always_primary(ch):
        return None
    if any(low <= code <= high for low, high in _RIGHT_TO_LEFT_BLOCKS):
        face = _first_face_with(RIGHT_TO_LEFT, code)
        if face:
            return face
    if code in _dejavu_chars():
        return None
    return _first_face_with(FALLBACKS, code)


@cache
def unprintable(ch: str) -> bool:
    """Whether no bundled face has `ch` (it prints as a missing-glyph box)."""
    return face_for(ch) is None and ord(ch) not in _dejavu_chars() and not _always_primary(ch)


def _first_face_with(faces: tuple[str, ...], code: int) -> str | None:
    return next((face for face in faces if code in registered(face).charToGlyph), None)


@cache
def _dejavu_chars() -> frozenset[int]:
    """Code points both DejaVu faces have (the caller's face may be either)."""
    regular, bold = (registered(name).charToGlyph for name in (REGULAR, BOLD))
    return frozenset(regular.keys() & bold.keys())


def _always_primary(ch: str) -> bool:
    return unicodedata.category(ch) in _ALWAYS_PRIMARY
