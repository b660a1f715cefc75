"""StrengthModel: the muscles of the knowledge base as a table over the session's exam.

Rows: a heading row per limb ("Lower limb", then "Upper limb"), each followed by its muscles in
table order. Columns: the movement, the patient's Left and Right grades, then roots, muscle and
nerve (read-only labels). A grade cell shows the recorded MRC value, or nothing when the muscle
was not tested: an untested cell is never shown as 5. Edits go through
`ExamSession.set_strength` (one undo step per grade); the model repaints from `exam_changed`,
so undo and load are reflected too. The view asks `data` and `flags` for every cell and role on
each paint, so they answer from texts and flags worked out once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.domain.exam import Exam
from app.domain.knowledge import KnowledgeBase, Muscle
from app.domain.vocabulary import LIMB_SIDES, NOT_TESTABLE, ROOTS
from app.gui.session import ExamSession
from app.gui.strength_grid.grades import is_weak, parse_grade

LIMB_ORDER: tuple[str, ...] = ("lower", "upper")
LIMB_TITLES = {"lower": "Lower limb", "upper": "Upper limb"}
# The grades sit right after the movement so they stay in view when the panel is narrow.
COLUMNS: tuple[str, ...] = ("movement", "left", "right", "roots", "muscle", "nerve")
COLUMN_TITLES = {"movement": "Movement", "left": "Left", "right": "Right", "roots": "Roots",
                 "muscle": "Muscle", "nerve": "Nerve"}
GRADE_COLUMNS: tuple[int, ...] = tuple(COLUMNS.index(side) for side in LIMB_SIDES)
MINOR_ROOT_SHARE = 0.25  # roots supplying less than this are shown in brackets

# Backgrounds are given as colours (Qt makes the brush): building a QBrush in Python would make
# PySide build the QGradient class and its enums on the first paint.
WEAK_BACKGROUND = QColor("#F4C7A1")  # Okabe-Ito orange, lightened; text stays dark
NOT_TESTABLE_BACKGROUND = QColor("#D9D9D9")
HEADING_BACKGROUND = QColor("#E8EEF4")

ModelIndex = QModelIndex | QPersistentModelIndex

_Role = Qt.ItemDataRole
DISPLAY, EDIT, TOOLTIP = int(_Role.DisplayRole), int(_Role.EditRole), int(_Role.ToolTipRole)
ALIGNMENT, BACKGROUND, FONT = (int(_Role.TextAlignmentRole), int(_Role.BackgroundRole),
                               int(_Role.FontRole))
ACCESSIBLE_TEXT = int(_Role.AccessibleTextRole)
ANSWERED_ROLES = frozenset({DISPLAY, EDIT, TOOLTIP, ALIGNMENT, BACKGROUND, FONT, ACCESSIBLE_TEXT})
CENTRED = int(Qt.AlignmentFlag.AlignCenter)
GRADE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
LABEL_FLAGS = Qt.ItemFlag.ItemIsEnabled


class GridRow(NamedTuple):  # a record defined at start-up: a frozen dataclass costs ~1 ms more
    """A limb heading (`muscle` None) or one muscle."""

    limb: str
    muscle: Muscle | None = None


@lru_cache(maxsize=1)
def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def grid_rows(kb: KnowledgeBase) -> tuple[GridRow, ...]:
    rows: list[GridRow] = []
    for limb in LIMB_ORDER:
        muscles = [m for m in kb.muscles.values() if m.limb == limb]
        if muscles:
            rows.append(GridRow(limb))
            rows.extend(GridRow(limb, m) for m in muscles)
    return tuple(rows)


def roots_text(muscle: Muscle) -> str:
    ordered = sorted(muscle.roots, key=ROOTS.index)
    return " ".join(root if muscle.roots[root] >= MINOR_ROOT_SHARE else f"({root})"
                    for root in ordered)


def label_texts(muscle: Muscle) -> dict[str, str]:
    """The read-only columns of a muscle's row, by column name."""
    return {"movement": muscle.movement, "muscle": muscle.muscle, "roots": roots_text(muscle),
            "nerve": muscle.peripheral_nerve}


