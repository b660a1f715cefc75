"""`nervechart --selftest` from the source tree: passes, and fails loudly on a broken resource."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from app import selftest
from app.cli.main import main
from app.paths import resources_dir


def _run_selftest() -> tuple[int, str]:
    out = io.StringIO()
    status = selftest.run_selftest(out)
    return status, out.getvalue()


def test_selftest_passes_from_the_source_tree():
    status, report = _run_selftest()
    assert status == 0, report
    lines = report.splitlines()
    assert lines[0].startswith("NerveChart ") and "source tree" in lines[0]
    for check in selftest.CHECKS:
        assert any(line[6:].startswith(check.name) for line in lines if line[:4] in ("ok  ",
                                                                                     "skip")), \
            f"{check.name} did not pass:\n{report}"
    assert lines[-1].startswith("selftest passed")


def test_selftest_flag_runs_it_and_exits_zero(capsys):
    assert main(["--selftest"]) == 0
    assert "selftest passed" in capsys.readouterr().out


def test_a_corrupt_table_fails_the_selftest_and_names_the_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch):
    broken = tmp_path / "resources"
    shutil.copytree(resources_dir(), broken)
    sources = broken / "tables" / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8") + 'extra,"row",V,with,too,many,cells\n',
                      encoding="utf-8")
    monkeypatch.setattr(selftest, "resources_dir", lambda: broken)
    monkeypatch.setattr("app.paths.resources_dir", lambda: broken)

    status, report = _run_selftest()

    assert status == 1
    failed = [line for line in report.splitlines() if line.startswith("FAIL")]
    assert any("sources.csv" in line for line in failed), report
    assert report.splitlines()[-1].startswith("selftest FAILED")


def test_a_wrong_expected_answer_fails_the_example_check(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    examples = tmp_path / "examples"
    shutil.copytree(resources_dir() / "examples", examples)
    expected = examples / "expected.csv"
    expected.write_text(expected.read_text(encoding="utf-8").replace(
        "cauda_equina,bilateral,emergency", "cauda_equina,bilateral,routine"), encoding="utf-8")
    monkeypatch.setattr(selftest, "_examples_dir", lambda: examples)

    with pytest.raises(AssertionError, match=r"cauda-equina\.json: urgencies is 'emergency'"):
        selftest.check_example_exams(tmp_path)
