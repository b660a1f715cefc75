"""Read and write `nervechart.exam/1` files, refusing bad input with a message that names it.

`read_exam_file` turns every kind of bad input (missing or unreadable file, a directory, an
oversized or empty file or an endless device, bytes that are not UTF-8 (UTF-16 and UTF-32 are
named as such), malformed JSON, the same key twice in one object, a document that breaks the
format, dates that contradict the exam date) into `ExamFormatError` naming the file. A UTF-8
byte-order mark is allowed. `write_exam_file` writes atomically: the old file stays intact
until the new one is complete on disk.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path
from typing import Any

from app.domain.catalogue import Catalogue
from app.domain.errors import ExamFormatError
from app.domain.exam import Exam
from app.domain.exam_codec import check_dates, exam_from_document, exam_to_document
from app.exchange.atomic_file import write_atomically

MAX_EXAM_FILE_BYTES = 1_000_000  # a real exam is a few kilobytes


def read_exam_file(path: str | os.PathLike[str], catalogue: Catalogue) -> Exam:
    """The exam in `path`, validated; `ExamFormatError` naming the file on any problem."""
    name = str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise ExamFormatError("", name, "an exam file", "is a directory").in_source(name)
        with file.open("rb") as handle:  # bounded: a device such as /dev/zero never ends
            raw = handle.read(MAX_EXAM_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ExamFormatError("", name, "an existing exam file", "does not exist"
                              ).in_source(name) from None
    except OSError as err:
        raise ExamFormatError("", name, "a readable file", f"cannot be read ({err.strerror})"
                              ).in_source(name) from None
    if len(raw) > MAX_EXAM_FILE_BYTES:
        raise ExamFormatError("", f"more than {MAX_EXAM_FILE_BYTES} bytes",
                              f"at most {MAX_EXAM_FILE_BYTES} bytes",
                              "is too large for an exam file").in_source(name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        wide = _wide_encoding(raw)
        if wide:
            raise ExamFormatError("", wide, "UTF-8 text", "is not UTF-8; save the file as UTF-8"
                                  ).in_source(name) from None
        raise ExamFormatError("", f"byte {err.start}", "UTF-8 text",
                              "is not valid UTF-8").in_source(name) from None
    return exam_from_text(text, catalogue, name)


def exam_from_text(text: str, catalogue: Catalogue, source: str) -> Exam:
    """Parse and validate exam JSON text that came from `source` (named in errors)."""
    if not text.strip():
        raise ExamFormatError("", "an empty file", "an exam JSON object", "is not an exam"
                              ).in_source(source)
    if "\x00" in text:
        raise ExamFormatError("", _wide_encoding(text.encode("utf-8")) or "NUL characters",
                              "UTF-8 text", "is not UTF-8; save the file as UTF-8"
                              ).in_source(source)
    try:
        document = json.loads(text, object_pairs_hook=_object_without_repeats)
    except _RepeatedKey as err:
        raise ExamFormatError("", err.key, "each key once in an object",
                              "appears twice in one object").in_source(source) from None
    except json.JSONDecodeError as err:
        raise ExamFormatError("", f"line {err.lineno} column {err.colno}", "JSON",
                              f"is malformed JSON ({err.msg})").in_source(source) from None
    except RecursionError:
        raise ExamFormatError("", "deep nesting", "JSON", "is nested too deeply"
                              ).in_source(source) from None
    except ValueError:  # a number with more digits than Python converts to an integer
        raise ExamFormatError("", "a number thousands of digits long", "JSON numbers of "
                              "ordinary size", "cannot be read").in_source(source) from None
    try:
        exam = exam_from_document(document, catalogue)
        check_dates(exam)
    except ExamFormatError as err:
        raise err.in_source(source) from None
    return exam


class _RepeatedKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _object_without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; a key given twice would silently lose one of its values, so it is refused."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _RepeatedKey(key)
        seen[key] = value
    return seen


def _wide_encoding(raw: bytes) -> str | None:
    """The name of the UTF-16/UTF-32 encoding `raw` looks like (by byte-order mark or zero
    bytes), else None."""
    for mark, encoding in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                           (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if raw.startswith(mark):
            return f"{encoding} text"
    return "UTF-16 text" if b"\x00" in raw[:64] else None


def exam_to_text(exam: Exam) -> str:
    return json.dumps(exam_to_document(exam), ensure_ascii=False, indent=2) + "\n"


def write_exam_file(exam: Exam, path: str | os.PathLike[str]) -> None:
    """Write the exam to `path` atomically (temporary file, fsync, rename)."""
    write_atomically(Path(path), exam_to_text(exam).encode("utf-8"))
