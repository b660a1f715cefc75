"""GradeDelegate: a small line editor that accepts only what can become an MRC grade.

The editor refuses any key that cannot lead to a grade (see `grades.TYPING_PATTERN`), shows
the typed value in capitals, and commits through the model's `setData` (one undo step).
The editor's classes are imported when the first cell is edited, not when the window opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

from app.gui.strength_grid.grades import TYPING_PATTERN

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit


class GradeDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        from PySide6.QtCore import QRegularExpression
        from PySide6.QtGui import QRegularExpressionValidator
        from PySide6.QtWidgets import QLineEdit

        editor = QLineEdit(parent)
        editor.setObjectName("grade_editor")
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setMaxLength(2)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(TYPING_PATTERN),
                                                        editor))
        editor.textEdited.connect(lambda text: editor.setText(text.upper()))
        return editor

    def setEditorData(self, editor: QLineEdit, index) -> None:
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QLineEdit, model, index) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
