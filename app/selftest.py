"""`nervechart --selftest`: proves an installation works, for the IT department that deployed it.

It loads every bundled resource (knowledge tables, other CSV tables, SVGs, fonts, images, letter
templates), has Qt draw the pictures, interprets the bundled example exams and compares each
answer with `resources/examples/expected.csv`, and, where this build has the commands, creates,
checks and backs up a demo database, writes a referral letter and draws the charting window.
Everything happens in a temporary folder: the user's home folder and its patient data are never
opened.

One line per check goes to `out` (`ok`, `skip` or `FAIL` and what was checked); the exit status
is 0 when nothing failed and 1 otherwise.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from app import __version__
from app.paths import reports_dir, resources_dir


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Path], str]  # gets a scratch folder; returns what it checked, raises on failure


def run_selftest(out: TextIO | None = None) -> int:
    """Run every check, print one line each, return the exit status (0 = all passed)."""
    out = out or sys.stdout
    print(f"NerveChart {__version__} selftest ({_installation_kind()}; "
          f"resources in {resources_dir()})", file=out)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="nervechart-selftest-") as scratch:
        for check in CHECKS:
            try:
                status, detail = "ok", check.run(Path(scratch))
            except Exception as err:  # report every failing check, then exit 1
                if os.environ.get("NERVECHART_DEBUG"):
                    raise
                status, detail = "FAIL", f"{type(err).__name__}: {err}"
                failures += 1
            print(f"{status:<5} {check.name:<18} {detail}", file=out)
    verdict = "FAILED" if failures else "passed"
    print(f"selftest {verdict}: {len(CHECKS) - failures} ok, {failures} failed", file=out)
    return 1 if failures else 0


def _installation_kind() -> str:
    if getattr(sys, "frozen", False):
        return "frozen bundle"
    if (Path(__file__).resolve().parent / "resources").is_dir():
        return "installed package"
    return "source tree"


# -- the checks ----------------------------------------------------------------------------

def check_knowledge_tables(_scratch: Path) -> str:
    from app.knowledge import load_knowledge

    kb = load_knowledge()
    versions = kb.table_versions or {}
    if len(set(versions.values())) == 1:
        listed = f"all version {next(iter(versions.values()))}"
    else:
        listed = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
    return f"{len(versions)} tables ({listed}), {len(kb.sources)} sources"


def check_resource_files(_scratch: Path) -> str:
    kinds: Counter[str] = Counter()
    for path in _bundled_files():
        kinds[_load_file(path)] += 1
    if not kinds:
        raise FileNotFoundError("no bundled resource files found")
    return ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())) + " loaded"


def check_qt_drawing(_scratch: Path) -> str:
    from app.gui.resource_check import qt_loads

    files = list(_bundled_files())
    svgs = [path for path in files if path.suffix.lower() == ".svg"]
    images = [path for path in files if path.suffix.lower() in (".png", ".ico")]
    return qt_loads(svgs, images)


def check_example_exams(_scratch: Path) -> str:
    from app.exchange.exam_files import read_exam_file
    from app.knowledge import load_knowledge
    from app.rules import interpret

    kb = load_knowledge()
    expectations = _example_expectations()
    for name, expected in expectations.items():
        result = interpret(read_exam_file(_examples_dir() / name, kb.catalogue()), kb)
        got = {
            "top_site": result.hypotheses[0].site if result.hypotheses else "(none)",
            "top_side": result.hypotheses[0].side if result.hypotheses else "(none)",
            "urgencies": result.urgency,
            "destination": result.referral.to,
        }
        for field, value in got.items():
            allowed = [item for item in expected[field].split(";") if item]
            if allowed and value not in allowed:
                raise AssertionError(f"{name}: {field} is {value!r}, "
                                     f"expected {' or '.join(allowed)}")
    return f"{len(expectations)} examples interpreted as expected ({', '.join(expectations)})"


def check_letter(scratch: Path) -> str:
    pdf = scratch / "letter.pdf"
    _run_command("letter", [str(_examples_dir() / "l5-foot-drop.json"), "-o", str(pdf)], scratch)
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pages = len(document)
    finally:
        document.close()
    if pages < 1:
        raise AssertionError(f"{pdf} has no pages")
    return f"referral letter written ({pages} page(s), {pdf.stat().st_size // 1024} KiB)"


def check_charting_window(scratch: Path) -> str:
    png = scratch / "window.png"
    example = _examples_dir() / "cauda-equina.json"
    _run_command("screenshot", [str(png), "--exam", str(example)], scratch)
    if not png.is_file() or png.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError(f"the screenshot {png} is not a PNG")
    return f"charting window drawn with an example loaded ({png.stat().st_size // 1024} KiB PNG)"


def check_database(scratch: Path) -> str:
    home = scratch / "home"
    home.mkdir()
    _run_command("demo", [], home)
    checked = _run_command("check", [], home).strip()
    _run_command("backup", ["-o", str(scratch / "backup.db")], home)
    return f"demo database created and backed up; nervechart check: {checked}"


CHECKS: tuple[Check, ...] = (
    Check("knowledge tables", check_knowledge_tables),
    Check("resource files", check_resource_files),
    Check("Qt drawing", check_qt_drawing),
    Check("example exams", check_example_exams),
    Check("database", check_database),
    Check("referral letter", check_letter),
    Check("charting window", check_charting_window),
)


# -- helpers -------------------------------------------------------------------------------

_TEXT_SUFFIXES = {".md", ".txt", ".html", ".css", ".xml", ".ini"}


def _bundled_files() -> Iterator[Path]:
    roots = [resources_dir()]
    with contextlib.suppress(FileNotFoundError):  # a build without letter templates
        roots.append(reports_dir())
    for root in roots:
        yield from sorted(path for path in root.rglob("*") if path.is_file()
                          and "__pycache__" not in path.parts)


def _load_file(path: Path) -> str:
    """Parse `path` the way its kind is meant to be read; returns the kind's name."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if not data:
        raise ValueError(f"{path} is empty")
    if suffix == ".csv":
        _check_csv(path, data.decode("utf-8-sig"))
        return "CSV tables"
    if suffix == ".svg":
        ElementTree.fromstring(data)
        return "SVG drawings"
    if suffix in (".ttf", ".otf"):
        from reportlab.pdfbase.ttfonts import TTFont

        TTFont(path.stem, str(path))
        return "fonts"
    if suffix == ".json":
        json.loads(data.decode("utf-8"))
        return "JSON files"
    if suffix == ".toml":
        tomllib.loads(data.decode("utf-8"))
        return "TOML templates"
    if suffix in (".png", ".ico"):
        return "images"
    if suffix in _TEXT_SUFFIXES or not suffix:
        data.decode("utf-8")
        return "text files"
    return "other files"


def _check_csv(path: Path, text: str) -> None:
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    rows = list(csv.reader(lines))
    if not rows:
        raise ValueError(f"{path} has no header")
    width = len(rows[0])
    for number, row in enumerate(rows[1:], start=2):
        if row and len(row) != width:
            raise ValueError(f"{path}: data row {number} has {len(row)} cells, header has {width}")


def _examples_dir() -> Path:
    return resources_dir() / "examples"


def _example_expectations() -> dict[str, dict[str, str]]:
    table = _examples_dir() / "expected.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    if not rows:
        raise ValueError(f"{table} lists no examples")
    return rows


def _run_command(name: str, arguments: list[str], home: Path) -> str:
    """Run a `nervechart` subcommand in-process on a scratch home and return what it printed."""
    from app.cli.main import main

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = main(["--home", str(home), name, *arguments])
    if status != 0:
        raise AssertionError(f"`nervechart {name}` exited with status {status}: "
                             f"{printed.getvalue().strip()}")
    return printed.getvalue()
