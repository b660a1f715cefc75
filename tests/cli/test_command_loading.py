"""The CLI imports only the command it runs, so quick commands stay quick."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.cli.main import COMMANDS, _commands_to_register


@pytest.mark.parametrize(("argv", "expected"), [
    (["--version"], ()),
    ([], ()),
    (["--home", "interpret", "--selftest"], ()),  # "interpret" is --home's value here
    (["interpret", "a.json"], ("interpret",)),
    (["--home", "/tmp/x", "import", "f.json"], ("import",)),
    (["--help"], tuple(COMMANDS)),
    (["no-such-command"], tuple(COMMANDS)),
])
def test_only_the_named_command_is_registered(argv, expected):
    assert _commands_to_register(argv) == expected


def test_interpret_does_not_load_reportlab_sqlite_or_qt(tmp_path):
    probe = ("import sys; from app.cli.main import main; "
             "main(['interpret', sys.argv[1]]); "
             "heavy = ('reportlab', 'sqlite_utils', 'PySide6'); "
             "print(sorted(m for m in heavy if m in sys.modules))")
    exam = tmp_path / "e.json"
    exam.write_text('{"format": "nervechart.exam/1", "exam_date": "2026-11-21"}', encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", probe, str(exam)], capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
