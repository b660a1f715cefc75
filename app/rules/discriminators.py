"""Which unexamined findings would separate the leading hypotheses (clinical.md 4, 10.4).

A finding discriminates between two hypotheses when one predicts it abnormal and the other does
not: the difference of their expected involvement (muscle weakness, reflex loss, UMN sign).
Only findings not examined (absent or `NT`) are proposed. When the result is indeterminate, the
findings that best separate the leader from the rivals it is not separated from become
`next_tests` (with why); where room is left, so does one provocation or neurodynamic test
that stresses the leader or a close rival but not the other (SLR for an L5 root against the
lumbosacral plexus or the peroneal nerve, Spurling for a C8 root against the lower trunk;
clinical.md 4.1 pain row, 4.2 "other clues", 4.4): its result only ever supports (3.3, 8.17),
so it comes after the examination findings. The discriminators among the leading three, and
the UMN screen of the leading hypothesis' limb, become `not_tested` (never the whole list of
possible findings).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import TypeVar

from app.domain.interpretation import NextTest
from app.domain.knowledge import KnowledgeBase
from app.rules.findings import Findings
from app.rules.fit import Fit, site_phrase
from app.rules.profiles import Probe, ProfileIndex

MIN_DIFFERENCE = 0.5
MAX_NEXT_TESTS = 4
MAX_NOT_TESTED = 10
RIVAL_PAIR_WEIGHT = 0.5  # a pair of two rivals, beside a pair of the leader and a rival
_KIND_ORDER = {"strength": 0, "reflexes": 1, "umn": 2}  # on equal power, prefer a muscle
T = TypeVar("T")


def _expected(fit: Fit, probe: Probe, index: ProfileIndex) -> float:
    if probe.side not in fit.scope:
        return 0.0
    return index.expected[(fit.site, probe.side)].get(probe.path, 0.0)


def _untested(fits: Sequence[Fit], findings: Findings, index: ProfileIndex) -> list[Probe]:
    """Every finding the hypotheses of `fits` predict that was not examined, by path."""
    found: dict[str, Probe] = {}
    for fit in fits:
        for side in fit.scope:
            for probe in index.probes[(fit.site, side)]:
                if probe.path not in findings.tested_paths:
                    found.setdefault(probe.path, probe)
    return [found[path] for path in sorted(found)]


def next_tests(group: Sequence[Fit], shown: Sequence[Fit], findings: Findings,
               index: ProfileIndex, kb: KnowledgeBase) -> tuple[NextTest, ...]:
    """The unexamined findings that best separate the hypotheses of `group` (leader first,
    then the rivals it is not separated from), with why.

    A finding's power is the sum, over every pair in the group, of the difference in expected
    involvement; a pair of two rivals counts `RIVAL_PAIR_WEIGHT` (the question is what separates
    the leader), and a pair of different kinds (root vs nerve, cord vs root) counts double,
    because telling them apart changes where the patient is referred. A second muscle (or
    reflex) that gives the same answers for every hypothesis `shown` adds nothing and is not
    proposed; a muscle and a reflex with the same answers are both kept (they fail
    independently).
    """
    kinds = [index.profiles[f.site].kind for f in group]
    ranked = []
    for item in _untested(group, findings, index):
        expected = [_expected(f, item, index) for f in group]
        power = best_weight = 0.0
        best = (0, 0)  # the pair it separates best; the higher-ranked pair on equal weight
        for i, j in combinations(range(len(group)), 2):
            difference = abs(expected[i] - expected[j])
            if difference < MIN_DIFFERENCE:
                continue
            weight = ((2.0 if kinds[i] != kinds[j] else 1.0)
                      * (1.0 if i == 0 else RIVAL_PAIR_WEIGHT) * difference)
            power += weight
            if weight > best_weight:
                best_weight, best = weight, (i, j)
        if power:
            ranked.append(((-round(power, 9), _KIND_ORDER[item.kind], item.item), item.side,
                           (item, best)))
    chosen = []
    seen: set[tuple[str, str, tuple[float, ...]]] = set()
    for key, side, (item, best) in sorted(ranked, key=lambda entry: entry[:2]):
        answers = (side, item.kind, tuple(_expected(f, item, index) for f in shown))
        if answers not in seen:
            seen.add(answers)
            chosen.append((key, side, (item, best)))
    tests = []
    for item, (i, j) in _take_whole_pairs(chosen, MAX_NEXT_TESTS):
        expected_i, expected_j = (_expected(group[k], item, index) for k in (i, j))
        tests.append(NextTest(item.path, _why(item, group[i], group[j], expected_i,
                                              expected_j, kb)))
    provocation = _provocation_tests(group, findings, index, kb)
    if len(tests) + len(provocation) <= MAX_NEXT_TESTS:
        tests.extend(provocation)
    return tuple(tests)


def _provocation_tests(group: Sequence[Fit], findings: Findings, index: ProfileIndex,
                       kb: KnowledgeBase) -> tuple[NextTest, ...]:
    """The first test (in table order) not yet recorded that stresses the leader or a close
    rival but not the other, on each side of the leader, for the first rival that has one."""
    leader = group[0]
    stresses = {f.site: index.profiles[f.site].tests for f in group}
    for rival in group[1:]:
        telling = stresses[leader.site] ^ stresses[rival.site]
        found = []
        for side in sorted(leader.scope & rival.scope):
            test = next((t for t in kb.tests if t in telling
                         and f"tests.{side}.{t}" not in findings.tested_paths), None)
            if test is not None:
                found.append(_provocation_why(side, test, leader, rival, stresses, kb))
        if found:
            return tuple(found)
    return ()


def _provocation_why(side: str, test_id: str, leader: Fit, rival: Fit,
                     stresses: dict[str, frozenset[str]], kb: KnowledgeBase) -> NextTest:
    stressed, other = (leader, rival) if test_id in stresses[leader.site] else (rival, leader)
    return NextTest(f"tests.{side}.{test_id}", (
        f"{side.capitalize()} {kb.tests[test_id].label}: a positive result supports "
        f"{site_phrase(stressed.label)} rather than {site_phrase(other.label)}; it supports "
        "but does not localise on its own."))


def not_tested(leading: Sequence[Fit], findings: Findings, index: ProfileIndex
               ) -> tuple[str, ...]:
    """Discriminating findings among `leading` (best first) that were not examined."""
    if not leading:
        return ()
    ranked: list[tuple[tuple, str, str]] = []
    for item in _untested(leading, findings, index):
        expected = [_expected(f, item, index) for f in leading]
        spread = max(expected) - min(expected) if len(leading) > 1 else expected[0]
        if item.kind == "umn" and item.side in leading[0].scope:
            spread = max(spread, 1.0)  # the UMN screen of the leading limb always matters
        if spread >= MIN_DIFFERENCE:
            ranked.append(((-round(spread, 9), _KIND_ORDER[item.kind], item.item), item.side,
                           item.path))
    return tuple(_take_whole_pairs(ranked, MAX_NOT_TESTED))


def _take_whole_pairs(ranked: list[tuple[tuple, str, T]], limit: int) -> list[T]:
    """The values of `ranked` (rank key, side, value) best first, at most `limit`, never
    keeping one side of an equally ranked left/right pair without the other (so that
    mirroring the exam mirrors the list)."""
    groups: dict[tuple, list[tuple[str, T]]] = {}
    for key, side, value in ranked:
        groups.setdefault(key, []).append((side, value))
    taken: list[T] = []
    for key in sorted(groups):
        members = [value for _, value in sorted(groups[key], key=lambda m: m[0])]
        if len(taken) + len(members) > limit:
            if len(members) == 1:
                continue
            break
        taken.extend(members)
    return taken


def _why(item: Probe, first: Fit, second: Fit, a: float, b: float, kb: KnowledgeBase) -> str:
    what = _describe(item, kb)
    affects, spares = (first, second) if a > b else (second, first)
    verb = "show" if item.kind == "umn" else ("reduce" if item.kind == "reflexes" else "weaken")
    return (f"{what}: {site_phrase(affects.label)} should {verb} it, "
            f"{site_phrase(spares.label)} should not.")


def _describe(item: Probe, kb: KnowledgeBase) -> str:
    side = item.side.capitalize()
    if item.kind == "strength":
        muscle = kb.muscles[item.item]
        return f"{side} {muscle.movement} ({muscle.muscle})"
    if item.kind == "reflexes":
        return f"{side} {kb.reflexes[item.item].label}"
    return f"{side} {kb.umn_signs[item.item].label}"
