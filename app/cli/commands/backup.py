"""`nervechart backup -o FILE`: a verified copy of the database, safe while the app is open."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands.home_access import home_of, storage_errors
from app.storage.backups import write_backup
from app.storage.database import database_path, open_read_only


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("backup", help="write a verified backup of the database")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with storage_errors():
        db = open_read_only(database_path(home_of(args)))
        try:
            written = write_backup(db, args.output)
        finally:
            db.close()
    print(f"Backup written and verified: {written}")
    return 0
