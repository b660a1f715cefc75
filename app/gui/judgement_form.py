"""Editors for the clinic-settable judgement calls (`JudgementSettings`, clinical.md section 8).

`JudgementForm` shows one editor per field of `JudgementSettings`: a grade list for MRC grades,
a number box for counts of days, years or NRS points, a tick box for yes/no choices, each with a
label, the default and a tooltip saying which judgement call of the clinical reference it is.
`show_settings(judgement)` fills the editors; `judgement()` returns what they say;
"Restore defaults" puts the reference's proposals back. Fields are read from the dataclass, so a
judgement call added to the engine appears here even before it gets a friendlier description.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.judgement import JudgementSettings
from app.domain.vocabulary import MRC_GRADES


@dataclass(frozen=True)
class JudgementCall:
    label: str
    explanation: str  # which call of clinical.md section 8 it is and what the default means
    minimum: int = 0
    maximum: int = 365
    unit: str = ""


JUDGEMENT_CALLS: dict[str, JudgementCall] = {
    "severe_weakness_mrc": JudgementCall(
        "Severe weakness: MRC grade at or below",
        "Judgement call 8.8: GIRFT's 'major motor weakness' has no grade; NHS Lothian calls "
        "foot drop dorsiflexion at MRC 3 or weaker. Default 3."),
    "ces_onset_window_days": JudgementCall(
        "Cauda equina: new if onset within", "Judgement call 8.5: GIRFT sends cauda equina "
        "symptoms of 14 days or less (or of unknown onset) to the emergency department now. "
        "Default 14 days.", minimum=1, unit=" days"),
    "ces_older_than_window_to_ed": JudgementCall(
        "Cauda equina older than that also goes to the emergency department",
        "Judgement call 8.5: Cornwall's local agreement also sends older, stable features to "
        "the emergency department; GIRFT sends them for urgent MRI instead. Default: off."),
    "new_deficit_window_days": JudgementCall(
        "Motor deficit counts as new if onset within", "Judgement call 8.7: a new or "
        "progressive deficit prompts a same-day spinal discussion; an older, stable one does "
        "not. Default 14 days.", minimum=1, unit=" days"),
    "severe_pain_nrs": JudgementCall(
        "Severe spinal pain from NRS", "Judgement call 8.14: the pain score (0-10) from which "
        "back or neck pain counts as severe in the infection screen. Default 7.",
        maximum=10),
    "single_umn_sign_is_urgent": JudgementCall(
        "One definite upper motor neuron sign is enough for an urgent referral",
        "Judgement call 8.13: single signs are specific but insensitive; one sign alone is the "
        "safest trigger. Default: on."),
    "acute_onset_days": JudgementCall(
        "Rapid progression: findings whose onset is within",
        "Judgement call 8.13: rapid progression of upper motor neuron signs is an emergency; "
        "signs that appeared within a day of the exam (possible stroke or acute cord "
        "compression) count as rapid progression. Default 1 day.", maximum=7, unit=" day(s)"),
    "ankle_reflex_age_threshold": JudgementCall(
        "Absent ankle jerks on both sides are non-localising from age",
        "Judgement call 8.12: bilaterally absent ankle jerks occur in 23 % of healthy people "
        "over 60 (Vrancken 2006). Default 60.", minimum=18, maximum=110, unit=" years"),
}


def judgement_call(name: str) -> JudgementCall:
    """The description of a field; a plain one from its name if none is written yet."""
    return JUDGEMENT_CALLS.get(name) or JudgementCall(name.replace("_", " ").capitalize(), "")


class JudgementForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editors: dict[str, QComboBox | QSpinBox | QCheckBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel("The clinical references leave these choices to each clinic. Hover "
                       "over a setting to see why; the interpretation uses them as soon as "
                       "they are saved.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        defaults = JudgementSettings()
        for field in fields(JudgementSettings):
            call = judgement_call(field.name)
            editor = self._editor(field.name, getattr(defaults, field.name), call)
            editor.setObjectName(field.name)
            editor.setToolTip(call.explanation)
            form.addRow(call.label if isinstance(editor, QCheckBox) else f"{call.label}:", editor)
            self.editors[field.name] = editor
        layout.addLayout(form)
        restore = QPushButton("Restore &defaults", self)
        restore.clicked.connect(lambda: self.show_settings(JudgementSettings()))
        layout.addWidget(restore)
        layout.addStretch(1)
        self.show_settings(defaults)

    def _editor(self, name: str, default: object, call: JudgementCall) -> QWidget:
        if isinstance(default, bool):
            box = QCheckBox(self)
            box.setText(f"(default {'on' if default else 'off'})")
            return box
        if isinstance(default, int):
            spin = QSpinBox(self)
            spin.setRange(call.minimum, call.maximum)
            spin.setSuffix(call.unit)
            return spin
        if isinstance(default, str) and default in MRC_GRADES:
            grades = QComboBox(self)
            grades.addItems(MRC_GRADES)
            return grades
        raise TypeError(f"JudgementSettings.{name} has a type the settings dialog cannot edit")

    def show_settings(self, judgement: JudgementSettings) -> None:
        for name, editor in self.editors.items():
            value = getattr(judgement, name)
            if isinstance(editor, QCheckBox):
                editor.setChecked(value)
            elif isinstance(editor, QSpinBox):
                editor.setValue(value)
            else:
                editor.setCurrentText(value)

    def judgement(self) -> JudgementSettings:
        values: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                values[name] = editor.value()
            else:
                values[name] = editor.currentText()
        return JudgementSettings(**values)
