"""Symptom styles (colour-blind-safe colours, one pattern each) and the hatching geometry."""

from __future__ import annotations

import pytest

from app.bodymap import styles
from app.bodymap.geometry import contains, dot_grid, hatch_lines, winding_number
from app.bodymap.styles import symptom_styles
from app.bodymap.views import BodyMapError
from app.domain.vocabulary import SYMPTOM_KINDS

# Okabe-Ito, as printed in Wong B, Nat Methods 2011;8:441 (copied by hand; scraped copies of
# the palette with corrupted values exist, see shared/reference/ecosystem.md 7.5).
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000"}


def test_every_symptom_kind_has_an_okabe_ito_colour_of_its_own():
    table = symptom_styles()
    assert tuple(table) == SYMPTOM_KINDS
    colours = [style.colour for style in table.values()]
    assert set(colours) <= OKABE_ITO
    assert len(set(colours)) == len(colours)


def test_every_symptom_kind_has_a_pattern_of_its_own():
    looks = {(s.pattern, s.angle % 180 if s.pattern != "dots" else 0)
             for s in symptom_styles().values()}
    assert len(looks) == len(SYMPTOM_KINDS)


def test_every_style_cites_known_sources(kb):
    for style in symptom_styles().values():
        for key in style.source.split(";"):
            assert key in kb.sources, f"{style.kind}: unknown source {key!r}"


def test_a_bad_styles_table_is_refused_naming_line_and_column(tmp_path, monkeypatch):
    folder = tmp_path / "body_map"
    folder.mkdir()
    good = (styles.resources_dir() / "body_map" / "symptom_styles.csv").read_text("utf-8")
    (folder / "symptom_styles.csv").write_text(good.replace("#D55E00", "red"), "utf-8")
    monkeypatch.setattr(styles, "resources_dir", lambda: tmp_path)
    symptom_styles.cache_clear()
    try:
        with pytest.raises(BodyMapError, match=r"line \d+, column 'colour': 'red'"):
            symptom_styles()
    finally:
        symptom_styles.cache_clear()


SQUARE = ((0.0, 0.0), (20.0, 0.0), (20.0, 20.0), (0.0, 20.0))
TRIANGLE = ((0.0, 0.0), (30.0, 0.0), (0.0, 30.0))


def test_hatch_lines_stay_inside_the_region():
    for angle in (0, 45, 90, -45):
        segments = hatch_lines((TRIANGLE,), angle, 4)
        assert segments
        for (x0, y0), (x1, y1) in segments:
            assert contains(((x0 + x1) / 2, (y0 + y1) / 2), (TRIANGLE,))
            for x, y in ((x0, y0), (x1, y1)):
                assert x >= -1e-6 and y >= -1e-6 and x + y <= 30 + 1e-6


def test_horizontal_hatching_of_a_square_gives_one_full_stroke_per_spacing():
    segments = hatch_lines((SQUARE,), 0, 5)
    assert len(segments) == 4
    assert all(abs(abs(x1 - x0) - 20) < 1e-6 and y0 == y1 for (x0, y0), (x1, y1) in segments)


def test_two_overlapping_subpaths_hatch_as_their_union():
    shifted = tuple((x + 10, y) for x, y in SQUARE)
    segments = hatch_lines((SQUARE, shifted), 0, 5)
    assert len(segments) == 4
    assert all(abs(abs(x1 - x0) - 30) < 1e-6 for (x0, _), (x1, _) in segments)


def test_dots_fall_inside_and_winding_is_zero_outside():
    dots = dot_grid((TRIANGLE,), 4)
    assert dots and all(contains(d, (TRIANGLE,)) for d in dots)
    assert winding_number((25.0, 25.0), (TRIANGLE,)) == 0
