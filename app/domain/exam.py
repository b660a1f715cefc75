"""The exam as immutable value objects: what the examiner recorded, and nothing inferred.

Absent means not examined. A muscle, reflex, test or red flag missing from an `Exam` was not
examined; `NT` (not testable) is a recorded value that is also not normal. Nothing here fills
gaps with defaults. Edits return a new `Exam` (`dataclasses.replace` or the `with_*` helpers),
so the GUI can keep undo history and the engine can be handed a snapshot.

Findings are keyed by `(side, id)`: sides are the patient's `left`/`right` (and `midline` for
symptoms of midline regions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import TypeAlias

SideKey: TypeAlias = tuple[str, str]



def frozen_map(items: Mapping | None = None) -> Mapping:
    """A read-only copy of a mapping, for the fields of the frozen dataclasses."""
    return MappingProxyType(dict(items or {}))


def _empty() -> Mapping:
    return field(default_factory=frozen_map)


@dataclass(frozen=True)
class Patient:
    name: str | None = None
    date_of_birth: date | None = None
    identifier: str | None = None
    age: int | None = None
    sex: str | None = None


@dataclass(frozen=True)
class Examiner:
    name: str | None = None
    profession: str | None = None
    registration: str | None = None


@dataclass(frozen=True)
class History:
    onset_date: date | None = None
    course: str | None = None
    cues: frozenset[str] = frozenset()
    pain_nrs: Mapping[str, int] = _empty()


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # a value object, not a pytest test class

    result: str
    angle: int | None = None


@dataclass(frozen=True)
class RedFlagAnswer:
    present: bool
    onset_date: date | None = None


@dataclass(frozen=True)
class Exam:
    exam_date: date
    patient: Patient = field(default_factory=Patient)
    examiner: Examiner = field(default_factory=Examiner)
    history: History = field(default_factory=History)
    # (side, region) -> symptom kinds recorded there; empty sets are never stored.
    symptoms: Mapping[SideKey, frozenset[str]] = _empty()
    # (side, muscle) -> MRC grade string ("0".."5", "4-", "4+", "NT").
    strength: Mapping[SideKey, str] = _empty()
    # (side, reflex or UMN sign) -> recorded value ("0".."4"/"NT", or e.g. "extensor").
    reflexes: Mapping[SideKey, str] = _empty()
    tests: Mapping[SideKey, TestResult] = _empty()
    red_flags: Mapping[str, RedFlagAnswer] = _empty()

    def patient_age(self) -> int | None:
        """Age in whole years: as recorded, else derived from date of birth and exam date."""
        if self.patient.age is not None:
            return self.patient.age
        born = self.patient.date_of_birth
        if born is None:
            return None
        before_birthday = (self.exam_date.month, self.exam_date.day) < (born.month, born.day)
        return self.exam_date.year - born.year - int(before_birthday)

    def symptom_kinds(self, side: str, region: str) -> frozenset[str]:
        return self.symptoms.get((side, region), frozenset())

    def with_symptoms(self, side: str, region: str, kinds: frozenset[str]) -> Exam:
        return replace(self, symptoms=_set_or_drop(self.symptoms, (side, region), kinds or None))

    def with_strength(self, side: str, muscle: str, grade: str | None) -> Exam:
        return replace(self, strength=_set_or_drop(self.strength, (side, muscle), grade))

    def with_reflex(self, side: str, reflex: str, value: str | None) -> Exam:
        return replace(self, reflexes=_set_or_drop(self.reflexes, (side, reflex), value))

    def with_test(self, side: str, test: str, result: TestResult | None) -> Exam:
        return replace(self, tests=_set_or_drop(self.tests, (side, test), result))

    def with_red_flag(self, flag: str, answer: RedFlagAnswer | None) -> Exam:
        return replace(self, red_flags=_set_or_drop(self.red_flags, flag, answer))


def _set_or_drop(mapping: Mapping, key: object, value: object | None) -> Mapping:
    """A copy of `mapping` with `key` set to `value`, or removed when `value` is None."""
    items = dict(mapping)
    if value is None:
        items.pop(key, None)
    else:
        items[key] = value
    return MappingProxyType(items)
