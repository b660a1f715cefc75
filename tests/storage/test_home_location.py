"""A home folder on a network file system or in a cloud-synced folder is recognised.

Why it matters: WAL needs every user of the database on one computer (sqlite.org/wal.html);
sync clients damage live SQLite files (ecosystem.md 4.7).
"""

from __future__ import annotations

import pytest

from app.cli.main import main
from app.storage.home_location import filesystem_of, home_location_risk, location_risk

MOUNTS = """\
sysfs /sys sysfs rw,nosuid 0 0
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda3 /home ext4 rw,relatime 0 0
server:/export/clinic /home/sam/clinic nfs4 rw,relatime,vers=4.2 0 0
//nas/physio /mnt/Physio\\040Share cifs rw,relatime 0 0
sam@host:/data /home/sam/remote fuse.sshfs rw,nosuid 0 0
drvfs /mnt/c 9p rw,noatime 0 0
"""


@pytest.mark.parametrize(("path", "filesystem"), [
    ("/home/sam/NerveChart", "ext4"),
    ("/home/sam/clinic/NerveChart", "nfs4"),
    ("/home/sam/clinic", "nfs4"),
    ("/home/sam/clinical", "ext4"),  # a name that only starts like the mount point
    ("/mnt/Physio Share/NerveChart", "cifs"),  # \040 in /proc/mounts is a space
    ("/home/sam/remote/nc", "fuse.sshfs"),
    ("/mnt/c/Users/sam/NerveChart", "9p"),
    ("/srv/nervechart", "ext4"),
])
def test_the_file_system_holding_a_path_is_the_longest_mount_point_above_it(path, filesystem):
    assert filesystem_of(path, MOUNTS) == filesystem


@pytest.mark.parametrize("filesystem", ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "9p"])
def test_network_file_systems_are_a_risk(filesystem):
    risk = location_risk("/mnt/share/NerveChart", filesystem)
    assert risk is not None and risk.kind == "network" and filesystem in risk.message()
    assert "/mnt/share/NerveChart" in risk.message()


@pytest.mark.parametrize(("path", "folder"), [
    ("/home/sam/Dropbox/NerveChart", "Dropbox"),
    ("/home/sam/Dropbox (Personal)/NerveChart", "Dropbox (Personal)"),
    (r"C:\Users\sam\OneDrive - Riverside Physio\NerveChart", "OneDrive - Riverside Physio"),
    ("/Users/sam/Library/CloudStorage/OneDrive-Personal/NerveChart",
     "CloudStorage"),
    ("/Users/sam/Library/Mobile Documents/com~apple~CloudDocs/nc", "Mobile Documents"),
    (r"G:\My Drive\NerveChart", "My Drive"),
    ("/home/sam/Google Drive/nc", "Google Drive"),
    ("/home/sam/onedrive/nc", "onedrive"),
])
def test_folders_of_sync_clients_are_a_risk_on_every_system(path, folder):
    risk = location_risk(path, None)
    assert risk is not None and risk.kind == "synced" and risk.detail == folder
    assert "cloud-synced" in risk.message()


def test_a_windows_network_path_is_a_risk():
    assert location_risk(r"\\nas\physio\NerveChart", None).kind == "network"


@pytest.mark.parametrize("path", ["/home/sam/.local/share/NerveChart",
                                  r"C:\Users\sam\AppData\Local\NerveChart",
                                  "/home/sam/Dropboxes/nc", "/home/sam/boxing/nc"])
def test_a_local_folder_is_no_risk(path):
    assert location_risk(path, "ext4") is None


def test_the_adapter_judges_a_local_test_folder_safe_and_a_synced_name_risky(tmp_path):
    assert home_location_risk(tmp_path) is None
    synced = tmp_path / "Dropbox" / "NerveChart"
    synced.mkdir(parents=True)
    assert home_location_risk(synced).kind == "synced"


def test_check_warns_on_stderr_about_a_synced_home_and_still_checks(tmp_path, capsys):
    home = tmp_path / "OneDrive - Clinic" / "NerveChart"
    home.mkdir(parents=True)
    assert main(["--home", str(home), "demo"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "check"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("OK")
    assert "cloud-synced folder (OneDrive - Clinic)" in captured.err
