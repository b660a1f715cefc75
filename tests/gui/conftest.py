"""Fixtures for the charting-window tests: a session on the real knowledge base, and the window."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_EXAMPLES


@pytest.fixture
def session(kb, qtbot):
    from app.gui.session import ExamSession

    return ExamSession(kb)


@pytest.fixture
def window(session, kb, qtbot, monkeypatch):
    """The charting window, shown; any unsaved-changes prompt not answered by a test fails it."""
    from app.gui import exam_file_actions
    from app.gui.context import AppContext
    from app.gui.main import build_main_window

    def unexpected_prompt(parent):
        raise AssertionError("the unsaved-changes prompt appeared unexpectedly")

    monkeypatch.setattr(exam_file_actions, "ask_unsaved_changes", unexpected_prompt)
    built = build_main_window(AppContext(session=session, kb=kb, home=None))
    built.show()
    qtbot.waitExposed(built)
    yield built
    session.mark_saved()  # the test is over: closing must not ask
    built.close()
    built.deleteLater()


@pytest.fixture
def example_path():
    def path(name: str):
        return SHARED_EXAMPLES / f"{name}.json"

    return path
