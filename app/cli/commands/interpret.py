"""`nervechart interpret EXAM.json [EXAM.json ...] [--text]`: the interpretation of each exam.

JSON (spec section 2) on stdout, one object per line in the order given; `--text` prints it
for a person. Every file is validated before anything is printed, so a bad file among good
ones exits 2 with nothing on stdout.
"""

from __future__ import annotations

import argparse
import json

from app.cli.interpretation_text import interpretation_as_text
from app.exchange.exam_files import read_exam_file
from app.knowledge import load_knowledge
from app.rules import interpret


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("interpret", help="interpret exam files (JSON out, or --text)")
    parser.add_argument("exams", nargs="+", metavar="EXAM.json")
    parser.add_argument("--text", action="store_true", help="print for a person, not as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge()
    catalogue = kb.catalogue()
    exams = [read_exam_file(path, catalogue) for path in args.exams]
    for path, exam in zip(args.exams, exams, strict=True):
        result = interpret(exam, kb)
        if args.text:
            if len(exams) > 1:
                print(f"== {path}")
            print(interpretation_as_text(result, kb))
        else:
            print(json.dumps(result.to_document(), ensure_ascii=False, separators=(",", ":")))
    return 0
