"""`nervechart demo`: fill a fresh home folder with fictional patients and exams.

Does nothing (and says so) when the home folder already has a database, so it is safe to run
before every start (`make run` does).
"""

from __future__ import annotations

import argparse

from app.cli.commands.home_access import home_of, storage_errors
from app.knowledge import load_knowledge
from app.storage.database import database_path, open_database
from app.storage.demo import STORIES, fill_demo
from app.storage.lock import HomeLock


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="create the demo database in the home folder, if absent")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    home = home_of(args)
    path = database_path(home)
    with storage_errors(), HomeLock(home):
        if path.exists():
            print(f"A database already exists at {path}; nothing changed.")
            return 0
        catalogue = load_knowledge().catalogue()
        db = open_database(path)
        try:
            stored = fill_demo(db, catalogue)
        finally:
            db.close()
    print(f"Created the demo database at {path}: {len(STORIES)} fictional patients, "
          f"{stored} exams.")
    return 0
