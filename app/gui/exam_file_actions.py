"""File > New / Open / Save / Save As for exam JSON files, and the unsaved-changes guard.

Files are read and written by `app.exchange.exam_files` (validated in, atomic out). Whenever the
current exam would be replaced or the window closed with unsaved changes, the user is asked
Save / Discard / Cancel; Cancel (or a failed save) keeps everything as it was. The three
questions to the user are module functions (`ask_unsaved_changes`, `choose_open_path`,
`choose_save_path`) so tests can answer them. The dialogs and the file reader and writer are
imported when first used: the window opens without them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.domain.errors import ExamFormatError
from app.domain.exam import Exam
from app.gui.main_window import MainWindow
from app.gui.session import ExamSession

FILE_FILTER = "NerveChart exam (*.json);;All files (*)"
STATUS_TIMEOUT_MS = 5000


def ask_unsaved_changes(parent: QWidget) -> str:
    """'save', 'discard' or 'cancel'."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.warning(
        parent, "Unsaved changes", "This exam has changes that are not saved. Save them?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    return {QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")


def choose_open_path(parent: QWidget) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, "Open exam", "", FILE_FILTER)
    return path or None


def choose_save_path(parent: QWidget, suggested: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, "Save exam as", suggested, FILE_FILTER)
    return path or None


class ExamFileActions(QObject):
    def __init__(self, window: MainWindow, session: ExamSession):
        super().__init__(window)
        self._window = window
        self._session = session
        self.path: Path | None = None
        menu = window.menu("&File")
        self.new_action = self._action("&New exam", QKeySequence.StandardKey.New, self.new_exam)
        self.open_action = self._action("&Open exam…", QKeySequence.StandardKey.Open,
                                        self.open_exam)
        self.save_action = self._action("&Save", QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = self._action("Save &As…", QKeySequence.StandardKey.SaveAs,
                                           self.save_as)
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, window.close)
        for action in (self.new_action, self.open_action, self.save_action,
                       self.save_as_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        session.dirty_changed.connect(self._show_title)
        session.exam_changed.connect(self._show_title)
        self._show_title()

    def new_exam(self) -> bool:
        if not self.confirm_discard():
            return False
        self._session.load(Exam(exam_date=date.today()))
        self.path = None
        self._show_title()
        return True

    def open_exam(self, path: str | None = None) -> bool:
        if not self.confirm_discard():
            return False
        chosen = path or choose_open_path(self._window)
        if chosen is None:
            return False
        from app.exchange.exam_files import read_exam_file

        try:
            exam = read_exam_file(chosen, self._session.kb.catalogue())
        except ExamFormatError as err:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self._window, "Cannot open exam", str(err))
            return False
        self._session.load(exam)
        self.path = Path(chosen)
        self._show_title()
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        suggested = str(self.path) if self.path else "exam.json"
        chosen = choose_save_path(self._window, suggested)
        if chosen is None:
            return False
        return self._write(Path(chosen))

    def confirm_discard(self) -> bool:
        """True when the current exam may be replaced (saved, discarded, or unchanged)."""
        if not self._session.is_dirty:
            return True
        answer = ask_unsaved_changes(self._window)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _write(self, path: Path) -> bool:
        from app.exchange.exam_files import write_exam_file

        try:
            write_exam_file(self._session.exam, path)
        except OSError as err:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self._window, "Exam not saved",
                                 f"Could not save {path}: {err.strerror or err}")
            return False
        self.path = path
        self._session.mark_saved()
        self._show_title()
        self._window.statusBar().showMessage(f"Saved {path}", STATUS_TIMEOUT_MS)
        return True

    def _action(self, text: str, shortcut: QKeySequence.StandardKey, slot) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _show_title(self, *_changed: object) -> None:
        name = self._session.exam.patient.name or "New patient"
        file_name = self.path.name if self.path else "unsaved exam"
        self._window.setWindowTitle(f"{name} — {file_name}[*] — NerveChart")
        self._window.setWindowModified(self._session.is_dirty)
