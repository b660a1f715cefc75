"""The charting window end to end: live interpretation, red flags, files, undo, navigation."""

from __future__ import annotations

import json
from datetime import date
from html import escape

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from app.cli.main import main as cli_main
from app.domain.exam import RedFlagAnswer
from app.domain.exam import TestResult as NeuroTestResult
from app.exchange.exam_files import read_exam_file
from app.gui import exam_file_actions
from app.gui.finding_paths import finding_label, parse_finding


def test_an_edit_updates_the_urgency_banner(window, session):
    # A present saddle anaesthesia of unknown onset is a cauda equina emergency
    # (clinical.md section 5, GIRFT national CES pathway 2023).
    from app.gui.interpretation_panel import URGENCY_COLOURS

    banner = window.charting.interpretation.banner
    assert "EMERGENCY" not in banner.text()
    assert URGENCY_COLOURS["emergency"][0] not in banner.styleSheet()
    session.set_red_flag("saddle_anaesthesia", RedFlagAnswer(present=True))
    assert "EMERGENCY" in banner.text()
    assert "Emergency department" in banner.text()
    assert URGENCY_COLOURS["emergency"][0] in banner.styleSheet()  # restyled with the urgency
    details = window.charting.interpretation.details.toPlainText()
    assert "Red flags" in details


def _type_into_grid(qtbot, window, side: str, grades: dict[str, str]) -> None:
    view, model = window.charting.strength.view, window.charting.strength.model
    for muscle, grade in grades.items():
        view.setCurrentIndex(model.grade_index(side, muscle))
        qtbot.keyClick(view, grade[0])
        editor = next(e for e in view.findChildren(QLineEdit, "grade_editor") if e.isVisible())
        for key in grade[1:]:
            qtbot.keyClick(editor, key)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)


def test_weak_l5_muscles_typed_into_the_grid_put_left_l5_first(window, session, qtbot):
    # Weak TA and EHL with weak inversion and hip abduction -> L5 root, not the peroneal nerve:
    # clinical.md 4.2 minimal rule 2; Jeon et al. Spine 2013;38(3):257-63 (hip abduction).
    # The adjacent roots (L4 knee extension, S1 plantarflexion) are recorded normal: with them
    # untested the lumbosacral plexus is not separated from L5 (clinical.md 4.2, plexus look-alike).
    _type_into_grid(qtbot, window, "left", {"ankle_dorsiflexion": "3", "great_toe_extension": "3",
                                            "ankle_inversion": "4-", "hip_abduction": "4",
                                            "knee_extension": "5", "ankle_plantarflexion": "5"})
    assert session.exam.strength[("left", "ankle_inversion")] == "4-"
    text = window.charting.interpretation.details.toPlainText()
    ranking = text.split("Localisation", 1)[1].strip().splitlines()
    assert ranking[0].startswith("1. Left L5 nerve root")


