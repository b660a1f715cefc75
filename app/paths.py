"""The one place that knows where NerveChart's bundled files live.

`resources/` and `reports/` sit beside `app/` in a source checkout, inside `app/` in an installed
wheel (hatch force-include), and under the frozen bundle's data folder in a PyInstaller build.
Every other module asks here and never builds such paths itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = [_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name]
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "app" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"NerveChart's {name!r} folder is missing (looked in {candidates})")


def resources_dir() -> Path:
    """Folder holding clinical tables, body-map SVGs, fonts and icons."""
    return _bundled("resources")


def tables_dir() -> Path:
    """Folder holding the clinical knowledge tables (CSV, each row with a source)."""
    return resources_dir() / "tables"


def reports_dir() -> Path:
    """Folder holding the referral-letter templates (data, not code)."""
    return _bundled("reports")
