"""Opening the home folder's database when the app starts, explaining every refusal.

`open_store_at_start(parent, home)` returns the open `HomeStore`, or None when the app must not
go on. Another NerveChart on the same home folder: a message naming it, no second writer.
A database written by a newer NerveChart: a message. A damaged database (empty, truncated,
corrupt, someone else's): the file is kept under a new name (never deleted) and
`DamagedDatabaseDialog` offers the newest verified backup, an empty database, or quitting.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.storage.backups import newest_good_backup, restore_backup, set_aside
from app.storage.database import (
    DamagedDatabaseError,
    NewerDatabaseError,
    database_path,
    open_database,
)
from app.storage.lock import HomeInUseError, HomeLock
from app.storage.store import HomeStore


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
    path = database_path(home)
    while True:
        try:
            return HomeStore.adopt(home, lock, open_database(path))
        except NewerDatabaseError as err:
            QMessageBox.critical(parent, "Newer database", str(err))
        except DamagedDatabaseError as err:
            kept = set_aside(path, "damaged")
            backup = newest_good_backup(home)
            choice = DamagedDatabaseDialog.ask(parent, err.reason, kept, backup)
            if choice is Recovery.RESTORE_BACKUP and backup is not None:
                restore_backup(home, backup)
                continue
            if choice is Recovery.START_EMPTY:
                continue
        lock.release()
        return None
