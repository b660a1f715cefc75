"""ToolPalette: choose what a click paints, one symptom kind at a time, or the eraser.

Each kind's button shows its colour and pattern (the same drawing as on the map), so the
palette doubles as the legend. Alt+1..6 pick a kind, Alt+0 the eraser.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QSizePolicy, QToolButton, QWidget

from app.bodymap.styles import symptom_styles
from app.gui.body_map.painting import PatternCache, painter_path

ERASER = "eraser"
_ICON_SIZE = 22
COLUMNS = 4  # two rows, so the map stays usable in a narrow column


def kind_icon(kind: str) -> QIcon:
    """A square swatch of the kind's tint and pattern."""
    pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
    pixmap.fill(QColor("white"))
    square = ((1.0, 1.0), (21.0, 1.0), (21.0, 21.0), (1.0, 21.0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = painter_path((square,))
    PatternCache((square,)).paint(painter, path, {kind})
    painter.strokePath(path, QPen(QColor(symptom_styles()[kind].colour), 1.0))
    painter.end()
    return QIcon(pixmap)


def eraser_icon() -> QIcon:
    pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#444444"), 1.4))
    painter.drawRect(1, 1, 20, 20)
    painter.drawLine(5, 17, 17, 5)
    painter.end()
    return QIcon(pixmap)


class ToolPalette(QWidget):
    tool_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QToolButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        tools = [(kind, style.label, kind_icon(kind)) for kind, style in symptom_styles().items()]
        tools.append((ERASER, "Eraser", eraser_icon()))
        for number, (tool, label, icon) in enumerate(tools, start=1):
            button = QToolButton(self)
            button.setText(label)
            button.setIcon(icon)
            button.setIconSize(QSize(_ICON_SIZE, _ICON_SIZE))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            shortcut = "0" if tool == ERASER else str(number)
            button.setShortcut(QKeySequence(f"Alt+{shortcut}"))
            button.setToolTip(f"{label} (Alt+{shortcut})" if tool == ERASER else
                              f"Mark {label.lower()} (Alt+{shortcut}); click toggles, drag paints")
            button.setAccessibleName(f"{label} tool")
            button.toggled.connect(lambda on, t=tool: on and self.tool_changed.emit(t))
            self._group.addButton(button)
            self._buttons[tool] = button
            layout.addWidget(button, (number - 1) // COLUMNS, (number - 1) % COLUMNS)
        layout.setColumnStretch(COLUMNS, 1)
        self._buttons[tools[0][0]].setChecked(True)

    @property
    def tool(self) -> str:
        return next(tool for tool, button in self._buttons.items() if button.isChecked())

    def set_tool(self, tool: str) -> None:
        self._buttons[tool].setChecked(True)

    def button(self, tool: str) -> QToolButton:
        return self._buttons[tool]