def test_clicking_a_next_test_link_focuses_that_cell(window, session, qtbot, kb):
    # Foot drop alone does not separate peroneal nerve from root: the engine asks for more.
    session.set_strength("left", "ankle_dorsiflexion", "3")
    result = session.interpretation
    assert result.indeterminate and result.next_tests
    details = window.charting.interpretation.details
    assert "Indeterminate" in details.toPlainText()
    target = result.next_tests[0].finding
    assert details.find(finding_label(target, kb))
    inside_link = details.textCursor()
    inside_link.setPosition(inside_link.selectionStart() + 2)
    spot = details.cursorRect(inside_link).center()
    qtbot.mouseClick(details.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    finding = parse_finding(target)
    assert finding.section == "strength"
    grid = window.charting.strength
    assert window.charting.tabs.currentWidget() is grid
    assert grid.view.currentIndex() == grid.model.grade_index(finding.side, finding.item)


def test_red_flag_no_is_recorded_apart_from_not_asked(window, session, qtbot):
    window.charting.tabs.setCurrentIndex(2)
    row = window.charting.red_flags.rows["urinary_retention"]
    qtbot.mouseClick(row.buttons["no"], Qt.MouseButton.LeftButton)
    assert session.exam.red_flags["urinary_retention"] == RedFlagAnswer(present=False)
    qtbot.mouseClick(row.buttons["not_asked"], Qt.MouseButton.LeftButton)
    assert "urinary_retention" not in session.exam.red_flags
    qtbot.mouseClick(row.buttons["yes"], Qt.MouseButton.LeftButton)
    assert session.exam.red_flags["urinary_retention"] == RedFlagAnswer(present=True)
    assert row.onset.isEnabled()


def test_cauda_equina_questions_come_first(window, kb):
    panel_order = list(window.charting.red_flags.rows)
    groups = [kb.red_flags[flag].group for flag in panel_order]
    first_other = next(i for i, g in enumerate(groups) if g != "cauda_equina")
    assert set(groups[:first_other]) == {"cauda_equina"}
    assert "cauda_equina" not in groups[first_other:]


def test_slr_records_result_and_angle(window, session):
    cell = window.charting.tests.control("left", "slr")
    cell.result.setCurrentIndex(cell.result.findData("positive"))
    cell.result.activated.emit(cell.result.currentIndex())
    cell.angle.setValue(40)
    assert session.exam.tests[("left", "slr")] == NeuroTestResult("positive", 40)


def test_ctrl_z_undoes_and_ctrl_shift_z_redoes(window, session, qtbot):
    session.set_strength("left", "hip_abduction", "3")
    window.activateWindow()
    window.charting.strength.view.setFocus()
    qtbot.keyClick(window.charting.strength.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    assert ("left", "hip_abduction") not in session.exam.strength
    qtbot.keyClick(window.charting.strength.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.exam.strength[("left", "hip_abduction")] == "3"


def test_finding_link_focuses_that_grid_cell(window, qtbot):
    panel = window.charting.interpretation
    panel.details.anchorClicked.emit(QUrl("finding:strength.right.hip_abduction"))
    grid = window.charting.strength
    assert window.charting.tabs.currentWidget() is grid
    assert grid.view.currentIndex() == grid.model.grade_index("right", "hip_abduction")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is grid.view)


def test_finding_link_focuses_a_reflex_control(window, qtbot):
    panel = window.charting.interpretation
    panel.details.anchorClicked.emit(QUrl("finding:reflexes.left.achilles"))
    target = window.charting.reflexes.control("left", "achilles")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, session,
                                                                        monkeypatch):
    asked = []
    monkeypatch.setattr(exam_file_actions, "ask_unsaved_changes",
                        lambda parent: asked.append(parent) or "cancel")
    session.set_strength("left", "hip_abduction", "4")
    assert not window.close()
    assert asked and window.isVisible() and session.is_dirty
    monkeypatch.setattr(exam_file_actions, "ask_unsaved_changes", lambda parent: "discard")
    assert window.close()


def test_closing_a_clean_exam_does_not_ask(window, monkeypatch):
    monkeypatch.setattr(exam_file_actions, "ask_unsaved_changes",
                        lambda parent: (_ for _ in ()).throw(AssertionError("asked")))
    assert window.close()


def test_save_from_the_prompt_writes_the_file(window, session, monkeypatch, tmp_path, kb):
    target = tmp_path / "saved.json"
    monkeypatch.setattr(exam_file_actions, "ask_unsaved_changes", lambda parent: "save")
    monkeypatch.setattr(exam_file_actions, "choose_save_path", lambda parent, s: str(target))
    session.set_strength("right", "elbow_extension", "4-")
    assert window.close()
    saved = read_exam_file(target, kb.catalogue())
    assert saved.strength[("right", "elbow_extension")] == "4-"
    assert not session.is_dirty


def test_open_edit_save_round_trip(window, session, example_path, tmp_path, monkeypatch, kb):
    actions = window.file_actions
    assert actions.open_exam(str(example_path("l5-foot-drop")))
    original = session.exam
    assert not session.is_dirty
    assert original.patient.name in window.banner.text.text()
    session.set_strength("right", "hip_flexion", "4")
    target = tmp_path / "copy.json"
    monkeypatch.setattr(exam_file_actions, "choose_save_path", lambda parent, s: str(target))
    assert actions.save_as()
    assert actions.path == target and not session.is_dirty
    assert read_exam_file(target, kb.catalogue()) == original.with_strength(
        "right", "hip_flexion", "4")


def test_a_bad_file_is_refused_and_changes_nothing(window, session, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "nervechart.exam/1", "exam_date": "2026-13-40"}))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    before = session.exam
    assert not window.file_actions.open_exam(str(bad))
    assert session.exam is before
    assert warnings and "bad.json" in warnings[0]


def test_screenshot_command_writes_a_png_of_the_requested_size(tmp_path, example_path,
                                                               monkeypatch, qapp):
    monkeypatch.setenv("QT_SCALE_FACTOR", "1")
    out = tmp_path / "window.png"
    status = cli_main(["screenshot", str(out), "--exam", str(example_path("cauda-equina")),
                       "--size", "1200x800"])
    assert status == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)


def test_screenshot_refuses_a_bad_size(tmp_path, capsys):
    assert cli_main(["screenshot", str(tmp_path / "x.png"), "--size", "big"]) == 2
    assert "--size" in capsys.readouterr().err


def test_choosing_a_hypothesis_selects_it_and_shows_its_reasons(window, session, example_path):
    window.file_actions.open_exam(str(example_path("peroneal-foot-drop")))
    second = session.interpretation.hypotheses[1]
    details = window.charting.interpretation.details
    assert f"Why 1. {session.interpretation.hypotheses[0].label}" in details.toPlainText()
    details.anchorClicked.emit(QUrl("hypothesis:1"))
    assert session.selected_hypothesis == second
    assert f"Why 2. {second.label}" in details.toPlainText()
    details.anchorClicked.emit(QUrl("hypothesis:1"))  # a second click clears the choice
    assert session.selected_hypothesis is None


