"""The SBAR narrative: situation, background, clinical impression, progress, recommendation.

Everything is taken from the exam and the interpretation; each reason the engine gives is
printed with its citation number (the list is in the "sources" section).
"""

from __future__ import annotations

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Spacer

from app.domain.interpretation import Evidence, Hypothesis
from app.report import facts
from app.report.context import LetterContext, capitalised
from app.report.facts import Finding, nhs_date
from app.report.markup import lines, para, rich
from app.report.tables import grid

CHART_SIZE_IN = (6.4, 2.6)


def _labelled(ctx: LetterContext, label: str, text: str) -> Flowable:
    return rich([(f"{label}: ", True), (text, False)], ctx.styles["body"])


def reason_for_referral(ctx: LetterContext) -> str:
    """The leading impression (the engine's plan is the recommendation, the trigger the banner)."""
    if ctx.interpretation.hypotheses:
        return ctx.sentence("reason_hypothesis", label=ctx.interpretation.hypotheses[0].label)
    return ctx.sentence("reason_no_hypothesis")


def urgency_reason(ctx: LetterContext) -> str:
    flags = facts.triggering_flags(ctx.interpretation)
    if not flags:
        return ctx.sentence("urgency_no_flag", urgency=ctx.urgency_word())
    rules = ", ".join(f"{f.id} {ctx.citations.cite(f.source)}".rstrip() for f in flags)
    return ctx.sentence("urgency_because", urgency=ctx.urgency_word(), rules=rules)


def situation(ctx: LetterContext) -> list[Flowable]:
    return [*ctx.heading("situation"),
            _labelled(ctx, ctx.label("reason"), reason_for_referral(ctx)),
            _labelled(ctx, ctx.label("request"),
                      ctx.template.wording.requests[ctx.addressed_destination]),
            _labelled(ctx, ctx.label("urgency"), urgency_reason(ctx))]


def background(ctx: LetterContext) -> list[Flowable]:
    exam, kb, history = ctx.exam, ctx.kb, ctx.exam.history
    flowables: list[Flowable] = [*ctx.heading("background")]
    age = exam.patient_age()
    sex = ctx.template.wording.labels.get(exam.patient.sex or "unknown", "")
    flowables.append(para(ctx.sentence("age_sex", age=age if age is not None else
                                       ctx.label("not_recorded"), sex=sex), ctx.styles["body"]))
    if history.onset_date is not None:
        days = (exam.exam_date - history.onset_date).days
        onset = ctx.sentence("onset", date=nhs_date(history.onset_date), days=days)
    else:
        onset = ctx.sentence("onset_unknown")
    flowables.append(_labelled(ctx, ctx.label("onset"), onset))
    if history.course:
        flowables.append(_labelled(ctx, ctx.label("course"),
                                   ctx.template.wording.answers.get(history.course,
                                                                    history.course)))
    if history.pain_nrs:
        labels = ctx.template.wording.labels
        pain = ", ".join(f"{labels.get(part, part)} {score}/10"
                         for part, score in history.pain_nrs.items())
        flowables.append(_labelled(ctx, ctx.label("pain"), pain))
    if history.cues:
        cues = "; ".join(cue.label for cue in kb.cues.values() if cue.id in history.cues)
        flowables.append(_labelled(ctx, ctx.label("history"), cues))
    symptoms = facts.symptoms_by_side(exam, kb)
    if symptoms:
        flowables.append(para(ctx.label("symptoms"), ctx.styles["cell_bold"]))
        for side, regions in symptoms.items():
            places = "; ".join(f"{capitalised(kb.regions[r].label)} ({', '.join(kinds)})"
                               for r, kinds in regions)
            flowables.append(_labelled(ctx, ctx.side(side), places))
    else:
        flowables.append(_labelled(ctx, ctx.label("symptoms"), ctx.label("none_recorded")))
    return flowables


def impression(ctx: LetterContext) -> list[Flowable]:
    """The ranked hypotheses with the reasons for and against each, and what would decide."""
    styles, content = ctx.styles, ctx.template.content
    interpretation = ctx.interpretation
    flowables: list[Flowable] = [*ctx.heading("impression")]
    if interpretation.indeterminate:
        flowables.append(para(ctx.sentence("indeterminate"), styles["cell_bold"]))
    if not ctx.shown_hypotheses:
        flowables.append(para(ctx.sentence("no_hypothesis"), styles["body"]))
    for rank, hypothesis in enumerate(ctx.shown_hypotheses, start=1):
        flowables.append(para(f"{rank}. {hypothesis.label}", styles["cell_bold"]))
        for label, evidence in _reasons_shown(hypothesis, leading=rank == 1,
                                              show_against=content.show_against):
            shown = evidence[: content.evidence_per_hypothesis]
            items = [f"• {e.text} {ctx.citations.cite(e.source)}".rstrip() for e in shown]
            flowables.append(rich([(f"{ctx.label(label)}:", True)], styles["small"]))
            flowables.append(lines(items, styles["small"]))
        flowables.append(Spacer(1, 3))
    if content.show_next_tests and interpretation.next_tests:
        flowables.append(para(ctx.label("next_tests"), styles["cell_bold"]))
        items = []
        for test in interpretation.next_tests:
            finding = Finding.parse(test.finding)
            name = ctx.finding_label(finding) if finding else test.finding
            items.append(f"• {name}: {test.why}")
        flowables.append(lines(items, styles["small"]))
    return flowables


