"""The red-flag checklist: cauda equina questions first, each answered Not asked / No / Yes.

"Not asked" records nothing; "No" records an explicit absence (`present: false`); "Yes" records
the symptom with its own onset date ("onset unknown" until a date is set, which the engine treats
as new). Groups follow the format's order (cauda equina, neurological, serious pathology).
A line at the top counts the cauda equina questions not yet asked.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.exam import Exam, RedFlagAnswer
from app.domain.knowledge import RedFlag
from app.domain.vocabulary import RED_FLAG_GROUPS
from app.gui.cauda_equina_questions import unasked_cauda_equina
from app.gui.inputs import OptionalDateEdit
from app.gui.session import ExamSession

GROUP_TITLES = {"cauda_equina": "Cauda equina (ask every patient with back or leg symptoms)",
                "neurological": "Neurological", "serious_pathology": "Serious pathology"}
ANSWERS: tuple[tuple[str, str], ...] = (("not_asked", "Not asked"), ("no", "No"), ("yes", "Yes"))
PRESENT_STYLE = "QLabel { color: #B3001B; font-weight: bold; }"


class RedFlagRow:
    """One question: its three answer buttons and the onset date of a present symptom."""

    def __init__(self, session: ExamSession, flag: RedFlag, parent: QWidget):
        self._session, self.flag = session, flag
        self.question = QLabel(flag.question, parent)
        self.question.setWordWrap(True)
        self.question.setToolTip(f"{flag.label} (source: {flag.source})")
        self.answers = QWidget(parent)
        layout = QHBoxLayout(self.answers)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self.answers)
        self.buttons: dict[str, QRadioButton] = {}
        for key, text in ANSWERS:
            button = QRadioButton(text, self.answers)
            button.setAccessibleName(f"{flag.label}: {text}")
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            button.clicked.connect(lambda _c=False, k=key: self._answer(k))
        self.onset = OptionalDateEdit("onset unknown", parent)
        self.onset.setAccessibleName(f"{flag.label}: onset date")
        self.onset.date_chosen.connect(lambda _d: self._answer("yes"))

    def show_answer(self, answer: RedFlagAnswer | None) -> None:
        key = "not_asked" if answer is None else ("yes" if answer.present else "no")
        self.buttons[key].setChecked(True)
        self.onset.set_value(answer.onset_date if answer else None)
        self.onset.setEnabled(key == "yes")
        style = PRESENT_STYLE if key == "yes" else ""
        if self.question.styleSheet() != style:  # restyling is slow; only on a real change
            self.question.setStyleSheet(style)

    def _answer(self, key: str) -> None:
        answer = {"not_asked": None, "no": RedFlagAnswer(present=False),
                  "yes": RedFlagAnswer(present=True, onset_date=self.onset.value())}[key]
        self._session.set_red_flag(self.flag.id, answer)


class RedFlagPanel(QWidget):
    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("red_flag_panel")
        self._flags = session.kb.red_flags
        self.rows: dict[str, RedFlagRow] = {}
        self.summary = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        for group in RED_FLAG_GROUPS:
            flags = [f for f in session.kb.red_flags.values() if f.group == group]
            if flags:
                layout.addWidget(self._group_box(session, group, flags))
        layout.addStretch(1)
        self._shown_red_flags = None  # the part of the exam on show
        session.exam_changed.connect(self._show)
        self._show(session.exam)

    def _group_box(self, session: ExamSession, group: str, flags: list[RedFlag]) -> QGroupBox:
        box = QGroupBox(GROUP_TITLES.get(group, group), self)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        for row_number, flag in enumerate(flags):
            row = RedFlagRow(session, flag, box)
            grid.addWidget(row.question, row_number, 0)
            grid.addWidget(row.answers, row_number, 1)
            grid.addWidget(row.onset, row_number, 2)
            self.rows[flag.id] = row
        return box

    def _show(self, exam: Exam) -> None:
        if exam.red_flags == self._shown_red_flags:  # only another part changed
            return
        self._shown_red_flags = exam.red_flags
        for flag_id, row in self.rows.items():
            row.show_answer(exam.red_flags.get(flag_id))
        unasked = unasked_cauda_equina(exam, self._flags)
        self.summary.setText(
            f"<b style='color:#B3001B'>{unasked} cauda equina question(s) not asked yet."
            "</b>" if unasked else "All cauda equina questions answered.")
