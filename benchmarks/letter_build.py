"""Time to build the referral letter for each shared example exam, and the letter's size.

Target (issue 5): median under 300 ms per letter (wall clock). Reported separately:
- first letter of a fresh process ("cold": it also registers the fonts, reads the templates and
  lets svglib draw the two body-map views), and the same after `prepare_letters()` (what the
  app can do in the background when it starts; its own time is shown too). Each is the median
  of `FRESH_PROCESSES` new Python processes.
- steady state: the median over `ROUNDS` further builds of each exam's letter to the
  destination its interpretation recommends (what preview, print and save do in the running
  app), and of a follow-up letter (the same exam with a previous one four weeks earlier, so the
  letter carries the strength-over-time chart).
The process's CPU time is shown beside the wall-clock time, and the load average beside both:
on a machine shared with other jobs the wall clock includes waiting for the CPU.
Run: `.venv/bin/python -m benchmarks.letter_build`.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader

from app.domain.exam import Exam
from app.domain.interpretation import Interpretation
from app.domain.knowledge import KnowledgeBase
from app.exchange.exam_files import read_exam_file
from app.knowledge import load_knowledge
from app.report import Sender, build_letter
from app.report.renderer import prepare_letters
from app.rules import interpret

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"
ROUNDS = 15
FRESH_PROCESSES = 3
FOLLOW_UP_EXAMPLE = "l5-foot-drop"
SENDER = Sender(name="A. Physio", profession="Physiotherapist", registration="PH123456",
                clinic="Example Clinic", phone="0100 000000")


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of `action()`."""
    start, start_cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def _cases(kb: KnowledgeBase) -> list[tuple[str, Exam, Interpretation]]:
    cases = []
    for path in sorted(EXAMPLES.glob("*.json")):
        exam = read_exam_file(path, kb.catalogue())
        cases.append((path.stem, exam, interpret(exam, kb)))
    return cases


def first_letter(prepared: bool) -> dict[str, float]:
    """In this (fresh) process: the first letter, after `prepare_letters()` if `prepared`."""
    kb = load_knowledge()
    _, exam, result = _cases(kb)[0]
    timings = {}
    if prepared:
        timings["prepare_ms"], timings["prepare_cpu_ms"] = _timed(prepare_letters)
    timings["first_ms"], timings["first_cpu_ms"] = _timed(
        lambda: build_letter(exam, result, kb, result.referral.to, SENDER))
    return timings


def _fresh_processes(prepared: bool) -> dict[str, float]:
    runs = []
    for _ in range(FRESH_PROCESSES):
        command = [sys.executable, "-m", "benchmarks.letter_build", "--first",
                   "prepared" if prepared else "cold"]
        output = subprocess.run(command, check=True, capture_output=True, text=True,
                                cwd=Path(__file__).resolve().parents[1]).stdout
        runs.append(json.loads(output))
    return {key: round(statistics.median(run[key] for run in runs)) for key in runs[0]}


def _steady(name: str, build: Callable[[], bytes]) -> dict[str, float]:
    build()  # this letter's template, glyphs and marked regions met once, as in the app
    timings, cpu, pdf = [], [], b""
    for _ in range(ROUNDS):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = build()
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return {"median_ms": round(statistics.median(timings), 1),
            "cpu_median_ms": round(statistics.median(cpu), 1), "max_ms": round(max(timings)),
            "bytes": len(pdf), "pages": _pages(pdf)}


def main() -> None:
    if sys.argv[1:2] == ["--first"]:
        _out(json.dumps(first_letter(prepared=sys.argv[2] == "prepared")))
        return
    load_before = os.getloadavg()[0]
    cold, prepared = _fresh_processes(prepared=False), _fresh_processes(prepared=True)
    kb = load_knowledge()
    cases = _cases(kb)
    _out(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
         f"{platform.python_version()}, load average {load_before:.1f} at the start")
    _out(f"first letter, fresh process (median of {FRESH_PROCESSES}): {cold['first_ms']} ms "
         f"wall, {cold['first_cpu_ms']} ms CPU")
    _out(f"prepare_letters() in a fresh process: {prepared['prepare_ms']} ms wall, "
         f"{prepared['prepare_cpu_ms']} ms CPU; first letter after it: "
         f"{prepared['first_ms']} ms wall, {prepared['first_cpu_ms']} ms CPU")
    _out("| example | letter to | median ms | CPU median ms | max ms | size KB | pages |")
    _out("|---|---|---|---|---|---|---|")
    results: dict[str, object] = {"first_cold": cold, "first_prepared": prepared}
    rows = [(name, exam, result, None) for name, exam, result in cases]
    name, exam, _ = next(case for case in cases if case[0] == FOLLOW_UP_EXAMPLE)
    earlier = dataclasses.replace(exam, exam_date=exam.exam_date - timedelta(days=28))
    rows.append((f"{name} follow-up (chart)", exam, interpret(exam, kb, previous=earlier),
                 earlier))
    for name, exam, result, previous in rows:
        destination = result.referral.to
        row = _steady(name, lambda exam=exam, result=result, previous=previous, to=destination:
                      build_letter(exam, result, kb, to, SENDER, previous))
        results[name] = row
        _out(f"| {name} | {destination} | {row['median_ms']:.0f} | {row['cpu_median_ms']:.0f} "
             f"| {row['max_ms']} | {row['bytes'] / 1024:.0f} | {row['pages']} |")
    _out(f"load average {os.getloadavg()[0]:.1f} at the end")
    _out(json.dumps(results))


if __name__ == "__main__":
    main()
