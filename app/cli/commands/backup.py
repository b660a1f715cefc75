"""`nervechart backup -o FILE`: a verified copy of the database, safe while the app is open.

A damaged database is refused (exit 2) rather than copied: a copy would pass its own check
while missing what SQLite could not read. `nervechart check` says what is wrong.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands.home_access import home_of, storage_errors
from app.cli.errors import UsageError
from app.storage.backups import write_backup
from app.storage.database import database_path, integrity_problem, open_read_only


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("backup", help="write a verified backup of the database")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with storage_errors():
        path = database_path(home_of(args))
        db = open_read_only(path)
        try:
            problem = integrity_problem(db)
            if problem:
                raise UsageError(f"{path}: the database is damaged ({' '.join(problem.split())})"
                                 "; no backup was written (see nervechart check)")
            written = write_backup(db, args.output)
        finally:
            db.close()
    print(f"Backup written and verified: {written}")
    return 0
