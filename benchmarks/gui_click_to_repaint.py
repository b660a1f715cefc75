"""Time from a grade edit to the interpretation panel repainted (target: p99 under 16 ms).

The charting window is built offscreen with the L5 foot-drop example loaded. Each sample commits
one grade the way the grid's editor does (`StrengthModel.setData`: session edit,
re-interpretation, every panel updated from the signals), then runs one turn of the event loop,
as the app does after a click: the layouts the edit asked for, then one paint of everything it
left dirty (grid cell, urgency banner, interpretation text, scroll bar). The clock stops when that
turn returns. A sample counts only if the interpretation text was painted in that turn and the
panel then shows exactly the new interpretation (checked after the clock stops); otherwise the
run stops with an error. Between samples the window settles (deferred paints, as before the next
click in the app). Grades alternate so every sample is a real change.
Run: `.venv/bin/python -m benchmarks.gui_click_to_repaint`.
"""

from __future__ import annotations

import os
import time

from benchmarks.storage_timing import describe, machine

SAMPLES = 400
WARM_UP = 20
SETTLE_MS = 12  # longer than Qt's deferred-update interval (5 ms)
EXAMPLE = "l5-foot-drop.json"
# Cells edited in turn, each toggled between two grades.
EDITS = (("left", "hip_abduction", "4-", "5"), ("left", "ankle_inversion", "4", "3"),
         ("right", "ankle_dorsiflexion", "5", "4"), ("left", "great_toe_extension", "2", "1"))


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QTextDocument
    from PySide6.QtTest import QTest

    from app.exchange.exam_files import read_exam_file
    from app.gui.context import AppContext
    from app.gui.interpretation_panel import DOCUMENT_STYLE, interpretation_blocks
    from app.gui.main import build_main_window, create_application
    from app.gui.session import ExamSession
    from app.knowledge import load_knowledge
    from app.paths import resources_dir

    class PaintCounter(QObject):
        """Counts the paint events a widget receives."""

        def __init__(self, widget):
            super().__init__(widget)
            self.count = 0
            widget.installEventFilter(self)

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    def expected_text() -> str:
        document = QTextDocument()
        document.setDefaultStyleSheet(DOCUMENT_STYLE)
        document.setDefaultFont(panel.details.document().defaultFont())
        document.setHtml("".join(interpretation_blocks(
            session.interpretation, kb, session.selected_hypothesis)))
        return document.toPlainText()

    app = create_application()
    kb = load_knowledge()
    session = ExamSession(kb)
    session.load(read_exam_file(resources_dir() / "examples" / EXAMPLE, kb.catalogue()))
    window = build_main_window(AppContext(session=session, kb=kb, home=None))
    window.show()
    QTest.qWait(100)
    model = window.charting.strength.model
    panel = window.charting.interpretation
    text_paints = PaintCounter(panel.details.viewport())
    timings: list[float] = []
    for sample in range(SAMPLES + WARM_UP):
        side, muscle, first, second = EDITS[sample % len(EDITS)]
        grade = first if (sample // len(EDITS)) % 2 else second
        painted_before = text_paints.count
        began = time.perf_counter()
        model.setData(model.grade_index(side, muscle), grade)
        app.processEvents()
        elapsed = (time.perf_counter() - began) * 1000
        if text_paints.count == painted_before:
            raise SystemExit(f"edit {sample}: the interpretation text was not repainted")
        if panel.details.toPlainText() != expected_text():
            raise SystemExit(f"edit {sample}: the panel does not show the new interpretation")
        QTest.qWait(SETTLE_MS)
        if sample >= WARM_UP:
            timings.append(elapsed)
    session.mark_saved()
    window.close()
    print(f"grade edit to interpretation repainted, {SAMPLES} edits: {describe(timings)}")
    print(machine())


if __name__ == "__main__":
    main()
