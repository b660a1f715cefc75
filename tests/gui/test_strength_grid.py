"""The strength grid: keyboard entry, advance, undo, quick fill, and Qt's model checks."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.domain.vocabulary import LIMB_SIDES
from app.gui.strength_grid import StrengthGrid
from app.gui.strength_grid.grades import parse_grade
from app.gui.strength_grid.model import COLUMNS, GRADE_COLUMNS


@pytest.fixture
def grid(session, qtbot):
    widget = StrengthGrid(session)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    widget.view.setFocus()
    return widget


def _type_grade(qtbot, grid, keys: str, commit=Qt.Key.Key_Return) -> None:
    view = grid.view
    qtbot.keyClick(view, keys[0])
    editors = [e for e in view.findChildren(QLineEdit, "grade_editor") if e.isVisible()]
    assert len(editors) == 1, "typing a grade opens the cell's editor"
    editor = editors[0]
    for key in keys[1:]:
        qtbot.keyClick(editor, key)
    qtbot.keyClick(editor, commit)
    # Enter commits through a queued call; deliver it directly rather than through a nested
    # event loop, which returns at once if an earlier test called QApplication.exit().
    QApplication.processEvents()


def test_every_muscle_of_the_knowledge_base_has_a_row_lower_limb_first(grid, kb):
    model = grid.model
    muscles = [model.row(r).muscle for r in range(model.rowCount()) if model.row(r).muscle]
    assert {m.id for m in muscles} == set(kb.muscles)
    limbs = [m.limb for m in muscles]
    assert limbs == sorted(limbs, key=("lower", "upper").index)
    assert [model.headerData(c, Qt.Orientation.Horizontal)
            for c in GRADE_COLUMNS] == ["Left", "Right"]


def test_typing_grades_fills_cells_and_enter_moves_down(grid, session, qtbot):
    view, model = grid.view, grid.model
    start = model.grade_index("left", "ankle_dorsiflexion")
    view.setCurrentIndex(start)
    _type_grade(qtbot, grid, "4-")
    assert session.exam.strength.get(("left", "ankle_dorsiflexion")) == "4-"
    assert model.data(start) == "4-"
    below = view.currentIndex()
    assert below.column() == start.column() and below.row() == start.row() + 1
    _type_grade(qtbot, grid, "n")
    next_muscle = model.row(below.row()).muscle.id
    assert session.exam.strength.get(("left", next_muscle)) == "NT"


def test_tab_commits_and_moves_to_the_right_side(grid, session, qtbot):
    view, model = grid.view, grid.model
    view.setCurrentIndex(model.grade_index("left", "hip_abduction"))
    _type_grade(qtbot, grid, "3", commit=Qt.Key.Key_Tab)
    assert session.exam.strength.get(("left", "hip_abduction")) == "3"
    assert view.currentIndex() == model.grade_index("right", "hip_abduction")


def test_one_undo_step_per_grade_and_undo_restores(grid, session, qtbot):
    view, model = grid.view, grid.model
    view.setCurrentIndex(model.grade_index("left", "ankle_dorsiflexion"))
    _type_grade(qtbot, grid, "4+")
    assert ("left", "ankle_dorsiflexion") in session.exam.strength
    _type_grade(qtbot, grid, "2")
    assert len(session.exam.strength) == 2
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert dict(session.exam.strength) == {("left", "ankle_dorsiflexion"): "4+"}
    session.undo_stack.undo()
    assert dict(session.exam.strength) == {}
    assert model.data(model.grade_index("left", "ankle_dorsiflexion")) == ""


def test_delete_clears_a_cell_back_to_not_tested(grid, session, qtbot):
    session.set_strength("right", "knee_extension", "4")
    grid.view.setCurrentIndex(grid.model.grade_index("right", "knee_extension"))
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert ("right", "knee_extension") not in session.exam.strength


def test_untested_cells_are_blank_not_five_and_weak_cells_are_highlighted(grid, session):
    model = grid.model
    untested = model.grade_index("left", "hip_flexion")
    assert model.data(untested) == ""
    assert model.data(untested, Qt.ItemDataRole.BackgroundRole) is None
    assert "not tested" in model.data(untested, Qt.ItemDataRole.ToolTipRole)
    session.set_strength("left", "hip_flexion", "4-")
    assert model.data(untested) == "4-"
    assert model.data(untested, Qt.ItemDataRole.BackgroundRole) is not None
    session.set_strength("left", "hip_flexion", "5")
    assert model.data(untested, Qt.ItemDataRole.BackgroundRole) is None


def test_weak_and_heading_rows_are_painted_in_their_colours(grid, session):
    from app.gui.strength_grid.model import HEADING_BACKGROUND, WEAK_BACKGROUND

    view, model = grid.view, grid.model
    weak = model.grade_index("right", "knee_extension")  # not the current cell
    session.set_strength("right", "knee_extension", "3")
    image = view.viewport().grab().toImage()
    cell = view.visualRect(weak)
    assert image.pixelColor(cell.left() + 3, cell.center().y()) == WEAK_BACKGROUND
    heading = view.visualRect(model.index(0, 3))
    assert image.pixelColor(heading.center()) == HEADING_BACKGROUND


def test_all_five_fills_only_untested_muscles_of_one_limb_in_one_step(grid, session, kb):
    session.set_strength("left", "ankle_dorsiflexion", "2")
    steps = session.undo_stack.count()
    grid.fill_actions[("left", "lower")].trigger()
    lower = [m for m in kb.muscles.values() if m.limb == "lower"]
    assert session.exam.strength[("left", "ankle_dorsiflexion")] == "2"
    assert all(session.exam.strength.get(("left", m.id)) for m in lower)
    assert not any(("right", m.id) in session.exam.strength for m in lower)
    assert not any(m.limb == "upper" for (_s, mid) in session.exam.strength
                   for m in [kb.muscles[mid]])
    assert session.undo_stack.count() == steps + 1
    session.undo_stack.undo()
    assert dict(session.exam.strength) == {("left", "ankle_dorsiflexion"): "2"}


def test_model_passes_qt_model_tester(grid, session, qtmodeltester):
    session.set_strength("left", "hip_abduction", "4")
    qtmodeltester.check(grid.model, force_py=True)


@pytest.mark.parametrize(("typed", "grade"), [("4-", "4-"), ("4+", "4+"), ("n", "NT"),
                                               ("nt", "NT"), ("0", "0"), ("", None)])
def test_parse_grade_accepts_what_the_grid_lets_you_type(typed, grade):
    assert parse_grade(typed) == grade


@pytest.mark.parametrize("typed", ["6", "5+", "3-", "x", "44"])
def test_parse_grade_refuses_other_input_by_name(typed):
    with pytest.raises(ValueError, match=re.escape(repr(typed))):
        parse_grade(typed)


def test_sides_in_the_grid_are_the_patients(grid):
    model = grid.model
    tips = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in GRADE_COLUMNS]
    assert tips == [f"The patient's {side} side" for side in LIMB_SIDES]


def test_the_nerve_column_names_the_nerve_not_a_lesion(grid):
    model = grid.model
    row = model.grade_index("left", "ankle_dorsiflexion").row()
    nerve = model.index(row, COLUMNS.index("nerve")).data()
    assert nerve == "deep peroneal (fibular)"
