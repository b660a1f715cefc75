"""The strength-over-time chart: which muscles it follows, gaps for NT, SVG and PNG output."""

from __future__ import annotations

from datetime import date

from app.charts.strength_chart import (
    chart_muscles,
    figure_png,
    figure_svg,
    strength_figure,
    strength_series,
)
from app.domain.exam import Exam


def _exam(day: int, **grades: str) -> Exam:
    exam = Exam(exam_date=date(2026, 1, day))
    for muscle, grade in grades.items():
        exam = exam.with_strength("left", muscle, grade)
    return exam


EXAMS = [_exam(1, ankle_dorsiflexion="4", hip_flexion="5", knee_extension="4"),
         _exam(20, ankle_dorsiflexion="2", hip_flexion="5", knee_extension="NT"),
         _exam(10, ankle_dorsiflexion="3", hip_flexion="5")]


def test_only_muscles_ever_below_5_are_followed_biggest_change_first():
    assert chart_muscles(EXAMS) == [("left", "ankle_dorsiflexion"), ("left", "knee_extension")]


def test_a_series_is_in_date_order_with_gaps_for_nt_and_not_examined():
    assert strength_series(EXAMS, ("left", "knee_extension")) == [
        (date(2026, 1, 1), 5), (date(2026, 1, 10), None), (date(2026, 1, 20), None)]
    assert [rank for _, rank in strength_series(EXAMS, ("left", "ankle_dorsiflexion"))] == [
        5, 3, 2]  # grades 4, 3, 2 on the ordered scale 0 1 2 3 4- 4 4+ 5


def test_the_figure_has_one_labelled_line_per_followed_muscle():
    figure = strength_figure(EXAMS, label_of=lambda muscle: muscle.upper())
    labels = [line.get_label() for line in figure.axes[0].get_lines()]
    assert labels == ["Left ANKLE_DORSIFLEXION", "Left KNEE_EXTENSION"]


def test_svg_and_png_bytes_for_the_letter_are_reproducible():
    svg = figure_svg(strength_figure(EXAMS))
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    assert figure_svg(strength_figure(EXAMS)) == svg
    assert figure_png(strength_figure(EXAMS), dpi=50).startswith(b"\x89PNG")


def test_no_weakness_draws_an_explaining_note_not_an_empty_plot():
    figure = strength_figure([_exam(1, hip_flexion="5")])
    assert not figure.axes[0].get_lines()
    assert "No muscle below grade 5" in figure.axes[0].texts[0].get_text()
