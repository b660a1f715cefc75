"""The examination findings: red-flag screen, strength, reflexes and UMN signs, tests.

Rows are chosen by `app.report.facts` (recorded, named by the interpretation, or belonging to
the limbs involved); a finding that was not recorded prints "not tested" (or "not asked"),
never a normal value. Abnormal values carry an asterisk and the abnormal fill.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from app.bodymap import BodyMapError
from app.domain.vocabulary import LIMB_SIDES, NOT_TESTABLE
from app.report import facts
from app.report.context import LetterContext, capitalised
from app.report.diagram import BodyDiagram, DiagramBlock
from app.report.facts import nhs_date
from app.report.markup import para
from app.report.tables import grid

ABNORMAL_MARK = " *"
DIAGRAM_MIN_FRACTION = 0.6  # of the template's height, before the chart moves to a new page


def _roots(roots: Mapping[str, float]) -> str:
    return ", ".join(roots)


def _sided_grid(ctx: LetterContext, first_column: str, items: tuple[str, ...],
                name_of: Callable[[str], str], roots_of: Callable[[str], str] | None,
                value_of: Callable[[str, str], str | None],
                abnormal: Callable[[str, str], bool], legend: str | None) -> list[Flowable]:
    """Item | (Roots) | Left | Right, with "not tested" for what was not recorded."""
    if not items:
        return []
    cell, bold = ctx.styles["cell"], ctx.styles["cell_bold"]
    header = [para(first_column, bold)]
    if roots_of is not None:
        header.append(para(ctx.label("roots"), bold))
    header += [para(ctx.side(side), bold) for side in LIMB_SIDES]
    rows: list[list[Flowable]] = []
    marked: list[tuple[int, int]] = []
    first_side_column = len(header) - len(LIMB_SIDES)
    for row_number, item in enumerate(items):
        row: list[Flowable] = [para(name_of(item), cell)]
        if roots_of is not None:
            row.append(para(roots_of(item), cell))
        for offset, side in enumerate(LIMB_SIDES):
            value = value_of(side, item)
            if value is None:
                row.append(para(ctx.label("not_tested"), ctx.styles["muted"]))
            elif abnormal(side, item):
                row.append(para(value + ABNORMAL_MARK, bold))
                marked.append((first_side_column + offset, row_number))
            else:
                row.append(para(value, cell))
        rows.append(row)
    widths = [0.42, 0.14, 0.22, 0.22] if roots_of is not None else [0.5, 0.25, 0.25]
    table = grid(header, rows, [w * ctx.width for w in widths], ctx.template.style, marked)
    return [table, para(legend, ctx.styles["muted"])] if legend else [table]


def strength(ctx: LetterContext) -> list[Flowable]:
    kb, exam = ctx.kb, ctx.exam
    muscles = facts.shown_muscles(exam, ctx.named, ctx.limbs, ctx.template.content.key_muscles,
                                  kb)

    def name(m: str) -> str:
        muscle = kb.muscles[m]
        return f"{capitalised(muscle.movement)} ({muscle.muscle})"

    table = _sided_grid(
        ctx, ctx.label("movement"), muscles, name, lambda m: _roots(kb.muscles[m].roots),
        lambda side, m: exam.strength.get((side, m)),
        lambda side, m: facts.is_below_full_strength(exam.strength[(side, m)]),
        ctx.sentence("strength_legend"))
    if not table:
        return []
    note = para(ctx.sentence("strength_selection"), ctx.styles["muted"])
    return [*ctx.heading("strength", before_table=True), *table, note]


def reflexes(ctx: LetterContext) -> list[Flowable]:
    kb, exam = ctx.kb, ctx.exam
    reflex_ids = facts.shown_reflexes(exam, ctx.named, ctx.limbs, kb)
    sign_ids = facts.shown_umn_signs(exam, ctx.named, ctx.limbs, kb)

    def value(side: str, item: str) -> str | None:
        return exam.reflexes.get((side, item))  # grades and sign values print as recorded

    def abnormal(side: str, item: str) -> bool:
        recorded = exam.reflexes[(side, item)]
        if item in kb.umn_signs:
            return recorded in kb.umn_signs[item].abnormal or recorded == NOT_TESTABLE
        return facts.is_abnormal_reflex(recorded)

    items = reflex_ids + sign_ids
    if not items:
        return []

    def name(item: str) -> str:
        return capitalised(kb.reflexes[item].label if item in kb.reflexes
                           else kb.umn_signs[item].label)

    def roots(item: str) -> str:
        return _roots(kb.reflexes[item].roots) if item in kb.reflexes else ""

    return [*ctx.heading("reflexes", before_table=True),
            *_sided_grid(ctx, ctx.label("reflex"), items, name, roots, value, abnormal,
                         ctx.sentence("reflex_legend"))]


def tests(ctx: LetterContext) -> list[Flowable]:
    kb, exam = ctx.kb, ctx.exam
    answers = ctx.template.wording.answers

    def value(side: str, test: str) -> str | None:
        result = exam.tests.get((side, test))
        if result is None:
            return None
        text = answers.get(result.result, result.result)
        return f"{text} ({result.angle}°)" if result.angle is not None else text

    def abnormal(side: str, test: str) -> bool:
        return exam.tests[(side, test)].result != "negative"

    items = facts.shown_tests(exam, ctx.named, kb)
    table = _sided_grid(ctx, ctx.label("test"), items, lambda t: capitalised(kb.tests[t].label),
                        None, value, abnormal, None)
    return [*ctx.heading("tests", before_table=True), *table] if table else []


def red_flags(ctx: LetterContext) -> list[Flowable]:
    """Every red-flag question by group: answers with onset dates, then those not asked."""
    kb, styles, wording = ctx.kb, ctx.styles, ctx.template.wording
    cell, bold = styles["cell"], styles["cell_bold"]
    flowables: list[Flowable] = [*ctx.heading("red_flags", before_table=True)]
    for group in facts.red_flag_screen(ctx.exam, kb):
        if not group.answered and not group.not_asked:
            continue
        flowables.append(para(wording.groups[group.group], bold))
        if group.answered:
            header: list[Paragraph] = [para(ctx.label(k), bold)
                                       for k in ("question", "answer", "onset")]
            rows, marked = [], []
            for number, line in enumerate(group.answered):
                answer = wording.answers["present" if line.present else "absent"]
                onset = nhs_date(line.onset) if line.onset else (
                    ctx.label("onset_unknown") if line.present else "")
                rows.append([para(capitalised(kb.red_flags[line.flag].label), cell),
                             para(answer + (ABNORMAL_MARK if line.present else ""),
                                  bold if line.present else cell),
                             para(onset, cell)])
                if line.present:
                    marked.append((1, number))
            flowables.append(grid(header, rows, [ctx.width * w for w in (0.6, 0.15, 0.25)],
                                  ctx.template.style, marked))
        if group.not_asked:
            names = ", ".join(kb.red_flags[f].label for f in group.not_asked)
            flowables.append(para(ctx.sentence("not_asked", items=names), styles["muted"]))
    return flowables


def body_diagram(ctx: LetterContext) -> list[Flowable]:
    """Front and back views with the marks as recorded (nothing drawn when nothing is marked)."""
    muted = ctx.styles["muted"]
    if not ctx.exam.symptoms:
        return [*ctx.heading("body_diagram"), para(ctx.label("none_recorded"), muted)]
    full = ctx.template.style.diagram_height_mm * mm
    try:
        diagram = BodyDiagram(ctx.exam.symptoms, ctx.width, full)
    except BodyMapError:
        return [*ctx.heading("body_diagram"), para(ctx.sentence("diagram_unavailable"), muted)]
    return [DiagramBlock(ctx.heading("body_diagram"), diagram,
                         [para(ctx.sentence("diagram_caption"), muted)], full,
                         full * DIAGRAM_MIN_FRACTION)]
