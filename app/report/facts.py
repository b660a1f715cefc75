"""What a letter says, as plain data taken from the exam, the interpretation and the knowledge.

No layout and no ReportLab here: the section writers turn these facts into flowables, and the
tests can check the choices directly. Every fact comes from recorded data; anything not recorded
is reported as such ("not tested", "not asked"), never as normal.

Which rows a table shows (docs/letter.md, "What the tables show"):
- strength: every muscle graded on either side, every muscle the interpretation names (its
  reasons, `not_tested` and `next_tests`: the discriminators of the leading hypotheses), and
  the template's key muscles (ISNCSCI) of the limbs involved; those not graded read "not
  tested". A 28-row grid of blanks is not shown.
- reflexes: those recorded or named, plus all reflexes of the limbs involved.
- upper motor neuron signs: those of the limbs involved, and the lower-limb signs whenever an
  upper limb is involved (cervical myelopathy shows in the legs).
- tests: those recorded or named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.exam import Exam, Patient
from app.domain.interpretation import Hypothesis, Interpretation, RedFlagFinding
from app.domain.knowledge import KnowledgeBase
from app.domain.vocabulary import (
    LIMB_SIDES,
    RED_FLAG_GROUPS,
    SYMPTOM_KINDS,
    SYMPTOM_SIDES,
    mrc_rank,
    urgency_rank,
)

# Regions whose symptoms make a presentation lumbar or cervical even without limb findings
# (spec region IDs); lumbar presentations get cauda equina safety-netting (clinical.md 6.1).
LUMBAR_REGIONS = frozenset({"low_back", "saddle", "sacroiliac", "buttock"})
CERVICAL_REGIONS = frozenset({"neck", "occiput", "shoulder_top", "scapula"})
NORMAL_REFLEX = "2"
FULL_STRENGTH = "5"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class LetterRefused(ValueError):
    """The exam cannot be sent as a letter; the message names what is missing."""


def missing_identifiers(patient: Patient) -> tuple[str, ...]:
    """What a letter needs and the exam lacks: a name, and a date of birth or an identifier."""
    missing = []
    if not (patient.name or "").strip():
        missing.append("the patient's name")
    if patient.date_of_birth is None and not (patient.identifier or "").strip():
        missing.append("the patient's date of birth or identifier")
    return tuple(missing)


def require_identifiers(patient: Patient) -> None:
    missing = missing_identifiers(patient)
    if missing:
        raise LetterRefused("a letter cannot be written without " + " and ".join(missing))


def nhs_date(day: date) -> str:
    """`14-Jul-1945`: unambiguous in every locale (NHS CUI guidance, ecosystem.md 7.4)."""
    return f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}"


@dataclass(frozen=True)
class Finding:
    """A dotted exam path split up: `strength.left.hip_abduction` -> (strength, left, ...)."""

    category: str
    side: str | None
    item: str

    @classmethod
    def parse(cls, path: str) -> Finding | None:
        parts = path.split(".")
        if len(parts) == 3:
            return cls(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            return cls(parts[0], None, parts[1])
        return None


def named_findings(interpretation: Interpretation, hypotheses: Iterable[Hypothesis]
                   ) -> tuple[Finding, ...]:
    """Findings the interpretation points at: reasons shown, not tested, next tests."""
    paths = [*interpretation.not_tested, *(t.finding for t in interpretation.next_tests)]
    for hypothesis in hypotheses:
        paths.extend(e.finding for e in (*hypothesis.supporting, *hypothesis.against))
    paths.extend(path for flag in interpretation.red_flags for path in flag.because)
    return tuple(f for f in map(Finding.parse, paths) if f is not None)


def limbs_involved(exam: Exam, interpretation: Interpretation, kb: KnowledgeBase) -> frozenset[str]:
    """Limbs ("upper", "lower") with symptoms, graded muscles or a hypothesis there."""
    limbs = {kb.regions[region].limb for _, region in exam.symptoms if region in kb.regions}
    limbs |= {kb.muscles[m].limb for _, m in exam.strength if m in kb.muscles}
    limbs |= {kb.sites[h.site].limb for h in interpretation.hypotheses if h.site in kb.sites}
    if "both" in limbs:
        limbs |= {"upper", "lower"}
    if any(region in LUMBAR_REGIONS for _, region in exam.symptoms):
        limbs.add("lower")
    if any(region in CERVICAL_REGIONS for _, region in exam.symptoms):
        limbs.add("upper")
    return frozenset(limbs & {"upper", "lower"})


def _ordered(wanted: set[str], catalogue_order: Iterable[str]) -> tuple[str, ...]:
    return tuple(item for item in catalogue_order if item in wanted)


def shown_muscles(exam: Exam, named: Iterable[Finding], limbs: frozenset[str],
                  key_muscles: Iterable[str], kb: KnowledgeBase) -> tuple[str, ...]:
    wanted = {m for _, m in exam.strength} | {f.item for f in named if f.category == "strength"}
    wanted |= {m for m in key_muscles if m in kb.muscles and kb.muscles[m].limb in limbs}
    return _ordered(wanted, kb.muscles)


def shown_reflexes(exam: Exam, named: Iterable[Finding], limbs: frozenset[str],
                   kb: KnowledgeBase) -> tuple[str, ...]:
    wanted = {r for _, r in exam.reflexes if r in kb.reflexes}
    wanted |= {f.item for f in named if f.category == "reflexes" and f.item in kb.reflexes}
    wanted |= {r.id for r in kb.reflexes.values() if r.limb in limbs}
    return _ordered(wanted, kb.reflexes)


def shown_umn_signs(exam: Exam, named: Iterable[Finding], limbs: frozenset[str],
                    kb: KnowledgeBase) -> tuple[str, ...]:
    sign_limbs = limbs | ({"lower"} if "upper" in limbs else set())
    wanted = {s for _, s in exam.reflexes if s in kb.umn_signs}
    wanted |= {f.item for f in named if f.category == "reflexes" and f.item in kb.umn_signs}
    wanted |= {s.id for s in kb.umn_signs.values() if s.limb in sign_limbs}
    return _ordered(wanted, kb.umn_signs)


def shown_tests(exam: Exam, named: Iterable[Finding], kb: KnowledgeBase) -> tuple[str, ...]:
    wanted = {t for _, t in exam.tests} | {f.item for f in named if f.category == "tests"}
    return _ordered(wanted, kb.tests)


def is_below_full_strength(grade: str) -> bool:
    """MRC below 5, or NT (recorded but not normal)."""
    return grade != FULL_STRENGTH


def is_abnormal_reflex(value: str) -> bool:
    return value != NORMAL_REFLEX


def is_lumbar(exam: Exam, limbs: frozenset[str], kb: KnowledgeBase) -> bool:
    """Lower limb or low back involved, or any cauda equina question answered yes."""
    ces_present = any(answer.present and flag in kb.red_flags
                      and kb.red_flags[flag].group == "cauda_equina"
                      for flag, answer in exam.red_flags.items())
    return "lower" in limbs or ces_present


def is_cervical(limbs: frozenset[str]) -> bool:
    return "upper" in limbs


@dataclass(frozen=True)
class RedFlagLine:
    flag: str
    present: bool
    onset: date | None


@dataclass(frozen=True)
class RedFlagGroup:
    group: str
    answered: tuple[RedFlagLine, ...]  # in the knowledge base's order
    not_asked: tuple[str, ...]  # flag IDs never asked


def red_flag_screen(exam: Exam, kb: KnowledgeBase) -> tuple[RedFlagGroup, ...]:
    """Every red flag of the knowledge base by group: the answers given and those not asked."""
    screen = []
    for group in RED_FLAG_GROUPS:
        flags = [f.id for f in kb.red_flags.values() if f.group == group]
        answered = tuple(RedFlagLine(f, exam.red_flags[f].present, exam.red_flags[f].onset_date)
                         for f in flags if f in exam.red_flags)
        not_asked = tuple(f for f in flags if f not in exam.red_flags)
        screen.append(RedFlagGroup(group, answered, not_asked))
    return tuple(screen)


def triggering_flags(interpretation: Interpretation) -> tuple[RedFlagFinding, ...]:
    """The red flags that set the overall urgency (those at the highest level), best first."""
    if not interpretation.red_flags:
        return ()
    top = max(urgency_rank(f.urgency) for f in interpretation.red_flags)
    return tuple(f for f in interpretation.red_flags if urgency_rank(f.urgency) == top)


RegionKinds = tuple[str, tuple[str, ...]]


def symptoms_by_side(exam: Exam, kb: KnowledgeBase) -> Mapping[str, tuple[RegionKinds, ...]]:
    """Side -> ((region, kinds in the vocabulary's order), ...) in the knowledge base's order."""
    result: dict[str, tuple[RegionKinds, ...]] = {}
    for side in SYMPTOM_SIDES:
        rows = tuple((region, tuple(k for k in SYMPTOM_KINDS
                                    if k in exam.symptom_kinds(side, region)))
                     for region in kb.regions if exam.symptom_kinds(side, region))
        if rows:
            result[side] = rows
    return result


@dataclass(frozen=True)
class StrengthChange:
    muscle: str
    side: str
    before: str | None  # None: not tested at that exam
    now: str | None
    change: str  # "weaker" | "stronger" | "unchanged" | "not comparable"


def strength_changes(exam: Exam, previous: Exam, kb: KnowledgeBase) -> tuple[StrengthChange, ...]:
    """Each muscle graded at either exam, side by side, with the direction of change."""
    keys = set(exam.strength) | set(previous.strength)
    changes = []
    for muscle in kb.muscles:
        for side in LIMB_SIDES:
            if (side, muscle) not in keys:
                continue
            before, now = previous.strength.get((side, muscle)), exam.strength.get((side, muscle))
            changes.append(StrengthChange(muscle, side, before, now, _direction(before, now)))
    return tuple(changes)


def _direction(before: str | None, now: str | None) -> str:
    rank_before = mrc_rank(before) if before else None
    rank_now = mrc_rank(now) if now else None
    if rank_before is None or rank_now is None:
        return "not comparable"
    if rank_now < rank_before:
        return "weaker"
    if rank_now > rank_before:
        return "stronger"
    return "unchanged"


class CitationIndex:
    """Numbers the sources a letter cites, in order of first citation, for the reference list."""

    def __init__(self, kb: KnowledgeBase):
        self._kb = kb
        self._numbers: dict[str, int] = {}

    def cite(self, source: str) -> str:
        """`[1, 3]` for a `;`-separated source cell; empty for an empty one."""
        keys = [k.strip() for k in source.split(";") if k.strip()]
        numbers = [self._numbers.setdefault(k, len(self._numbers) + 1) for k in keys]
        return f"[{', '.join(map(str, numbers))}]" if numbers else ""

    def entries(self) -> tuple[tuple[int, str], ...]:
        """(number, citation) for every source cited, in number order."""
        return tuple((n, self._kb.sources[k].citation if k in self._kb.sources else k)
                     for k, n in self._numbers.items())
