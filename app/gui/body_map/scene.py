"""BodyMapScene: one view (front or back) of the body map as a graphics scene.

The SVG is drawn as the background, and one `RegionItem` per region element sits over it
at the same coordinates (read from the SVG paths by `app.bodymap`, so hit-testing follows the
exact outlines rather than bounding boxes). The items are transparent until they have
something to show, so they are built on first need (marks, an overlay or a prediction to show,
the pointer or the keyboard reaching the figure), not with the window. The scene turns mouse
and keyboard input into signals and never edits anything itself:

- `stroke_started(side, region)`: the left button went down on a region;
- `stroke_entered(side, region)`: the button is still down and the pointer reached another region;
- `stroke_finished()`: the button went up;
- `region_activated(side, region)`: Space or Enter on the focused region;
- `region_hovered(side, region)`: the pointer moved onto a region ("", "" when it left them).

Arrow keys move the focus to the nearest region in that direction; Tab order is reading order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import cached_property

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent, QGraphicsView

from app.bodymap.views import svg_path, view_document
from app.gui.body_map.items import OverlayPaint, RegionItem

RegionTexts = Callable[[str, str], tuple[str, str]]  # (side, region) -> (name, tooltip)
_DIRECTIONS = {
    Qt.Key.Key_Left: (-1.0, 0.0), Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0), Qt.Key.Key_Down: (0.0, 1.0),
}
_ACTIVATE = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class BodyMapScene(QGraphicsScene):
    stroke_started = Signal(str, str)
    stroke_entered = Signal(str, str)
    stroke_finished = Signal()
    region_activated = Signal(str, str)
    region_hovered = Signal(str, str)

    def __init__(self, view: str, region_texts: RegionTexts, parent=None):
        super().__init__(parent)
        self.view_name = view
        document = view_document(view)
        self.midline_x = document.midline_x
        self.setSceneRect(0, 0, document.width, document.height)
        self._renderer = QSvgRenderer(str(svg_path(view)), self)  # Qt reads the file itself
        background = QGraphicsSvgItem()
        background.setSharedRenderer(self._renderer)
        background.setZValue(0)
        self.addItem(background)
        self._document = document
        self._region_texts = region_texts
        self._items: list[RegionItem] | None = None  # built on first need
        self._stroke_key: tuple[str, str] | None = None
        self._hovered_key: tuple[str, str] = ("", "")

    @property
    def region_items(self) -> list[RegionItem]:
        """One item per region element, in drawing order (built on first use)."""
        if self._items is None:
            self._items = []
            for index, element in enumerate(self._document.regions):
                item = RegionItem(element, *self._region_texts(element.side, element.region))
                item.setZValue(1 + index)
                self.addItem(item)
                self._items.append(item)
        return self._items

    # -- display ------------------------------------------------------------------------
    def show_state(self, symptoms: Mapping[tuple[str, str], frozenset[str]],
                   overlay: Mapping[str, OverlayPaint],
                   prediction: Mapping[tuple[str, str], str]) -> None:
        """Repaint every region from plain data: marks, overlay by region, predicted zone
        (with nothing to show and no items built yet, there is nothing to repaint)."""
        if self._items is None and not (symptoms or overlay or prediction):
            return
        for item in self.region_items:
            item.show_state(symptoms.get(item.key, frozenset()),
                            overlay.get(item.element.region), prediction.get(item.key))

    def items_for(self, side: str, region: str) -> list[RegionItem]:
        return [item for item in self.region_items if item.key == (side, region)]

    def region_under(self, event: QGraphicsSceneMouseEvent) -> RegionItem | None:
        """The topmost region under the pointer, found as the view finds the items it
        outlines on hover and focuses on a click: those touching the pointer's whole pixel,
        not only its top-left point (a click on a region's outlined edge must mark it)."""
        if not self.region_items:  # (builds them for the first hit test)
            return None
        viewport = event.widget()
        view = viewport.parentWidget() if viewport is not None else None
        if isinstance(view, QGraphicsView):
            found = view.items(viewport.mapFromGlobal(event.screenPos()))
        else:
            found = self.items(event.scenePos())
        return next((item for item in found if isinstance(item, RegionItem)), None)

    # -- mouse --------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.region_under(event)
        if event.button() != Qt.MouseButton.LeftButton or item is None:
            super().mousePressEvent(event)
            return
        item.setFocus(Qt.FocusReason.MouseFocusReason)
        self._stroke_key = item.key
        self.stroke_started.emit(*item.key)
        event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """A quick second click is a second click: it toggles again."""
        self.mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.region_under(event)
        hovered = item.key if item is not None else ("", "")
        if hovered != self._hovered_key:
            self._hovered_key = hovered
            self.region_hovered.emit(*hovered)
        if self._stroke_key is None:
            super().mouseMoveEvent(event)
            return
        if item is not None and item.key != self._stroke_key:
            self._stroke_key = item.key
            self.stroke_entered.emit(*item.key)
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._stroke_key is None:
            super().mouseReleaseEvent(event)
            return
        self._stroke_key = None
        self.stroke_finished.emit()
        event.accept()

    # -- keyboard -----------------------------------------------------------------------
    def focused_region(self) -> RegionItem | None:
        item = self.focusItem()
        return item if isinstance(item, RegionItem) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.focused_region()
        key = Qt.Key(event.key())
        if current is not None and key in _ACTIVATE:
            self.region_activated.emit(*current.key)
        elif key in _DIRECTIONS:
            target = self._neighbour(current, _DIRECTIONS[key]) if current else self._tab_order[0]
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @cached_property
    def _tab_order(self) -> list[RegionItem]:
        """Reading order: bands 25 units high, top to bottom, each left to right."""
        return sorted(self.region_items,
                      key=lambda i: (round(i.centre().y() / 25), i.centre().x()))

    def focus_step(self, forward: bool) -> bool:
        """Move the focus to the next region in reading order; False past either end."""
        current = self.focused_region()
        if current is None:
            target = self._tab_order[0 if forward else -1]
        else:
            index = self._tab_order.index(current) + (1 if forward else -1)
            if not 0 <= index < len(self._tab_order):
                return False
            target = self._tab_order[index]
        target.setFocus(Qt.FocusReason.TabFocusReason if forward
                        else Qt.FocusReason.BacktabFocusReason)
        return True

    def _neighbour(self, current: RegionItem, direction: tuple[float, float]) -> RegionItem | None:
        """The closest region whose centre lies within 60 degrees of `direction`."""
        origin = current.centre()
        best: tuple[float, RegionItem] | None = None
        for item in self.region_items:
            dx, dy = item.centre().x() - origin.x(), item.centre().y() - origin.y()
            distance = math.hypot(dx, dy)
            if item is current or distance < 1e-6:
                continue
            along = (dx * direction[0] + dy * direction[1]) / distance
            if along < 0.5:
                continue
            score = distance * (2.0 - along)
            if best is None or score < best[0]:
                best = (score, item)
        return best[1] if best else None
