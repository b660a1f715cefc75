"""The files that ship with the app agree with each other and with the shared specification."""

from __future__ import annotations

import configparser
import csv
from pathlib import Path

import pytest

from app.paths import resources_dir
from tests.conftest import SHARED_EXAMPLES

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def test_bundled_examples_are_the_specifications_examples():
    if not SHARED_EXAMPLES.is_dir():
        pytest.skip("the shared specification's examples are not on this machine")
    shared = {path.name: path.read_bytes() for path in SHARED_EXAMPLES.glob("*.json")}
    bundled = {path.name: path.read_bytes()
               for path in (resources_dir() / "examples").glob("*.json")}
    assert bundled == shared


def test_every_bundled_example_has_an_expected_answer():
    examples = resources_dir() / "examples"
    with (examples / "expected.csv").open(encoding="utf-8", newline="") as handle:
        listed = {row["file"] for row in csv.DictReader(handle)}
    assert listed == {path.name for path in examples.glob("*.json")}


def test_desktop_entry_matches_the_app_and_its_icons():
    from app.gui.clinic_setup import DESKTOP_FILE_NAME
    from app.gui.main import APPLICATION_NAME

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / f"{DESKTOP_FILE_NAME}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Icon"] == DESKTOP_FILE_NAME
    assert desktop["StartupWMClass"] == APPLICATION_NAME
    assert desktop["Exec"].endswith(f"/{APPLICATION_NAME}")  # the spec's windowed program
    icons = resources_dir() / "icons"
    assert (icons / f"{DESKTOP_FILE_NAME}.svg").is_file()
    assert (icons / f"{DESKTOP_FILE_NAME}-256.png").is_file()


def test_installed_size_counts_runtime_dependencies_only():
    from benchmarks.installed_size import runtime_closure

    closure = runtime_closure()
    assert {"pyside6-essentials", "reportlab", "sqlite-utils", "platformdirs"} <= set(closure)
    assert not {"pytest", "pyinstaller", "hypothesis", "ruff"} & set(closure)
