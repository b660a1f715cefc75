"""Site profiles: what each lesion site predicts, precomputed once per knowledge base.

A `Profile` says, for one site of `sites.csv`, how strongly a lesion there explains each kind of
finding: muscles and reflexes (0..1 involvement, from `territory`), skin regions (1.0 in a core
zone, 0.5 in a variable zone; clinical.md 2.1 and 8.1), upper motor neuron (UMN) evidence per
limb, and the cauda-equina red flags. It also says how much a *normal* finding that the site
should have made abnormal counts against it (`normal_against`), whether UMN evidence contradicts
it (`lower_motor_neuron`), and a small parsimony cost for lesions wider than one nerve or root
(`breadth`).

Peripheral sites (roots, nerves, plexus parts, cauda equina, conus) take their maps from the
tables. Cord, brain and polyneuropathy have no map in the tables; their profiles encode the
patterns of clinical.md 3.2, 4.1 and 4.7 (docs/localisation.md):
- cervical myelopathy explains arm UMN signs fully and leg UMN signs in part, any weakness or
  sensory change below the neck in part, and reduced arm reflexes at the level (inverted
  supinator); thoracic myelopathy explains leg UMN signs and a trunk sensory level, never arm
  signs; a brain lesion explains same-side arm and leg UMN signs (one side only);
- polyneuropathy explains distal (hand and foot) sensory loss and ankle-jerk loss.

`profile_index(kb)` builds the profiles once per knowledge base and caches them, so the GUI can
re-run localisation on every click.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from app.domain.exam import Exam, RedFlagAnswer, frozen_map
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase
from app.domain.vocabulary import LIMB_SIDES
from app.rules.red_flags import assess_red_flags
from app.rules.territory import predicted_muscles, predicted_reflexes, predicted_regions

ZONE_FACTOR = {"core": 1.0, "variable": 0.5}
# A normal muscle (reflex) that the site should affect (involvement at least this) counts
# against it: weight x involvement x the site's `normal_against`.
MIN_INVOLVEMENT_FOR_AGAINST = 0.5
NORMAL_MUSCLE_WEIGHT = 1.0
NORMAL_REFLEX_WEIGHT = 0.6
SADDLE_DERMATOMES = frozenset({"S3", "S4", "S5"})
PLEXUS_BREADTH = 1.0  # parsimony: a lesion of several roots and nerves is less likely
_PERIPHERAL_KINDS = ("root", "nerve", "plexus", "cauda_equina", "conus")
# Central patterns: how much of a finding a cord or brain lesion explains (docs/localisation.md).
_PYRAMIDAL_WEAKNESS = 0.6
_CENTRAL_SENSORY = 0.5
_CERVICAL_LEG_UMN = 0.7
_CERVICAL_ARM_REFLEX_LOSS = 0.5
_CONUS_LEG_UMN = 0.7  # conus lesions mix UMN and LMN signs (clinical.md 4.7)
_POLY_MUSCLE = 0.4
_POLY_REFLEX = 0.5
_POLY_ANKLE_REFLEX = 1.0


@dataclass(frozen=True)
class Profile:
    site: str
    kind: str
    limb: str
    muscles: Mapping[str, float]
    reflexes: Mapping[str, float]
    regions: Mapping[str, float]
    umn: Mapping[str, float]  # limb -> share of UMN evidence in that limb it explains
    ces_site: bool  # cauda equina or conus: where the CES red-flag answers point
    normal_against: float  # how much an expected-but-normal finding counts against
    lower_motor_neuron: bool  # UMN evidence contradicts it
    breadth: float  # parsimony cost of a lesion wider than one nerve or root
    tests: frozenset[str]  # tests that stress or provoke this site
    cues: frozenset[str]  # history cues that make this site more likely
    limb_muscles: frozenset[str]  # every muscle of the site's limb

    def __post_init__(self) -> None:
        # Derived once per knowledge base, so scoring a candidate does no set-up work.
        object.__setattr__(self, "reach", frozenset(
            (*self.muscles, *self.reflexes, *self.regions)))
        object.__setattr__(self, "normal_muscle_costs", _costs(
            self.muscles, NORMAL_MUSCLE_WEIGHT * self.normal_against))
        object.__setattr__(self, "normal_reflex_costs", _costs(
            self.reflexes, NORMAL_REFLEX_WEIGHT * self.normal_against))

    # Set in __post_init__: every muscle, reflex and region the site can explain; and for each
    # muscle (reflex) it should clearly affect, what a normal result costs it.
    reach: frozenset[str] = field(init=False)
    normal_muscle_costs: tuple[tuple[str, float], ...] = field(init=False)
    normal_reflex_costs: tuple[tuple[str, float], ...] = field(init=False)


def _costs(involvement: Mapping[str, float], weight: float) -> tuple[tuple[str, float], ...]:
    if not weight:
        return ()
    return tuple((item, weight * share) for item, share in sorted(involvement.items())
                 if share >= MIN_INVOLVEMENT_FOR_AGAINST)


@dataclass(frozen=True)
class Probe:
    """One examinable finding a site makes a prediction about (for `discriminators`)."""

    path: str  # strength.left.hip_abduction
    side: str
    kind: str  # strength | reflexes | umn
    item: str


@dataclass(frozen=True)
class ProfileIndex:
    profiles: Mapping[str, Profile]
    probes: Mapping[tuple[str, str], tuple[Probe, ...]]  # (site, side) -> its probes
    # (site, side) -> finding path -> expected involvement (muscle, reflex) or UMN share
    expected: Mapping[tuple[str, str], Mapping[str, float]]
    muscle_limb: Mapping[str, str]
    reflex_limb: Mapping[str, str]
    region_limb: Mapping[str, str]
    distal_regions: frozenset[str]
    localising_regions: frozenset[str]  # regions with a dermatome or nerve map
    saddle_regions: frozenset[str]  # regions whose core dermatomes are S3-S5 (saddle)
    # CES red-flag answers that open the cauda equina and conus hypotheses (`_ces_openers`)
    ces_openers: frozenset[str]


_CACHE: dict[int, tuple[KnowledgeBase, ProfileIndex]] = {}


def profile_index(kb: KnowledgeBase) -> ProfileIndex:
    """The profiles of `kb`, built on first use and then reused."""
    cached = _CACHE.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    index = _build(kb)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(kb)] = (kb, index)
    return index


def _build(kb: KnowledgeBase) -> ProfileIndex:
    muscle_limb = {m.id: m.limb for m in kb.muscles.values()}
    reflex_limb = {r.id: r.limb for r in kb.reflexes.values()}
    region_limb = {r.id: r.limb for r in kb.regions.values()}
    localising = frozenset(r.id for r in kb.regions.values()
                           if r.dermatomes_core or r.dermatomes_variable or r.nerves_core
                           or r.nerves_variable)
    distal = frozenset(r.id for r in kb.regions.values() if r.distal)
    tests_of: dict[str, set[str]] = {}
    for test in kb.tests.values():
        for site in test.sites:
            tests_of.setdefault(site, set()).add(test.id)
    cues_of: dict[str, set[str]] = {}
    for cue in kb.cues.values():
        for site in cue.supports:
            cues_of.setdefault(site, set()).add(cue.id)

    def limb_regions(limbs: tuple[str, ...], factor: float) -> dict[str, float]:
        return {r: factor for r in localising if region_limb[r] in limbs}

    def all_of(limb_of: Mapping[str, str], limbs: tuple[str, ...], factor: float
               ) -> dict[str, float]:
        return {item: factor for item, limb in limb_of.items() if limb in limbs}

    profiles: dict[str, Profile] = {}
    for site in kb.sites.values():
        common = {"site": site.id, "kind": site.kind, "limb": site.limb,
                  "limb_muscles": frozenset(m for m, limb in muscle_limb.items()
                                            if limb == site.limb),
                  "tests": frozenset(tests_of.get(site.id, ())),
                  "cues": frozenset(cues_of.get(site.id, ()))}
        if site.kind in _PERIPHERAL_KINDS:
            regions = {r: ZONE_FACTOR[z] for r, z in predicted_regions(site.id, kb).items()}
            sacral = site.kind in ("cauda_equina", "conus")
            profiles[site.id] = Profile(
                muscles=_frozen(predicted_muscles(site.id, kb)),
                reflexes=_frozen(predicted_reflexes(site.id, kb)), regions=_frozen(regions),
                umn=_frozen({"lower": _CONUS_LEG_UMN} if site.kind == "conus" else {}),
                ces_site=sacral,
                # Root and nerve lesions are focal: a spared expected muscle argues against
                # them. Plexus lesions are often partial; cauda and conus lesions patchy.
                normal_against={"root": 1.0, "nerve": 1.0, "plexus": 0.5}.get(site.kind, 0.0),
                lower_motor_neuron=site.kind != "conus",
                breadth=PLEXUS_BREADTH if site.kind == "plexus" else 0.0, **common)
        elif site.id == "myelopathy:cervical":
            profiles[site.id] = Profile(
                muscles=_frozen(all_of(muscle_limb, ("upper", "lower"), _PYRAMIDAL_WEAKNESS)),
                reflexes=_frozen(all_of(reflex_limb, ("upper",), _CERVICAL_ARM_REFLEX_LOSS)),
                regions=_frozen(limb_regions(("upper", "lower", "trunk"), _CENTRAL_SENSORY)),
                umn=_frozen({"upper": 1.0, "lower": _CERVICAL_LEG_UMN}), ces_site=False,
                normal_against=0.0, lower_motor_neuron=False, breadth=0.5, **common)
        elif site.id == "myelopathy:thoracic":
            regions = limb_regions(("lower",), _CENTRAL_SENSORY)
            regions.update(limb_regions(("trunk",), 1.0))
            profiles[site.id] = Profile(
                muscles=_frozen(all_of(muscle_limb, ("lower",), _PYRAMIDAL_WEAKNESS)),
                reflexes=_frozen({}), regions=_frozen(regions),
                umn=_frozen({"lower": 1.0}), ces_site=False, normal_against=0.0,
                lower_motor_neuron=False, breadth=0.5, **common)
        elif site.kind == "central":
            profiles[site.id] = Profile(
                muscles=_frozen(all_of(muscle_limb, ("upper", "lower"), _PYRAMIDAL_WEAKNESS)),
                reflexes=_frozen({}),
                regions=_frozen(limb_regions(("upper", "lower"), _CENTRAL_SENSORY)),
                umn=_frozen({"upper": 1.0, "lower": 1.0}), ces_site=False, normal_against=0.0,
                lower_motor_neuron=False, breadth=1.0, **common)
        elif site.kind == "polyneuropathy":
            reflexes = {r.id: (_POLY_ANKLE_REFLEX if r.age_dependent else _POLY_REFLEX)
                        for r in kb.reflexes.values()}
            profiles[site.id] = Profile(
                muscles=_frozen(all_of(muscle_limb, ("upper", "lower"), _POLY_MUSCLE)),
                reflexes=_frozen(reflexes), regions=_frozen(dict.fromkeys(distal, 1.0)),
                umn=_frozen({}), ces_site=False, normal_against=0.0, lower_motor_neuron=True,
                breadth=0.5, **common)
    probes, expected = _probes(profiles, kb)
    return ProfileIndex(
        profiles=_frozen(profiles), probes=_frozen(probes),
        expected=_frozen({key: _frozen(values) for key, values in expected.items()}),
        muscle_limb=_frozen(muscle_limb),
        reflex_limb=_frozen(reflex_limb), region_limb=_frozen(region_limb),
        distal_regions=distal, localising_regions=localising,
        ces_openers=_ces_openers(kb),
        saddle_regions=frozenset(r.id for r in kb.regions.values()
                                 if r.dermatomes_core & SADDLE_DERMATOMES))


def _ces_openers(kb: KnowledgeBase) -> frozenset[str]:
    """The cauda-equina red-flag answers that, alone, make the red-flag rules fire (GIRFT: new
    sexual dysfunction alone is unlikely to be CES, so it opens nothing). Read from the rule
    table, so the two can never disagree: whenever a red-flag answer opens the cauda equina
    and conus hypotheses, a cauda equina rule has fired and set the urgency."""
    day = date(2000, 1, 1)
    return frozenset(
        flag.id for flag in kb.red_flags.values() if flag.group == "cauda_equina"
        and assess_red_flags(Exam(exam_date=day, red_flags=frozen_map(
            {flag.id: RedFlagAnswer(present=True)})), kb, JudgementSettings(), None))


def _probes(profiles: Mapping[str, Profile], kb: KnowledgeBase
            ) -> tuple[dict[tuple[str, str], tuple[Probe, ...]],
                       dict[tuple[str, str], dict[str, float]]]:
    """Per site and side: the examinable findings it predicts, and what it predicts for each."""
    probes: dict[tuple[str, str], tuple[Probe, ...]] = {}
    expected: dict[tuple[str, str], dict[str, float]] = {}
    for profile in profiles.values():
        for side in LIMB_SIDES:
            found = [(Probe(f"strength.{side}.{m}", side, "strength", m), e)
                     for m, e in profile.muscles.items()]
            found += [(Probe(f"reflexes.{side}.{r}", side, "reflexes", r), e)
                      for r, e in profile.reflexes.items()]
            found += [(Probe(f"reflexes.{side}.{u.id}", side, "umn", u.id), profile.umn[u.limb])
                      for u in kb.umn_signs.values() if u.limb in profile.umn]
            probes[(profile.site, side)] = tuple(probe for probe, _ in found)
            expected[(profile.site, side)] = {probe.path: e for probe, e in found}
    return probes, expected


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))
