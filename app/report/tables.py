"""Table flowables of the letter: the finding grids, label/value blocks and the urgency banner.

Cells are built by the callers with `markup.para`/`rich` (so already escaped); this module only
sets geometry and colours. Grids repeat their header row on a new page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from app.report.template import LetterStyle

Cell = Flowable | str


def grid(header: Sequence[Cell], rows: Sequence[Sequence[Cell]], widths: Sequence[float],
         style: LetterStyle, marked: Sequence[tuple[int, int]] = ()) -> Table:
    """A findings grid; `marked` (column, row-in-body) cells get the abnormal fill."""
    table = Table([list(header), *map(list, rows)], colWidths=list(widths), repeatRows=1)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(style.header_fill)),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(style.rule_colour)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    fill = colors.HexColor(style.abnormal_fill)
    commands.extend(("BACKGROUND", (col, row + 1), (col, row + 1), fill) for col, row in marked)
    table.setStyle(TableStyle(commands))
    return table


def label_value(rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> Table:
    """Label/value pairs (any even number of columns), no rules, tight padding."""
    table = Table([list(r) for r in rows], colWidths=list(widths))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def banner(cells: Sequence[Flowable], width: float, fill: str) -> Table:
    """A full-width block on the urgency colour, one flowable per row."""
    table = Table([[cell] for cell in cells], colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(fill)),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (0, 0), 5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
    ]))
    return table
