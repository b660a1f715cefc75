"""Who, to whom, how urgent: letterhead, urgency banner, addresses, signature and sources."""

from __future__ import annotations

from itertools import zip_longest

from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.report.context import LetterContext
from app.report.facts import nhs_date, triggering_flags
from app.report.font_runs import needs_layout, wrap
from app.report.markup import lines, para, rich
from app.report.tables import banner as banner_table
from app.report.tables import label_value

_CELL_PADDING = 6.0  # label_value's right padding (ReportLab's default), in points


def letterhead(ctx: LetterContext) -> list[Flowable]:
    """Title on the left; the clinic (or the sender) on the right."""
    sender = ctx.sender
    clinic = [t for t in (sender.clinic, sender.address, sender.phone) if t]
    if not clinic:
        clinic = [t for t in (sender.name, sender.profession) if t]
    title = para(ctx.sentence("title", destination=ctx.destination_name(
        ctx.addressed_destination)), ctx.styles["title"])
    return [label_value([[title, lines(clinic, ctx.styles["letterhead"])]],
                        [ctx.width * 0.68, ctx.width * 0.32])]


def banner(ctx: LetterContext) -> list[Flowable]:
    """Urgency, destination and the rule(s) that set the urgency, on the urgency's colour."""
    styles = ctx.styles
    headline = ctx.sentence("banner_headline", urgency=ctx.urgency_word(),
                            destination=ctx.destination_name(ctx.addressed_destination))
    cells: list[Flowable] = [para(headline, styles["banner"])]
    flags = triggering_flags(ctx.interpretation)
    for flag in flags:
        cite = ctx.citations.cite(flag.source)
        cells.append(para(f"• {flag.text} (rule {flag.id}) {cite}".rstrip(),
                          styles["banner_small"]))
    if not flags:
        cells.append(para(ctx.sentence("banner_no_flag", urgency=ctx.urgency_word()),
                          styles["banner_small"]))
    if ctx.addressed_destination != ctx.recommended:
        cells.append(para(ctx.sentence("banner_other_destination",
                                       recommended=ctx.destination_name(ctx.recommended)),
                          styles["banner_small"]))
    fill = ctx.template.style.urgency_colours[ctx.interpretation.urgency]
    return [banner_table(cells, ctx.width, fill), Spacer(1, 6)]


def addresses(ctx: LetterContext) -> list[Flowable]:
    """To and From, the patient's identifiers and the date of the exam; a note under them when
    the name has characters the letter cannot lay out (`font_runs.needs_layout`)."""
    cell, bold = ctx.styles["cell"], ctx.styles["cell_bold"]
    exam, patient, sender = ctx.exam, ctx.exam.patient, ctx.sender
    not_recorded = ctx.label("not_recorded")
    dob = not_recorded
    if patient.date_of_birth is not None:
        dob = nhs_date(patient.date_of_birth)
        age = exam.patient_age()
        if age is not None:
            dob += f" ({age}{ctx.label('years_short')})"
    who = ", ".join(t for t in (sender.name, sender.profession) if t)
    sender_lines = [t for t in (who, sender.clinic) if t] or [not_recorded]  # contact: letterhead
    letter_rows = [
        (ctx.label("to"), [ctx.template.wording.addressees[ctx.addressed_destination]]),
        (ctx.label("from"), sender_lines),
        (ctx.label("exam_date"), [nhs_date(exam.exam_date)]),
    ]
    widths = [ctx.width * w for w in (0.14, 0.38, 0.15, 0.33)]
    name = not_recorded  # a right-to-left name is broken into lines before it is laid out
    if patient.name:
        name = wrap(patient.name, cell.fontName, cell.fontSize, widths[3] - _CELL_PADDING)
    patient_rows = [
        (ctx.label("patient"), [name]),
        (ctx.label("date_of_birth"), [dob]),
        (ctx.label("identifier"), [patient.identifier or not_recorded]),
    ]
    if patient.sex:
        patient_rows.append((ctx.label("sex"), [ctx.template.wording.labels.get(patient.sex,
                                                                                patient.sex)]))
    pairs = zip_longest(letter_rows, patient_rows, fillvalue=("", []))
    table = label_value([[para(a, bold), lines(a_values, cell), para(b, bold),
                          lines(b_values, cell)] for (a, a_values), (b, b_values) in pairs],
                        widths)
    flowables: list[Flowable] = [table]
    if needs_layout(patient.name or ""):
        flowables.append(rich([(ctx.label("name_layout_note"), True)], ctx.styles["small"]))
    if ctx.written_at is not None:
        when = f"{nhs_date(ctx.written_at.date())} {ctx.written_at:%H:%M}"
        flowables.append(para(ctx.sentence("written_at", when=when), ctx.styles["muted"]))
    return flowables


def signature(ctx: LetterContext) -> list[Flowable]:
    """Examiner's name, profession and registration number (kept on one page), and copies."""
    sender, styles = ctx.sender, ctx.styles
    not_recorded = ctx.label("not_recorded")
    block: list[Flowable] = [
        *ctx.heading("signature"),
        rich([(sender.name or not_recorded, True)], styles["body"]),
        rich([(f"{ctx.label('profession')} ", True), (sender.profession or not_recorded, False)],
             styles["body"]),
        rich([(f"{ctx.label('registration')} ", True),
              (sender.registration or not_recorded, False)], styles["body"]),
    ]
    contact = [t for t in (sender.clinic, sender.address, sender.phone) if t]
    if contact:
        block.append(lines(contact, styles["small"]))
    copies = ctx.sentence("copies")
    if copies:
        block.append(para(copies, styles["muted"]))
    return [KeepTogether(block)]


def sources(ctx: LetterContext) -> list[Flowable]:
    """The numbered reference list of every source cited above (built after all sections)."""
    entries = ctx.citations.entries()
    if not entries:
        return []
    small = ctx.styles["small"]
    return [*ctx.heading("sources"), *(para(f"[{n}] {text}", small) for n, text in entries)]
