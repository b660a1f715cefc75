"""`nervechart interpret`: JSON per line, --text, and every kind of bad input exits 2 cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"
GOOD = {"format": "nervechart.exam/1", "exam_date": "2026-11-21",
        "strength": {"left": {"ankle_dorsiflexion": "2"}}}


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_several_files_give_one_json_object_per_line(tmp_path, capsys):
    a = _write(tmp_path, "a.json", json.dumps(GOOD))
    b = _write(tmp_path, "b.json", json.dumps({**GOOD, "strength": {}}))
    assert main(["interpret", str(a), str(b)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line in lines:
        assert json.loads(line)["format"] == "nervechart.interpretation/1"


def test_text_output_is_for_a_person(tmp_path, capsys):
    a = _write(tmp_path, "a.json", json.dumps(GOOD))
    assert main(["interpret", "--text", str(a)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("URGENCY:")
    assert "{" not in out.splitlines()[0]


BAD_INPUTS = [
    ("malformed.json", '{"format": "nervechart.exam/1",', "malformed JSON"),
    ("wrongtype.json", json.dumps({**GOOD, "strength": []}), "strength"),
    ("unknown.json", json.dumps({**GOOD, "strength": {"left": {"wiggle": "5"}}}),
     "strength.left.wiggle"),
    ("range.json", json.dumps({**GOOD, "strength": {"left": {"ankle_dorsiflexion": "7"}}}),
     "strength.left.ankle_dorsiflexion"),
    ("binary.json", b"\xff\xfe\x00garbage", "UTF-8"),
    ("list.json", "[1, 2, 3]", "not an object"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
]


@pytest.mark.parametrize(("name", "content", "named"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_exits_2_naming_file_and_problem(tmp_path, capsys, name, content, named):
    path = _write(tmp_path, name, content)
    assert main(["interpret", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert name in captured.err and named in captured.err
    assert "Traceback" not in captured.err


def test_a_bad_file_among_good_ones_prints_nothing(tmp_path, capsys):
    good = _write(tmp_path, "good.json", json.dumps(GOOD))
    bad = _write(tmp_path, "bad.json", "{")
    assert main(["interpret", str(good), str(bad)]) == 2
    assert capsys.readouterr().out == ""


def test_missing_file_and_directory_exit_2(tmp_path, capsys):
    assert main(["interpret", str(tmp_path / "nope.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["interpret", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_a_50_megabyte_file_is_refused_without_reading_it(tmp_path, capsys):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert main(["interpret", str(big)]) == 2
    assert "too large" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    assert main(["interpret"]) == 2
    assert main(["no-such-command"]) == 2
    assert "usage" in capsys.readouterr().err


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("nervechart ")


def test_installed_command_on_bad_input_prints_no_traceback(tmp_path):
    bad = _write(tmp_path, "bad.json", json.dumps({**GOOD, "exam_date": "yesterday"}))
    done = subprocess.run([sys.executable, "-m", "app", "interpret", str(bad)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert "exam_date" in done.stderr and "YYYY-MM-DD" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="shared examples are not beside the checkout")
def test_shared_examples_interpret_in_one_call(capsys):
    files = sorted(str(p) for p in EXAMPLES.glob("*.json"))
    assert main(["interpret", *files]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(files)
