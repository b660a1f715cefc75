"""A big generated database for the storage benchmarks: 10,000 patients, 100,000 exams.

`big_home()` returns a home folder holding it, building it once (a few minutes) under
`$NERVECHART_BENCH_DIR` (default: the system temp folder) and reusing it afterwards; the
empty home the start-up benchmark compares against is `empty_home()`. Exams are realistic
spec-format documents with a first revision each, written through the real schema (migrations,
triggers, indexes) in batches; names are invented from syllables. Not part of the test suite.
Run alone to build: `.venv/bin/python -m benchmarks.storage_dataset`.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from app.domain.exam import Exam, Examiner, History, Patient, frozen_map
from app.domain.exam_codec import exam_to_document
from app.domain.vocabulary import MRC_GRADES
from app.storage.database import database_path, open_database
from app.storage.search_key import patient_search_key
from app.storage.timestamps import utc_now

PATIENTS = 10_000
EXAMS = 100_000
_SYLLABLES = ("an", "bel", "cor", "da", "el", "fin", "gar", "hol", "is", "jan", "ka", "lor",
              "mi", "nor", "o", "pen", "qua", "ros", "sa", "tor", "u", "val", "wen", "xa", "yor",
              "zel")
_MUSCLES = ("ankle_dorsiflexion", "great_toe_extension", "hip_abduction", "ankle_plantarflexion",
            "knee_extension", "elbow_extension", "wrist_extension", "thumb_abduction")
_REGIONS = ("lateral_leg", "dorsum_foot", "posterior_calf", "anterior_thigh", "thumb",
            "posterior_forearm")


def _bench_dir() -> Path:
    return Path(os.environ.get("NERVECHART_BENCH_DIR", tempfile.gettempdir()))


def big_home() -> Path:
    home = _bench_dir() / "nervechart-bench-big"
    if not (home / ".complete").exists():
        build(home)
    return home


def empty_home() -> Path:
    home = _bench_dir() / "nervechart-bench-empty"
    home.mkdir(parents=True, exist_ok=True)
    open_database(database_path(home)).close()
    return home


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}-{word()}"


def _exam(rng: random.Random, patient: Patient, day: date) -> Exam:
    side = rng.choice(("left", "right"))
    strength = {(side, m): rng.choice(MRC_GRADES[3:]) for m in rng.sample(_MUSCLES, 4)}
    symptoms = {(side, r): frozenset({"pain", "tingling"}) for r in rng.sample(_REGIONS, 2)}
    return Exam(exam_date=day, patient=patient, examiner=Examiner(name="Bench Examiner"),
                history=History(course="stable"), symptoms=frozen_map(symptoms),
                strength=frozen_map(strength))


def build(home: Path, seed: int = 4) -> None:
    rng = random.Random(seed)
    home.mkdir(parents=True, exist_ok=True)
    for leftover in home.glob("nervechart.db*"):
        leftover.unlink()
    db = open_database(database_path(home))
    now = utc_now()
    per_patient = EXAMS // PATIENTS
    with db.atomic():
        for number in range(1, PATIENTS + 1):
            born = date(1930, 1, 1) + timedelta(days=rng.randint(0, 30_000))
            patient = Patient(name=_name(rng), date_of_birth=born, identifier=f"B{number:06d}",
                              sex=rng.choice(("female", "male")))
            cursor = db.execute(
                "INSERT INTO patients (name, date_of_birth, identifier, sex, search_key, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [patient.name, born.isoformat(), patient.identifier, patient.sex,
                 patient_search_key(patient.name, born.isoformat(), patient.identifier),
                 now, now])
            first = date(2020, 1, 1) + timedelta(days=rng.randint(0, 1500))
            for visit in range(per_patient):
                exam = _exam(rng, patient, first + timedelta(days=30 * visit))
                document = json.dumps(exam_to_document(exam), separators=(",", ":"))
                exam_id = db.execute(
                    "INSERT INTO exams (patient_id, exam_date, examiner, status, document, "
                    "created_at, updated_at, signed_at) VALUES (?, ?, ?, 'signed', ?, ?, ?, ?)",
                    [cursor.lastrowid, exam.exam_date.isoformat(), exam.examiner.name, document,
                     now, now, now]).lastrowid
                db.execute("INSERT INTO exam_revisions (exam_id, saved_at, examiner, status, "
                           "document, note) VALUES (?, ?, ?, 'signed', ?, 'generated')",
                           [exam_id, now, exam.examiner.name, document])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    (home / ".complete").write_text("built\n")


if __name__ == "__main__":
    built = big_home()
    size = database_path(built).stat().st_size / 2**20
    print(f"{built}: {PATIENTS} patients, {EXAMS} exams, {size:.0f} MiB")
