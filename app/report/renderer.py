"""`LetterRenderer`: a referral letter as PDF bytes, in overridable steps; `build_letter` wraps it.

Steps (after pretix's invoice renderer): `register_fonts`, `stylesheet`, `document` (page setup
and page templates), `page_marks` (what `NumberedCanvas` prints on every page), `metadata`,
`story` (the template's sections in order), and `render`, which returns the bytes. The renderer
never touches SQLite or Qt; the caller passes the exam, its interpretation, the knowledge base,
the sender and, optionally, the previous exam.

Privacy and determinism: the PDF metadata (title, author, subject, keywords) never carries the
patient's name or identifier; the document is built in ReportLab's invariant mode, so the same
input always gives the same bytes (fixed creation date and document ID).

Threads: ReportLab's registries and the body chart's per-process drawings are shared state, so
`render` builds one letter at a time (a module lock); a second thread asking for a letter
waits for the first. `prepare_letters` does the first letter's extra work ahead of time.
"""

from __future__ import annotations

import io
import threading
from datetime import datetime
from functools import partial

from reportlab.lib import pagesizes
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app import __version__
from app.domain.exam import Exam
from app.domain.interpretation import Interpretation
from app.domain.knowledge import KnowledgeBase
from app.report import diagram
from app.report.canvas import NumberedCanvas, PageMarks
from app.report.context import LetterContext
from app.report.facts import nhs_date, require_identifiers
from app.report.fonts import register_fonts
from app.report.sections import SECTION_BUILDERS, SectionBuilder
from app.report.sender import Sender
from app.report.styles import build_stylesheet
from app.report.template import (
    LetterTemplate,
    TemplateError,
    available_templates,
    load_template,
    template_for,
)

HEADER_SPACE_MM = 9  # between the top margin and the frame, for the identity line
_ONE_LETTER_AT_A_TIME = threading.Lock()


