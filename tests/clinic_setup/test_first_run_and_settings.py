"""First-run welcome and Settings keep what the user typed, in the home folder's database."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from app.domain.judgement import JudgementSettings
from app.gui import clinic_setup
from app.gui.context import AppContext
from app.gui.judgement_form import JudgementForm
from app.gui.main_window import MainWindow
from app.gui.session import ExamSession
from app.storage.patients import count_patients
from app.storage.settings import ClinicSettings, load_settings, save_settings
from app.storage.store import HomeStore

TYPED = {
    "examiner_name": "Zoë O'Brien", "profession": "Physiotherapist",
    "registration": "PH123456", "clinic_name": "Riverside Physio & Rehab",
    "clinic_address": "1 Mill Lane\nRivertown\nRT1 2AB", "clinic_phone": "01632 960 000",
}


@pytest.fixture
def store(tmp_path: Path):
    opened = HomeStore.open(tmp_path)
    yield opened
    opened.close(backup=False)


def _install(qtbot, kb, home: Path | None) -> tuple[MainWindow, clinic_setup.ClinicSetup]:
    context = AppContext(session=ExamSession(kb), kb=kb, home=home)
    window = MainWindow(context)
    qtbot.addWidget(window)
    clinic_setup.install(window, context)
    return window, window.clinic_setup


def _type_details(qtbot, editors) -> None:
    for name, text in TYPED.items():
        editor = editors[name]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)  # keyClicks cannot type the line breaks of an address
        elif text.isascii():
            editor.clear()
            qtbot.keyClicks(editor, text)
        else:  # QTest.keyClicks aborts on non-ASCII characters; insert() types like a paste
            editor.clear()
            editor.insert(text)


def _press(qtbot, dialog, text: str) -> None:
    box = dialog.findChild(QDialogButtonBox)
    (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _welcome(qtbot, setup):
    qtbot.waitUntil(lambda: setup.welcome is not None and setup.welcome.isVisible())
    return setup.welcome


def test_first_run_saves_the_details_typed_and_adds_the_demo_patients(qtbot, kb, store):
    _window, setup = _install(qtbot, kb, store.home)
    welcome = _welcome(qtbot, setup)
    assert str(store.home) in " ".join(label.text() for label in welcome.findChildren(QLabel))
    _type_details(qtbot, welcome.details.editors)
    welcome.demo.setChecked(True)
    _press(qtbot, welcome, "Start")

    saved = load_settings(store.db)
    assert {name: getattr(saved, name) for name in TYPED} == TYPED
    assert saved.judgement == JudgementSettings()
    assert count_patients(store.db) > 0


def test_demo_patients_without_details_keep_the_demo_clinic(qtbot, kb, store):
    from app.storage.demo import DEMO_SETTINGS

    _window, setup = _install(qtbot, kb, store.home)
    welcome = _welcome(qtbot, setup)
    welcome.demo.setChecked(True)
    _press(qtbot, welcome, "Start")
    assert load_settings(store.db) == DEMO_SETTINGS
    assert setup.settings == DEMO_SETTINGS


def test_later_saves_nothing_and_the_welcome_comes_back(qtbot, kb, store):
    _window, setup = _install(qtbot, kb, store.home)
    welcome = _welcome(qtbot, setup)
    _type_details(qtbot, welcome.details.editors)
    _press(qtbot, welcome, "Later")

    assert load_settings(store.db) == ClinicSettings()
    assert count_patients(store.db) == 0
    _window, again = _install(qtbot, kb, store.home)
    assert _welcome(qtbot, again) is not None


def test_no_welcome_once_the_clinic_is_known(qtbot, kb, store):
    save_settings(store.db, ClinicSettings(examiner_name="A. Physio"))
    _window, setup = _install(qtbot, kb, store.home)
    qtbot.wait(50)
    assert setup.welcome is None


def test_demo_patients_are_not_offered_when_there_are_patients(qtbot, kb, store):
    from app.storage.demo import fill_demo

    fill_demo(store.db, kb.catalogue())
    save_settings(store.db, ClinicSettings())  # patients, but nobody has set up the clinic
    _window, setup = _install(qtbot, kb, store.home)
    welcome = _welcome(qtbot, setup)
    assert not welcome.demo.isVisible()
    assert welcome.answer().add_demo_patients is False


def test_settings_dialog_saves_details_and_judgement_calls(qtbot, kb, store):
    save_settings(store.db, ClinicSettings(examiner_name="Before"))
    window, setup = _install(qtbot, kb, store.home)
    qtbot.waitUntil(lambda: setup.settings.examiner_name == "Before")
    setup.settings_action.trigger()
    assert setup.settings_dialog.details.editors["examiner_name"].text() == "Before"
    dialog = setup.settings_dialog
    _type_details(qtbot, dialog.details.editors)
    editors = dialog.judgement.editors
    editors["severe_weakness_mrc"].setCurrentText("2")
    editors["ces_onset_window_days"].setValue(21)
    editors["ces_older_than_window_to_ed"].setChecked(True)
    _press(qtbot, dialog, "OK")

    saved = load_settings(store.db)
    assert {name: getattr(saved, name) for name in TYPED} == TYPED
    expected = JudgementSettings(severe_weakness_mrc="2", ces_onset_window_days=21,
                                 ces_older_than_window_to_ed=True)
    assert saved.judgement == expected
    assert window.context.session.settings == expected


def test_cancel_keeps_the_old_settings(qtbot, kb, store):
    before = ClinicSettings(examiner_name="Before", clinic_name="Old clinic")
    save_settings(store.db, before)
    _window, setup = _install(qtbot, kb, store.home)
    qtbot.waitUntil(lambda: setup.settings == before)
    setup.settings_action.trigger()
    _type_details(qtbot, setup.settings_dialog.details.editors)
    _press(qtbot, setup.settings_dialog, "Cancel")
    assert load_settings(store.db) == before


def test_saved_judgement_calls_reach_the_session_at_start(qtbot, kb, store):
    chosen = JudgementSettings(ankle_reflex_age_threshold=70, single_umn_sign_is_urgent=False)
    save_settings(store.db, ClinicSettings(clinic_name="Clinic", judgement=chosen))
    window, _setup = _install(qtbot, kb, store.home)
    qtbot.waitUntil(lambda: window.context.session.settings == chosen)


def test_without_a_home_settings_apply_to_the_session_only(qtbot, kb):
    window, setup = _install(qtbot, kb, None)
    qtbot.wait(50)
    assert setup.welcome is None
    setup.settings_action.trigger()
    setup.settings_dialog.judgement.editors["severe_pain_nrs"].setValue(5)
    _press(qtbot, setup.settings_dialog, "OK")
    assert window.context.session.settings.severe_pain_nrs == 5


def test_judgement_form_edits_every_judgement_call(qtbot):
    form = JudgementForm()
    qtbot.addWidget(form)
    assert set(form.editors) == {field.name for field in fields(JudgementSettings)}
    changed = {}
    for name, editor in form.editors.items():
        if isinstance(editor, QCheckBox):
            changed[name] = not editor.isChecked()
        elif isinstance(editor, QSpinBox):
            changed[name] = editor.value() + 1
        else:
            assert isinstance(editor, QComboBox)
            changed[name] = "4"
    edited = JudgementSettings(**changed)
    form.show_settings(edited)
    assert form.judgement() == edited

    (restore,) = [b for b in form.findChildren(QPushButton) if "defaults" in b.text()]
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert form.judgement() == JudgementSettings()


def test_demo_patients_from_the_welcome_appear_in_the_patient_list(qtbot, kb, tmp_path):
    from app.gui.main import build_main_window

    # Closing a store takes today's backup, so the records feature schedules no daily backup
    # (its timer would outlive this test's window).
    HomeStore.open(tmp_path).close()
    context = AppContext(session=ExamSession(kb), kb=kb, home=tmp_path)
    window = build_main_window(context)  # the records feature opens the home folder's store
    qtbot.addWidget(window)
    try:
        patients = window.records.patient_list.list
        assert patients.count() == 0
        welcome = _welcome(qtbot, window.clinic_setup)
        _type_details(qtbot, welcome.details.editors)
        welcome.demo.setChecked(True)
        _press(qtbot, welcome, "Start")
        assert patients.count() > 0
        assert load_settings(window.records.store.db).examiner_name == TYPED["examiner_name"]
    finally:
        window.records.shut_down()
