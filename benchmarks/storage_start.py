"""App start with the 100,000-exam database against an empty one (target: at most 1.2 times).

Starts `nervechart`'s window in a fresh process (Qt offscreen) on each home folder, alternately,
and measures from the first line of the process to the window painted with the records feature
started (patient list filled, last exam reopened). The background integrity check and the daily
backup run after that point by design. Median of `RUNS` starts each.
Run: `.venv/bin/python -m benchmarks.storage_start`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

from benchmarks.storage_dataset import big_home, empty_home
from benchmarks.storage_timing import machine

RUNS = 7
ROOT = Path(__file__).resolve().parents[1]
_START = textwrap.dedent("""
    import time
    began = time.perf_counter()
    import os, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from app.gui.context import AppContext
    from app.gui.main import build_main_window, create_application
    from app.gui.session import ExamSession
    from app.knowledge import load_knowledge

    app = create_application()
    kb = load_knowledge()
    window = build_main_window(AppContext(session=ExamSession(kb), kb=kb, home=Path(sys.argv[1])))
    window.show()

    def painted():
        print(f"{(time.perf_counter() - began) * 1000:.0f}", flush=True)
        os._exit(0)

    QTimer.singleShot(0, painted)
    app.exec()
""")


def _start_ms(home: Path) -> float:
    for stale in home.glob("nervechart.lock"):
        stale.unlink()
    result = subprocess.run([sys.executable, "-c", _START, str(home)], cwd=ROOT, text=True,
                            capture_output=True, check=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                 "PYTHONPATH": str(ROOT)})
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    big, empty = big_home(), empty_home()
    _start_ms(empty)  # warm the file cache for both before measuring
    _start_ms(big)
    with_big, with_empty = [], []
    for _ in range(RUNS):
        with_empty.append(_start_ms(empty))
        with_big.append(_start_ms(big))
    ratio = statistics.median(with_big) / statistics.median(with_empty)
    print(f"app start, median of {RUNS}: empty database {statistics.median(with_empty):.0f} ms, "
          f"10,000 patients / 100,000 exams {statistics.median(with_big):.0f} ms, "
          f"ratio {ratio:.2f}")
    print(machine())


if __name__ == "__main__":
    main()
