"""`nervechart restore FILE`: make a verified backup the home folder's database.

The backup is checked first; the database it replaces is kept beside it, renamed
`nervechart.db.replaced-<time>`, never deleted. Refused while NerveChart is open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands.home_access import home_of, storage_errors
from app.storage.backups import restore_backup
from app.storage.lock import HomeLock


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("restore", help="replace the database with a verified backup")
    parser.add_argument("backup", metavar="FILE", type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    home = home_of(args)
    with storage_errors(), HomeLock(home):
        kept = restore_backup(home, args.backup)
    print(f"Restored {args.backup}.")
    if kept is not None:
        print(f"The previous database was kept as {kept}")
    return 0
