"""Writing a file so that the old one stays intact until the new one is complete on disk.

The bytes go to a temporary file in the target's folder, are flushed and fsynced, then renamed
over the target; on any failure the temporary file is removed and the target is untouched.
A symbolic link is followed (the file it points to is replaced, the link stays); a target that
exists but is not a regular file (a device such as /dev/null, a pipe, a socket) is refused, since
renaming over it would remove it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes, suffix: str = ".tmp") -> None:
    """Replace `target` with `data` atomically; OSError if the folder cannot be written or
    `target` is not a regular file."""
    target = target.resolve() if target.is_symlink() else target
    if target.exists() and not target.is_file():
        raise OSError(errno.EINVAL, "it exists and is not a regular file", str(target))
    fd, temporary = tempfile.mkstemp(prefix=".nervechart-", suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
