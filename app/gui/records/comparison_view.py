"""Follow-up comparison: each muscle's grade across the patient's exams, and the chart.

The table has one row per muscle graded in any exam and one column per exam (oldest left);
a grade one step or more weaker than in the exam before is shaded red and marked with a down
arrow, a stronger one green with an up arrow (text as well as colour, for colour-blind users).
Beside it, the matplotlib strength chart of `app.charts.strength_chart` in a QtAgg canvas,
drawn just after the table (building a matplotlib figure takes ~0.1 s, the table ~1 ms).
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QTableWidget, QTableWidgetItem, QWidget

from app.charts.strength_chart import strength_figure
from app.domain.exam import Exam, SideKey
from app.domain.knowledge import KnowledgeBase
from app.domain.vocabulary import mrc_rank
from app.gui.patient_banner import display_date

WORSE = QColor("#f6c9c4")
BETTER = QColor("#cfe8d3")


class ComparisonView(QWidget):
    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None):
        super().__init__(parent)
        self._kb = kb
        self.table = QTableWidget(self)
        self.table.setAccessibleName("Strength across exams")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.canvas = FigureCanvasQTAgg(strength_figure([]))
        self._chart_exams: list[Exam] | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(self.table, 1)
        self._layout.addWidget(self.canvas, 1)

    def show_exams(self, exams: Sequence[Exam]) -> None:
        ordered = sorted(exams, key=lambda exam: exam.exam_date)
        muscles = self._rows(ordered)
        self.table.clear()
        self.table.setRowCount(len(muscles))
        self.table.setColumnCount(len(ordered))
        self.table.setHorizontalHeaderLabels([display_date(e.exam_date) for e in ordered])
        self.table.setVerticalHeaderLabels([self._muscle_label(key) for key in muscles])
        for row, key in enumerate(muscles):
            before: str | None = None
            for column, exam in enumerate(ordered):
                grade = exam.strength.get(key)
                self.table.setItem(row, column, self._cell(before, grade))
                before = grade if grade is not None else before
        self.table.resizeColumnsToContents()
        if self._chart_exams is None:  # one redraw for a burst of updates
            QTimer.singleShot(0, self, self._draw_chart)
        self._chart_exams = ordered

    def _draw_chart(self) -> None:
        exams, self._chart_exams = self._chart_exams or [], None
        self._replace_canvas(exams)

    def _rows(self, exams: Sequence[Exam]) -> list[SideKey]:
        graded = {key for exam in exams for key in exam.strength}
        order = {muscle_id: index for index, muscle_id in enumerate(self._kb.muscles)}
        return sorted(graded, key=lambda key: (order.get(key[1], len(order)), key[0]))

    def _muscle_label(self, key: SideKey) -> str:
        side, muscle_id = key
        return f"{side.capitalize()} {self._movement(muscle_id)}"

    def _movement(self, muscle_id: str) -> str:
        muscle = self._kb.muscles.get(muscle_id)
        return muscle.movement if muscle else muscle_id.replace("_", " ")

    @staticmethod
    def _cell(before: str | None, grade: str | None) -> QTableWidgetItem:
        item = QTableWidgetItem("—" if grade is None else grade)
        then = mrc_rank(before) if before is not None else None
        now = mrc_rank(grade) if grade is not None else None
        if then is not None and now is not None and now != then:
            item.setText(f"{grade} {'↓' if now < then else '↑'}")
            item.setBackground(QBrush(WORSE if now < then else BETTER))
            item.setToolTip(f"was {before}")
        return item

    def _replace_canvas(self, exams: Sequence[Exam]) -> None:
        figure = strength_figure(exams, self._movement)
        canvas = FigureCanvasQTAgg(figure)
        self._layout.replaceWidget(self.canvas, canvas)
        self.canvas.deleteLater()
        self.canvas = canvas
