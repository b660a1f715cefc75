"""Autosave goes to the record bound when the exam was loaded, never to another one."""

from __future__ import annotations

from datetime import date

from app.domain.exam import Exam, Patient
from app.storage import exams


def test_an_exam_loaded_by_another_part_of_the_app_becomes_a_new_exam(
        demo_home, open_window, qtbot):
    records = open_window(demo_home).records
    draft = records.autosaver.bound
    before = records.session.exam

    opened_file = Exam(exam_date=date(2026, 5, 1), patient=Patient(name="From A File"))
    records.session.load(opened_file)  # as File > Open exam file does
    qtbot.waitUntil(lambda: records.autosaver.bound is None)
    records.session.set_strength("left", "hip_flexion", "4")
    saved = records.autosaver.flush()

    assert draft is None or exams.get_exam(records.store.db, draft.id,
                                           records.catalogue).exam == before
    assert saved.exam.patient.name == "From A File"
    assert saved.patient_id is not None  # filed under a new patient of that name


def test_a_blank_exam_charted_first_is_filed_under_the_new_patient(
        home, open_window, monkeypatch):
    from app.gui.records.patient_details_dialog import PatientDetailsDialog

    records = open_window(home).records
    records.session.set_strength("left", "ankle_dorsiflexion", "3")
    unfiled = records.autosaver.flush()
    assert unfiled.patient_id is None
    monkeypatch.setattr(PatientDetailsDialog, "ask", classmethod(
        lambda cls, parent, patient=None: Patient(name="Late Name", identifier="LN-1")))

    records.new_patient()

    filed = exams.get_exam(records.store.db, unfiled.id, records.catalogue)
    assert filed.patient_id == records.patient.id
    assert filed.exam.patient.identifier == "LN-1"
    assert filed.exam.strength[("left", "ankle_dorsiflexion")] == "3"


def test_details_edited_in_the_exam_banner_update_the_patient_record(
        demo_home, open_window, qtbot):
    from app.storage import patients

    records = open_window(demo_home).records
    records.patient_list.search.setText("alice")
    records.patient_list._choose_current()
    records.new_follow_up()
    edited = records.session.exam.patient
    records.session.set_patient(Patient(name="Alice Renamed-Fernhill",
                                        date_of_birth=edited.date_of_birth,
                                        identifier=edited.identifier, sex=edited.sex))
    records.autosaver.flush()

    assert patients.find_by_identifier(records.store.db, "DEMO-0001").name == \
        "Alice Renamed-Fernhill"
    assert "Alice Renamed" in records.patient_list.list.currentItem().text()