class LetterRenderer:
    """Renders one template; subclass and override a step to change it."""

    canvas_class = NumberedCanvas
    section_builders = SECTION_BUILDERS

    def __init__(self, template: LetterTemplate):
        missing = [s for s in template.sections if s not in self.section_builders]
        if missing:
            raise TemplateError(f"{template.name}.toml: no renderer for section {missing[0]!r}")
        self.template = template

    # ---- steps -------------------------------------------------------------------------
    def register_fonts(self) -> None:
        register_fonts()

    def stylesheet(self) -> StyleSheet1:
        return build_stylesheet(self.template.style)

    def page_size(self) -> tuple[float, float]:
        return getattr(pagesizes, self.template.page.size)

    def document(self, buffer: io.BytesIO, metadata: dict[str, str]) -> BaseDocTemplate:
        page = self.template.page
        doc = BaseDocTemplate(
            buffer, pagesize=self.page_size(), leftMargin=page.margin_left_mm * mm,
            rightMargin=page.margin_right_mm * mm, topMargin=page.margin_top_mm * mm,
            bottomMargin=page.margin_bottom_mm * mm, invariant=1, **metadata)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width,
                      doc.height - HEADER_SPACE_MM * mm, id="body", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="letter", frames=[frame])])
        return doc

    def metadata(self, ctx: LetterContext) -> dict[str, str]:
        """Title and subject name the kind of letter and the exam date, never the patient."""
        destination = ctx.destination_name(ctx.addressed_destination)
        title = ctx.sentence("title", destination=destination)
        return {"title": f"{title} – {nhs_date(ctx.exam.exam_date)}",
                "author": ctx.sender.clinic or ctx.sender.name or "NerveChart",
                "subject": f"{ctx.urgency_word()} – {destination}", "keywords": "",
                "creator": f"NerveChart {__version__}", "producer": "NerveChart"}

    def page_marks(self, ctx: LetterContext) -> PageMarks:
        patient, labels = ctx.exam.patient, self.template.wording.labels
        parts = [patient.name or labels["not_recorded"]]
        if patient.date_of_birth is not None:
            parts.append(f"{labels['dob_short']} {nhs_date(patient.date_of_birth)}")
        if patient.identifier:
            parts.append(f"{labels['id_short']} {patient.identifier}")
        footer = [labels["confidential"]]
        if patient.identifier:
            footer.insert(0, f"{labels['id_short']} {patient.identifier}")
        page, style = self.template.page, self.template.style
        return PageMarks(
            identity="  ·  ".join(parts), page_label=labels["page"], of_label=labels["of"],
            footer_left="  ·  ".join(footer), font_size=style.small_size + 0.5,
            rule_colour=style.rule_colour, margin_left=page.margin_left_mm * mm,
            margin_right=page.margin_right_mm * mm,
            header_y=page.margin_top_mm * mm, footer_y=page.margin_bottom_mm * mm * 0.5)

    def story(self, ctx: LetterContext) -> list[Flowable]:
        """The template's sections in order; the source list is built last, when complete."""
        parts: dict[str, list[Flowable]] = {}
        for name in sorted(self.template.sections, key=lambda s: s == "sources"):
            parts[name] = self.build_section(self.section_builders[name], ctx)
        return [f for name in self.template.sections for f in parts[name]]

    def build_section(self, builder: SectionBuilder, ctx: LetterContext) -> list[Flowable]:
        return builder(ctx)

    def render(self, exam: Exam, interpretation: Interpretation, kb: KnowledgeBase,
               sender: Sender, destination: str, previous: Exam | None = None,
               written_at: datetime | None = None) -> bytes:
        require_identifiers(exam.patient)
        with _ONE_LETTER_AT_A_TIME:
            return self._render(exam, interpretation, kb, sender, destination, previous,
                                written_at)

    def _render(self, exam: Exam, interpretation: Interpretation, kb: KnowledgeBase,
                sender: Sender, destination: str, previous: Exam | None,
                written_at: datetime | None) -> bytes:
        self.register_fonts()
        buffer = io.BytesIO()
        page = self.template.page
        width = self.page_size()[0] - (page.margin_left_mm + page.margin_right_mm) * mm
        ctx = LetterContext(exam=exam, interpretation=interpretation, kb=kb,
                            template=self.template, sender=sender, destination=destination,
                            styles=self.stylesheet(), width=width, previous=previous,
                            written_at=written_at)
        doc = self.document(buffer, self.metadata(ctx))
        doc.build(self.story(ctx), canvasmaker=partial(self.canvas_class,
                                                       marks=self.page_marks(ctx)))
        return buffer.getvalue()


def build_letter(exam: Exam, interpretation: Interpretation, kb: KnowledgeBase,
                 destination: str, sender: Sender, previous: Exam | None = None, *,
                 template: LetterTemplate | None = None,
                 written_at: datetime | None = None) -> bytes:
    """The letter to `destination` (a referral destination, or "patient" for the patient's copy).

    Raises `LetterRefused` when the patient's name, or both date of birth and identifier, are
    missing, and `TemplateError` for an unknown destination or a broken template.
    """
    chosen = template or template_for(destination)
    return LetterRenderer(chosen).render(exam, interpretation, kb, sender, destination,
                                         previous, written_at)


def prepare_letters() -> None:
    """Do once, ahead of time, what makes the first letter of a process slow: register the
    fonts, read the letter templates, let svglib draw the body-map views and record their PDF
    operators (see `app.report.diagram`). Letters come out the same with or without it.

    Meant for a background thread started when the app is up: it holds the same lock as a
    letter being built, so ReportLab's shared state (font registry, the diagram's drawings and
    recordings) is never touched by two threads at once; a letter asked for meanwhile waits at
    most for the rest of this work, which it would otherwise do itself. It holds Python's GIL
    while it runs (~0.5 s of CPU), so start it after the first paint, not during it.
    """
    with _ONE_LETTER_AT_A_TIME:
        register_fonts()
        for name in available_templates():
            load_template(name)
        diagram.prepare(Canvas(io.BytesIO()))
