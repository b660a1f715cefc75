"""Replaces a marked, generated section of a Markdown file with fresh benchmark results.

A section runs from `<!-- NAME:begin -->` to `<!-- NAME:end -->`; text outside it is the
author's and is never touched. Used by the packaging benchmarks to keep packaging/README.md's
measured numbers in step with the scripts that measure them.
"""

from __future__ import annotations

from pathlib import Path


def replace_section(markdown: Path, name: str, body: str) -> None:
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    text = markdown.read_text(encoding="utf-8")
    start, stop = text.find(begin), text.find(end)
    if start < 0 or stop < start:
        raise ValueError(f"{markdown} has no '{begin}' ... '{end}' section to update")
    updated = f"{text[:start]}{begin}\n{body.rstrip()}\n{text[stop:]}"
    markdown.write_text(updated, encoding="utf-8")
