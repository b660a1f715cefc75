"""A patient's exams over time: open one, or start a follow-up prefilled from the last one.

Newest first, each line with the date, status (draft, signed, amendment) and examiner.
Emits `open_requested(ExamRecord)` (double-click, Enter or "Open") and `follow_up_requested()`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.patient_banner import display_date
from app.storage.exams import ExamRecord


def exam_line(record: ExamRecord) -> str:
    status = "Signed" if record.is_signed else "Draft"
    if record.amends_exam_id is not None:
        status = f"Amendment ({status.lower()})"
    examiner = record.exam.examiner.name or "examiner Not Known"
    return f"{display_date(record.exam.exam_date)}   {status}\n    {examiner}"


class ExamHistoryWidget(QWidget):
    open_requested = Signal(object)  # ExamRecord
    follow_up_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel("No patient chosen", self)
        self.title.setObjectName("history_title")
        self.title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Exams of the patient")
        self.open_button = QPushButton("&Open exam", self)
        self.follow_up_button = QPushButton("New &follow-up exam", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.follow_up_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._open_current)
        self.follow_up_button.clicked.connect(self.follow_up_requested)
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(
            item.data(Qt.ItemDataRole.UserRole)))
        self.show_exams(None, [])

    def show_exams(self, title: str | None, records: list[ExamRecord],
                   current_id: int | None = None) -> None:
        self.title.setText(title or "No patient chosen")
        self.list.clear()
        for record in reversed(records):
            item = QListWidgetItem(exam_line(record), self.list)
            item.setData(Qt.ItemDataRole.UserRole, record)
            if record.id == current_id:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                self.list.setCurrentItem(item)
        self.open_button.setEnabled(bool(records))
        self.follow_up_button.setEnabled(title is not None)

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
