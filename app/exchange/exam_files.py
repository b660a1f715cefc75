"""Read and write `nervechart.exam/1` files, refusing bad input with a message that names it.

`read_exam_file` turns every kind of bad input (missing file, a directory, an oversized file,
bytes that are not UTF-8, malformed JSON, a document that breaks the format) into
`ExamFormatError` naming the file. `write_exam_file` writes atomically: the old file stays
intact until the new one is complete on disk.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from app.domain.catalogue import Catalogue
from app.domain.errors import ExamFormatError
from app.domain.exam import Exam
from app.domain.exam_codec import exam_from_document, exam_to_document
from app.exchange.atomic_file import write_atomically

MAX_EXAM_FILE_BYTES = 1_000_000  # a real exam is a few kilobytes


def read_exam_file(path: str | os.PathLike[str], catalogue: Catalogue) -> Exam:
    """The exam in `path`, validated; `ExamFormatError` naming the file on any problem."""
    name = str(path)
    file = Path(path)
    if not file.exists():
        raise ExamFormatError("", name, "an existing exam file", "does not exist").in_source(name)
    if file.is_dir():
        raise ExamFormatError("", name, "an exam file", "is a directory").in_source(name)
    size = file.stat().st_size
    if size > MAX_EXAM_FILE_BYTES:
        raise ExamFormatError("", f"{size} bytes", f"at most {MAX_EXAM_FILE_BYTES} bytes",
                              "is too large for an exam file").in_source(name)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ExamFormatError("", f"byte {err.start}", "UTF-8 text",
                              "is not valid UTF-8").in_source(name) from None
    except OSError as err:
        raise ExamFormatError("", name, "a readable file", f"cannot be read ({err.strerror})"
                              ).in_source(name) from None
    return exam_from_text(text, catalogue, name)


def exam_from_text(text: str, catalogue: Catalogue, source: str) -> Exam:
    """Parse and validate exam JSON text that came from `source` (named in errors)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise ExamFormatError("", f"line {err.lineno} column {err.colno}", "JSON",
                              f"is malformed JSON ({err.msg})").in_source(source) from None
    except RecursionError:
        raise ExamFormatError("", "deep nesting", "JSON", "is nested too deeply"
                              ).in_source(source) from None
    try:
        return exam_from_document(document, catalogue)
    except ExamFormatError as err:
        raise err.in_source(source) from None


def exam_to_text(exam: Exam) -> str:
    return json.dumps(exam_to_document(exam), ensure_ascii=False, indent=2) + "\n"


def write_exam_file(exam: Exam, path: str | os.PathLike[str]) -> None:
    """Write the exam to `path` atomically (temporary file, fsync, rename)."""
    write_atomically(Path(path), exam_to_text(exam).encode("utf-8"))
