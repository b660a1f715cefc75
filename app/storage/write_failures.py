"""Why a write to the home folder failed, in words for the user, naming the file.

`WRITE_FAILURES` are what a write ends in when the disk or the folder refuses it (a full disk, a
read-only folder or file, a vanished or failing drive): `sqlite3.Error` and `OSError`.
`explain_write_failure(error, path)` turns one into "<path>: <reason>", e.g.
"/home/sam/NerveChart/nervechart.db: the disk is full", so the user knows which file and what
to do, without a traceback.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

WRITE_FAILURES: tuple[type[Exception], ...] = (sqlite3.Error, OSError)

DISK_FULL = "the disk is full; free some space"
READ_ONLY = "the file or its folder is read-only (or NerveChart may not write there)"
DISK_ERROR = "the disk reported an input/output error (a removed or failing drive?)"
CANNOT_OPEN = ("SQLite cannot open the database there (no permission, a vanished drive, or a "
               "network drive without the shared memory SQLite needs)")
LOCKED = "another program is holding the database"

_SQLITE_REASONS = (
    ("disk is full", DISK_FULL),
    ("readonly", READ_ONLY),
    ("read-only", READ_ONLY),
    ("unable to open", CANNOT_OPEN),
    ("disk i/o error", DISK_ERROR),
    ("locked", LOCKED),
)
_OS_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: "the disk quota is used up; free some space",
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: DISK_ERROR,
}


def explain_write_failure(error: BaseException, path: Path) -> str:
    """"<path>: <what went wrong>" for a failed write to `path` (a file in the home folder)."""
    if isinstance(error, OSError):
        reason = _OS_REASONS.get(error.errno or 0, error.strerror or str(error))
        return f"{error.filename or path}: {reason}"
    text = str(error)
    reason = next((words for clue, words in _SQLITE_REASONS if clue in text.lower()),
                  f"SQLite refused the write ({text})")
    return f"{path}: {reason}"
