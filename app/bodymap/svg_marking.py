"""A copy of a view's SVG with an exam's symptoms drawn in, plus a legend (for the letter).

`marked_svg(view, symptoms)` returns SVG text (no XML declaration, so svglib accepts it as
`svg2rlg(io.StringIO(text))`): every element of a marked (side, region) gets
the tint of its first kind (`fill` in its `style`, so it beats the stylesheet) and a
`data-symptoms` attribute, and is followed by a group of its pattern strokes and dots, so parts
drawn later (an arm over the chest) still cover it as they cover the region. The legend below
the figure lists the kinds that appear, each with its colour and pattern. Only paths, lines,
circles, rects and text are added, all of which svglib draws.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping

from app.bodymap.geometry import Polygon
from app.bodymap.marks import (
    DOT_RADIUS,
    STROKE_WIDTH,
    TINT_OPACITY,
    ordered_kinds,
    pattern_marks,
    tint_colour,
)
from app.bodymap.styles import symptom_styles
from app.bodymap.views import SVG_NS, parse_element_id, region_elements, view_document

LEGEND_ROW_HEIGHT = 22.0
LEGEND_COLUMNS = 3
_SWATCH = 14.0

ET.register_namespace("", SVG_NS)


def _tag(name: str) -> str:
    return f"{{{SVG_NS}}}{name}"


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def marked_svg(view: str, symptoms: Mapping[tuple[str, str], Iterable[str]],
               legend: bool = True) -> str:
    """SVG text of `view` with `symptoms` ((side, region) -> kinds) marked."""
    document = view_document(view)
    root = ET.fromstring(document.text)
    kinds_by_key = {key: ordered_kinds(kinds) for key, kinds in symptoms.items()}
    polygons = {element.element_id: element.polygons for element in region_elements(view)}
    for parent in list(root.iter()):
        for index, child in reversed(list(enumerate(parent))):
            key = parse_element_id(child.attrib.get("id", ""))
            kinds = kinds_by_key.get(key) if key else None
            if kinds:
                _mark(child, kinds)
                parent.insert(index + 1, _pattern_group(child.attrib["id"],
                                                        polygons[child.attrib["id"]], kinds))
    if legend:
        used = ordered_kinds(kind for kinds in kinds_by_key.values() for kind in kinds)
        _add_legend(root, used, document.width, document.height)
    return ET.tostring(root, encoding="unicode")


def _mark(element: ET.Element, kinds: tuple[str, ...]) -> None:
    element.set("style", f"fill:{tint_colour(kinds)};fill-opacity:{TINT_OPACITY}")
    element.set("data-symptoms", " ".join(kinds))


def _pattern_group(element_id: str, polygons: tuple[Polygon, ...],
                   kinds: tuple[str, ...]) -> ET.Element:
    group = ET.Element(_tag("g"), {"class": "symptom-marks", "data-for": element_id})
    for kind in kinds:
        _draw_pattern(group, polygons, kind)
    return group


def _draw_pattern(group: ET.Element, polygons: tuple[Polygon, ...], kind: str) -> None:
    marks = pattern_marks(polygons, kind)
    colour = marks.style.colour
    if marks.segments:
        data = " ".join(f"M{_number(x0)},{_number(y0)} L{_number(x1)},{_number(y1)}"
                        for (x0, y0), (x1, y1) in marks.segments)
        ET.SubElement(group, _tag("path"), {
            "d": data, "data-kind": kind,
            "style": f"fill:none;stroke:{colour};stroke-width:{STROKE_WIDTH}"})
    for x, y in marks.dots:
        ET.SubElement(group, _tag("circle"), {
            "cx": _number(x), "cy": _number(y), "r": _number(DOT_RADIUS), "data-kind": kind,
            "style": f"fill:{colour};stroke:none"})


def _add_legend(root: ET.Element, kinds: tuple[str, ...], width: float, height: float) -> None:
    """Grow the canvas and list each kind under the figure: swatch, then its name."""
    if not kinds:
        return
    rows = -(-len(kinds) // LEGEND_COLUMNS)
    new_height = height + rows * LEGEND_ROW_HEIGHT + 8
    root.set("height", _number(new_height))
    root.set("viewBox", f"0 0 {_number(width)} {_number(new_height)}")
    legend = ET.SubElement(root, _tag("g"), {"class": "legend"})
    column_width = width / LEGEND_COLUMNS
    for index, kind in enumerate(kinds):
        style = symptom_styles()[kind]
        x = 20 + (index % LEGEND_COLUMNS) * column_width
        y = height + 4 + (index // LEGEND_COLUMNS) * LEGEND_ROW_HEIGHT
        square: Polygon = ((x, y), (x + _SWATCH, y), (x + _SWATCH, y + _SWATCH),
                           (x, y + _SWATCH))
        ET.SubElement(legend, _tag("rect"), {
            "x": _number(x), "y": _number(y), "width": _number(_SWATCH),
            "height": _number(_SWATCH), "data-kind": kind,
            "style": f"fill:{style.colour};fill-opacity:{TINT_OPACITY};"
                     f"stroke:{style.colour};stroke-width:0.8"})
        swatch = ET.SubElement(legend, _tag("g"))
        _draw_pattern(swatch, (square,), kind)
        text = ET.SubElement(legend, _tag("text"), {
            "x": _number(x + _SWATCH + 6), "y": _number(y + _SWATCH - 3),
            "style": "font-family:Helvetica,Arial,sans-serif;font-size:12px;fill:#222222"})
        text.text = style.label
