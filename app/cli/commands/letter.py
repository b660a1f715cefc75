"""`nervechart letter EXAM.json -o LETTER.pdf [--to DESTINATION] [--previous EXAM.json]`.

Writes the referral letter for the exam: to the destination the interpretation recommends, or
to `--to` (any referral destination, or `patient` for the patient's plain-language copy).
`--previous` gives the patient's last exam, for progression and the change in strength; it is
refused (exit 2) when it is dated after the exam or its patient details differ from the exam's.
Refused with exit 2 when the exam lacks the patient's name, or both date of birth and
identifier. The letterhead comes from the clinic's settings when the home folder has a
database; the exam's examiner signs, with the settings filling any detail the exam lacks.
The PDF is written atomically. On success nothing is printed, except a warning on stderr when the
patient's name or identifier has characters the letter cannot lay out exactly (see
docs/letter.md): the PDF is still written, with a note beside the identifiers.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from app.cli.commands.home_access import home_of, storage_errors
from app.cli.errors import UsageError
from app.domain.exam import Exam
from app.domain.vocabulary import DESTINATIONS
from app.exchange.exam_files import read_exam_file
from app.exchange.patient_match import patient_mismatch
from app.knowledge import load_knowledge
from app.report import PATIENT_COPY, LetterRefused, build_letter, identifiers_needing_layout
from app.report.output import LetterWriteError, write_pdf
from app.report.sender import ClinicDetails, letter_sender
from app.rules import interpret
from app.storage.database import database_path, open_read_only
from app.storage.settings import load_settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("letter", help="write the referral letter (PDF) for an exam file")
    parser.add_argument("exam", metavar="EXAM.json")
    parser.add_argument("-o", "--output", required=True, metavar="LETTER.pdf")
    parser.add_argument("--to", choices=(*DESTINATIONS, PATIENT_COPY), metavar="DESTINATION",
                        help="addressee instead of the recommended destination: "
                             + ", ".join((*DESTINATIONS, PATIENT_COPY)))
    parser.add_argument("--previous", metavar="EXAM.json",
                        help="the patient's previous exam (change in strength, progression)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge()
    catalogue = kb.catalogue()
    exam = read_exam_file(args.exam, catalogue)
    previous = read_exam_file(args.previous, catalogue) if args.previous else None
    if previous is not None:
        _check_previous(exam, previous, args.previous)
    interpretation = interpret(exam, kb, previous=previous)
    with storage_errors():
        sender = letter_sender(exam.examiner, _clinic_settings(home_of(args)))
    try:
        pdf = build_letter(exam, interpretation, kb, args.to or interpretation.referral.to,
                           sender, previous, written_at=datetime.now().replace(microsecond=0))
    except LetterRefused as refused:
        raise UsageError(f"{args.exam}: {refused}") from None
    try:
        write_pdf(Path(args.output), pdf)
    except LetterWriteError as err:
        raise UsageError(str(err)) from None
    for what in identifiers_needing_layout(exam.patient):
        print(f"warning: {args.exam}: {what} has characters the letter cannot lay out "
              "exactly (see docs/letter.md); check the printed letter against the exam",
              file=sys.stderr)
    return 0


def _check_previous(exam: Exam, previous: Exam, previous_path: str) -> None:
    """`UsageError` unless `previous` can be an earlier exam of the same patient."""
    if previous.exam_date > exam.exam_date:
        raise UsageError(f"{previous_path}: exam_date {previous.exam_date.isoformat()} is after "
                         f"the exam's date {exam.exam_date.isoformat()}; --previous must be an "
                         "earlier exam")
    differs = patient_mismatch(exam.patient, previous.patient)
    if differs:
        raise UsageError(f"{previous_path}: patient.{differs} differs from the exam's; "
                         "--previous must be an exam of the same patient")


def _clinic_settings(home: Path) -> ClinicDetails | None:
    """The clinic's saved settings when the home folder has a database, else None."""
    path = database_path(home)
    if not path.exists():
        return None
    db = open_read_only(path)
    try:
        return load_settings(db)
    finally:
        db.close()
