"""The urgency banner at the top of the interpretation panel: urgency and destination in words.

`UrgencyBanner.show_urgency(interpretation)` shows a bold headline (urgency word, destination
and timing: colour is never the only cue) over the referral text; emergency is white on deep red,
20 pt, with a thick border, so it cannot be missed. `text()` is the rich text shown.

Made to be cheap on every edit: the words are laid out once per change in the banner's own text
document and painted from it (shaped glyphs kept), and the banner paints every pixel of its
rectangle itself, so a change of words repaints the banner alone: nothing beneath it, no second
paint. Its height follows its width (height for width, like a word-wrapped label), but a change
of words asks the window's layouts for nothing when the words fit the height the banner already
has. It does not shrink when a line of the referral goes while one exam is charted at one
urgency and width (the text below would jump back and forth as findings are toggled); `fit()`
(a new exam loaded), a new urgency or a new width let it shrink. The style sheet (colours,
border) is set only when the urgency changes: restyling is slow.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOption, QWidget

from app.domain.interpretation import Interpretation
from app.gui.wording import URGENCY_TIMING, URGENCY_WORDS, destination_words

# (background, text) per urgency; Okabe-Ito derived, emergency a deep red.
URGENCY_COLOURS = {
    "emergency": ("#B3001B", "#FFFFFF"),
    "urgent": ("#D55E00", "#FFFFFF"),
    "soon": ("#F0E442", "#000000"),
    "routine": ("#E3EEF7", "#0B2A42"),
}
MARGIN = 10  # between the border and the words
EMERGENCY_BORDER = 6
HINT_CHARACTERS = 40  # preferred width, in average characters
MINIMUM_CHARACTERS = 12
QWIDGETSIZE_MAX = (1 << 24) - 1


class UrgencyBanner(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("urgency_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paints all its pixels
        # Minimum, not Fixed: a fixed height is capped at sizeHint(), the height at the
        # preferred width, which is too short for the words in a narrower panel.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._words = QTextDocument(self)
        self._words.setUndoRedoEnabled(False)
        self._words.setDocumentMargin(0)
        self._heights: dict[int, int] = {}  # banner height per width, for the words shown
        self._kept: tuple[int, int] | None = None  # (width, height) held while a line is gone
        self._text_colour = QPalette()
        self._border = 1
        self._shown: tuple[str, str, str] | None = None
        self._html = ""

    def text(self) -> str:
        return self._html

    def show_urgency(self, interpretation: Interpretation) -> None:
        urgency, referral = interpretation.urgency, interpretation.referral
        shown = (urgency, referral.to, referral.text)
        if shown == self._shown:
            return
        restyle = self._shown is None or self._shown[0] != urgency
        self._shown = shown
        if restyle:
            self._restyle(urgency)
        destination = destination_words(referral.to)
        headline = f"{URGENCY_WORDS.get(urgency, urgency)} — {destination}"
        if urgency != "routine":
            headline += f" ({URGENCY_TIMING[urgency]})"
        size = 20 if urgency == "emergency" else 15
        detail = escape(referral.text)
        self._html = (f"<div style='font-size:{size}pt; font-weight:bold'>{escape(headline)}</div>"
                      + (f"<div style='margin-top:4px'>{detail}</div>" if detail else ""))
        self.setAccessibleName(f"Urgency {urgency}, {destination}")
        self.setAccessibleDescription(referral.text)
        self._set_words()
        needed = self.heightForWidth(self.width())
        if restyle or needed > self.height():
            self._kept = None
            self.updateGeometry()
        elif needed < self.height():
            self._kept = (self.width(), self.height())
        self.update()

    def fit(self) -> None:
        """Take the height the words need now, shorter if need be."""
        self._kept = None
        if self.heightForWidth(self.width()) != self.height():
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            self._wrap_at(width)
            self._heights[width] = round(self._words.size().height()) + 2 * self._inset()
        if self._kept is not None and self._kept[0] == width:
            return max(self._heights[width], self._kept[1])
        return self._heights[width]

    def sizeHint(self) -> QSize:
        width = 2 * self._inset() + HINT_CHARACTERS * self.fontMetrics().averageCharWidth()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = 2 * self._inset() + MINIMUM_CHARACTERS * self.fontMetrics().averageCharWidth()
        return QSize(width, self.heightForWidth(QWIDGETSIZE_MAX))  # each paragraph one line

    def _restyle(self, urgency: str) -> None:
        background, text = URGENCY_COLOURS.get(urgency, URGENCY_COLOURS["routine"])
        self._border = EMERGENCY_BORDER if urgency == "emergency" else 1
        border = (f"{EMERGENCY_BORDER}px solid #5C000E" if urgency == "emergency"
                  else "1px solid #7F8C99")
        self.setStyleSheet(f"#urgency_banner {{ background: {background}; color: {text};"
                           f" border: {border}; border-radius: 4px; }}")
        self._text_colour.setColor(QPalette.ColorRole.Text, text)

    def _set_words(self) -> None:
        if self._words.defaultFont() != self.font():
            self._words.setDefaultFont(self.font())
        self._words.setHtml(self._html)
        self._heights.clear()
        block = self._words.begin()
        while block.isValid():  # keep the shaping for every paint until the words change
            block.layout().setCacheEnabled(True)
            block = block.next()

    def _inset(self) -> int:
        return self._border + MARGIN

    def _wrap_at(self, width: int) -> None:
        text_width = max(1, width - 2 * self._inset())
        if self._words.textWidth() != text_width:  # a new width lays all the words out again
            self._words.setTextWidth(text_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._set_words()
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            # The style sheet's polish marks a rounded box as see-through; paintEvent fills
            # the corners, so nothing beneath needs painting.
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        parent = self.parentWidget()
        if parent is not None:  # the corners outside the rounded border
            painter.fillRect(event.rect(), parent.palette().window())
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        self._wrap_at(self.width())  # no new layout unless a size was asked for another width
        inset = self._inset()
        painter.translate(inset, inset)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self._text_colour
        context.clip = QRectF(event.rect().translated(-inset, -inset))
        self._words.documentLayout().draw(painter, context)
        painter.end()
