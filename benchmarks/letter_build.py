"""Time to build the referral letter for each shared example exam, and the letter's size.

Target (issue 5): median under 300 ms per letter. The first letter of a process also loads the
fonts and lets svglib parse the two body-map views (cached afterwards), so it is reported on its
own as "first letter"; the median is over `ROUNDS` further builds of each exam's letter to the
destination its interpretation recommends (what preview, print and save do in the running app).
The CPU time of the process is shown beside the wall-clock time: on a shared machine it shows
the work itself, without the waits for other processes.
Run: `.venv/bin/python -m benchmarks.letter_build`.
"""

from __future__ import annotations

import io
import json
import platform
import statistics
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from app.exchange.exam_files import read_exam_file
from app.knowledge import load_knowledge
from app.report import Sender, build_letter
from app.rules import interpret

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"
ROUNDS = 15
SENDER = Sender(name="A. Physio", profession="Physiotherapist", registration="PH123456",
                clinic="Example Clinic", phone="0100 000000")


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    kb = load_knowledge()
    cases = []
    for path in sorted(EXAMPLES.glob("*.json")):
        exam = read_exam_file(path, kb.catalogue())
        cases.append((path.stem, exam, interpret(exam, kb)))
    start = time.perf_counter()
    build_letter(cases[0][1], cases[0][2], kb, cases[0][2].referral.to, SENDER)
    first_ms = (time.perf_counter() - start) * 1000
    _out(f"machine: {platform.machine()}, Python {platform.python_version()}")
    _out(f"first letter of the process (fonts, body-map views parsed): {first_ms:.0f} ms")
    _out("| example | letter to | median ms | CPU median ms | max ms | size KB | pages |")
    _out("|---|---|---|---|---|---|---|")
    results = {}
    for name, exam, result in cases:
        destination = result.referral.to
        timings, cpu, pdf = [], [], b""
        for _ in range(ROUNDS):
            start, start_cpu = time.perf_counter(), time.process_time()
            pdf = build_letter(exam, result, kb, destination, SENDER)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        median = statistics.median(timings)
        results[name] = {"median_ms": round(median, 1), "cpu_median_ms":
                         round(statistics.median(cpu), 1), "bytes": len(pdf)}
        _out(f"| {name} | {destination} | {median:.0f} | {statistics.median(cpu):.0f} | "
             f"{max(timings):.0f} | {len(pdf) / 1024:.0f} | {_pages(pdf)} |")
    _out(json.dumps({"first_ms": round(first_ms), **results}))


if __name__ == "__main__":
    main()
