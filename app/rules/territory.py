"""What a lesion site supplies: its nerve subtree, muscles, reflexes and skin regions.

Shared by the localisation rules and by the body-map overlay of a selected hypothesis, so the
two can never disagree about a site's territory.

Involvement is a number in 0..1: how clearly a lesion at the site should weaken a muscle or
reduce a reflex. A nerve (or nerve segment) involves fully everything supplied at or below it.
A root involves a muscle by its share of supply, `min(1, share / ROOT_SHARE_FOR_FULL)` (a root
supplying half a muscle or more weakens it clearly; the shares are a documented judgement,
resources/tables/README.md). A plexus part, the cauda equina and the conus involve a muscle by
the summed shares of the roots they carry, but never a branch that leaves at root level
(dorsal scapular, long thoracic), which a plexus lesion spares.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from app.domain.knowledge import KnowledgeBase, Region

ROOT_SHARE_FOR_FULL = 0.5
# Kinds whose reach is given by the roots they carry (dermatomes, root shares).
_ROOT_CARRIERS = ("root", "plexus", "cauda_equina", "conus")


def nerve_subtree(site_id: str, kb: KnowledgeBase) -> frozenset[str]:
    """`site_id` and every site below it on the nerve tree (distal branches)."""
    children: dict[str, list[str]] = {}
    for site in kb.sites.values():
        if site.parent:
            children.setdefault(site.parent, []).append(site.id)
    found = {site_id}
    stack = [site_id]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    return frozenset(found)


def site_roots(site_id: str, kb: KnowledgeBase) -> frozenset[str]:
    """The roots a site carries: itself for `root:X`, its `roots` column otherwise."""
    site = kb.sites[site_id]
    if site.kind == "root":
        return frozenset({site_id.removeprefix("root:")})
    return site.roots


def predicted_regions(site_id: str, kb: KnowledgeBase) -> Mapping[str, str]:
    """Region ID -> "core" or "variable" for the skin a lesion at `site_id` should affect.

    Roots, plexus parts, cauda equina and conus predict by dermatome; nerves by cutaneous
    territory, including the branches below the lesion. Sites with no cutaneous map (cord,
    polyneuropathy, ...) predict nothing here.
    """
    site = kb.sites[site_id]
    if site.kind in _ROOT_CARRIERS:
        roots = site_roots(site_id, kb)
        return _zones(kb, lambda r: (r.dermatomes_core & roots, r.dermatomes_variable & roots))
    if site.kind == "nerve":
        below = nerve_subtree(site_id, kb)
        return _zones(kb, lambda r: (r.nerves_core & below, r.nerves_variable & below))
    return {}


def _zones(kb: KnowledgeBase,
           overlap: Callable[[Region], tuple[frozenset[str], frozenset[str]]]) -> dict[str, str]:
    """Region ID -> "core" where the core overlap is non-empty, else "variable" where the
    variable overlap is."""
    result: dict[str, str] = {}
    for region in kb.regions.values():
        core, variable = overlap(region)
        if core:
            result[region.id] = "core"
        elif variable:
            result[region.id] = "variable"
    return result


def predicted_muscles(site_id: str, kb: KnowledgeBase) -> Mapping[str, float]:
    """Muscle ID -> expected involvement (0..1] for a lesion at `site_id` (module docstring).

    Sites without a root or nerve map (cord, brain, polyneuropathy) predict nothing here.
    """
    return _involvement(site_id, kb, {m.id: (m.nerve, m.roots, m.limb)
                                      for m in kb.muscles.values()})


def predicted_reflexes(site_id: str, kb: KnowledgeBase) -> Mapping[str, float]:
    """Reflex ID -> expected involvement (0..1] for a lesion at `site_id`."""
    return _involvement(site_id, kb, {r.id: (r.nerve, r.roots, r.limb)
                                      for r in kb.reflexes.values()})


def _involvement(site_id: str, kb: KnowledgeBase,
                 supply: Mapping[str, tuple[str, Mapping[str, float], str]]
                 ) -> Mapping[str, float]:
    site = kb.sites[site_id]
    result: dict[str, float] = {}
    if site.kind == "nerve":
        below = nerve_subtree(site_id, kb)
        return {item: 1.0 for item, (nerve, _, _) in supply.items() if nerve in below}
    if site.kind not in _ROOT_CARRIERS:
        return result
    roots = site_roots(site_id, kb)
    for item, (nerve, shares, limb) in supply.items():
        if site.kind != "root" and (limb != site.limb or _leaves_at_root_level(nerve, kb)):
            continue
        share = sum(shares.get(root, 0.0) for root in roots)
        if share > 0:
            result[item] = min(1.0, share / ROOT_SHARE_FOR_FULL)
    return result


def _leaves_at_root_level(site_id: str, kb: KnowledgeBase) -> bool:
    """True when a nerve branches off a root directly (a root is among its ancestors)."""
    parent = kb.sites[site_id].parent
    while parent is not None:
        if kb.sites[parent].kind == "root":
            return True
        parent = kb.sites[parent].parent
    return False
