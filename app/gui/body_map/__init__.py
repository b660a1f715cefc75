"""The clickable body diagram: front and back views, tool palette and overlays.

`BodyMapWidget(session)` is the only entry point the window needs (notes/gui-contract.md).

Why the regions are built from the SVG's path geometry (read by `app.bodymap`) rather than
placed with `QSvgRenderer.boundsOnElement`: bounding boxes of neighbouring regions overlap
(fingers, the web spaces, the groin crease), so clicks and hover would land on the wrong
region; exact outlines make hit-testing, the hatching (shared with the letter) and the focus
ring follow the drawn shapes. The SVG itself is still drawn by Qt underneath, so the screen
shows the very file the letter uses.
"""

from app.gui.body_map.widget import BodyMapWidget

__all__ = ["BodyMapWidget"]
