"""Exam files that are not what they claim: each exits 2 with one line naming the file and the
problem, and nothing is printed on stdout or stored."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.conftest import SHARED_EXAMPLES

L5 = SHARED_EXAMPLES / "l5-foot-drop.json"
HEAD = '{"format": "nervechart.exam/1", "exam_date": "2026-11-21"'


def _l5_text() -> str:
    return L5.read_text(encoding="utf-8")


BAD_FILES = [
    ("empty", b"", "empty file"),
    ("blank", b" \n\t\n", "empty file"),
    ("utf16_bom", _l5_text().encode("utf-16"), "UTF-16"),
    ("utf16_no_bom", _l5_text().encode("utf-16-le"), "UTF-16"),
    ("utf32_bom", _l5_text().encode("utf-32"), "UTF-32"),
    ("repeated_key", (HEAD + ', "exam_date": "2026-11-20"}').encode(), "'exam_date' appears twice"),
    ("repeated_nested_key", (HEAD + ', "strength": {"left": {"ankle_dorsiflexion": "5", '
                             '"ankle_dorsiflexion": "2"}}}').encode(), "ankle_dorsiflexion"),
    ("giant_number", (HEAD + ', "patient": {"age": ' + "9" * 5000 + "}}").encode(),
     "cannot be read"),
    ("week_date", b'{"format": "nervechart.exam/1", "exam_date": "2026-W47-6"}', "exam_date"),
    ("onset_after_exam", (HEAD + ', "history": {"onset_date": "2026-12-01"}}').encode(),
     "history.onset_date"),
    ("lone_surrogate", (HEAD + ', "patient": {"name": "\\ud800Zoe"}}').encode(),
     "lone surrogate"),
    ("born_after_exam", (HEAD + ', "patient": {"date_of_birth": "2030-01-01"}}').encode(),
     "patient.date_of_birth"),
]


@pytest.mark.parametrize(("name", "content", "named"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_interpret_refuses_it_in_one_line(tmp_path, capsys, name, content, named):
    path = tmp_path / f"{name}.json"
    path.write_bytes(content)
    assert main(["interpret", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in lines[0]
    assert f"{name}.json" in lines[0] and named in lines[0]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path, capsys):
    path = tmp_path / "bom.json"
    path.write_bytes(codecs.BOM_UTF8 + L5.read_bytes())
    assert main(["interpret", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["hypotheses"][0]["site"] == "root:L5"


def test_import_with_one_repeated_key_file_stores_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_bytes((HEAD + ', "patient": {"name": "A", "name": "B"}}').encode())
    assert main(["import", str(L5), str(bad)]) == 2
    assert "'name' appears twice" in capsys.readouterr().err
    assert main(["check"]) == 0
    assert "(0 patients, 0 exams)" in capsys.readouterr().out


def test_a_letter_never_shows_a_negative_age(tmp_path, capsys):
    exam = json.loads(_l5_text())
    exam["patient"]["date_of_birth"] = "2030-01-01"
    exam["patient"].pop("age", None)
    path = tmp_path / "born-later.json"
    path.write_text(json.dumps(exam), encoding="utf-8")
    assert main(["letter", str(path), "-o", str(tmp_path / "letter.pdf")]) == 2
    assert "patient.date_of_birth" in capsys.readouterr().err
    assert not Path(tmp_path / "letter.pdf").exists()


def test_letter_and_import_refuse_a_lone_surrogate_in_a_name(tmp_path, capsys):
    path = tmp_path / "surrogate.json"
    path.write_bytes((HEAD + ', "patient": {"name": "\\ud800Zoe", "identifier": "S-1"}}'
                      ).encode())
    assert main(["letter", str(path), "-o", str(tmp_path / "letter.pdf")]) == 2
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("patient.name") == 2 and "internal error" not in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs an endless device")
def test_an_endless_device_is_read_only_up_to_the_size_limit(capsys):
    assert main(["interpret", "/dev/zero"]) == 2
    assert "too large" in capsys.readouterr().err


def test_a_file_that_cannot_be_opened_is_named(tmp_path, capsys, monkeypatch):
    path = tmp_path / "locked.json"
    path.write_text("{}", encoding="utf-8")

    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert main(["interpret", str(path)]) == 2
    err = capsys.readouterr().err
    assert "locked.json" in err and "Permission denied" in err
