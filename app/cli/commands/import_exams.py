"""`nervechart import FILE ...`: store exam files (spec format) in the database.

Every file is validated before anything is stored, and all of them are stored in one
transaction: a bad file changes nothing and exits 2 naming the file and the field.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands.home_access import home_of, storage_errors
from app.knowledge import load_knowledge
from app.storage.exam_transfer import import_exam_files
from app.storage.store import HomeStore


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="import exam files into the database")
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    catalogue = load_knowledge().catalogue()
    with storage_errors(), HomeStore.open(home_of(args)) as store:
        summary = import_exam_files(store.db, args.files, catalogue)
    print(f"Imported {summary.imported} exam(s) ({summary.new_patients} new patient(s)); "
          f"{summary.skipped_duplicates} already stored.")
    return 0
