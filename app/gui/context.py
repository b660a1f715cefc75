"""AppContext: what a feature module receives when it installs itself into the main window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.knowledge import KnowledgeBase
from app.gui.session import ExamSession


@dataclass
class AppContext:
    session: ExamSession
    kb: KnowledgeBase
    home: Path | None
