"""The two body-map views as documents: their size, midline and clickable region elements.

`resources/body_map/<view>.svg` holds one `<path>` per region element. Its id is
`<side>.<region>` or `<side>.<region>.<part>`: side is the patient's `left`, `right` or
`midline`, region an ID of the exam format, and the optional part lets one region appear twice
on a view (the heel seen from behind and the heel pad in the sole inset). Paths use only
absolute `M`, `L` and `Z`, so the geometry can be read here exactly, without a renderer, and
drawn by Qt, hatched for the letter and hit-tested the same way everywhere.

Reading is on the charting window's start-up path, so the file goes straight through expat
(only the root's and the paths' attributes are kept; no element tree), the region outlines are
read when `ViewDocument.regions` is first used, and a well-formed path (the generated files'
`M x,y L x,y ... Z`) is split with string methods; anything that reading does not accept is
walked token by token, which either reads it or names the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from xml.parsers import expat

from app.bodymap.geometry import Point, Polygon, interior_point
from app.domain.vocabulary import SYMPTOM_SIDES
from app.paths import resources_dir

VIEWS: tuple[str, ...] = ("front", "back")
SVG_NS = "http://www.w3.org/2000/svg"
_PATH_TOKEN = r"[A-Za-z]|-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE]-?\d+)?"  # compiled on first need
_NOT_PLAIN = str.maketrans("", "", "0123456789.-eE,MLZ \t\r\n")  # deletes what plain paths use


class BodyMapError(ValueError):
    """A body-map file is missing or malformed, or a caller named an unknown view."""


@dataclass(frozen=True)
class RegionElement:
    """One clickable shape: the SVG element, the side and region it marks, its outline."""

    element_id: str
    view: str
    side: str
    region: str
    polygons: tuple[Polygon, ...]
    # the outlines of the elements drawn after this one, which may cover part of it
    drawn_over: tuple[tuple[Polygon, ...], ...] = field(default=(), repr=False, compare=False)

    @property
    def key(self) -> tuple[str, str]:
        """(side, region), the key of `Exam.symptoms`."""
        return (self.side, self.region)

    @cached_property
    def centre(self) -> Point:
        """A point well inside the element and clear of the elements drawn over it
        (for labels and clicks); computed on first use."""
        return interior_point(max(self.polygons, key=_area), self.drawn_over)


@dataclass(frozen=True)
class ViewDocument:
    """A view's SVG text, size and midline; its region elements are read on first use of
    `regions` (the charting window opens on the figure before it needs the outlines)."""

    view: str
    text: str
    width: float
    height: float
    midline_x: float

    @cached_property
    def regions(self) -> tuple[RegionElement, ...]:
        """Every region element in drawing order; `BodyMapError` names a malformed one."""
        path = svg_path(self.view)
        _, paths = _root_and_paths(self.text)
        shapes = [(element_id, key, _polygons(element_id, attributes.get("d", ""), path))
                  for attributes in paths
                  if (key := parse_element_id(element_id := attributes.get("id", "")))
                  is not None]
        outlines = [polygons for _, _, polygons in shapes]
        return tuple(
            RegionElement(element_id, self.view, *key, polygons, tuple(outlines[index + 1:]))
            for index, (element_id, key, polygons) in enumerate(shapes)
        )


def parse_element_id(element_id: str) -> tuple[str, str] | None:
    """`left.heel.plantar` -> ("left", "heel"); None for ids that are not region elements."""
    parts = element_id.split(".")
    if len(parts) in (2, 3) and parts[0] in SYMPTOM_SIDES and parts[1]:
        return parts[0], parts[1]
    return None


def svg_path(view: str) -> Path:
    """Where a view's SVG lives."""
    if view not in VIEWS:
        raise BodyMapError(f"unknown body-map view {view!r}; allowed: {', '.join(VIEWS)}")
    return resources_dir() / "body_map" / f"{view}.svg"


