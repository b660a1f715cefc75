"""The charting area: body diagram, the findings tabs and the live interpretation side by side.

Left to right: the body diagram; tabs for strength, reflexes and tests, red flags and history;
the interpretation panel. `focus_finding(path)` brings the control for a finding path
(`strength.left.hip_abduction`, `reflexes.right.achilles`, `tests.left.slr`,
`red_flags.saddle_anaesthesia`, `history.onset_date`) into view and gives it the keyboard focus;
the interpretation panel's next-test links call it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.body_map import BodyMapWidget
from app.gui.finding_paths import parse_finding
from app.gui.history_panel import HistoryPanel
from app.gui.interpretation_panel import InterpretationPanel
from app.gui.red_flag_panel import RedFlagPanel
from app.gui.reflex_panel import ReflexPanel
from app.gui.session import ExamSession
from app.gui.strength_grid import StrengthGrid
from app.gui.tests_panel import NeuroTestsPanel


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


SPLIT_SHARES = (4, 6, 4)  # body diagram, findings tabs, interpretation
SPLIT_UNIT = 100


class ChartingArea(QSplitter):
    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("charting_area")
        self.body_map = BodyMapWidget(session, self)
        self.strength = StrengthGrid(session)
        self.reflexes = ReflexPanel(session)
        self.tests = NeuroTestsPanel(session)
        self.red_flags = RedFlagPanel(session)
        self.history = HistoryPanel(session)
        self.interpretation = InterpretationPanel(session, self)

        findings_page = QWidget()
        findings_layout = QVBoxLayout(findings_page)
        findings_layout.addWidget(self.reflexes)
        findings_layout.addWidget(self.tests)
        findings_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("findings_tabs")
        self._pages = {
            "strength": self.tabs.addTab(self.strength, "Strength"),
            "reflexes": self.tabs.addTab(_scrolling(findings_page), "Reflexes && tests"),
            "red_flags": self.tabs.addTab(_scrolling(self.red_flags), "Red flags"),
            "history": self.tabs.addTab(_scrolling(self.history), "History"),
        }
        self._pages["tests"] = self._pages["reflexes"]
        self.red_flags.unasked_changed.connect(self._show_unasked)
        self._show_unasked(self.red_flags.unasked)

        self.addWidget(self.body_map)
        self.addWidget(self.tabs)
        self.addWidget(self.interpretation)
        for column, share in enumerate(SPLIT_SHARES):
            self.setStretchFactor(column, share)
        self.setSizes([share * SPLIT_UNIT for share in SPLIT_SHARES])  # scaled on first layout
        self.setChildrenCollapsible(False)
        self.interpretation.finding_requested.connect(self.focus_finding)

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

    def _show_unasked(self, unasked: int) -> None:
        title = f"Red flags ({unasked} to ask)" if unasked else "Red flags"
        if self.tabs.tabText(self._pages["red_flags"]) != title:  # avoids a tab bar relayout
            self.tabs.setTabText(self._pages["red_flags"], title)
