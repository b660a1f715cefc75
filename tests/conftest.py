"""Shared test set-up: Qt offscreen, a throwaway home folder, and the knowledge base once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own NERVECHART_HOME, so nothing touches a real profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NERVECHART_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def kb():
    from app.knowledge import load_knowledge

    return load_knowledge()
