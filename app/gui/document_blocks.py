"""Rich text shown as a list of blocks, updated in place: only the blocks that differ change.

`BlockDocument(document, style)` owns a QTextDocument whose content is a sequence of block
HTML strings, each exactly one `<p>` or `<h3>` element (one QTextBlock). `show(blocks)` compares
the new list with the one shown (difflib opcodes) and rewrites only the differing runs of
blocks, so Qt lays out and repaints those lines instead of parsing and laying out the whole text
again. Each run is one edit of the document: Qt lays out the blocks an edit spans, so a single
edit from the first changed run to the last would lay out every unchanged line between them too.
The replacement blocks of all runs are parsed together in a scratch document (one, reused) with
the same style sheet and font, and copied with their block format, block character format and
character formats, so the result is the document `setHtml("".join(blocks))` would give. A first
show, a change at the very first block, or a list whose strings are not one block each falls
back to `setHtml`. Every block keeps its shaped glyphs between paints
(`QTextLayout.setCacheEnabled`): by default Qt throws them away after each layout and draw, so
every repaint shaped the whole text again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument


class BlockDocument:
    def __init__(self, document: QTextDocument, style: str):
        self.document = document
        self._shown: list[str] | None = None
        document.setDefaultStyleSheet(style)
        document.setUndoRedoEnabled(False)  # read-only text: no edit history to keep
        # Replacement blocks are parsed here; made once, as its style sheet is slow to parse.
        self._scratch = QTextDocument()
        self._scratch.setDefaultStyleSheet(style)
        self._scratch.setUndoRedoEnabled(False)

    def show(self, blocks: Sequence[str]) -> bool:
        """Show `blocks`; False when they are the ones already shown (nothing touched)."""
        new = list(blocks)
        if new == self._shown:
            return False
        if self._shown is None or not self._replace_changed(self._shown, new):
            self._set_all(new)
        else:
            self._shown = new
        return True

    def _set_all(self, blocks: list[str]) -> None:
        self.document.setHtml("".join(blocks))
        one_block_each = self.document.blockCount() == len(blocks)
        self._shown = blocks if one_block_each else None
        _keep_glyphs(self.document.begin(), self.document.blockCount())

    def _replace_changed(self, old: list[str], new: list[str]) -> bool:
        """Rewrite the differing runs of blocks, last run first so earlier numbers hold.
        False (nothing changed) when a run touches the first block: setHtml does that."""
        from difflib import SequenceMatcher  # not needed for the first paint: imported here

        runs = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2
                in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if tag != "equal"]
        if not runs or runs[0][0] == 0 or runs[0][2] == 0:
            return False
        scratch = self._parsed([block for _, _, j1, j2 in runs for block in new[j1:j2]])
        placed = []  # (first, end) of old blocks; where the run's new ones start in scratch, count
        start = 0
        for i1, i2, j1, j2 in runs:
            placed.append((i1, i2, start, j2 - j1))
            start += j2 - j1
        cursor = QTextCursor(self.document)
        for first, end, start, count in reversed(placed):
            cursor.beginEditBlock()
            self._replace_run(cursor, first, end, scratch, start, count)
            cursor.endEditBlock()
            _keep_glyphs(self.document.findBlockByNumber(first), count)
        return True

    def _replace_run(self, cursor: QTextCursor, first: int, end: int,
                     scratch: QTextDocument, start: int, count: int) -> None:
        """Old blocks [first, end) become the `count` scratch blocks from number `start`
        (first > 0, so a block precedes)."""
        kept = min(end - first, count)
        for offset in range(kept):
            _rewrite(cursor, self.document.findBlockByNumber(first + offset),
                     scratch.findBlockByNumber(start + offset))
        if end - first > kept:  # drop the surplus old blocks with the separators before them
            cursor.setPosition(_end_of(self.document.findBlockByNumber(first + kept - 1)))
            cursor.setPosition(_end_of(self.document.findBlockByNumber(end - 1)),
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        previous = self.document.findBlockByNumber(first + kept - 1)
        for offset in range(kept, count):  # add the extra new blocks after
            source = scratch.findBlockByNumber(start + offset)
            cursor.setPosition(_end_of(previous))
            cursor.insertBlock(source.blockFormat(), source.charFormat())
            _copy_text(cursor, source)
            previous = cursor.block()

    def _parsed(self, blocks: list[str]) -> QTextDocument:
        """The scratch document holding just `blocks` (until the next call)."""
        if self._scratch.defaultFont() != self.document.defaultFont():
            self._scratch.setDefaultFont(self.document.defaultFont())
        self._scratch.setHtml("".join(blocks))
        return self._scratch


def _keep_glyphs(block: QTextBlock, count: int) -> None:
    """Let `count` blocks from `block` keep their shaping for the next paint (a new block
    starts without)."""
    for _ in range(count):
        block.layout().setCacheEnabled(True)
        block = block.next()


def _end_of(block: QTextBlock) -> int:
    return block.position() + block.length() - 1


def _rewrite(cursor: QTextCursor, target: QTextBlock, source: QTextBlock) -> None:
    cursor.setPosition(target.position())
    cursor.setPosition(_end_of(target), QTextCursor.MoveMode.KeepAnchor)
    cursor.setBlockFormat(source.blockFormat())
    cursor.setBlockCharFormat(source.charFormat())
    cursor.removeSelectedText()
    _copy_text(cursor, source)


def _copy_text(cursor: QTextCursor, source: QTextBlock) -> None:
    """Insert the block's characters, each with its own format, at the cursor."""
    for position in source:
        fragment = position.fragment()
        cursor.insertText(fragment.text(), fragment.charFormat())
