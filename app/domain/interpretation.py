"""What the engine concludes about an exam: `nervechart.interpretation/1` as value objects.

Every conclusion carries its reasons: each `Evidence` names the finding (a dotted exam path such
as `strength.left.hip_abduction`), a sentence for a person, the rule ID that produced it and the
source key (see `resources/tables/sources.csv`). `to_document()` gives the exact JSON of the spec.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.vocabulary import INTERPRETATION_FORMAT


@dataclass(frozen=True)
class Evidence:
    finding: str
    text: str
    rule: str
    source: str

    def to_document(self) -> dict[str, str]:
        return {"finding": self.finding, "text": self.text, "rule": self.rule,
                "source": self.source}


@dataclass(frozen=True)
class Hypothesis:
    site: str  # e.g. "root:L5", "nerve:common_peroneal", "cauda_equina"
    side: str  # left | right | bilateral | none
    score: float  # 0..1, comparable within one interpretation
    label: str
    supporting: tuple[Evidence, ...] = ()
    against: tuple[Evidence, ...] = ()

    def to_document(self) -> dict[str, Any]:
        return {
            "site": self.site, "side": self.side, "score": round(self.score, 3),
            "label": self.label,
            "for": [e.to_document() for e in self.supporting],
            "against": [e.to_document() for e in self.against],
        }


@dataclass(frozen=True)
class RedFlagFinding:
    id: str  # rule ID from the red-flag rule table
    urgency: str
    because: tuple[str, ...]  # dotted exam paths that triggered it
    text: str
    source: str
    destination: str = ""

    def to_document(self) -> dict[str, Any]:
        return {"id": self.id, "urgency": self.urgency, "because": list(self.because),
                "text": self.text, "source": self.source}


@dataclass(frozen=True)
class Referral:
    to: str
    text: str

    def to_document(self) -> dict[str, str]:
        return {"to": self.to, "text": self.text}


@dataclass(frozen=True)
class NextTest:
    finding: str
    why: str

    def to_document(self) -> dict[str, str]:
        return {"finding": self.finding, "why": self.why}


@dataclass(frozen=True)
class Interpretation:
    hypotheses: tuple[Hypothesis, ...]
    indeterminate: bool
    red_flags: tuple[RedFlagFinding, ...]
    urgency: str
    referral: Referral
    next_tests: tuple[NextTest, ...] = ()
    not_tested: tuple[str, ...] = ()

    def to_document(self) -> dict[str, Any]:
        return {
            "format": INTERPRETATION_FORMAT,
            "hypotheses": [h.to_document() for h in self.hypotheses],
            "indeterminate": self.indeterminate,
            "red_flags": [f.to_document() for f in self.red_flags],
            "urgency": self.urgency,
            "referral": self.referral.to_document(),
            "next_tests": [t.to_document() for t in self.next_tests],
            "not_tested": list(self.not_tested),
        }
