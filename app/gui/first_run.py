"""The welcome shown on first run: who examines, the letterhead, where data lives, demo patients.

`WelcomeDialog(home, current, offer_demo, parent)` is accepted by Start and rejected by Later;
`answer()` gives a `WelcomeAnswer`: the settings as typed, and whether to add the demo patients.
It explains that everything stays in the home folder on this computer and
that verified backups are made automatically (folder and count from `app.storage.backups`).
Storing the answer is the caller's job (the setup feature).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.gui.clinic_details_form import ClinicDetailsForm
from app.storage.backups import KEEP_BACKUPS, backups_folder
from app.storage.demo import STORIES
from app.storage.settings import ClinicSettings


@dataclass(frozen=True)
class WelcomeAnswer:
    settings: ClinicSettings
    add_demo_patients: bool


class WelcomeDialog(QDialog):
    def __init__(self, home: Path, current: ClinicSettings, offer_demo: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Welcome to NerveChart")
        self._current = current
        self._offer_demo = offer_demo
        layout = QVBoxLayout(self)
        layout.addWidget(self._paragraph(
            "<b>Welcome to NerveChart.</b> Before the first exam, tell NerveChart who signs "
            "the referral letters and what goes at the top of them. You can change this at "
            "any time in <i>File › Settings</i>."))
        self.details = ClinicDetailsForm(self)
        self.details.show_settings(current)
        layout.addWidget(self.details)
        layout.addWidget(self._data_box(home))
        self.demo = QCheckBox(f"Add the &demo patients: {len(STORIES)} fictional patients with "
                              "several visits each, marked as demo data, to try NerveChart on",
                              self)
        self.demo.setVisible(offer_demo)
        layout.addWidget(self.demo)
        buttons = QDialogButtonBox(self)
        buttons.addButton("&Start", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Later", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _paragraph(self, html: str) -> QLabel:
        label = QLabel(html, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _data_box(self, home: Path) -> QGroupBox:
        box = QGroupBox("Where your data is kept", self)
        text = QLabel(
            f"Patients, exams and settings stay on this computer, in the NerveChart home "
            f"folder:\n{home}\nNothing is sent over the network.\n\n"
            f"Backups are automatic: each time NerveChart closes, and on the first start of "
            f"each day, a checked copy of the database is saved in\n{backups_folder(home)}\n"
            f"(the newest {KEEP_BACKUPS} are kept). Copy that folder to a clinic drive or an "
            f"external disk to keep backups off this computer.", box)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(box).addWidget(text)
        return box

    def answer(self) -> WelcomeAnswer:
        return WelcomeAnswer(self.details.apply_to(self._current),
                             self._offer_demo and self.demo.isChecked())
