"""Help › Clinical sources: what the rules stand on, the version of every data table, the app's.

`SourcesDialog(kb)` lists every source of `kb.sources` (key, evidence level, citation and which
tables cite it, from `source_usage`) with a filter box, and every knowledge table with its
version line and number of rows, under the NerveChart, Qt and Python versions. Read-only.
"""

from __future__ import annotations

import platform
from collections import Counter
from collections.abc import Iterable, Mapping

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.domain.knowledge import KnowledgeBase

# clinical.md section 0: what each evidence tag of sources.csv means
EVIDENCE_LEVELS: Mapping[str, str] = {
    "V": "checked against the source text",
    "K": "standard reference value, not re-read",
    "L": "UK local NHS pathway",
    "S": "secondary or teaching source (provisional)",
}
CITED_BY_WIDTH = 220  # pixels; the citation column takes the rest and wraps
# KnowledgeBase attribute -> the table file it was loaded from (app.knowledge.loader)
CITING_TABLES: Mapping[str, str] = {
    "sites": "sites.csv", "muscles": "muscles.csv", "regions": "regions.csv",
    "reflexes": "reflexes.csv", "umn_signs": "umn_signs.csv", "tests": "tests.csv",
    "red_flags": "red_flags.csv", "cues": "cues.csv", "red_flag_rules": "red_flag_rules.csv",
}


def source_usage(kb: KnowledgeBase) -> dict[str, Counter[str]]:
    """For each source key, how many rows of each table cite it."""
    usage: dict[str, Counter[str]] = {key: Counter() for key in kb.sources}
    for attribute, table in CITING_TABLES.items():
        for item in _items(getattr(kb, attribute, ())):
            for key in str(getattr(item, "source", "")).split(";"):
                if key.strip() in usage:
                    usage[key.strip()][table] += 1
    return usage


def _items(collection: Mapping[str, object] | Iterable[object]) -> Iterable[object]:
    return collection.values() if isinstance(collection, Mapping) else collection


def _table_rows(kb: KnowledgeBase, table: str) -> int | None:
    if table == "sources.csv":
        return len(kb.sources)
    for attribute, name in CITING_TABLES.items():
        if name == table:
            return len(tuple(_items(getattr(kb, attribute, ()))))
    return None


class SourcesDialog(QDialog):
    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Clinical sources and data tables")
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            f"<b>NerveChart {__version__}</b> · Qt for Python {pyside_version} · "
            f"Python {platform.python_version()}", self))
        intro = QLabel("Every clinical fact NerveChart uses is a row of a data table that "
                       "cites one or more of these sources; each conclusion shows its source.",
                       self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        tabs = QTabWidget(self)
        tabs.addTab(self._sources_page(kb), "Clinical &sources")
        tabs.addTab(self._tables_page(kb), "Data &tables")
        layout.addWidget(tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _sources_page(self, kb: KnowledgeBase) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.filter = QLineEdit(page)
        self.filter.setPlaceholderText("Filter by key, author, guideline or table…")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        usage = source_usage(kb)
        rows = [(source.key, source.evidence, source.citation,
                 ", ".join(f"{table} ({count})" for table, count
                           in sorted(usage[source.key].items())))
                for source in sorted(kb.sources.values(), key=lambda s: s.key)]
        self.sources = _read_only_table(("Key", "Evidence", "Citation", "Cited by"), rows, page)
        header = self.sources.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, CITED_BY_WIDTH)
        header.sectionResized.connect(self.sources.resizeRowsToContents)  # rewrap citations
        self.sources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sources.setTextElideMode(Qt.TextElideMode.ElideNone)
        for row in range(self.sources.rowCount()):
            evidence = self.sources.item(row, 1)
            evidence.setToolTip(EVIDENCE_LEVELS.get(evidence.text(), ""))
        self.filter.textChanged.connect(self._apply_filter)
        layout.addWidget(self.sources)
        legend = QLabel("Evidence: " + "; ".join(f"<b>{tag}</b> {meaning}" for tag, meaning
                                                 in EVIDENCE_LEVELS.items()), page)
        legend.setWordWrap(True)
        layout.addWidget(legend)
        return page

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        self.sources.resizeRowsToContents()  # the citation column has its final width now

    def _tables_page(self, kb: KnowledgeBase) -> QWidget:
        versions = kb.table_versions or {}
        rows = [(table, version, str(_table_rows(kb, table) or ""))
                for table, version in sorted(versions.items())]
        self.tables = _read_only_table(("Table", "Version", "Rows"), rows, self)
        self.tables.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return self.tables

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.sources.rowCount()):
            cells = (self.sources.item(row, column).text()
                     for column in range(self.sources.columnCount()))
            self.sources.setRowHidden(row, bool(needle) and not any(
                needle in cell.casefold() for cell in cells))

    def visible_source_keys(self) -> list[str]:
        return [self.sources.item(row, 0).text() for row in range(self.sources.rowCount())
                if not self.sources.isRowHidden(row)]


def _read_only_table(headers: tuple[str, ...], rows: list[tuple[str, ...]],
                     parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
    return table
