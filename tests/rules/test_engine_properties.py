"""Properties of the whole interpretation that must hold for any valid exam."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from app.domain.exam_codec import exam_from_document
from app.domain.vocabulary import urgency_rank
from app.knowledge import load_knowledge
from app.rules import interpret
from tests.exam_strategies import exam_documents, mirrored

KB = load_knowledge()
CAT = KB.catalogue()
SWAP = {"left": "right", "right": "left", "bilateral": "bilateral", "none": "none"}
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(exam_documents(CAT))
def test_random_valid_exams_interpret_without_error(doc):
    result = interpret(exam_from_document(doc, CAT), KB)
    every_flag = [urgency_rank(f.urgency) for f in result.red_flags]
    assert urgency_rank(result.urgency) >= max(every_flag, default=0)
    assert all(0.0 <= h.score <= 1.0 for h in result.hypotheses)
    for hypothesis in result.hypotheses:
        for evidence in (*hypothesis.supporting, *hypothesis.against):
            assert evidence.rule and evidence.source, hypothesis.site
            for key in evidence.source.split(";"):
                assert key in KB.sources, key


@PROPERTY_SETTINGS
@given(exam_documents(CAT))
def test_mirroring_left_and_right_mirrors_the_answer(doc):
    plain = interpret(exam_from_document(doc, CAT), KB)
    mirror = interpret(exam_from_document(mirrored(doc), CAT), KB)
    assert [(h.site, SWAP[h.side]) for h in plain.hypotheses] == \
        [(h.site, h.side) for h in mirror.hypotheses]
    assert [round(h.score, 6) for h in plain.hypotheses] == \
        [round(h.score, 6) for h in mirror.hypotheses]
    assert plain.urgency == mirror.urgency
    assert plain.referral.to == mirror.referral.to
    assert plain.indeterminate == mirror.indeterminate
    assert sorted(f.id for f in plain.red_flags) == sorted(f.id for f in mirror.red_flags)


@PROPERTY_SETTINGS
@given(exam_documents(CAT))
def test_removing_every_finding_gives_no_localisation(doc):
    bare = {key: value for key, value in doc.items()
            if key not in ("symptoms", "strength", "reflexes", "tests")}
    result = interpret(exam_from_document(bare, CAT), KB)
    assert result.hypotheses == ()
    assert result.indeterminate is False


def test_an_exam_with_nothing_recorded_is_routine_with_no_answer():
    doc = {"format": "nervechart.exam/1", "exam_date": "2026-11-21"}
    result = interpret(exam_from_document(doc, CAT), KB)
    assert result.hypotheses == ()
    assert result.red_flags == ()
    assert result.urgency == "routine"
