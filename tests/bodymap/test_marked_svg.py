"""The marked copy of a view for the letter: marks on exactly the marked elements, a legend,
valid XML, and svglib draws it into a PDF with the marks where they belong."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pypdfium2
import pytest
from reportlab.graphics import renderPDF
from svglib.svglib import svg2rlg

from app.bodymap import marked_svg, region_elements, symptom_styles, view_document
from app.bodymap.views import SVG_NS

SYMPTOMS = {
    ("left", "dorsum_foot"): frozenset({"numbness", "tingling"}),
    ("left", "lateral_leg"): frozenset({"pain"}),
    ("midline", "low_back"): frozenset({"pain"}),
    ("right", "heel"): frozenset({"wasting"}),
    ("right", "thenar"): frozenset({"fasciculation"}),
}


def _elements_by_id(text: str) -> dict[str, ET.Element]:
    root = ET.fromstring(text)
    return {e.attrib["id"]: e for e in root.iter() if "id" in e.attrib}


@pytest.mark.parametrize("view", ["front", "back"])
def test_marks_are_on_exactly_the_marked_elements(view):
    text = marked_svg(view, SYMPTOMS)
    elements = _elements_by_id(text)
    styles = symptom_styles()
    for element in region_elements(view):
        svg_element = elements[element.element_id]
        kinds = SYMPTOMS.get(element.key)
        if kinds is None:
            assert "style" not in svg_element.attrib, element.element_id
            assert "data-symptoms" not in svg_element.attrib, element.element_id
            continue
        first = next(k for k in ("pain", "tingling", "numbness", "weakness", "wasting",
                                 "fasciculation") if k in kinds)
        assert f"fill:{styles[first].colour}" in svg_element.attrib["style"]
        assert set(svg_element.attrib["data-symptoms"].split()) == kinds


def test_each_marked_element_is_followed_by_its_patterns_in_each_kinds_colour():
    root = ET.fromstring(marked_svg("front", SYMPTOMS))
    children = list(root)
    index = next(i for i, c in enumerate(children) if c.attrib.get("id") == "left.dorsum_foot")
    group = children[index + 1]
    assert group.attrib["data-for"] == "left.dorsum_foot"
    drawn = {mark.attrib["data-kind"] for mark in group}
    assert drawn == {"numbness", "tingling"}
    for mark in group:
        assert symptom_styles()[mark.attrib["data-kind"]].colour in mark.attrib["style"]


def test_the_heel_is_marked_in_both_places_it_is_drawn():
    elements = _elements_by_id(marked_svg("back", SYMPTOMS))
    assert elements["right.heel"].attrib["data-symptoms"] == "wasting"
    assert elements["right.heel.plantar"].attrib["data-symptoms"] == "wasting"
    assert "data-symptoms" not in elements["left.heel"].attrib


def test_the_legend_lists_the_kinds_used_and_grows_the_canvas():
    root = ET.fromstring(marked_svg("front", SYMPTOMS))
    legend = root.find(f"{{{SVG_NS}}}g[@class='legend']")
    assert legend is not None
    labels = [t.text for t in legend.iter(f"{{{SVG_NS}}}text")]
    assert labels == ["Pain", "Tingling", "Numbness", "Wasting", "Fasciculation"]
    assert float(root.attrib["height"]) > view_document("front").height


def test_an_exam_without_symptoms_gives_the_plain_figure_without_legend():
    root = ET.fromstring(marked_svg("back", {}))
    assert root.find(f"{{{SVG_NS}}}g[@class='legend']") is None
    assert float(root.attrib["height"]) == view_document("back").height


def test_svglib_draws_the_marked_view_into_a_pdf_with_the_mark_in_place():
    text = marked_svg("front", SYMPTOMS)
    drawing = svg2rlg(io.StringIO(text))
    assert drawing is not None
    pdf = renderPDF.drawToString(drawing)
    page = pypdfium2.PdfDocument(pdf)[0]
    scale = 2.0
    image = page.render(scale=scale).to_pil().convert("RGB")
    points_per_unit = drawing.width / float(ET.fromstring(text).attrib["width"])
    lateral_leg = next(e for e in region_elements("front") if e.key == ("left", "lateral_leg"))
    x, y = lateral_leg.centre
    pixels = [image.getpixel((round((x + dx) * points_per_unit * scale),
                              round((y + dy) * points_per_unit * scale)))
              for dx in (-1, 0, 1) for dy in range(-4, 5)]
    vermillion_ish = [p for p in pixels if p[0] > p[2] + 40]
    assert vermillion_ish, f"no pain tint near the lateral leg's centre: {pixels[:3]}"
    right_leg = next(e for e in region_elements("front") if e.key == ("right", "lateral_leg"))
    x, y = right_leg.centre
    r, _, b = image.getpixel((round(x * points_per_unit * scale),
                              round(y * points_per_unit * scale)))
    assert abs(r - b) < 20, "the unmarked right leg stays uncoloured"
