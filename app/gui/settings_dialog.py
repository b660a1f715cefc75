"""Settings: the examiner, the clinic letterhead and the clinic's judgement calls, in one dialog.

`SettingsDialog(current, parent)` opens filled with `current`; OK accepts, Cancel rejects, and
`settings()` returns the edited `ClinicSettings`. Saving is the caller's job (the setup feature
stores them in the home folder's database and hands the judgement calls to the exam session).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from app.gui.clinic_details_form import ClinicDetailsForm
from app.gui.judgement_form import JudgementForm
from app.storage.settings import ClinicSettings


class SettingsDialog(QDialog):
    def __init__(self, current: ClinicSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("NerveChart settings")
        self._current = current
        self.details = ClinicDetailsForm(self)
        self.details.show_settings(current)
        self.judgement = JudgementForm(self)
        self.judgement.show_settings(current.judgement)
        tabs = QTabWidget(self)
        tabs.addTab(self.details, "&Examiner and letterhead")
        tabs.addTab(self.judgement, "&Judgement calls")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def settings(self) -> ClinicSettings:
        """What the dialog shows now, as settings."""
        edited = self.details.apply_to(self._current)
        return replace(edited, judgement=self.judgement.judgement())