@cache
def view_document(view: str) -> ViewDocument:
    """The view's document; read once per process."""
    path = svg_path(view)
    try:
        text = path.read_text(encoding="utf-8")
        root, _ = _root_and_paths(text)
    except (OSError, expat.ExpatError) as error:
        raise BodyMapError(f"cannot read the {view} body map {path}: {error}") from error
    try:
        width, height = float(root["width"]), float(root["height"])
        midline_x = float(root["data-midline-x"])
    except (KeyError, ValueError) as error:
        raise BodyMapError(f"{path}: the <svg> element needs numeric width, height and "
                           f"data-midline-x ({error})") from error
    return ViewDocument(view, text, width, height, midline_x)


def _root_and_paths(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The attributes of the root element and of every SVG `<path>`, in document order."""
    parser = expat.ParserCreate(namespace_separator=" ")
    root: dict[str, str] = {}
    paths: list[dict[str, str]] = []
    path_tag = f"{SVG_NS} path"
    started = False

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal started
        if not started:
            started = True
            root.update(attributes)
        elif tag == path_tag:
            paths.append(attributes)

    parser.StartElementHandler = start
    parser.Parse(text, True)
    return root, paths


def region_elements(view: str) -> tuple[RegionElement, ...]:
    """Every region element of a view, in drawing order."""
    return view_document(view).regions


def region_keys(view: str) -> frozenset[tuple[str, str]]:
    """The (side, region) pairs a view can mark."""
    return frozenset(element.key for element in region_elements(view))


def _polygons(element_id: str, d: str, path: Path) -> tuple[Polygon, ...]:
    """The closed subpaths of a region's path data, as polygons."""
    return _plain_polygons(d) or _walked_polygons(element_id, d, path)


def _plain_polygons(d: str) -> tuple[Polygon, ...] | None:
    """Path data of the plain form `M x,y L x,y ... Z ...` read with string methods; None
    when it is not of that form (left to `_walked_polygons`)."""
    if d.translate(_NOT_PLAIN):  # a character other than those
        return None
    tokens = d.replace(",", " ").replace("M", " M ").replace("L", " L ").replace("Z", " Z ").split()
    polygons: list[Polygon] = []
    start = 0
    try:
        while start < len(tokens):
            end = tokens.index("Z", start)
            body = tokens[start:end]  # M x y L x y ... : commands every third token
            commands = body[::3]
            if (len(body) % 3 or len(commands) < 3 or commands[0] != "M"
                    or commands.count("L") != len(commands) - 1):
                return None
            polygons.append(tuple(zip(map(float, body[1::3]), map(float, body[2::3]),
                                      strict=True)))
            start = end + 1
    except ValueError:  # no closing Z, or a number float() cannot read
        return None
    return tuple(polygons) or None


def _walked_polygons(element_id: str, d: str, path: Path) -> tuple[Polygon, ...]:
    """Any path data, token by token: its polygons, or an error naming what is wrong."""
    tokens = re.findall(_PATH_TOKEN, d)
    polygons: list[Polygon] = []
    current: list[Point] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in ("M", "L"):
            if token == "M" and current:
                raise BodyMapError(f"{path}: path {element_id!r} starts a subpath before "
                                   "closing the previous one with Z")
            try:
                current.append((float(tokens[index + 1]), float(tokens[index + 2])))
            except (IndexError, ValueError) as error:
                raise BodyMapError(f"{path}: path {element_id!r} has a {token} without "
                                   "two numbers") from error
            index += 3
        elif token == "Z":
            if len(current) < 3:
                raise BodyMapError(f"{path}: path {element_id!r} has a subpath with fewer "
                                   "than three points")
            polygons.append(tuple(current))
            current = []
            index += 1
        else:
            raise BodyMapError(f"{path}: path {element_id!r} uses {token!r}; region paths may "
                               "only use absolute M, L and Z")
    if current or not polygons:
        raise BodyMapError(f"{path}: path {element_id!r} must be closed subpaths (M ... Z)")
    return tuple(polygons)


def _area(polygon: Polygon) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1)
                   in zip(polygon, polygon[1:] + polygon[:1], strict=True))) / 2
