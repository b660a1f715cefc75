"""The referral letter: ReportLab PDF from an exam, its interpretation and a letter template.

`build_letter(exam, interpretation, kb, destination, sender, previous=None) -> bytes` is the
entry point; `LetterRenderer` is the class behind it, with overridable steps. Templates are data
in `reports/` (see `app.report.template`). `identifiers_needing_layout(patient)` names the
identifiers the letter may not print exactly (see docs/letter.md), for a warning.
No Qt and no SQLite here.
"""

from app.report.facts import LetterRefused, missing_identifiers
from app.report.font_runs import identifiers_needing_layout
from app.report.renderer import LetterRenderer, build_letter
from app.report.sender import Sender
from app.report.template import PATIENT_COPY, TemplateError, available_templates, template_for

__all__ = ["PATIENT_COPY", "LetterRefused", "LetterRenderer", "Sender", "TemplateError",
           "available_templates", "build_letter", "identifiers_needing_layout",
           "missing_identifiers", "template_for"]
