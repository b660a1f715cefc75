"""Errors that name the problem: which field, which value, and what would have been allowed."""

from __future__ import annotations

from collections.abc import Iterable


class ExamFormatError(ValueError):
    """An exam document breaks the `nervechart.exam/1` format.

    `field` is the dotted path of the offending item (e.g. `strength.left.hip_abduction`),
    `value` what was found there, `allowed` a short description of what may stand there.
    `source` is filled in by whoever read the document (a file name, "clipboard", ...).
    """

    def __init__(self, field: str, value: object, allowed: str | Iterable[str], problem: str = ""):
        self.field = field or "(top level)"
        self.value = value
        self.allowed = allowed if isinstance(allowed, str) else ", ".join(allowed)
        self.problem = problem or "is not allowed"
        self.source: str | None = None
        super().__init__(self._text())

    def _text(self) -> str:
        where = f"{self.source}: " if self.source else ""
        shown = _short_repr(self.value)
        return f"{where}{self.field}: {shown} {self.problem}; allowed: {self.allowed}"

    def in_source(self, source: str) -> ExamFormatError:
        """The same error, now naming where the document came from."""
        self.source = source
        self.args = (self._text(),)
        return self


def _short_repr(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
