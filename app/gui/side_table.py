"""SideTable: a grid of labelled rows with one control per patient side (Left, Right).

Used by the reflex and test panels. Each row is keyed by an exam item ID; `control(side, item)`
returns the widget in that cell, so a finding path can be focused.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.domain.vocabulary import LIMB_SIDES

SIDE_TITLES = {"left": "Left", "right": "Right"}


class SideTable(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(3)
        self._grid.setColumnStretch(0, 1)
        for column, side in enumerate(LIMB_SIDES, start=1):
            header = QLabel(f"<b>{SIDE_TITLES[side]}</b>", self)
            header.setToolTip(f"The patient's {side} side")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._grid.addWidget(header, 0, column)
        self._controls: dict[tuple[str, str], QWidget] = {}

    def add_heading(self, text: str) -> None:
        label = QLabel(f"<b>{text}</b>", self)
        label.setStyleSheet("margin-top: 6px;")
        self._grid.addWidget(label, self._grid.rowCount(), 0, 1, 1 + len(LIMB_SIDES))

    def add_row(self, item: str, label: str, controls: dict[str, QWidget],
                tooltip: str = "") -> None:
        row = self._grid.rowCount()
        caption = QLabel(label, self)
        caption.setToolTip(tooltip)
        self._grid.addWidget(caption, row, 0)
        for column, side in enumerate(LIMB_SIDES, start=1):
            control = controls[side]
            control.setAccessibleName(f"{label}, patient's {side}")
            self._grid.addWidget(control, row, column)
            self._controls[(side, item)] = control

    def control(self, side: str, item: str) -> QWidget | None:
        return self._controls.get((side, item))
