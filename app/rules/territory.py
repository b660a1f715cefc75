"""What a lesion site supplies: its nerve subtree, and the skin regions it should affect.

Shared by the localisation rules and by the body-map overlay of a selected hypothesis, so the
two can never disagree about a site's territory.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.knowledge import KnowledgeBase


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

    Roots and plexus parts predict by dermatome; nerves by cutaneous territory, including
    the branches below the lesion. Sites with no cutaneous map (cord, polyneuropathy, ...)
    predict nothing here.
    """
    site = kb.sites[site_id]
    result: dict[str, str] = {}
    if site.kind in ("root", "plexus"):
        roots = site_roots(site_id, kb)
        for region in kb.regions.values():
            if region.dermatomes_core & roots:
                result[region.id] = "core"
            elif region.dermatomes_variable & roots:
                result[region.id] = "variable"
    elif site.kind == "nerve":
        below = nerve_subtree(site_id, kb)
        for region in kb.regions.values():
            if region.nerves_core & below:
                result[region.id] = "core"
            elif region.nerves_variable & below:
                result[region.id] = "variable"
    return result
