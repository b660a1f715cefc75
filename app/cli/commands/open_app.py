"""`nervechart` with no command: open the charting window on the home folder.

Checks first that Qt can open a window on this system (`app.gui.platform_check`) and prints
what to install instead of Qt's abort. Exit status 0 when the window is closed normally,
1 when the platform is missing what Qt needs.
"""

from __future__ import annotations

import argparse
import sys

from app.gui.platform_check import platform_problem
from app.knowledge import load_knowledge
from app.storage.home import resolve_home


def open_app(args: argparse.Namespace) -> int:
    problem = platform_problem()
    if problem is not None:
        sys.stderr.write(problem + "\n")
        return 1
    from app.gui.context import AppContext
    from app.gui.main import build_main_window, create_application
    from app.gui.session import ExamSession

    app = create_application()
    kb = load_knowledge()
    context = AppContext(session=ExamSession(kb), kb=kb, home=resolve_home(args.home))
    window = build_main_window(context)
    window.show()
    return app.exec()
