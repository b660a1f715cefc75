"""A red-flag rule as loaded from `resources/tables/red_flag_rules.csv` (clinical.md 5.4).

A rule fires when every clause of its trigger holds. A clause names facts about the exam:
`red_flags.<id>` (the red flag was answered present), `derived.<name>(<args>)` (a fact the
rules compute from the findings, from an allow-list in `app.rules.red_flag_facts`), either of
them optionally qualified by the cauda equina time window: `recent.` (onset within the window,
unknown, or the course is worsening) or `established.` (onset known and older than the window,
course not worsening). Quantifiers: `any` (at least one fact holds), `all`, `none`, and
`score>=N` (the weights of the facts that hold add up to at least N).
"""

from __future__ import annotations

from dataclasses import dataclass

TIMINGS: tuple[str, ...] = ("recent", "established")
QUANTIFIERS: tuple[str, ...] = ("any", "all", "none", "score")
FACT_NAMESPACES: tuple[str, ...] = ("red_flags", "derived")


@dataclass(frozen=True)
class FactRef:
    namespace: str  # "red_flags" | "derived"
    name: str  # red flag ID or derived fact name
    args: tuple[str, ...] = ()
    timing: str | None = None  # None | "recent" | "established"
    weight: int = 1  # only meaningful in a score clause

    def __str__(self) -> str:
        text = f"{self.namespace}.{self.name}"
        if self.args:
            text += f"({','.join(self.args)})"
        if self.timing:
            text = f"{self.timing}.{text}"
        return text


@dataclass(frozen=True)
class TriggerClause:
    quantifier: str  # one of QUANTIFIERS
    facts: tuple[FactRef, ...]
    threshold: int = 1  # for "score": the total weight needed


@dataclass(frozen=True)
class RedFlagRule:
    id: str
    label: str  # short name for the referral sentence, e.g. "suspected cauda equina syndrome"
    trigger: tuple[TriggerClause, ...]
    urgency: str
    destination: str
    text: str  # sentence template; may use {findings} and {window_days}
    source: str
