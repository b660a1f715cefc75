"""Importing and exporting exam files: a bad file changes nothing; export round-trips."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.domain.errors import ExamFormatError
from app.exchange.exam_files import read_exam_file
from app.storage import exams, patients
from app.storage.exam_transfer import export_patient_exams, import_exam_files
from tests.conftest import SHARED_EXAMPLES


def _examples(tmp_path: Path) -> list[Path]:
    copies = []
    for source in sorted(SHARED_EXAMPLES.glob("*.json")):
        copies.append(Path(shutil.copy(source, tmp_path / source.name)))
    return copies


def _snapshot(store) -> tuple:
    return tuple(store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("patients", "exams", "exam_revisions"))


def test_a_bad_file_among_good_ones_changes_nothing(store, tmp_path, kb):
    good = _examples(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "nervechart.exam/1", "exam_date": "2026-01-01",
                               "patient": {"name": "X"}, "strength": {"left": {"bogus": "5"}}}))
    before = _snapshot(store)
    with pytest.raises(ExamFormatError, match=r"bad\.json.*strength\.left\.bogus"):
        import_exam_files(store.db, [*good, bad], kb.catalogue())
    assert _snapshot(store) == before


def test_an_exam_without_a_patient_name_is_refused_naming_the_file(store, tmp_path, kb):
    nameless = tmp_path / "nameless.json"
    nameless.write_text(json.dumps({"format": "nervechart.exam/1", "exam_date": "2026-01-01"}))
    with pytest.raises(ExamFormatError, match=r"nameless\.json: patient\.name"):
        import_exam_files(store.db, [nameless], kb.catalogue())


def test_import_files_signed_exams_under_their_patients_and_skips_repeats(store, tmp_path, kb):
    files = _examples(tmp_path)
    summary = import_exam_files(store.db, files, kb.catalogue())
    again = import_exam_files(store.db, files, kb.catalogue())

    assert summary.imported == len(files) and again.imported == 0
    assert again.skipped_duplicates == len(files)
    stored = [r for p in patients.search_patients(store.db, "")
              for r in exams.patient_exams(store.db, p.id, kb.catalogue())]
    assert len(stored) == len(files) and all(r.is_signed for r in stored)


def test_export_writes_spec_files_that_read_back_equal(store, tmp_path, kb):
    source = _examples(tmp_path)[0]
    import_exam_files(store.db, [source], kb.catalogue())
    patient = patients.search_patients(store.db, "")[0]
    out = tmp_path / "out"
    out.mkdir()

    written = export_patient_exams(store.db, patient, out, kb.catalogue())

    assert len(written) == 1
    assert patient.name not in written[0].name
    assert read_exam_file(written[0], kb.catalogue()) == read_exam_file(source, kb.catalogue())
