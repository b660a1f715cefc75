"""The letter's fonts, from `resources/fonts`, embedded (subset) so every name prints exactly.

ReportLab's built-in Helvetica silently garbles Polish, Greek or Cyrillic names (ecosystem.md 2.2);
DejaVu Sans covers them, and Arabic and Hebrew letters. Only its regular and bold faces are
bundled (Debian's fonts-dejavu-core), so the italic faces of the family map to them and the
letter uses no italics. The fallback faces (regular only) hold the scripts DejaVu lacks, tried in
the order of `FALLBACKS`: Chinese and Japanese (Droid Sans Fallback), Korean Hangul (Nanum
Gothic), Devanagari and Thai (Noto Sans). Arabic and Hebrew letters are printed in Noto Sans
Arabic and Noto Sans Hebrew (`RIGHT_TO_LEFT`, tried before DejaVu for those scripts) because
their tables let HarfBuzz join and order them (`app.report.font_runs`). They are registered only
when a text needs one (`register_fallback_fonts`), so a Latin-only letter neither loads nor
embeds them.
Registration is idempotent and process-wide, as ReportLab's font registry is.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
FALLBACKS = ("DroidSansFallbackFull", "NanumGothic", "NotoSansDevanagari", "NotoSansThai")
RIGHT_TO_LEFT = ("NotoSansArabic", "NotoSansHebrew")
_FALLBACK_FILES = {"DroidSansFallbackFull": "DroidSansFallbackFull.ttf",
                   "NanumGothic": "NanumGothic.ttf",
                   "NotoSansDevanagari": "NotoSansDevanagari-Regular.ttf",
                   "NotoSansThai": "NotoSansThai-Regular.ttf",
                   "NotoSansArabic": "NotoSansArabic-Regular.ttf",
                   "NotoSansHebrew": "NotoSansHebrew-Regular.ttf"}


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) and its family mapping, once per process."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resources_dir() / "fonts" / file)))
    _map_family(REGULAR, BOLD)


@cache
def register_fallback_fonts() -> None:
    """Register the fallback faces, once per process; each is its own bold (there is no bold)."""
    for name in _FALLBACK_FILES:
        pdfmetrics.registerFont(TTFont(name, str(fallback_file(name))))
        _map_family(name, name)


def fallback_file(name: str) -> Path:
    """The font file of the fallback face `name` (one of `FALLBACKS` or `RIGHT_TO_LEFT`)."""
    return resources_dir() / "fonts" / _FALLBACK_FILES[name]


def _map_family(regular: str, bold: str) -> None:
    """Let `<b>` (and the unused italics) inside `<font name=regular>` resolve to a real face."""
    for is_bold, is_italic, face in ((0, 0, regular), (1, 0, bold), (0, 1, regular),
                                     (1, 1, bold)):
        addMapping(regular, is_bold, is_italic, face)
