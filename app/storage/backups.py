"""Verified backups, rotation, restore, and setting a damaged database aside.

A backup is `VACUUM INTO` a temporary file (a consistent snapshot of committed data, even while
another connection is writing), checked by opening it and running `PRAGMA quick_check`, and only
then moved to its final name: a backup file that exists has been verified. Automatic backups go
to `<home>/backups/` (on close, and on the first start of each day: `automatic_backup`, on a
read-only connection of its own), keeping the newest `KEEP_BACKUPS`. Nothing here ever deletes
a database: restore and quarantine rename the file they replace
(`nervechart.db.replaced-<time>`, `nervechart.db.damaged-<time>`), with its WAL.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from app.storage.database import database_path, diagnose, open_read_only

BACKUP_FOLDER = "backups"
BACKUP_PREFIX = "nervechart-"
KEEP_BACKUPS = 10
_SIDE_FILES = ("-wal", "-shm")


class BackupError(Exception):
    """A backup or restore could not be made safely; nothing was replaced."""


def write_backup(db: Database, target: Path) -> Path:
    """Write a verified copy of `db` to `target` (replacing an older file only once verified)."""
    target = target.resolve()
    if target.is_dir():
        raise BackupError(f"{target} is a folder; give a file name for the backup")
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent} does not exist")
    if target.exists() and not target.is_file():
        raise BackupError(f"{target} is not a regular file (a device, pipe or socket); "
                          "give a file name for the backup")
    if _is_database_or_side_file(db, target):
        raise BackupError(f"{target} is the database itself; give another file name")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        db.execute("VACUUM INTO ?", [str(partial)])
        _flush_to_disk(partial)
        problem = diagnose(partial)
        if problem:
            raise BackupError(f"the backup failed its check ({problem}); nothing was replaced")
        partial.replace(target)
    except (OSError, sqlite3.OperationalError) as err:
        raise BackupError(f"cannot write the backup {target} "
                          f"({getattr(err, 'strerror', None) or err})") from None
    finally:
        partial.unlink(missing_ok=True)
    return target


def backups_folder(home: Path) -> Path:
    return home / BACKUP_FOLDER


def rotating_backup(db: Database, home: Path, now: datetime | None = None) -> Path:
    """A new automatic backup in the home's backup folder; the oldest beyond KEEP are removed."""
    folder = backups_folder(home)
    folder.mkdir(exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    written = write_backup(db, folder / f"{BACKUP_PREFIX}{stamp}.db")
    for old in list_backups(home)[KEEP_BACKUPS:]:
        old.unlink()
    return written


def automatic_backup(home: Path) -> Path:
    """A rotating backup taken through a read-only connection of its own.

    Safe in a worker thread while the app's connection writes (the daily backup).
    """
    db = open_read_only(database_path(home))
    try:
        return rotating_backup(db, home)
    finally:
        db.close()


def list_backups(home: Path) -> list[Path]:
    """Automatic backups, newest first."""
    folder = backups_folder(home)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{BACKUP_PREFIX}*.db"), reverse=True)


def has_backup_from(home: Path, day: str) -> bool:
    """Whether an automatic backup was taken on `day` (YYYY-MM-DD)."""
    return any(path.name.startswith(f"{BACKUP_PREFIX}{day}") for path in list_backups(home))


def newest_good_backup(home: Path) -> Path | None:
    return next((path for path in list_backups(home) if diagnose(path) is None), None)


def set_aside(path: Path, label: str) -> Path:
    """Rename database `path` (and its WAL) to `<name>.<label>-<time>`; returns the new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    kept = path.with_name(f"{path.name}.{label}-{stamp}")
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.replace(Path(f"{kept}{suffix}"))
    path.replace(kept)
    return kept


def restore_backup(home: Path, source: Path) -> Path | None:
    """Make verified `source` the home's database; returns where the replaced one was kept.

    The caller holds the home lock and has closed its connection to the database.
    """
    target = database_path(home)
    if source.resolve() == target.resolve():
        raise BackupError(f"{source} is the database itself; give a backup file to restore")
    problem = diagnose(source)
    if problem:
        raise BackupError(f"{source} cannot be restored: {problem}")
    incoming = target.with_name(f".{target.name}.restoring")
    _copy_committed(source, incoming)
    _flush_to_disk(incoming)
    kept = set_aside(target, "replaced") if target.exists() else None
    incoming.replace(target)
    return kept


def _copy_committed(source: Path, target: Path) -> None:
    """Copy everything committed in database `source` to a new file `target`, including what is
    still only in its write-ahead log (a copied folder often has one beside the database)."""
    for leftover in (target, *(Path(f"{target}{suffix}") for suffix in _SIDE_FILES)):
        leftover.unlink(missing_ok=True)
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(str(target))
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to move
        finally:
            writer.close()
    finally:
        reader.close()


def _is_database_or_side_file(db: Database, target: Path) -> bool:
    """Whether `target` is `db`'s own file or its write-ahead log or shared-memory file."""
    main_file = db.execute("PRAGMA database_list").fetchone()[2]
    if not main_file:  # an in-memory database has no file
        return False
    own = Path(main_file).resolve()
    return target in {own, *(Path(f"{own}{suffix}") for suffix in _SIDE_FILES)}


def _flush_to_disk(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
