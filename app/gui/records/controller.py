"""RecordsController: patients, their exams and autosave, wired into the charting window.

It owns the docks (patients with their exams; follow-up comparison), the Patient menu and the
autosave. Opening an exam always loads it with the patient's previous exam
(`session.load(exam, previous)`) and binds the autosave to that exam's record. At start it
reopens the exam that was open when the app last stopped (a crash included); once the window is
up it takes the daily backup when due and runs the full integrity check, both in worker threads
with their own read-only connections; on quit it saves, then takes the closing backup.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QSplitter
from shiboken6 import isValid

from app.domain.exam import Exam, Examiner
from app.gui.context import AppContext
from app.gui.main_window import MainWindow
from app.gui.patient_banner import display_date
from app.gui.records.autosave import Autosaver
from app.gui.records.comparison_view import ComparisonView
from app.gui.records.exam_history import ExamHistoryWidget
from app.gui.records.patient_details_dialog import PatientDetailsDialog
from app.gui.records.patient_list import PatientListWidget, patient_line
from app.storage import exams, patients
from app.storage.app_state import open_exam_id, remember_open_exam
from app.storage.backups import rotating_backup, write_backup
from app.storage.charting import ChartSave
from app.storage.database import database_path, diagnose, open_read_only
from app.storage.exams import ExamRecord
from app.storage.follow_up import follow_up_from
from app.storage.patients import PatientRecord
from app.storage.settings import load_settings
from app.storage.store import HomeStore
from app.storage.timestamps import local_display

DAILY_BACKUP_DELAY_MS = 3000
# The full check reads every page: started once the window is up, so start stays fast.
INTEGRITY_CHECK_DELAY_MS = 5000
PATIENTS_DOCK_WIDTH = 300
COMPARISON_DOCK_HEIGHT = 250


class RecordsController(QObject):
    integrity_checked = Signal(object)  # None, or what the background check found wrong
    daily_backup_done = Signal(object, object)  # problem or None, backup file name or None

    def __init__(self, window: MainWindow, context: AppContext, store: HomeStore):
        super().__init__(window)
        self.window = window
        self.session = context.session
        self.kb = context.kb
        self.store = store
        self.catalogue = context.kb.catalogue()
        self.session.set_settings(load_settings(store.db).judgement)
        self.patient: PatientRecord | None = None
        self.autosaver = Autosaver(self.session, store, self.catalogue, self)
        self.patient_list = PatientListWidget(store)
        self.history = ExamHistoryWidget()
        self.comparison = ComparisonView(context.kb)
        self._build_docks()
        self._build_menu()
        self.patient_list.patient_chosen.connect(self.show_patient)
        self.patient_list.new_patient_requested.connect(self.new_patient)
        self.history.open_requested.connect(self.open_exam)
        self.history.follow_up_requested.connect(self.new_follow_up)
        self.autosaver.saved.connect(self._on_autosaver_saved)
        self.autosaver.failed.connect(self._show_problem)
        self.integrity_checked.connect(self._on_integrity_checked)
        self.daily_backup_done.connect(self._on_daily_backup_done)
        window.about_to_close.connect(lambda _request: self.autosaver.flush())
        QApplication.instance().aboutToQuit.connect(self.shut_down)

    # -- start and stop -------------------------------------------------------------------
    def start(self) -> None:
        """Reopen the last open exam (or start a new one); schedule backup and check."""
        exam_id = open_exam_id(self.store.db)
        record = self._existing_exam(exam_id) if exam_id is not None else None
        if record is not None:
            self.open_exam(record)
            if not record.is_signed:
                self._status(f"Reopened the draft you were charting (saved "
                             f"{local_display(record.updated_at)})")
        else:
            self.start_blank_exam()
        if self.store.daily_backup_due():
            QTimer.singleShot(DAILY_BACKUP_DELAY_MS, self, self._daily_backup)
        QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, self, self._start_integrity_check)

    def shut_down(self) -> None:
        """Save, remember the open exam, take the closing backup, release the home folder."""
        if self.store.db is None:
            return
        QApplication.instance().aboutToQuit.disconnect(self.shut_down)
        self.autosaver.flush()
        bound = self.autosaver.bound
        remember_open_exam(self.store.db, bound.id if bound else None)
        self.store.close(backup=True)

    # -- patients -------------------------------------------------------------------------
    def show_patient(self, patient: PatientRecord | None) -> None:
        self.patient = patient
        self._refresh_patient_views()

    def new_patient(self) -> None:
        details = PatientDetailsDialog.ask(self.window)
        if details is None:
            return
        try:
            record = patients.add_patient(self.store.db, details)
        except patients.PatientError as err:
            self._show_problem(str(err))
            return
        bound = self.autosaver.flush()
        if bound is not None and bound.patient_id is None and not bound.is_signed:
            exams.assign_patient(self.store.db, bound.id, record.id)
            self.autosaver.bind(exams.get_exam(self.store.db, bound.id, self.catalogue))
            self.session.set_patient(record.as_exam_patient())
            self.autosaver.flush()
        else:
            self._open_new_exam(record, Exam(exam_date=date.today(),
                                             patient=record.as_exam_patient(),
                                             examiner=self._examiner()))
        self.patient_list.refresh()
        self.patient_list.select_patient(record.id)
        self.show_patient(record)

    def edit_patient(self) -> None:
        if self.patient is None:
            return
        details = PatientDetailsDialog.ask(self.window, self.patient.as_exam_patient())
        if details is None:
            return
        try:
            record = patients.update_patient(self.store.db, self.patient.id, details)
        except patients.PatientError as err:
            self._show_problem(str(err))
            return
        bound = self.autosaver.bound
        if bound is not None and bound.patient_id == record.id and not bound.is_signed:
            self.session.set_patient(record.as_exam_patient())
        self.patient_list.refresh()
        self.show_patient(record)

    # -- exams ----------------------------------------------------------------------------
    def open_exam(self, record: ExamRecord) -> None:
        """Chart `record`, with the patient's previous exam for the progression rules."""
        self.autosaver.flush()
        previous = exams.previous_exam(self.store.db, record, self.catalogue)
        self.session.load(record.exam, previous)
        self.autosaver.bind(record)
        remember_open_exam(self.store.db, record.id)
        if record.is_signed:
            self._status("Signed exam: it cannot change; an edit starts an amendment")
        if record.patient_id is not None and (self.patient is None
                                              or self.patient.id != record.patient_id):
            self.patient = patients.get_patient(self.store.db, record.patient_id)
        self._refresh_patient_views()

    def start_blank_exam(self) -> None:
        self.autosaver.flush()
        self.session.load(Exam(exam_date=date.today(), examiner=self._examiner()))
        self.autosaver.bind(None)
        remember_open_exam(self.store.db, None)

    def new_follow_up(self) -> None:
        if self.patient is None:
            return
        last = exams.latest_exam(self.store.db, self.patient.id, self.catalogue)
        exam = (follow_up_from(last.exam, self.patient.as_exam_patient(),
                               self._examiner(), date.today()) if last else
                Exam(exam_date=date.today(), patient=self.patient.as_exam_patient(),
                     examiner=self._examiner()))
        self._open_new_exam(self.patient, exam)

    def sign_exam(self) -> None:
        bound = self.autosaver.flush()
        if bound is None or bound.is_signed:
            self._show_problem("Open a saved draft exam to sign it.")
            return
        answer = QMessageBox.question(
            self.window, "Sign exam",
            f"Sign the exam of {display_date(bound.exam.exam_date)}? A signed exam never "
            "changes; later corrections are kept as an amendment beside it.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.autosaver.bind(exams.sign_exam(self.store.db, bound.id, self.catalogue))
        self._status("Exam signed")
        self._refresh_patient_views()

    def back_up_now(self) -> None:
        self.autosaver.flush()
        target, _ = QFileDialog.getSaveFileName(
            self.window, "Back up the database", str(self.store.home / "nervechart-backup.db"),
            "NerveChart database (*.db)")
        if target:
            written = write_backup(self.store.db, Path(target))
            self._status(f"Backup written and verified: {written}")

    def refresh(self) -> None:
        """Re-read patients and exams (after another part of the app changed them)."""
        self.patient_list.refresh()
        self._refresh_patient_views()

    # -- internals ------------------------------------------------------------------------
    def _examiner(self) -> Examiner:
        """Who examines new exams: read each time, as the settings dialog may change it."""
        return load_settings(self.store.db).examiner()

    def _open_new_exam(self, patient: PatientRecord, exam: Exam) -> None:
        self.autosaver.flush()
        record = exams.create_exam(self.store.db, exam, patient.id, self.catalogue)
        self.patient = patient
        self.open_exam(record)

    def _existing_exam(self, exam_id: int) -> ExamRecord | None:
        try:
            return exams.get_exam(self.store.db, exam_id, self.catalogue)
        except exams.ExamNotFoundError:
            return None

    def _refresh_patient_views(self) -> None:
        if self.patient is None:
            self.history.show_exams(None, [])
            self.comparison.show_exams([])
            return
        records = exams.patient_exams(self.store.db, self.patient.id, self.catalogue)
        bound = self.autosaver.bound
        self.history.show_exams(patient_line(self.patient), records,
                                bound.id if bound else None)
        self.history.follow_up_button.setText("New &follow-up exam" if records
                                              else "New &exam")
        self.comparison.show_exams([record.exam for record in records])

    def _on_autosaver_saved(self, result: ChartSave) -> None:
        remember_open_exam(self.store.db, result.record.id)
        self._status(f"Saved {local_display(result.record.updated_at)}")
        if result.patient_problem:
            self._show_problem(result.patient_problem)
        if result.record.patient_id is not None and (
                self.patient is None or self.patient.id == result.record.patient_id):
            stored = patients.get_patient(self.store.db, result.record.patient_id)
            if stored != self.patient:  # filed under a new patient, or details edited
                self.patient_list.refresh()
                self.patient_list.select_patient(stored.id)
            self.patient = stored
            self._refresh_patient_views()

    def _start_integrity_check(self) -> None:
        if self.store.db is not None:
            threading.Thread(target=self._check_integrity, args=(self.store.path,),
                             name="integrity-check", daemon=True).start()

    def _check_integrity(self, path: Path) -> None:
        """Runs in a worker thread with its own read-only connection."""
        problem = diagnose(path)
        if isValid(self):
            self.integrity_checked.emit(problem)

    def _daily_backup(self) -> None:
        if self.store.db is not None:  # not shut down before the timer fired
            threading.Thread(target=self._write_daily_backup, args=(self.store.home,),
                             name="daily-backup", daemon=True).start()

    def _write_daily_backup(self, home: Path) -> None:
        """Runs in a worker thread with its own read-only connection."""
        try:
            db = open_read_only(database_path(home))
            try:
                self._emit_backup_outcome(None, rotating_backup(db, home).name)
            finally:
                db.close()
        except Exception as err:  # reported to the user, never a crash
            self._emit_backup_outcome(f"Today's automatic backup failed: {err}", None)

    def _emit_backup_outcome(self, problem: str | None, written: str | None) -> None:
        if isValid(self):
            self.daily_backup_done.emit(problem, written)

    def _on_daily_backup_done(self, problem: str | None, written: str | None) -> None:
        if problem is not None:
            self._show_problem(problem)
        else:
            self._status(f"Daily backup verified: {written}")

    def _on_integrity_checked(self, problem: str | None) -> None:
        if problem is not None and self.store.db is not None:
            QMessageBox.warning(
                self.window, "Database integrity check",
                f"The background integrity check found a problem: {problem}.\n\nYour edits are "
                "still being saved. Make a backup (File > Back up now…), close NerveChart and "
                "run 'nervechart check'; restore the newest verified backup if it fails.")

    def _show_problem(self, text: str) -> None:
        self._status(text)
        QMessageBox.warning(self.window, "NerveChart", text)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _build_docks(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.patient_list)
        split.addWidget(self.history)
        split.setSizes([520, 300])
        split.setObjectName("records_panel")
        patients_dock = self.window.add_dock(split, Qt.DockWidgetArea.LeftDockWidgetArea,
                                             "Patients")
        comparison = self.window.add_dock(self.comparison, Qt.DockWidgetArea.BottomDockWidgetArea,
                                          "Follow-up comparison")
        self.window.resizeDocks([patients_dock], [PATIENTS_DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.window.resizeDocks([comparison], [COMPARISON_DOCK_HEIGHT], Qt.Orientation.Vertical)
        self.comparison_dock = comparison

    def _build_menu(self) -> None:
        menu = self.window.menu("&Patient")
        for text, slot, shortcut in (
                ("&New patient…", self.new_patient, "Ctrl+Shift+N"),
                ("&Edit patient…", self.edit_patient, None),
                ("New &follow-up exam", self.new_follow_up, "Ctrl+Shift+F"),
                ("&Sign exam…", self.sign_exam, None)):
            action = menu.addAction(text)
            action.triggered.connect(slot)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
        menu.addSeparator()
        menu.addAction(self.comparison_dock.toggleViewAction())
        self.window.menu("&File").addAction("&Back up now…").triggered.connect(self.back_up_now)
