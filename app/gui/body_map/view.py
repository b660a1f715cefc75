"""BodyMapView: shows one BodyMapScene scaled to fit, and makes it usable from the keyboard.

Tab and Shift+Tab walk the regions in reading order and leave the view past either end; the
focused region's accessible name ("Left dorsum of foot") and its marks become the view's
accessible description, so a screen reader announces where the focus is.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView, QWidget

from app.gui.body_map.items import RegionItem
from app.gui.body_map.scene import BodyMapScene


class BodyMapView(QGraphicsView):
    def __init__(self, scene: BodyMapScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.body_scene = scene
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(f"Body map, {scene.view_name} view")
        self.setAccessibleDescription("No region selected")
        scene.focusItemChanged.connect(self._on_scene_focus_changed)

    def sizeHint(self) -> QSize:
        return QSize(300, 590)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 320)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def focusNextPrevChild(self, forward: bool) -> bool:
        if self.hasFocus() and self.body_scene.focus_step(forward):
            return True
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.body_scene.focused_region() is None:
            self.body_scene.focus_step(event.reason() != Qt.FocusReason.BacktabFocusReason)

    def describe_focus(self) -> None:
        """Refresh the accessible description (called after marks change too)."""
        item = self.body_scene.focused_region()
        if item is None:
            self.setAccessibleDescription("No region selected")
            return
        marks = ", ".join(sorted(item.kinds)) if item.kinds else "nothing marked"
        self.setAccessibleDescription(f"{item.accessible_name}: {marks}")

    def _on_scene_focus_changed(self, new: QGraphicsItem | None, old: QGraphicsItem | None,
                                reason: Qt.FocusReason) -> None:
        if isinstance(new, RegionItem):
            self.ensureVisible(new)
        self.describe_focus()
