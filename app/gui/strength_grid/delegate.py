"""GradeDelegate: a small line editor that accepts only what can become an MRC grade.

The editor refuses any key that cannot lead to a grade (see `grades.TYPING_PATTERN`), shows
the typed value in capitals, and commits through the model's `setData` (one undo step).
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate

from app.gui.strength_grid.grades import TYPING_PATTERN


class GradeDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
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
