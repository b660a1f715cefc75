"""Records GUI fixtures: the charting window on a throwaway home folder (demo data or empty)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return _isolated_home


@pytest.fixture
def demo_home(home: Path) -> Path:
    assert main(["--home", str(home), "demo"]) == 0
    return home


@pytest.fixture
def open_window(kb, qtbot):
    """Build the charting window on a home folder; shut its records down at the end."""
    from app.gui.context import AppContext
    from app.gui.main import build_main_window
    from app.gui.session import ExamSession

    built = []

    def build(home: Path):
        window = build_main_window(AppContext(session=ExamSession(kb), kb=kb, home=home))
        qtbot.addWidget(window)
        built.append(window)
        return window

    yield build
    for window in built:
        records = getattr(window, "records", None)
        if records is not None:
            records.shut_down()
