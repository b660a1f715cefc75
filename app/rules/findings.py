"""Findings normalisation: the exam as the localisation rules read it.

Contract (clinical.md 3.1, 8.2, 8.12 and the exam format):
- strength: MRC < 5 is weak (with a severity), 5 is normal; `NT` and absent are *not tested*
  and never count as normal;
- reflexes (NINDS): 0-1 reduced, 2 normal, 3-4 brisk; `NT`/absent not tested;
- UMN signs: only the values `umn_signs.csv` lists as abnormal are signs; any other recorded
  value (flexor, equivocal, unsustained, ...) is tested and not a sign;
- symptoms: numbness is a sensory deficit, tingling an altered-sensation deficit (lighter),
  pain only ever *supports*; a region-side counts once, by its heaviest kind (pain there
  supports only when no deficit is recorded there); weakness, wasting and fasciculation
  reports are not used here;
- history cues: the ticked ones, and spinal pain (`SPINAL_PAIN_CUES`) also when it is only drawn
  on the body chart or scored (NRS above 0): back pain drawn in the low back is back pain
  whether or not its box was ticked. `cue_paths` says where each cue was found;
  deficits over the spine itself (regions with no dermatome or nerve map) localise nothing;
- age: bilateral reduced age-dependent reflexes (ankle jerks) from
  `settings.ankle_reflex_age_threshold` are non-localising and are set aside.

Each abnormal finding carries a *mass*: how much it needs explaining. The rules compare sites by
how much of that mass they explain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from math import fsum

from app.domain import vocabulary as v
from app.domain.exam import Exam
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase

# Mass of one weak muscle by MRC grade: severe weakness needs more explaining than 4+.
_WEAKNESS_MASS = {"0": 1.0, "1": 1.0, "2": 1.0, "3": 0.9, "4-": 0.8, "4": 0.7, "4+": 0.5}
_REDUCED_REFLEX_MASS = {"0": 1.0, "1": 0.8}
_BRISK_REFLEX_MASS = {"3": 0.3, "4": 1.5}  # 3 is "upper half of normal" (Hallett 1993)
UMN_SIGN_MASS = 2.5
# Sensory symptom kinds: numbness > tingling (deficit vs altered); pain supports only.
_DEFICIT_MASS = {"numbness": 1.0, "tingling": 0.6}
PAIN = "pain"
_SENSORY_KINDS = ("numbness", "tingling", PAIN)  # heaviest first, as evidence names them
# Spinal-pain cue -> (body-chart region, pain-score key) that also record it.
SPINAL_PAIN_CUES = {"back_pain": ("low_back", "back"), "neck_pain": ("neck", "neck")}
# One abnormal finding: (side, item ID, mass, finding path).
Item = tuple[str, str, float, str]


@dataclass(frozen=True)
class Findings:
    """One exam, normalised. Keys are `(side, id)`; sides as in the exam."""

    weak: Mapping[tuple[str, str], float]  # muscle -> mass
    normal_muscles: frozenset[tuple[str, str]]
    reduced: Mapping[tuple[str, str], float]  # reflex -> mass (localising only)
    normal_reflexes: frozenset[tuple[str, str]]
    brisk: Mapping[tuple[str, str], float]  # reflex -> mass
    umn_signs: Mapping[tuple[str, str], str]  # abnormal sign -> recorded value
    umn_tested: frozenset[tuple[str, str]]  # every sign recorded with a real value
    deficits: Mapping[tuple[str, str], float]  # region -> mass (numbness or tingling)
    pain: frozenset[tuple[str, str]]
    positive_tests: frozenset[tuple[str, str]]
    cue_paths: Mapping[str, str]  # history cue -> where it was recorded (module contract)
    ces_flags: frozenset[str]  # cauda-equina red flags answered present (no mass)
    age_set_aside: frozenset[tuple[str, str]] = field(default=frozenset())  # non-localising
    # UMN evidence as (path, mass, limb, side, sign or reflex ID): signs, then brisk reflexes.
    umn_items: tuple[tuple[str, float, str, str, str], ...] = ()
    age: int | None = None
    # finding path -> recorded value (strength, reflexes, symptoms, test results)
    values: Mapping[str, str] = field(default_factory=dict)
    # The same findings as flat tuples, built once so that scoring each candidate is a loop.
    weak_items: tuple[Item, ...] = ()
    reduced_items: tuple[Item, ...] = ()
    deficit_items: tuple[Item, ...] = ()
    pain_items: tuple[Item, ...] = ()  # pain where no deficit is recorded (mass 0)
    # region-side -> its kinds in words, heaviest first ("Numbness and pain")
    sensory_words: Mapping[tuple[str, str], str] = field(default_factory=dict)

    @cached_property
    def examined_mass(self) -> float:
        """Mass of the abnormal examination findings: all that needs explaining (red-flag
        answers carry none; the red-flag rules assess them)."""
        return fsum((*self.weak.values(), *self.reduced.values(), *self.brisk.values(),
                     *self.deficits.values(), UMN_SIGN_MASS * len(self.umn_signs)))

    @cached_property
    def tested_paths(self) -> frozenset[str]:
        """Finding paths recorded with a real value (absent and `NT` are not tested)."""
        return frozenset(path for path, value in self.values.items() if value != v.NOT_TESTABLE)

    def tested_count(self) -> int:
        """Muscles, reflexes and UMN signs recorded with a real value (not NT)."""
        return (len(self.weak) + len(self.normal_muscles) + len(self.reduced)
                + len(self.normal_reflexes) + len(self.brisk) + len(self.umn_tested)
                + len(self.age_set_aside))


def normalise(exam: Exam, kb: KnowledgeBase, settings: JudgementSettings) -> Findings:
    """Read `exam` into `Findings` (see the module contract)."""
    values: dict[str, str] = {}
    weak: dict[tuple[str, str], float] = {}
    normal_muscles: set[tuple[str, str]] = set()
    for (side, muscle), grade in exam.strength.items():
        values[f"strength.{side}.{muscle}"] = grade
        if grade == "5":
            normal_muscles.add((side, muscle))
        elif grade in _WEAKNESS_MASS:
            weak[(side, muscle)] = _WEAKNESS_MASS[grade]

    reduced: dict[tuple[str, str], float] = {}
    normal_reflexes: set[tuple[str, str]] = set()
    brisk: dict[tuple[str, str], float] = {}
    umn_signs: dict[tuple[str, str], str] = {}
    umn_tested: set[tuple[str, str]] = set()
    for (side, item), value in exam.reflexes.items():
        values[f"reflexes.{side}.{item}"] = value
        if value == v.NOT_TESTABLE:
            continue
        if item in kb.umn_signs:
            umn_tested.add((side, item))
            if value in kb.umn_signs[item].abnormal:
                umn_signs[(side, item)] = value
        elif value in _REDUCED_REFLEX_MASS:
            reduced[(side, item)] = _REDUCED_REFLEX_MASS[value]
        elif value in _BRISK_REFLEX_MASS:
            brisk[(side, item)] = _BRISK_REFLEX_MASS[value]
        else:
            normal_reflexes.add((side, item))

    age = exam.patient_age()
    set_aside = _age_set_aside(reduced, kb, age, settings)
    for key in set_aside:
        del reduced[key]

    deficits: dict[tuple[str, str], float] = {}
    pain: set[tuple[str, str]] = set()
    words: dict[tuple[str, str], str] = {}
    for (side, region), kinds in exam.symptoms.items():
        mass = max((_DEFICIT_MASS[k] for k in kinds if k in _DEFICIT_MASS), default=0.0)
        if mass and _localising(kb, region):
            deficits[(side, region)] = mass
        if PAIN in kinds:
            pain.add((side, region))
        values[f"symptoms.{side}.{region}"] = " and ".join(sorted(kinds))
        words[(side, region)] = " and ".join(k for k in _SENSORY_KINDS if k in kinds).capitalize()

    for (side, test), result in exam.tests.items():
        values[f"tests.{side}.{test}"] = result.result
    positive_tests = {key for key, result in exam.tests.items() if result.result == "positive"}
    ces_flags = {flag for flag, answer in exam.red_flags.items()
                 if answer.present and flag in kb.red_flags
                 and kb.red_flags[flag].group == "cauda_equina"}
    umn_items = (
        *((f"reflexes.{s}.{u}", UMN_SIGN_MASS, kb.umn_signs[u].limb, s, u) for s, u in umn_signs),
        *((f"reflexes.{s}.{r}", m, kb.reflexes[r].limb, s, r) for (s, r), m in brisk.items()),
    )
    return Findings(
        weak=weak, normal_muscles=frozenset(normal_muscles), reduced=reduced,
        normal_reflexes=frozenset(normal_reflexes), brisk=brisk, umn_signs=umn_signs,
        umn_tested=frozenset(umn_tested), deficits=deficits, pain=frozenset(pain),
        positive_tests=frozenset(positive_tests), cue_paths=_cue_paths(exam, pain),
        ces_flags=frozenset(ces_flags), age_set_aside=frozenset(set_aside), age=age,
        values=values, umn_items=umn_items,
        weak_items=_items("strength", weak), reduced_items=_items("reflexes", reduced),
        deficit_items=_items("symptoms", deficits),
        pain_items=_items("symptoms", dict.fromkeys(sorted(pain - deficits.keys()), 0.0)),
        sensory_words=words)


def _items(section: str, masses: Mapping[tuple[str, str], float]) -> tuple[Item, ...]:
    return tuple((side, item, mass, f"{section}.{side}.{item}")
                 for (side, item), mass in masses.items())


def _cue_paths(exam: Exam, pain: set[tuple[str, str]]) -> dict[str, str]:
    """Each history cue present and the path of the finding that records it: the ticked box,
    else (spinal pain) the body-chart region with pain, else the pain score."""
    paths = {cue: f"history.cues.{cue}" for cue in exam.history.cues}
    for cue, (region, score) in SPINAL_PAIN_CUES.items():
        charted = sorted(side for side, where in pain if where == region)
        if cue in paths:
            continue
        if charted:
            paths[cue] = f"symptoms.{charted[0]}.{region}"
        elif exam.history.pain_nrs.get(score, 0) > 0:
            paths[cue] = f"history.pain_nrs.{score}"
    return paths


def _localising(kb: KnowledgeBase, region_id: str) -> bool:
    """Regions with no dermatome or nerve map (the spine itself) localise nothing."""
    region = kb.regions[region_id]
    return bool(region.dermatomes_core or region.dermatomes_variable or region.nerves_core
                or region.nerves_variable)


def _age_set_aside(reduced: Mapping[tuple[str, str], float], kb: KnowledgeBase,
                   age: int | None, settings: JudgementSettings) -> set[tuple[str, str]]:
    """Age-dependent reflexes reduced on both sides at or above the age threshold."""
    if age is None or age < settings.ankle_reflex_age_threshold:
        return set()
    aside: set[tuple[str, str]] = set()
    for reflex in kb.reflexes.values():
        both = {(side, reflex.id) for side in v.LIMB_SIDES}
        if reflex.age_dependent and both <= reduced.keys():
            aside |= both
    return aside
