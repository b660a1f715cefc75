"""How each symptom kind is drawn: colour and pattern, from resources/body_map/symptom_styles.csv.

The table has one row per symptom kind of the exam format, each with its reason and source;
it is read strictly (exact columns, every kind once, a `#RRGGBB` colour, a known pattern),
and any problem raises `BodyMapError` naming the file, line and column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from app.bodymap.views import BodyMapError
from app.domain.vocabulary import SYMPTOM_KINDS
from app.paths import resources_dir

PATTERNS: tuple[str, ...] = ("lines", "dots", "cross")
COLUMNS: tuple[str, ...] = ("kind", "label", "colour", "colour_name", "pattern", "angle",
                            "spacing", "rationale", "source")
_COLOUR = re.compile(r"#[0-9A-F]{6}")


class SymptomStyle(NamedTuple):  # defined at start-up: a frozen dataclass costs ~1 ms more
    kind: str
    label: str
    colour: str  # "#RRGGBB"
    colour_name: str
    pattern: str  # one of PATTERNS
    angle: float  # degrees anticlockwise from horizontal on the page
    spacing: float  # page units between strokes or dots
    rationale: str
    source: str


def styles_path() -> Path:
    return resources_dir() / "body_map" / "symptom_styles.csv"


@cache
def symptom_styles() -> Mapping[str, SymptomStyle]:
    """Kind -> style, in the vocabulary's order of kinds."""
    path = styles_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise BodyMapError(f"cannot read {path}: {error}") from error
    first_data = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    reader = csv.DictReader(io.StringIO("\n".join(lines[first_data:])))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise BodyMapError(f"{path}: columns must be {', '.join(COLUMNS)}; "
                           f"found {', '.join(reader.fieldnames or ())}")
    styles: dict[str, SymptomStyle] = {}
    for number, row in enumerate(reader, start=first_data + 2):
        style = _style(row, f"{path.name} line {number}")
        if style.kind in styles:
            raise BodyMapError(f"{path.name} line {number}: kind {style.kind!r} appears twice")
        styles[style.kind] = style
    missing = [kind for kind in SYMPTOM_KINDS if kind not in styles]
    if missing:
        raise BodyMapError(f"{path.name}: no style for symptom kinds {', '.join(missing)}")
    return MappingProxyType({kind: styles[kind] for kind in SYMPTOM_KINDS})


def _style(row: dict[str, str], where: str) -> SymptomStyle:
    def fail(column: str, problem: str) -> BodyMapError:
        return BodyMapError(f"{where}, column {column!r}: {row.get(column)!r} {problem}")

    for column in COLUMNS:
        if not (row.get(column) or "").strip():
            raise fail(column, "is empty")
    if row["kind"] not in SYMPTOM_KINDS:
        raise fail("kind", f"is not a symptom kind ({', '.join(SYMPTOM_KINDS)})")
    if not _COLOUR.fullmatch(row["colour"]):
        raise fail("colour", "must be #RRGGBB in capitals")
    if row["pattern"] not in PATTERNS:
        raise fail("pattern", f"is not one of {', '.join(PATTERNS)}")
    try:
        angle, spacing = float(row["angle"]), float(row["spacing"])
    except ValueError as error:
        raise fail("angle", f"and spacing must be numbers ({error})") from error
    if spacing < 2:
        raise fail("spacing", "must be at least 2 page units")
    return SymptomStyle(row["kind"], row["label"], row["colour"], row["colour_name"],
                        row["pattern"], angle, spacing, row["rationale"], row["source"])
