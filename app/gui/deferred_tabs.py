"""DeferredTabs: a tab widget whose scrolling pages are built the first time they are needed.

`add_deferred(title, build)` adds a tab holding an empty scroll area and keeps `build`; the
page is built (and put into the scroll area) when the tab is first made current, before it is
painted, or when code asks for it with `page(index)`. The window therefore opens without
building pages nobody has looked at yet. `build_all()` builds whatever is still waiting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class DeferredTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._waiting: dict[QScrollArea, Callable[[], QWidget]] = {}
        self.currentChanged.connect(self.page)

    def add_deferred(self, title: str, build: Callable[[], QWidget]) -> int:
        """A tab whose page `build()` makes on first need; the page scrolls. Returns its index."""
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        self._waiting[area] = build
        return self.addTab(area, title)

    def page(self, index: int) -> QWidget:
        """The page of tab `index` (for a deferred tab, the widget inside its scroll area),
        built now if it was still waiting."""
        holder = self.widget(index)
        if not isinstance(holder, QScrollArea):
            return holder
        build = self._waiting.pop(holder, None)
        if build is not None:
            holder.setWidget(build())
        return holder.widget()

    def build_all(self) -> None:
        for index in range(self.count()):
            self.page(index)
