"""The strokes and dots that show a symptom kind inside one region, shared by screen and letter.

Each kind is a tint of its colour plus its own pattern (lines at an angle, dots, or crossed
lines), clipped exactly to the region. Several kinds in one region overlay their patterns;
the tint is the first kind's in vocabulary order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from app.bodymap.geometry import Point, Polygon, Segment, dot_grid, hatch_lines
from app.bodymap.styles import SymptomStyle, symptom_styles
from app.domain.vocabulary import SYMPTOM_KINDS

TINT_OPACITY = 0.28
STROKE_WIDTH = 0.9
DOT_RADIUS = 1.1


class PatternMarks(NamedTuple):  # defined at start-up: a frozen dataclass costs ~1 ms more
    style: SymptomStyle
    segments: tuple[Segment, ...]
    dots: tuple[Point, ...]


def ordered_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    """The kinds in the vocabulary's order (so drawings do not depend on set order)."""
    present = set(kinds)
    return tuple(kind for kind in SYMPTOM_KINDS if kind in present)


def pattern_marks(polygons: Sequence[Polygon], kind: str) -> PatternMarks:
    """The pattern of `kind` clipped to the region outline."""
    style = symptom_styles()[kind]
    if style.pattern == "dots":
        return PatternMarks(style, (), tuple(dot_grid(polygons, style.spacing)))
    angles = [style.angle] if style.pattern == "lines" else [style.angle, style.angle + 90]
    segments = [segment for angle in angles
                for segment in hatch_lines(polygons, angle, style.spacing)]
    return PatternMarks(style, tuple(segments), ())


def tint_colour(kinds: Iterable[str]) -> str | None:
    """The fill colour of a region holding these kinds, or None when unmarked."""
    ordered = ordered_kinds(kinds)
    return symptom_styles()[ordered[0]].colour if ordered else None
