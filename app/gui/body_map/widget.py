"""BodyMapWidget: the clickable body diagram of the charting window (front and back views).

It turns strokes into `ExamSession` calls and repaints from the session's signals:
- a click toggles the palette's kind on that side and region; the eraser clears the region;
- a drag paints across regions as ONE undo step (`begin_macro`/`end_macro`): the first region
  decides whether the stroke adds or removes the kind, every region entered gets the same;
- Space/Enter on the focused region does what a click does;
- overlays (dermatomes, nerve territories, the selected hypothesis's predicted territory)
  restate the knowledge tables and `app.rules.territory`; nothing clinical is decided here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.interpretation import Hypothesis
from app.domain.vocabulary import ROOTS
from app.gui.body_map.caption import SteadyCaption
from app.gui.body_map.overlays import (
    dermatome_overlay,
    nerve_legend,
    nerve_overlay,
    prediction_overlay,
)
from app.gui.body_map.palette import ERASER, ToolPalette
from app.gui.body_map.scene import BodyMapScene
from app.gui.body_map.view import BodyMapView
from app.gui.session import ExamSession

_ADD, _REMOVE, _ERASE = "add", "remove", "erase"
_HOVER_HINT = "Point at a region for its dermatomes and nerves."
_TALLEST_CANDIDATES = 6


class BodyMapWidget(QWidget):
    def __init__(self, session: ExamSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        kb = session.kb
        self._dermatomes = dermatome_overlay(kb)
        self._nerves = nerve_overlay(kb)
        self._stroke_mode: str | None = None
        self._stroke_tool = ""
        self._macro_open = False

        self.palette_bar = ToolPalette(self)
        self.dermatome_box = QCheckBox("Dermatomes", self)
        self.nerve_box = QCheckBox("Nerve territories", self)
        self.prediction_box = QCheckBox("Predicted territory", self)
        self.prediction_box.setChecked(True)
        self.prediction_box.setToolTip("Outline the skin the hypothesis selected in the "
                                       "interpretation panel should affect")
        self.prediction_caption = QLabel(self)
        self.prediction_caption.setWordWrap(True)
        # as tall as the longest region's words, so the figures do not resize as the pointer moves
        self.hover_caption = SteadyCaption(_HOVER_HINT, self._longest_hover_words, self)
        self.hover_caption.setAccessibleName("Region under the pointer")
        self.nerve_caption = QLabel(nerve_legend(kb), self)
        self.nerve_caption.setWordWrap(True)
        self.nerve_caption.setVisible(False)

        self.scenes = {view: BodyMapScene(view, self._region_texts, self)
                       for view in ("front", "back")}
        self.views = {view: BodyMapView(scene, self) for view, scene in self.scenes.items()}
        self._layout()
        for scene in self.scenes.values():
            scene.stroke_started.connect(self._on_stroke_started)
            scene.stroke_entered.connect(self._on_stroke_entered)
            scene.stroke_finished.connect(self._on_stroke_finished)
            scene.region_activated.connect(self._on_region_activated)
            scene.region_hovered.connect(self._on_region_hovered)
        self.dermatome_box.toggled.connect(self._on_dermatome_toggled)
        self.nerve_box.toggled.connect(self._on_nerve_toggled)
        self.prediction_box.toggled.connect(self.refresh)
        session.exam_changed.connect(self.refresh)
        session.hypothesis_selected.connect(self.refresh)
        self._shown: tuple | None = None  # what refresh() last drew
        self.refresh()

    def _layout(self) -> None:
        overlays = QHBoxLayout()
        for box in (self.dermatome_box, self.nerve_box, self.prediction_box):
            overlays.addWidget(box)
        overlays.addStretch(1)
        figures = QHBoxLayout()
        for view in self.views.values():
            figures.addWidget(view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.palette_bar)
        layout.addLayout(overlays)
        layout.addLayout(figures, 1)
        layout.addWidget(self.hover_caption)
        layout.addWidget(self.prediction_caption)
        layout.addWidget(self.nerve_caption)

    # -- texts --------------------------------------------------------------------------
    def _region_texts(self, side: str, region_id: str) -> tuple[str, str]:
        region = self.session.kb.regions.get(region_id)
        label = region.label if region else region_id.replace("_", " ")
        name = f"{side.capitalize()} {label}"
        if region is None:
            return name, name
        sites = self.session.kb.sites

        def nerves(ids: frozenset[str]) -> str:
            return ", ".join(sorted(sites[i].label if i in sites else i for i in ids))

        dermatomes = _zones(", ".join(sorted(region.dermatomes_core, key=ROOTS.index)),
                            ", ".join(sorted(region.dermatomes_variable, key=ROOTS.index)))
        lines = [name if side == "midline" else f"{name} (patient's {side})",
                 f"Dermatomes: {dermatomes}",
                 f"Nerves: {_zones(nerves(region.nerves_core), nerves(region.nerves_variable))}"]
        return name, "\n".join(lines)

    def _hover_words(self, side: str, region: str) -> str:
        return self._region_texts(side, region)[1].replace("\n", " · ")

    def _longest_hover_words(self) -> list[str]:
        """The longest regions' words, for their right side (longer than left or midline):
        wrapped, one of these is the tallest (measuring all 56 would cost ~4 ms a width)."""
        words = [self._hover_words("right", region) for region in self.session.kb.regions]
        return sorted(words, key=len)[-_TALLEST_CANDIDATES:]

    def focus_region(self, side: str, region: str) -> bool:
        """Give the keyboard focus to that side and region (e.g. from a `symptoms.*` finding
        path); False if no view draws it."""
        for view_name, scene in self.scenes.items():
            items = scene.items_for(side, region)
            if items:
                self.views[view_name].setFocus(Qt.FocusReason.OtherFocusReason)
                items[0].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _on_region_hovered(self, side: str, region: str) -> None:
        """Name, dermatomes and nerves of the region under the pointer, without waiting for
        the tooltip."""
        text = self._hover_words(side, region) if side else _HOVER_HINT
        self.hover_caption.setText(text)

    # -- strokes ------------------------------------------------------------------------
    @property
    def tool(self) -> str:
        return self.palette_bar.tool

    def _on_stroke_started(self, side: str, region: str) -> None:
        self._on_stroke_finished()  # a release that never arrived must not leave a macro open
        self._stroke_tool = self.tool
        current = self.session.exam.symptom_kinds(side, region)
        if self._stroke_tool == ERASER:
            self._stroke_mode = _ERASE
        else:
            self._stroke_mode = _REMOVE if self._stroke_tool in current else _ADD
        self._paint(side, region)

    def _on_stroke_entered(self, side: str, region: str) -> None:
        if self._stroke_mode is not None:
            self._paint(side, region)

    def _on_stroke_finished(self) -> None:
        self._stroke_mode = None
        if self._macro_open:
            self._macro_open = False
            self.session.end_macro()

    def _paint(self, side: str, region: str) -> None:
        current = self.session.exam.symptom_kinds(side, region)
        if self._stroke_mode == _ERASE:
            wanted = frozenset()
        elif self._stroke_mode == _ADD:
            wanted = current | {self._stroke_tool}
        else:
            wanted = current - {self._stroke_tool}
        if wanted == current:
            return
        if not self._macro_open:
            self._macro_open = True
            what = "Erase" if self._stroke_mode == _ERASE else self._stroke_tool.capitalize()
            self.session.begin_macro(f"{what} on the body map")
        self.session.set_symptom_kinds(side, region, wanted)

    def _on_region_activated(self, side: str, region: str) -> None:
        if self.tool == ERASER:
            self.session.set_symptom_kinds(side, region, frozenset())
        else:
            self.session.toggle_symptom(side, region, self.tool)

    # -- overlays and repaint -----------------------------------------------------------
    def _on_dermatome_toggled(self, on: bool) -> None:
        if on:
            self.nerve_box.setChecked(False)
        self.refresh()

    def _on_nerve_toggled(self, on: bool) -> None:
        if on:
            self.dermatome_box.setChecked(False)
        self.nerve_caption.setVisible(on)
        self.refresh()

    def refresh(self, *_: object) -> None:
        """Repaint both views from the session's exam, overlays and selected hypothesis
        (nothing to do when an edit elsewhere, such as a grade, left all of these as shown)."""
        hypothesis = self.session.selected_hypothesis
        show_prediction = self.prediction_box.isChecked()
        shown = (self.session.exam.symptoms, self.dermatome_box.isChecked(),
                 self.nerve_box.isChecked(), show_prediction, hypothesis)
        if shown == self._shown:
            return
        self._shown = shown
        overlay = (self._dermatomes if self.dermatome_box.isChecked()
                   else self._nerves if self.nerve_box.isChecked() else {})
        prediction = prediction_overlay(hypothesis, self.session.kb) if show_prediction else {}
        for scene in self.scenes.values():
            scene.show_state(self.session.exam.symptoms, overlay, prediction)
        for view in self.views.values():
            view.describe_focus()
        self.prediction_caption.setText(_prediction_words(hypothesis, show_prediction,
                                                          bool(prediction)))


def _zones(core: str, variable: str) -> str:
    parts = [f"{core} (core)"] if core else []
    if variable:
        parts.append(f"{variable} (variable)")
    return "; ".join(parts) or "none listed"


def _prediction_words(hypothesis: Hypothesis | None, shown: bool, any_region: bool) -> str:
    if not shown:
        return ""
    if hypothesis is None:
        return "Select a hypothesis in the interpretation panel to outline its predicted territory."
    if not any_region:
        return f"{hypothesis.label}: no skin territory to outline."
    return (f"Predicted territory of {hypothesis.label}: dashed = core, dotted = variable; "
            "compare it with the marks.")
