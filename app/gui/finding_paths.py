"""Dotted finding paths of the interpretation format, read back into their parts and words.

A path names one exam entry: `strength.left.hip_abduction`, `reflexes.right.achilles`,
`tests.left.slr`, `symptoms.midline.saddle`, `red_flags.saddle_anaesthesia`,
`history.onset_date`. `parse_finding` splits it; `finding_label` words it for a person with the
knowledge base's labels, the side in words ("patient's left").
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.knowledge import KnowledgeBase

SIDED_SECTIONS = ("strength", "reflexes", "tests", "symptoms")


@dataclass(frozen=True)
class FindingPath:
    section: str  # strength | reflexes | tests | symptoms | red_flags | history | ...
    side: str | None
    item: str


def parse_finding(path: str) -> FindingPath:
    parts = path.split(".")
    if parts[0] in SIDED_SECTIONS and len(parts) >= 3:
        return FindingPath(parts[0], parts[1], ".".join(parts[2:]))
    return FindingPath(parts[0], None, ".".join(parts[1:]))


def finding_label(path: str, kb: KnowledgeBase) -> str:
    finding = parse_finding(path)
    item = _item_label(finding, kb)
    if finding.side is None:
        return item
    return f"{item}, patient's {finding.side}" if finding.side != "midline" else f"{item} (midline)"


def _item_label(finding: FindingPath, kb: KnowledgeBase) -> str:
    item = finding.item
    if finding.section == "strength" and item in kb.muscles:
        return f"{kb.muscles[item].movement} strength"
    if finding.section == "reflexes":
        if item in kb.reflexes:
            return f"{kb.reflexes[item].label} reflex"
        if item in kb.umn_signs:
            return kb.umn_signs[item].label
    if finding.section == "tests" and item in kb.tests:
        return kb.tests[item].label
    if finding.section == "symptoms" and item in kb.regions:
        return f"Symptoms, {kb.regions[item].label}"
    if finding.section == "red_flags" and item in kb.red_flags:
        return kb.red_flags[item].label
    return item.replace("_", " ").capitalize() if item else finding.section
