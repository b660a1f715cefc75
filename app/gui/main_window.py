"""MainWindow: the charting window's frame and its extension points for feature modules.

Extension points (notes/gui-contract.md): `menu(title)` returns the menu with that title,
creating it in a stable order (File, Edit, View, Patient, Letter, then any other, Help last);
`add_dock(widget, area, title)` adds a dock widget and lists it under View;
`about_to_close` is emitted with a `CloseRequest` before the window closes: a handler that must
stop the close (unsaved work the user wants to keep) calls `request.veto()`. After all handlers,
`confirm_close(request)` has the last say (the charting window's unsaved-changes question).
The central area is whatever widget `set_charting_area` is given; the patient banner sits above it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QVBoxLayout, QWidget

from app.gui.context import AppContext

MENU_ORDER: tuple[str, ...] = ("&File", "&Edit", "&View", "&Patient", "&Letter", "&Help")


class CloseRequest:
    """Passed to `about_to_close` handlers; any of them may veto the close."""

    def __init__(self) -> None:
        self.vetoed = False

    def veto(self) -> None:
        self.vetoed = True


class MainWindow(QMainWindow):
    about_to_close = Signal(object)  # CloseRequest

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("NerveChart")
        self._menus: dict[str, QMenu] = {}
        self._frame = QWidget(self)
        self._layout = QVBoxLayout(self._frame)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.setCentralWidget(self._frame)
        for title in ("&File", "&Edit", "&View"):
            self.menu(title)

    def set_banner(self, banner: QWidget) -> None:
        """The always-visible strip above the charting area (the patient banner)."""
        self._layout.insertWidget(0, banner)

    def set_charting_area(self, area: QWidget) -> None:
        self._layout.addWidget(area, 1)

    def menu(self, title: str) -> QMenu:
        """The menu called `title`, created in its place in the menu bar if needed."""
        existing = self._menus.get(title)
        if existing is not None:
            return existing
        created = QMenu(title, self)
        following = self._first_menu_after(title)
        bar = self.menuBar()
        if following is None:
            bar.addMenu(created)
        else:
            bar.insertMenu(following.menuAction(), created)
        self._menus[title] = created
        return created

    def add_dock(self, widget: QWidget, area: Qt.DockWidgetArea, title: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock:{title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menu("&View").addAction(dock.toggleViewAction())
        return dock

    def closeEvent(self, event: QCloseEvent) -> None:
        request = CloseRequest()
        self.about_to_close.emit(request)
        if not request.vetoed:
            self.confirm_close(request)
        if request.vetoed:
            event.ignore()
        else:
            event.accept()

    def confirm_close(self, request: CloseRequest) -> None:
        """Last say before closing, after every `about_to_close` handler (e.g. an autosave
        flush) has run; a subclass may ask the user and veto."""

    def _first_menu_after(self, title: str) -> QMenu | None:
        """The existing menu that `title` must be inserted before, to keep MENU_ORDER."""
        rank = _menu_rank(title)
        later = [(rank_of, menu) for name, menu in self._menus.items()
                 if (rank_of := _menu_rank(name)) > rank]
        return min(later, key=lambda pair: pair[0])[1] if later else None


def _menu_rank(title: str) -> float:
    """Known menus keep MENU_ORDER; unknown ones go after Letter and before Help."""
    if title in MENU_ORDER:
        return float(MENU_ORDER.index(title))
    return MENU_ORDER.index("&Help") - 0.5
