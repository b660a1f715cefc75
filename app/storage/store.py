"""The home folder's database, opened the one safe way: lock first, then check, then migrate.

`HomeStore.open(home)` takes the home lock (`HomeInUseError` if another NerveChart has it),
opens the database (`DamagedDatabaseError` / `NewerDatabaseError` if it cannot be used; the
lock is released again) and returns the store. `close()` takes a verified rotating backup
(unless told not to), closes the database and releases the lock. `daily_backup_due()` tells
whether today's automatic backup is still missing.

One process holds one store per home: `HomeStore.opened(home)` returns the store this process
already has open (the app's records feature opens it at start), so other parts of the app, such
as the settings dialog, share its connection instead of opening a second one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from app.storage.backups import has_backup_from, rotating_backup
from app.storage.database import database_path, open_database
from app.storage.lock import HomeLock

_OPEN_STORES: dict[Path, HomeStore] = {}


class HomeStore:
    def __init__(self, home: Path, lock: HomeLock, db: Database):
        self.home = home
        self.db: Database | None = db
        self._lock = lock

    @classmethod
    def open(cls, home: Path, *, full_check: bool = False) -> HomeStore:
        lock = HomeLock(home).acquire()
        try:
            db = open_database(database_path(home), full_check=full_check)
        except BaseException:
            lock.release()
            raise
        return cls.adopt(home, lock, db)

    @classmethod
    def adopt(cls, home: Path, lock: HomeLock, db: Database) -> HomeStore:
        """The store of a database opened by the caller while holding `lock`."""
        store = cls(home, lock, db)
        _OPEN_STORES[home.resolve()] = store
        return store

    @staticmethod
    def opened(home: Path) -> HomeStore | None:
        """The store of `home` that this process has open, if any."""
        return _OPEN_STORES.get(home.resolve())

    @property
    def path(self) -> Path:
        return database_path(self.home)

    def daily_backup_due(self, today: date | None = None) -> bool:
        return not has_backup_from(self.home, (today or date.today()).isoformat())

    def backup_now(self) -> Path:
        return rotating_backup(self.db, self.home)

    def close(self, *, backup: bool = True) -> None:
        try:
            if backup:
                self.backup_now()
        finally:
            _OPEN_STORES.pop(self.home.resolve(), None)
            self.db.close()
            self.db = None
            self._lock.release()

    def __enter__(self) -> HomeStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close(backup=False)
