"""The live interpretation panel: urgency banner on top, then red flags, hypotheses, next tests.

It only displays what the session's engine returned, on every `interpretation_changed`:
- the urgency banner names the urgency and the destination in words; emergency is white on
  deep red, large and bold, so it cannot be missed (colour is never the only cue: the word
  is there);
- red flags, each with its reason and source;
- "Indeterminate" when the engine cannot separate the leading sites;
- the ranking of hypotheses (one line each) and the next tests, then the for (+) and against (−)
  reasons of one hypothesis (the selected one, else the leader), each with rule and source key
  (pointing at or clicking a source key shows its full citation);
  clicking a hypothesis selects it in the session (the body map shows its territory);
- next tests and not-tested findings as links: clicking one emits `finding_requested(path)`,
  which the window turns into focus on that cell or control.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCursor, QTextCursor
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from app.domain.interpretation import Evidence, Hypothesis, Interpretation
from app.domain.knowledge import KnowledgeBase
from app.gui.document_blocks import BlockDocument
from app.gui.finding_paths import finding_label
from app.gui.quiet_scroll_bar import QuietScrollBar
from app.gui.region_text_browser import RegionTextBrowser
from app.gui.session import ExamSession
from app.gui.urgency_banner import URGENCY_COLOURS, UrgencyBanner

# URGENCY_COLOURS stays importable from here, where the window's tests have always found it.
__all__ = ["URGENCY_COLOURS", "InterpretationPanel", "interpretation_blocks"]
FINDING_SCHEME = "finding"
HYPOTHESIS_SCHEME = "hypothesis"
SOURCE_SCHEME = "source"
MAX_NOT_TESTED_SHOWN = 12
DOCUMENT_STYLE = "p { margin-top: 1px; margin-bottom: 3px; } h3 { margin-top: 8px; }"


class InterpretationPanel(QWidget):
    finding_requested = Signal(str)  # a dotted finding path to bring into view

    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.banner = UrgencyBanner(self)
        self.details = RegionTextBrowser(self)  # paints only the changed parts
        self.details.setObjectName("interpretation_details")
        self.details.setOpenLinks(False)
        # An edit usually changes a few lines (scores, one reason): only those are rewritten.
        self._text = BlockDocument(self.details.document(), DOCUMENT_STYLE)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that comes and goes makes every new text lay out twice.
        self.details.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.details.setVerticalScrollBar(QuietScrollBar())  # repaints only what moved
        self.details.setAccessibleName("Interpretation: red flags, hypotheses and next tests")
        self.details.anchorClicked.connect(self._on_link)
        self.details.highlighted.connect(self._show_citation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.details, 1)
        session.interpretation_changed.connect(self.show_interpretation)
        session.hypothesis_selected.connect(self._on_hypothesis_selected)
        session.exam_loaded.connect(self.banner.fit)
        self.show_interpretation(session.interpretation)

    def _on_hypothesis_selected(self, _hypothesis: Hypothesis | None) -> None:
        self.show_interpretation(self._session.interpretation)

    def show_interpretation(self, interpretation: Interpretation) -> None:
        self.banner.show_urgency(interpretation)
        scroll = self.details.verticalScrollBar().value()
        if self._text.show(interpretation_blocks(interpretation, self._session.kb,
                                                 self._session.selected_hypothesis)):
            # as after a fresh text: no selection, searches start at the top (a cursor put
            # there again repaints its place: only when it moved)
            cursor = self.details.textCursor()
            if cursor.hasSelection() or cursor.position() != 0:
                self.details.setTextCursor(QTextCursor(self.details.document()))
            self.details.verticalScrollBar().setValue(scroll)

    def citation(self, key: str) -> str:
        source = self._session.kb.sources.get(key)
        return f"{key}: {source.citation}" if source is not None else key

    def _show_citation(self, url: QUrl) -> None:
        if url.scheme() == SOURCE_SCHEME:
            QToolTip.showText(QCursor.pos(), self.citation(url.path()), self.details)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == FINDING_SCHEME:
            self.finding_requested.emit(url.path())
        elif url.scheme() == SOURCE_SCHEME:
            QToolTip.showText(QCursor.pos(), self.citation(url.path()), self.details)
        elif url.scheme() == HYPOTHESIS_SCHEME:
            hypotheses = self._session.interpretation.hypotheses
            rank = int(url.path())
            chosen = hypotheses[rank] if rank < len(hypotheses) else None
            same = chosen == self._session.selected_hypothesis
            self._session.select_hypothesis(None if same else chosen)


def interpretation_blocks(result: Interpretation, kb: KnowledgeBase,
                          selected: Hypothesis | None) -> list[str]:
    """The panel's text, one `<h3>` or `<p>` element (one text block) per string. Reasons are
    given for one hypothesis at a time (the selected one, else the leader), which keeps the
    text short enough to lay out within a frame."""
    explained = selected if selected in result.hypotheses else (
        result.hypotheses[0] if result.hypotheses else None)
    parts: list[str] = []
    if result.red_flags:
        parts.append("<h3 style='color:#B3001B'>Red flags</h3>")
        for flag in result.red_flags:
            because = ", ".join(finding_label(p, kb) for p in flag.because)
            parts.append(f"<p><b>[{escape(flag.urgency)}]</b> {escape(flag.text)}"
                         f"<br><small>because: {escape(because)} · {_cite(flag.source)}"
                         f"</small></p>")
    parts.append("<h3>Localisation</h3>")
    if result.indeterminate:
        parts.append("<p style='background:#FFF4CC'><b>Indeterminate:</b> the findings do not "
                     "separate the leading sites. See the next tests.</p>")
    if not result.hypotheses:
        parts.append("<p><i>No localisation yet: record findings to see hypotheses.</i></p>")
    parts.extend(_ranking_line(rank, h, h == explained)
                 for rank, h in enumerate(result.hypotheses))
    if result.next_tests:
        parts.append("<h3>Next tests</h3>")
        parts.extend(f"<p>• {_finding_link(t.finding, kb)} — {escape(t.why)}</p>"
                     for t in result.next_tests)
    if explained is not None:
        parts.extend(_reasons_blocks(result.hypotheses.index(explained), explained,
                                     len(result.hypotheses) > 1))
    if result.not_tested:
        shown = result.not_tested[:MAX_NOT_TESTED_SHOWN]
        more = len(result.not_tested) - len(shown)
        links = ", ".join(_finding_link(path, kb) for path in shown)
        parts.append("<h3>Not tested</h3>")
        parts.append(f"<p>{links}{f' and {more} more' if more else ''}</p>")
    return parts


def _ranking_line(rank: int, hypothesis: Hypothesis, explained: bool) -> str:
    """One line of the ranking: a link that selects the hypothesis, and its score."""
    style = " style='background:#DCEBFA'" if explained else ""
    label = escape(hypothesis.label)
    if rank == 0:
        label = f"<b>{label}</b>"
    return (f"<p{style}>{rank + 1}. <a href='{HYPOTHESIS_SCHEME}:{rank}'>{label}</a>"
            f" <small>score {hypothesis.score:.2f}</small></p>")


def _reasons_blocks(rank: int, hypothesis: Hypothesis, others: bool) -> list[str]:
    blocks = [f"<h3>Why {rank + 1}. {escape(hypothesis.label)}</h3>"]
    if others:
        blocks.append("<p style='margin-top:0px; margin-bottom:0px'>"
                      "<small>(click another hypothesis for its reasons)</small></p>")
    reasons = [_evidence_html("+", "#006B4F", e) for e in hypothesis.supporting]
    reasons += [_evidence_html("−", "#A33A00", e) for e in hypothesis.against]
    return blocks + (reasons or ["<p><i>No reasons given.</i></p>"])


def _evidence_html(sign: str, colour: str, evidence: Evidence) -> str:
    return (f"<p><b style='color:{colour}'>{sign}</b> {escape(evidence.text)} "
            f"<small style='color:#555'>({escape(evidence.rule)}; {_cite(evidence.source)})"
            f"</small></p>")


def _finding_link(path: str, kb: KnowledgeBase) -> str:
    return f"<a href='{FINDING_SCHEME}:{escape(path)}'>{escape(finding_label(path, kb))}</a>"


def _source_keys(source: str) -> list[str]:
    return [key for key in source.split(";") if key]


def _cite(source: str) -> str:
    """Source keys as links; pointing at one shows its full citation."""
    return ", ".join(f"<a href='{SOURCE_SCHEME}:{escape(key)}' style='color:#555'>{escape(key)}</a>"
                     for key in _source_keys(source))
