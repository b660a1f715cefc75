"""Every schema change of NerveChart's database, in order, as sqlite-utils `Migrations`.

Each step runs in one transaction together with its record in `_sqlite_migrations` and the
new `PRAGMA user_version` (the number of steps applied), so a database is always exactly at one
version. Never edit or rename an applied step: the function name is its key. Add a new step at
the end instead, and a test that migrates a database of the previous version.

Tables: `patients`; `exams` (one row per exam; the exam itself is the spec-format JSON
`document`; `status` draft or signed; an amendment points at the exam it amends);
`exam_revisions` (append-only: every saved state, with time and examiner); `settings`.
Triggers make revisions append-only and signed exams unchangeable inside SQLite itself.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database, Migrations

from app.storage.search_key import patient_search_key

APPLICATION_ID = 0x4E726643  # "NrfC": marks the file as NerveChart's
MIGRATIONS = Migrations("nervechart")
MIGRATION_NAMES: list[str] = []


def _step(body: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register `body` as the next migration; it also sets user_version to its number."""
    version = len(MIGRATION_NAMES) + 1

    def run(db: Database) -> None:
        body(db)
        db.execute(f"PRAGMA user_version={version}")

    run.__name__ = body.__name__
    MIGRATION_NAMES.append(body.__name__)
    MIGRATIONS(name=body.__name__)(run)
    return body


@_step
def m001_initial(db: Database) -> None:
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db.executescript("""
        CREATE TABLE patients (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            date_of_birth TEXT,
            identifier TEXT UNIQUE,
            sex TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE exams (
            id INTEGER PRIMARY KEY,
            patient_id INTEGER REFERENCES patients(id),
            exam_date TEXT NOT NULL,
            examiner TEXT,
            status TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
            document TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            signed_at TEXT
        ) STRICT;
        CREATE INDEX exams_by_patient ON exams (patient_id, exam_date);
        CREATE TABLE exam_revisions (
            id INTEGER PRIMARY KEY,
            exam_id INTEGER NOT NULL REFERENCES exams(id),
            saved_at TEXT NOT NULL,
            examiner TEXT,
            status TEXT NOT NULL,
            document TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX exam_revisions_by_exam ON exam_revisions (exam_id);
        CREATE TRIGGER exam_revisions_no_update BEFORE UPDATE ON exam_revisions
            BEGIN SELECT RAISE(ABORT, 'exam revisions are append-only'); END;
        CREATE TRIGGER exam_revisions_no_delete BEFORE DELETE ON exam_revisions
            BEGIN SELECT RAISE(ABORT, 'exam revisions are append-only'); END;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
    """)


@_step
def m002_patient_search_key(db: Database) -> None:
    """Case- and accent-free text of name, date of birth and identifier, for search as you type."""
    db.execute("ALTER TABLE patients ADD COLUMN search_key TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, name, date_of_birth, identifier FROM patients").fetchall()
    for patient_id, name, born, identifier in rows:
        db.execute("UPDATE patients SET search_key = ? WHERE id = ?",
                   [patient_search_key(name, born, identifier), patient_id])


@_step
def m003_signed_exams_and_amendments(db: Database) -> None:
    """Signed exams become unchangeable; an amendment is a new exam linked to the original."""
    db.executescript("""
        ALTER TABLE exams ADD COLUMN amends_exam_id INTEGER REFERENCES exams(id);
        CREATE INDEX exams_by_amended ON exams (amends_exam_id);
        CREATE TRIGGER signed_exam_no_update BEFORE UPDATE ON exams WHEN OLD.status = 'signed'
            BEGIN SELECT RAISE(ABORT, 'a signed exam cannot be changed; amend it instead'); END;
        CREATE TRIGGER signed_exam_no_delete BEFORE DELETE ON exams WHEN OLD.status = 'signed'
            BEGIN SELECT RAISE(ABORT, 'a signed exam cannot be deleted'); END;
    """)
