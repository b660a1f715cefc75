"""Backups: consistent while another connection writes, verified, rotated, restorable."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from app.domain.exam import Patient
from app.storage import patients
from app.storage.backups import (
    KEEP_BACKUPS,
    BackupError,
    list_backups,
    restore_backup,
    rotating_backup,
    write_backup,
)
from app.storage.database import database_path, diagnose, open_database


def test_a_backup_taken_while_another_connection_is_writing_is_consistent(store, tmp_path):
    patients.add_patient(store.db, Patient(name="Committed Before"))
    writer = sqlite3.connect(database_path(store.home))
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO patients (name, created_at, updated_at) "
                   "VALUES ('Not Yet Committed', 't', 't')")

    backup = write_backup(store.db, tmp_path / "during-write.db")
    writer.commit()
    writer.close()

    assert diagnose(backup) is None
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT name FROM patients").fetchall() == [("Committed Before",)]
    copy.close()


def test_rotation_keeps_only_the_newest_backups(store):
    start = datetime(2026, 1, 1, 9, 0, 0)
    for hour in range(KEEP_BACKUPS + 3):
        rotating_backup(store.db, store.home, now=start + timedelta(hours=hour))
    kept = list_backups(store.home)
    assert len(kept) == KEEP_BACKUPS
    assert kept[0].name == "nervechart-2026-01-01T210000.db"


def test_restore_replaces_the_database_and_keeps_the_replaced_one(store, tmp_path):
    patients.add_patient(store.db, Patient(name="In The Backup"))
    backup = write_backup(store.db, tmp_path / "b.db")
    patients.add_patient(store.db, Patient(name="Added Later"))
    home = store.home
    store.close(backup=False)

    kept = restore_backup(home, backup)

    db = open_database(database_path(home))
    assert [p.name for p in patients.search_patients(db, "")] == ["In The Backup"]
    db.close()
    old = sqlite3.connect(kept)
    assert old.execute("SELECT count(*) FROM patients").fetchone() == (2,)
    old.close()


def test_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(store, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all")
    home = store.home
    store.close(backup=False)
    before = database_path(home).read_bytes()
    with pytest.raises(BackupError, match="cannot be restored"):
        restore_backup(home, bogus)
    assert database_path(home).read_bytes() == before
