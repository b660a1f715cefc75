"""The charting area: body diagram, the findings tabs and the live interpretation side by side.

Left to right: the body diagram; tabs for strength, reflexes and tests, red flags and history;
the interpretation panel. `focus_finding(path)` brings the control for a finding path
(`strength.left.hip_abduction`, `reflexes.right.achilles`, `tests.left.slr`,
`red_flags.saddle_anaesthesia`, `history.onset_date`) into view and gives it the keyboard focus;
the interpretation panel's next-test links call it.

Only the strength tab is built with the window; the other tabs are built when first opened or
asked for (`reflexes`, `tests`, `red_flags`, `history` build theirs on access), and their
modules are imported then. The red-flag tab's title counts the unasked cauda equina questions
from the start, without its checklist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from app.domain.exam import Exam
from app.gui.body_map import BodyMapWidget
from app.gui.cauda_equina_questions import unasked_cauda_equina
from app.gui.deferred_tabs import DeferredTabs
from app.gui.finding_paths import parse_finding
from app.gui.interpretation_panel import InterpretationPanel
from app.gui.session import ExamSession
from app.gui.strength_grid import StrengthGrid

if TYPE_CHECKING:
    from app.gui.history_panel import HistoryPanel
    from app.gui.red_flag_panel import RedFlagPanel
    from app.gui.reflex_panel import ReflexPanel
    from app.gui.tests_panel import NeuroTestsPanel

SPLIT_SHARES = (4, 6, 4)  # body diagram, findings tabs, interpretation
SPLIT_UNIT = 100


class _FindingsPage(QWidget):
    """Reflexes and upper motor neuron signs above the neurodynamic tests."""

    def __init__(self, session: ExamSession):
        from app.gui.reflex_panel import ReflexPanel  # imported when the tab is first built
        from app.gui.tests_panel import NeuroTestsPanel

        super().__init__()
        self.reflexes = ReflexPanel(session)
        self.tests = NeuroTestsPanel(session)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reflexes)
        layout.addWidget(self.tests)
        layout.addStretch(1)


def _red_flag_panel(session: ExamSession) -> RedFlagPanel:
    from app.gui.red_flag_panel import RedFlagPanel  # imported when the tab is first built

    return RedFlagPanel(session)


def _history_panel(session: ExamSession) -> HistoryPanel:
    from app.gui.history_panel import HistoryPanel  # imported when the tab is first built

    return HistoryPanel(session)


class ChartingArea(QSplitter):
    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("charting_area")
        self._session = session
        self.body_map = BodyMapWidget(session, self)
        self.strength = StrengthGrid(session)
        self.interpretation = InterpretationPanel(session, self)

        self.tabs = DeferredTabs(self)
        self.tabs.setObjectName("findings_tabs")
        self._pages = {
            "strength": self.tabs.addTab(self.strength, "Strength"),
            "reflexes": self.tabs.add_deferred("Reflexes && tests",
                                               lambda: _FindingsPage(session)),
            "red_flags": self.tabs.add_deferred("Red flags", lambda: _red_flag_panel(session)),
            "history": self.tabs.add_deferred("History", lambda: _history_panel(session)),
        }
        self._pages["tests"] = self._pages["reflexes"]
        session.exam_changed.connect(self._show_unasked)
        self._show_unasked(session.exam)

        self.addWidget(self.body_map)
        self.addWidget(self.tabs)
        self.addWidget(self.interpretation)
        for column, share in enumerate(SPLIT_SHARES):
            self.setStretchFactor(column, share)
        self.setSizes([share * SPLIT_UNIT for share in SPLIT_SHARES])  # scaled on first layout
        self.setChildrenCollapsible(False)
        self.interpretation.finding_requested.connect(self.focus_finding)

    @property
    def reflexes(self) -> ReflexPanel:
        return self.tabs.page(self._pages["reflexes"]).reflexes

    @property
    def tests(self) -> NeuroTestsPanel:
        return self.tabs.page(self._pages["tests"]).tests

    @property
    def red_flags(self) -> RedFlagPanel:
        return self.tabs.page(self._pages["red_flags"])

    @property
    def history(self) -> HistoryPanel:
        return self.tabs.page(self._pages["history"])

    def focus_finding(self, path: str) -> bool:
        """Show and focus the control that records `path`; False if there is none."""
        finding = parse_finding(path)
        page = self._pages.get(finding.section)
        if page is None:
            return False
        self.tabs.setCurrentIndex(page)
        if finding.section == "strength":
            return self.strength.view.focus_grade(finding.side or "", finding.item)
        control = self._control_for(finding.section, finding.side, finding.item)
        if control is None:
            return False
        scroll = self.tabs.currentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(control)
        control.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _control_for(self, section: str, side: str | None, item: str) -> QWidget | None:
        if section == "reflexes":
            return self.reflexes.control(side or "", item)
        if section == "tests":
            return self.tests.control(side or "", item)
        if section == "red_flags":
            row = self.red_flags.rows.get(item)
            return row.group.checkedButton() if row is not None else None
        if section == "history":
            return {"onset_date": self.history.onset, "course": self.history.course}.get(item)
        return None

    def _show_unasked(self, exam: Exam) -> None:
        unasked = unasked_cauda_equina(exam, self._session.kb.red_flags)
        title = f"Red flags ({unasked} to ask)" if unasked else "Red flags"
        if self.tabs.tabText(self._pages["red_flags"]) != title:  # avoids a tab bar relayout
            self.tabs.setTabText(self._pages["red_flags"], title)
