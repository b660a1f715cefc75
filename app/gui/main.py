"""The GUI's composition root: the QApplication set-up and the charting window's wiring.

`create_application()` makes (or returns) the one QApplication: Fusion style on every platform
(the native Windows style ignores dark mode), fractional high-DPI scaling passed through,
painting kept on the GUI thread (`SERIAL_PAINTING`), the application name and icon.
`build_main_window(context)` assembles the window: patient banner, charting area, File and
Edit menus (undo Ctrl+Z, redo Ctrl+Shift+Z and Ctrl+Y), then installs the feature modules of
`app.gui.features`; `show_main_window(context)` is the app's start: window first, features a
moment later.
"""

from __future__ import annotations

import os
import sys
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication

from app.gui.charting_area import ChartingArea
from app.gui.context import AppContext
from app.gui.exam_file_actions import ExamFileActions
from app.gui.features import install_features
from app.gui.main_window import CloseRequest, MainWindow
from app.gui.patient_banner import PatientBanner
from app.paths import resources_dir

APPLICATION_NAME = "NerveChart"
DEFAULT_WINDOW_SIZE = (1500, 940)
# Qt's raster engine hands each fill of 96 rows or more to a pool of half the cores and waits
# for it. For widget-sized fills the hand-off costs more than the fill (the interpretation
# panel's scroll bar: 1.0 ms pooled, 0.4 ms on the GUI thread, 2 cores) and grows when the
# machine is busy. Read once, before the first paint; a value set by the user is kept.
SERIAL_PAINTING = ("QT_NO_GUI_THREADPOOL", "1")


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    os.environ.setdefault(*SERIAL_PAINTING)
    # Fusion chosen on Qt's command line rather than by setStyle(), whose returned QStyle
    # would make PySide build the QStyle class and its enums at start (about 10 ms).
    arguments = argv if argv is not None else sys.argv[:1]
    app = QApplication([*arguments, "-style", "Fusion"])
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(APPLICATION_NAME)
    icon = resources_dir() / "icons" / "nervechart.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


class ChartingWindow(MainWindow):
    """The main window with the charting area, file actions and undo/redo wired in."""

    def __init__(self, context: AppContext):
        super().__init__(context)
        session = context.session
        self.setObjectName("charting_window")
        self.banner = PatientBanner(session, self)
        self.charting = ChartingArea(session, self)
        self.set_banner(self.banner)
        self.set_charting_area(self.charting)
        self.file_actions = ExamFileActions(self, session)
        edit = self.menu("&Edit")
        self.undo_action = session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.resize(*DEFAULT_WINDOW_SIZE)

    def confirm_close(self, request: CloseRequest) -> None:
        """Unsaved changes left after the features' own flushing: ask before closing."""
        if not self.file_actions.confirm_discard():
            request.veto()


def build_main_window(context: AppContext) -> ChartingWindow:
    """The window with every feature module installed (not shown yet)."""
    window = ChartingWindow(context)
    install_features(window, context)
    return window


def show_main_window(context: AppContext) -> ChartingWindow:
    """How the app starts: the charting window is shown and painted first, and the feature
    modules (records, letter, ...) install on the next turn of the event loop, so the heavy
    imports they bring (SQLite layer, matplotlib, ReportLab) never delay the first window."""
    window = ChartingWindow(context)
    window.show()
    QApplication.processEvents()
    QTimer.singleShot(0, partial(install_features, window, context))
    return window
