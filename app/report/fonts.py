"""The letter's fonts: DejaVu Sans from `resources/fonts`, embedded so every name prints exactly.

ReportLab's built-in Helvetica silently garbles Polish, Greek or Cyrillic names (ecosystem.md 2.2);
DejaVu Sans covers them. Only the regular and bold faces are bundled (Debian's
fonts-dejavu-core), so the italic faces of the family map to them and the letter uses no italics.
Registration is idempotent and process-wide, as ReportLab's font registry is.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) and its family mapping, once per process."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources_dir() / "fonts"
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
