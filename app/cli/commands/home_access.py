"""How the record commands reach the home folder's database, with their errors made plain.

`home_of(args)` resolves `--home`; `storage_errors()` turns the storage layer's refusals
(another NerveChart has the home, a damaged or missing database, bad patient details, a backup
that failed its check, a home folder it may not write in) into `UsageError`, so they exit 2
with one clear line on stderr.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.cli.errors import UsageError
from app.storage.backups import BackupError
from app.storage.database import DamagedDatabaseError, NewerDatabaseError, is_access_error
from app.storage.home import resolve_home
from app.storage.lock import HomeInUseError
from app.storage.patients import PatientError


def home_of(args: argparse.Namespace) -> Path:
    """The home folder; `UsageError` when it is a file or cannot be made or written."""
    try:
        return resolve_home(args.home)
    except OSError as err:
        if err.strerror is None:  # resolve_home's own explanation
            raise UsageError(str(err)) from None
        raise UsageError(f"cannot use the NerveChart home folder {err.filename}: "
                         f"{err.strerror}") from None


@contextmanager
def storage_errors() -> Iterator[None]:
    try:
        yield
    except (HomeInUseError, DamagedDatabaseError, NewerDatabaseError, PatientError,
            BackupError, FileNotFoundError, NotADirectoryError) as err:
        raise UsageError(str(err)) from None
    except PermissionError as err:
        raise UsageError(f"{err.filename}: no permission to write there ({err.strerror})"
                         ) from None
    except OSError as err:  # a file or folder given on the command line that cannot be used
        raise UsageError(f"{err.filename}: {err.strerror or err}") from None
    except sqlite3.DatabaseError as err:
        if is_access_error(err):
            raise UsageError(f"the database cannot be used: {err}") from None
        # SQLite's message may quote stored patient details: not repeated here.
        raise UsageError("the database is damaged (SQLite cannot read part of it); "
                         "run nervechart check") from None
