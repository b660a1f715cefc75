"""Is the home folder where SQLite's write-ahead log is unsafe: a network share or a synced folder?

All programs using a WAL database must be on one computer, as the log's index is shared memory
(sqlite.org/wal.html), so the database must not sit on a network file system; and cloud sync
clients (Dropbox, OneDrive, Google Drive, iCloud, ...) copy the file while it is being written,
which damages it (ecosystem.md 4.7). NerveChart warns about both and still starts: the user may
know better (a share used by this computer only, a sync client told to skip the folder).

`location_risk(path, filesystem)` is the decision, pure: `path` as text (any OS's separators),
`filesystem` the type of file system it is on, or None when not known. It returns a
`LocationRisk` or None. `filesystem_of(path, mount_table)` finds the type in the text of
Linux's /proc/mounts (the longest mount point holding the path). `home_location_risk(home)` is
the thin adapter to this computer: it reads /proc/mounts where there is one (Linux); elsewhere
only the path is judged (folder names of sync clients, Windows network paths `\\\\server\\share`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MOUNT_TABLE = Path("/proc/mounts")

# Linux file system types (as /proc/mounts names them) that reach another computer.
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ncpfs", "ceph", "glusterfs",
    "lustre", "gpfs", "beegfs", "davfs", "fuse.sshfs", "fuse.davfs2", "fuse.rclone",
    "fuse.s3fs", "fuse.gvfsd-fuse", "fuse.glusterfs", "fuse.cephfs",
})
# Folder names sync clients create; a name may go on after a space, dash or bracket
# ("OneDrive - Contoso", "Dropbox (Personal)").
SYNCED_FOLDER_NAMES = (
    "Dropbox", "OneDrive", "Google Drive", "GoogleDrive", "My Drive", "iCloud Drive",
    "iCloudDrive", "Mobile Documents", "CloudStorage", "Box", "Box Sync", "pCloud Drive",
    "Nextcloud", "ownCloud", "MEGA", "Yandex.Disk",
)
_SYNCED = re.compile(
    "(?:" + "|".join(re.escape(name) for name in SYNCED_FOLDER_NAMES) + r")(?:[ \-(].*)?",
    re.IGNORECASE)
_MOUNT_ESCAPE = re.compile(r"\\([0-7]{3})")


@dataclass(frozen=True)
class LocationRisk:
    path: str
    kind: str  # "network" or "synced"
    detail: str  # the file system type, or the sync client's folder

    def message(self) -> str:
        if self.kind == "network":
            where = f"on a network file system ({self.detail})"
            why = ("SQLite's write-ahead log only works when every program using the "
                   "database runs on the same computer; over a network the database can be "
                   "damaged")
        else:
            where = f"inside a cloud-synced folder ({self.detail})"
            why = ("sync programs copy the database while NerveChart writes it, which can "
                   "damage it or bring back an old copy")
        return (f"The NerveChart home folder {self.path} is {where}: {why}. Move it to a "
                "folder on this computer's own disk (start with --home FOLDER, or set "
                "NERVECHART_HOME), and keep copies of the backups on the share or in the "
                "cloud instead.")


def location_risk(path: str, filesystem: str | None) -> LocationRisk | None:
    """Why `path` (on a file system of type `filesystem`, None if unknown) is unsafe, or None."""
    if filesystem is not None and filesystem.lower() in NETWORK_FILESYSTEMS:
        return LocationRisk(path, "network", filesystem)
    if path.startswith(("\\\\", "//")):
        return LocationRisk(path, "network", "a Windows network share")
    for part in re.split(r"[\\/]", path):
        if _SYNCED.fullmatch(part):
            return LocationRisk(path, "synced", part)
    return None


def filesystem_of(path: str, mount_table: str) -> str | None:
    """The type of the file system holding absolute POSIX `path`, from /proc/mounts text."""
    best: tuple[int, str] | None = None
    for line in mount_table.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = _MOUNT_ESCAPE.sub(lambda code: chr(int(code.group(1), 8)), fields[1])
        inside = mount_point == "/" or path == mount_point or \
            path.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), fields[2])
    return best[1] if best else None


def home_location_risk(home: Path) -> LocationRisk | None:
    """`location_risk` of the home folder on this computer."""
    path = str(home.resolve())
    try:
        filesystem = filesystem_of(path, MOUNT_TABLE.read_text(encoding="utf-8",
                                                               errors="replace"))
    except OSError:  # no /proc/mounts (macOS, Windows): judge the path alone
        filesystem = None
    return location_risk(path, filesystem)
