"""The live interpretation panel: urgency banner on top, then red flags, hypotheses, next tests.

It only displays what the session's engine returned, on every `interpretation_changed`:
- the urgency banner names the urgency and the destination in words; emergency is white on
  deep red, large and bold, so it cannot be missed (colour is never the only cue: the word
  is there);
- red flags, each with its reason and source;
- "Indeterminate" when the engine cannot separate the leading sites;
- the ranking of hypotheses (one line each, then the next tests), followed by each one's for (+)
  and against (−) reasons, each with rule and source key (full citations listed once at the end);
  clicking a hypothesis selects it in the session (the body map shows its territory);
- next tests and not-tested findings as links: clicking one emits `finding_requested(path)`,
  which the window turns into focus on that cell or control.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.domain.interpretation import Evidence, Hypothesis, Interpretation
from app.domain.knowledge import KnowledgeBase
from app.gui.finding_paths import finding_label
from app.gui.session import ExamSession
from app.gui.wording import URGENCY_TIMING, URGENCY_WORDS, destination_words

# (background, text) per urgency; Okabe-Ito derived, emergency a deep red.
URGENCY_COLOURS = {
    "emergency": ("#B3001B", "#FFFFFF"),
    "urgent": ("#D55E00", "#FFFFFF"),
    "soon": ("#F0E442", "#000000"),
    "routine": ("#E3EEF7", "#0B2A42"),
}
FINDING_SCHEME = "finding"
HYPOTHESIS_SCHEME = "hypothesis"
MAX_NOT_TESTED_SHOWN = 12


class UrgencyBanner(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("urgency_banner")
        self.setWordWrap(True)
        self.setMargin(10)

    def show_urgency(self, interpretation: Interpretation) -> None:
        urgency = interpretation.urgency
        background, text = URGENCY_COLOURS.get(urgency, URGENCY_COLOURS["routine"])
        size = 20 if urgency == "emergency" else 15
        destination = destination_words(interpretation.referral.to)
        headline = f"{URGENCY_WORDS.get(urgency, urgency)} — {destination}"
        if urgency != "routine":
            headline += f" ({URGENCY_TIMING[urgency]})"
        detail = escape(interpretation.referral.text)
        self.setText(f"<div style='font-size:{size}pt; font-weight:bold'>{escape(headline)}</div>"
                     + (f"<div style='margin-top:4px'>{detail}</div>" if detail else ""))
        border = "6px solid #5C000E" if urgency == "emergency" else "1px solid #7F8C99"
        self.setStyleSheet(f"QLabel#urgency_banner {{ background: {background}; color: {text};"
                           f" border: {border}; border-radius: 4px; }}")
        self.setAccessibleName(f"Urgency {urgency}, {destination}")


class InterpretationPanel(QWidget):
    finding_requested = Signal(str)  # a dotted finding path to bring into view

    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.banner = UrgencyBanner(self)
        self.details = QTextBrowser(self)
        self.details.setObjectName("interpretation_details")
        self.details.setOpenLinks(False)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setAccessibleName("Interpretation: red flags, hypotheses and next tests")
        self.details.anchorClicked.connect(self._on_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.details, 1)
        session.interpretation_changed.connect(self.show_interpretation)
        session.hypothesis_selected.connect(self._on_hypothesis_selected)
        self.show_interpretation(session.interpretation)

    def _on_hypothesis_selected(self, _hypothesis: Hypothesis | None) -> None:
        self.show_interpretation(self._session.interpretation)

    def show_interpretation(self, interpretation: Interpretation) -> None:
        self.banner.show_urgency(interpretation)
        scroll = self.details.verticalScrollBar().value()
        self.details.setHtml(interpretation_html(interpretation, self._session.kb,
                                                 self._session.selected_hypothesis))
        self.details.verticalScrollBar().setValue(scroll)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == FINDING_SCHEME:
            self.finding_requested.emit(url.path())
        elif url.scheme() == HYPOTHESIS_SCHEME:
            hypotheses = self._session.interpretation.hypotheses
            rank = int(url.path())
            chosen = hypotheses[rank] if rank < len(hypotheses) else None
            same = chosen == self._session.selected_hypothesis
            self._session.select_hypothesis(None if same else chosen)


def interpretation_html(result: Interpretation, kb: KnowledgeBase,
                        selected: Hypothesis | None) -> str:
    parts: list[str] = []
    if result.red_flags:
        parts.append("<h3 style='color:#B3001B'>Red flags</h3><ul>")
        for flag in result.red_flags:
            because = ", ".join(finding_label(p, kb) for p in flag.because)
            parts.append(f"<li><b>[{escape(flag.urgency)}]</b> {escape(flag.text)}"
                         f"<br><small>because: {escape(because)} · {_cite(flag.source)}"
                         f"</small></li>")
        parts.append("</ul>")
    parts.append("<h3>Localisation</h3>")
    if result.indeterminate:
        parts.append("<p style='background:#FFF4CC; padding:4px'><b>Indeterminate:</b> the "
                     "findings do not separate the leading sites. See the next tests.</p>")
    if not result.hypotheses:
        parts.append("<p><i>No localisation yet: record findings to see hypotheses.</i></p>")
    else:
        parts.append("<table cellspacing='0' cellpadding='2'>")
        parts.extend(_ranking_row(rank, h, h == selected)
                     for rank, h in enumerate(result.hypotheses))
        parts.append("</table>")
    if result.next_tests:
        parts.append("<h3>Next tests</h3><ul>")
        parts.extend(f"<li>{_finding_link(t.finding, kb)} — {escape(t.why)}</li>"
                     for t in result.next_tests)
        parts.append("</ul>")
    if result.hypotheses:
        parts.append("<h3>Reasons</h3>")
        parts.extend(_hypothesis_html(rank, h, h == selected)
                     for rank, h in enumerate(result.hypotheses))
    if result.not_tested:
        shown = result.not_tested[:MAX_NOT_TESTED_SHOWN]
        more = len(result.not_tested) - len(shown)
        links = ", ".join(_finding_link(path, kb) for path in shown)
        parts.append(f"<h3>Not tested</h3><p>{links}{f' and {more} more' if more else ''}</p>")
    parts.append(_sources_html(result, kb))
    return "".join(parts)


def _ranking_row(rank: int, hypothesis: Hypothesis, selected: bool) -> str:
    """One line of the ranking: a link that selects the hypothesis, and its score."""
    style = " style='background:#DCEBFA'" if selected else ""
    weight = "bold" if rank == 0 else "normal"
    return (f"<tr{style}><td style='font-weight:{weight}'>{rank + 1}. "
            f"<a href='{HYPOTHESIS_SCHEME}:{rank}'>{escape(hypothesis.label)}</a></td>"
            f"<td align='right'><small>{hypothesis.score:.2f}</small></td></tr>")


def _hypothesis_html(rank: int, hypothesis: Hypothesis, selected: bool) -> str:
    style = " style='background:#DCEBFA'" if selected else ""
    title = (f"<a href='{HYPOTHESIS_SCHEME}:{rank}'>{rank + 1}. {escape(hypothesis.label)}</a>"
             f" <small>score {hypothesis.score:.2f}</small>")
    reasons = "".join(_evidence_html("+", e) for e in hypothesis.supporting)
    reasons += "".join(_evidence_html("−", e) for e in hypothesis.against)
    return (f"<div{style}><p style='margin-bottom:2px'><b>{title}</b></p>"
            f"<table cellspacing='0' cellpadding='1'>{reasons}</table></div>")


def _evidence_html(sign: str, evidence: Evidence) -> str:
    colour = "#006B4F" if sign == "+" else "#A33A00"
    return (f"<tr><td style='color:{colour}; font-weight:bold' width='14'>{sign}</td>"
            f"<td>{escape(evidence.text)} <small style='color:#555'>"
            f"({escape(evidence.rule)}; {_cite(evidence.source)})</small></td></tr>")


def _finding_link(path: str, kb: KnowledgeBase) -> str:
    return f"<a href='{FINDING_SCHEME}:{escape(path)}'>{escape(finding_label(path, kb))}</a>"


def _source_keys(source: str) -> list[str]:
    return [key for key in source.split(";") if key]


def _cite(source: str) -> str:
    return escape(", ".join(_source_keys(source)))


def _sources_html(result: Interpretation, kb: KnowledgeBase) -> str:
    """Every source cited above, once, with its full citation."""
    cited = [*(f.source for f in result.red_flags),
             *(e.source for h in result.hypotheses for e in (*h.supporting, *h.against))]
    keys = dict.fromkeys(key for source in cited for key in _source_keys(source))
    if not keys:
        return ""
    items = "".join(
        f"<li><b>{escape(key)}</b>: {escape(kb.sources[key].citation) if key in kb.sources else ''}"
        "</li>" for key in keys)
    return f"<h4>Sources</h4><ul style='font-size:small'>{items}</ul>"
