"""Runs every cited vignette under tests/vignettes against the engine (see README.md here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.exam_codec import exam_from_document
from app.domain.vocabulary import urgency_rank
from app.rules import interpret

HERE = Path(__file__).parent
VIGNETTES = sorted(HERE.rglob("*.json"))
EXPECT_KEYS = {
    "top_site", "top_side", "top_site_in", "leading_include", "sites_exclude", "indeterminate",
    "no_localisation", "urgency", "urgency_at_least", "urgency_at_most", "destination",
    "red_flags_include", "red_flags_exclude", "no_red_flags", "next_tests_include",
    "not_tested_include",
}


def _load(path: Path) -> dict:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert set(case) <= {"source", "description", "exam", "previous_exam", "expect"}, path.name
    assert case.get("source", "").strip(), f"{path.name}: every vignette cites its source"
    assert case.get("description", "").strip(), f"{path.name}: description missing"
    assert case.get("expect") and set(case["expect"]) <= EXPECT_KEYS, path.name
    return case


def test_there_are_enough_vignettes():
    assert len(VIGNETTES) >= 60


@pytest.mark.parametrize("path", VIGNETTES, ids=lambda p: str(p.relative_to(HERE)))
def test_vignette(path: Path, kb):
    case = _load(path)
    catalogue = kb.catalogue()
    exam = exam_from_document(case["exam"], catalogue)
    previous = (exam_from_document(case["previous_exam"], catalogue)
                if "previous_exam" in case else None)
    result = interpret(exam, kb, previous=previous)
    expect = case["expect"]
    sites = [h.site for h in result.hypotheses]
    leading = sites[:3]
    fired = {f.id for f in result.red_flags}
    summary = (f"got top={sites[:3]} sides={[h.side for h in result.hypotheses[:3]]} "
               f"indeterminate={result.indeterminate} urgency={result.urgency} "
               f"to={result.referral.to} flags={sorted(fired)}")

    if "top_site" in expect:
        assert sites and sites[0] == expect["top_site"], summary
    if "top_side" in expect:
        assert result.hypotheses and result.hypotheses[0].side == expect["top_side"], summary
    if "top_site_in" in expect:
        assert sites and sites[0] in expect["top_site_in"], summary
    for site in expect.get("leading_include", ()):
        assert site in leading, summary
    for site in expect.get("sites_exclude", ()):
        assert site not in leading, summary
    if "indeterminate" in expect:
        assert result.indeterminate is expect["indeterminate"], summary
    if expect.get("no_localisation"):
        assert not result.hypotheses, summary
    if "urgency" in expect:
        assert result.urgency == expect["urgency"], summary
    if "urgency_at_least" in expect:
        assert urgency_rank(result.urgency) >= urgency_rank(expect["urgency_at_least"]), summary
    if "urgency_at_most" in expect:
        assert urgency_rank(result.urgency) <= urgency_rank(expect["urgency_at_most"]), summary
    if "destination" in expect:
        assert result.referral.to == expect["destination"], summary
    for flag in expect.get("red_flags_include", ()):
        assert flag in fired, summary
    for flag in expect.get("red_flags_exclude", ()):
        assert flag not in fired, summary
    if expect.get("no_red_flags"):
        assert not fired, summary
    next_findings = {t.finding for t in result.next_tests}
    for finding in expect.get("next_tests_include", ()):
        assert finding in next_findings, f"{summary} next_tests={sorted(next_findings)}"
    for finding in expect.get("not_tested_include", ()):
        assert finding in result.not_tested, summary
