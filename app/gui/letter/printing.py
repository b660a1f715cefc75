"""Printing a letter: QPrintDialog, then each PDF page drawn into the printer.

The pages are rendered by pypdfium2 at the printer's resolution, capped at `MAX_PRINT_DPI`: a
1200 dpi raster of one A4 page is several megabytes and prints no better (ecosystem.md 2.7).
Each page is scaled to the printable area, keeping its proportions.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.gui.letter.pages import render_pages

MAX_PRINT_DPI = 300


def ask_and_print(pdf: bytes, title: str, parent: QWidget | None) -> bool:
    """Show the print dialog and print `pdf` if the user accepts; True when printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print letter")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_pdf(pdf, printer)
    return True


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Draw every page of `pdf` on `printer`, one page each."""
    images = render_pages(pdf, min(printer.resolution(), MAX_PRINT_DPI))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()
