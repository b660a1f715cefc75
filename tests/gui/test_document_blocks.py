"""Block-wise text updates give exactly the document a fresh setHtml gives."""

from __future__ import annotations

import pytest

STYLE = "p { margin-top: 1px; margin-bottom: 3px; } h3 { margin-top: 8px; }"
FIRST = ["<h3>Localisation</h3>",
         "<p style='background:#DCEBFA'>1. <a href='hypothesis:0'><b>Left L5</b></a> "
         "<small>score 0.81</small></p>",
         "<p>2. <a href='hypothesis:1'>Left sciatic</a> <small>score 0.60</small></p>",
         "<h3>Why 1. Left L5</h3>",
         "<p><b style='color:#006B4F'>+</b> Weak dorsiflexion <small>(rule; "
         "<a href='source:mrc'>mrc</a>)</small></p>",
         "<h3>Not tested</h3>",
         "<p><a href='finding:strength.left.hip_extension'>hip extension</a></p>"]


def _fresh(blocks):
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    document.setHtml("".join(blocks))
    return document.toHtml()


UPDATES = [
    [*FIRST[:1], FIRST[1].replace("0.81", "0.92"), *FIRST[2:]],  # one line replaced
    FIRST[:3] + FIRST[5:],  # reasons removed
    [*FIRST[:5], "<p><b>−</b> Hip abduction normal</p>", "<p>new</p>", *FIRST[5:]],  # added
    [*FIRST[:2], FIRST[3], FIRST[2], *FIRST[4:]],  # reordered
    FIRST[:6],  # last block removed
    ["<h3>Red flags</h3>", "<p><b>[urgent]</b> severe weakness</p>", *FIRST],  # new first block
]


@pytest.mark.parametrize("second", UPDATES)
def test_an_update_equals_the_text_set_afresh(qtbot, second):
    from PySide6.QtGui import QTextDocument

    from app.gui.document_blocks import BlockDocument

    shown = BlockDocument(QTextDocument(), STYLE)
    assert shown.show(FIRST)
    assert shown.document.toHtml() == _fresh(FIRST)
    assert shown.show(second)
    assert shown.document.toHtml() == _fresh(second)
    assert not shown.show(second)
    assert shown.show(FIRST)  # and back again
    assert shown.document.toHtml() == _fresh(FIRST)


def test_a_chain_of_updates_keeps_equal_to_the_text_set_afresh(qtbot):
    """Each update parses its blocks in the same reused scratch document."""
    from PySide6.QtGui import QTextDocument

    from app.gui.document_blocks import BlockDocument

    shown = BlockDocument(QTextDocument(), STYLE)
    for blocks in [FIRST, *UPDATES, *reversed(UPDATES), FIRST]:
        shown.show(blocks)
        assert shown.document.toHtml() == _fresh(blocks)


def test_random_updates_keep_equal_to_the_text_set_afresh(qtbot):
    """Replacements, insertions and removals anywhere, several runs at once (all runs' new
    blocks are parsed in one scratch document, each run is its own edit)."""
    import random

    from PySide6.QtGui import QTextDocument

    from app.gui.document_blocks import BlockDocument

    pool = [*FIRST, *(line for update in UPDATES for line in update),
            "<p style='background:#FFF4CC'><b>Indeterminate:</b> see the next tests</p>",
            "<p>• <a href='finding:reflexes.left.achilles'>left ankle jerk</a> — separates</p>",
            "<h3 style='color:#B3001B'>Red flags</h3>"]
    chooser = random.Random(7)
    shown = BlockDocument(QTextDocument(), STYLE)
    blocks = list(FIRST)
    shown.show(blocks)
    for _ in range(150):
        for _ in range(chooser.randint(1, 4)):
            at = chooser.randrange(len(blocks) + 1)
            change = chooser.choice(("replace", "insert", "remove"))
            if change == "insert" or not blocks or at == len(blocks):
                blocks.insert(at, chooser.choice(pool))
            elif change == "replace":
                blocks[at] = chooser.choice(pool)
            elif len(blocks) > 1:
                del blocks[at]
        shown.show(blocks)
        assert shown.document.toHtml() == _fresh(blocks)
