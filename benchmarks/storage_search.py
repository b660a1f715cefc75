"""Search as you type over 10,000 patients: the time of each keystroke's query (target p99 < 50 ms).

Simulates typing, one character at a time, the start of 300 random patients' names,
identifiers and dates of birth, and times what the patient list does per keystroke
(`search_patients` for up to 200 matches, plus the patient count).
Run: `.venv/bin/python -m benchmarks.storage_search` (builds the dataset on first use).
"""

from __future__ import annotations

import random
import time

from app.storage.database import database_path, open_read_only
from app.storage.patients import count_patients, search_patients
from benchmarks.storage_dataset import big_home
from benchmarks.storage_timing import describe, machine

TYPED = 300


def main() -> None:
    db = open_read_only(database_path(big_home()))
    rng = random.Random(7)
    rows = db.execute("SELECT name, identifier, date_of_birth FROM patients").fetchall()
    timings = []
    for name, identifier, born in rng.sample(rows, TYPED):
        typed = rng.choice((name.lower()[:8], identifier[:5], born[:7]))
        for end in range(1, len(typed) + 1):
            start = time.perf_counter()
            search_patients(db, typed[:end])
            count_patients(db)
            timings.append((time.perf_counter() - start) * 1000)
    db.close()
    print(f"search as you type, {len(timings)} keystrokes: {describe(timings)}")
    print(machine())


if __name__ == "__main__":
    main()
