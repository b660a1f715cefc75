"""Qt's half of `nervechart --selftest`: can this installation's Qt draw the bundled pictures?

`qt_loads(svgs, images)` renders every SVG with QtSvg and decodes every PNG/ICO with QtGui,
using the offscreen platform when no application exists yet (a QApplication, because the
selftest's later checks draw widgets), so a frozen build proves its Qt plugins (platform,
image formats, SVG) were bundled. It raises `ResourceCheckError` naming the
first file Qt cannot read and returns a one-line summary otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

_application: QApplication | None = None  # kept alive for the rest of the selftest


class ResourceCheckError(Exception):
    """A bundled picture Qt cannot load; the message names the file."""


def qt_loads(svgs: Sequence[Path], images: Sequence[Path]) -> str:
    _ensure_application()
    for svg in svgs:
        _render_svg(svg)
    for image in images:
        if QImage(str(image)).isNull():
            raise ResourceCheckError(f"{image}: Qt cannot decode this image")
    platform = QGuiApplication.platformName()
    return f"{len(svgs)} SVG drawn and {len(images)} images decoded by Qt (platform {platform})"


def _render_svg(svg: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ResourceCheckError(f"{svg}: Qt cannot read this SVG")
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(64, 64)
    canvas = QImage(size, QImage.Format.Format_ARGB32)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    renderer.render(painter)
    painter.end()


def _ensure_application() -> None:
    global _application
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application = QApplication(["nervechart-selftest"])  # widgets may follow (screenshot)
