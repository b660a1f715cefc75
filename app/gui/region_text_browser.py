"""A text browser that paints only the parts of its text that need it.

Qt's text browser draws every line that meets the bounding box of the area to repaint; when an
edit changes a line near the top and another near the bottom, that is every line between them
as well. `RegionTextBrowser` draws each rectangle of the area on its own, so the unchanged lines
between two changed ones are left as they are on screen. Everything else is QTextBrowser's.
"""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTextBrowser


class RegionTextBrowser(QTextBrowser):
    def paintEvent(self, event: QPaintEvent) -> None:
        region = event.region()
        if region.rectCount() < 2:
            super().paintEvent(event)
            return
        for rect in region:
            super().paintEvent(QPaintEvent(rect))
