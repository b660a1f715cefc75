"""Cold start to window shown: NerveChart's charting window against a bare PySide6 QMainWindow.

Each sample is a fresh Python process, timed by the parent from launch until the child reports
its window shown and its first events (expose, paint) processed. The two programs alternate so
both see the same machine load; medians of `RUNS` each, and their ratio (target: at most 1.5).
The NerveChart child starts exactly as `nervechart` does (`show_main_window`: knowledge base,
session, charting window shown; the feature modules install on the next event-loop turn) on
an empty home folder. Qt runs offscreen unless QT_QPA_PLATFORM says
otherwise. Run: `.venv/bin/python -m benchmarks.gui_cold_start`.

The charting window builds its Reflexes & tests, Red flags and History tabs when they are first
opened, and the body map's (transparent) region items when the pointer or keyboard first
reaches a figure or there are marks to show, so the window shown on a blank exam does not
include them. A third NerveChart figure (bytecode cached) also builds all of those before
reporting: what the start would cost with nothing left for later.

Bytecode: PySide6 in site-packages is always loaded from compiled .pyc files. NerveChart is
timed twice: under the caller's environment (in a checkout run with PYTHONDONTWRITEBYTECODE
set, every start compiles the app's modules from source) and with a bytecode cache (a temporary
PYTHONPYCACHEPREFIX, filled by the warm-up start), which is how an installed wheel or the frozen
build starts. Both are printed; neither replaces the other.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks.storage_timing import machine

RUNS = 9
ROOT = Path(__file__).resolve().parents[1]
_REPORT_WHEN_SHOWN = """
    print("shown", flush=True)
    os._exit(0)
"""
_BARE = textwrap.dedent("""
    import os
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1500, 940)
    window.show()
    app.processEvents()
""") + textwrap.dedent(_REPORT_WHEN_SHOWN)
_NERVECHART_START = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from app.gui.context import AppContext
    from app.gui.main import create_application, show_main_window
    from app.gui.session import ExamSession
    from app.knowledge import load_knowledge

    app = create_application()
    kb = load_knowledge()
    window = show_main_window(AppContext(session=ExamSession(kb), kb=kb, home=Path(sys.argv[1])))
""")
_NERVECHART = _NERVECHART_START + textwrap.dedent(_REPORT_WHEN_SHOWN)
_NERVECHART_ALL_BUILT = _NERVECHART_START + textwrap.dedent("""
    window.charting.tabs.build_all()  # before the event loop turns: features install after it
    for scene in window.charting.body_map.scenes.values():
        scene.region_items
""") + textwrap.dedent(_REPORT_WHEN_SHOWN)


def _start_ms(program: str, home: Path, bytecode_cache: Path | None = None) -> float:
    for stale in home.glob("nervechart.lock"):
        stale.unlink()
    environment = {**os.environ, "PYTHONPATH": str(ROOT),
                   "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if bytecode_cache is not None:
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        environment["PYTHONPYCACHEPREFIX"] = str(bytecode_cache)
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", program, str(home)], cwd=ROOT, text=True,
                            capture_output=True, timeout=120, env=environment, check=True)
    elapsed = (time.perf_counter() - began) * 1000
    if "shown" not in result.stdout:
        raise RuntimeError(f"the window did not report being shown: {result.stderr[-500:]}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="nervechart-bench-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        cache = Path(folder) / "bytecode"
        _start_ms(_NERVECHART, home)  # first start creates the database; warms the file cache
        _start_ms(_NERVECHART, home, cache)  # fills the bytecode cache
        _start_ms(_BARE, home)
        _start_ms(_NERVECHART_ALL_BUILT, home, cache)  # compiles the tabs' modules
        bare, nervechart, compiled, all_built = [], [], [], []
        for _ in range(RUNS):
            bare.append(_start_ms(_BARE, home))
            nervechart.append(_start_ms(_NERVECHART, home))
            compiled.append(_start_ms(_NERVECHART, home, cache))
            all_built.append(_start_ms(_NERVECHART_ALL_BUILT, home, cache))
    bare_ms = statistics.median(bare)
    print(f"cold start to window shown, median of {RUNS}: bare QMainWindow {bare_ms:.0f} ms")
    for label, timings in (("NerveChart, this environment", nervechart),
                           ("NerveChart, bytecode cached (as installed)", compiled),
                           ("NerveChart, bytecode cached, all tabs and regions built", all_built)):
        median = statistics.median(timings)
        print(f"  {label}: {median:.0f} ms, ratio {median / bare_ms:.2f}")
    print(f"  (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r} "
          f"in this environment)")
    print(machine())


if __name__ == "__main__":
    main()
