"""The body-map SVGs as documents: region elements, and copies marked with symptoms (no Qt).

Used by the GUI (region shapes, pattern strokes) and by the letter (`marked_svg`, drawn into
the PDF through svglib). Start with `region_elements(view)` and `marked_svg(view, symptoms)`.
"""

from app.bodymap.styles import SymptomStyle, symptom_styles
from app.bodymap.views import (
    VIEWS,
    BodyMapError,
    RegionElement,
    region_elements,
    region_keys,
    svg_path,
    view_document,
)


def __getattr__(name: str):
    """`marked_svg` on first use: only the letter needs it, and its XML writer is not worth
    loading when the charting window starts."""
    if name == "marked_svg":
        from app.bodymap.svg_marking import marked_svg

        globals()[name] = marked_svg
        return marked_svg
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "VIEWS", "BodyMapError", "RegionElement", "SymptomStyle", "marked_svg", "region_elements",
    "region_keys", "svg_path", "symptom_styles", "view_document",
]
