"""Entry point of `nervechart`: parses arguments, dispatches to a command, maps errors to exits.

Exit status (spec section 3): 0 success, 2 invalid input or usage (message on stderr),
1 internal failure. Commands live one per module in `app.cli.commands`; each module has
`register(subparsers)` which adds its parser and sets `handler(args) -> int`.
With no command, the GUI opens on the home folder's database.

Only the module of the command being run is imported (all of them for `--help`), so
`nervechart --version` or `interpret` does not pay for ReportLab, SQLite or Qt start-up.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from app import __version__
from app.cli.errors import UsageError
from app.domain.errors import ExamFormatError

# Subcommand -> its module in app.cli.commands, in the order `--help` lists them.
COMMANDS: dict[str, str] = {
    "interpret": "interpret", "letter": "letter", "demo": "demo", "import": "import_exams",
    "export": "export_exams", "backup": "backup", "restore": "restore", "check": "check",
    "screenshot": "screenshot",
}
_GLOBAL_OPTIONS_WITH_VALUE = ("--home",)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors: exit 2, no traceback
        self.print_usage(sys.stderr)
        raise SystemExit(f"nervechart: error: {message}") from None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`, with the subparsers `_commands_to_register` picks."""
    parser = _Parser(prog="nervechart", description="NerveChart clinical exam assistant.",
                     epilog="Exit status: 0 success; 2 invalid input or usage (one line on "
                            "stderr naming the file, the field and what is allowed); 1 internal "
                            "failure, or `check` finding the database damaged.")
    parser.add_argument("--version", action="version", version=f"nervechart {__version__}")
    parser.add_argument("--selftest", action="store_true",
                        help="check this installation (resources, examples, letter) and exit; "
                             "works in a temporary folder, never in the home folder")
    parser.add_argument("--home", metavar="DIR", default=os.environ.get("NERVECHART_HOME"),
                        help="folder for the database, backups and settings "
                             "(default: $NERVECHART_HOME or the per-user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _commands_to_register(sys.argv[1:] if argv is None else argv):
        importlib.import_module(f"app.cli.commands.{COMMANDS[name]}").register(sub)
    return parser


def _commands_to_register(argv: Sequence[str]) -> tuple[str, ...]:
    """The command `argv` names; every command for help or an unknown name (so the message can
    list them); none for the bare global options (`--version`, `--selftest`, opening the app)."""
    tokens = iter(argv)
    for token in tokens:
        if token in _GLOBAL_OPTIONS_WITH_VALUE:
            next(tokens, None)
        elif not token.startswith("-"):
            return (token,) if token in COMMANDS else tuple(COMMANDS)
    return tuple(COMMANDS) if {"-h", "--help"} & set(argv) else ()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return _exit_code_of(stop)
    handler = getattr(args, "handler", None)
    try:
        if args.selftest:
            if handler is not None:
                raise UsageError(f"--selftest takes no command (got {args.command!r})")
            from app.selftest import run_selftest

            return run_selftest()
        if handler is None:
            from app.cli.commands.open_app import open_app  # Qt only when the app opens

            return open_app(args)
        return int(handler(args))
    except (UsageError, ExamFormatError) as err:
        print(f"nervechart: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # last resort: a short message, not a traceback
        if os.environ.get("NERVECHART_DEBUG"):
            raise
        print(f"nervechart: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1


def _exit_code_of(stop: SystemExit) -> int:
    if stop.code is None or stop.code == 0:
        return 0
    if isinstance(stop.code, str):
        print(stop.code, file=sys.stderr)
    return 2
