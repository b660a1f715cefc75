"""The examiner and letterhead fields, shared by the welcome dialog and the settings dialog.

`ClinicDetailsForm` shows the text fields of a `ClinicSettings` (who examines, and the clinic
printed at the top of every letter); `show_settings(settings)` fills them and
`apply_to(settings)` returns a copy with what the user typed (surrounding spaces dropped),
leaving the judgement calls untouched.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.storage.settings import ClinicSettings

# field of ClinicSettings -> (label, placeholder)
EXAMINER_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("examiner_name", "&Name", "e.g. Sam Taylor"),
    ("profession", "&Profession", "e.g. Physiotherapist"),
    ("registration", "&Registration no.", "e.g. HCPC PH123456"),
)
LETTERHEAD_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("clinic_name", "&Clinic", "e.g. Riverside Physiotherapy"),
    ("clinic_phone", "P&hone", "e.g. 01632 960 000"),
)
ADDRESS_FIELD = "clinic_address"


class ClinicDetailsForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._group("Examiner (signs the letters)", EXAMINER_FIELDS))
        letterhead = self._group("Clinic letterhead (top of every letter)", LETTERHEAD_FIELDS)
        address = QPlainTextEdit(letterhead)
        address.setObjectName(ADDRESS_FIELD)
        address.setPlaceholderText("Street\nTown\nPostcode")
        address.setTabChangesFocus(True)
        address.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        address.setFixedHeight(address.fontMetrics().lineSpacing() * 4 + 12)
        letterhead.layout().insertRow(1, "&Address", address)
        self.editors[ADDRESS_FIELD] = address
        layout.addWidget(letterhead)
        layout.addStretch(1)  # spare height below the fields, not between them

    def _group(self, title: str, rows: tuple[tuple[str, str, str], ...]) -> QGroupBox:
        group = QGroupBox(title, self)
        form = QFormLayout(group)
        for name, label, placeholder in rows:
            editor = QLineEdit(group)
            editor.setObjectName(name)
            editor.setPlaceholderText(placeholder)
            form.addRow(label, editor)
            self.editors[name] = editor
        return group

    def show_settings(self, settings: ClinicSettings) -> None:
        for name, editor in self.editors.items():
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(getattr(settings, name))
            else:
                editor.setText(getattr(settings, name))

    def apply_to(self, settings: ClinicSettings) -> ClinicSettings:
        typed = {name: (editor.toPlainText() if isinstance(editor, QPlainTextEdit)
                        else editor.text()).strip()
                 for name, editor in self.editors.items()}
        return replace(settings, **typed)
