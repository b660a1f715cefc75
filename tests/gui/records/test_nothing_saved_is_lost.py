"""Nothing charted is lost when the disk refuses a save, or when the user moves on.

The disk's refusals are real SQLite ones: `PRAGMA query_only` makes every write fail as on a
read-only file ("attempt to write a readonly database"), and `PRAGMA max_page_count` at the
current size makes a write that needs a new page fail as on a full disk.
"""

from __future__ import annotations

import pytest

from app.domain.exam import Patient
from app.gui.records import controller
from app.storage import exams
from app.storage.lock import HomeLock


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(controller.QMessageBox, "warning",
                        lambda _parent, _title, text, *_buttons: shown.append(text))
    return shown


@pytest.fixture
def refusing(open_window):
    """Make the database refuse writes; allowed again at the end, so closing saves."""
    refused = []

    def refuse(records, how) -> None:
        how(records.store.db)
        refused.append(records)

    yield refuse
    for records in refused:
        if records.store.db is not None:
            _writable(records.store.db)
            records.autosaver.flush()


def _chart_follow_up(records, query: str):
    records.patient_list.search.setText(query)
    records.patient_list._choose_current()
    records.new_follow_up()
    return records.autosaver.bound


def _read_only(db) -> None:
    db.execute("PRAGMA query_only = ON")


def _writable(db) -> None:
    db.execute("PRAGMA query_only = OFF")
    db.execute("PRAGMA max_page_count = 4294967294")


def _disk_full(db) -> None:
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_save_on_a_read_only_database_names_the_file_and_keeps_the_exam(
        demo_home, open_window, warnings_shown, refusing):
    records = open_window(demo_home).records
    bound = _chart_follow_up(records, "alice")
    refusing(records, _read_only)

    records.session.set_strength("right", "elbow_extension", "3")
    records.autosaver.flush()
    records.session.set_strength("right", "elbow_flexion", "4")
    records.autosaver.flush()

    assert len(warnings_shown) == 1  # one dialog for a run of failures, then the status bar
    assert str(records.store.path) in warnings_shown[0]
    assert "read-only" in warnings_shown[0]
    assert str(records.store.path) in records.window.statusBar().currentMessage()
    assert records.session.is_dirty and records.autosaver.pending
    assert records.session.exam.strength[("right", "elbow_flexion")] == "4"

    _writable(records.store.db)  # the user fixed the folder
    records.autosaver.flush()
    stored = exams.get_exam(records.store.db, bound.id, records.catalogue).exam
    assert stored.strength[("right", "elbow_extension")] == "3"
    assert not records.session.is_dirty


def test_a_full_disk_is_named_as_such(demo_home, open_window, warnings_shown, refusing):
    records = open_window(demo_home).records
    _chart_follow_up(records, "bram")
    refusing(records, _disk_full)
    edited = records.session.exam.patient
    records.session.set_patient(Patient(name="B" * 40_000, date_of_birth=edited.date_of_birth,
                                        identifier=edited.identifier, sex=edited.sex))
    records.autosaver.flush()

    assert "the disk is full" in warnings_shown[0] and str(records.store.path) in warnings_shown[0]
    assert records.session.is_dirty and records.session.exam.patient.name == "B" * 40_000


@pytest.mark.parametrize("move_on", ["open_exam", "new_follow_up", "start_blank_exam",
                                     "sign_exam"])
def test_moving_on_from_an_exam_that_cannot_be_saved_keeps_it_open(
        demo_home, open_window, warnings_shown, refusing, monkeypatch, move_on):
    monkeypatch.setattr(controller.QMessageBox, "question",
                        lambda *_args: controller.QMessageBox.StandardButton.Yes)
    records = open_window(demo_home).records
    other = exams.latest_exam(records.store.db, 1, records.catalogue)
    bound = _chart_follow_up(records, "chiara")
    refusing(records, _read_only)
    records.session.set_strength("left", "wrist_extension", "2")

    if move_on == "open_exam":
        records.open_exam(other)
    else:
        getattr(records, move_on)()

    assert records.autosaver.bound == bound  # still charting the same exam, still a draft
    assert records.session.exam.strength[("left", "wrist_extension")] == "2"
    assert records.session.is_dirty and warnings_shown


def test_choosing_another_patient_saves_the_open_exam_first(demo_home, open_window):
    records = open_window(demo_home).records
    bound = _chart_follow_up(records, "dev")
    records.session.set_strength("left", "thumb_abduction", "3")

    records.patient_list.search.setText("eira")
    records.patient_list._choose_current()

    stored = exams.get_exam(records.store.db, bound.id, records.catalogue).exam
    assert stored.strength[("left", "thumb_abduction")] == "3"  # saved on the switch, no wait
    assert not records.session.is_dirty


def test_quitting_when_the_disk_refuses_tells_the_user_and_releases_the_home(
        demo_home, open_window, warnings_shown, capfd):
    records = open_window(demo_home).records
    _chart_follow_up(records, "farouk")
    _read_only(records.store.db)
    records.session.set_strength("left", "hip_flexion", "4")

    records.shut_down()  # what quitting does

    assert any("Could not save the exam" in text for text in warnings_shown), warnings_shown
    assert any("note which exam to reopen" in text for text in warnings_shown), warnings_shown
    assert "Traceback" not in capfd.readouterr().err
    with HomeLock(demo_home):
        pass
