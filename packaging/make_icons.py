"""Regenerates the PNG sizes and the Windows .ico of the application icon from its SVG.

    .venv/bin/python packaging/make_icons.py

`resources/icons/nervechart.svg` is the one drawing; this renders it with Qt's SVG renderer (the
same one the app uses) into `nervechart-<size>.png` and packs the sizes Windows asks for into
`nervechart.ico` with Pillow (already installed as a matplotlib dependency). macOS needs no .icns
in the repository: PyInstaller converts the 512 px PNG when it builds on a Mac.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"could not write {target}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "nervechart.svg"))
    if not renderer.isValid():
        raise SystemExit(f"{ICONS / 'nervechart.svg'} is not a valid SVG")
    for size in PNG_SIZES:
        render_png(renderer, size, ICONS / f"nervechart-{size}.png")
    largest = Image.open(ICONS / "nervechart-256.png")
    largest.save(ICONS / "nervechart.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"wrote {len(PNG_SIZES)} PNG sizes and nervechart.ico into {ICONS}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
