"""Feature modules that plug into the main window (records, letter, first run, settings, help).

Each entry of `FEATURE_MODULES` is a module path; the module defines
`install(window: MainWindow, context: AppContext) -> None`, which `install_features` calls once,
in this order, after the window is built. A feature adds its menus with `window.menu(title)`,
docks with `window.add_dock(...)`, and may veto closing through `window.about_to_close`.
Each feature's owner adds exactly one line here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.gui.context import AppContext
    from app.gui.main_window import MainWindow

FEATURE_MODULES: tuple[str, ...] = (
    "app.gui.records.feature",  # patients, exam history, autosave, backups (opens the store)
    "app.gui.clinic_setup",  # first-run welcome, Settings, Help > Clinical sources
    "app.gui.letter.feature",  # Letter menu: preview, print, save the referral letter
)


class Feature(Protocol):
    def install(self, window: MainWindow, context: AppContext) -> None: ...


def install_features(window: MainWindow, context: AppContext,
                     modules: tuple[str, ...] = FEATURE_MODULES) -> None:
    for name in modules:
        feature: Feature = importlib.import_module(name)  # type: ignore[assignment]
        feature.install(window, context)
