"""Feature module (app.gui.features): the Letter menu.

`install(window, context)` adds Letter › Addressed to (the recommended destination, each
destination, or the patient's copy), Preview…, Print… and Save PDF…. Preview shows the pages
before anything leaves (with its own destination box, Print… and Save PDF…). An exam without
the patient's name, or without both date of birth and identifier, gets a message naming what
is missing instead of a letter. Saved files get a safe default name without the patient's name
(`app.report.file_names`). Dialogs are window-modal and never block the event loop, except the
system print and file dialogs.

The first letter of a process also registers the fonts, reads the templates and draws the
body-map views (~0.4 s). Opening the Letter menu the first time starts that work
(`app.report.renderer.prepare_letters`) in a background thread, while the user is still
choosing; the letter asked for then waits only for what is left of it. Not at start-up: the
work holds Python's GIL and would slow the first moments of charting.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.bodymap import BodyMapError
from app.domain.vocabulary import DESTINATIONS
from app.gui.letter.letter_source import RECOMMENDED, LetterSource
from app.gui.letter.preview_dialog import LetterPreviewDialog
from app.gui.letter.printing import ask_and_print
from app.report import PATIENT_COPY, TemplateError, template_for
from app.report.output import LetterWriteError, write_pdf
from app.report.renderer import prepare_letters

if TYPE_CHECKING:
    from app.gui.context import AppContext
    from app.gui.main_window import MainWindow

MENU_TITLE = "&Letter"


def destination_choices() -> list[tuple[str, str]]:
    """(key, text) for every letter the app can write, the recommended one first."""
    names = [(d, template_for(d).wording.addressees[d]) for d in DESTINATIONS]
    return [(RECOMMENDED, "Recommended destination"), *names,
            (PATIENT_COPY, "Patient's copy (plain language)")]


class LetterFeature:
    def __init__(self, window: MainWindow, context: AppContext):
        self.window = window
        self.source = LetterSource(context)
        self.choice = RECOMMENDED
        self.preview_dialog: LetterPreviewDialog | None = None
        menu = window.menu(MENU_TITLE)
        self.preparation: threading.Thread | None = None
        menu.aboutToShow.connect(self.prepare_in_background)
        self.addressed_menu = menu.addMenu("&Addressed to")
        self.choice_group = QActionGroup(window)
        self.choice_group.setExclusive(True)
        for key, text in destination_choices():
            action = QAction(text, window, checkable=True)
            action.setData(key)
            action.setChecked(key == self.choice)
            self.choice_group.addAction(action)
            self.addressed_menu.addAction(action)
        self.choice_group.triggered.connect(self._on_choice_triggered)
        menu.addSeparator()
        self.preview_action = menu.addAction("Pre&view…", self.preview)
        self.print_action = menu.addAction("&Print…", self.print_letter)
        self.save_action = menu.addAction("&Save PDF…", self.save_letter)

    def prepare_in_background(self) -> None:
        """Start the one-off letter preparation, once per process (see the module docstring)."""
        if self.preparation is None:
            self.preparation = threading.Thread(target=prepare_letters, daemon=True,
                                                name="letter-preparation")
            self.preparation.start()

    # ---- actions ----------------------------------------------------------------------
    def preview(self) -> None:
        pdf = self._build(self.choice)
        if pdf is None:
            return
        dialog = LetterPreviewDialog(destination_choices(), self.choice, self.window)
        dialog.show_letter(pdf)
        dialog.destination_changed.connect(lambda key: self._rebuild_preview(dialog, key))
        dialog.print_requested.connect(lambda: self._print(dialog.pdf))
        dialog.save_requested.connect(lambda: self._save(dialog.pdf, dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.preview_dialog = dialog

    def print_letter(self) -> None:
        pdf = self._build(self.choice)
        if pdf is not None:
            self._print(pdf)

    def save_letter(self) -> None:
        pdf = self._build(self.choice)
        if pdf is not None:
            self._save(pdf, self.choice)

    # ---- helpers ----------------------------------------------------------------------
    def _build(self, choice: str) -> bytes | None:
        """The letter (with a warning when the name may not print exactly), or None after
        telling the user why it cannot be written."""
        missing = self.source.missing()
        if missing:
            QMessageBox.warning(self.window, "Letter not possible",
                                "A letter needs " + " and ".join(missing)
                                + ". Add them to the patient's details first.")
            return None
        try:
            pdf = self.source.build(choice)
        except (TemplateError, BodyMapError) as err:
            QMessageBox.critical(self.window, "Letter not possible",
                                 f"The letter could not be written: {err}")
            return None
        unlaid = self.source.layout_warnings()
        if unlaid:
            QMessageBox.warning(self.window, "Check the printed name",
                                " and ".join(unlaid).capitalize() + " contains characters the "
                                "letter cannot lay out exactly (no bundled font has them; "
                                "they print as boxes). The "
                                "letter says so beside the identifiers; check the printout "
                                "against the exam.")
        return pdf

    def _rebuild_preview(self, dialog: LetterPreviewDialog, choice: str) -> None:
        pdf = self._build(choice)
        if pdf is not None:
            dialog.show_letter(pdf)

    def _print(self, pdf: bytes) -> None:
        if ask_and_print(pdf, "NerveChart letter", self.window):
            self.window.statusBar().showMessage("Letter sent to the printer.", 5000)

    def _save(self, pdf: bytes, choice: str) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(folder) / self.source.file_name(choice))
        path, _ = QFileDialog.getSaveFileName(self.window, "Save letter", suggested,
                                              "PDF documents (*.pdf)")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            write_pdf(target, pdf)
        except LetterWriteError as err:
            QMessageBox.critical(self.window, "Letter not saved", str(err))
            return
        self.window.statusBar().showMessage(f"Letter saved as {target.name}.", 5000)

    def _on_choice_triggered(self, action: QAction) -> None:
        self.choice = action.data()


def install(window: MainWindow, context: AppContext) -> None:
    window.letter_feature = LetterFeature(window, context)  # kept alive with the window
