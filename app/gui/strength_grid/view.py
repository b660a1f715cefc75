"""The strength grid widget: the table view with keyboard entry and the quick "all 5" fills.

Keys (the grade cells only take part in navigation; label cells are skipped):
- `0`-`5`, then optionally `+`/`-`, or `n`: opens the cell's editor with what was typed;
- Enter commits and moves down the column, Tab commits and moves to the next cell in reading
  order (Shift+Tab back), Escape abandons the edit;
- Delete or Backspace on a cell clears it (back to "not tested").
The "All 5" menu records 5 for every untested muscle of one limb on one side, as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import LIMB_SIDES
from app.gui.session import ExamSession
from app.gui.strength_grid.delegate import GradeDelegate
from app.gui.strength_grid.grades import NORMAL_GRADE, fill_untested
from app.gui.strength_grid.model import (
    COLUMNS,
    GRADE_COLUMNS,
    LIMB_ORDER,
    LIMB_TITLES,
    StrengthModel,
)

MOVEMENT_CHARACTERS = 28  # starting widths of the label columns; the user may resize them
MUSCLE_CHARACTERS = 22

_Move = QAbstractItemView.CursorAction
_Hint = QAbstractItemDelegate.EndEditHint


class StrengthGridView(QTableView):
    def __init__(self, model: StrengthModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("strength_grid")
        self.setAccessibleName("Strength grid, MRC grades, patient's left and right")
        self.setModel(model)
        self.setItemDelegate(GradeDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        characters = self.fontMetrics().averageCharWidth()
        header.resizeSection(COLUMNS.index("movement"), MOVEMENT_CHARACTERS * characters)
        roots = COLUMNS.index("roots")
        header.resizeSection(roots, self.sizeHintForColumn(roots) + characters)
        header.resizeSection(COLUMNS.index("muscle"), MUSCLE_CHARACTERS * characters)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column in GRADE_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("Right") + 28)
        for row in range(model.rowCount()):
            if model.row(row).muscle is None:
                self.setSpan(row, 0, 1, model.columnCount())
        self._model = model
        cells = self._grade_cells()
        self.setCurrentIndex(cells[0] if cells else QModelIndex())

    def grade_model(self) -> StrengthModel:
        return self._model

    # -- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._go(self.moveCursor(_Move.MoveDown, Qt.KeyboardModifier.NoModifier))
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                if self._model.is_grade_cell(self.currentIndex()):
                    self._model.setData(self.currentIndex(), "", Qt.ItemDataRole.EditRole)
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: _Hint) -> None:
        super().closeEditor(editor, _Hint.NoHint)
        move = {_Hint.SubmitModelCache: _Move.MoveDown, _Hint.EditNextItem: _Move.MoveNext,
                _Hint.EditPreviousItem: _Move.MovePrevious}.get(hint)
        if move is not None:
            self._go(self.moveCursor(move, Qt.KeyboardModifier.NoModifier))

    def moveCursor(self, action: _Move, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        cells = self._grade_cells()
        current = self.currentIndex()
        if not cells:
            return QModelIndex()
        if current not in cells:
            return cells[0]
        position = cells.index(current)
        if action in (_Move.MoveNext, _Move.MoveRight):
            return cells[min(position + 1, len(cells) - 1)]
        if action in (_Move.MovePrevious, _Move.MoveLeft):
            return cells[max(position - 1, 0)]
        if action in (_Move.MoveDown, _Move.MoveUp):
            column = [c for c in cells if c.column() == current.column()]
            step = 1 if action == _Move.MoveDown else -1
            place = column.index(current) + step
            return column[place] if 0 <= place < len(column) else current
        return super().moveCursor(action, modifiers)

    def focus_grade(self, side: str, muscle_id: str) -> bool:
        """Make the grade cell of `muscle_id` on `side` current and focused."""
        index = self._model.grade_index(side, muscle_id)
        if not index.isValid():
            return False
        self._go(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _grade_cells(self) -> list[QModelIndex]:
        model = self._model
        return [model.index(row, column) for row in range(model.rowCount())
                for column in GRADE_COLUMNS if model.is_grade_cell(model.index(row, column))]


class StrengthGrid(QWidget):
    """The grid with its caption and the "All 5" menu."""

    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.model = StrengthModel(session, self)
        self.view = StrengthGridView(self.model, self)
        fill_button = QToolButton(self)
        fill_button.setText("All 5 …")
        fill_button.setToolTip("Record 5 for every untested muscle of one limb; "
                               "grades already recorded are kept")
        fill_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        fill_menu = QMenu(fill_button)
        self.fill_actions: dict[tuple[str, str], QAction] = {}
        for limb in LIMB_ORDER:
            for side in LIMB_SIDES:
                action = fill_menu.addAction(f"Patient's {side} {LIMB_TITLES[limb].lower()}")
                action.triggered.connect(lambda _=False, s=side, lb=limb: self.fill_limb(s, lb))
                self.fill_actions[(side, limb)] = action
        fill_button.setMenu(fill_menu)
        hint = QLabel("Type 0–5, 4- or 4+, n = not testable; Enter/Tab next; Delete clears. "
                      "Blank = not tested.", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(fill_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def fill_limb(self, side: str, limb: str) -> None:
        muscles = [m.id for m in self._session.kb.muscles.values() if m.limb == limb]
        self._session.apply(f"All 5, patient's {side} {LIMB_TITLES[limb].lower()}",
                            lambda exam: fill_untested(exam, side, muscles, NORMAL_GRADE))
