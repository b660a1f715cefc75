"""`LetterSource`: the letter of the exam being charted, built on demand from the app's state.

It reads the session (exam, interpretation, previous exam), the knowledge base and, when the
records feature has the home folder's store open, the clinic's settings for the letterhead
(the exam's examiner signs; settings fill what the exam lacks). It holds no Qt widgets.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.exam import Exam
from app.gui.context import AppContext
from app.report import build_letter, identifiers_needing_layout, missing_identifiers
from app.report.file_names import letter_file_name
from app.report.sender import ClinicDetails, letter_sender
from app.storage.settings import load_settings
from app.storage.store import HomeStore

RECOMMENDED = ""  # destination choice meaning "whatever the interpretation recommends"


class LetterSource:
    def __init__(self, context: AppContext):
        self.context = context

    @property
    def exam(self) -> Exam:
        return self.context.session.exam

    def destination(self, choice: str) -> str:
        """The destination a choice stands for (RECOMMENDED follows the interpretation)."""
        return choice or self.context.session.interpretation.referral.to

    def missing(self) -> tuple[str, ...]:
        """What the exam lacks for a letter (empty when a letter can be written)."""
        return missing_identifiers(self.exam.patient)

    def layout_warnings(self) -> tuple[str, ...]:
        """The identifiers the letter may not print exactly (see docs/letter.md)."""
        return identifiers_needing_layout(self.exam.patient)

    def build(self, choice: str) -> bytes:
        session = self.context.session
        exam = session.exam
        return build_letter(exam, session.interpretation, self.context.kb,
                            self.destination(choice), letter_sender(exam.examiner,
                                                                    self._clinic()),
                            session.previous_exam,
                            written_at=datetime.now().replace(second=0, microsecond=0))

    def file_name(self, choice: str) -> str:
        return letter_file_name(self.exam, self.destination(choice))

    def _clinic(self) -> ClinicDetails | None:
        home = self.context.home
        store = HomeStore.opened(home) if home is not None else None
        return load_settings(store.db) if store is not None else None
