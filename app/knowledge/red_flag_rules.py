"""Reads `red_flag_rules.csv`: the red flag -> urgency -> destination table (clinical.md 5.4).

Columns: `id,label,trigger,urgency,destination,text,source`. The trigger is a small
allow-listed expression (its meaning: `app.domain.red_flag_rule`):

    trigger := clause (";" clause)*
    clause  := ("any" | "all" | "none" | "score>=" N) ":" term ("|" term)*
    term    := [("recent" | "established") "."] fact ["*" weight]
    fact    := "red_flags." RED_FLAG_ID | "derived." NAME ["(" arg ("," arg)* ")"]

Strict, like the other tables: an unknown red flag, derived fact or argument, a weight
outside a score clause, an unknown urgency or destination, a text placeholder other than
{findings} and {window_days}, or a missing source key is a `KnowledgeError` naming the line
and column. Two structural checks keep the rules safe: every rule needs a clause that can
make it fire (`none` alone would fire on an empty exam), and `none` may only name derived
facts that red-flag answers cannot change, so marking a red flag present never turns a rule
off (urgency is monotone in the red flags).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Collection

from app.domain import vocabulary as v
from app.domain.red_flag_rule import FACT_NAMESPACES, TIMINGS, FactRef, RedFlagRule, TriggerClause
from app.knowledge.csv_table import Row, Table
from app.rules.red_flag_facts import DERIVED_FACTS, argument_problem

COLUMNS = ("id", "label", "trigger", "urgency", "destination", "text", "source")
PLACEHOLDERS = frozenset({"findings", "window_days"})

_TERM = re.compile(r"^(?:(?P<timing>[a-z_]+)\.)?(?P<namespace>[a-z_]+)\.(?P<name>[a-z0-9_]+)"
                   r"(?:\((?P<args>[^()]*)\))?(?:\*(?P<weight>\d+))?$")
_SCORE = re.compile(r"^score>=(\d+)$")


class TriggerError(ValueError):
    """A trigger expression is malformed; the message says what is wrong."""


def load_red_flag_rules(table: Table, *, red_flags: Collection[str], muscles: Collection[str],
                        regions: Collection[str],
                        cite: Callable[[Row], str]) -> tuple[RedFlagRule, ...]:
    """Every row of `table` as a checked `RedFlagRule`, in table order."""
    rules = []
    for row in table:
        try:
            trigger = parse_trigger(row.text("trigger"), red_flags, muscles, regions)
        except TriggerError as err:
            raise row.fail("trigger", str(err)) from None
        text = row.text("text")
        try:
            unknown = _placeholders(text) - PLACEHOLDERS
        except TriggerError as err:
            raise row.fail("text", str(err)) from None
        if unknown:
            raise row.fail("text", f"uses unknown placeholders {sorted(unknown)}; allowed: "
                                   f"{sorted(PLACEHOLDERS)}")
        rules.append(RedFlagRule(
            id=row.text("id"), label=row.text("label"), trigger=trigger,
            urgency=row.choice("urgency", v.URGENCIES),
            destination=row.choice("destination", v.DESTINATIONS), text=text,
            source=cite(row)))
    return tuple(rules)


def parse_trigger(text: str, red_flags: Collection[str], muscles: Collection[str],
                  regions: Collection[str]) -> tuple[TriggerClause, ...]:
    """Parse and check one trigger expression (grammar in the module docstring)."""
    clauses = tuple(_clause(part.strip(), red_flags, muscles, regions)
                    for part in text.split(";"))
    if all(clause.quantifier == "none" for clause in clauses):
        raise TriggerError("needs an any, all or score clause; 'none' alone fires on nothing")
    return clauses


def _clause(text: str, red_flags: Collection[str], muscles: Collection[str],
            regions: Collection[str]) -> TriggerClause:
    head, colon, body = text.partition(":")
    if not colon or not body.strip():
        raise TriggerError(f"clause {text!r} is not 'quantifier:fact|fact'")
    score = _SCORE.match(head)
    if head not in ("any", "all", "none") and not score:
        raise TriggerError(f"quantifier {head!r} is not any, all, none or score>=N")
    quantifier = "score" if score else head
    facts = tuple(_term(part.strip(), red_flags, muscles, regions)
                  for part in body.split("|"))
    for fact in facts:
        if fact.weight != 1 and quantifier != "score":
            raise TriggerError(f"{fact} has a weight outside a score>=N clause")
        if quantifier == "none" and (fact.namespace == "red_flags" or fact.timing
                                     or DERIVED_FACTS[fact.name].reads_red_flags):
            raise TriggerError(f"'none' may not name {fact}: marking a red flag present must "
                               "never switch a rule off")
    threshold = int(score.group(1)) if score else 1
    if score and threshold < 1:
        raise TriggerError("score>=N needs N of at least 1")
    return TriggerClause(quantifier, facts, threshold)


def _term(text: str, red_flags: Collection[str], muscles: Collection[str],
          regions: Collection[str]) -> FactRef:
    match = _TERM.match(text)
    if not match:
        raise TriggerError(f"{text!r} is not [recent.|established.]namespace.name[(args)][*weight]")
    timing, namespace, name = match["timing"], match["namespace"], match["name"]
    if timing is not None and timing not in TIMINGS:
        raise TriggerError(f"{text!r}: time qualifier {timing!r} is not one of {TIMINGS}")
    if namespace not in FACT_NAMESPACES:
        raise TriggerError(f"{text!r}: {namespace!r} is not one of {FACT_NAMESPACES}")
    args = tuple(a.strip() for a in match["args"].split(",")) if match["args"] else ()
    if namespace == "red_flags":
        if name not in red_flags:
            raise TriggerError(f"red_flags.{name} is not a red flag in red_flags.csv")
        if match["args"] is not None:
            raise TriggerError(f"red_flags.{name} takes no arguments")
    else:
        problem = argument_problem(name, args, muscles, regions)
        if problem:
            raise TriggerError(problem)
    weight = int(match["weight"]) if match["weight"] else 1
    if weight < 1:
        raise TriggerError(f"{text!r}: weight must be at least 1")
    return FactRef(namespace, name, args, timing, weight)


def _placeholders(text: str) -> set[str]:
    try:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError as err:
        raise TriggerError(f"text is not a valid template: {err}") from None
