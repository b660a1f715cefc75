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
    from app.gui.main import create_application, show_main_window
    from app.gui.session import ExamSession

    app = create_application()
    kb = load_knowledge()
    context = AppContext(session=ExamSession(kb), kb=kb, home=resolve_home(args.home))
    window = show_main_window(context)  # referenced until the event loop ends
    exit_code = app.exec()
    window.deleteLater()
    return exit_code
