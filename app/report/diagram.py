"""`BodyDiagram`: the body chart's front and back views, marked with the exam's symptoms.

Drawn as vectors from the same SVG files the GUI shows (`app.bodymap.view_document`), through
svglib, with each marked region tinted and patterned by the shared `app.bodymap.marks` rules
(tint and pattern per symptom kind, as `marked_svg` does for the SVG text). Both views share one
scale, chosen so the figure fits the given width and height. The SVGs' own labels (the
patient's RIGHT/LEFT, FRONT/BACK, the sole insets) are taken out before svglib draws them and
drawn again with the letter's font at a legible size (ecosystem.md 2.6); the
legend (each kind's tint, pattern and name) is drawn under the figure the same way, with the
pattern strokes of `app.bodymap.marks`. `to_local` maps an SVG point of a view to the
flowable's coordinates (the tests use it to find a marked region on the rendered page).

Speed: a marked view shares every unmarked part with the view svglib drew once per process,
the pattern groups are made once per region and kinds, and `_ReplayingRenderer` writes the PDF
operators of such a shared part as recorded the first time it was drawn (from the same
renderer and canvas state) instead of walking its ~6,700 path points again: the same bytes, a
fraction of the time. Letters are built one at a time
(`app.report.renderer` holds a lock), so the recordings need no lock of their own.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from reportlab.graphics.renderbase import renderScaledDrawing
from reportlab.graphics.renderPDF import _PDFRenderer
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Shape, String
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from svglib.svglib import svg2rlg

from app.bodymap import VIEWS, BodyMapError, region_elements, symptom_styles, view_document
from app.bodymap.geometry import Polygon
from app.bodymap.marks import (
    DOT_RADIUS,
    STROKE_WIDTH,
    TINT_OPACITY,
    ordered_kinds,
    pattern_marks,
    tint_colour,
)
from app.bodymap.views import SVG_NS
from app.report.fonts import BOLD, REGULAR

GAP_PT = 24.0  # between the two views
TOP_PAD_PT = 7.0  # room for the label lines stacked above the first SVG label
LEGEND_ROW_PT = 13.0
SWATCH_PT = 9.0
SWATCH_UNITS = 14.0  # the swatch's size in body-map units, for the pattern spacing
LABEL_FONTS = {"side": (BOLD, 8.0), "title": (BOLD, 7.0)}  # SVG class -> font, size
OTHER_LABEL_FONT = (REGULAR, 5.5)
LEGEND_FONT = (REGULAR, 7.0)
SAME_LABEL_UNITS = 20.0  # SVG texts this close below each other, at one x, form one label


@dataclass(frozen=True)
class _Label:
    x: float  # SVG units, the centre
    y: float  # SVG units, baseline of the last line
    lines: tuple[tuple[str, str], ...]  # (text, SVG class), top to bottom


class _ReplayingRenderer(_PDFRenderer):
    """renderPDF's renderer, replaying the recorded operators of the parts in `_shared_parts`.

    What a part draws depends only on the part (never changed, and kept for the process, so
    its `id` is its own) and on the state it starts from: the renderer's fill and
    stroke switches (renderPDF does not restore them after a node) and the canvas's fill mode
    and transparency settings (the font matters to text only, and no shared part holds text).
    A recording is keyed by both; it keeps the operators, the
    switches after the part and the PDF version the part needs. A part whose operators name a
    document resource (`gs`, a transparency state numbered per document) is never recorded.
    """

    def __init__(self) -> None:
        super().__init__()
        self._recording = False

    def drawNode(self, node: Shape) -> None:
        if self._recording or id(node) not in _shared_parts:
            super().drawNode(node)
            return
        canvas = self._canvas
        key = (id(node), self._fill, self._stroke, canvas._fillMode,
               tuple(sorted(canvas._extgstate._d.items())))
        recorded = _recordings.get(key)
        if recorded is None:
            start = len(canvas._code)
            self._recording = True
            try:
                super().drawNode(node)
            finally:
                self._recording = False
            operators = tuple(canvas._code[start:])
            if not any(line.endswith(" gs") for line in operators):
                _recordings[key] = _Recording(operators, (self._fill, self._stroke),
                                                   canvas._doc._pdfVersion)
            return
        canvas._code.extend(recorded.operators)
        self._fill, self._stroke = recorded.switches
        canvas._doc._pdfVersion = max(canvas._doc._pdfVersion, recorded.pdf_version)


@dataclass(frozen=True)
class _Recording:
    operators: tuple[str, ...]
    switches: tuple[int, int]  # the renderer's fill and stroke switches after the part
    pdf_version: tuple[int, int]


# Ids of the drawing parts kept for the process and never changed: the unmarked views' parts
# and the pattern groups. One letter is built at a time (see the module docstring).
_shared_parts: set[int] = set()
_recordings: dict[tuple, _Recording] = {}


@dataclass(frozen=True)
class _View:
    name: str
    drawing: Drawing
    svg_height: float
    labels: tuple[_Label, ...]


class BodyDiagram(Flowable):
    def __init__(self, symptoms: Mapping[tuple[str, str], Iterable[str]], max_width: float,
                 max_height: float):
        super().__init__()
        self._views = [_view(name, symptoms) for name in VIEWS]
        self._kinds = ordered_kinds(kind for kinds in symptoms.values() for kind in kinds)
        self._legend_height = LEGEND_ROW_PT if self._kinds else 0.0
        self._natural_width = sum(v.drawing.width for v in self._views) + GAP_PT
        self._natural_height = max(v.drawing.height for v in self._views)
        self.fit(max_width, max_height)

    def fit(self, max_width: float, max_height: float) -> None:
        """Scale the figure (labels and legend keep their size) to fit within the box."""
        room = max(max_height - TOP_PAD_PT - self._legend_height, 1.0)
        self.scale = min(max_width / self._natural_width, room / self._natural_height, 1.0)
        self._figure_height = self._natural_height * self.scale
        self.width = self._natural_width * self.scale
        self.height = TOP_PAD_PT + self._figure_height + self._legend_height
        self._offset = (max_width - self.width) / 2  # centred in the box

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width + self._offset, self.height

    def draw(self) -> None:
        for left, view in zip(self._lefts(), self._views, strict=True):
            canvas = self.canv
            canvas.saveState()
            canvas.translate(left, self._legend_height + self._figure_height
                             - view.drawing.height * self.scale)
            canvas.scale(self.scale, self.scale)
            _ReplayingRenderer().draw(
                renderScaledDrawing(view.drawing), canvas, 0, 0)
            canvas.restoreState()
            for label in view.labels:
                self._draw_label(view.name, label)
        self._draw_legend()

    def to_local(self, view: str, x: float, y: float) -> tuple[float, float]:
        """Where SVG point (x, y) of `view` lands, in this flowable's coordinates (points)."""
        for left, candidate in zip(self._lefts(), self._views, strict=True):
            if candidate.name == view:
                unit = candidate.drawing.height / candidate.svg_height * self.scale
                top = self._legend_height + self._figure_height
                return left + x * unit, top - y * unit
        raise BodyMapError(f"unknown body-map view {view!r}")

    def _lefts(self) -> list[float]:
        lefts, x = [], self._offset
        for view in self._views:
            lefts.append(x)
            x += (view.drawing.width + GAP_PT) * self.scale
        return lefts

    def _draw_label(self, view: str, label: _Label) -> None:
        x, baseline = self.to_local(view, label.x, label.y)
        canvas = self.canv
        canvas.setFillColor(colors.HexColor("#222222"))
        for text, css_class in reversed(label.lines):
            font, size = LABEL_FONTS.get(css_class, OTHER_LABEL_FONT)
            canvas.setFont(font, size)
            canvas.drawCentredString(x, baseline, text)
            baseline += size * 1.15

    def _draw_legend(self) -> None:
        if not self._kinds:
            return
        canvas, styles = self.canv, symptom_styles()
        column = self.width / max(len(self._kinds), 3)
        for index, kind in enumerate(self._kinds):
            style = styles[kind]
            x, y = self._offset + index * column, 2.0
            canvas.saveState()
            canvas.setFillColor(colors.HexColor(style.colour), alpha=TINT_OPACITY)
            canvas.setStrokeColor(colors.HexColor(style.colour))
            canvas.setLineWidth(0.6)
            canvas.rect(x, y, SWATCH_PT, SWATCH_PT, stroke=1, fill=1)
            self._draw_pattern(kind, x, y)
            canvas.restoreState()
            canvas.setFillColor(colors.HexColor("#222222"))
            canvas.setFont(*LEGEND_FONT)
            canvas.drawString(x + SWATCH_PT + 4, y + 2, style.label)

    def _draw_pattern(self, kind: str, x: float, y: float) -> None:
        """The kind's strokes or dots inside a swatch whose top-left corner is at (x, y+size)."""
        square = ((0.0, 0.0), (SWATCH_UNITS, 0.0), (SWATCH_UNITS, SWATCH_UNITS),
                  (0.0, SWATCH_UNITS))
        marks = pattern_marks((square,), kind)
        unit = SWATCH_PT / SWATCH_UNITS
        canvas = self.canv
        canvas.setStrokeColor(colors.HexColor(marks.style.colour))
        canvas.setFillColor(colors.HexColor(marks.style.colour))
        canvas.setLineWidth(STROKE_WIDTH * unit * 1.5)
        top = y + SWATCH_PT
        for (x0, y0), (x1, y1) in marks.segments:
            canvas.line(x + x0 * unit, top - y0 * unit, x + x1 * unit, top - y1 * unit)
        for cx, cy in marks.dots:
            canvas.circle(x + cx * unit, top - cy * unit, 0.5, stroke=0, fill=1)


