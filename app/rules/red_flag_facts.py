"""The facts a red-flag rule may name, and how each is read from an exam.

A fact evaluates to the `Reason`s that make it true (empty: the fact does not hold). Each
reason carries the dotted exam path, a phrase for the clinician and, for the time rules, the
onset of that finding. `red_flags.<id>` holds when the flag was answered present (an explicit
`present: false` and an unasked flag both give nothing). `derived.<name>` facts are computed
from the findings; `DERIVED_FACTS` is the allow-list the table loader checks names and
arguments against. Clinical lists (which muscles, which region, which age) are arguments in
the rule table, not constants here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date

from app.domain.exam import Exam
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase
from app.domain.red_flag_rule import FactRef
from app.domain.vocabulary import LIMB_SIDES, SYMPTOM_KINDS
from app.rules.motor_grades import grade_losses, is_severe, is_weak
from app.rules.onset import days_before_exam, is_recent, is_worsening, onset_phrase


@dataclass(frozen=True)
class Reason:
    path: str  # dotted exam path, e.g. "strength.left.ankle_dorsiflexion"
    phrase: str  # e.g. "left ankle dorsiflexion MRC 2"
    onset: date | None = None


@dataclass(frozen=True)
class FactContext:
    exam: Exam
    kb: KnowledgeBase
    settings: JudgementSettings
    previous: Exam | None


Compute = Callable[[FactContext, tuple[str, ...]], tuple[Reason, ...]]

# Argument shapes of derived facts, checked by the table loader.
NO_ARGS, MUSCLES, REGION_AND_KINDS, KINDS, NUMBER = (
    "none", "muscles", "region_and_kinds", "kinds", "number")


@dataclass(frozen=True)
class DerivedFact:
    compute: Compute
    args: str  # one of the argument shapes above
    reads_red_flags: bool  # True if red-flag answers can make it hold (not allowed under "none")


# --- reading single findings ----------------------------------------------------------------

def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _muscle_name(ctx: FactContext, muscle: str) -> str:
    found = ctx.kb.muscles.get(muscle)
    return _lower_first(found.movement) if found else muscle.replace("_", " ")


def _region_name(ctx: FactContext, side: str, region: str) -> str:
    found = ctx.kb.regions.get(region)
    name = _lower_first(found.label) if found else region.replace("_", " ")
    return name if side == "midline" else f"{side} {name}"


def _history_onset(ctx: FactContext) -> date | None:
    return ctx.exam.history.onset_date


def _severe_muscles(ctx: FactContext, muscles: Collection[str] | None = None) -> list[Reason]:
    threshold = ctx.settings.severe_weakness_mrc
    return [Reason(f"strength.{side}.{muscle}",
                   f"{side} {_muscle_name(ctx, muscle)} MRC {grade}", _history_onset(ctx))
            for (side, muscle), grade in ctx.exam.strength.items()
            if (muscles is None or muscle in muscles) and is_severe(grade, threshold)]


def _umn_signs(ctx: FactContext) -> list[Reason]:
    signs = []
    for (side, sign_id), value in ctx.exam.reflexes.items():
        sign = ctx.kb.umn_signs.get(sign_id)
        if sign is not None and value in sign.abnormal:
            signs.append(Reason(f"reflexes.{side}.{sign_id}",
                                f"{side} {_lower_first(sign.label)} {value}", _history_onset(ctx)))
    return signs


def red_flag_reasons(ctx: FactContext, flag_id: str) -> tuple[Reason, ...]:
    """The flag answered present, with its own onset (else the history onset)."""
    answer = ctx.exam.red_flags.get(flag_id)
    if answer is None or not answer.present:
        return ()
    flag = ctx.kb.red_flags.get(flag_id)
    label = _lower_first(flag.label) if flag else flag_id.replace("_", " ")
    return (Reason(f"red_flags.{flag_id}", label, answer.onset_date or _history_onset(ctx)),)


# --- derived facts ----------------------------------------------------------------------------

def _severe_weakness(ctx: FactContext, muscles: tuple[str, ...]) -> tuple[Reason, ...]:
    return tuple(_severe_muscles(ctx, muscles))


def _severe_weakness_both_legs(ctx: FactContext, muscles: tuple[str, ...]) -> tuple[Reason, ...]:
    """At least one listed muscle at or below the severe grade on each side."""
    weak = _severe_muscles(ctx, muscles)
    sides = {reason.path.split(".")[1] for reason in weak}
    return tuple(weak) if sides >= set(LIMB_SIDES) else ()


def _new_severe_motor_deficit(ctx: FactContext, _: tuple[str, ...]) -> tuple[Reason, ...]:
    """Any muscle at or below the severe grade, new by `new_deficit_window_days`."""
    if not is_recent(ctx.exam, _history_onset(ctx), ctx.settings.new_deficit_window_days):
        return ()
    when = onset_phrase(ctx.exam, _history_onset(ctx))
    return tuple(Reason(r.path, f"{r.phrase} ({when})", r.onset) for r in _severe_muscles(ctx))


def _progressive_weakness_since_last_exam(ctx: FactContext,
                                          _: tuple[str, ...]) -> tuple[Reason, ...]:
    previous = ctx.previous
    if previous is None:
        return ()
    then, now = previous.exam_date.isoformat(), ctx.exam.exam_date.isoformat()
    return tuple(
        Reason(f"strength.{loss.side}.{loss.muscle}",
               f"{loss.side} {_muscle_name(ctx, loss.muscle)} MRC {loss.before} on {then}, "
               f"now {loss.now} on {now}", _history_onset(ctx))
        for loss in grade_losses(ctx.exam, previous))


def _any_umn_sign(ctx: FactContext, _: tuple[str, ...]) -> tuple[Reason, ...]:
    return tuple(_umn_signs(ctx))


def _definite_umn_sign(ctx: FactContext, _: tuple[str, ...]) -> tuple[Reason, ...]:
    """UMN evidence enough to escalate: one sign when `single_umn_sign_is_urgent`, otherwise
    two signs, or one sign with a gait disturbance (clinical.md 8.13)."""
    signs = _umn_signs(ctx)
    if not signs:
        return ()
    if ctx.settings.single_umn_sign_is_urgent or len(signs) >= 2:
        return tuple(signs)
    gait = red_flag_reasons(ctx, "gait_disturbance")
    return (*signs, *gait) if gait else ()


def _isolated_umn_sign(ctx: FactContext, args: tuple[str, ...]) -> tuple[Reason, ...]:
    """A UMN sign that does not reach the escalation threshold of `_definite_umn_sign`."""
    return () if _definite_umn_sign(ctx, args) else tuple(_umn_signs(ctx))


def _rapid_progression(ctx: FactContext, args: tuple[str, ...]) -> tuple[Reason, ...]:
    """Worsening course, an onset within `acute_onset_days` of the exam (findings that came
    within about a day progressed rapidly from none), reported progressive weakness, or a grade
    lost since the last exam."""
    onset = _history_onset(ctx)
    worsening = ((Reason("history.course", "course worsening", onset),)
                 if is_worsening(ctx.exam) else ())
    days = days_before_exam(ctx.exam, onset)
    acute = ((Reason("history.onset_date", f"onset {onset_phrase(ctx.exam, onset)}", onset),)
             if days is not None and days <= ctx.settings.acute_onset_days else ())
    return (*worsening, *acute, *red_flag_reasons(ctx, "progressive_weakness"),
            *_progressive_weakness_since_last_exam(ctx, args))


def _symptom_reasons(ctx: FactContext, kinds: Collection[str],
                     regions: Collection[str] | None = None) -> Iterator[Reason]:
    for (side, region), recorded in ctx.exam.symptoms.items():
        if regions is not None and region not in regions:
            continue
        found = [kind for kind in SYMPTOM_KINDS if kind in recorded and kind in kinds]
        if found:
            yield Reason(f"symptoms.{side}.{region}",
                         f"{' and '.join(found)} in the {_region_name(ctx, side, region)}",
                         _history_onset(ctx))


def _region_symptom(ctx: FactContext, args: tuple[str, ...]) -> tuple[Reason, ...]:
    region, *kinds = args
    return tuple(_symptom_reasons(ctx, kinds, (region,)))


def _symptom_anywhere(ctx: FactContext, kinds: tuple[str, ...]) -> tuple[Reason, ...]:
    return tuple(_symptom_reasons(ctx, kinds))


def _limb_pain(ctx: FactContext, _: tuple[str, ...]) -> tuple[Reason, ...]:
    """Pain or tingling in an arm or leg region (radicular symptoms, NICE NG234)."""
    limb_regions = {r.id for r in ctx.kb.regions.values() if r.limb in ("upper", "lower")}
    return tuple(_symptom_reasons(ctx, ("pain", "tingling"), limb_regions))


def _neuro_deficit(ctx: FactContext, _: tuple[str, ...]) -> tuple[Reason, ...]:
    """Any recorded neurological deficit: weakness below MRC 5, a reduced reflex (0 or 1),
    a UMN sign, or numbness, weakness, wasting or fasciculation on the body chart."""
    weak = [Reason(f"strength.{side}.{muscle}",
                   f"{side} {_muscle_name(ctx, muscle)} MRC {grade}", _history_onset(ctx))
            for (side, muscle), grade in ctx.exam.strength.items()
            if is_weak(grade)]
    reflexes = [Reason(f"reflexes.{side}.{reflex}", f"{side} {reflex} reflex {value}",
                       _history_onset(ctx))
                for (side, reflex), value in ctx.exam.reflexes.items()
                if reflex in ctx.kb.reflexes and value in ("0", "1")]
    symptoms = _symptom_reasons(ctx, ("numbness", "weakness", "wasting", "fasciculation"))
    return (*weak, *reflexes, *_umn_signs(ctx), *symptoms)


def _age_at_least(ctx: FactContext, args: tuple[str, ...]) -> tuple[Reason, ...]:
    age = ctx.exam.patient_age()
    if age is None or age < int(args[0]):
        return ()
    path = "patient.age" if ctx.exam.patient.age is not None else "patient.date_of_birth"
    return (Reason(path, f"age {age}"),)


def _not_improving_after_days(ctx: FactContext, args: tuple[str, ...]) -> tuple[Reason, ...]:
    onset = _history_onset(ctx)
    if onset is None or ctx.exam.history.course not in ("stable", "worsening"):
        return ()
    days = (ctx.exam.exam_date - onset).days
    if days < int(args[0]):
        return ()
    return (Reason("history.course", f"not improving after {days} days", onset),)


def _severe_spinal_pain(ctx: FactContext, _: tuple[str, ...]) -> tuple[Reason, ...]:
    return tuple(Reason(f"history.pain_nrs.{part}", f"{part} pain NRS {score}/10",
                        _history_onset(ctx))
                 for part, score in ctx.exam.history.pain_nrs.items()
                 if part in ("back", "neck") and score >= ctx.settings.severe_pain_nrs)


DERIVED_FACTS: dict[str, DerivedFact] = {
    "severe_weakness": DerivedFact(_severe_weakness, MUSCLES, False),
    "severe_weakness_both_legs": DerivedFact(_severe_weakness_both_legs, MUSCLES, False),
    "new_severe_motor_deficit": DerivedFact(_new_severe_motor_deficit, NO_ARGS, False),
    "progressive_weakness_since_last_exam": DerivedFact(_progressive_weakness_since_last_exam,
                                                        NO_ARGS, False),
    "any_umn_sign": DerivedFact(_any_umn_sign, NO_ARGS, False),
    "definite_umn_sign": DerivedFact(_definite_umn_sign, NO_ARGS, True),
    "isolated_umn_sign": DerivedFact(_isolated_umn_sign, NO_ARGS, True),
    "rapid_progression": DerivedFact(_rapid_progression, NO_ARGS, True),
    "region_symptom": DerivedFact(_region_symptom, REGION_AND_KINDS, False),
    "symptom_anywhere": DerivedFact(_symptom_anywhere, KINDS, False),
    "limb_pain": DerivedFact(_limb_pain, NO_ARGS, False),
    "neuro_deficit": DerivedFact(_neuro_deficit, NO_ARGS, False),
    "age_at_least": DerivedFact(_age_at_least, NUMBER, False),
    "not_improving_after_days": DerivedFact(_not_improving_after_days, NUMBER, False),
    "severe_spinal_pain": DerivedFact(_severe_spinal_pain, NO_ARGS, False),
}


def argument_problem(name: str, args: tuple[str, ...], muscles: Collection[str],
                     regions: Collection[str]) -> str | None:
    """Why `derived.<name>(<args>)` is not a valid fact, or None when it is."""
    fact = DERIVED_FACTS.get(name)
    if fact is None:
        return f"derived.{name} is not a known fact; known: {', '.join(sorted(DERIVED_FACTS))}"
    shape = fact.args
    if shape == NO_ARGS:
        return f"derived.{name} takes no arguments" if args else None
    if not args:
        return f"derived.{name} needs arguments ({shape})"
    if shape == MUSCLES:
        unknown = [a for a in args if a not in muscles]
        return f"derived.{name}: {unknown} are not muscles in muscles.csv" if unknown else None
    if shape == NUMBER:
        ok = len(args) == 1 and args[0].isdigit()
        return None if ok else f"derived.{name} takes one whole number"
    if shape == REGION_AND_KINDS and args[0] not in regions:
        return f"derived.{name}: {args[0]!r} is not a region in regions.csv"
    kinds = args[1:] if shape == REGION_AND_KINDS else args
    bad = [k for k in kinds if k not in SYMPTOM_KINDS] or ([] if kinds else ["(none)"])
    return f"derived.{name}: symptom kinds {bad} are not allowed" if bad else None


def evaluate_fact(fact: FactRef, ctx: FactContext) -> tuple[Reason, ...]:
    """The reasons `fact` holds for (empty when it does not), after its time qualifier."""
    if fact.namespace == "red_flags":
        reasons = red_flag_reasons(ctx, fact.name)
    else:
        reasons = DERIVED_FACTS[fact.name].compute(ctx, fact.args)
    if fact.timing is None:
        return reasons
    window = ctx.settings.ces_onset_window_days
    wanted_recent = fact.timing == "recent"
    return tuple(
        Reason(r.path, f"{r.phrase} ({onset_phrase(ctx.exam, r.onset)})", r.onset)
        for r in reasons
        if (ctx.settings.ces_older_than_window_to_ed
            or is_recent(ctx.exam, r.onset, window)) == wanted_recent)
