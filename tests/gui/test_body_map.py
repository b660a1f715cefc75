"""The body-map widget, driven through the view's viewport as a user would: clicks mark a side
and region on each view, drags paint as one undo step, the eraser clears, the keyboard reaches
every region, and the predicted territory of the selected hypothesis is outlined."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.bodymap import region_elements
from app.domain.interpretation import Hypothesis
from app.gui.body_map import BodyMapWidget
from app.gui.body_map.overlays import root_span
from app.gui.body_map.palette import ERASER
from app.rules.territory import predicted_regions


@pytest.fixture
def body_map(session, qtbot):
    widget = BodyMapWidget(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 1300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _viewport_pos(body_map, view: str, scene_point: QPointF) -> QPoint:
    return body_map.views[view].mapFromScene(scene_point)


def _click(qtbot, body_map, view: str, element_id: str) -> None:
    item = next(i for i in body_map.scenes[view].region_items
                if i.element.element_id == element_id)
    qtbot.mouseClick(body_map.views[view].viewport(), Qt.MouseButton.LeftButton,
                     pos=_viewport_pos(body_map, view, item.centre()))


def _send_mouse(viewport, kind: QEvent.Type, pos: QPoint, buttons) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove \
        else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button,
                        buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def _drag(body_map, view: str, element_ids: list[str]) -> None:
    """Press on the first region, move through the others, release on the last."""
    scene = body_map.scenes[view]
    points = [_viewport_pos(body_map, view, next(
        i for i in scene.region_items if i.element.element_id == e).centre())
        for e in element_ids]
    viewport = body_map.views[view].viewport()
    held = Qt.MouseButton.LeftButton
    _send_mouse(viewport, QEvent.Type.MouseButtonPress, points[0], held)
    for start, end in itertools.pairwise(points):
        for step in range(1, 5):
            _send_mouse(viewport, QEvent.Type.MouseMove, start + (end - start) * step / 4, held)
    _send_mouse(viewport, QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)


@pytest.mark.parametrize("view", ["front", "back"])
def test_a_click_at_the_centre_of_each_region_marks_that_side_and_region(
        qtbot, body_map, session, view):
    for element in region_elements(view):
        before = session.exam.symptom_kinds(element.side, element.region)
        _click(qtbot, body_map, view, element.element_id)
        after = session.exam.symptom_kinds(element.side, element.region)
        assert after == before ^ {"pain"}, f"{element.element_id} was not toggled"
        others = {k for k in session.exam.symptoms if k != element.key}
        assert others <= {e.key for e in region_elements(view)}, element.element_id


def test_a_second_click_removes_the_mark_and_another_tool_adds_its_own_kind(
        qtbot, body_map, session):
    _click(qtbot, body_map, "front", "left.dorsum_foot")
    body_map.palette_bar.set_tool("numbness")
    _click(qtbot, body_map, "front", "left.dorsum_foot")
    assert session.exam.symptom_kinds("left", "dorsum_foot") == {"pain", "numbness"}
    _click(qtbot, body_map, "front", "left.dorsum_foot")
    assert session.exam.symptom_kinds("left", "dorsum_foot") == {"pain"}
    assert session.exam.symptom_kinds("right", "dorsum_foot") == frozenset()


def test_the_back_view_marks_the_patients_side_not_the_viewers(qtbot, body_map, session):
    """On the back view the patient's right is on the viewer's right."""
    scene = body_map.scenes["back"]
    item = next(i for i in scene.region_items if i.element.element_id == "right.buttock")
    assert item.centre().x() > scene.midline_x
    _click(qtbot, body_map, "back", "right.buttock")
    assert session.exam.symptom_kinds("right", "buttock") == {"pain"}
    assert session.exam.symptom_kinds("left", "buttock") == frozenset()


def test_a_drag_paints_several_regions_as_one_undo_step(body_map, session):
    steps_before = session.undo_stack.count()
    _drag(body_map, "front", ["left.anterior_knee", "left.lateral_leg", "left.dorsum_foot"])
    marked = {key for key, kinds in session.exam.symptoms.items() if "pain" in kinds}
    assert {("left", "anterior_knee"), ("left", "lateral_leg"), ("left", "dorsum_foot")} <= marked
    assert all(side == "left" for side, _ in marked)
    assert session.undo_stack.count() == steps_before + 1
    session.undo_stack.undo()
    assert dict(session.exam.symptoms) == {}


def test_a_drag_that_starts_on_a_marked_region_removes_the_kind_along_its_path(
        qtbot, body_map, session):
    for element_id in ("left.medial_leg", "left.medial_ankle"):
        _click(qtbot, body_map, "front", element_id)
    _drag(body_map, "front", ["left.medial_leg", "left.medial_ankle"])
    assert dict(session.exam.symptoms) == {}


def test_the_eraser_clears_every_kind_of_a_region_only(qtbot, body_map, session):
    session.set_symptom_kinds("left", "heel", frozenset({"pain", "numbness"}))
    session.set_symptom_kinds("right", "heel", frozenset({"pain"}))
    body_map.palette_bar.set_tool(ERASER)
    _click(qtbot, body_map, "back", "left.heel.plantar")
    assert session.exam.symptom_kinds("left", "heel") == frozenset()
    assert session.exam.symptom_kinds("right", "heel") == {"pain"}


def test_an_eraser_click_on_an_empty_region_adds_no_undo_step(qtbot, body_map, session):
    body_map.palette_bar.set_tool(ERASER)
    _click(qtbot, body_map, "front", "right.thenar")
    assert session.undo_stack.count() == 0


def test_marks_repaint_on_undo_and_show_in_the_view(qtbot, body_map, session):
    item = next(i for i in body_map.scenes["front"].region_items
                if i.element.element_id == "left.anterior_thigh")
    view = body_map.views["front"]
    pos = view.mapFromScene(item.centre())
    blank = view.viewport().grab().toImage().pixelColor(pos)
    _click(qtbot, body_map, "front", "left.anterior_thigh")
    assert item.kinds == {"pain"}
    marked = view.viewport().grab().toImage().pixelColor(pos)
    assert marked != blank and marked.red() > marked.blue()
    session.undo_stack.undo()
    assert item.kinds == frozenset()
    assert view.viewport().grab().toImage().pixelColor(pos) == blank


def test_regions_have_accessible_names_and_tooltips_with_dermatomes_and_nerves(body_map, kb):
    items = {i.element.element_id: i for i in body_map.scenes["front"].region_items}
    foot = items["left.dorsum_foot"]
    assert foot.accessible_name == f"Left {kb.regions['dorsum_foot'].label}"
    assert "Dermatomes:" in foot.toolTip() and "L5" in foot.toolTip()
    assert kb.sites["nerve:superficial_peroneal"].label in foot.toolTip()
    assert items["midline.abdomen"].accessible_name.startswith("Midline ")
    for scene in body_map.scenes.values():
        assert all(i.accessible_name and i.toolTip() for i in scene.region_items)


def test_the_keyboard_reaches_the_regions_and_space_toggles(qtbot, body_map, session):
    view = body_map.views["front"]
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: body_map.scenes["front"].focused_region() is not None)
    scene = body_map.scenes["front"]
    first = scene.focused_region()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    second = scene.focused_region()
    assert second is not first and second.centre().y() > first.centre().y()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert session.exam.symptom_kinds(*second.key) == {"pain"}
    assert view.accessibleDescription() == f"{second.accessible_name}: pain"
    assert view.focusNextPrevChild(True)
    assert scene.focused_region() is not second


def test_tab_walks_every_region_once_then_leaves_the_view(body_map):
    view = body_map.views["back"]
    view.setFocus(Qt.FocusReason.TabFocusReason)
    scene = body_map.scenes["back"]
    seen = [scene.focused_region()]
    while view.focusNextPrevChild(True) and view.hasFocus():
        seen.append(scene.focused_region())
        if len(seen) > len(scene.region_items):
            break
    assert {id(i) for i in seen} == {id(i) for i in scene.region_items}
    assert len(seen) == len(scene.region_items)


def test_the_selected_hypothesis_outlines_its_predicted_territory_on_its_side(body_map, session,
                                                                              kb):
    predicted = predicted_regions("root:L5", kb)
    assert predicted, "the knowledge tables give L5 a territory"
    session.select_hypothesis(Hypothesis(site="root:L5", side="left", score=0.9,
                                         label="Left L5 nerve root"))
    for scene in body_map.scenes.values():
        for item in scene.region_items:
            side, region = item.key
            expected = predicted.get(region) if side == "left" else None
            assert item.prediction == expected, item.element.element_id
    assert "Left L5 nerve root" in body_map.prediction_caption.text()
    body_map.prediction_box.setChecked(False)
    assert all(i.prediction is None for s in body_map.scenes.values() for i in s.region_items)


def test_the_dermatome_and_nerve_overlays_label_regions_from_the_tables(body_map, kb):
    items = {i.element.element_id: i for i in body_map.scenes["front"].region_items}
    body_map.dermatome_box.setChecked(True)
    core = kb.regions["dorsum_foot"].dermatomes_core
    assert items["left.dorsum_foot"].overlay.label == root_span(core)
    assert "L5" in items["left.dorsum_foot"].overlay.label
    body_map.nerve_box.setChecked(True)
    assert not body_map.dermatome_box.isChecked()
    assert items["left.first_web_space"].overlay.label == "DP"
    body_map.nerve_box.setChecked(False)
    assert items["left.first_web_space"].overlay is None


def test_root_spans_shorten_runs_of_neighbouring_roots():
    assert root_span(frozenset({"T5", "T3", "T4", "L1"})) == "T3-T5, L1"
    assert root_span(frozenset({"L5", "S1"})) == "L5/S1"
    assert root_span(frozenset({"C6"})) == "C6"


def test_qt_void_calls_keep_their_reference_to_none():
    """PySide6 6.12.0 under Python 3.11 dropped a reference to None on every void call, so
    painting the map aborted the app after a few thousand calls (pyproject excludes it)."""
    import sys

    from PySide6.QtCore import QRectF

    rect = QRectF(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for _ in range(1000):
        rect.moveCenter(QPointF(5, 5))
    assert sys.getrefcount(None) - before > -10


def test_focus_region_moves_the_keyboard_focus_to_that_side_and_region(body_map):
    assert body_map.focus_region("midline", "saddle")
    focused = body_map.scenes["back"].focused_region()
    assert focused is not None and focused.key == ("midline", "saddle")
    assert body_map.views["back"].accessibleDescription().startswith("Midline ")
    assert not body_map.focus_region("left", "no_such_region")


def test_hovering_a_region_names_it_with_its_dermatomes_and_nerves(qtbot, body_map, kb):
    item = next(i for i in body_map.scenes["front"].region_items
                if i.element.element_id == "left.first_web_space")
    viewport = body_map.views["front"].viewport()
    _send_mouse(viewport, QEvent.Type.MouseMove,
                _viewport_pos(body_map, "front", item.centre()), Qt.MouseButton.NoButton)
    caption = body_map.hover_caption.text()
    assert caption.startswith(f"Left {kb.regions['first_web_space'].label}")
    assert "Dermatomes:" in caption and kb.sites["nerve:deep_peroneal"].label in caption


def test_region_items_are_built_on_first_need_and_the_first_hover_finds_its_region(body_map,
                                                                                    kb):
    # A blank exam shows only the figures: the transparent region items wait for a pointer,
    # the keyboard or something to show.
    assert [len(scene.items()) for scene in body_map.scenes.values()] == [1, 1]
    element = next(e for e in region_elements("front") if e.element_id == "left.dorsum_foot")
    viewport = body_map.views["front"].viewport()
    _send_mouse(viewport, QEvent.Type.MouseMove,
                _viewport_pos(body_map, "front", QPointF(*element.centre)),
                Qt.MouseButton.NoButton)
    assert body_map.hover_caption.text().startswith(f"Left {kb.regions['dorsum_foot'].label}")
    assert len(body_map.scenes["front"].items()) == 1 + len(region_elements("front"))


def test_an_exam_opened_with_marks_shows_them_at_once(qtbot, session, kb):
    session.set_symptom_kinds("left", "dorsum_foot", frozenset({"numbness"}))
    widget = BodyMapWidget(session)
    qtbot.addWidget(widget)
    assert len(widget.scenes["front"].items()) == 1 + len(region_elements("front"))
    items = widget.scenes["front"].items_for("left", "dorsum_foot")
    assert items and all(item.kinds == {"numbness"} for item in items)


def test_the_figures_keep_their_size_whatever_region_the_pointer_names(qtbot, body_map):
    """The caption under the figures names the region under the pointer in one to several
    lines; the figures must not shrink and grow under the pointer as it moves (a click could
    then land on another region than the one aimed at)."""
    body_map.resize(620, 900)
    QApplication.processEvents()
    viewport = body_map.views["front"].viewport()
    sizes = set()
    for element in region_elements("front"):
        _send_mouse(viewport, QEvent.Type.MouseMove,
                    _viewport_pos(body_map, "front", QPointF(*element.centre)),
                    Qt.MouseButton.NoButton)
        QApplication.processEvents()
        sizes.add(body_map.views["front"].size().toTuple())
    assert len(sizes) == 1, sizes


def _edge_pixel(body_map, view: str):
    """A viewport pixel on a region's edge: the view finds the region there (hover outline,
    focus) though the pixel's top-left point is just outside its outline."""
    graphics_view, scene = body_map.views[view], body_map.scenes[view]
    for item in scene.region_items:
        pixel = graphics_view.mapFromScene(item.centre())
        for _ in range(400):
            pixel += QPoint(1, 0)
            if item not in scene.items(graphics_view.mapToScene(pixel)):
                break
        if item in graphics_view.items(pixel) and not any(
                isinstance(found, type(item)) for found in
                scene.items(graphics_view.mapToScene(pixel))):
            return item, pixel
    raise AssertionError("no region edge found")


@pytest.mark.parametrize("view", ["front", "back"])
def test_a_click_on_the_highlighted_edge_of_a_region_marks_that_region(qtbot, body_map,
                                                                        session, view):
    """Where the pointer outlines a region, a click marks it (it did nothing there: the
    outline followed the pixel under the pointer, the click only its top-left point)."""
    item, pixel = _edge_pixel(body_map, view)
    viewport = body_map.views[view].viewport()
    _send_mouse(viewport, QEvent.Type.MouseMove, pixel, Qt.MouseButton.NoButton)
    assert body_map.hover_caption.text().startswith(item.accessible_name)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pixel)
    assert session.exam.symptom_kinds(*item.key) == {"pain"}
