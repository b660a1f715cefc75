"""Reads and writes `nervechart.exam/1` documents (already-parsed JSON values, not files).

`exam_from_document` validates everything: unknown fields are errors, never dropped; every ID
is checked against the `Catalogue`; grades and dates are checked against the format. The first
problem raises `ExamFormatError` naming the field, the value and what is allowed.
`exam_to_document` is its inverse: `exam_from_document(exam_to_document(e), c) == e`.
`check_dates(exam)` refuses dates that cannot all be true (a birth, onset or red flag onset after
the exam, an age that the date of birth contradicts); readers of outside files call it, while a
document already stored is read without it so that it always opens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from app.domain import vocabulary as v
from app.domain.catalogue import Catalogue
from app.domain.errors import ExamFormatError
from app.domain.exam import (
    Exam,
    Examiner,
    History,
    Patient,
    RedFlagAnswer,
    TestResult,
    frozen_map,
)

_TOP_FIELDS = ("format", "exam_date", "patient", "examiner", "history", "symptoms", "strength",
               "reflexes", "tests", "red_flags")
_PATIENT_FIELDS = ("name", "date_of_birth", "identifier", "age", "sex")
_EXAMINER_FIELDS = ("name", "profession", "registration")
_HISTORY_FIELDS = ("onset_date", "course", "cues", "pain_nrs")
_TEST_FIELDS = ("result", "angle")
_RED_FLAG_FIELDS = ("present", "onset_date")
MAX_TEXT = 500
MAX_AGE = 130
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON can escape one; no text can hold it


def exam_from_document(doc: Any, catalogue: Catalogue) -> Exam:
    """Validate a parsed JSON document and build the `Exam` it describes."""
    top = _object(doc, "", _TOP_FIELDS)
    fmt = top.get("format")
    if fmt != v.EXAM_FORMAT:
        raise ExamFormatError("format", fmt, [v.EXAM_FORMAT], "is not a NerveChart exam format")
    if "exam_date" not in top:
        raise ExamFormatError("exam_date", None, "a date YYYY-MM-DD", "is missing")
    return Exam(
        exam_date=_date(top["exam_date"], "exam_date"),
        patient=_patient(top.get("patient", {})),
        examiner=_examiner(top.get("examiner", {})),
        history=_history(top.get("history", {}), catalogue),
        symptoms=_symptoms(top.get("symptoms", {}), catalogue),
        strength=_sided(top.get("strength", {}), "strength", catalogue.muscles,
                        lambda val, path, _id: _choice(val, path, v.MRC_VALUES)),
        reflexes=_sided(top.get("reflexes", {}), "reflexes",
                        catalogue.reflexes | set(catalogue.umn_signs),
                        lambda val, path, rid: _reflex_value(val, path, rid, catalogue)),
        tests=_sided(top.get("tests", {}), "tests", catalogue.tests,
                     lambda val, path, tid: _test(val, path, tid in catalogue.angle_tests)),
        red_flags=_red_flags(top.get("red_flags", {}), catalogue),
    )


def check_dates(exam: Exam) -> None:
    """`ExamFormatError` naming the first date of `exam` that contradicts the exam date."""
    exam_day = exam.exam_date
    after_exam = f"on or before the exam date {exam_day.isoformat()}"
    dated = [("patient.date_of_birth", exam.patient.date_of_birth),
             ("history.onset_date", exam.history.onset_date),
             *((f"red_flags.{flag}.onset_date", answer.onset_date)
               for flag, answer in sorted(exam.red_flags.items()))]
    for path, day in dated:
        if day is not None and day > exam_day:
            raise ExamFormatError(path, day.isoformat(), after_exam, "is after the exam date")
    born = exam.patient.date_of_birth
    if born is None:
        return
    age_then = replace(exam, patient=replace(exam.patient, age=None)).patient_age()
    if age_then > MAX_AGE:
        raise ExamFormatError("patient.date_of_birth", born.isoformat(),
                              f"a birth date at most {MAX_AGE} years before the exam",
                              f"makes the patient {age_then} on the exam date")
    if exam.patient.age is not None and exam.patient.age != age_then:
        raise ExamFormatError("patient.age", exam.patient.age,
                              f"{age_then} (from the date of birth {born.isoformat()}) or no age",
                              "contradicts the date of birth")


def exam_to_document(exam: Exam) -> dict[str, Any]:
    """The exam as a JSON-ready document in the exchange format (sorted, deterministic)."""
    doc: dict[str, Any] = {"format": v.EXAM_FORMAT, "exam_date": exam.exam_date.isoformat()}
    patient = _drop_none({
        "name": exam.patient.name,
        "date_of_birth": _iso(exam.patient.date_of_birth),
        "identifier": exam.patient.identifier,
        "age": exam.patient.age,
        "sex": exam.patient.sex,
    })
    examiner = _drop_none({
        "name": exam.examiner.name,
        "profession": exam.examiner.profession,
        "registration": exam.examiner.registration,
    })
    history = _drop_none({
        "onset_date": _iso(exam.history.onset_date),
        "course": exam.history.course,
        "cues": sorted(exam.history.cues) or None,
        "pain_nrs": dict(sorted(exam.history.pain_nrs.items())) or None,
    })
    for key, part in (("patient", patient), ("examiner", examiner), ("history", history)):
        if part:
            doc[key] = part
    symptoms = _nest(exam.symptoms, lambda kinds: [k for k in v.SYMPTOM_KINDS if k in kinds])
    strength = _nest(exam.strength, str)
    reflexes = _nest(exam.reflexes, str)
    tests = _nest(exam.tests, lambda t: _drop_none({"result": t.result, "angle": t.angle}))
    for key, part in (("symptoms", symptoms), ("strength", strength), ("reflexes", reflexes),
                      ("tests", tests)):
        if part:
            doc[key] = part
    if exam.red_flags:
        doc["red_flags"] = {
            flag: _drop_none({"present": ans.present, "onset_date": _iso(ans.onset_date)})
            for flag, ans in sorted(exam.red_flags.items())
        }
    return doc


# ---- parts -------------------------------------------------------------------------------


def _patient(raw: Any) -> Patient:
    obj = _object(raw, "patient", _PATIENT_FIELDS)
    age = obj.get("age")
    if age is not None:
        age = _int(age, "patient.age", 0, MAX_AGE)
    sex = obj.get("sex")
    if sex is not None:
        sex = _choice(sex, "patient.sex", v.SEXES)
    return Patient(
        name=_text(obj.get("name"), "patient.name"),
        date_of_birth=_optional_date(obj.get("date_of_birth"), "patient.date_of_birth"),
        identifier=_text(obj.get("identifier"), "patient.identifier"),
        age=age,
        sex=sex,
    )


def _examiner(raw: Any) -> Examiner:
    obj = _object(raw, "examiner", _EXAMINER_FIELDS)
    return Examiner(**{name: _text(obj.get(name), f"examiner.{name}") for name in _EXAMINER_FIELDS})


def _history(raw: Any, catalogue: Catalogue) -> History:
    obj = _object(raw, "history", _HISTORY_FIELDS)
    course = obj.get("course")
    if course is not None:
        course = _choice(course, "history.course", v.COURSES)
    cues_raw = obj.get("cues", [])
    if not isinstance(cues_raw, list):
        raise ExamFormatError("history.cues", cues_raw, "a list of cue IDs", "is not a list")
    cues = frozenset(
        _choice(cue, f"history.cues[{i}]", sorted(catalogue.cues)) for i, cue in enumerate(cues_raw)
    )
    nrs_raw = _object(obj.get("pain_nrs", {}), "history.pain_nrs", v.PAIN_NRS_PARTS)
    pain_nrs = {part: _int(score, f"history.pain_nrs.{part}", 0, 10)
                for part, score in nrs_raw.items()}
    return History(
        onset_date=_optional_date(obj.get("onset_date"), "history.onset_date"),
        course=course,
        cues=cues,
        pain_nrs=frozen_map(pain_nrs),
    )


def _symptoms(raw: Any, catalogue: Catalogue) -> Mapping:
    by_side = _object(raw, "symptoms", v.SYMPTOM_SIDES)
    result: dict[tuple[str, str], frozenset[str]] = {}
    for side, regions_raw in by_side.items():
        allowed = catalogue.midline_regions if side == "midline" else catalogue.regions
        regions = _object(regions_raw, f"symptoms.{side}", sorted(allowed), kind="region")
        for region, kinds_raw in regions.items():
            path = f"symptoms.{side}.{region}"
            if not isinstance(kinds_raw, list):
                raise ExamFormatError(path, kinds_raw, "a list of symptom kinds", "is not a list")
            kinds = frozenset(
                _choice(kind, f"{path}[{i}]", v.SYMPTOM_KINDS) for i, kind in enumerate(kinds_raw)
            )
            if kinds:
                result[(side, region)] = kinds
    return frozen_map(result)


def _sided(raw: Any, name: str, ids: Iterable[str],
           parse_value: Callable[[Any, str, str], Any]) -> Mapping:
    by_side = _object(raw, name, v.LIMB_SIDES)
    allowed = sorted(ids)
    result = {}
    for side, items_raw in by_side.items():
        items = _object(items_raw, f"{name}.{side}", allowed, kind="ID")
        for item_id, value in items.items():
            result[(side, item_id)] = parse_value(value, f"{name}.{side}.{item_id}", item_id)
    return frozen_map(result)


def _reflex_value(value: Any, path: str, reflex_id: str, catalogue: Catalogue) -> str:
    if reflex_id in catalogue.umn_signs:
        return _choice(value, path, catalogue.umn_signs[reflex_id])
    return _choice(value, path, v.REFLEX_VALUES)


def _test(raw: Any, path: str, takes_angle: bool) -> TestResult:
    obj = _object(raw, path, _TEST_FIELDS if takes_angle else ("result",))
    if "result" not in obj:
        raise ExamFormatError(f"{path}.result", None, v.TEST_RESULTS, "is missing")
    angle = obj.get("angle")
    if angle is not None:
        angle = _int(angle, f"{path}.angle", 0, 120)
    return TestResult(result=_choice(obj["result"], f"{path}.result", v.TEST_RESULTS), angle=angle)


def _red_flags(raw: Any, catalogue: Catalogue) -> Mapping:
    flags = _object(raw, "red_flags", sorted(catalogue.red_flags), kind="red flag")
    result = {}
    for flag, answer_raw in flags.items():
        path = f"red_flags.{flag}"
        answer = _object(answer_raw, path, _RED_FLAG_FIELDS)
        if "present" not in answer:
            raise ExamFormatError(f"{path}.present", None, "true or false", "is missing")
        present = answer["present"]
        if not isinstance(present, bool):
            raise ExamFormatError(f"{path}.present", present, "true or false", "is not a boolean")
        onset = _optional_date(answer.get("onset_date"), f"{path}.onset_date")
        result[flag] = RedFlagAnswer(present=present, onset_date=onset)
    return frozen_map(result)


# ---- primitives --------------------------------------------------------------------------


def _object(raw: Any, path: str, allowed: Iterable[str], kind: str = "field") -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ExamFormatError(path, raw, "a JSON object", "is not an object")
    allowed_list = list(allowed)
    allowed_set = set(allowed_list)
    for key in raw:
        if key not in allowed_set:
            field = f"{path}.{key}" if path else str(key)
            raise ExamFormatError(field, key, allowed_list, f"is not a known {kind}")
    return raw


def _choice(value: Any, path: str, allowed: Iterable[str]) -> str:
    allowed_list = list(allowed)
    if not isinstance(value, str) or value not in allowed_list:
        raise ExamFormatError(path, value, allowed_list)
    return value


def _int(value: Any, path: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ExamFormatError(path, value, f"a whole number {low}-{high}", "is not a whole number")
    if not low <= value <= high:
        raise ExamFormatError(path, value, f"a whole number {low}-{high}", "is out of range")
    return value


def _text(value: Any, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ExamFormatError(path, value, "text", "is not text")
    if len(value) > MAX_TEXT:
        raise ExamFormatError(path, value, f"text of at most {MAX_TEXT} characters", "is too long")
    if not value.isascii() and _LONE_SURROGATE.search(value):
        raise ExamFormatError(path, value, "Unicode text",
                              "has a lone surrogate (\\uD800-\\uDFFF), which is not a character")
    return value


def _date(value: Any, path: str) -> date:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ExamFormatError(path, value, "a date YYYY-MM-DD", "is not a valid date")


def _optional_date(value: Any, path: str) -> date | None:
    return None if value is None else _date(value, path)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _drop_none(items: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in items.items() if value is not None}


def _nest(flat: Mapping[tuple[str, str], Any], encode: Callable[[Any], Any]) -> dict:
    nested: dict[str, dict[str, Any]] = {}
    for (side, item), value in sorted(flat.items()):
        nested.setdefault(side, {})[item] = encode(value)
    return nested
