"""`LetterPreviewDialog`: the letter as it will print, page after page, before it leaves.

A destination box (recommended, each destination, the patient's copy) re-renders the letter;
Print… and Save PDF… act on exactly the bytes shown. Pages are images from pypdfium2 in a
scroll area.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.gui.letter.pages import render_pages

PREVIEW_DPI = 90  # an A4 page is 744 pixels wide


class LetterPreviewDialog(QDialog):
    destination_changed = Signal(str)  # the choice's key
    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, choices: list[tuple[str, str]], chosen: str,
                 parent: QWidget | None = None):
        """`choices` are (key, text) pairs for the destination box; `chosen` is a key."""
        super().__init__(parent)
        self.setWindowTitle("Letter preview")
        self.resize(820, 960)
        self.pdf = b""
        self.destination_box = QComboBox(self)
        for key, text in choices:
            self.destination_box.addItem(text, key)
        self.destination_box.setCurrentIndex(max(0, self.destination_box.findData(chosen)))
        self.destination_box.currentIndexChanged.connect(self._on_destination_changed)
        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.pages_widget)
        scroll.setWidgetResizable(True)
        scroll.setBackgroundRole(self.backgroundRole())
        self.print_button = QPushButton("&Print…", self)
        self.save_button = QPushButton("&Save PDF…", self)
        self.print_button.clicked.connect(self.print_requested)
        self.save_button.clicked.connect(self.save_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("&Addressed to:", self, buddy=self.destination_box))
        top.addWidget(self.destination_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return self.destination_box.currentData()

    def show_letter(self, pdf: bytes) -> None:
        """Replace the pages shown with those of `pdf`."""
        self.pdf = pdf
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for number, image in enumerate(render_pages(pdf, PREVIEW_DPI), start=1):
            page = QLabel(self.pages_widget)
            page.setPixmap(QPixmap.fromImage(image))
            page.setAccessibleName(f"Letter page {number}")
            page.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(page)

    def page_count(self) -> int:
        return self.pages_layout.count()

    def _on_destination_changed(self) -> None:
        self.destination_changed.emit(self.chosen())
