"""SteadyCaption: a word-wrapped label as tall as the longest text it may show at its width.

The caption under the body figures names the region under the pointer, in one line or several;
if its height followed its text, the figures above it would shrink and grow as the pointer
moves, and a click could land on another region than the one aimed at. `longest_texts()`
(called once, on the first width the caption gets) gives the texts it may show; the caption
keeps, at each width, the height of the tallest of them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

_TALL = 1 << 20


class SteadyCaption(QLabel):
    def __init__(self, text: str, longest_texts: Callable[[], list[str]],
                 parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._longest_texts = longest_texts
        self._texts: list[str] | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._reserve_height()

    def _reserve_height(self) -> None:
        if self._texts is None:
            self._texts = [self.text(), *self._longest_texts()]
        width = max(1, self.contentsRect().width())
        metrics = self.fontMetrics()
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        tallest = max(metrics.boundingRect(QRect(0, 0, width, _TALL), flags, text).height()
                      for text in self._texts)
        margins = self.contentsMargins()
        self.setMinimumHeight(tallest + margins.top() + margins.bottom())
