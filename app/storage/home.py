"""Where NerveChart keeps its data: the home folder.

`resolve_home(value)` picks, in order, the `--home` value, the `NERVECHART_HOME` environment
variable, or the per-user data folder from platformdirs ("NerveChart"), creates it if needed and
returns it as an absolute Path. Every module that needs the home folder asks here.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_ENVIRONMENT_VARIABLE = "NERVECHART_HOME"
APPLICATION_NAME = "NerveChart"


def resolve_home(value: str | None) -> Path:
    """The home folder to use (created if missing); `value` is the --home option or None."""
    chosen = value or os.environ.get(HOME_ENVIRONMENT_VARIABLE) or None
    if chosen:
        home = Path(chosen).expanduser()
    else:
        home = Path(platformdirs.user_data_dir(APPLICATION_NAME, appauthor=False))
    if home.exists() and not home.is_dir():
        raise NotADirectoryError(f"The NerveChart home {home} exists but is not a folder")
    home.mkdir(parents=True, exist_ok=True)
    return home.resolve()
