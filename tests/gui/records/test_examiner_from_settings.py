"""The examiner saved in the welcome or in Settings is in the blank exam and every new exam."""

from __future__ import annotations

from app.domain.exam import Examiner
from app.storage.settings import ClinicSettings, load_settings

SAM = {"examiner_name": "Sam Taylor", "profession": "Physiotherapist",
       "registration": "HCPC PH123456"}
SAM_EXAMINER = Examiner(name="Sam Taylor", profession="Physiotherapist",
                        registration="HCPC PH123456")


def _welcome(window, qtbot):
    setup = window.clinic_setup
    qtbot.waitUntil(lambda: setup.welcome is not None and setup.welcome.isVisible())
    return setup.welcome


def _fill_in(welcome) -> None:
    for name, text in SAM.items():
        welcome.details.editors[name].setText(text)


def test_the_blank_start_up_exam_takes_the_examiner_typed_in_the_welcome(
        home, open_window, qtbot):
    window = open_window(home)
    records = window.records
    assert records.session.exam.examiner == Examiner()  # nobody known yet at start
    welcome = _welcome(window, qtbot)
    _fill_in(welcome)

    welcome.accept()

    assert load_settings(records.store.db).examiner() == SAM_EXAMINER
    assert records.session.exam.examiner == SAM_EXAMINER
    assert not records.session.is_dirty  # an untouched blank exam is not saved for this
    assert records.autosaver.bound is None
    records.session.set_strength("left", "hip_flexion", "4")
    assert records.autosaver.flush().exam.examiner == SAM_EXAMINER


def test_every_new_exam_names_the_examiner_file_new_included(home, open_window, qtbot):
    window = open_window(home)
    records = window.records
    welcome = _welcome(window, qtbot)
    _fill_in(welcome)
    welcome.accept()
    records.session.set_strength("left", "hip_flexion", "4")
    records.autosaver.flush()

    records.start_blank_exam()
    assert records.session.exam.examiner == SAM_EXAMINER
    window.file_actions.new_exam()  # File › New, a part of the app outside the records
    qtbot.waitUntil(lambda: records.session.exam.examiner == SAM_EXAMINER)
    assert not records.session.is_dirty


def test_a_draft_charted_before_the_settings_gets_the_examiner_as_an_edit(
        home, open_window, qtbot):
    window = open_window(home)
    records = window.records
    welcome = _welcome(window, qtbot)
    welcome.reject()  # "Later"
    records.session.set_strength("left", "hip_flexion", "4")
    draft = records.autosaver.flush()

    window.clinic_setup.apply(ClinicSettings(**SAM))

    assert records.session.exam.examiner == SAM_EXAMINER
    assert records.autosaver.flush().id == draft.id
    assert records.autosaver.bound.exam.examiner == SAM_EXAMINER


def test_an_exam_that_names_its_examiner_keeps_it(demo_home, open_window, qtbot):
    window = open_window(demo_home)
    records = window.records
    records.patient_list.search.setText("alice")
    records.patient_list._choose_current()
    records.new_follow_up()
    before = records.session.exam.examiner
    assert before.name  # the demo clinic's examiner

    window.clinic_setup.apply(ClinicSettings(**SAM))

    assert records.session.exam.examiner == before
