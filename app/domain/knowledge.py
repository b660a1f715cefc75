"""Clinical knowledge as frozen value objects, as loaded from `resources/tables/*.csv`.

The loader (`app.knowledge`) builds these and refuses anything inconsistent; the rules read
them and never hard-code a clinical fact. Every item carries `source`: one or more keys of
`sources.csv` (separated by `;`), so each conclusion can cite where its fact came from.

Sites form a tree for peripheral nerves (`parent`): a lesion at a site affects every muscle,
reflex and skin region served by that site or by any site below it, which is how "only muscles
distal to the lesion" is computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.catalogue import Catalogue
from app.domain.red_flag_rule import RedFlagRule


@dataclass(frozen=True)
class Source:
    key: str
    citation: str
    evidence: str  # V, K, L or S (clinical.md section 0)


@dataclass(frozen=True)
class Muscle:
    id: str  # strength ID of the exam format, e.g. "ankle_inversion"
    movement: str
    muscle: str
    limb: str  # "upper" | "lower"
    roots: Mapping[str, float]  # root ("L5") -> share of supply, summing to 1
    nerve: str  # the most distal site whose lesion still weakens it, e.g. "nerve:tibial"
    peripheral_nerve: str  # the nerve as a clinician names it, e.g. "deep peroneal (fibular)"
    source: str


@dataclass(frozen=True)
class Region:
    id: str
    label: str
    limb: str  # "upper" | "lower" | "trunk"
    midline: bool
    dermatomes_core: frozenset[str]
    dermatomes_variable: frozenset[str]
    nerves_core: frozenset[str]  # autonomous or main territory: site IDs
    nerves_variable: frozenset[str]
    source: str
    distal: bool = False  # hand or foot: where a length-dependent polyneuropathy starts


@dataclass(frozen=True)
class Reflex:
    id: str
    label: str
    limb: str
    roots: Mapping[str, float]
    nerve: str  # the most distal site whose lesion reduces it
    age_dependent: bool  # may be absent bilaterally in healthy older people
    source: str


@dataclass(frozen=True)
class UmnSign:
    id: str
    label: str
    limb: str
    values: tuple[str, ...]  # every value the exam may record
    abnormal: frozenset[str]  # values that count as an upper motor neuron sign
    source: str


@dataclass(frozen=True)
class NeuroTest:
    id: str
    label: str
    limb: str
    takes_angle: bool
    sites: frozenset[str]  # sites it stresses or provokes (roots, nerves)
    source: str


@dataclass(frozen=True)
class RedFlag:
    id: str
    label: str
    group: str  # "cauda_equina" | "neurological" | "serious_pathology"
    question: str
    source: str


@dataclass(frozen=True)
class Cue:
    id: str
    label: str
    supports: frozenset[str]  # site IDs this history cue makes more likely
    source: str


@dataclass(frozen=True)
class Site:
    id: str  # "root:L5", "nerve:common_peroneal", "plexus:lumbosacral", "cauda_equina", ...
    kind: str  # root | nerve | plexus | cauda_equina | conus | myelopathy | central | ...
    label: str
    limb: str  # "upper" | "lower" | "both"
    parent: str | None  # for nerve segments: the next site up the nerve
    roots: frozenset[str]  # roots whose fibres pass through (plexus, trunks)
    destination: str  # default referral when this site leads and no red flag fires
    urgency: str
    source: str


@dataclass(frozen=True)
class KnowledgeBase:
    sources: Mapping[str, Source]
    muscles: Mapping[str, Muscle]
    regions: Mapping[str, Region]
    reflexes: Mapping[str, Reflex]
    umn_signs: Mapping[str, UmnSign]
    tests: Mapping[str, NeuroTest]
    red_flags: Mapping[str, RedFlag]
    cues: Mapping[str, Cue]
    sites: Mapping[str, Site]
    # Red-flag rules, as loaded from red_flag_rules.csv, in table order.
    red_flag_rules: tuple[RedFlagRule, ...] = ()
    table_versions: Mapping[str, str] | None = None  # table file -> version line, for Help

    def catalogue(self) -> Catalogue:
        """The IDs an exam file may use."""
        return Catalogue(
            regions=frozenset(self.regions),
            midline_regions=frozenset(r.id for r in self.regions.values() if r.midline),
            muscles=frozenset(self.muscles),
            reflexes=frozenset(self.reflexes),
            umn_signs={s.id: s.values for s in self.umn_signs.values()},
            tests=frozenset(self.tests),
            angle_tests=frozenset(t.id for t in self.tests.values() if t.takes_angle),
            red_flags=frozenset(self.red_flags),
            cues=frozenset(self.cues),
        )
