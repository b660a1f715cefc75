"""Neurodynamic and provocation tests, per side, bound to the session.

Each test records positive / negative / NT, or nothing ("—", not tested). Tests that take an
angle (the straight leg raise) have an angle box beside the result; the angle is kept only with
a result and is cleared with it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.domain.exam import Exam, TestResult
from app.domain.knowledge import NeuroTest
from app.domain.vocabulary import LIMB_SIDES, TEST_RESULTS
from app.gui.inputs import ChoiceBox, OptionalNumber
from app.gui.session import ExamSession
from app.gui.side_table import SideTable

MAX_ANGLE = 120
POSITIVE_STYLE = "QComboBox { background: #F4C7A1; font-weight: bold; }"


class _NeuroTestCell(QWidget):
    """Result box plus, for angle tests, the angle in degrees."""

    def __init__(self, session: ExamSession, side: str, test: NeuroTest, parent: QWidget):
        super().__init__(parent)
        self._session, self._side, self._test = session, side, test
        self.result = ChoiceBox([(r, r) for r in TEST_RESULTS], "—", self)
        self.result.setAccessibleName(f"{test.label} result, patient's {side}")
        self.result.value_chosen.connect(lambda _v: self._commit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.result)
        self.angle: OptionalNumber | None = None
        if test.takes_angle:
            self.angle = OptionalNumber(0, MAX_ANGLE, "angle —", self)
            self.angle.setSuffix("°")
            self.angle.setAccessibleName(f"{test.label} angle in degrees, patient's {side}")
            self.angle.number_chosen.connect(lambda _n: self._commit())
            layout.addWidget(self.angle)
        self.setFocusProxy(self.result)

    def show_result(self, result: TestResult | None) -> None:
        self.result.set_value(result.result if result else None)
        style = POSITIVE_STYLE if result and result.result == "positive" else ""
        if self.result.styleSheet() != style:
            self.result.setStyleSheet(style)
        if self.angle is not None:
            self.angle.set_number(result.angle if result else None)
            self.angle.setEnabled(result is not None)

    def _commit(self) -> None:
        chosen = self.result.value()
        angle = self.angle.number() if self.angle is not None else None
        self._session.set_test(self._side, self._test.id,
                               TestResult(chosen, angle) if chosen is not None else None)


class NeuroTestsPanel(SideTable):
    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tests_panel")
        self._cells: dict[tuple[str, str], _NeuroTestCell] = {}
        self.add_heading("Neurodynamic and provocation tests")
        for test in session.kb.tests.values():
            controls = {}
            for side in LIMB_SIDES:
                cell = _NeuroTestCell(session, side, test, self)
                self._cells[(side, test.id)] = cell
                controls[side] = cell
            self.add_row(test.id, test.label, controls)
        self._shown_tests = None  # the part of the exam on show
        session.exam_changed.connect(self._show)
        self._show(session.exam)

    def _show(self, exam: Exam) -> None:
        if exam.tests == self._shown_tests:  # only another part changed
            return
        self._shown_tests = exam.tests
        for (side, test), cell in self._cells.items():
            cell.show_result(exam.tests.get((side, test)))
