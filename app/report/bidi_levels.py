"""The Unicode Bidirectional Algorithm (UAX #9) for one line of the letter.

`levels` gives each character's resolved embedding level in a left-to-right paragraph (the
letter's direction), from python-bidi (the Rust `unicode-bidi` crate): rules X1–I2, so numbers
and punctuation between right-to-left words, and explicit embeddings, are resolved by the
standard, not by hand. python-bidi 0.6 exposes the levels only in its debug description (one
level per UTF-8 byte); this module reads them from there and takes each character's first byte.
`line_levels` applies rule L1 to a line (trailing whitespace and separators back to the
paragraph level), and `visual_order` rule L2 (reversing every run at or above each odd level),
so callers break a paragraph into lines in logical order first and order each line after.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from bidi import get_display

PARAGRAPH_LEVEL = 0  # the letter is written left to right
_LEVELS = re.compile(r"levels: \[(.*?)\]", re.DOTALL)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_SEPARATORS = frozenset({"S", "B"})
_RESET_BEFORE_SEPARATOR = frozenset({"WS", "FSI", "LRI", "RLI", "PDI", "LRE", "RLE", "LRO",
                                     "RLO", "PDF", "BN"})


@lru_cache(maxsize=1024)
def levels(text: str) -> tuple[int, ...]:
    """Each character's embedding level after rules X1–I2, in a left-to-right paragraph."""
    if not text:
        return ()
    description = get_display(text, base_dir="L", debug=True)
    found = _LEVELS.search(description)
    if found is None:
        raise RuntimeError("python-bidi gave no embedding levels (unsupported version?)")
    by_byte = [int(level) for level in _LEVEL.findall(found.group(1))]
    starts, offset = [], 0
    for ch in text:
        starts.append(offset)
        offset += len(ch.encode("utf-8"))
    if len(by_byte) != offset:
        raise RuntimeError("python-bidi's embedding levels do not cover the text")
    return tuple(by_byte[start] for start in starts)


def line_levels(line: str, resolved: Sequence[int]) -> list[int]:
    """`resolved` levels of the characters of `line` after rule L1: separators, and whitespace
    before them or at the end of the line, take the paragraph level."""
    result = list(resolved)
    resetting = True  # from the end of the line
    for index in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[index])
        if kind in _SEPARATORS:
            result[index] = PARAGRAPH_LEVEL
            resetting = True
        elif resetting and kind in _RESET_BEFORE_SEPARATOR:
            result[index] = PARAGRAPH_LEVEL
        else:
            resetting = False
    return result


def visual_order(line_level: Sequence[int]) -> list[int]:
    """Indexes of the units with `line_level`s in drawing order, left to right (rule L2)."""
    order = list(range(len(line_level)))
    if not line_level:
        return order
    lowest_odd = min(level for level in line_level) | 1
    for level in range(max(line_level), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if line_level[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and line_level[order[end]] >= level:
                end += 1
            order[index:end] = reversed(order[index:end])
            index = end
    return order
