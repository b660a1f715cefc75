"""Fixtures for the charting-window tests: a session on the real knowledge base, and the window."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_EXAMPLES


@pytest.fixture
def session(kb, qtbot):
    from app.gui.session import ExamSession

    return ExamSession(kb)


@pytest.fixture
def window(session, kb, qtbot):
    from app.gui.context import AppContext
    from app.gui.main import build_main_window

    built = build_main_window(AppContext(session=session, kb=kb, home=None))
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    yield built
    session.mark_saved()  # nothing to ask about when the test ends


@pytest.fixture
def example_path():
    def path(name: str):
        return SHARED_EXAMPLES / f"{name}.json"

    return path
