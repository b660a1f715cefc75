"""Odd paths given to the commands that write or read files and folders: each is refused with
exit 2 and one line naming it, and nothing that was already there is replaced or lost."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.cli.main import main
from app.storage.database import database_path
from app.storage.demo import STORIES
from tests.conftest import SHARED_EXAMPLES

L5 = str(SHARED_EXAMPLES / "l5-foot-drop.json")


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return _isolated_home


def _one_line_error(capsys) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    return lines[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_letter_to_a_named_pipe_is_refused_and_the_pipe_kept(tmp_path, capsys):
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    assert main(["letter", L5, "-o", str(pipe)]) == 2
    assert "not a regular file" in _one_line_error(capsys)
    assert pipe.is_fifo()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_letter_through_a_symbolic_link_writes_the_linked_file_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.pdf"
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert main(["letter", L5, "-o", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_backup_to_a_named_pipe_is_refused_and_the_pipe_kept(home, tmp_path, capsys):
    main(["demo"])
    capsys.readouterr()
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    assert main(["backup", "-o", str(pipe)]) == 2
    assert "not a regular file" in _one_line_error(capsys)
    assert pipe.is_fifo()


def test_backup_onto_the_database_itself_is_refused(home, capsys):
    main(["demo"])
    capsys.readouterr()
    before = database_path(home).stat().st_ino
    assert main(["backup", "-o", str(database_path(home))]) == 2
    assert "the database itself" in _one_line_error(capsys)
    assert database_path(home).stat().st_ino == before


def test_restoring_the_database_onto_itself_is_refused(home, capsys):
    main(["demo"])
    capsys.readouterr()
    assert main(["restore", str(database_path(home))]) == 2
    assert "the database itself" in _one_line_error(capsys)
    assert not list(home.glob("*.replaced-*"))


def test_backup_into_a_folder_sqlite_cannot_write_exits_2(home, tmp_path, capsys, monkeypatch):
    main(["demo"])
    capsys.readouterr()
    from app.storage import backups

    def refuse(*_args):
        raise sqlite3.OperationalError("unable to open database: .copy.db.partial")

    monkeypatch.setattr(backups, "_flush_to_disk", refuse)
    assert main(["backup", "-o", str(tmp_path / "copy.db")]) == 2
    assert "cannot write the backup" in _one_line_error(capsys)
    assert not (tmp_path / "copy.db").exists()


def test_backup_of_a_damaged_database_is_refused(home, tmp_path, capsys):
    main(["demo"])
    capsys.readouterr()
    path = database_path(home)
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 997):  # scribble over every page after the first
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    assert main(["backup", "-o", str(tmp_path / "copy.db")]) == 2
    assert "damaged" in _one_line_error(capsys)
    assert not (tmp_path / "copy.db").exists()
    assert path.read_bytes() == bytes(data)


def test_export_from_a_database_with_an_unreadable_row_exits_2_without_quoting_it(
        home, tmp_path, capsys):
    main(["demo"])
    capsys.readouterr()
    db = sqlite3.connect(database_path(home))
    db.execute("UPDATE patients SET name = CAST(x'5365637265745a6f65ff' AS TEXT) "
               "WHERE identifier = 'DEMO-0002'")  # 'SecretZoe' and a byte that is not UTF-8
    db.commit()
    db.close()
    assert main(["export", "--patient", "DEMO-0002", "-o", str(tmp_path)]) == 2
    line = _one_line_error(capsys)
    assert "damaged" in line and "SecretZoe" not in line


@pytest.mark.parametrize("command", [["check"], ["demo"], ["import", L5],
                                     ["letter", L5, "-o", "letter.pdf"]])
def test_home_that_is_a_file_exits_2_naming_it(tmp_path, capsys, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    not_a_folder = tmp_path / "home.txt"
    not_a_folder.write_text("keep me")
    assert main(["--home", str(not_a_folder), *command]) == 2
    assert "home.txt" in _one_line_error(capsys)
    assert not_a_folder.read_text() == "keep me"


def test_home_below_a_file_exits_2_naming_it(tmp_path, capsys):
    (tmp_path / "file").write_text("")
    assert main(["--home", str(tmp_path / "file" / "home"), "check"]) == 2
    assert "file" in _one_line_error(capsys)


def test_home_where_the_lock_cannot_be_written_exits_2(home, capsys, monkeypatch):
    from app.storage import lock

    def refuse(path, *_args, **_kwargs):
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(lock, "open", refuse, raising=False)
    assert main(["import", L5]) == 2
    assert "nervechart.lock" in _one_line_error(capsys)


@pytest.mark.parametrize("size", ["99999x99999", "10001x600"])
def test_screenshot_larger_than_qt_can_paint_is_refused_before_drawing(tmp_path, capsys, size):
    out = tmp_path / "window.png"
    assert main(["screenshot", str(out), "--size", size]) == 2
    assert "too large" in _one_line_error(capsys)
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_export_over_a_named_pipe_is_refused_and_the_pipe_kept(home, tmp_path, capsys):
    main(["demo"])
    capsys.readouterr()
    assert main(["export", "--patient", "DEMO-0002", "-o", str(tmp_path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    Path(first).unlink()
    os.mkfifo(first)
    assert main(["export", "--patient", "DEMO-0002", "-o", str(tmp_path)]) == 2
    assert "not a regular file" in _one_line_error(capsys)
    assert Path(first).is_fifo()


def test_restore_keeps_what_is_only_in_the_backups_write_ahead_log(home, tmp_path, capsys):
    """A database folder copied while NerveChart was open has the last changes in its -wal."""
    main(["demo"])
    live = sqlite3.connect(database_path(home))
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("INSERT INTO patients (name, search_key, created_at, updated_at) "
                 "VALUES ('Only In The Log', 'only in the log', 'x', 'x')")
    live.commit()
    copy = tmp_path / "copied.db"
    copy.write_bytes(database_path(home).read_bytes())
    Path(f"{copy}-wal").write_bytes(Path(f"{database_path(home)}-wal").read_bytes())
    live.close()
    other = tmp_path / "other-home"
    assert main(["--home", str(other), "restore", str(copy)]) == 0
    assert main(["--home", str(other), "check"]) == 0
    assert f"({len(STORIES) + 1} patients," in capsys.readouterr().out


def test_a_database_from_a_newer_nervechart_is_not_called_damaged_nor_changed(home, tmp_path,
                                                                             capsys):
    main(["demo"])
    other = tmp_path / "other-home"
    other.mkdir()
    newer = database_path(other)
    assert main(["backup", "-o", str(newer)]) == 0  # a backup is one file, no write-ahead log
    db = sqlite3.connect(newer)
    db.execute("PRAGMA user_version=999")
    db.commit()
    db.close()
    before = newer.read_bytes()
    capsys.readouterr()
    assert main(["--home", str(other), "check"]) == 2
    assert "DAMAGED" not in capsys.readouterr().out
    assert main(["--home", str(other), "import", L5]) == 2
    assert "schema version 999" in _one_line_error(capsys)
    assert newer.read_bytes() == before
