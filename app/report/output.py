"""Writing a finished letter to disk atomically: the old file stays intact until the new one is
complete (temporary file in the same folder, fsync, rename)."""

from __future__ import annotations

from pathlib import Path

from app.exchange.atomic_file import write_atomically


class LetterWriteError(OSError):
    """The letter could not be written; the message names the path and why."""


def write_pdf(target: Path, data: bytes) -> None:
    if target.is_dir():
        raise LetterWriteError(f"{target}: is a folder; give the name of the PDF to write")
    if not target.parent.is_dir():
        raise LetterWriteError(f"{target}: the folder {target.parent} does not exist")
    try:
        write_atomically(target, data, suffix=".pdf")
    except OSError as err:
        raise LetterWriteError(f"{target}: cannot write there ({err.strerror})") from None
