"""Safety properties of the red flags for any valid exam and any clinic settings.

- Marking a red flag present never lowers the overall urgency (clinical.md 10.6: red flags
  are never suppressed; 8.14: CES and cord flags fire on any single item).
- An explicit "present: false" means the same as not asked: it never fires anything.
- The overall urgency is never below any red flag's (spec section 2).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.exam_codec import exam_from_document
from app.domain.judgement import JudgementSettings
from app.domain.vocabulary import urgency_rank
from app.knowledge import load_knowledge
from app.rules import interpret
from app.rules.profiles import profile_index
from app.rules.red_flags import assess_red_flags
from tests.exam_strategies import exam_documents

KB = load_knowledge()
CAT = KB.catalogue()
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])
CLINIC_SETTINGS = st.builds(
    JudgementSettings,
    severe_weakness_mrc=st.sampled_from(("2", "3", "4-", "4")),
    ces_onset_window_days=st.integers(min_value=1, max_value=60),
    ces_older_than_window_to_ed=st.booleans(),
    new_deficit_window_days=st.integers(min_value=1, max_value=60),
    severe_pain_nrs=st.integers(min_value=5, max_value=9),
    single_umn_sign_is_urgent=st.booleans(),
)


def _urgency(doc: dict, clinic: JudgementSettings) -> str:
    return interpret(exam_from_document(doc, CAT), KB, settings=clinic).urgency


@PROPERTY_SETTINGS
@given(exam_documents(CAT), st.sampled_from(sorted(CAT.red_flags)), CLINIC_SETTINGS)
def test_marking_a_red_flag_present_never_lowers_urgency(doc, flag, clinic):
    answers = dict(doc.get("red_flags", {}))
    marked = {**answers.get(flag, {}), "present": True}
    with_flag = {**doc, "red_flags": {**answers, flag: marked}}
    assert urgency_rank(_urgency(with_flag, clinic)) >= urgency_rank(_urgency(doc, clinic))


@PROPERTY_SETTINGS
@given(exam_documents(CAT), CLINIC_SETTINGS)
def test_explicit_negatives_are_the_same_as_not_asked(doc, clinic):
    negatives = {flag: {**answer, "present": False}
                 for flag, answer in doc.get("red_flags", {}).items()}
    not_asked = {key: value for key, value in doc.items() if key != "red_flags"}
    said_no = {**not_asked, "red_flags": negatives}
    assert assess_red_flags(exam_from_document(said_no, CAT), KB, clinic, None) == \
        assess_red_flags(exam_from_document(not_asked, CAT), KB, clinic, None)


@PROPERTY_SETTINGS
@given(exam_documents(CAT), CLINIC_SETTINGS)
def test_overall_urgency_is_never_below_a_red_flag(doc, clinic):
    result = interpret(exam_from_document(doc, CAT), KB, settings=clinic)
    for flag in result.red_flags:
        assert urgency_rank(result.urgency) >= urgency_rank(flag.urgency), flag.id


def test_a_red_flag_that_reorders_the_list_keeps_the_serious_sites_urgency():
    """Found by the property above: a sphincter answer made conus (urgent) overtake a brain
    lesion (emergency) in an exam with UMN signs, and the urgency fell."""
    clinic = JudgementSettings(ces_onset_window_days=1)
    doc = {"format": "nervechart.exam/1", "exam_date": "2026-11-21",
           "history": {"onset_date": "2026-11-19"},
           "reflexes": {"right": {"biceps": "3", "plantar": "extensor"}}}
    marked = {**doc, "red_flags": {"altered_urinary_sensation": {"present": True}}}
    assert urgency_rank(_urgency(marked, clinic)) >= urgency_rank(_urgency(doc, clinic))


def test_only_ces_answers_that_fire_a_rule_alone_open_the_sacral_hypotheses():
    """The guarantee behind the property above: an answer that changes the localisation (by
    opening the cauda equina and conus) always fires a CES rule at least as urgent as any site
    (clinical.md 5.4 rows 1-2; GIRFT: sexual dysfunction alone is unlikely to be CES)."""
    openers = profile_index(KB).ces_openers
    assert "sexual_dysfunction" not in openers
    most_urgent_site = max((s.urgency for s in KB.sites.values()), key=urgency_rank)
    for flag in openers:
        for onset in ("2026-11-20", "2026-01-01"):  # new, and older than any window
            doc = {"format": "nervechart.exam/1", "exam_date": "2026-11-21",
                   "red_flags": {flag: {"present": True, "onset_date": onset}}}
            found = assess_red_flags(exam_from_document(doc, CAT), KB, JudgementSettings(), None)
            assert max((urgency_rank(f.urgency) for f in found), default=-1) >= \
                urgency_rank(most_urgent_site), (flag, onset)
