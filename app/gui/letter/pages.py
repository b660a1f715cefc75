"""PDF pages as QImages, rendered with pypdfium2 (no QtPdf add-on needed)."""

from __future__ import annotations

import pypdfium2
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72.0


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of `pdf` as an RGB image at `dpi`."""
    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
            array = bitmap.to_numpy()
            height, width = array.shape[:2]
            image = QImage(array.data, width, height, array.strides[0],
                           QImage.Format.Format_RGB888 if array.shape[2] == 3
                           else QImage.Format.Format_RGBX8888)
            images.append(image.copy())  # own the pixels before the bitmap goes away
    finally:
        document.close()
    return images
