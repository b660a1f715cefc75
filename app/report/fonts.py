"""The letter's fonts, from `resources/fonts`, embedded (subset) so every name prints exactly.

ReportLab's built-in Helvetica silently garbles Polish, Greek or Cyrillic names (ecosystem.md 2.2);
DejaVu Sans covers them. Only its regular and bold faces are bundled (Debian's
fonts-dejavu-core), so the italic faces of the family map to them and the letter uses no italics.
The fallback faces hold the scripts DejaVu lacks, tried in the order of `FALLBACKS`: Chinese and
Japanese (Droid Sans Fallback), Korean Hangul (Nanum Gothic), Devanagari and Thai (Noto Sans).
Arabic and Hebrew letters are printed in Noto Sans Arabic and Noto Sans Hebrew (`RIGHT_TO_LEFT`,
tried before DejaVu for those scripts) because their tables let HarfBuzz join and place them
(`app.report.font_runs`).

Every face has a bundled bold face (`bold_of`). Droid Sans Fallback has no bold of its own (a
bold CJK face ReportLab can embed, with TrueType outlines, would add about 20 MB), so its bold
is a synthetic bold made once from its outlines (`scripts/embolden_cjk_font.py`, same advances).
Each face is registered with ReportLab when a text first needs it (`registered`), so a Latin-only
letter neither loads nor embeds any fallback. A face's family maps to itself for bold and italic:
a shaped run names its exact face (regular or bold), since glyph positions differ between them.
Registration is idempotent and process-wide, as ReportLab's font registry is.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from app.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FALLBACKS = ("DroidSansFallbackFull", "NanumGothic", "NotoSansDevanagari", "NotoSansThai")
RIGHT_TO_LEFT = ("NotoSansArabic", "NotoSansHebrew")
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
          "DroidSansFallbackFull": "DroidSansFallbackFull.ttf",
          "DroidSansFallbackFull-Bold": "DroidSansFallbackFull-Bold.ttf",
          "NanumGothic": "NanumGothic.ttf", "NanumGothic-Bold": "NanumGothicBold.ttf",
          **{f"NotoSans{script}{weight}": f"NotoSans{script}{weight or '-Regular'}.ttf"
             for script in ("Devanagari", "Thai", "Arabic", "Hebrew")
             for weight in ("", "-Bold")}}
_BOLD_FACES = {REGULAR: BOLD, **{face: f"{face}-Bold" for face in (*FALLBACKS, *RIGHT_TO_LEFT)}}


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) and its family mapping, once per process."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, str(font_file(name))))
    _map_family(REGULAR, BOLD)


def bold_of(face: str) -> str:
    """The bundled bold face of `face` (`face` itself for a face that is already bold)."""
    return _BOLD_FACES.get(face, face)


def registered(face: str) -> TTFontFace:
    """The tables of `face` (any face named in this module), registering it on first use."""
    if face not in pdfmetrics.getRegisteredFontNames():
        _register(face)
    return pdfmetrics.getFont(face).face


def font_file(name: str) -> Path:
    """The font file of the face `name` (any face named in this module)."""
    return resources_dir() / "fonts" / _FILES[name]


@cache
def _register(face: str) -> None:
    register_fonts()
    if face not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(face, str(font_file(face))))
        _map_family(face, face)


def _map_family(regular: str, bold: str) -> None:
    """Let `<b>` (and the unused italics) inside `<font name=regular>` resolve to a real face."""
    for is_bold, is_italic, face in ((0, 0, regular), (1, 0, bold), (0, 1, regular),
                                     (1, 1, bold)):
        addMapping(regular, is_bold, is_italic, face)
