"""Who writes the letter: `Sender` (examiner and clinic), and how it is made from the exam and
the clinic's saved settings. The exam's examiner signs, since they examined; the settings supply
the letterhead and any examiner detail the exam lacks. `app.report` never reads the settings
itself: the CLI and the app pass them in (anything shaped like `ClinicDetails`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Protocol

from app.domain.exam import Examiner


@dataclass(frozen=True)
class Sender:
    """Who writes the letter: the examiner, and the clinic for the letterhead when known."""

    name: str | None = None
    profession: str | None = None
    registration: str | None = None
    clinic: str | None = None
    address: str | None = None
    phone: str | None = None

    @classmethod
    def from_examiner(cls, examiner: Examiner) -> Sender:
        return cls(name=examiner.name, profession=examiner.profession,
                   registration=examiner.registration)

    @classmethod
    def from_clinic(cls, clinic: ClinicDetails) -> Sender:
        """From the clinic's saved settings (`app.storage.settings.ClinicSettings`)."""
        return cls(name=clinic.examiner_name or None, profession=clinic.profession or None,
                   registration=clinic.registration or None, clinic=clinic.clinic_name or None,
                   address=clinic.clinic_address or None, phone=clinic.clinic_phone or None)

    def or_else(self, fallback: Sender) -> Sender:
        """Each detail from this sender, or from `fallback` where this one has none."""
        return Sender(**{f.name: getattr(self, f.name) or getattr(fallback, f.name)
                         for f in fields(self)})


class ClinicDetails(Protocol):
    """What the letter reads from the clinic's settings (the storage layer's ClinicSettings)."""

    examiner_name: str
    profession: str
    registration: str
    clinic_name: str
    clinic_address: str
    clinic_phone: str


def letter_sender(examiner: Examiner, clinic: ClinicDetails | None) -> Sender:
    """The exam's examiner signs (they examined); the clinic's settings fill the rest."""
    own = Sender.from_examiner(examiner)
    return own if clinic is None else own.or_else(Sender.from_clinic(clinic))
