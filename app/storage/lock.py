"""One writer per home folder: an operating-system lock on `<home>/nervechart.lock`.

`HomeLock(home).acquire()` takes an exclusive, non-blocking lock (fcntl on POSIX, msvcrt on
Windows) and writes the holder's process id and host name into the file; a second process gets
`HomeInUseError` naming them. The operating system releases the lock when the holder exits,
even after `kill -9` or a power cut, so a stale lock never blocks a restart.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from types import TracebackType

LOCK_FILE_NAME = "nervechart.lock"


class HomeInUseError(Exception):
    """Another NerveChart (the app or a command) is already using this home folder."""

    def __init__(self, home: Path, holder: str):
        self.home = home
        self.holder = holder
        super().__init__(f"NerveChart is already open on {home} ({holder}). Close it first; "
                         "two programs writing one database could lose a chart.")


class HomeLock:
    def __init__(self, home: Path):
        self.path = home / LOCK_FILE_NAME
        self._handle = None

    def acquire(self) -> HomeLock:
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        try:
            _lock(handle)
        except OSError:
            holder = _holder(handle)
            handle.close()
            raise HomeInUseError(self.path.parent, holder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} on {socket.gethostname()}".encode())
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> HomeLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


def _holder(handle) -> str:
    try:
        handle.seek(0)
        return handle.read(200).decode("utf-8", "replace").strip() or "another process"
    except OSError:  # Windows forbids reading the locked byte
        return "another process"


if sys.platform == "win32":
    import msvcrt

    def _lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
