"""The Letter menu: preview pages before printing, destination choice, print, safe save, and a
clear refusal naming what is missing (issue 5 item 5)."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from tests.conftest import SHARED_EXAMPLES


@pytest.fixture
def letter_window(kb, qtbot):
    from app.exchange.exam_files import read_exam_file
    from app.gui.context import AppContext
    from app.gui.letter.feature import install
    from app.gui.main_window import MainWindow
    from app.gui.session import ExamSession

    session = ExamSession(kb)
    session.load(read_exam_file(SHARED_EXAMPLES / "l5-foot-drop.json", kb.catalogue()))
    window = MainWindow(AppContext(session=session, kb=kb, home=None))
    install(window, window.context)
    qtbot.addWidget(window)
    return window


def test_letter_menu_offers_preview_print_save_and_destinations(letter_window):
    feature = letter_window.letter_feature
    texts = [a.text() for a in letter_window.menu("&Letter").actions() if a.text()]
    assert texts[1:] == ["Pre&view…", "&Print…", "&Save PDF…"]
    choices = [a.text() for a in feature.addressed_menu.actions()]
    assert choices[0] == "Recommended destination"
    assert "Patient's copy (plain language)" in choices and len(choices) == 9


def test_opening_the_letter_menu_prepares_letters_once_in_the_background(letter_window,
                                                                        monkeypatch):
    from app.gui.letter import feature as feature_module

    calls = []
    monkeypatch.setattr(feature_module, "prepare_letters", lambda: calls.append("prepared"))
    feature = letter_window.letter_feature
    menu = letter_window.menu("&Letter")
    assert feature.preparation is None  # nothing at start-up
    menu.aboutToShow.emit()
    first = feature.preparation
    first.join(timeout=30)
    menu.aboutToShow.emit()
    assert feature.preparation is first and not first.is_alive()
    assert calls == ["prepared"]


def test_preview_shows_every_page_and_follows_the_destination(letter_window, qtbot):
    feature = letter_window.letter_feature
    feature.preview_action.trigger()
    dialog = feature.preview_dialog
    pages = len(PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert dialog.page_count() == pages >= 2
    first = dialog.pdf
    dialog.destination_box.setCurrentIndex(dialog.destination_box.findData("patient"))
    assert dialog.pdf != first
    assert dialog.page_count() == len(PdfReader(io.BytesIO(dialog.pdf)).pages)
    dialog.close()


def test_missing_identifiers_are_named_instead_of_a_letter(letter_window, monkeypatch):
    from app.domain.exam import Patient
    from app.gui.letter import feature as feature_module

    warnings = []
    monkeypatch.setattr(feature_module.QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    session = letter_window.context.session
    session.set_patient(replace(session.exam.patient, date_of_birth=None, identifier=None))
    letter_window.letter_feature.preview_action.trigger()
    assert letter_window.letter_feature.preview_dialog is None
    assert warnings == ["A letter needs the patient's date of birth or identifier. "
                        "Add them to the patient's details first."]
    session.set_patient(Patient())
    letter_window.letter_feature.print_action.trigger()
    assert "the patient's name and the patient's date of birth" in warnings[-1]


def test_a_name_the_letter_cannot_lay_out_is_warned_about_and_still_previewed(
        letter_window, monkeypatch):
    from app.gui.letter import feature as feature_module

    warnings = []
    monkeypatch.setattr(feature_module.QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    session = letter_window.context.session
    session.set_patient(replace(session.exam.patient, name="مُحَمَّد"))  # laid out exactly
    letter_window.letter_feature.preview_action.trigger()
    assert warnings == []
    letter_window.letter_feature.preview_dialog.close()
    session.set_patient(replace(session.exam.patient, name="𠀀"))  # no bundled face has it
    letter_window.letter_feature.preview_action.trigger()
    assert letter_window.letter_feature.preview_dialog.page_count() >= 2
    assert len(warnings) == 1
    assert warnings[0].startswith("The patient's name contains characters the letter cannot")
    letter_window.letter_feature.preview_dialog.close()


def test_save_suggests_a_safe_name_without_the_patient_name(letter_window, monkeypatch,
                                                           tmp_path):
    from app.gui.letter import feature as feature_module

    session = letter_window.context.session
    session.set_patient(replace(session.exam.patient, name="Zoë O'Brien",
                                identifier="CL/004:17 <x>"))
    offered = {}

    def fake_dialog(parent, title, suggested, filters):
        offered["name"] = suggested
        return str(tmp_path / "chosen"), filters

    monkeypatch.setattr(feature_module.QFileDialog, "getSaveFileName", fake_dialog)
    letter_window.letter_feature.save_action.trigger()
    assert offered["name"].endswith("CL_004_17_x_2026-11-21_spinal_surgery.pdf")
    assert "Zo" not in offered["name"].rsplit("/", 1)[-1]
    saved = tmp_path / "chosen.pdf"
    assert "Zoë O'Brien" in PdfReader(saved).pages[0].extract_text()


def test_printing_puts_each_page_on_the_printer(letter_window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from app.gui.letter.printing import print_pdf

    pdf = letter_window.letter_feature.source.build("")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_pdf(pdf, printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(PdfReader(io.BytesIO(pdf)).pages)
