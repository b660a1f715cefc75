"""`nervechart check`: is the database intact? Exit 0 if so, 1 if it is damaged, 2 if a newer
NerveChart wrote it (not damaged, but beyond this version's knowledge).

Runs the full integrity check read-only (safe while the app is open) and, for a damaged
database, names the newest verified backup to restore. A home folder on a network file system
or in a cloud-synced folder is warned about on stderr (`app.storage.home_location`).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from app.cli.commands.home_access import home_of, storage_errors
from app.cli.errors import UsageError
from app.storage.backups import newest_good_backup
from app.storage.database import (
    DamagedDatabaseError,
    NewerDatabaseError,
    database_path,
    diagnose,
    open_read_only,
)
from app.storage.home_location import home_location_risk


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="check the database's integrity")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    home = home_of(args)
    risk = home_location_risk(home)
    if risk is not None:
        sys.stderr.write(f"Warning: {risk.message()}\n")
    path = database_path(home)
    if not path.exists():
        print(f"There is no database at {path} yet.")
        return 0
    _refuse_newer(path)
    problem = diagnose(path)
    if problem is None:
        with storage_errors():
            db = open_read_only(path)
        try:
            patients, exams = (db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                               for table in ("patients", "exams"))
        finally:
            db.close()
        print(f"OK: {path} ({patients} patients, {exams} exams)")
        return 0
    print(f"DAMAGED: {path}: {problem}")
    backup = newest_good_backup(home)
    print(f"Newest verified backup: {backup} (nervechart restore FILE)" if backup
          else "No verified backup was found.")
    return 1


def _refuse_newer(path: Path) -> None:
    """`UsageError` when a newer NerveChart wrote the database: it is not damaged, only unknown."""
    try:
        open_read_only(path).close()
    except NewerDatabaseError as err:
        raise UsageError(f"{err}; this NerveChart cannot check it") from None
    except (DamagedDatabaseError, sqlite3.DatabaseError):
        return  # diagnosed next
