"""Opening NerveChart's SQLite database safely, and telling a damaged file from a new install.

`open_database(path)` is the one way to open it: it refuses a file that is not an intact
NerveChart database (`DamagedDatabaseError` says why: empty, truncated, not SQLite, someone
else's database, unreadable), refuses one written by a newer NerveChart (`NewerDatabaseError`),
refuses a folder where SQLite cannot keep a write-ahead log (`NoWriteAheadLogError`; the file
is left as it is), applies the connection settings every connection needs (WAL, synchronous
FULL, foreign keys, busy timeout) and brings the schema up to date through
`app.storage.migrations`.

A brand-new database is stamped with `APPLICATION_ID`, and `user_version` always equals the
number of migrations applied, so a zero-byte or truncated file can never pass for a first run.
`diagnose(path)` is the read-only check behind `nervechart check` and the start-up check.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from app.storage.migrations import APPLICATION_ID, MIGRATION_NAMES, MIGRATIONS

DATABASE_FILE_NAME = "nervechart.db"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class DamagedDatabaseError(Exception):
    """The file is not an intact NerveChart database; `reason` says what is wrong with it."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: the database is damaged ({reason})")


class NoWriteAheadLogError(DamagedDatabaseError):
    """SQLite cannot use write-ahead logging in this folder (typical of network drives).

    The file itself is not known to be damaged and must not be set aside as damaged; it is a
    `DamagedDatabaseError` only for callers that just say the database cannot be used.
    """

    def __init__(self, path: Path, mode: str):
        super().__init__(path, f"SQLite cannot use write-ahead logging in {path.parent} "
                               f"(journal mode {mode}); this happens on network drives and "
                               "some shared or synced folders")


class NewerDatabaseError(Exception):
    """The database was written by a newer NerveChart; opening it could lose data."""

    def __init__(self, path: Path, version: int):
        super().__init__(f"{path}: the database has schema version {version}, but this "
                         f"NerveChart knows only up to {len(MIGRATION_NAMES)}; "
                         "install the newer NerveChart")


def database_path(home: Path) -> Path:
    return home / DATABASE_FILE_NAME


def open_database(path: Path, *, full_check: bool = False) -> Database:
    """Open (creating if absent) and migrate the database at `path`; refuse a damaged one.

    `full_check` also runs `PRAGMA quick_check` over every page (slow on a big database; the
    app runs it in the background after start, `nervechart check` runs it in the foreground).
    """
    if not path.exists():
        _create(path)
    _check_file_shape(path)
    db = _connect(path)
    with _closed_on_failure(db, path):
        _check_identity(db, path)  # before _configure, which may write the journal mode
        _configure(db)
        if full_check:
            problem = integrity_problem(db)
            if problem:
                raise DamagedDatabaseError(path, problem)
        MIGRATIONS.apply(db)
    return db


def open_read_only(path: Path) -> Database:
    """A read-only connection to an intact, up-to-date database (for export, backup, check).

    It never writes, so it works while the app has the database open.
    """
    if not path.exists():
        raise FileNotFoundError(f"there is no NerveChart database at {path}")
    _check_file_shape(path)
    db = Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    with _closed_on_failure(db, path):
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _check_identity(db, path)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version < len(MIGRATION_NAMES):
            raise DamagedDatabaseError(path, f"it has the older schema version {version}; "
                                             "open it in NerveChart once to upgrade it")
    return db


# SQLite errors about the disk or the folder, not the file's content: the file is not damaged.
ACCESS_ERRORS = frozenset({"SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_FULL", "SQLITE_PERM",
                           "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOMEM"})


def is_access_error(error: sqlite3.Error) -> bool:
    """Whether SQLite failed for the disk or folder (no access, full, busy, I/O), not damage."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_IOERR_SHORT_READ":  # the file is shorter than it says: truncated
        return False
    return name in ACCESS_ERRORS or name.startswith("SQLITE_IOERR")


@contextmanager
def _closed_on_failure(db: Database, path: Path) -> Iterator[None]:
    """Close `db` if the block fails; what SQLite cannot read is a damaged database, unless
    the failure is about access to it (re-raised as it is)."""
    try:
        yield
    except sqlite3.DatabaseError as err:
        db.close()
        if is_access_error(err):
            raise
        raise DamagedDatabaseError(path, f"SQLite cannot read it: {err}") from None
    except BaseException:
        db.close()
        raise


def _create(path: Path) -> None:
    """Build a new database beside `path` and move it into place only once it is complete."""
    partial = path.with_name(path.name + ".creating")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    db = _connect(partial)
    try:
        _configure(db)
        MIGRATIONS.apply(db)
    finally:
        db.close()
    partial.replace(path)


def _connect(path: Path) -> Database:
    return Database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000))


def diagnose(path: Path) -> str | None:
    """None if `path` is an intact NerveChart database, else what is wrong (read-only)."""
    try:
        _check_file_shape(path)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            db = Database(connection)
            _check_identity(db, path)
            return integrity_problem(db)
        finally:
            connection.close()
    except DamagedDatabaseError as err:
        return err.reason
    except NewerDatabaseError as err:
        return str(err)
    except sqlite3.DatabaseError as err:
        return f"SQLite cannot read it: {err}"


def integrity_problem(db: Database) -> str | None:
    """None if `PRAGMA quick_check` finds nothing, else its first complaint."""
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as err:  # a damaged page makes the check itself fail
        return f"integrity check failed: {err}"
    findings = [row[0] for row in rows]
    return None if findings == ["ok"] else f"integrity check: {'; '.join(findings[:3])}"


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise NoWriteAheadLogError(Path(db.conn.execute("PRAGMA database_list").fetchone()[2]),
                                   mode)
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")


def _check_file_shape(path: Path) -> None:
    """Cheap checks that need no SQLite: empty, too short, wrong header, shorter than stated."""
    if not path.is_file():
        raise DamagedDatabaseError(path, "it is not a file")
    size = path.stat().st_size
    if size == 0:
        raise DamagedDatabaseError(path, "the file is empty (0 bytes)")
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise DamagedDatabaseError(path, "the file is not an SQLite database")
    if len(header) < 100:
        raise DamagedDatabaseError(path, f"the file is truncated ({size} bytes)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    stated_pages = int.from_bytes(header[28:32], "big")
    has_wal = Path(f"{path}-wal").exists()
    if stated_pages and page_size * stated_pages > size and not has_wal:
        raise DamagedDatabaseError(
            path, f"the file is truncated ({size} bytes, {page_size * stated_pages} expected)")


def _check_identity(db: Database, path: Path) -> None:
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise DamagedDatabaseError(path, "it is not a NerveChart database "
                                         f"(application id {application_id:#x})")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        raise DamagedDatabaseError(path, "it has no schema version")
    if version > len(MIGRATION_NAMES):
        raise NewerDatabaseError(path, version)
