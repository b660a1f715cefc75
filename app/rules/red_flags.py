"""Red flags: assessed before localisation and never suppressed by it.

Every rule of `kb.red_flag_rules` (resources/tables/red_flag_rules.csv, clinical.md 5.4) is
tried against the exam, in table order; each rule whose clauses all hold gives one
`RedFlagFinding` with the rule's urgency and destination, the exam paths that made it fire,
and its text with the findings (and their onset) filled in. Explicit negatives and unasked
flags never fire anything. Pure and fast: facts are evaluated once per call.
"""

from __future__ import annotations

from app.domain.exam import Exam
from app.domain.interpretation import RedFlagFinding
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase
from app.domain.red_flag_rule import FactRef, RedFlagRule, TriggerClause
from app.rules.red_flag_facts import FactContext, Reason, evaluate_fact


def assess_red_flags(exam: Exam, kb: KnowledgeBase, settings: JudgementSettings,
                     previous: Exam | None) -> tuple[RedFlagFinding, ...]:
    """The red-flag findings of `exam`, in rule-table order; `previous` is the patient's
    last exam (for weakness that progressed between exams), or None."""
    facts = _FactCache(FactContext(exam, kb, settings, previous))
    findings = []
    for rule in kb.red_flag_rules:
        reasons = _rule_reasons(rule, facts)
        if reasons is not None:
            findings.append(_finding(rule, reasons, settings))
    return tuple(findings)


class _FactCache:
    """Evaluates each fact at most once per assessment (several rules share facts)."""

    def __init__(self, ctx: FactContext):
        self._ctx = ctx
        self._known: dict[FactRef, tuple[Reason, ...]] = {}

    def __call__(self, fact: FactRef) -> tuple[Reason, ...]:
        known = self._known.get(fact)  # one hash of the frozen FactRef per lookup
        if known is None:
            known = self._known[fact] = evaluate_fact(fact, self._ctx)
        return known


def _rule_reasons(rule: RedFlagRule, facts: _FactCache) -> list[Reason] | None:
    """The reasons the rule fires for, or None when any clause fails."""
    reasons: list[Reason] = []
    for clause in rule.trigger:
        found = _clause_reasons(clause, facts)
        if found is None:
            return None
        reasons.extend(found)
    return reasons


def _clause_reasons(clause: TriggerClause, facts: _FactCache) -> list[Reason] | None:
    evaluated = ((fact, facts(fact)) for fact in clause.facts)
    held = [(fact, reasons) for fact, reasons in evaluated if reasons]
    if clause.quantifier == "none":
        return None if held else []
    if clause.quantifier == "all":
        holds = len(held) == len(clause.facts)
    elif clause.quantifier == "score":
        holds = sum(fact.weight for fact, _ in held) >= clause.threshold
    else:
        holds = bool(held)
    return [reason for _, reasons in held for reason in reasons] if holds else None


def _finding(rule: RedFlagRule, reasons: list[Reason],
             settings: JudgementSettings) -> RedFlagFinding:
    unique: dict[str, Reason] = {}
    for reason in reasons:
        unique.setdefault(reason.path, reason)
    findings = "; ".join(reason.phrase for reason in unique.values())
    text = rule.text.format(findings=findings, window_days=settings.ces_onset_window_days)
    return RedFlagFinding(id=rule.id, urgency=rule.urgency, because=tuple(unique),
                          text=text, source=rule.source, destination=rule.destination)

