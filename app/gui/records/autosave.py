"""Autosave of the charting window's exam, within a second of the last edit.

`Autosaver` listens to `session.exam_changed` and saves `AUTOSAVE_DELAY_MS` after the last
edit (debounced: a burst of clicks is one save), and never later than `AUTOSAVE_MAX_WAIT_MS`
after the first unsaved edit (so steady editing cannot put saving off), through
`save_charted_exam` into the record it was bound to when that exam was loaded (`bind`).
`flush()` saves at once if anything is pending (before switching exam, signing, closing).
`saved` / `failed` report the outcome. A save the disk refuses (full, read-only) keeps the exam
in memory and dirty, still `pending`, and is tried again at the next edit or flush; `failed`
names the database file and the reason. An exam loaded by another part of the app (File › New
or Open) is bound to no record (a new exam) and announced by `adopted`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from app.domain.catalogue import Catalogue
from app.domain.exam import Exam
from app.gui.session import ExamSession
from app.storage.charting import save_charted_exam
from app.storage.exams import ExamRecord
from app.storage.store import HomeStore
from app.storage.write_failures import WRITE_FAILURES, explain_write_failure

AUTOSAVE_DELAY_MS = 600
AUTOSAVE_MAX_WAIT_MS = 1000


class Autosaver(QObject):
    saved = Signal(object)  # ChartSave
    failed = Signal(str)
    adopted = Signal(object)  # Exam: loaded by another part of the app, now a new exam

    def __init__(self, session: ExamSession, store: HomeStore, catalogue: Catalogue,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._store = store
        self._catalogue = catalogue
        self._bound: ExamRecord | None = None
        self._bound_exam: Exam | None = None  # the exam as loaded when bound
        self._unsaved: Exam | None = None  # the latest edited state not yet stored
        self._timer = self._single_shot(AUTOSAVE_DELAY_MS)
        self._deadline = self._single_shot(AUTOSAVE_MAX_WAIT_MS)
        session.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        session.exam_changed.connect(self._on_session_exam_changed)

    @property
    def bound(self) -> ExamRecord | None:
        return self._bound

    @property
    def pending(self) -> bool:
        return self._unsaved is not None

    def bind(self, record: ExamRecord | None) -> None:
        """From now on save into `record` (None: a new exam). Call right after session.load."""
        self._stop_timers()
        self._unsaved = None
        self._bound = record
        self._bound_exam = self._session.exam

    def flush(self) -> ExamRecord | None:
        """Save now if an edit is waiting; returns the record saved into (or bound)."""
        self._stop_timers()
        exam = self._unsaved
        if exam is None:
            return self._bound
        try:
            result = save_charted_exam(self._store.db, self._bound, exam, self._catalogue)
        except Exception as err:  # reported to the user; retried at the next edit
            self.failed.emit(self._failure_text(err))
            return self._bound
        self._unsaved = None
        self._bound = result.record
        if exam is self._session.exam:
            self._session.mark_saved()
        self.saved.emit(result)
        return self._bound

    def _on_undo_index_changed(self, _index: int) -> None:
        """An edit, undo or redo has finished: the exam now is what must be saved."""
        if not isValid(self._session.undo_stack):
            return  # the session is being destroyed
        if self._session.undo_stack.count() == 0:
            return  # a load is clearing the history; see _on_session_exam_changed
        self._unsaved = self._session.exam if self._session.is_dirty else None
        if self._unsaved is None:
            self._stop_timers()
            return
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def _on_session_exam_changed(self, exam: Exam) -> None:
        # A load (empty history once the event loop turns) that nobody bound, e.g. an exam
        # file opened from the File menu, becomes a new exam: it must never overwrite the
        # record bound before. Edits pushed to the undo stack are handled above.
        QTimer.singleShot(0, lambda: self._adopt_unbound_load(exam))

    def _adopt_unbound_load(self, exam: Exam) -> None:
        session = self._session
        if session.undo_stack.count() == 0 and session.exam is exam \
                and exam is not self._bound_exam:
            self.flush()
            self.bind(None)
            self.adopted.emit(exam)

    def _failure_text(self, error: Exception) -> str:
        reason = (explain_write_failure(error, self._store.path)
                  if isinstance(error, WRITE_FAILURES) else str(error))
        return (f"Could not save the exam: {reason}.\nIt stays open here with all its "
                "changes and is saved at the next edit once that is fixed; File › Save As… "
                "can also write it to a file.")

    def _single_shot(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.flush)
        return timer

    def _stop_timers(self) -> None:
        self._timer.stop()
        self._deadline.stop()
