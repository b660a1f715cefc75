"""History: onset date, course, pain scores (NRS 0-10 per body part) and the history cues.

Every control writes the whole `History` back through `ExamSession.set_history` (one undo step
per change); "—" / "unknown" mean not recorded.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QVBoxLayout, QWidget

from app.domain.exam import Exam, History, frozen_map
from app.domain.vocabulary import COURSES, PAIN_NRS_PARTS
from app.gui.inputs import ChoiceBox, OptionalDateEdit, OptionalNumber
from app.gui.session import ExamSession


class HistoryPanel(QWidget):
    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_panel")
        self._session = session
        self.onset = OptionalDateEdit("unknown", self)
        self.onset.date_chosen.connect(lambda d: self._edit(onset_date=d))
        self.course = ChoiceBox([(c, c) for c in COURSES], "—", self)
        self.course.value_chosen.connect(lambda c: self._edit(course=c))
        self.pain: dict[str, OptionalNumber] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Onset date", self.onset)
        form.addRow("Course", self.course)
        for part in PAIN_NRS_PARTS:
            box = OptionalNumber(0, 10, "—", self)
            box.setAccessibleName(f"{part} pain, 0 to 10")
            box.number_chosen.connect(lambda _n: self._edit_pain())
            self.pain[part] = box
            form.addRow(f"Pain NRS, {part}", box)
        cues_box = QGroupBox("History cues", self)
        cue_list = QVBoxLayout(cues_box)
        self.cues: dict[str, QCheckBox] = {}
        for cue in session.kb.cues.values():
            check = QCheckBox(cue.label, cues_box)
            check.setToolTip(f"source: {cue.source}")
            check.clicked.connect(lambda _c=False: self._edit(cues=self._checked_cues()))
            self.cues[cue.id] = check
            cue_list.addWidget(check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(cues_box)
        layout.addStretch(1)
        self._shown_history = None  # the part of the exam on show
        session.exam_changed.connect(self._show)
        self._show(session.exam)

    def _edit(self, **changes) -> None:
        self._session.set_history(replace(self._session.exam.history, **changes))

    def _edit_pain(self) -> None:
        scores = {p: box.number() for p, box in self.pain.items() if box.number() is not None}
        self._edit(pain_nrs=frozen_map(scores))

    def _checked_cues(self) -> frozenset[str]:
        return frozenset(cue for cue, check in self.cues.items() if check.isChecked())

    def _show(self, exam: Exam) -> None:
        if exam.history == self._shown_history:  # only another part changed
            return
        self._shown_history = exam.history
        history: History = exam.history
        self.onset.set_value(history.onset_date)
        self.course.set_value(history.course)
        for part, box in self.pain.items():
            box.set_number(history.pain_nrs.get(part))
        for cue, check in self.cues.items():
            check.setChecked(cue in history.cues)
