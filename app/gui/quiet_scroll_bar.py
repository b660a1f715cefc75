"""A scroll bar that repaints as little as it can: for a text whose length changes on every edit.

`QuietScrollBar` looks and behaves like the style's own scroll bar. Two things differ:
- it paints its own background, so a repaint of it paints nothing beneath it (the style draws
  its edges see-through, and five widgets lie beneath a text box's scroll bar);
- a change of range, page or value repaints only the handle's old and new place, not the
  whole bar: the groove and arrows look the same whatever the range, unless the handle reaches
  or leaves an end (an arrow turns on or off) or scrolling starts or stops being possible, which
  repaint it all.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider

HANDLE_MARGIN = 2  # pixels around the handle repainted with it (its outline and shadow)


class QuietScrollBar(QScrollBar):
    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Vertical, parent=None):
        super().__init__(orientation, parent)
        self._drawn = self._look()

    def _look(self) -> tuple[QRect, bool, bool, bool]:
        """The handle's place, whether it is at either end, whether there is anything to scroll."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                             QStyle.SubControl.SC_ScrollBarSlider, self)
        return (handle, self.value() == self.minimum(), self.value() == self.maximum(),
                self.maximum() > self.minimum())

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        before, self._drawn = self._drawn, self._look()
        if change == QAbstractSlider.SliderChange.SliderOrientationChange \
                or before[1:] != self._drawn[1:]:
            super().sliderChange(change)  # repaints the whole bar
        elif before[0] != self._drawn[0]:
            margin = HANDLE_MARGIN
            self.update(before[0].united(self._drawn[0]).adjusted(-margin, -margin,
                                                                  margin, margin))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._drawn = self._look()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):  # the style resets it
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
            self._drawn = self._look()
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        painter.end()
        super().paintEvent(event)
