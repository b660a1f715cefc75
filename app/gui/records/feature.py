"""The records feature: `install(window, context)` (listed in `app.gui.features`).

Without a home folder (`context.home` is None, as for `nervechart screenshot`) it does nothing.
Otherwise it opens the home folder's database with every refusal explained (`startup`); if it
cannot be used (another NerveChart has it, or the user chose to quit over a damaged database) the
window closes as soon as the event loop starts and the app exits with status 2. Otherwise it
builds the `RecordsController` and starts it (reopening the last exam), and warns when the
home folder is on a network or cloud-synced drive.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.gui.context import AppContext
from app.gui.main_window import MainWindow
from app.gui.records.controller import RecordsController
from app.gui.records.startup import open_store_at_start, warn_about_unsafe_home

EXIT_CANNOT_OPEN = 2


def install(window: MainWindow, context: AppContext) -> RecordsController | None:
    if context.home is None:  # no home folder (e.g. `nervechart screenshot`): no records
        return None
    store = open_store_at_start(window, context.home)
    if store is None:
        window.setEnabled(False)
        QTimer.singleShot(0, lambda: QApplication.exit(EXIT_CANNOT_OPEN))
        return None
    controller = RecordsController(window, context, store)
    window.records = controller  # reachable by tests and by other features
    controller.start()
    warn_about_unsafe_home(window, context.home)
    return controller
