"""Qt drawing of body-map shapes and symptom patterns, from the geometry in `app.bodymap`.

The strokes and dots come from `app.bodymap.marks`, the same ones the letter's SVG gets, so the
screen and the PDF always show a kind with the same colour and pattern.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

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


def painter_path(polygons: Sequence[Polygon]) -> QPainterPath:
    """The region outline as a path filled with the non-zero rule, as the SVG is."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    line_to = path.lineTo  # point by point: a third of the time of a QPolygonF of QPointFs
    for (x, y), *others in polygons:
        path.moveTo(x, y)
        for point in others:
            line_to(*point)
        path.closeSubpath()
    return path


class PatternCache:
    """Pattern strokes per kind for one fixed outline (computed once, drawn on every paint)."""

    def __init__(self, polygons: Sequence[Polygon]):
        self._polygons = tuple(polygons)
        self._lines: dict[str, list[QLineF]] = {}
        self._dots: dict[str, list[QPointF]] = {}

    def _compute(self, kind: str) -> None:
        marks = pattern_marks(self._polygons, kind)
        self._lines[kind] = [QLineF(x0, y0, x1, y1) for (x0, y0), (x1, y1) in marks.segments]
        self._dots[kind] = [QPointF(x, y) for x, y in marks.dots]

    def paint(self, painter: QPainter, path: QPainterPath, kinds: Iterable[str]) -> None:
        """Tint `path` with the first kind's colour, then draw every kind's pattern."""
        ordered = ordered_kinds(kinds)
        if not ordered:
            return
        tint = QColor(tint_colour(ordered))
        tint.setAlphaF(TINT_OPACITY)
        painter.fillPath(path, tint)
        for kind in ordered:
            if kind not in self._lines:
                self._compute(kind)
            colour = QColor(symptom_styles()[kind].colour)
            painter.setPen(QPen(colour, STROKE_WIDTH))
            painter.drawLines(self._lines[kind])
            if self._dots[kind]:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)  # a QBrush built here would cost its class at start
                for dot in self._dots[kind]:
                    painter.drawEllipse(dot, DOT_RADIUS, DOT_RADIUS)
                painter.setBrush(Qt.BrushStyle.NoBrush)

