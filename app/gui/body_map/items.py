"""RegionItem: one clickable region element of a body-map view, drawn over the SVG.

The SVG underneath shows the figure; the item is transparent until it has something to show:
the exam's symptom marks, an overlay tint and label (dermatomes or nerves), the outline of a
predicted territory, the hover outline and the keyboard focus ring. It holds display state only.
While it has nothing to show it is flagged `ItemHasNoContents`, so painting the figure does not
call into Python once per region.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QWidget

from app.bodymap.views import RegionElement
from app.gui.body_map.painting import PatternCache, painter_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

PREDICTION_COLOUR = QColor("#3A0CA3")
HOVER_COLOUR = QColor("#222222")
FOCUS_COLOUR = QColor("#0B5CD5")
LABEL_PIXELS = 7  # scene units; the view scales them with the figure
_Flag = QGraphicsItem.GraphicsItemFlag
_FLAGS = _Flag.ItemIsFocusable | _Flag.ItemHasNoContents  # combined once: Flag "|" is slow


class OverlayPaint(NamedTuple):  # defined at start-up: a frozen dataclass costs ~1 ms more
    """An overlay's look for one region: a light tint and a short label such as "L5"."""

    label: str
    colour: str


class RegionItem(QGraphicsPathItem):
    def __init__(self, element: RegionElement, accessible_name: str, tooltip: str):
        super().__init__(painter_path(element.polygons))
        self.element = element
        self.accessible_name = accessible_name
        self.setToolTip(tooltip)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setAcceptHoverEvents(True)
        self.setFlags(_FLAGS)
        # room for the widest outline drawn (focus ring) around the shape
        self._bounds = super().boundingRect().adjusted(-2, -2, 2, 2)
        self._patterns = PatternCache(element.polygons)
        self.kinds: frozenset[str] = frozenset()
        self.overlay: OverlayPaint | None = None
        self.prediction: str | None = None  # "core" | "variable" | None
        self._hovered = False

    @property
    def key(self) -> tuple[str, str]:
        return self.element.key

    def centre(self) -> QPointF:
        """A point inside the region, in scene coordinates."""
        return QPointF(*self.element.centre)

    def show_state(self, kinds: frozenset[str], overlay: OverlayPaint | None,
                   prediction: str | None) -> None:
        if (kinds, overlay, prediction) != (self.kinds, self.overlay, self.prediction):
            self.kinds, self.overlay, self.prediction = kinds, overlay, prediction
            self._repaint()

    def _repaint(self) -> None:
        """Repaint after a change of what the item shows, and flag it as having no contents
        when it has nothing to show (the scene then repaints its area without it)."""
        shows_something = bool(self.kinds or self.overlay or self.prediction or self._hovered
                                or self.hasFocus())
        self.setFlag(_Flag.ItemHasNoContents, not shows_something)
        scene = self.scene()
        if scene is not None:
            scene.update(self.sceneBoundingRect())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        path = self.path()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.overlay is not None:
            tint = QColor(self.overlay.colour)
            tint.setAlphaF(0.45)
            painter.fillPath(path, tint)
        self._patterns.paint(painter, path, self.kinds)
        if self.prediction is not None:
            style = Qt.PenStyle.DashLine if self.prediction == "core" else Qt.PenStyle.DotLine
            tint = QColor(PREDICTION_COLOUR)
            tint.setAlphaF(0.16 if self.prediction == "core" else 0.08)
            painter.fillPath(path, tint)
            painter.strokePath(path, QPen(PREDICTION_COLOUR, 1.6, style))
        if self.overlay is not None and self.overlay.label:
            self._draw_label(painter, self.overlay.label)
        if self._hovered:
            painter.strokePath(path, QPen(HOVER_COLOUR, 1.2))
        if self.hasFocus():
            painter.strokePath(path, QPen(FOCUS_COLOUR, 2.2))

    def _draw_label(self, painter: QPainter, label: str) -> None:
        """The overlay label at the centre, only where it fits inside the region."""
        font = QFont(painter.font())
        font.setPixelSize(LABEL_PIXELS)
        metrics = QFontMetricsF(font)
        box = QRectF(0, 0, metrics.horizontalAdvance(label) + 2, metrics.height())
        box.moveCenter(self.centre())
        if not self.path().contains(box):
            return
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self._repaint()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self._repaint()
        super().hoverLeaveEvent(event)

    def focusInEvent(self, event) -> None:
        self._repaint()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self._repaint()
        super().focusOutEvent(event)
