"""Interpretation speed over the vignette suite, and knowledge-table load time.

Targets (issue 2): p99 under 5 ms per exam and table load under 100 ms on the 2-core machine,
because the GUI re-interprets on every click. Run: `.venv/bin/python -m benchmarks.interpret_speed`.
"""

from __future__ import annotations

import json
import platform
import statistics
import time
from pathlib import Path

from app.domain.exam_codec import exam_from_document
from app.knowledge import load_knowledge
from app.rules import interpret

VIGNETTES = Path(__file__).resolve().parents[1] / "tests" / "vignettes"
ROUNDS = 20


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    loads = []
    for _ in range(10):
        start = time.perf_counter()
        kb = load_knowledge()
        loads.append((time.perf_counter() - start) * 1000)
    catalogue = kb.catalogue()
    cases = []
    for path in sorted(VIGNETTES.rglob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        previous = case.get("previous_exam")
        cases.append((exam_from_document(case["exam"], catalogue),
                      exam_from_document(previous, catalogue) if previous else None))
    for exam, previous in cases:  # warm caches once, as the running app would
        interpret(exam, kb, previous=previous)
    timings, cpu = [], []
    for _ in range(ROUNDS):
        for exam, previous in cases:
            start, start_cpu = time.perf_counter(), time.thread_time()
            interpret(exam, kb, previous=previous)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - start_cpu) * 1000)
    print(f"machine: {platform.machine()} {platform.processor() or ''}, "
          f"Python {platform.python_version()}")
    print(f"knowledge load: median {statistics.median(loads):.1f} ms, "
          f"max {max(loads):.1f} ms (10 loads)")
    print(f"interpretation: {len(cases)} vignettes x {ROUNDS} rounds: "
          f"median {statistics.median(timings):.2f} ms, p99 {_percentile(timings, 0.99):.2f} ms, "
          f"max {max(timings):.2f} ms per exam")
    # CPU time leaves out the time other processes held the core (a shared machine).
    print(f"interpretation CPU time: median {statistics.median(cpu):.2f} ms, "
          f"p99 {_percentile(cpu, 0.99):.2f} ms, max {max(cpu):.2f} ms per exam")
    print(json.dumps({"load_ms_median": statistics.median(loads),
                      "interpret_ms_median": statistics.median(timings),
                      "interpret_ms_p99": _percentile(timings, 0.99),
                      "interpret_cpu_ms_p99": _percentile(cpu, 0.99)}))


if __name__ == "__main__":
    main()
