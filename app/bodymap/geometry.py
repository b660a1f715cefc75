"""Plane geometry of region outlines: inside tests, an interior point, and pattern marks.

A region is one or more closed polygons filled with the non-zero winding rule (as SVG does by
default). Hatching is computed here, clipped exactly to the region, so the screen and the
letter draw the same strokes and the SVG needs no `<pattern>` or `<clipPath>` support.
Angles are degrees anticlockwise from horizontal as seen on the page (y grows downwards).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeAlias

Point: TypeAlias = tuple[float, float]
Polygon: TypeAlias = tuple[Point, ...]
Segment: TypeAlias = tuple[Point, Point]


def _edges(polygons: Sequence[Polygon]):
    for polygon in polygons:
        yield from zip(polygon, polygon[1:] + polygon[:1], strict=True)


def winding_number(point: Point, polygons: Sequence[Polygon]) -> int:
    """How many times the outlines wind round `point` (0 = outside)."""
    x, y = point
    winding = 0
    for (x0, y0), (x1, y1) in _edges(polygons):
        if (y0 <= y < y1) or (y1 <= y < y0):
            crossing_x = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
            if crossing_x > x:
                winding += 1 if y1 > y0 else -1
    return winding


def contains(point: Point, polygons: Sequence[Polygon]) -> bool:
    return winding_number(point, polygons) != 0


def _spans(polygons: Sequence[Polygon], angle: float, offset: float) -> list[Segment]:
    """The inside parts of the line {p : p . normal = offset} with direction `angle`."""
    radians = math.radians(angle)
    dx, dy = math.cos(radians), -math.sin(radians)
    nx, ny = -dy, dx
    crossings: list[tuple[float, int]] = []
    for (x0, y0), (x1, y1) in _edges(polygons):
        p0, p1 = x0 * nx + y0 * ny, x1 * nx + y1 * ny
        if (p0 <= offset < p1) or (p1 <= offset < p0):
            t = (offset - p0) / (p1 - p0)
            x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            crossings.append((x * dx + y * dy, 1 if p1 > p0 else -1))
    crossings.sort()
    spans: list[Segment] = []
    winding = 0
    start = 0.0
    for along, direction in crossings:
        was_inside = winding != 0
        winding += direction
        if not was_inside and winding != 0:
            start = along
        elif was_inside and winding == 0 and along - start > 1e-6:
            spans.append(((start * dx + offset * nx, start * dy + offset * ny),
                          (along * dx + offset * nx, along * dy + offset * ny)))
    return spans


def hatch_lines(polygons: Sequence[Polygon], angle: float, spacing: float) -> list[Segment]:
    """Parallel strokes `spacing` apart at `angle`, clipped to the region."""
    radians = math.radians(angle)
    nx, ny = math.sin(radians), math.cos(radians)
    projections = [x * nx + y * ny for polygon in polygons for x, y in polygon]
    first = math.floor(min(projections) / spacing) + 0.5
    count = int((max(projections) - min(projections)) / spacing) + 2
    segments: list[Segment] = []
    for index in range(count):
        segments += _spans(polygons, angle, (first + index) * spacing)
    return segments


def dot_grid(polygons: Sequence[Polygon], spacing: float) -> list[Point]:
    """Centres of a staggered grid of dots inside the region."""
    xs = [x for polygon in polygons for x, _ in polygon]
    ys = [y for polygon in polygons for _, y in polygon]
    dots: list[Point] = []
    row = 0
    y = math.floor(min(ys) / spacing) * spacing + spacing / 2
    while y < max(ys):
        x = math.floor(min(xs) / spacing) * spacing + (spacing / 2 if row % 2 else 0)
        while x < max(xs):
            if contains((x, y), polygons):
                dots.append((x, y))
            x += spacing
        y += spacing * 0.87
        row += 1
    return dots


def _distance_to_edges(point: Point, polygon: Polygon) -> float:
    px, py = point
    best = math.inf
    for (x0, y0), (x1, y1) in _edges((polygon,)):
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / length))
        best = min(best, math.hypot(px - (x0 + t * dx), py - (y0 + t * dy)))
    return best


def _bounds(polygons: Sequence[Polygon]) -> tuple[float, float, float, float]:
    xs = [x for polygon in polygons for x, _ in polygon]
    ys = [y for polygon in polygons for _, y in polygon]
    return min(xs), min(ys), max(xs), max(ys)


def _box_distance(point: Point, box: tuple[float, float, float, float]) -> float:
    dx = max(box[0] - point[0], 0.0, point[0] - box[2])
    dy = max(box[1] - point[1], 0.0, point[1] - box[3])
    return math.hypot(dx, dy)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def interior_point(polygon: Polygon, covers: Sequence[Sequence[Polygon]] = ()) -> Point:
    """A point well inside the polygon and outside every shape in `covers` (shapes drawn over
    it): of the midpoints of its horizontal spans on fifteen rows, the one farthest from all
    those edges, nearer the middle row on a near tie."""
    box = _bounds((polygon,))
    nearby = [(shape, bounds) for shape in covers if _overlaps(box, bounds := _bounds(shape))]
    top, bottom = box[1], box[3]
    best: tuple[float, Point] | None = None
    for row in range(1, 16):
        y = top + (bottom - top) * row / 16
        spans = _spans((polygon,), 0.0, y)
        for shape, bounds in nearby:
            if bounds[1] <= y <= bounds[3]:
                spans = [piece for span in spans
                         for piece in _minus(span, _spans(shape, 0.0, y))]
        for (x0, _), (x1, _) in spans:
            candidate = ((x0 + x1) / 2, y)
            clearance = _distance_to_edges(candidate, polygon)
            for shape, bounds in nearby:
                if _box_distance(candidate, bounds) < clearance:
                    clearance = min([clearance] + [_distance_to_edges(candidate, p)
                                                   for p in shape])
            score = clearance * (1 - 0.01 * abs(row - 8))
            if best is None or score > best[0]:
                best = (score, candidate)
    if best is None:
        raise ValueError("the polygon has no uncovered area")
    return best[1]


def _minus(span: Segment, holes: Sequence[Segment]) -> list[Segment]:
    """The parts of a horizontal span outside the horizontal `holes` on the same row."""
    (start, y), (end, _) = sorted(span)
    pieces = [(start, end)]
    for hole in holes:
        (h0, _), (h1, _) = sorted(hole)
        pieces = [part for a, b in pieces
                  for part in ((a, min(b, h0)), (max(a, h1), b)) if part[1] - part[0] > 1e-6]
    return [((a, y), (b, y)) for a, b in pieces]
