"""The patient list: search as you type over name, date of birth and identifier.

Every keystroke re-runs the search (a few milliseconds even with 10,000 patients, see
benchmarks/storage_search.py) and shows at most `SEARCH_LIMIT` matches. Choosing a patient
(click, Enter) emits `patient_chosen(PatientRecord)`; "New patient…" emits `new_patient_requested`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.patient_banner import display_date
from app.storage.patients import SEARCH_LIMIT, PatientRecord, count_patients, search_patients
from app.storage.store import HomeStore


def patient_line(patient: PatientRecord) -> str:
    born = display_date(patient.date_of_birth) if patient.date_of_birth else "Not Known"
    return f"{patient.name}   {born}   {patient.identifier or ''}".rstrip()


def _two_lines(patient: PatientRecord) -> str:
    born = display_date(patient.date_of_birth) if patient.date_of_birth else "Born Not Known"
    return f"{patient.name}\n    {born}   {patient.identifier or ''}".rstrip()


class PatientListWidget(QWidget):
    patient_chosen = Signal(object)  # PatientRecord
    new_patient_requested = Signal()

    def __init__(self, store: HomeStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search name, date of birth or identifier")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search patients")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Patients")
        self.status = QLabel(self)
        self.status.setObjectName("patient_count")
        new_button = QPushButton("&New patient…", self)
        new_button.clicked.connect(self.new_patient_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(new_button)
        layout.addLayout(footer)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._choose_current)
        self.list.itemActivated.connect(self._choose_item)
        self.list.itemClicked.connect(self._choose_item)
        self.refresh()

    def refresh(self) -> None:
        query = self.search.text()
        found = search_patients(self._store.db, query)
        self.list.clear()
        for patient in found:
            item = QListWidgetItem(_two_lines(patient), self.list)
            item.setToolTip(patient_line(patient))
            item.setData(Qt.ItemDataRole.UserRole, patient)
        total = count_patients(self._store.db)
        if len(found) >= SEARCH_LIMIT:
            self.status.setText(f"First {SEARCH_LIMIT} matches of {total} patients")
        elif query.strip():
            self.status.setText(f"{len(found)} of {total} patients")
        else:
            self.status.setText(f"{total} patients")
        if found:
            self.list.setCurrentRow(0)

    def select_patient(self, patient_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole).id == patient_id:
                self.list.setCurrentRow(row)
                return

    def _choose_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._choose_item(item)

    def _choose_item(self, item: QListWidgetItem) -> None:
        self.patient_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
