"""`LetterContext`: everything one letter is written from, and the wording helpers sections share.

A section builder receives the context and returns flowables. The context holds the inputs
(exam, interpretation, knowledge base, template, sender, destination, previous exam), the
stylesheet, the citation index (so sources are numbered in order of first use), and the facts
derived once for all sections (limbs involved, findings the interpretation names).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import CondPageBreak, Flowable

from app.domain.exam import Exam
from app.domain.interpretation import Hypothesis, Interpretation
from app.domain.knowledge import KnowledgeBase
from app.report import facts
from app.report.facts import CitationIndex, Finding
from app.report.markup import para
from app.report.sender import Sender
from app.report.template import LetterTemplate

TABLE_START = 90.0  # points: a heading, a table header and a few rows


@dataclass
class LetterContext:
    exam: Exam
    interpretation: Interpretation
    kb: KnowledgeBase
    template: LetterTemplate
    sender: Sender
    destination: str  # whom this copy is addressed to (a destination, or "patient")
    styles: StyleSheet1
    width: float  # of the text frame, in points
    previous: Exam | None = None
    written_at: datetime | None = None
    citations: CitationIndex = field(init=False)

    def __post_init__(self) -> None:
        self.citations = CitationIndex(self.kb)

    # ---- derived facts -------------------------------------------------------------------
    @cached_property
    def shown_hypotheses(self) -> tuple[Hypothesis, ...]:
        return self.interpretation.hypotheses[: self.template.content.hypotheses]

    @cached_property
    def named(self) -> tuple[Finding, ...]:
        return facts.named_findings(self.interpretation, self.shown_hypotheses)

    @cached_property
    def limbs(self) -> frozenset[str]:
        return facts.limbs_involved(self.exam, self.interpretation, self.kb)

    @property
    def recommended(self) -> str:
        return self.interpretation.referral.to

    @property
    def addressed_destination(self) -> str:
        """The destination this copy goes to; the patient's copy names the recommended one."""
        return self.recommended if self.destination == "patient" else self.destination

    # ---- wording ------------------------------------------------------------------------
    def label(self, key: str) -> str:
        return self.template.wording.labels[key]

    def sentence(self, key: str, **values: object) -> str:
        return self.template.sentence(key, **values)

    def side(self, side: str | None) -> str:
        return self.template.wording.sides.get(side or "none", side or "")

    def urgency_word(self) -> str:
        return self.template.wording.urgency[self.interpretation.urgency]

    def destination_name(self, destination: str) -> str:
        return self.template.wording.destinations[destination]

    def heading(self, section: str, before_table: bool = False) -> list[Flowable]:
        """The section's heading, if the template gives one. A heading kept with a whole
        table would push a long table to the next page; before a table it instead starts a
        new page only when less than `TABLE_START` is left, and the table splits as it must."""
        text = self.template.wording.headings.get(section)
        if not text:
            return []
        if before_table:
            return [CondPageBreak(TABLE_START), para(text, self.styles["heading_open"])]
        return [para(text, self.styles["heading"])]

    def finding_label(self, finding: Finding) -> str:
        """A finding path in words: `strength.left.hip_abduction` -> "Left hip abduction".

        Knowledge-table labels are lower case ("hip abduction"); `capitalised` starts a line.
        """
        kb = self.kb
        tables = {"strength": {k: m.movement for k, m in kb.muscles.items()},
                  "reflexes": {**{k: r.label for k, r in kb.reflexes.items()},
                               **{k: s.label for k, s in kb.umn_signs.items()}},
                  "tests": {k: t.label for k, t in kb.tests.items()},
                  "red_flags": {k: f.label for k, f in kb.red_flags.items()},
                  "symptoms": {k: r.label for k, r in kb.regions.items()}}
        name = tables.get(finding.category, {}).get(finding.item, finding.item.replace("_", " "))
        if finding.side is None:
            return capitalised(name)
        return f"{self.side(finding.side)} {name}"


def capitalised(text: str) -> str:
    """`text` with its first letter upper case (table labels are lower case)."""
    return text[:1].upper() + text[1:]
