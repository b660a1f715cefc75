"""How well one site, on given sides, fits the findings: the score of a hypothesis.

For a `Profile` and the sides it covers (`scope`; midline findings are always in scope):
- *explained* mass: the part of each abnormal finding the site accounts for (a weak muscle times
  its expected involvement, a sensory deficit times its zone factor, ...);
- *unexplained* mass: the rest of every abnormal finding in the exam, wherever it is;
- *against*: normal findings the site should have made abnormal (a normal muscle it should
  weaken is strong evidence against it), and UMN evidence against a lower motor neuron site;
- *support*: findings that may only support (pain in its territory, a positive neurodynamic
  or provocation test that stresses it, a history cue) and pattern rules (`patterns`).

score = (explained + support) / (explained + unexplained + against + support + breadth + 1),
which lies in 0..1, rewards explaining much, and punishes contradiction and what is left over.
With `explain=True` every contribution also becomes an `Evidence` (finding path, sentence,
rule ID `loc.<site>.<item>`, source keys) for the hypothesis shown to the clinician.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain.interpretation import Evidence
from app.domain.knowledge import KnowledgeBase
from app.rules.findings import CES_FLAG_MASS, Findings
from app.rules.profiles import Profile, ProfileIndex

NORMAL_MUSCLE_WEIGHT = 1.0
NORMAL_REFLEX_WEIGHT = 0.6
MIN_INVOLVEMENT_FOR_AGAINST = 0.5
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
    explained_by: dict[str, float] = field(default_factory=dict)  # finding path -> mass
    evidence_for: list[Evidence] = field(default_factory=list)
    evidence_against: list[Evidence] = field(default_factory=list)

    @property
    def score(self) -> float:
        total = (self.explained + self.unexplained + self.against + self.support
                 + self.breadth + SCORE_PRIOR)
        return (self.explained + self.support) / total

    def add_support(self, amount: float, evidence: Evidence | None) -> None:
        self.support += amount
        if evidence is not None:
            self.evidence_for.append(evidence)

    def add_against(self, amount: float, evidence: Evidence | None) -> None:
        self.against += amount
        if evidence is not None:
            self.evidence_against.append(evidence)


def site_phrase(label: str) -> str:
    """"Left L5 nerve root" -> "left L5 nerve root" for use inside a sentence."""
    first = label.split(" ", 1)[0]
    acronym = any(c.isupper() or c.isdigit() for c in first[1:])
    return label if acronym else label[:1].lower() + label[1:]


def rule_id(site_id: str, item: str) -> str:
    """`loc.l5.hip_abduction`, `loc.common_peroneal.ankle_inversion`, `loc.conus.achilles`."""
    prefix, _, name = site_id.partition(":")
    slug = name if prefix in ("root", "nerve") else site_id.replace(":", "_")
    return f"loc.{slug.lower()}.{item}"


def fit_site(profile: Profile, scope: frozenset[str], side: str, label: str,
             findings: Findings, kb: KnowledgeBase, index: ProfileIndex,
             explain: bool = False) -> Fit:
    """Score `profile` on the sides in `scope` against `findings` (module docstring)."""
    fit = Fit(site=profile.site, side=side, scope=scope, label=label, breadth=profile.breadth)
    phrase = site_phrase(label) if explain else ""
    rule = profile.site

    def in_scope(finding_side: str) -> bool:
        return finding_side in scope or finding_side == MIDLINE

    def abnormal(path: str, mass: float, share: float) -> None:
        explained = mass * share
        fit.explained += explained
        fit.unexplained += mass - explained
        if explained:
            fit.explained_by[path] = explained

    def say(path: str, share: float, what: str, fits: str, misses: str, item: str,
            source: str) -> None:
        target = fit.evidence_for if share > 0 else fit.evidence_against
        target.append(Evidence(path, f"{what}: {fits if share > 0 else misses} {phrase}.",
                               rule_id(rule, item), source))

    for (fside, muscle_id), mass in findings.weak.items():
        path = f"strength.{fside}.{muscle_id}"
        share = profile.muscles.get(muscle_id, 0.0) if in_scope(fside) else 0.0
        abnormal(path, mass, share)
        if explain:
            muscle = kb.muscles[muscle_id]
            say(path, share, _muscle_words(fside, muscle.movement, muscle.muscle,
                                           findings.values[path]),
                "expected with", "not explained by", muscle_id, muscle.source)

    for (fside, reflex_id), mass in findings.reduced.items():
        path = f"reflexes.{fside}.{reflex_id}"
        share = profile.reflexes.get(reflex_id, 0.0) if in_scope(fside) else 0.0
        abnormal(path, mass, share)
        if explain:
            reflex = kb.reflexes[reflex_id]
            say(path, share, f"{fside.capitalize()} {reflex.label} reduced "
                f"({findings.values[path]})", "expected with", "not explained by", reflex_id,
                reflex.source)

    for (fside, region_id), mass in findings.deficits.items():
        path = f"symptoms.{fside}.{region_id}"
        share = profile.regions.get(region_id, 0.0) if in_scope(fside) else 0.0
        abnormal(path, mass, share)
        if explain:
            region = kb.regions[region_id]
            zone = "core" if share >= 1.0 else "overlap"
            say(path, share, f"{findings.values[path].capitalize()} in the "
                f"{_side_words(fside)}{region.label}", f"{zone} territory of",
                "outside the territory of", region_id, region.source)

    _umn_evidence(fit, profile, findings, kb, phrase, in_scope, explain)

    for flag in sorted(findings.ces_flags):
        path = f"red_flags.{flag}"
        abnormal(path, CES_FLAG_MASS, profile.ces_flags)
        if explain:
            red_flag = kb.red_flags[flag]
            say(path, profile.ces_flags, red_flag.label, "a cauda equina or conus feature, fits",
                "not explained by", flag, red_flag.source)

    _normal_findings_against(fit, profile, findings, kb, phrase, in_scope, explain)
    _supporting_findings(fit, profile, findings, kb, phrase, in_scope, explain)
    return fit


def _umn_evidence(fit: Fit, profile: Profile, findings: Findings, kb: KnowledgeBase,
                  phrase: str, in_scope: Callable[[str], bool], explain: bool) -> None:
    """UMN signs and brisk reflexes: explained by cord/brain sites, against LMN sites."""
    for path, mass, limb, fside, item in findings.umn_items:
        if explain:
            value = findings.values[path]
            known = kb.umn_signs.get(item) or kb.reflexes[item]
            state = value if item in kb.umn_signs else f"brisk ({value})"
            what, source = f"{fside.capitalize()} {known.label} {state}", known.source
        share = profile.umn.get(limb, 0.0) if in_scope(fside) else 0.0
        explained = mass * share
        fit.explained += explained
        fit.unexplained += mass - explained
        if explained:
            fit.explained_by[path] = explained
            if explain:
                fit.evidence_for.append(Evidence(
                    path, f"{what}: an upper motor neuron sign, fits {phrase}.",
                    rule_id(profile.site, item), source))
        if profile.lower_motor_neuron:
            fit.add_against(mass * UMN_AGAINST_LMN, Evidence(
                path, f"{what}: an upper motor neuron sign, which {phrase} cannot explain "
                "(cord or brain).", "loc.umn.against_peripheral", source) if explain else None)
        elif not explained and explain:
            fit.evidence_against.append(Evidence(
                path, f"{what}: not explained by {phrase}.", rule_id(profile.site, item),
                source))


def _normal_findings_against(fit: Fit, profile: Profile, findings: Findings,
                             kb: KnowledgeBase, phrase: str, in_scope: Callable[[str], bool],
                             explain: bool) -> None:
    if not profile.normal_against:
        return
    for fside, muscle_id in (sorted if explain else iter)(findings.normal_muscles):
        share = profile.muscles.get(muscle_id, 0.0)
        if share >= MIN_INVOLVEMENT_FOR_AGAINST and in_scope(fside):
            amount = NORMAL_MUSCLE_WEIGHT * share * profile.normal_against
            evidence = None
            if explain:
                muscle = kb.muscles[muscle_id]
                what = _muscle_words(fside, muscle.movement, muscle.muscle, "5")
                evidence = Evidence(f"strength.{fside}.{muscle_id}",
                                    f"{what}, but {phrase} should affect it.",
                                    rule_id(profile.site, muscle_id), muscle.source)
            fit.add_against(amount, evidence)
    for fside, reflex_id in (sorted if explain else iter)(findings.normal_reflexes):
        share = profile.reflexes.get(reflex_id, 0.0)
        if share >= MIN_INVOLVEMENT_FOR_AGAINST and in_scope(fside):
            amount = NORMAL_REFLEX_WEIGHT * share * profile.normal_against
            evidence = None
            if explain:
                reflex = kb.reflexes[reflex_id]
                evidence = Evidence(f"reflexes.{fside}.{reflex_id}",
                                    f"{fside.capitalize()} {reflex.label} normal, but {phrase} "
                                    "should affect it.", rule_id(profile.site, reflex_id),
                                    reflex.source)
            fit.add_against(amount, evidence)


def _supporting_findings(fit: Fit, profile: Profile, findings: Findings, kb: KnowledgeBase,
                         phrase: str, in_scope: Callable[[str], bool],
                         explain: bool) -> None:
    order = sorted if explain else iter
    for fside, region_id in order(findings.pain):
        share = profile.regions.get(region_id, 0.0) if in_scope(fside) else 0.0
        if share:
            region = kb.regions[region_id]
            fit.add_support(PAIN_SUPPORT * share, Evidence(
                f"symptoms.{fside}.{region_id}",
                f"Pain in the {_side_words(fside)}{region.label}: in the territory of {phrase} "
                "(pain supports but does not localise).", rule_id(profile.site, region_id),
                region.source) if explain else None)
    for fside, test_id in order(findings.positive_tests):
        if test_id in profile.tests and in_scope(fside):
            test = kb.tests[test_id]
            fit.add_support(TEST_SUPPORT, Evidence(
                f"tests.{fside}.{test_id}",
                f"{fside.capitalize()} {test.label} positive: supports {phrase} (a sign of "
                "neural sensitivity, not of the level).", rule_id(profile.site, test_id),
                test.source) if explain else None)
    for cue_id in order(findings.cues & profile.cues):
        cue = kb.cues[cue_id]
        fit.add_support(CUE_SUPPORT, Evidence(
            f"history.cues.{cue_id}", f"History of {cue.label}: fits {phrase}.",
            rule_id(profile.site, cue_id), cue.source) if explain else None)


def _muscle_words(side: str, movement: str, muscle: str, grade: str) -> str:
    state = "normal" if grade == "5" else "weak"
    return f"{side.capitalize()} {movement}, {muscle}, {state} (MRC {grade})"


def _side_words(side: str) -> str:
    return "" if side == MIDLINE else f"{side} "
