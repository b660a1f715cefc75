"""Reflexes and upper motor neuron signs, per side, bound to the session.

Reflexes use the NINDS scale (0 absent … 2 normal … 4 clonus) or NT; each UMN sign offers the
values of its knowledge-base row. "—" is "not tested". Recorded values that are not normal
(a reflex other than 2, a UMN sign's abnormal values, NT) are highlighted.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.domain.exam import Exam
from app.domain.vocabulary import LIMB_SIDES, NOT_TESTABLE, REFLEX_VALUES
from app.gui.inputs import ChoiceBox
from app.gui.session import ExamSession
from app.gui.side_table import SideTable

NINDS_WORDS = {"0": "0 absent", "1": "1 reduced", "2": "2 normal", "3": "3 brisk",
               "4": "4 clonus", NOT_TESTABLE: "NT"}
NORMAL_REFLEX = "2"
NOT_NORMAL_STYLE = "QComboBox { background: #F4C7A1; font-weight: bold; }"
NOT_TESTED_TEXT = "—"


class ReflexPanel(SideTable):
    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reflex_panel")
        self._session = session
        self._boxes: dict[tuple[str, str], tuple[ChoiceBox, frozenset[str]]] = {}
        kb = session.kb
        reflex_choices = [(value, NINDS_WORDS[value]) for value in REFLEX_VALUES]
        not_normal = frozenset(v for v in REFLEX_VALUES if v != NORMAL_REFLEX)
        self.add_heading("Reflexes")
        for reflex in kb.reflexes.values():
            roots = ", ".join(reflex.roots)
            self._add(reflex.id, f"{reflex.label} ({roots})", reflex_choices, not_normal)
        self.add_heading("Upper motor neuron signs")
        for sign in kb.umn_signs.values():
            choices = [(value, value) for value in sign.values]
            self._add(sign.id, sign.label, choices, sign.abnormal | {NOT_TESTABLE})
        self._shown_reflexes = None  # the part of the exam on show
        session.exam_changed.connect(self._show)
        self._show(session.exam)

    def _add(self, item: str, label: str, choices, highlighted: frozenset[str]) -> None:
        controls = {}
        for side in LIMB_SIDES:
            box = ChoiceBox(choices, NOT_TESTED_TEXT, self)
            box.value_chosen.connect(
                lambda value, s=side: self._session.set_reflex(s, item, value))
            controls[side] = box
            self._boxes[(side, item)] = (box, highlighted)
        self.add_row(item, label, controls)

    def _show(self, exam: Exam) -> None:
        if exam.reflexes == self._shown_reflexes:  # only another part changed
            return
        self._shown_reflexes = exam.reflexes
        for (side, item), (box, highlighted) in self._boxes.items():
            value = exam.reflexes.get((side, item))
            box.set_value(value)
            style = NOT_NORMAL_STYLE if value in highlighted else ""
            if box.styleSheet() != style:  # restyling is slow; only on a real change
                box.setStyleSheet(style)
