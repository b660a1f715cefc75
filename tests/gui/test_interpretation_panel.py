"""The interpretation panel after many edits, and the urgency banner's size and painting."""

from __future__ import annotations

import random

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QImage, QRegion, QTextDocument
from PySide6.QtWidgets import QApplication

from app.domain.exam import RedFlagAnswer
from app.exchange.exam_files import read_exam_file
from app.gui.interpretation_panel import DOCUMENT_STYLE, interpretation_blocks

GRADES = ("0", "1", "2", "3", "4-", "4", "4+", "5", None)
MUSCLES = ("hip_abduction", "ankle_inversion", "ankle_dorsiflexion", "great_toe_extension",
           "ankle_plantarflexion", "knee_extension", "hip_flexion", "ankle_eversion")


def _fresh_html(panel, session, kb) -> str:
    document = QTextDocument()
    document.setDefaultStyleSheet(DOCUMENT_STYLE)
    document.setDefaultFont(panel.details.document().defaultFont())
    document.setHtml("".join(interpretation_blocks(session.interpretation, kb,
                                                   session.selected_hypothesis)))
    return document.toHtml()


def _on_screen_and_afresh(widget, window):
    """The widget as the window shows it (its backing store) and as drawn afresh."""
    shown = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
    corner = widget.mapTo(window, QPoint(0, 0))
    shown = shown.copy(corner.x(), corner.y(), widget.width(), widget.height())
    return (shown.convertToFormat(QImage.Format.Format_RGB32),
            widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32))


def test_after_each_of_many_random_edits_the_panel_shows_the_new_interpretation_exactly(
        window, session, kb, example_path):
    """The panel rewrites and repaints only changed lines; the result must equal the text set
    afresh from a full re-run of the engine, whatever the order of edits, undos and
    selections, in the document and on screen."""
    session.load(read_exam_file(example_path("l5-foot-drop"), kb.catalogue()))
    panel = window.charting.interpretation
    chooser = random.Random(20261122)
    for _ in range(80):
        action = chooser.random()
        if action < 0.7:
            session.set_strength(chooser.choice(("left", "right")), chooser.choice(MUSCLES),
                                 chooser.choice(GRADES))
        elif action < 0.85:
            session.undo_stack.undo()
        elif session.interpretation.hypotheses:
            session.select_hypothesis(chooser.choice(session.interpretation.hypotheses))
        assert panel.details.toHtml() == _fresh_html(panel, session, kb)
        assert panel.banner.text().count(session.interpretation.referral.text[:40]) == 1
        QApplication.processEvents()  # painted only where it changed: on screen as drawn afresh
        shown, fresh = _on_screen_and_afresh(panel.details.viewport(), window)
        assert shown == fresh


def test_the_banner_grows_for_a_line_holds_its_height_while_charting_and_fits_a_new_exam(
        window, session, kb, example_path):
    # A severe (MRC <= 3) new weakness is listed in the urgent referral (clinical.md section 5),
    # so a weaker ankle inversion adds a clause to the banner's words.
    exam = read_exam_file(example_path("l5-foot-drop"), kb.catalogue())
    exam = exam.with_strength("left", "ankle_inversion", "4")
    session.load(exam)
    banner = window.charting.interpretation.banner
    QApplication.processEvents()
    loaded_height = banner.height()
    assert loaded_height == banner.heightForWidth(banner.width())
    session.set_strength("left", "ankle_inversion", "3")
    QApplication.processEvents()
    assert "ankle inversion" in banner.text()
    longer_height = banner.height()
    assert longer_height > loaded_height  # one more line of referral
    session.set_strength("left", "ankle_inversion", "4")
    QApplication.processEvents()
    assert "ankle inversion" not in banner.text()
    assert banner.height() == longer_height  # the text below does not jump back
    session.load(exam)
    QApplication.processEvents()
    assert banner.height() == loaded_height


class _PaintLog(QObject):
    """The widgets painted, each with the part of the window it painted."""

    def __init__(self, widgets):
        super().__init__()
        self.painted: list[tuple[str, QRegion]] = []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            top_left = watched.mapTo(watched.window(), QPoint(0, 0))
            self.painted.append((watched.objectName(), event.region().translated(top_left)))
        return False


def test_new_words_that_fit_repaint_the_banner_once_and_nothing_beneath_it(
        window, session, kb, example_path, qtbot):
    exam = read_exam_file(example_path("l5-foot-drop"), kb.catalogue())
    session.load(exam.with_strength("left", "great_toe_extension", "2"))
    qtbot.wait(20)
    panel = window.charting.interpretation
    banner = panel.banner
    height, words = banner.height(), banner.text()
    log = _PaintLog([banner, window, window.centralWidget(), window.charting, panel])
    session.set_strength("left", "great_toe_extension", "1")  # MRC 2 -> 1 in the referral
    qtbot.wait(20)
    assert banner.text() != words and banner.height() == height
    area = QRegion(QRect(banner.mapTo(window, QPoint(0, 0)), banner.size()))
    assert [name for name, _ in log.painted].count("urgency_banner") == 1
    assert not [name for name, region in log.painted
                if name != "urgency_banner" and region.intersects(area)]


def test_a_narrow_emergency_banner_is_as_tall_as_its_words_need(window, session, kb,
                                                                  example_path):
    """The emergency headline is 20 pt: in a panel narrower than the banner's preferred width
    its words need more height than at that width; the banner must get all of it (it was
    capped at its preferred size's height, the last line drawn over the border)."""
    exam = read_exam_file(example_path("l5-foot-drop"), kb.catalogue())
    session.load(exam.with_red_flag("urinary_retention", RedFlagAnswer(present=True)))
    banner = window.charting.interpretation.banner
    window.charting.setSizes([600, 600, 300])
    QApplication.processEvents()
    assert session.interpretation.urgency == "emergency"
    assert banner.width() < banner.sizeHint().width()
    assert banner.heightForWidth(banner.width()) > banner.sizeHint().height()
    assert banner.height() == banner.heightForWidth(banner.width())
