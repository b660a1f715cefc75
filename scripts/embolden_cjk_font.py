"""Make `DroidSansFallbackFull-Bold.ttf`: Droid Sans Fallback emboldened (a synthetic bold).

Droid Sans Fallback has no bold face, and a real bold CJK face ReportLab can embed (TrueType
outlines) would add about 20 MB, so the letter's bold CJK comes from this derived face: every
outline point moves outwards along the bisector of its two edges by half of `STRENGTH` (the
miter offset FreeType's FT_Outline_EmboldenXY uses for synthetic bold), so each stroke grows by
`STRENGTH` and the advances stay those of the regular face. Run once by a developer (not at run
time): `.venv/bin/python scripts/embolden_cjk_font.py`. The output's name table calls it
"Droid Sans Fallback Synthetic Bold"; Apache-2.0 (see DroidSansFallback-LICENSE.txt) allows the
modification, which README.md states.
"""

from __future__ import annotations

import math
from pathlib import Path

from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parents[1] / "resources" / "fonts"
SOURCE = HERE / "DroidSansFallbackFull.ttf"
TARGET = HERE / "DroidSansFallbackFull-Bold.ttf"
STRENGTH = 1 / 40  # of the em: how much wider each stroke gets (dense ideographs stay open)
SHARPEST_TURN = -0.9375  # cosine: points at sharper turns (about 160 degrees) stay in place
FAMILY = "Droid Sans Fallback Synthetic Bold"
POSTSCRIPT = "DroidSansFallbackSyntheticBold"


def main() -> None:
    font = TTFont(SOURCE)
    half = STRENGTH * font["head"].unitsPerEm / 2
    glyphs = font["glyf"]
    for name in font.getGlyphOrder():
        glyph = glyphs[name]
        if glyph.numberOfContours > 0:
            _embolden(glyph, half)
    for table in ("hdmx", "LTSH", "VDMX"):  # device metrics of the regular outlines
        if table in font:
            del font[table]
    _rename(font)
    font.save(TARGET)


def _embolden(glyph, half: float) -> None:
    coordinates = glyph.coordinates
    points = [(float(x), float(y)) for x, y in coordinates]
    clockwise = _signed_area(points, glyph.endPtsOfContours) < 0  # TrueType outer contours
    start = 0
    moved = list(points)
    for end in glyph.endPtsOfContours:
        contour = points[start:end + 1]
        for index, (dx, dy) in enumerate(_offsets(contour, half, clockwise)):
            x, y = contour[index]
            moved[start + index] = (x + dx, y + dy)
        start = end + 1
    for index, (x, y) in enumerate(moved):
        coordinates[index] = (round(x), round(y))


def _offsets(contour: list[tuple[float, float]], half: float,
             clockwise: bool) -> list[tuple[float, float]]:
    count = len(contour)
    result = []
    for index in range(count):
        previous = _neighbour(contour, index, -1)
        following = _neighbour(contour, index, 1)
        if previous is None or following is None:
            result.append((0.0, 0.0))
            continue
        incoming = _unit(contour[index], previous, towards=False)
        outgoing = _unit(contour[index], following, towards=True)
        cosine = incoming[0] * outgoing[0] + incoming[1] * outgoing[1]
        if cosine <= SHARPEST_TURN:
            result.append((0.0, 0.0))
            continue
        # The left normal of the bisector is outwards on a clockwise (TrueType) outer contour.
        sum_x, sum_y = incoming[0] + outgoing[0], incoming[1] + outgoing[1]
        normal = (-sum_y, sum_x) if clockwise else (sum_y, -sum_x)
        factor = half / (1 + cosine)
        result.append((normal[0] * factor, normal[1] * factor))
    return result


def _neighbour(contour: list[tuple[float, float]], index: int,
               step: int) -> tuple[float, float] | None:
    """The nearest point along the contour (step -1 back, +1 on) not at the same place."""
    count = len(contour)
    for distance in range(1, count):
        candidate = contour[(index + step * distance) % count]
        if candidate != contour[index]:
            return candidate
    return None


def _unit(point, other, towards: bool) -> tuple[float, float]:
    """The unit vector of the edge from `other` to `point` (or from `point` to `other`)."""
    dx, dy = (other[0] - point[0], other[1] - point[1]) if towards else \
        (point[0] - other[0], point[1] - other[1])
    length = math.hypot(dx, dy)
    return dx / length, dy / length


def _signed_area(points: list[tuple[float, float]], ends: list[int]) -> float:
    area, start = 0.0, 0
    for end in ends:
        contour = points[start:end + 1]
        for (x0, y0), (x1, y1) in zip(contour, contour[1:] + contour[:1], strict=True):
            area += x0 * y1 - x1 * y0
        start = end + 1
    return area / 2


def _rename(font: TTFont) -> None:
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 2:
            record.string = "Regular"
        elif record.nameID == 6:
            record.string = POSTSCRIPT
        elif record.nameID == 3:
            record.string = f"{POSTSCRIPT} (emboldened, NerveChart)"


if __name__ == "__main__":
    main()
