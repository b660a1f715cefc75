"""Whether two exams' patient details can describe the same person.

Used where an exam is tied to another by its patient: an imported exam filed under the stored
patient with its identifier, and the `--previous` exam of a letter. Details that are absent on
either side say nothing; any detail given on both sides must agree (names ignoring case and
spacing). A mismatch means the exam would be charted, compared or written up for the wrong person.
"""

from __future__ import annotations

from app.domain.exam import Patient


def patient_mismatch(first: Patient, second: Patient) -> str | None:
    """The detail (`identifier`, `name`, `date_of_birth`) on which the two differ, else None."""
    pairs = (("identifier", first.identifier, second.identifier),
             ("name", _folded(first.name), _folded(second.name)),
             ("date_of_birth", first.date_of_birth, second.date_of_birth))
    return next((field for field, one, other in pairs
                 if one is not None and other is not None and one != other), None)


def _folded(name: str | None) -> str | None:
    text = " ".join((name or "").split()).casefold()
    return text or None