def test_an_unknown_onset_steps_to_today_not_to_1900(window, session):
    row = window.charting.red_flags.rows["saddle_anaesthesia"]
    row.buttons["yes"].click()
    assert session.exam.red_flags["saddle_anaesthesia"].onset_date is None
    row.onset.stepBy(1)
    assert session.exam.red_flags["saddle_anaesthesia"].onset_date == date.today()


def test_a_feature_that_saves_on_close_means_no_question(window, session):
    # e.g. the records feature flushes its autosave when the window is about to close
    window.about_to_close.connect(lambda request: session.mark_saved())
    session.set_strength("left", "hip_abduction", "4")
    assert window.close()  # the fixture fails the test if the unsaved-changes prompt appears


def test_the_banner_says_not_known_and_edits_are_one_undo_step(window, session, monkeypatch):
    from app.gui.patient_dialog import PatientDialog

    text = window.banner.text.text()
    assert text.count("Not Known") >= 3 and "?" not in text
    monkeypatch.setattr(PatientDialog, "exec",
                        lambda dialog: (dialog.name.setText("Zoë O'Brien-Łukasz"),
                                        dialog.born.set_value(date(1980, 3, 2)),
                                        PatientDialog.DialogCode.Accepted)[-1])
    window.banner.edit_patient()
    assert session.exam.patient.name == "Zoë O'Brien-Łukasz"
    assert escape("Zoë O'Brien-Łukasz") in window.banner.text.text()
    assert "02-Mar-1980" in window.banner.text.text()
    session.undo_stack.undo()
    assert session.exam.patient.name is None


def test_the_calendar_of_an_unknown_onset_opens_on_this_month(window, qtbot):
    window.charting.tabs.setCurrentIndex(2)
    row = window.charting.red_flags.rows["urinary_retention"]
    row.buttons["yes"].click()
    onset = row.onset
    qtbot.mouseClick(onset, Qt.MouseButton.LeftButton,
                     pos=QPoint(onset.width() - 6, onset.height() // 2))  # the drop-down arrow
    calendar = onset.calendarWidget()
    assert calendar.isVisible()
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    calendar.hide()


def test_tabs_not_yet_opened_are_built_on_first_view_and_the_red_flag_title_is_right_before(
        window, session, kb):
    tabs = window.charting.tabs
    red_flags = next(i for i in range(tabs.count()) if tabs.tabText(i).startswith("Red flags"))
    assert all(tabs.widget(index).widget() is None for index in (1, 2, 3))  # not built yet
    cauda_equina = [flag for flag in kb.red_flags.values() if flag.group == "cauda_equina"]
    assert tabs.tabText(red_flags) == f"Red flags ({len(cauda_equina)} to ask)"
    session.set_red_flag(cauda_equina[0].id, RedFlagAnswer(present=False))
    assert tabs.tabText(red_flags) == f"Red flags ({len(cauda_equina) - 1} to ask)"
    tabs.setCurrentIndex(red_flags)
    panel = tabs.widget(red_flags).widget()
    assert panel is window.charting.red_flags and panel.isVisible()
    assert f"{len(cauda_equina) - 1} cauda equina question(s) not asked" in panel.summary.text()
    assert panel.rows[cauda_equina[0].id].buttons["no"].isChecked()  # shows the exam as it is
    for flag in cauda_equina[1:]:
        session.set_red_flag(flag.id, RedFlagAnswer(present=False))
    assert tabs.tabText(red_flags) == "Red flags"
    assert panel.summary.text() == "All cauda equina questions answered."
    tabs.build_all()
    assert all(tabs.widget(index).widget() is not None for index in (1, 2, 3))


def test_cancelling_the_patient_dialog_changes_nothing(window, session, monkeypatch):
    from app.gui.patient_dialog import PatientDialog

    monkeypatch.setattr(PatientDialog, "exec",
                        lambda dialog: (dialog.name.setText("Someone Else"),
                                        PatientDialog.DialogCode.Rejected)[-1])
    window.banner.edit_patient()
    assert session.exam.patient.name is None and session.undo_stack.count() == 0


def test_ctrl_z_in_a_history_field_with_nothing_typed_undoes_the_last_edit(window, session,
                                                                          qtbot):
    """The pain scores and the onset date commit each change as an undo step of the exam; a
    field that holds no typing of its own must leave Ctrl+Z and Ctrl+Shift+Z to the window
    (its text box took them and did nothing)."""
    history = window.charting.history
    window.charting.tabs.setCurrentWidget(history.parentWidget().parentWidget())
    history.cues["fibular_fracture"].click()
    assert "fibular_fracture" in session.exam.history.cues
    window.activateWindow()
    for field in (history.pain["neck"], history.onset):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert "fibular_fracture" not in session.exam.history.cues
        qtbot.keyClick(field, Qt.Key.Key_Z,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert "fibular_fracture" in session.exam.history.cues
