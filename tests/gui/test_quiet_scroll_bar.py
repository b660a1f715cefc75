"""The quiet scroll bar repaints only its handle's old and new place, and still looks right."""

from __future__ import annotations

import random

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QHBoxLayout, QScrollBar, QWidget


def _shown_and_fresh(bar, window):
    """What the window shows of the bar (its backing store), and the bar drawn afresh."""
    shown = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
    corner = bar.mapTo(window, QPoint(0, 0))
    shown = shown.copy(corner.x(), corner.y(), bar.width(), bar.height())
    return (shown.convertToFormat(QImage.Format.Format_RGB32),
            bar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32))


class _PaintedRows(QObject):
    def __init__(self, bar):
        super().__init__()
        self.rows: list[int] = []
        bar.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.rows.append(event.rect().height())
        return False


def test_after_many_range_and_value_changes_the_bar_looks_as_drawn_afresh(qtbot):
    from app.gui.quiet_scroll_bar import QuietScrollBar

    window = QWidget()
    qtbot.addWidget(window)
    bars = QHBoxLayout(window)
    quiet, ordinary = QuietScrollBar(), QScrollBar(Qt.Orientation.Vertical)
    for bar in (quiet, ordinary):
        bar.setPageStep(600)
        bars.addWidget(bar)
    window.resize(80, 500)
    window.show()
    qtbot.waitExposed(window)
    painted = _PaintedRows(quiet)
    chooser = random.Random(3)
    for _ in range(60):
        # mostly a text growing or shrinking by a line, now and then an end or no scrolling
        maximum = chooser.choice((0, *[chooser.randint(900, 1000)] * 6))
        value = chooser.choice((0, maximum, *[chooser.randint(0, maximum)] * 6))
        for bar in (quiet, ordinary):
            bar.setRange(0, maximum)
            bar.setValue(value)
        QApplication.processEvents()
        painted_on_screen = len(painted.rows)
        shown, fresh = _shown_and_fresh(quiet, window)
        assert shown == fresh
        assert shown == _shown_and_fresh(ordinary, window)[0]  # as the style's own bar looks
        del painted.rows[painted_on_screen:]  # drawing afresh is not a repaint on screen
    assert any(rows < quiet.height() for rows in painted.rows)
    quiet.setRange(0, 1000)
    quiet.setValue(300)
    QApplication.processEvents()
    painted.rows.clear()
    quiet.setRange(0, 1017)  # the text grew by a line
    QApplication.processEvents()
    assert len(painted.rows) == 1 and painted.rows[0] < quiet.height() // 2
