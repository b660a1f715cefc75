"""Autosave of the charting window's exam, within a second of the last edit.

`Autosaver` listens to `session.exam_changed` and saves `AUTOSAVE_DELAY_MS` after the last
edit (debounced: a burst of clicks is one save), through `save_charted_exam` into the record
it was bound to when that exam was loaded (`bind`). `flush()` saves at once if anything is
pending (before switching exam, signing, closing). `saved` / `failed` report the outcome.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.catalogue import Catalogue
from app.gui.session import ExamSession
from app.storage.charting import save_charted_exam
from app.storage.exams import ExamRecord
from app.storage.store import HomeStore

AUTOSAVE_DELAY_MS = 600


class Autosaver(QObject):
    saved = Signal(object)  # ChartSave
    failed = Signal(str)

    def __init__(self, session: ExamSession, store: HomeStore, catalogue: Catalogue,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._store = store
        self._catalogue = catalogue
        self._bound: ExamRecord | None = None
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        session.exam_changed.connect(self._on_session_exam_changed)

    @property
    def bound(self) -> ExamRecord | None:
        return self._bound

    @property
    def pending(self) -> bool:
        return self._pending

    def bind(self, record: ExamRecord | None) -> None:
        """From now on save into `record` (None: a new exam). Call right after session.load."""
        self._timer.stop()
        self._pending = False
        self._bound = record

    def flush(self) -> ExamRecord | None:
        """Save now if an edit is waiting; returns the record saved into (or bound)."""
        self._timer.stop()
        if not self._pending:
            return self._bound
        try:
            result = save_charted_exam(self._store.db, self._bound, self._session.exam,
                                       self._catalogue)
        except Exception as err:
            self.failed.emit(f"Could not save the exam: {err}")
            return self._bound
        self._pending = False
        self._bound = result.record
        self._session.mark_saved()
        self.saved.emit(result)
        return self._bound

    def _on_session_exam_changed(self, _exam: object) -> None:
        if self._session.is_dirty:
            self._pending = True
            self._timer.start()
