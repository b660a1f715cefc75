"""The clinic's settings, kept in the database: who examines, the letterhead, the judgement calls.

`load_settings(db)` always returns a complete `ClinicSettings` (defaults for anything never
saved); `save_settings(db, settings)` writes them in one transaction. Values are JSON in the
`settings` table, one row per key, so adding a setting needs no migration.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from sqlite_utils import Database

from app.domain.exam import Examiner
from app.domain.judgement import JudgementSettings

_JUDGEMENT_KEY = "judgement"


@dataclass(frozen=True)
class ClinicSettings:
    examiner_name: str = ""
    profession: str = ""
    registration: str = ""
    clinic_name: str = ""
    clinic_address: str = ""
    clinic_phone: str = ""
    judgement: JudgementSettings = field(default_factory=JudgementSettings)

    def examiner(self) -> Examiner:
        """The examiner section of a new exam (empty fields left out)."""
        return Examiner(name=self.examiner_name or None, profession=self.profession or None,
                        registration=self.registration or None)


_TEXT_KEYS = tuple(f.name for f in fields(ClinicSettings) if f.name != _JUDGEMENT_KEY)


def load_settings(db: Database) -> ClinicSettings:
    stored = {key: json.loads(value)
              for key, value in db.execute("SELECT key, value FROM settings").fetchall()}
    texts = {key: str(stored[key]) for key in _TEXT_KEYS if key in stored}
    known = {f.name for f in fields(JudgementSettings)}
    judgement = {key: value for key, value in stored.get(_JUDGEMENT_KEY, {}).items()
                 if key in known}
    return ClinicSettings(**texts, judgement=JudgementSettings(**judgement))


def save_settings(db: Database, settings: ClinicSettings) -> None:
    values = {key: getattr(settings, key) for key in _TEXT_KEYS}
    values[_JUDGEMENT_KEY] = asdict(settings.judgement)
    with db.atomic():
        for key, value in values.items():
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       [key, json.dumps(value, ensure_ascii=False)])
