"""Starting on a damaged database or a home folder that is already open."""

from __future__ import annotations

import pytest

from app.cli.main import main
from app.gui.records import feature, startup
from app.gui.records.startup import DamagedDatabaseDialog, Recovery
from app.storage import patients
from app.storage.backups import rotating_backup
from app.storage.database import database_path, open_database
from app.storage.lock import HomeLock


def _ask_records(monkeypatch, answer: Recovery) -> list[tuple]:
    asked: list[tuple] = []

    def ask(_parent, reason, kept, backup):
        asked.append((reason, kept, backup))
        return answer

    monkeypatch.setattr(DamagedDatabaseDialog, "ask", ask)
    return asked


def test_a_zero_byte_database_is_kept_reported_and_the_backup_offered(
        demo_home, open_window, monkeypatch):
    db = open_database(database_path(demo_home))
    rotating_backup(db, demo_home)
    db.close()
    database_path(demo_home).write_bytes(b"")
    asked = _ask_records(monkeypatch, Recovery.RESTORE_BACKUP)

    records = open_window(demo_home).records

    reason, kept, backup = asked[0]
    assert "empty" in reason
    assert kept.exists() and kept.stat().st_size == 0 and kept.parent == demo_home
    assert backup is not None
    assert len(patients.search_patients(records.store.db, "")) == 6  # the backup's patients


def test_a_corrupt_database_without_backups_can_start_empty(home, open_window, monkeypatch):
    database_path(home).write_bytes(b"garbage" * 1000)
    asked = _ask_records(monkeypatch, Recovery.START_EMPTY)

    records = open_window(home).records

    assert "not an SQLite database" in asked[0][0] and asked[0][2] is None
    assert patients.count_patients(records.store.db) == 0
    assert asked[0][1].read_bytes() == b"garbage" * 1000


def test_a_second_instance_is_told_and_gets_no_records(home, open_window, monkeypatch, qtbot):
    shown: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(startup.QMessageBox, "critical",
                        lambda _parent, title, text: shown.append(f"{title}: {text}"))
    # the real exit would end whatever event loop runs next, even another test's
    monkeypatch.setattr(feature.QApplication, "exit", exits.append)
    with HomeLock(home):
        window = open_window(home)
    assert getattr(window, "records", None) is None
    assert not window.isEnabled()
    assert "already open" in shown[0] and "process" in shown[0]
    qtbot.waitUntil(lambda: exits == [feature.EXIT_CANNOT_OPEN])


def test_without_a_home_folder_there_are_no_records(open_window):
    window = open_window(None)
    assert getattr(window, "records", None) is None and window.isEnabled()


def test_a_home_folder_nervechart_cannot_write_in_is_named_and_nothing_is_deleted(
        home, open_window, monkeypatch, qtbot):
    from app.storage.lock import HomeLock as Lock

    shown: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(startup.QMessageBox, "critical",
                        lambda _parent, title, text: shown.append(f"{title}: {text}"))
    monkeypatch.setattr(feature.QApplication, "exit", exits.append)

    def refuse(lock):
        raise PermissionError(13, "Permission denied", str(lock.path))

    monkeypatch.setattr(Lock, "acquire", refuse)
    window = open_window(home)

    assert getattr(window, "records", None) is None and not window.isEnabled()
    assert "cannot use its home folder" in shown[0] and str(home) in shown[0]
    assert "read-only" in shown[0]
    qtbot.waitUntil(lambda: exits == [feature.EXIT_CANNOT_OPEN])


def test_a_damaged_database_that_cannot_be_set_aside_is_left_as_it_was(
        home, open_window, monkeypatch, qtbot):
    database_path(home).write_bytes(b"garbage" * 1000)
    shown: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(startup.QMessageBox, "critical",
                        lambda _parent, title, text: shown.append(f"{title}: {text}"))
    monkeypatch.setattr(feature.QApplication, "exit", exits.append)

    def read_only_folder(path, _label):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(startup, "set_aside", read_only_folder)
    window = open_window(home)

    assert getattr(window, "records", None) is None
    assert str(database_path(home)) in shown[0]
    assert database_path(home).read_bytes() == b"garbage" * 1000
    with HomeLock(home):  # released for the next try
        pass
    qtbot.waitUntil(lambda: exits == [feature.EXIT_CANNOT_OPEN])


def test_a_home_in_a_synced_folder_is_warned_about_and_the_app_still_starts(
        tmp_path, open_window, qtbot):
    from PySide6.QtWidgets import QLabel, QMessageBox

    home = tmp_path / "Dropbox" / "NerveChart"
    home.mkdir(parents=True)
    window = open_window(home)

    assert window.records is not None and window.isEnabled()
    (box,) = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert "cloud-synced folder (Dropbox)" in box.text() and str(home) in box.text()
    note = window.statusBar().findChild(QLabel, "unsafe_home_note")
    assert note is not None and not note.isHidden() and "Dropbox" in note.toolTip()
    box.accept()


def test_a_local_home_gets_no_location_warning(home, open_window):
    from PySide6.QtWidgets import QLabel

    window = open_window(home)
    assert window.statusBar().findChild(QLabel, "unsafe_home_note") is None


def _without_shared_memory(monkeypatch) -> None:
    """Connections as on a network drive: SQLite's "unix-none" VFS has no shared memory, so
    `PRAGMA journal_mode=WAL` stays in the old mode, as it does there."""
    import sqlite3

    from sqlite_utils import Database

    from app.storage import database

    monkeypatch.setattr(database, "_connect", lambda path: Database(
        sqlite3.connect(f"file:{path}?vfs=unix-none", uri=True)))


@pytest.mark.parametrize(("existing", "said"), [
    (True, "SQLite cannot open the database there"),  # a WAL database needs shared memory
    (False, "cannot use write-ahead logging"),  # a new one cannot switch to WAL
])
def test_a_folder_without_shared_memory_never_sets_the_database_aside(
        home, open_window, monkeypatch, qtbot, existing, said):
    path = database_path(home)
    if existing:
        assert main(["--home", str(home), "demo"]) == 0
    before = path.read_bytes() if existing else None
    shown: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(startup.QMessageBox, "critical",
                        lambda _parent, title, text: shown.append(f"{title}: {text}"))
    monkeypatch.setattr(feature.QApplication, "exit", exits.append)
    asked = _ask_records(monkeypatch, Recovery.QUIT)
    _without_shared_memory(monkeypatch)

    window = open_window(home)

    assert getattr(window, "records", None) is None and asked == []
    assert said in shown[0] and str(home) in shown[0]
    assert (path.read_bytes() if existing else path.exists()) == (before if existing else False)
    assert not list(home.glob("nervechart.db.damaged-*"))
    qtbot.waitUntil(lambda: exits == [feature.EXIT_CANNOT_OPEN])
