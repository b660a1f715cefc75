"""How the record commands reach the home folder's database, with their errors made plain.

`home_of(args)` resolves `--home`; `storage_errors()` turns the storage layer's refusals
(another NerveChart has the home, a damaged or missing database, bad patient details, a backup
that failed its check) into `UsageError`, so they exit 2 with one clear line on stderr.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.cli.errors import UsageError
from app.storage.backups import BackupError
from app.storage.database import DamagedDatabaseError, NewerDatabaseError
from app.storage.home import resolve_home
from app.storage.lock import HomeInUseError
from app.storage.patients import PatientError


def home_of(args: argparse.Namespace) -> Path:
    return resolve_home(args.home)


@contextmanager
def storage_errors() -> Iterator[None]:
    try:
        yield
    except (HomeInUseError, DamagedDatabaseError, NewerDatabaseError, PatientError,
            BackupError, FileNotFoundError, NotADirectoryError) as err:
        raise UsageError(str(err)) from None