def prepare(canvas: Canvas) -> None:
    """Do now what the first letters of a process would: let svglib draw both views, and
    record their parts' operators on `canvas` (a scratch canvas, never saved), each view whole
    (as a letter without marks on it replays it) and part by part (as a marked one does)."""
    for name in VIEWS:
        base = _base_view(name)
        for contents in (base.drawing.contents, [copy.copy(s) for s in base.drawing.contents]):
            drawing = Drawing(base.drawing.width, base.drawing.height)
            drawing.contents = list(contents)
            _ReplayingRenderer().draw(drawing, canvas, 0, 0)


def _view(name: str, symptoms: Mapping[tuple[str, str], Iterable[str]]) -> _View:
    """One view with the symptoms marked: copies of the groups that hold a marked region, the
    cached drawing's own parts everywhere else."""
    base = _base_view(name)
    marked = {element.element_id: (kinds, element.polygons)
              for element in region_elements(name)
              if (kinds := ordered_kinds(symptoms.get(element.key, ())))}
    drawing = Drawing(base.drawing.width, base.drawing.height)
    drawing.contents = [_marked_copy(shape, marked) for shape in base.drawing.contents]
    return dataclasses.replace(base, drawing=drawing)


@cache
def _base_view(name: str) -> _View:
    """The unmarked view, drawn by svglib once per process, its texts taken out as labels.

    svglib parses the SVG's ~6,700 path points in a few hundred milliseconds; marking the
    cached drawing (below) costs a few milliseconds. svglib keeps each element's id as
    `svgid`, so a region's shape is found by the same id the GUI uses. Every part is listed
    in `_shared_parts`, for `_ReplayingRenderer`.
    """
    root = ET.fromstring(view_document(name).text)
    texts = []
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}text":
                texts.append((float(child.attrib["x"]), float(child.attrib["y"]),
                              (child.text or "").strip(), child.attrib.get("class", "")))
                parent.remove(child)
    drawing = svg2rlg(io.StringIO(ET.tostring(root, encoding="unicode")))
    if drawing is None:
        raise BodyMapError(f"the {name} view of the body map could not be drawn")
    _share(drawing)
    return _View(name, drawing, view_document(name).height, _group_labels(texts))


