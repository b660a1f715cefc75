"""Schema migrations: from an empty file, and from every earlier schema version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.storage import patients
from app.storage.database import database_path, open_database
from app.storage.migrations import APPLICATION_ID, MIGRATION_NAMES, MIGRATIONS
from app.storage.search_key import patient_search_key


def _columns(db: Database, table: str) -> set[str]:
    return set(db.table(table).columns_dict)


def test_a_new_database_gets_every_migration_and_its_identity(tmp_path: Path):
    db = open_database(tmp_path / "new.db")
    assert [m.name for m in MIGRATIONS.applied(db)] == MIGRATION_NAMES
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATION_NAMES)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert {"patients", "exams", "exam_revisions", "settings"} <= set(db.table_names())
    assert {"search_key"} <= _columns(db, "patients")
    assert {"amends_exam_id", "status", "document"} <= _columns(db, "exams")
    assert MIGRATIONS.pending(db) == []
    db.close()


def test_every_connection_is_durable_wal_with_foreign_keys(tmp_path: Path):
    db = open_database(tmp_path / "d.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_no_half_created_database_is_left_at_the_final_name(tmp_path: Path):
    open_database(tmp_path / "x.db").close()
    assert not (tmp_path / "x.db.creating").exists()


def _database_at_version(path: Path, version: int) -> Database:
    """A database as NerveChart `version` left it, with one patient and one exam."""
    db = Database(sqlite3.connect(str(path)))
    db.execute("PRAGMA journal_mode=WAL")
    stop = MIGRATION_NAMES[version] if version < len(MIGRATION_NAMES) else None
    MIGRATIONS.apply(db, stop_before=stop)
    db.execute("INSERT INTO patients (name, date_of_birth, identifier, created_at, updated_at) "
               "VALUES ('Zoë Earlier', '1980-03-02', 'OLD-1', 't', 't')")
    if "search_key" in db.table("patients").columns_dict:  # as that version's app wrote it
        db.execute("UPDATE patients SET search_key = ?",
                   [patient_search_key("Zoë Earlier", "1980-03-02", "OLD-1")])
    db.execute("INSERT INTO exams (patient_id, exam_date, status, document, created_at, "
               "updated_at) VALUES (1, '2025-01-01', 'signed', "
               "'{\"format\":\"nervechart.exam/1\",\"exam_date\":\"2025-01-01\"}', 't', 't')")
    return db


@pytest.mark.parametrize("version", range(1, len(MIGRATION_NAMES)))
def test_a_database_of_each_earlier_version_is_migrated_keeping_its_data(tmp_path, version):
    path = database_path(tmp_path)
    old = _database_at_version(path, version)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    old.close()

    db = open_database(path)

    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATION_NAMES)
    assert MIGRATIONS.pending(db) == []
    assert db.execute("SELECT name FROM patients").fetchall() == [("Zoë Earlier",)]
    assert db.execute("SELECT exam_date, status FROM exams").fetchall() == [("2025-01-01",
                                                                              "signed")]
    # found by search whichever version stored it (m002 backfills those stored before it)
    assert [p.identifier for p in patients.search_patients(db, "zoe 1980")] == ["OLD-1"]
    db.close()


def test_migrating_twice_changes_nothing(tmp_path: Path):
    path = tmp_path / "twice.db"
    open_database(path).close()
    db = open_database(path)
    assert len(MIGRATIONS.applied(db)) == len(MIGRATION_NAMES)
    db.close()
