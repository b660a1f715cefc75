"""The body-map SVGs: every spec region is drawn for both sides, clickable, and left/right are
written on the correct side of the midline on both views."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from app.bodymap import views
from app.bodymap.geometry import contains
from app.bodymap.views import (
    SVG_NS,
    VIEWS,
    BodyMapError,
    parse_element_id,
    region_elements,
    region_keys,
    view_document,
)
from tests.spec_ids import MIDLINE_REGIONS, REGIONS

ALL_KEYS = frozenset().union(*(region_keys(view) for view in VIEWS))


@pytest.mark.parametrize("region", REGIONS)
def test_every_spec_region_is_drawn_for_both_sides(region):
    assert ("left", region) in ALL_KEYS
    assert ("right", region) in ALL_KEYS


@pytest.mark.parametrize("region", MIDLINE_REGIONS)
def test_every_midline_region_has_a_midline_element(region):
    assert ("midline", region) in ALL_KEYS


def test_each_side_of_a_region_is_on_the_same_views():
    for view in VIEWS:
        keys = region_keys(view)
        for side, region in keys:
            if side != "midline":
                other = "right" if side == "left" else "left"
                assert (other, region) in keys, f"{view}: {side}.{region} has no {other} twin"


def test_the_svgs_name_only_regions_of_the_knowledge_tables_and_cover_all_of_them(kb):
    drawn_regions = {region for _, region in ALL_KEYS}
    assert drawn_regions == set(kb.regions)
    for side, region in ALL_KEYS:
        if side == "midline":
            assert kb.regions[region].midline, f"midline.{region} is not midline-capable"


def test_element_ids_are_unique_within_each_view():
    for view in VIEWS:
        ids = re.findall(r'\bid="([^"]+)"', view_document(view).text)
        assert len(ids) == len(set(ids)), view


def test_a_click_near_the_centre_of_every_element_reaches_it():
    """The centre and the points 1 unit around it are inside the element and not under a
    later element (later ones are drawn on top), so a click there survives pixel rounding."""
    for view in VIEWS:
        elements = region_elements(view)
        for index, element in enumerate(elements):
            x, y = element.centre
            for point in ((x, y), (x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)):
                assert contains(point, element.polygons), element.element_id
                covering = [e.element_id for e in elements[index + 1:]
                            if contains(point, e.polygons)]
                assert not covering, f"{view}: {element.element_id} is under {covering}"


def _side_labels(view: str) -> list[tuple[str, float]]:
    root = ET.fromstring(view_document(view).text)
    found = []
    for text in root.iter(f"{{{SVG_NS}}}text"):
        for word in re.findall(r"\b(LEFT|RIGHT)\b", text.text or "", flags=re.IGNORECASE):
            found.append((word.lower(), float(text.attrib["x"])))
    return found


@pytest.mark.parametrize(("view", "right_is_on"), [("front", "viewer's left"),
                                                   ("back", "viewer's right")])
def test_left_and_right_are_written_on_the_correct_side_of_the_midline(view, right_is_on):
    midline = view_document(view).midline_x
    labels = _side_labels(view)
    assert {word for word, _ in labels} == {"left", "right"}
    for word, x in labels:
        on_viewers_left = x < midline
        patients_right_on_viewers_left = right_is_on == "viewer's left"
        expected = patients_right_on_viewers_left if word == "right" else \
            not patients_right_on_viewers_left
        assert on_viewers_left == expected, f"{view}: {word.upper()} at x={x}"


@pytest.mark.parametrize(("view", "right_is_on"), [("front", "viewer's left"),
                                                   ("back", "viewer's right")])
def test_the_drawn_sides_match_the_labels(view, right_is_on):
    """Every patient's-right element lies on the same side of the midline as the RIGHT label."""
    midline = view_document(view).midline_x
    for element in region_elements(view):
        x, _ = element.centre
        if element.side == "midline":
            assert abs(x - midline) < 8, element.element_id
            continue
        on_viewers_left = x < midline
        right_on_viewers_left = right_is_on == "viewer's left"
        assert on_viewers_left == (right_on_viewers_left == (element.side == "right")), \
            element.element_id


def test_element_ids_parse_with_an_optional_part():
    assert parse_element_id("left.dorsum_foot") == ("left", "dorsum_foot")
    assert parse_element_id("right.heel.plantar") == ("right", "heel")
    assert parse_element_id("midline.low_back") == ("midline", "low_back")
    assert parse_element_id("head-outline") is None
    assert parse_element_id("top.heel") is None


def test_an_unknown_view_is_refused_by_name():
    with pytest.raises(BodyMapError, match=r"'side'.*front, back"):
        region_elements("side")


def test_a_region_path_with_curves_is_refused_naming_the_element(tmp_path, monkeypatch):
    folder = tmp_path / "body_map"
    folder.mkdir()
    (folder / "front.svg").write_text(
        f'<svg xmlns="{SVG_NS}" width="10" height="10" data-midline-x="5">'
        '<path id="left.thumb" d="M0,0 C1,1 2,2 3,3 Z"/></svg>', encoding="utf-8")
    monkeypatch.setattr(views, "resources_dir", lambda: tmp_path)
    view_document.cache_clear()
    try:
        with pytest.raises(BodyMapError, match=r"left\.thumb.*'C'"):
            region_elements("front")
    finally:
        view_document.cache_clear()


@pytest.mark.parametrize("view", VIEWS)
def test_the_quick_reading_of_each_shipped_path_equals_the_token_walk(view):
    root = ET.fromstring(views.svg_path(view).read_text(encoding="utf-8"))
    paths = [(element.get("id"), element.get("d")) for element in root.iter(f"{{{SVG_NS}}}path")
             if parse_element_id(element.get("id", ""))]
    assert paths
    for element_id, d in paths:
        quick = views._plain_polygons(d)
        assert quick is not None, element_id  # the generated files take the quick reading
        assert quick == views._walked_polygons(element_id, d, views.svg_path(view))


@pytest.mark.parametrize(("d", "expected"), [
    ("M0,0 L4,0 L4,3 Z", ((0.0, 0.0), (4.0, 0.0), (4.0, 3.0))),
    ("M0 0L4 0L4 3Z", ((0.0, 0.0), (4.0, 0.0), (4.0, 3.0))),
    ("M1-2 L4,0 L.5,3 Z", ((1.0, -2.0), (4.0, 0.0), (0.5, 3.0))),  # compact numbers: walked
])
def test_other_spellings_of_plain_paths_read_the_same_points(d, expected):
    assert views._polygons("left.thumb", d, views.svg_path("front")) == (expected,)


@pytest.mark.parametrize(("d", "problem"), [
    ("M0,0 L4,0 Z", "fewer than three points"),
    ("M0,0 L4,0 L4,3", "closed subpaths"),
    ("M0,0 L4 L4,3 L1,1 Z", "L without two numbers"),
    ("M0,0 L4,0 L4,3 M1,1 L2,2 L2,1 Z", "before closing"),
    ("M nan,0 L4,0 L4,3 Z", "M without two numbers"),
])
def test_a_malformed_region_path_is_refused_naming_the_problem(d, problem):
    with pytest.raises(BodyMapError, match=rf"left\.thumb.*{problem}"):
        views._polygons("left.thumb", d, views.svg_path("front"))
