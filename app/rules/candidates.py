"""Which sites, on which sides, are worth scoring for an exam (the hypothesis space).

- roots, nerves and plexus parts: each side on which they could explain at least one abnormal
  finding (a weak muscle, reduced reflex or sensory deficit in their territory);
- cauda equina and conus (bilateral): only with a saddle deficit or a cauda-equina red-flag
  answer that the red-flag rules act on alone (`ProfileIndex.ces_openers`); the answers open
  the hypotheses but never score them;
- polyneuropathy (bilateral): only with distal (hand or foot) sensory deficits on both sides;
- cervical and thoracic myelopathy: with any UMN evidence (a definite sign or a grade-4
  reflex); bilateral when the evidence is on both sides, else that side;
- a brain lesion: with UMN evidence on one side only, on that side.
Sided sites that explain findings on both sides also get a bilateral hypothesis
(`bilateral_variants`), so a symmetric exam has a symmetric answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.vocabulary import LIMB_SIDES
from app.rules.findings import Findings
from app.rules.fit import MIDLINE, Fit
from app.rules.profiles import Profile, ProfileIndex

BOTH = frozenset(LIMB_SIDES)
SIDED_KINDS = ("root", "nerve", "plexus")
_SACRAL_KINDS = ("cauda_equina", "conus")
_UMN_REFLEX_MASS = 1.0  # a brisk reflex this heavy (grade 4) is UMN evidence on its own


@dataclass(frozen=True)
class Candidate:
    profile: Profile
    scope: frozenset[str]
    side: str  # as reported: left | right | bilateral


def candidates(findings: Findings, index: ProfileIndex) -> list[Candidate]:
    """Every candidate for `findings` (module docstring)."""
    midline = _abnormal_items(findings, MIDLINE)
    by_side = {side: _abnormal_items(findings, side) | midline for side in LIMB_SIDES}
    umn_sides = _umn_sides(findings)
    saddle = any(region in index.saddle_regions for _, region in findings.deficits)
    distal_sides = {side for side, region in findings.deficits if region in index.distal_regions}
    result: list[Candidate] = []
    for profile in index.profiles.values():
        if profile.kind in SIDED_KINDS:
            for side in LIMB_SIDES:
                if not profile.reach.isdisjoint(by_side[side]):
                    result.append(Candidate(profile, frozenset({side}), side))
        elif profile.kind in _SACRAL_KINDS:
            if findings.ces_flags & index.ces_openers or saddle:
                result.append(Candidate(profile, BOTH, "bilateral"))
        elif profile.kind == "polyneuropathy":
            if distal_sides >= BOTH:
                result.append(Candidate(profile, BOTH, "bilateral"))
        elif profile.kind == "myelopathy":
            if umn_sides:
                result.append(Candidate(profile, BOTH, _side_of(umn_sides)))
        elif profile.kind == "central" and len(umn_sides) == 1:
            result.append(Candidate(profile, frozenset(umn_sides), _side_of(umn_sides)))
    return result


def bilateral_variants(fits: Iterable[Fit], index: ProfileIndex) -> list[Candidate]:
    """Roots, nerves and plexus parts that explain findings on the left and on the right: one
    bilateral candidate each (e.g. bilateral L5 roots, bilateral peroneal palsies)."""
    sides: dict[str, set[str]] = {}
    for fit in fits:
        if fit.explained and index.profiles[fit.site].kind in SIDED_KINDS \
                and fit.side in LIMB_SIDES:
            sides.setdefault(fit.site, set()).add(fit.side)
    return [Candidate(index.profiles[site], BOTH, "bilateral")
            for site, found in sorted(sides.items()) if found >= BOTH]


def _abnormal_items(findings: Findings, side: str) -> set[str]:
    return ({m for s, m in findings.weak if s == side}
            | {r for s, r in findings.reduced if s == side}
            | {r for s, r in findings.deficits if s == side})


def _umn_sides(findings: Findings) -> set[str]:
    """Sides with a definite UMN sign or a clearly pathological reflex (grade 4, with clonus);
    grade 3 is the upper half of normal (Hallett 1993) and opens no cord hypothesis alone."""
    sides = {side for side, _ in findings.umn_signs}
    sides |= {side for (side, _), mass in findings.brisk.items() if mass >= _UMN_REFLEX_MASS}
    return sides


def _side_of(sides: set[str]) -> str:
    return "bilateral" if len(sides) > 1 else next(iter(sides))
