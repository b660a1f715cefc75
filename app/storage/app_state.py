"""What the app remembers between runs: the exam that was open, to reopen it after a crash."""

from __future__ import annotations

from sqlite_utils import Database

_OPEN_EXAM_KEY = "open_exam_id"


def remember_open_exam(db: Database, exam_id: int | None) -> None:
    if exam_id is None:
        db.execute("DELETE FROM settings WHERE key = ?", [_OPEN_EXAM_KEY])
    else:
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   [_OPEN_EXAM_KEY, str(exam_id)])


def open_exam_id(db: Database) -> int | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [_OPEN_EXAM_KEY]).fetchone()
    return None if row is None else int(row[0])
