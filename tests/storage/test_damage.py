"""Damaged databases: recognised (never taken for a new install), kept, and reported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.domain.exam import Patient
from app.storage import patients
from app.storage.backups import newest_good_backup, rotating_backup, set_aside
from app.storage.database import (
    DamagedDatabaseError,
    database_path,
    diagnose,
    open_database,
)


def _good_database(path: Path, rows: int = 200) -> None:
    db = open_database(path)
    for number in range(rows):
        patients.add_patient(db, Patient(name=f"Patient {number} " + "x" * 200))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _corrupt_page_two(path: Path) -> None:
    with path.open("r+b") as handle:
        page_size = int.from_bytes(handle.read(18)[16:18], "big")
        handle.seek(page_size + 8)
        handle.write(b"\xde\xad\xbe\xef" * 64)


def test_a_zero_byte_file_is_damaged_not_a_new_install(home):
    path = database_path(home)
    path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError, match="empty"):
        open_database(path)
    assert path.exists() and path.stat().st_size == 0  # not silently turned into a database
    assert "empty" in diagnose(path)


def test_a_corrupted_page_is_recognised(home):
    path = database_path(home)
    _good_database(path)
    _corrupt_page_two(path)
    with pytest.raises(DamagedDatabaseError):
        open_database(path, full_check=True)
    assert diagnose(path) is not None


def test_random_bytes_and_a_truncated_file_are_recognised(home, tmp_path):
    noise = tmp_path / "noise.db"
    noise.write_bytes(b"\x07" * 5000)
    assert "not an SQLite database" in diagnose(noise)
    path = database_path(home)
    _good_database(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "truncated" in diagnose(path)


def test_a_database_of_another_program_is_not_taken_for_ours(tmp_path):
    foreign = tmp_path / "other.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(DamagedDatabaseError, match="not a NerveChart database"):
        open_database(foreign)


def test_a_damaged_file_is_kept_under_a_new_name_and_the_newest_good_backup_offered(home):
    path = database_path(home)
    _good_database(path, rows=3)
    db = open_database(path)
    rotating_backup(db, home)
    db.close()
    path.write_bytes(b"")

    kept = set_aside(path, "damaged")

    assert not path.exists()
    assert kept.exists() and kept.name.startswith("nervechart.db.damaged-")
    backup = newest_good_backup(home)
    assert backup is not None and diagnose(backup) is None


def _without_shared_memory(monkeypatch) -> None:
    """As on a network drive: SQLite's "unix-none" VFS offers no shared memory for the WAL."""
    from sqlite_utils import Database

    from app.storage import database

    monkeypatch.setattr(database, "_connect", lambda path: Database(
        sqlite3.connect(f"file:{path}?vfs=unix-none", uri=True)))


def test_a_folder_without_shared_memory_is_not_taken_for_a_damaged_database(
        tmp_path, monkeypatch):
    from app.storage.database import NoWriteAheadLogError

    existing = tmp_path / "existing.db"
    _good_database(existing, rows=3)
    _without_shared_memory(monkeypatch)

    with pytest.raises(sqlite3.OperationalError) as opened:  # an access problem, not damage
        open_database(existing)
    assert not isinstance(opened.value, DamagedDatabaseError)
    with pytest.raises(NoWriteAheadLogError, match="write-ahead logging"):
        open_database(tmp_path / "new.db")
