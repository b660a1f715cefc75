"""Before Qt starts on Linux: are the X11 (xcb) libraries there? If not, say what to install.

Qt aborts with a cryptic "could not load the Qt platform plugin xcb" when system libraries
are missing. `missing_system_packages()` tries to load each library the xcb plugin needs
(a dlopen each, a few milliseconds in all) and returns the Debian/Ubuntu packages that provide
the missing ones; `platform_problem()` words the whole answer, or returns None when Qt can start.
Nothing here imports Qt, so it runs before the first Qt import.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# Shared library -> Debian/Ubuntu package, for what Qt 6's xcb platform plugin loads.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
)


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def uses_xcb(environ: dict[str, str] | os._Environ = os.environ,
             platform: str = sys.platform) -> bool:
    """Whether Qt will pick the X11 platform plugin in this environment."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_system_packages(loads: Callable[[str], bool] = _loads) -> list[str]:
    return [package for library, package in XCB_LIBRARIES if not loads(library)]


def platform_problem(environ: dict[str, str] | os._Environ = os.environ,
                     platform: str = sys.platform,
                     loads: Callable[[str], bool] = _loads) -> str | None:
    """A message saying what is missing for Qt to open a window, or None if nothing is."""
    if not uses_xcb(environ, platform):
        return None
    missing = missing_system_packages(loads)
    if missing:
        return ("NerveChart cannot open its window: Qt's X11 platform needs system libraries "
                "that are not installed.\nInstall them with:\n"
                f"  sudo apt-get install {' '.join(missing)}\n"
                "(package names for Debian and Ubuntu; other systems have similar ones).")
    if not environ.get("DISPLAY"):
        return ("NerveChart cannot open its window: no display was found (DISPLAY is not set).\n"
                "Start it from a desktop session, or use `nervechart screenshot OUT.png` to draw "
                "the window without a display.")
    return None
