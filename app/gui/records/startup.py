"""Opening the home folder's database when the app starts, explaining every refusal.

`open_store_at_start(parent, home)` returns the open `HomeStore`, or None when the app must not
go on. Another NerveChart on the same home folder: a message naming it, no second writer.
A database written by a newer NerveChart: a message. A damaged database (empty, truncated,
corrupt, someone else's): the file is kept under a new name (never deleted) and
`DamagedDatabaseDialog` offers the newest verified backup, an empty database, or quitting.
A home folder NerveChart cannot write in (read-only, full, a vanished drive) or where SQLite
cannot keep its write-ahead log (network drives), a damaged file that cannot be renamed, or a
backup that cannot be restored: a message naming the folder and the reason, nothing deleted or
renamed; the app then does not go on.
`warn_about_unsafe_home(window, home)`: a home folder on a network file system or inside a
cloud-synced folder (`app.storage.home_location`) gets a warning dialog and a lasting note in
the status bar; the app goes on.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from app.storage.backups import BackupError, newest_good_backup, restore_backup, set_aside
from app.storage.database import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NoWriteAheadLogError,
    database_path,
    open_database,
)
from app.storage.home_location import home_location_risk
from app.storage.lock import HomeInUseError, HomeLock
from app.storage.store import HomeStore
from app.storage.write_failures import WRITE_FAILURES, explain_write_failure


class Recovery(Enum):
    RESTORE_BACKUP = "restore"
    START_EMPTY = "empty"
    QUIT = "quit"


class DamagedDatabaseDialog(QMessageBox):
    def __init__(self, reason: str, kept: Path, backup: Path | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("The patient database is damaged")
        self.setText(f"NerveChart cannot use its database: {reason}.")
        found = (f"The newest verified backup is {backup.name}." if backup
                 else "No verified backup was found.")
        self.setInformativeText(f"The damaged file was kept, renamed to:\n{kept}\n\n{found}")
        self.choices: dict[object, Recovery] = {}
        if backup is not None:
            restore = self.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
            self.choices[restore] = Recovery.RESTORE_BACKUP
            self.setDefaultButton(restore)
        empty = self.addButton("Start with an empty database", QMessageBox.ButtonRole.ResetRole)
        self.choices[empty] = Recovery.START_EMPTY
        leave = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.choices[leave] = Recovery.QUIT

    @classmethod
    def ask(cls, parent: QWidget | None, reason: str, kept: Path,
            backup: Path | None) -> Recovery:
        dialog = cls(reason, kept, backup, parent)
        dialog.exec()
        return dialog.choices.get(dialog.clickedButton(), Recovery.QUIT)


def open_store_at_start(parent: QWidget | None, home: Path) -> HomeStore | None:
    try:
        lock = HomeLock(home).acquire()
    except HomeInUseError as err:
        QMessageBox.critical(parent, "NerveChart is already open", str(err))
        return None
    except WRITE_FAILURES as err:
        _cannot_use_home(parent, home, _reason(err, home))
        return None
    try:
        store = _open_database(parent, home, lock)
    except NoWriteAheadLogError as err:  # the folder, not the file: nothing is set aside
        _cannot_use_home(parent, home, err.reason)
        store = None
    except (*WRITE_FAILURES, BackupError) as err:
        _cannot_use_home(parent, home, _reason(err, home))
        store = None
    if store is None:
        lock.release()
    return store


def _open_database(parent: QWidget | None, home: Path, lock: HomeLock) -> HomeStore | None:
    path = database_path(home)
    while True:
        try:
            return HomeStore.adopt(home, lock, open_database(path))
        except NewerDatabaseError as err:
            QMessageBox.critical(parent, "Newer database", str(err))
            return None
        except NoWriteAheadLogError:
            raise  # the folder cannot be used; the file is not known to be damaged
        except DamagedDatabaseError as err:
            kept = set_aside(path, "damaged")
            backup = newest_good_backup(home)
            choice = DamagedDatabaseDialog.ask(parent, err.reason, kept, backup)
            if choice is Recovery.RESTORE_BACKUP and backup is not None:
                restore_backup(home, backup)
                continue
            if choice is Recovery.START_EMPTY:
                continue
            return None


def _reason(error: Exception, home: Path) -> str:
    if isinstance(error, WRITE_FAILURES):
        return explain_write_failure(error, database_path(home))
    return str(error)


def _cannot_use_home(parent: QWidget | None, home: Path, reason: str) -> None:
    QMessageBox.critical(
        parent, "NerveChart cannot use its home folder",
        f"NerveChart cannot open its database in {home}:\n{reason}.\n\nNothing in the folder "
        "was deleted. Fix the folder (space, permissions, drive), or start NerveChart with "
        "another one (--home FOLDER), then open it again.")


def warn_about_unsafe_home(window: QMainWindow, home: Path) -> QMessageBox | None:
    """Warn (without blocking, without refusing) when `home` is where SQLite is unsafe."""
    risk = home_location_risk(home)
    if risk is None:
        return None
    note = QLabel("⚠ Home folder on a network or synced drive", window)
    note.setObjectName("unsafe_home_note")
    note.setToolTip(risk.message())
    window.statusBar().addPermanentWidget(note)
    box = QMessageBox(QMessageBox.Icon.Warning, "Home folder on a network or synced drive",
                      risk.message(), QMessageBox.StandardButton.Ok, window)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
