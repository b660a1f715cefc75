"""Opening a patient's history in the 100,000-exam database (target < 100 ms).

For 300 random patients, times what choosing a patient does before the window updates: read
and decode all their exams and find the previous exam of the newest (the exam list and the
comparison table then fill from memory). The strength chart is drawn just after, so building
its matplotlib Figure and drawing it are timed separately.
Run: `.venv/bin/python -m benchmarks.storage_history`.
"""

from __future__ import annotations

import random
import time

from app.charts.strength_chart import figure_png, strength_figure
from app.knowledge import load_knowledge
from app.storage import exams
from app.storage.database import database_path, open_read_only
from benchmarks.storage_dataset import big_home
from benchmarks.storage_timing import describe, machine

OPENED = 300


def main() -> None:
    catalogue = load_knowledge().catalogue()
    db = open_read_only(database_path(big_home()))
    ids = [row[0] for row in db.execute("SELECT id FROM patients").fetchall()]
    opening, charting = [], []
    for patient_id in random.Random(11).sample(ids, OPENED):
        start = time.perf_counter()
        records = exams.patient_exams(db, patient_id, catalogue)
        exams.previous_exam(db, records[-1], catalogue)
        opening.append((time.perf_counter() - start) * 1000)
        if len(charting) < 30:
            start = time.perf_counter()
            figure_png(strength_figure([record.exam for record in records]), dpi=100)
            charting.append((time.perf_counter() - start) * 1000)
    db.close()
    print(f"open a patient's history (10 exams each), {OPENED} patients: "
          f"{describe(opening)}")
    print(f"build and draw the strength chart: {describe(charting)}")
    print(machine())


if __name__ == "__main__":
    main()
