"""The clickable body diagram: front and back views, tool palette and overlays.

`BodyMapWidget(session)` is the only entry point the window needs (notes/gui-contract.md).
"""

from app.gui.body_map.widget import BodyMapWidget

__all__ = ["BodyMapWidget"]
