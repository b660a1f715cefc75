"""A charting process killed with SIGKILL while editing loses nothing autosave had stored.

The child edits without pause (an edit every 20 ms, so the debounce alone would never fire)
and reports each autosave; the parent kills it mid-stream and reads the database back.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from app.storage import exams
from app.storage.app_state import open_exam_id
from app.storage.store import HomeStore

ROOT = Path(__file__).resolve().parents[3]
START = date(2000, 1, 1)

_CHARTING_CHILD = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from datetime import date, timedelta
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from app.gui.records.autosave import Autosaver
    from app.gui.session import ExamSession
    from app.knowledge import load_knowledge
    from app.storage.app_state import remember_open_exam
    from app.storage.store import HomeStore

    app = QApplication([])
    kb = load_knowledge()
    store = HomeStore.open(Path(sys.argv[1]))
    session = ExamSession(kb)
    start = date(2000, 1, 1)
    session.load(session.exam.__class__(exam_date=start))
    saver = Autosaver(session, store, kb.catalogue())
    saver.bind(None)
    counter = [0]

    def report(result):
        remember_open_exam(store.db, result.record.id)
        days = (result.record.exam.exam_date - start).days
        print("saved", result.record.id, days, flush=True)

    def edit():
        counter[0] += 1
        day = start + timedelta(days=counter[0])
        session.apply("next", lambda exam: replace(exam, exam_date=day))
        print("edit", counter[0], flush=True)

    saver.saved.connect(report)
    ticker = QTimer()
    ticker.timeout.connect(edit)
    ticker.start(20)
    app.exec()
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_continuous_editing_keeps_every_autosaved_state(home, kb):
    child = subprocess.Popen(
        [sys.executable, "-c", _CHARTING_CHILD, str(home)], cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    saves: list[tuple[int, int]] = []
    try:
        for line in child.stdout:
            kind, *numbers = line.split()
            if kind == "saved":
                saves.append((int(numbers[0]), int(numbers[1])))
            if len(saves) >= 3:
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert len(saves) >= 3, child.stderr.read()

    with HomeStore.open(home) as store:
        exam_id = open_exam_id(store.db)
        stored = exams.get_exam(store.db, exam_id, kb.catalogue())
    last_id, last_days = saves[-1]
    assert exam_id == last_id
    assert (stored.exam.exam_date - START).days >= last_days
    # saves came while edits never paused: the maximum wait, not the debounce, fired them
    assert saves[1][1] > saves[0][1]
