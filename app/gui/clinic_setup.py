"""Feature module (app.gui.features): first-run welcome, Settings, Help › Clinical sources.

`install(window, context)` adds File › Settings… (Ctrl+,) and Help › Clinical sources and data
tables… (F1), names the app for the desktop (`nervechart.desktop`, so Linux docks show the
icon), and, once the event loop runs (after every feature is installed), `start()` loads the
clinic's settings, hands its judgement calls to the exam session and shows the welcome while
no examiner or clinic has ever been saved (first run, or "Later" last time), offering the demo
patients on an empty database.
Settings live in the home folder's database (`app.storage.settings`), reached through the store
the records feature opened (`HomeStore.opened`); once saved, the examiner is handed to the records
feature (`use_examiner`), so the blank exam opened at start names who examines. Without an
open store (no home folder, as in `nervechart screenshot`) the settings apply to this session
only and no welcome is shown.
The dialogs are window-modal but never block (`QDialog.open`), so nothing waits on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app.domain.catalogue import Catalogue
from app.gui.first_run import WelcomeAnswer, WelcomeDialog
from app.gui.help_sources import SourcesDialog
from app.gui.settings_dialog import SettingsDialog
from app.storage.demo import fill_demo
from app.storage.patients import count_patients
from app.storage.settings import ClinicSettings, load_settings, save_settings
from app.storage.store import HomeStore

if TYPE_CHECKING:
    from app.gui.context import AppContext
    from app.gui.main_window import MainWindow

DESKTOP_FILE_NAME = "nervechart"  # packaging/nervechart.desktop


class HomeSettings:
    """The clinic settings in the database of the home folder's open store."""

    def __init__(self, store: HomeStore):
        self.home = store.home
        self._db = store.db

    def load(self) -> ClinicSettings:
        return load_settings(self._db)

    def save(self, settings: ClinicSettings) -> None:
        save_settings(self._db, settings)

    def has_patients(self) -> bool:
        return count_patients(self._db) > 0

    def add_demo_patients(self, catalogue: Catalogue) -> int:
        return fill_demo(self._db, catalogue)


def is_first_run(settings: ClinicSettings) -> bool:
    """Nobody has told NerveChart who examines or which clinic this is."""
    return not (settings.examiner_name or settings.clinic_name)


class ClinicSetup:
    """The actions this feature adds, and what they do."""

    def __init__(self, window: MainWindow, context: AppContext):
        self.window = window
        self.context = context
        self.store: HomeSettings | None = None
        self.settings = ClinicSettings()
        self.welcome: WelcomeDialog | None = None  # the dialogs last opened, for tests and guides
        self.settings_dialog: SettingsDialog | None = None
        self.sources_dialog: SourcesDialog | None = None

        self.settings_action = QAction("&Settings…", window)
        self.settings_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Preferences),
                                           QKeySequence("Ctrl+,")])
        self.settings_action.triggered.connect(self.edit_settings)
        window.menu("&File").addAction(self.settings_action)

        self.sources_action = QAction("Clinical &sources and data tables…", window)
        self.sources_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.sources_action.triggered.connect(self.show_sources)
        window.menu("&Help").addAction(self.sources_action)

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.window)
        dialog.accepted.connect(lambda: self.apply(dialog.settings()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.settings_dialog = dialog

    def show_sources(self) -> None:
        dialog = SourcesDialog(self.context.kb, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.sources_dialog = dialog

    def start(self) -> None:
        opened = HomeStore.opened(self.context.home) if self.context.home is not None else None
        if opened is None:
            return
        self.store = HomeSettings(opened)
        self.settings = self.store.load()
        self.context.session.set_settings(self.settings.judgement)
        if is_first_run(self.settings):
            self.open_welcome(self.store)

    def open_welcome(self, store: HomeSettings) -> None:
        welcome = WelcomeDialog(store.home, self.settings, offer_demo=not store.has_patients(),
                                parent=self.window)
        welcome.accepted.connect(lambda: self.take_welcome(welcome.answer()))
        welcome.open()
        self.welcome = welcome

    def take_welcome(self, answer: WelcomeAnswer) -> None:
        """Add the demo patients if asked; keep the details typed (the demo clinic's if none)."""
        if self.store is None or not answer.add_demo_patients:
            self.apply(answer.settings)
            return
        exams = self.store.add_demo_patients(self.context.kb.catalogue())  # with its clinic
        records = getattr(self.window, "records", None)  # the records feature, if installed
        if records is not None:
            records.refresh()
        self.window.statusBar().showMessage(f"Added the demo patients ({exams} exams).", 10_000)
        self.apply(self.store.load() if is_first_run(answer.settings) else answer.settings)

    def apply(self, settings: ClinicSettings) -> None:
        """Keep `settings`: in the database when there is one, and in the exam session."""
        if self.store is not None:
            try:
                self.store.save(settings)
            except Exception as err:  # the database refused: say so, keep the old settings
                QMessageBox.warning(self.window, "Settings not saved",
                                    f"NerveChart could not save the settings: {err}")
                return
        self.settings = settings
        self.context.session.set_settings(settings.judgement)
        records = getattr(self.window, "records", None)  # the records feature, if installed
        if records is not None:  # the blank exam being charted names the examiner just saved
            records.use_examiner(settings.examiner())


def install(window: MainWindow, context: AppContext) -> None:
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    setup = ClinicSetup(window, context)
    window.clinic_setup = setup  # type: ignore[attr-defined] - reachable for tests and guides
    QTimer.singleShot(0, setup.start)
