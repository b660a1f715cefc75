"""RecordsController: patients, their exams and autosave, wired into the charting window.

It owns the docks (patients with their exams; follow-up comparison), the Patient menu and the
autosave. Opening an exam always loads it with the patient's previous exam
(`session.load(exam, previous)`) and binds the autosave to that exam's record. At start it
reopens the exam that was open when the app last stopped (a crash included); once the window is
up it takes the daily backup when due and runs the full integrity check, both in worker threads
with their own read-only connections (`BackgroundWork`: the workers never call back into a
controller that has gone); on quit it saves, waits for them, then takes the closing backup.

Nothing already charted is replaced unless it is saved: opening another exam, a new exam or a
new patient's exam, and signing, first flush the autosave, and do nothing (the exam stays open,
dirty, with the problem shown) when the disk refuses the save. Every write names the database
file in its error message. A blank exam (no findings, no examiner) takes the examiner saved in
the clinic's settings, also when the settings are saved after it was opened (`use_examiner`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
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
from app.gui.records.background import BackgroundWork
from app.gui.records.comparison_view import ComparisonView
from app.gui.records.exam_history import ExamHistoryWidget
from app.gui.records.patient_details_dialog import PatientDetailsDialog
from app.gui.records.patient_list import PatientListWidget, patient_line
from app.storage import exams, patients
from app.storage.app_state import open_exam_id, remember_open_exam
from app.storage.backups import BackupError, automatic_backup, write_backup
from app.storage.charting import ChartSave
from app.storage.database import diagnose
from app.storage.exams import ExamRecord
from app.storage.follow_up import follow_up_from
from app.storage.patients import PatientRecord
from app.storage.settings import load_settings
from app.storage.store import HomeStore
from app.storage.timestamps import local_display
from app.storage.write_failures import WRITE_FAILURES, explain_write_failure

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
        self.background = BackgroundWork(self)
        self._save_problem_shown = False  # one dialog per run of failed saves, then the status
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
        self.autosaver.failed.connect(self._on_autosave_failed)
        self.autosaver.adopted.connect(self._give_examiner_to_blank_exam)
        self.integrity_checked.connect(self._on_integrity_checked)
        self.daily_backup_done.connect(self._on_daily_backup_done)
        window.about_to_close.connect(self._flush_before_close)  # ends with this object
        # Not a slot of this object: quitting must close the store even if the window (and
        # this controller with it) was destroyed first.
        self._on_quit = partial(RecordsController.shut_down, self)
        QApplication.instance().aboutToQuit.connect(self._on_quit)

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
        """Save, wait for the background work, remember the open exam, take the closing
        backup, release the home folder. Safe after the window (and this object) is gone."""
        if self.store.db is None:
            return
        QApplication.instance().aboutToQuit.disconnect(self._on_quit)
        if isValid(self.autosaver):
            self.autosaver.flush()
        self.background.finish()
        bound = self.autosaver.bound
        self._write("note which exam to reopen next time", remember_open_exam, self.store.db,
                    bound.id if bound else None)
        self._write("take the closing backup", self.store.close, backup=True)

    # -- patients -------------------------------------------------------------------------
    def show_patient(self, patient: PatientRecord | None) -> None:
        """Show `patient`'s exams; the open exam is saved first (it stays open either way)."""
        self.autosaver.flush()
        self.patient = patient
        self._refresh_patient_views()

    def new_patient(self) -> None:
        if not self._saved_before_switching():
            return
        details = PatientDetailsDialog.ask(self.window)
        if details is None:
            return
        try:
            record = patients.add_patient(self.store.db, details)
        except patients.PatientError as err:
            self._show_problem(str(err))
            return
        except WRITE_FAILURES as err:
            self._show_problem(f"Could not add the patient: {self._explain(err)}")
            return
        bound = self.autosaver.bound
        if bound is not None and bound.patient_id is None and not bound.is_signed:
            self._file_open_exam_under(record)
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
        except WRITE_FAILURES as err:
            self._show_problem(f"Could not change the patient: {self._explain(err)}")
            return
        bound = self.autosaver.bound
        if bound is not None and bound.patient_id == record.id and not bound.is_signed:
            self.session.set_patient(record.as_exam_patient())
        self.patient_list.refresh()
        self.show_patient(record)

    # -- exams ----------------------------------------------------------------------------
    def open_exam(self, record: ExamRecord) -> None:
        """Chart `record`, with the patient's previous exam for the progression rules."""
        if not self._saved_before_switching():
            return
        previous = exams.previous_exam(self.store.db, record, self.catalogue)
        self.session.load(record.exam, previous)
        self.autosaver.bind(record)
        self._write("note which exam is open", remember_open_exam, self.store.db, record.id)
        if record.is_signed:
            self._status("Signed exam: it cannot change; an edit starts an amendment")
        if record.patient_id is not None and (self.patient is None
                                              or self.patient.id != record.patient_id):
            self.patient = patients.get_patient(self.store.db, record.patient_id)
        self._refresh_patient_views()

    def start_blank_exam(self) -> None:
        if not self._saved_before_switching():
            return
        self.session.load(Exam(exam_date=date.today(), examiner=self._examiner()))
        self.autosaver.bind(None)
        self._write("note which exam is open", remember_open_exam, self.store.db, None)

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
        if not self._saved_before_switching():
            return
        bound = self.autosaver.bound
        if bound is None or bound.is_signed:
            self._show_problem("Open a saved draft exam to sign it.")
            return
        answer = QMessageBox.question(
            self.window, "Sign exam",
            f"Sign the exam of {display_date(bound.exam.exam_date)}? A signed exam never "
            "changes; later corrections are kept as an amendment beside it.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        signed_ok, signed = self._write("sign the exam", exams.sign_exam, self.store.db,
                                        bound.id, self.catalogue)
        if not signed_ok:
            return
        self.autosaver.bind(signed)
        self._status("Exam signed")
        self._refresh_patient_views()

    def back_up_now(self) -> None:
        self.autosaver.flush()
        target, _ = QFileDialog.getSaveFileName(
            self.window, "Back up the database", str(self.store.home / "nervechart-backup.db"),
            "NerveChart database (*.db)")
        if target:
            ok, written = self._write("write the backup", write_backup, self.store.db,
                                      Path(target))
            if ok:
                self._status(f"Backup written and verified: {written}")

    def refresh(self) -> None:
        """Re-read patients and exams (after another part of the app changed them)."""
        self.patient_list.refresh()
        self._refresh_patient_views()

    def use_examiner(self, examiner: Examiner) -> None:
        """The clinic's examiner was saved (welcome, Settings): the open exam takes it if it
        names nobody yet and may change (a new exam or a draft; a signed exam never does)."""
        exam = self.session.exam
        bound = self.autosaver.bound
        if exam.examiner != Examiner() or examiner == Examiner() or (bound and bound.is_signed):
            return
        if bound is None and not self.session.is_dirty:  # untouched since it was loaded
            if _is_blank(exam):  # no undo step, and nothing saved for an empty exam
                self.session.load(replace(exam, examiner=examiner), self.session.previous_exam)
                self.autosaver.bind(None)
            return  # else an exam file just opened: its examiner is its own
        self.session.set_examiner(examiner)

    # -- internals ------------------------------------------------------------------------
    def _examiner(self) -> Examiner:
        """Who examines new exams: read each time, as the settings dialog may change it."""
        return load_settings(self.store.db).examiner()

    def _give_examiner_to_blank_exam(self, exam: Exam) -> None:
        """A blank exam opened elsewhere (File › New) gets the clinic's examiner too."""
        if _is_blank(exam):
            self.use_examiner(self._examiner())

    def _flush_before_close(self, _request: object) -> None:
        self.autosaver.flush()  # if it fails, the window's unsaved-changes question follows

    def _saved_before_switching(self) -> bool:
        """Save the open exam now. False when it cannot be saved: the caller must leave it
        open (the failure was shown; the exam keeps its changes and stays dirty)."""
        self.autosaver.flush()
        if self.autosaver.pending:
            self._status("The open exam was kept: its changes could not be saved")
            return False
        return True

    def _file_open_exam_under(self, patient: PatientRecord) -> None:
        """The unfiled draft being charted belongs to the `patient` just added."""
        bound = self.autosaver.bound
        filed, _ = self._write("file the exam under the patient", exams.assign_patient,
                               self.store.db, bound.id, patient.id)
        if not filed:
            return
        self.autosaver.bind(exams.get_exam(self.store.db, bound.id, self.catalogue))
        self.session.set_patient(patient.as_exam_patient())
        self.autosaver.flush()

    def _open_new_exam(self, patient: PatientRecord, exam: Exam) -> None:
        if not self._saved_before_switching():
            return
        created, record = self._write("create the exam", exams.create_exam, self.store.db,
                                      exam, patient.id, self.catalogue)
        if created:
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
        self._save_problem_shown = False
        self._write("note which exam is open", remember_open_exam, self.store.db,
                    result.record.id)
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

    def _on_autosave_failed(self, text: str) -> None:
        """Every failed save is in the status bar; the first of a run also in a dialog."""
        if self._save_problem_shown:
            self._status(text)
            return
        self._save_problem_shown = True
        self._show_problem(text)

    def _start_integrity_check(self) -> None:
        if self.store.db is not None:
            self.background.start("integrity-check", partial(diagnose, self.store.path),
                                  self._on_integrity_check_done)

    def _on_integrity_check_done(self, problem: str | None, error: Exception | None) -> None:
        self.integrity_checked.emit(problem if error is None else f"the check failed: {error}")

    def _daily_backup(self) -> None:
        if self.store.db is not None:  # not shut down before the timer fired
            self.background.start("daily-backup", partial(automatic_backup, self.store.home),
                                  self._on_daily_backup_finished)

    def _on_daily_backup_finished(self, written: Path | None, error: Exception | None) -> None:
        if error is not None:
            self.daily_backup_done.emit(
                f"Today's automatic backup failed: {self._explain(error)}", None)
        else:
            self.daily_backup_done.emit(None, written.name)

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

    def _write(self, doing: str, write: Callable[..., object], *args: object,
               **kwargs: object) -> tuple[bool, object]:
        """(True, what `write(*args, **kwargs)` returned), or (False, None) when the disk
        refused it; the user is then told what could not be done and why."""
        try:
            return True, write(*args, **kwargs)
        except (*WRITE_FAILURES, BackupError) as err:
            self._show_problem(f"Could not {doing}: {self._explain(err)}")
            return False, None

    def _explain(self, error: Exception) -> str:
        if isinstance(error, WRITE_FAILURES):
            return explain_write_failure(error, self.store.path)
        return str(error)

    def _show_problem(self, text: str) -> None:
        if not isValid(self.window):  # quitting after the window was destroyed
            sys.stderr.write(f"NerveChart: {text}\n")
            return
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


def _is_blank(exam: Exam) -> bool:
    """Nothing charted yet: no patient, no examiner, no findings."""
    return exam == Exam(exam_date=exam.exam_date)