def _share(drawing: Shape) -> None:
    """List the parts of `drawing` (which must be kept for the process) in `_shared_parts`,
    except text and the groups that hold text."""
    _shared_parts.update(id(node) for node in _nodes(drawing)
                         if not any(isinstance(part, String) for part in _nodes(node)))


def _nodes(shape: Shape) -> Iterable[Shape]:
    yield shape
    for child in getattr(shape, "contents", ()):
        yield from _nodes(child)


_Marks = Mapping[str, tuple[tuple[str, ...], tuple[Polygon, ...]]]


def _marked_copy(shape: Shape, marked: _Marks) -> Shape:
    """`shape` with every marked region tinted and followed by its patterns (as in
    `app.bodymap.marked_svg`: the tint of the first kind, then each kind's strokes or dots,
    so parts drawn later still cover the region)."""
    if not isinstance(shape, Group):
        return shape
    contents: list[Shape] = []
    for child in shape.contents:
        element_id = getattr(child, "svgid", None)
        if element_id in marked:
            kinds, polygons = marked[element_id]
            contents.extend((_tinted(child, kinds), _patterns(polygons, kinds)))
        else:
            contents.append(_marked_copy(child, marked))
    if len(contents) == len(shape.contents) and all(
            new is old for new, old in zip(contents, shape.contents, strict=True)):
        return shape  # nothing marked inside: the shared part itself, whose drawing is recorded
    group = copy.copy(shape)
    group.contents = contents
    return group


