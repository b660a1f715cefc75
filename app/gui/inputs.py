"""Small input widgets for optional values, where "nothing recorded" is a value of its own.

- `ChoiceBox`: a combo whose first entry is "not recorded" (None); `value_chosen` fires only on
  a user's choice, never when the program sets the value.
- `OptionalDateEdit`: a date edit whose lowest date stands for "unknown" (None), committing on
  Enter or focus loss rather than on every keystroke; from "unknown", the first arrow step goes
  to today and the calendar opens on the current month, not on the placeholder date.
- `OptionalNumber`: a spin box whose lowest value stands for None.

The date edit and the spin box commit each value as an edit of the exam (its own undo step);
Ctrl+Z and Ctrl+Shift+Z therefore reach the window's undo unless the field holds typing of
its own to undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDateEdit, QSpinBox, QWidget

UNKNOWN_DATE = QDate(1900, 1, 1)


def _leaves_undo_to_the_window(field: QAbstractSpinBox, event: QEvent) -> bool:
    """True for an undo or redo shortcut the field's text box has nothing of its own for, so
    the window's undo action gets it."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    text_box = field.lineEdit()
    if event.matches(QKeySequence.StandardKey.Undo):
        return not text_box.isUndoAvailable()
    return event.matches(QKeySequence.StandardKey.Redo) and not text_box.isRedoAvailable()


class ChoiceBox(QComboBox):
    value_chosen = Signal(object)  # the chosen value, or None for "not recorded"

    def __init__(self, choices: Sequence[tuple[str, str]], none_text: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.addItem(none_text, None)
        for value, text in choices:
            self.addItem(text, value)
        self.activated.connect(lambda row: self.value_chosen.emit(self.itemData(row)))

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, value: str | None) -> None:
        row = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(row, 0))


class OptionalDateEdit(QDateEdit):
    date_chosen = Signal(object)  # datetime.date or None

    def __init__(self, unknown_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDisplayFormat("dd-MMM-yyyy")
        self.setMinimumDate(UNKNOWN_DATE)
        self.setSpecialValueText(unknown_text)
        self.setCalendarPopup(True)
        self.setKeyboardTracking(False)
        self.set_value(None)
        self.dateChanged.connect(self._emit_if_user)
        self._setting = False

    def event(self, event: QEvent) -> bool:
        if _leaves_undo_to_the_window(self, event):
            return False
        return super().event(event)

    def stepBy(self, steps: int) -> None:
        if self.value() is None:
            self.setDate(QDate.currentDate())
        else:
            super().stepBy(steps)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)  # may open the calendar (created only then: it is heavy)
        if self.value() is None and self.calendarWidget().isVisible():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == UNKNOWN_DATE else chosen.toPython()

    def set_value(self, value: date | None) -> None:
        self._setting = True
        self.setDate(UNKNOWN_DATE if value is None else QDate(value))
        self._setting = False

    def _emit_if_user(self) -> None:
        if not self._setting:
            self.date_chosen.emit(self.value())


class OptionalNumber(QSpinBox):
    number_chosen = Signal(object)  # int or None

    def __init__(self, low: int, high: int, none_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(low - 1, high)
        self.setSpecialValueText(none_text)
        self.setKeyboardTracking(False)
        self._setting = False
        self.valueChanged.connect(self._emit_if_user)

    def event(self, event: QEvent) -> bool:
        if _leaves_undo_to_the_window(self, event):
            return False
        return super().event(event)

    def number(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_number(self, number: int | None) -> None:
        self._setting = True
        self.setValue(self.minimum() if number is None else number)
        self._setting = False

    def _emit_if_user(self) -> None:
        if not self._setting:
            self.number_chosen.emit(self.number())
