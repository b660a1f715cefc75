"""`nervechart --help` and each command's help offer what the spec's command table promises
(spec section 3): every command, every option it lists, and the exit statuses."""

from __future__ import annotations

import re

import pytest

from app.cli.main import COMMANDS, main
from tests.conftest import SHARED_EXAMPLES

SPEC = (SHARED_EXAMPLES.parent / "spec" / "exam-format.md").read_text(encoding="utf-8")
TABLE = SPEC[SPEC.index("| command | does |"):]
SPEC_USAGES = re.findall(r"`nervechart ([a-z]+)([^`]*)`", TABLE)


def _help(capsys, *argv: str) -> str:
    assert main([*argv, "--help"]) == 0
    return capsys.readouterr().out


def test_the_spec_table_was_read():
    assert {name for name, _ in SPEC_USAGES} >= {"interpret", "letter", "export", "backup"}


@pytest.mark.parametrize(("command", "usage"), SPEC_USAGES, ids=[u[0] for u in SPEC_USAGES])
def test_each_command_offers_the_options_the_spec_lists(capsys, command, usage):
    assert command in COMMANDS
    shown = _help(capsys, command)
    for option in re.findall(r"(?<![\w-])-{1,2}[a-z]+", usage):
        assert option in shown, f"{command} --help lacks {option}"


def test_top_level_help_states_the_exit_statuses(capsys):
    shown = " ".join(_help(capsys).split())
    assert "0 success" in shown and "2 invalid input or usage" in shown
    assert "1 internal failure" in shown
    for option in ("--home", "--version"):
        assert option in shown


def test_selftest_with_a_command_is_a_usage_error_not_silently_a_selftest(capsys):
    assert main(["--selftest", "check"]) == 2
    assert "--selftest takes no command" in capsys.readouterr().err
