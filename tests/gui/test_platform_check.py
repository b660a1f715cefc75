"""The Linux platform check names the Debian/Ubuntu packages instead of letting Qt abort."""

from __future__ import annotations

from app.gui.platform_check import platform_problem, uses_xcb

X11 = {"DISPLAY": ":0"}


def test_missing_xcb_libraries_are_named_as_packages_to_install():
    absent = {"libxcb-cursor.so.0", "libEGL.so.1"}
    message = platform_problem(X11, "linux", loads=lambda lib: lib not in absent)
    assert message is not None
    assert "apt-get install libxcb-cursor0 libegl1" in message


def test_nothing_to_say_when_every_library_loads():
    assert platform_problem(X11, "linux", loads=lambda lib: True) is None


def test_no_display_is_explained():
    message = platform_problem({}, "linux", loads=lambda lib: True)
    assert message is not None and "DISPLAY" in message


def test_only_linux_xcb_is_checked():
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({}, "win32")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert platform_problem({}, "darwin", loads=lambda lib: False) is None
