"""What the switchable overlays show, read from the knowledge base (display data only).

- dermatomes: each region labelled with its core dermatomes (variable ones, in brackets,
  only where there is no core one; the tooltip has both);
- nerves: each region labelled with the abbreviation of its core cutaneous nerve;
- prediction: the regions a selected hypothesis predicts (`app.rules.territory`), per side.
Nothing here decides anything clinical: it restates the tables and the rules' own territory.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.interpretation import Hypothesis
from app.domain.knowledge import KnowledgeBase
from app.domain.vocabulary import LIMB_SIDES, ROOTS
from app.gui.body_map.items import OverlayPaint
from app.rules.territory import predicted_regions

# Light, mutually distinct tints; neighbouring roots get different ones.
_TINTS = ("#F6C8A8", "#BFE0F4", "#BFE8D8", "#F9F1A5", "#B4CDE8", "#F2C2DA", "#E0D3F2",
          "#D9E8B0")
_QUIET = "#E4E1DC"


def root_span(roots: frozenset[str]) -> str:
    """Roots in order, runs of neighbours shortened: {T3, T4, T5, L1} -> "T3-T5, L1"."""
    ordered = sorted(roots, key=ROOTS.index)
    runs: list[list[str]] = []
    for root in ordered:
        if runs and ROOTS.index(root) == ROOTS.index(runs[-1][-1]) + 1:
            runs[-1].append(root)
        else:
            runs.append([root])
    return ", ".join(run[0] if len(run) == 1 else
                     f"{run[0]}/{run[1]}" if len(run) == 2 else f"{run[0]}-{run[-1]}"
                     for run in runs)


def dermatome_overlay(kb: KnowledgeBase) -> dict[str, OverlayPaint]:
    """Core dermatomes, tinted by the first; regions with variable ones only in brackets."""
    result: dict[str, OverlayPaint] = {}
    for region in kb.regions.values():
        if region.dermatomes_core:
            first = min(region.dermatomes_core, key=ROOTS.index)
            result[region.id] = OverlayPaint(root_span(region.dermatomes_core),
                                             _TINTS[ROOTS.index(first) % len(_TINTS)])
        elif region.dermatomes_variable:
            result[region.id] = OverlayPaint(f"({root_span(region.dermatomes_variable)})",
                                             _QUIET)
    return result


def nerve_abbreviation(site_id: str) -> str:
    """`nerve:superficial_peroneal` -> "SP"."""
    return "".join(word[0].upper() for word in site_id.split(":", 1)[-1].split("_"))


def nerve_overlay(kb: KnowledgeBase) -> dict[str, OverlayPaint]:
    nerves = sorted({site for r in kb.regions.values() for site in r.nerves_core})
    tints = {site: _TINTS[index % len(_TINTS)] for index, site in enumerate(nerves)}
    result: dict[str, OverlayPaint] = {}
    for region in kb.regions.values():
        if region.nerves_core:
            core = sorted(region.nerves_core)
            label = "/".join(nerve_abbreviation(site) for site in core)
            result[region.id] = OverlayPaint(label, tints[core[0]])
    return result


def nerve_legend(kb: KnowledgeBase) -> str:
    """"SP superficial peroneal; ..." for every nerve the nerve overlay labels."""
    nerves = sorted({site for r in kb.regions.values() for site in r.nerves_core})
    return "; ".join(f"{nerve_abbreviation(site)} {site.split(':', 1)[-1].replace('_', ' ')}"
                     for site in nerves)


def prediction_overlay(hypothesis: Hypothesis | None,
                       kb: KnowledgeBase) -> Mapping[tuple[str, str], str]:
    """(side, region) -> "core" | "variable" for the selected hypothesis (empty if none)."""
    if hypothesis is None or hypothesis.site not in kb.sites:
        return {}
    regions = predicted_regions(hypothesis.site, kb)
    sides = (hypothesis.side,) if hypothesis.side in LIMB_SIDES else LIMB_SIDES
    result: dict[tuple[str, str], str] = {}
    for region_id, zone in regions.items():
        for side in sides:
            result[(side, region_id)] = zone
        if kb.regions[region_id].midline:
            result[("midline", region_id)] = zone
    return result
