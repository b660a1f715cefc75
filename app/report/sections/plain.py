"""The patient's copy in plain language: what to do now, what we found, what happens next.

Written to the patient (Academy of Medical Royal Colleges, "Please, write to me", clinical.md
6.1), from the same data as the clinicians' letters; the wording is the patient template's.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.report import facts
from app.report.context import LetterContext, capitalised
from app.report.facts import nhs_date
from app.report.markup import para


def plain_summary(ctx: LetterContext) -> list[Flowable]:
    body = ctx.styles["body"]
    name = ctx.exam.patient.name or ""
    return [para(ctx.sentence("plain_greeting", name=name), body),
            para(ctx.sentence("patient_copy_note"), body),
            para(ctx.sentence("plain_seen_on", date=nhs_date(ctx.exam.exam_date)), body)]


def plain_findings(ctx: LetterContext) -> list[Flowable]:
    exam, kb, body = ctx.exam, ctx.kb, ctx.styles["body"]
    flowables: list[Flowable] = [*ctx.heading("plain_findings")]
    for side, regions in facts.symptoms_by_side(exam, kb).items():
        places = ", ".join(kb.regions[region].label for region, _ in regions)
        flowables.append(para(ctx.sentence("plain_symptoms", side=ctx.side(side),
                                           places=places), body))
    weak = [f"{kb.muscles[muscle].movement} ({ctx.side(side)})"
            for (side, muscle), grade in sorted(exam.strength.items())
            if facts.is_below_full_strength(grade)]
    if weak:
        flowables.append(para(ctx.sentence("plain_weak", movements="; ".join(weak)), body))
    elif exam.strength:
        flowables.append(para(ctx.sentence("plain_no_weakness"), body))
    return flowables


def plain_next_steps(ctx: LetterContext) -> list[Flowable]:
    destination = ctx.destination_name(ctx.recommended)
    return [*ctx.heading("plain_next_steps"),
            para(capitalised(ctx.sentence("plain_referred", destination=destination)),
                 ctx.styles["body"]),
            para(ctx.template.wording.urgency_plain[ctx.interpretation.urgency],
                 ctx.styles["cell_bold"])]
