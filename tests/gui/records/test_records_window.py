"""The records feature in the charting window: search, follow-up, autosave, amendments."""

from __future__ import annotations

from datetime import date

from app.gui.records.autosave import AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS
from app.storage import exams


def _choose(records, query: str, qtbot):
    records.patient_list.search.clear()
    qtbot.keyClicks(records.patient_list.search, query)
    records.patient_list._choose_current()
    return records.patient


def test_search_as_you_type_narrows_the_list_at_each_keystroke(demo_home, open_window, qtbot):
    records = open_window(demo_home).records
    assert records.patient_list.list.count() == 6
    qtbot.keyClicks(records.patient_list.search, "br")
    assert records.patient_list.list.count() == 1
    assert "Bram" in records.patient_list.list.item(0).text()
    records.patient_list.search.clear()
    qtbot.keyClicks(records.patient_list.search, "demo-0004")
    assert "Dev" in records.patient_list.list.item(0).text()
    assert records.patient_list.status.text() == "1 of 6 patients"


def test_a_follow_up_is_prefilled_from_the_last_exam_and_gets_it_as_previous(
        demo_home, open_window, qtbot):
    records = open_window(demo_home).records
    patient = _choose(records, "alice", qtbot)
    last = exams.latest_exam(records.store.db, patient.id, records.catalogue)

    records.new_follow_up()

    exam = records.session.exam
    assert exam.exam_date == date.today()
    assert exam.patient.identifier == "DEMO-0001"
    assert exam.symptoms == last.exam.symptoms and exam.history.cues == last.exam.history.cues
    assert not exam.strength  # grades are examined afresh, never copied forward
    assert records.session.previous_exam == last.exam
    assert records.autosaver.bound.patient_id == patient.id


def test_a_worsening_patient_shows_progression_with_both_dates(demo_home, open_window, qtbot):
    """clinical.md referral table row 10: progressive deficit -> URGENT (North-East pathways)."""
    records = open_window(demo_home).records
    _choose(records, "bram", qtbot)
    newest = records.history.list.item(0).data(256)
    records.open_exam(newest)

    flags = {f.id: f for f in records.session.interpretation.red_flags}
    assert "weakness_progressed_since_last_exam" in flags
    previous_date = records.session.previous_exam.exam_date.isoformat()
    assert previous_date in flags["weakness_progressed_since_last_exam"].text
    table = records.comparison.table
    assert table.columnCount() == 3 and "↓" in table.item(0, 2).text()


def test_an_edit_is_autosaved_into_the_exam_it_was_opened_from(demo_home, open_window, qtbot):
    assert AUTOSAVE_DELAY_MS < AUTOSAVE_MAX_WAIT_MS <= 1000  # "within a second of an edit"
    records = open_window(demo_home).records
    patient = _choose(records, "chiara", qtbot)
    records.new_follow_up()
    bound = records.autosaver.bound

    with qtbot.waitSignal(records.autosaver.saved, timeout=5000):
        records.session.set_strength("right", "elbow_extension", "3")
    _choose(records, "dev", qtbot)  # looking at another patient must not move the draft
    records.session.set_strength("right", "elbow_flexion", "4")
    with qtbot.waitSignal(records.autosaver.saved, timeout=5000):
        pass

    stored = exams.get_exam(records.store.db, bound.id, records.catalogue)
    assert stored.patient_id == patient.id
    assert stored.exam.strength[("right", "elbow_extension")] == "3"
    assert stored.exam.strength[("right", "elbow_flexion")] == "4"
    assert not records.session.is_dirty


def test_editing_a_signed_exam_saves_an_amendment_and_leaves_it_unchanged(
        demo_home, open_window, qtbot):
    records = open_window(demo_home).records
    _choose(records, "eira", qtbot)
    signed = records.history.list.item(0).data(256)
    assert signed.is_signed
    records.open_exam(signed)

    records.session.set_strength("right", "ankle_dorsiflexion", "5")
    amendment = records.autosaver.flush()

    assert amendment.amends_exam_id == signed.id and not amendment.is_signed
    assert exams.get_exam(records.store.db, signed.id, records.catalogue).exam == signed.exam
    assert records.history.list.item(0).data(256).id == amendment.id


def test_the_open_exam_is_reopened_at_the_next_start(demo_home, open_window, qtbot):
    window = open_window(demo_home)
    records = window.records
    _choose(records, "farouk", qtbot)
    records.new_follow_up()
    records.session.set_strength("right", "ankle_plantarflexion", "4")
    exam_id = records.autosaver.flush().id
    records.shut_down()

    again = open_window(demo_home).records
    assert again.autosaver.bound.id == exam_id
    assert again.session.exam.strength[("right", "ankle_plantarflexion")] == "4"
    assert again.session.previous_exam is not None


def test_signing_a_draft_makes_it_final_and_the_next_edit_an_amendment(
        demo_home, open_window, qtbot, monkeypatch):
    from app.gui.records import controller

    monkeypatch.setattr(controller.QMessageBox, "question",
                        lambda *_args: controller.QMessageBox.StandardButton.Yes)
    records = open_window(demo_home).records
    _choose(records, "dev", qtbot)
    records.new_follow_up()
    records.session.set_strength("right", "thumb_abduction", "4-")

    records.sign_exam()

    signed = records.autosaver.bound
    assert signed.is_signed and signed.exam.strength[("right", "thumb_abduction")] == "4-"
    records.session.set_strength("right", "thumb_abduction", "3")
    amendment = records.autosaver.flush()
    assert amendment.amends_exam_id == signed.id
    stored = exams.get_exam(records.store.db, signed.id, records.catalogue)
    assert stored.exam.strength[("right", "thumb_abduction")] == "4-"
