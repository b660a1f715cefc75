"""Hypothesis strategies for valid `nervechart.exam/1` documents, built from a catalogue."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from app.domain import vocabulary as v
from app.domain.catalogue import Catalogue

EXAM_DATE = date(2026, 11, 21)


def _dates() -> st.SearchStrategy[str]:
    return st.integers(min_value=0, max_value=400).map(
        lambda days: (EXAM_DATE - timedelta(days=days)).isoformat())


def exam_documents(cat: Catalogue) -> st.SearchStrategy[dict]:
    regions = sorted(cat.regions)
    midline = sorted(cat.midline_regions)
    muscles = sorted(cat.muscles)
    reflexes = sorted(cat.reflexes)
    tests = sorted(cat.tests)
    kinds = st.lists(st.sampled_from(v.SYMPTOM_KINDS), min_size=1, max_size=3, unique=True)

    def sided(keys: list[str], values: st.SearchStrategy) -> st.SearchStrategy[dict]:
        per_side = st.dictionaries(st.sampled_from(keys), values, max_size=min(8, len(keys)))
        return st.fixed_dictionaries({}, optional={"left": per_side, "right": per_side})

    reflex_values = st.one_of(
        st.tuples(st.sampled_from(reflexes), st.sampled_from(v.REFLEX_VALUES)),
        st.sampled_from(sorted(cat.umn_signs)).flatmap(
            lambda sign: st.tuples(st.just(sign), st.sampled_from(cat.umn_signs[sign]))),
    )
    reflex_side = st.lists(reflex_values, max_size=6).map(dict)
    test_value = st.fixed_dictionaries({"result": st.sampled_from(v.TEST_RESULTS)})
    red_flag = st.fixed_dictionaries({"present": st.booleans()}, optional={"onset_date": _dates()})
    return st.fixed_dictionaries(
        {"format": st.just(v.EXAM_FORMAT), "exam_date": st.just(EXAM_DATE.isoformat())},
        optional={
            "patient": st.fixed_dictionaries({}, optional={
                "age": st.integers(min_value=16, max_value=95),
                "sex": st.sampled_from(v.SEXES)}),
            "history": st.fixed_dictionaries({}, optional={
                "onset_date": _dates(), "course": st.sampled_from(v.COURSES),
                "cues": st.lists(st.sampled_from(sorted(cat.cues)), max_size=3, unique=True)}),
            "symptoms": st.fixed_dictionaries({}, optional={
                "left": st.dictionaries(st.sampled_from(regions), kinds, max_size=6),
                "right": st.dictionaries(st.sampled_from(regions), kinds, max_size=6),
                "midline": st.dictionaries(st.sampled_from(midline), kinds, max_size=2)}),
            "strength": sided(muscles, st.sampled_from(v.MRC_VALUES)),
            "reflexes": st.fixed_dictionaries({}, optional={"left": reflex_side,
                                                            "right": reflex_side}),
            "tests": sided(tests, test_value),
            "red_flags": st.dictionaries(st.sampled_from(sorted(cat.red_flags)), red_flag,
                                         max_size=5),
        },
    )


def mirrored(doc: dict) -> dict:
    """The same exam with the patient's left and right swapped."""
    out = dict(doc)
    for key in ("symptoms", "strength", "reflexes", "tests"):
        if key in doc:
            part = dict(doc[key])
            left, right = part.pop("left", None), part.pop("right", None)
            if right is not None:
                part["left"] = right
            if left is not None:
                part["right"] = left
            out[key] = part
    return out
