"""Time from a grade edit to the interpretation panel repainted (target: p99 under 16 ms).

The charting window is built offscreen with the L5 foot-drop example loaded. Each sample commits
one grade the way the grid's editor does (`StrengthModel.setData`: session edit, re-interpretation,
every panel updated from the signals), then repaints the urgency banner and the interpretation
text synchronously; the clock stops when the repaint returns. Grades alternate so every sample
is a real change. Run: `.venv/bin/python -m benchmarks.gui_click_to_repaint`.
"""

from __future__ import annotations

import os
import time

from benchmarks.storage_timing import describe, machine

SAMPLES = 400
WARM_UP = 20
EXAMPLE = "l5-foot-drop.json"
# Cells edited in turn, each toggled between two grades.
EDITS = (("left", "hip_abduction", "4-", "5"), ("left", "ankle_inversion", "4", "3"),
         ("right", "ankle_dorsiflexion", "5", "4"), ("left", "great_toe_extension", "2", "1"))


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.exchange.exam_files import read_exam_file
    from app.gui.context import AppContext
    from app.gui.main import build_main_window, create_application
    from app.gui.session import ExamSession
    from app.knowledge import load_knowledge
    from app.paths import resources_dir

    app = create_application()
    kb = load_knowledge()
    session = ExamSession(kb)
    session.load(read_exam_file(resources_dir() / "examples" / EXAMPLE, kb.catalogue()))
    window = build_main_window(AppContext(session=session, kb=kb, home=None))
    window.show()
    app.processEvents()
    model = window.charting.strength.model
    panel = window.charting.interpretation
    timings: list[float] = []
    for sample in range(SAMPLES + WARM_UP):
        side, muscle, first, second = EDITS[sample % len(EDITS)]
        grade = first if (sample // len(EDITS)) % 2 else second
        began = time.perf_counter()
        model.setData(model.grade_index(side, muscle), grade)
        panel.banner.repaint()
        panel.details.viewport().repaint()
        elapsed = (time.perf_counter() - began) * 1000
        app.processEvents()
        if sample >= WARM_UP:
            timings.append(elapsed)
    session.mark_saved()
    window.close()
    print(f"grade edit to interpretation repainted, {SAMPLES} edits: {describe(timings)}")
    print(machine())


if __name__ == "__main__":
    main()
