"""Strict reading of one knowledge table: exact columns, no blanks, no duplicates.

A table is UTF-8 CSV with a header row. Lines starting with `#` before the header are
metadata (`# version: 2026-11-21`). Cells listing several values separate them with `;`;
weighted lists are `L4:0.6;L5:0.4`. Every problem raises `KnowledgeError` naming the file,
the line and the column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


class KnowledgeError(ValueError):
    """A knowledge table is missing, malformed or inconsistent; NerveChart must not start."""


@dataclass(frozen=True)
class Row:
    """One data row, remembering where it came from so errors can point at it."""

    file: str
    line: int
    cells: dict[str, str]

    def fail(self, column: str, problem: str) -> KnowledgeError:
        value = self.cells.get(column, "")
        return KnowledgeError(f"{self.file} line {self.line}, column {column!r}: "
                              f"{value!r} {problem}")

    def text(self, column: str) -> str:
        return self.cells[column]

    def optional(self, column: str) -> str | None:
        return self.cells[column] or None

    def items(self, column: str) -> tuple[str, ...]:
        raw = self.cells[column]
        return tuple(part.strip() for part in raw.split(";") if part.strip()) if raw else ()

    def flag(self, column: str) -> bool:
        value = self.cells[column]
        if value not in ("yes", "no"):
            raise self.fail(column, "must be yes or no")
        return value == "yes"

    def choice(self, column: str, allowed: Sequence[str]) -> str:
        value = self.cells[column]
        if value not in allowed:
            raise self.fail(column, f"is not one of {', '.join(allowed)}")
        return value

    def weights(self, column: str, allowed_keys: Sequence[str]) -> dict[str, float]:
        """`A:0.6;B:0.4` -> {"A": 0.6, "B": 0.4}; keys checked, shares must sum to 1."""
        result: dict[str, float] = {}
        for part in self.items(column):
            key, _, share = part.partition(":")
            if key not in allowed_keys:
                raise self.fail(column, f"names unknown key {key!r}")
            if key in result:
                raise self.fail(column, f"names {key!r} twice")
            try:
                result[key] = float(share)
            except ValueError:
                raise self.fail(column, f"has a share that is not a number in {part!r}") from None
        if not result:
            raise self.fail(column, "is empty")
        if abs(sum(result.values()) - 1.0) > 0.011:
            raise self.fail(column, "shares do not add up to 1")
        return result


@dataclass(frozen=True)
class Table:
    file: str
    version: str
    rows: tuple[Row, ...]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


def read_table(path: Path, columns: Sequence[str], optional_blank: Sequence[str] = ()) -> Table:
    """Read `path`, insisting on exactly `columns`, unique first-column keys and no blanks
    (except in `optional_blank` columns)."""
    name = path.name
    if not path.is_file():
        raise KnowledgeError(f"{name}: knowledge table is missing ({path})")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeError(f"{name}: cannot be read: {err}") from None
    lines = text.splitlines()
    version = ""
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        key, _, value = lines[start].lstrip("#").partition(":")
        if key.strip() == "version":
            version = value.strip()
        start += 1
    reader = csv.reader(io.StringIO("\n".join(lines[start:])))
    header = next(reader, None)
    if header != list(columns):
        raise KnowledgeError(f"{name}: header is {header}, expected {list(columns)}")
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for offset, cells in enumerate(reader, start=start + 2):
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(columns):
            raise KnowledgeError(f"{name} line {offset}: {len(cells)} cells, "
                                 f"expected {len(columns)}")
        row = Row(name, offset, {col: cell.strip() for col, cell in zip(columns, cells,
                                                                       strict=True)})
        for column in columns:
            if not row.cells[column] and column not in optional_blank:
                raise row.fail(column, "is blank")
        key = row.cells[columns[0]]
        if key in seen:
            raise row.fail(columns[0], f"duplicates line {seen[key]}")
        seen[key] = offset
        rows.append(row)
    if not rows:
        raise KnowledgeError(f"{name}: has no rows")
    return Table(name, version, tuple(rows))
