"""`nervechart screenshot OUT.png [--exam EXAM.json] [--size WxH]`: the charting window as a PNG.

Draws the window offscreen (no display needed), with the exam loaded when one is given, at
`--size` logical pixels (default 1500x940, at most 10000 a side) and device pixel ratio 1, so
the PNG has exactly that many pixels. A bad exam file exits 2 before anything is drawn.
"""

from __future__ import annotations

import argparse
import os
import re

from app.cli.errors import UsageError
from app.exchange.exam_files import read_exam_file
from app.knowledge import load_knowledge

DEFAULT_SIZE = "1500x940"
MAX_SIDE = 10_000  # Qt cannot paint a window much larger (99999x99999 fails with a flood of errors)
_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("screenshot", help="draw the charting window to a PNG, offscreen")
    parser.add_argument("output", metavar="OUT.png")
    parser.add_argument("--exam", metavar="EXAM.json", help="exam to load before drawing")
    parser.add_argument("--size", default=DEFAULT_SIZE, metavar="WxH",
                        help=f"window size in pixels (default {DEFAULT_SIZE})")
    parser.set_defaults(handler=run)


def parse_size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text)
    if match is None:
        raise UsageError(f"--size {text!r} is not WIDTHxHEIGHT in pixels, e.g. {DEFAULT_SIZE}")
    width, height = int(match.group(1)), int(match.group(2))
    if max(width, height) > MAX_SIDE:
        raise UsageError(f"--size {text!r} is too large; at most {MAX_SIDE} pixels a side")
    return width, height


def run(args: argparse.Namespace) -> int:
    width, height = parse_size(args.size)
    kb = load_knowledge()
    exam = read_exam_file(args.exam, kb.catalogue()) if args.exam else None
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_SCALE_FACTOR"] = "1"
    from app.gui.context import AppContext
    from app.gui.main import build_main_window, create_application
    from app.gui.session import ExamSession

    app = create_application()
    session = ExamSession(kb)
    if exam is not None:
        session.load(exam)
    window = build_main_window(AppContext(session=session, kb=kb, home=None))
    window.resize(width, height)
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    if not image.save(args.output, "PNG"):
        raise UsageError(f"cannot write the PNG {args.output!r}")
    window.close()
    return 0