class StrengthModel(QAbstractTableModel):
    def __init__(self, session: ExamSession, parent=None):
        super().__init__(parent)
        self._session = session
        self._rows = grid_rows(session.kb)
        self._row_of = {r.muscle.id: n for n, r in enumerate(self._rows) if r.muscle is not None}
        self._labels = {n: label_texts(r.muscle) for n, r in enumerate(self._rows)
                        if r.muscle is not None}
        self._strength = session.exam.strength
        session.exam_changed.connect(self._on_exam_changed)

    # -- structure -----------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row(self, row: int) -> GridRow:
        return self._rows[row]

    def side_of_column(self, column: int) -> str | None:
        return COLUMNS[column] if column in GRADE_COLUMNS else None

    def grade_index(self, side: str, muscle_id: str) -> QModelIndex:
        """The cell holding `muscle_id` on `side` (invalid if the muscle is unknown)."""
        row = self._row_of.get(muscle_id)
        if row is None or side not in LIMB_SIDES:
            return QModelIndex()
        return self.index(row, COLUMNS.index(side))

    def is_grade_cell(self, index: ModelIndex) -> bool:
        return (index.isValid() and index.column() in GRADE_COLUMNS
                and self._rows[index.row()].muscle is not None)

    # -- data ----------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMN_TITLES[COLUMNS[section]]
        if role == Qt.ItemDataRole.ToolTipRole and section in GRADE_COLUMNS:
            return f"The patient's {COLUMNS[section]} side"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return GRADE_FLAGS if self.is_grade_cell(index) else LABEL_FLAGS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        row = index.row()
        grid_row = self._rows[row]
        if grid_row.muscle is None:
            return self._heading_data(grid_row, index.column(), role)
        side = self.side_of_column(index.column())
        if side is None:
            return self._label_data(row, COLUMNS[index.column()], role)
        return self._grade_data(grid_row.muscle, side, role)

    def setData(self, index: ModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_grade_cell(index):
            return False
        try:
            grade = parse_grade(str(value or ""))
        except ValueError:
            return False
        muscle = self._rows[index.row()].muscle
        self._session.set_strength(self.side_of_column(index.column()), muscle.id, grade)
        return True

    def _heading_data(self, grid_row: GridRow, column: int, role: int):
        if role == DISPLAY and column == 0:
            return LIMB_TITLES[grid_row.limb]
        if role == FONT:
            return _bold_font()
        if role == BACKGROUND:
            return HEADING_BACKGROUND
        return None

    def _label_data(self, row: int, column: str, role: int):
        if role == DISPLAY:
            return self._labels[row][column]
        if role == TOOLTIP:
            texts = self._labels[row]
            return (f"{texts['movement']}: {texts['muscle']}\nRoots {texts['roots']}; "
                    f"nerve {texts['nerve']}")
        return None

    def _grade_data(self, muscle: Muscle, side: str, role: int):
        grade = self._strength.get((side, muscle.id))
        if role in (DISPLAY, EDIT):
            return grade or ""
        if role == ALIGNMENT:
            return CENTRED
        if role == BACKGROUND:
            if is_weak(grade):
                return WEAK_BACKGROUND
            if grade == NOT_TESTABLE:
                return NOT_TESTABLE_BACKGROUND
            return None
        if role == FONT and is_weak(grade):
            return _bold_font()
        if role in (TOOLTIP, ACCESSIBLE_TEXT):
            recorded = {None: "not tested", NOT_TESTABLE: "not testable"}.get(grade, f"{grade}/5")
            return f"Patient's {side} {muscle.movement.lower()}: {recorded}"
        return None

    # -- repaint -------------------------------------------------------------------------
    def _on_exam_changed(self, exam: Exam) -> None:
        """Announce only the cells whose grade changed, so only they are repainted."""
        before, self._strength = self._strength, exam.strength
        if before == exam.strength:
            return
        for side, muscle_id in set(before) | set(exam.strength):
            if before.get((side, muscle_id)) != exam.strength.get((side, muscle_id)):
                cell = self.grade_index(side, muscle_id)
                if cell.isValid():
                    self.dataChanged.emit(cell, cell)