def _reasons_shown(hypothesis: Hypothesis, leading: bool, show_against: bool
                   ) -> list[tuple[str, tuple[Evidence, ...]]]:
    """The leading hypothesis with its reasons for and against; an alternative with what
    speaks against it (what separates it from the leader), or its support when nothing does."""
    groups = [("supporting", hypothesis.supporting), ("against", hypothesis.against)]
    if not show_against:
        groups = groups[:1]
    elif not leading and hypothesis.against:
        groups = groups[1:]
    return [(label, evidence) for label, evidence in groups if evidence]


def progress(ctx: LetterContext) -> list[Flowable]:
    """Change in strength since the previous exam (nothing when there is none)."""
    if ctx.previous is None:
        return []
    kb, styles = ctx.kb, ctx.styles
    cell, bold = styles["cell"], styles["cell_bold"]
    changes = facts.strength_changes(ctx.exam, ctx.previous, kb)
    flowables: list[Flowable] = [*ctx.heading("progress", before_table=True), para(
        ctx.sentence("progress_since", date=nhs_date(ctx.previous.exam_date)), styles["body"])]
    if not changes:
        return [*flowables, para(ctx.sentence("progress_none"), styles["body"])]
    not_tested = ctx.label("not_tested")
    changed = [c for c in changes if c.change != "unchanged"]
    if changed:
        header = [para(ctx.label(k), bold)
                  for k in ("movement", "side", "before", "now", "change")]
        rows, marked = [], []
        for number, change in enumerate(changed):
            weaker = change.change == "weaker"
            rows.append([para(capitalised(kb.muscles[change.muscle].movement), cell),
                         para(ctx.side(change.side), cell),
                         para(change.before or not_tested, cell),
                         para(change.now or not_tested, cell),
                         para(ctx.label(change.change.replace(" ", "_")),
                              bold if weaker else cell)])
            if weaker:
                marked.append((4, number))
        widths = [ctx.width * w for w in (0.4, 0.12, 0.14, 0.14, 0.2)]
        flowables.append(grid(header, rows, widths, ctx.template.style, marked))
    same = [f"{ctx.side(c.side).lower()} {kb.muscles[c.muscle].movement} {c.now}"
            for c in changes if c.change == "unchanged"]
    if same:
        flowables.append(para(ctx.sentence("progress_unchanged", items="; ".join(same)),
                              styles["muted"]))
    return [*flowables, Spacer(1, 4), _strength_chart(ctx)]


def _strength_chart(ctx: LetterContext) -> Flowable:
    """The records' strength-over-time chart of the two exams, as a 200 dpi image (matplotlib's
    text would otherwise reach svglib as thousands of glyph paths)."""
    from app.charts.strength_chart import figure_rgb, strength_figure  # matplotlib: only here

    figure = strength_figure([ctx.previous, ctx.exam],
                             label_of=lambda muscle: ctx.kb.muscles[muscle].movement,
                             size=CHART_SIZE_IN)
    width = min(ctx.width, CHART_SIZE_IN[0] * 72)
    return _Picture(ImageReader(figure_rgb(figure, dpi=200)), width,
                    width * CHART_SIZE_IN[1] / CHART_SIZE_IN[0])


class _Picture(Flowable):
    """Pixels drawn at a given size, centred (platypus' `Image` reads only files)."""

    def __init__(self, image: ImageReader, width: float, height: float):
        super().__init__()
        self._image = image
        self.width, self.height, self.hAlign = width, height, "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self._image, 0, 0, self.width, self.height, mask="auto")


def recommendation(ctx: LetterContext) -> list[Flowable]:
    """What is asked of the addressee, and the plan the interpretation recommends."""
    wording = ctx.template.wording
    flowables: list[Flowable] = [*ctx.heading("recommendation"),
                                 para(wording.requests[ctx.addressed_destination],
                                      ctx.styles["cell_bold"])]
    if ctx.interpretation.referral.text:
        flowables.append(para(ctx.interpretation.referral.text, ctx.styles["body"]))
    if ctx.addressed_destination != ctx.recommended:
        flowables.append(para(ctx.sentence("banner_other_destination", recommended=ctx
                                           .destination_name(ctx.recommended)),
                              ctx.styles["body"]))
    return flowables


def safety_netting(ctx: LetterContext) -> list[Flowable]:
    """Cauda equina advice for lumbar presentations, myelopathy advice for cervical ones."""
    advice = ctx.template.wording.safety_netting
    kinds = []
    if facts.is_lumbar(ctx.exam, ctx.limbs, ctx.kb):
        kinds.append("lumbar")
    if facts.is_cervical(ctx.limbs):
        kinds.append("cervical")
    kinds.append("general")
    items = [f"• {line}" for kind in kinds for line in advice.get(kind, ())]
    intro = ctx.sentence("safety_netting_intro")
    return [*ctx.heading("safety_netting"),
            *([para(intro, ctx.styles["body"])] if intro else []),
            lines(items, ctx.styles["body"])]
