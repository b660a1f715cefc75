"""The record commands end to end through `nervechart` (spec section 3)."""

from __future__ import annotations

from app.cli.main import main
from app.storage.database import database_path


def test_demo_fills_a_fresh_home_once_and_check_passes(home, capsys):
    assert main(["demo"]) == 0
    first = database_path(home).read_bytes()
    assert main(["demo"]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert database_path(home).read_bytes() == first
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("OK")


def test_check_reports_a_zero_byte_database_and_keeps_it(home, capsys):
    database_path(home).write_bytes(b"")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "DAMAGED" in out and "empty" in out
    assert database_path(home).exists()


def test_backup_and_restore_round_trip(home, tmp_path, capsys):
    main(["demo"])
    target = tmp_path / "copy.db"
    assert main(["backup", "-o", str(target)]) == 0
    assert main(["restore", str(target)]) == 0
    assert "kept as" in capsys.readouterr().out
    assert main(["check"]) == 0


def test_export_of_an_unknown_patient_exits_2_naming_it(home, tmp_path, capsys):
    main(["demo"])
    assert main(["export", "--patient", "NOPE-1", "-o", str(tmp_path)]) == 2
    assert "NOPE-1" in capsys.readouterr().err


def test_export_then_import_into_another_home(home, tmp_path, monkeypatch, capsys):
    main(["demo"])
    assert main(["export", "--patient", "DEMO-0002", "-o", str(tmp_path)]) == 0
    files = sorted(tmp_path.glob("DEMO-0002_*.json"))
    assert len(files) == 3
    other = tmp_path / "other-home"
    assert main(["--home", str(other), "import", *map(str, files)]) == 0
    assert "Imported 3 exam(s) (1 new patient(s))" in capsys.readouterr().out
