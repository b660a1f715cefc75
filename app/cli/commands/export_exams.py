"""`nervechart export --patient ID -o DIR`: write a patient's exams as spec-format files.

ID is the patient's identifier (or their number in the database). Files are named
`<identifier>_<exam date>_exam-<number>.json`; the patient's name never goes in a file name.
Reads only, so it works while the app is open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands.home_access import home_of, storage_errors
from app.knowledge import load_knowledge
from app.storage.database import database_path, open_read_only
from app.storage.exam_transfer import export_patient_exams, resolve_patient


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="export a patient's exams as exam files")
    parser.add_argument("--patient", required=True, metavar="ID",
                        help="the patient's identifier (or number)")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    catalogue = load_knowledge().catalogue()
    with storage_errors():
        db = open_read_only(database_path(home_of(args)))
        try:
            patient = resolve_patient(db, args.patient)
            written = export_patient_exams(db, patient, args.output, catalogue)
        finally:
            db.close()
    for path in written:
        print(path)
    return 0