def _tinted(shape: Shape, kinds: tuple[str, ...]) -> Shape:
    if isinstance(shape, Group):
        group = copy.copy(shape)
        group.contents = [_tinted(child, kinds) for child in shape.contents]
        return group
    painted = copy.copy(shape)
    if getattr(painted, "fillColor", None) is not None:
        painted.fillColor = colors.HexColor(tint_colour(kinds) or "#000000")
        painted.fillOpacity = TINT_OPACITY
    return painted


@cache
def _patterns(polygons: tuple[Polygon, ...], kinds: tuple[str, ...]) -> Group:
    """The kinds' strokes and dots clipped to a region, made once per process for each region
    and combination of kinds (a few hundred at most) and shared (never changed)."""
    group = Group()
    for kind in kinds:
        marks = pattern_marks(polygons, kind)
        colour = colors.HexColor(marks.style.colour)
        for (x0, y0), (x1, y1) in marks.segments:
            group.add(Line(x0, y0, x1, y1, strokeColor=colour, strokeWidth=STROKE_WIDTH))
        for x, y in marks.dots:
            group.add(Circle(x, y, DOT_RADIUS, fillColor=colour, strokeColor=None))
    _share(group)
    return group


def _group_labels(texts: list[tuple[float, float, str, str]]) -> tuple[_Label, ...]:
    """Texts at one x, each just below the previous, become one label of several lines."""
    labels: list[_Label] = []
    for x, y, text, css_class in sorted(texts, key=lambda t: (t[0], t[1])):
        last = labels[-1] if labels else None
        if last and abs(last.x - x) < 1 and 0 < y - last.y <= SAME_LABEL_UNITS:
            labels[-1] = _Label(x, y, (*last.lines, (text, css_class)))
        else:
            labels.append(_Label(x, y, ((text, css_class),)))
    return tuple(labels)


class DiagramBlock(Flowable):
    """Heading, diagram and caption as one block that never splits: on a page with less room
    than the full size it shrinks the figure, down to `min_height`, before moving on."""

    def __init__(self, above: list[Flowable], diagram: BodyDiagram, below: list[Flowable],
                 max_height: float, min_height: float):
        super().__init__()
        self._above, self._diagram, self._below = above, diagram, below
        self._max_height, self._min_height = max_height, min_height
        self._heights: list[float] = []
        self.spaceBefore = above[0].getSpaceBefore() if above else 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        texts = [f.wrap(available_width, available_height)[1] + f.getSpaceAfter()
                 for f in (*self._above, *self._below)]
        room = available_height - sum(texts)
        self._diagram.fit(available_width, max(self._min_height, min(self._max_height, room)))
        self._heights = texts
        self.width = available_width
        self.height = sum(texts) + self._diagram.height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []  # never split: the frame moves the whole block to the next page

    def draw(self) -> None:
        y = self.height
        parts = [*self._above, self._diagram, *self._below]
        heights = [*self._heights[: len(self._above)], self._diagram.height,
                   *self._heights[len(self._above):]]
        for part, height in zip(parts, heights, strict=True):
            y -= height
            after = part.getSpaceAfter() if part is not self._diagram else 0.0
            part.drawOn(self.canv, 0, y + after)
