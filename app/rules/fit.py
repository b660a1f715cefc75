"""How well one site, on given sides, fits the findings: the score of a hypothesis.

For a `Profile` and the sides it covers (`scope`; midline findings are always in scope):
- *explained* mass: the part of each abnormal finding the site accounts for (a weak muscle times
  its expected involvement, a sensory deficit times its zone factor, ...);
- *unexplained* mass: the rest of every abnormal finding in the exam, wherever it is;
- *against*: normal findings the site should have made abnormal (a normal muscle it should
  weaken is strong evidence against it), and UMN evidence against a lower motor neuron site;
- *support*: findings that may only support (pain in its territory where no deficit is recorded,
  a positive neurodynamic or provocation test that stresses it, a history cue) and pattern
  rules (`patterns`).

score = (explained + support) / (explained + unexplained + against + support + breadth + 1),
which lies in 0..1, rewards explaining much, and punishes contradiction and what is left over.
`fit_site` is numeric only and records what each finding contributed (`explained_by`,
`support_by`, `against_by`, by finding path); `explain_fit` then writes the evidence sentences
(finding path, sentence, rule ID `loc.<site>.<item>`, source keys), one per finding, and is run
only for the hypotheses shown to the clinician.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from math import fsum

from app.domain.interpretation import Evidence
from app.domain.knowledge import KnowledgeBase
from app.rules.findings import Findings, Item
from app.rules.profiles import Profile

UNEXPLAINED_WEAKNESS_AGAINST = 0.5
UMN_AGAINST_LMN = 0.8  # share of UMN mass that also counts against a lower motor neuron site
PAIN_SUPPORT = 0.25
TEST_SUPPORT = 0.4
CUE_SUPPORT = 0.4
SCORE_PRIOR = 1.0
MIDLINE = "midline"


@dataclass
class Fit:
    site: str
    side: str  # left | right | bilateral | none (as reported)
    scope: frozenset[str]
    label: str
    explained: float = 0.0
    unexplained: float = 0.0
    against: float = 0.0
    support: float = 0.0
    breadth: float = 0.0
    central: bool = False  # a cord or brain lesion (explains UMN signs)
    explained_by: dict[str, float] = field(default_factory=dict)  # finding path -> mass
    support_by: dict[str, float] = field(default_factory=dict)
    against_by: dict[str, float] = field(default_factory=dict)
    evidence_for: list[Evidence] = field(default_factory=list)
    evidence_against: list[Evidence] = field(default_factory=list)

    @property
    def score(self) -> float:
        total = (self.explained + self.unexplained + self.against + self.support
                 + self.breadth + SCORE_PRIOR)
        return (self.explained + self.support) / total

    @property
    def evidence_score(self) -> float:
        """The score without the parsimony cost: what the findings alone say."""
        total = (self.explained + self.unexplained + self.against + self.support
                 + SCORE_PRIOR)
        return (self.explained + self.support) / total

    def net(self) -> dict[str, float]:
        """Finding path -> what that finding did for this hypothesis (positive helps it)."""
        result = dict(self.explained_by)
        for path, amount in self.support_by.items():
            result[path] = result.get(path, 0.0) + amount
        for path, amount in self.against_by.items():
            result[path] = result.get(path, 0.0) - amount
        return result

    def add_support(self, path: str, amount: float, evidence: Evidence | None = None) -> None:
        self.support += amount
        self.support_by[path] = self.support_by.get(path, 0.0) + amount
        if evidence is not None:
            self.evidence_for.append(evidence)

    def add_against(self, path: str, amount: float, evidence: Evidence | None = None) -> None:
        self.against += amount
        self.against_by[path] = self.against_by.get(path, 0.0) + amount
        if evidence is not None:
            self.evidence_against.append(evidence)


@lru_cache(maxsize=1024)
def site_phrase(label: str) -> str:
    """"Left L5 nerve root" -> "left L5 nerve root" for use inside a sentence; asides in
    brackets are left out ("left common peroneal neuropathy at the fibular head")."""
    label = re.sub(r" \([^)]*\)", "", label)
    first = label.split(" ", 1)[0]
    acronym = any(c.isupper() or c.isdigit() for c in first[1:])
    return label if acronym else label[:1].lower() + label[1:]


@lru_cache(maxsize=4096)
def rule_id(site_id: str, item: str) -> str:
    """`loc.l5.hip_abduction`, `loc.common_peroneal.ankle_inversion`, `loc.conus.achilles`."""
    prefix, _, name = site_id.partition(":")
    slug = name if prefix in ("root", "nerve") else site_id.replace(":", "_")
    return f"loc.{slug.lower()}.{item}"


def fit_site(profile: Profile, scope: frozenset[str], side: str, label: str,
             findings: Findings) -> Fit:
    """Score `profile` on the sides in `scope` against `findings` (module docstring)."""
    fit = Fit(site=profile.site, side=side, scope=scope, label=label, breadth=profile.breadth,
              central=profile.kind in ("myelopathy", "central"))
    explained_by, support_by, against_by = fit.explained_by, fit.support_by, fit.against_by
    sides = scope | {MIDLINE}

    def explain_items(items: tuple[Item, ...], shares: Mapping[str, float]) -> None:
        for fside, item, mass, path in items:
            if fside in sides:
                share = shares.get(item, 0.0)
                if share:
                    explained_by[path] = mass * share

    explain_items(findings.weak_items, profile.muscles)
    if profile.normal_against:
        # A focal lesion leaves no weak muscle of its own limb unexplained: one it cannot
        # explain at all (hip adduction for a femoral lesion) also counts against it.
        for fside, muscle, mass, path in findings.weak_items:
            if fside in scope and path not in explained_by and muscle in profile.limb_muscles:
                against_by[path] = UNEXPLAINED_WEAKNESS_AGAINST * mass * profile.normal_against
    explain_items(findings.reduced_items, profile.reflexes)
    explain_items(findings.deficit_items, profile.regions)
    for path, mass, limb, fside, _ in findings.umn_items:
        share = profile.umn.get(limb, 0.0) if fside in sides else 0.0
        if share:
            explained_by[path] = mass * share
        if profile.lower_motor_neuron:
            against_by[path] = mass * UMN_AGAINST_LMN

    for fside in scope:
        for muscle, cost in profile.normal_muscle_costs:
            if (fside, muscle) in findings.normal_muscles:
                against_by[f"strength.{fside}.{muscle}"] = cost
        for reflex, cost in profile.normal_reflex_costs:
            if (fside, reflex) in findings.normal_reflexes:
                against_by[f"reflexes.{fside}.{reflex}"] = cost

    for fside, region, _, path in findings.pain_items:
        if fside in sides and region in profile.regions:
            support_by[path] = PAIN_SUPPORT * profile.regions[region]
    for fside, test in findings.positive_tests:
        if test in profile.tests and fside in sides:
            support_by[f"tests.{fside}.{test}"] = TEST_SUPPORT
    for cue in findings.cue_paths.keys() & profile.cues:
        path = findings.cue_paths[cue]
        support_by[path] = max(support_by.get(path, 0.0), CUE_SUPPORT)

    # fsum: exact, so the order of the findings (left or right first) never changes a score.
    fit.explained = fsum(explained_by.values())
    fit.unexplained = findings.examined_mass - fit.explained
    fit.against = fsum(against_by.values())
    fit.support = fsum(support_by.values())
    return fit


def explain_fit(fit: Fit, profile: Profile, findings: Findings, kb: KnowledgeBase) -> None:
    """Write the evidence sentences of `fit` (scored by `fit_site`): one line per finding,
    before the lines the pattern rules already wrote."""
    phrase = site_phrase(fit.label)
    sides = fit.scope | {MIDLINE}
    pattern_for, pattern_against = fit.evidence_for, fit.evidence_against
    fit.evidence_for, fit.evidence_against = [], []

    def say(path: str, item: str, text: str, source: str, favours: bool) -> None:
        target = fit.evidence_for if favours else fit.evidence_against
        target.append(Evidence(path, text, rule_id(profile.site, item), source))

    for fside, muscle_id, _, path in findings.weak_items:
        muscle = kb.muscles[muscle_id]
        what = f"{fside.capitalize()} {muscle.movement} weak (MRC {findings.values[path]})"
        fits = path in fit.explained_by
        say(path, muscle_id, f"{what}: {'expected with' if fits else 'not explained by'} "
            f"{phrase}.", muscle.source, fits)
    for fside, reflex_id, _, path in findings.reduced_items:
        reflex = kb.reflexes[reflex_id]
        what = f"{fside.capitalize()} {reflex.label} reduced ({findings.values[path]})"
        fits = path in fit.explained_by
        say(path, reflex_id, f"{what}: {'expected with' if fits else 'not explained by'} "
            f"{phrase}.", reflex.source, fits)
    for fside, region_id, _, path in findings.deficit_items:
        region = kb.regions[region_id]
        what = f"{findings.sensory_words[(fside, region_id)]} in the {_side_words(fside)}" \
            f"{region.label}"
        share = profile.regions.get(region_id, 0.0) if fside in sides else 0.0
        where = ("core territory of" if share >= 1.0 else "overlap territory of") if share \
            else "outside the territory of"
        say(path, region_id, f"{what}: {where} {phrase}.", region.source, bool(share))
    for path, _, _, fside, item in findings.umn_items:
        sign = kb.umn_signs.get(item)
        known = sign or kb.reflexes[item]
        value = findings.values[path]
        what = f"{fside.capitalize()} {known.label} {value if sign else f'brisk ({value})'}"
        if path in fit.explained_by:
            say(path, item, f"{what}: an upper motor neuron sign, fits {phrase}.",
                known.source, True)
        elif profile.lower_motor_neuron:
            fit.evidence_against.append(Evidence(
                path, f"{what}: an upper motor neuron sign, which {phrase} cannot explain "
                "(cord or brain).", "loc.umn.against_peripheral", known.source))
        else:
            say(path, item, f"{what}: not explained by {phrase}.", known.source, False)
    for flag in sorted(findings.ces_flags):
        red_flag = kb.red_flags[flag]
        fits = profile.ces_site
        say(f"red_flags.{flag}", flag, f"{red_flag.label}: "
            f"{'a cauda equina or conus feature, fits' if fits else 'not explained by'} "
            f"{phrase} (a red-flag answer: the red-flag rules weigh it, not the score).",
            red_flag.source, fits)

    for fside, muscle_id in sorted(findings.normal_muscles):
        if fit.against_by.get(f"strength.{fside}.{muscle_id}"):
            muscle = kb.muscles[muscle_id]
            say(f"strength.{fside}.{muscle_id}", muscle_id,
                f"{fside.capitalize()} {muscle.movement} normal (MRC 5), but {phrase} should "
                "weaken it.", muscle.source, False)
    for fside, reflex_id in sorted(findings.normal_reflexes):
        if fit.against_by.get(f"reflexes.{fside}.{reflex_id}"):
            reflex = kb.reflexes[reflex_id]
            say(f"reflexes.{fside}.{reflex_id}", reflex_id,
                f"{fside.capitalize()} {reflex.label} normal, but {phrase} should reduce it.",
                reflex.source, False)

    for fside, region_id, _, path in sorted(findings.pain_items):
        if fit.support_by.get(path):
            region = kb.regions[region_id]
            say(path, region_id, f"Pain in the {_side_words(fside)}{region.label}: in the "
                f"territory of {phrase} (pain supports, it does not localise).",
                region.source, True)
    for fside, test_id in sorted(findings.positive_tests):
        if fit.support_by.get(f"tests.{fside}.{test_id}"):
            test = kb.tests[test_id]
            say(f"tests.{fside}.{test_id}", test_id, f"{fside.capitalize()} {test.label} "
                f"positive: supports {phrase}, but does not localise on its own.",
                test.source, True)
    for cue_id in sorted(findings.cue_paths.keys() & profile.cues):
        cue, path = kb.cues[cue_id], findings.cue_paths[cue_id]
        where = "" if path.startswith("history.cues.") else f" ({_cue_record(path)})"
        say(path, cue_id, f"History of {cue.label}{where}: fits {phrase}.", cue.source, True)
    fit.evidence_for += pattern_for
    fit.evidence_against += pattern_against


def _side_words(side: str) -> str:
    return "" if side == MIDLINE else f"{side} "


def _cue_record(path: str) -> str:
    """Where a spinal-pain cue that was not ticked was found (findings.SPINAL_PAIN_CUES)."""
    return ("pain drawn on the body chart" if path.startswith("symptoms.")
            else "pain score recorded")
