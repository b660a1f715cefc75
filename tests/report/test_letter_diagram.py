"""The body chart in the letter is drawn from the body-map SVG with the patient's marks: a page
rendered to pixels (pypdfium2, a pip dependency, so no poppler is needed) shows the symptom's
colour inside the marked region, and the same region on the other side stays unmarked."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import pypdfium2
from reportlab.lib.units import mm

from app.bodymap import region_elements, symptom_styles
from app.bodymap.marks import TINT_OPACITY
from app.report import build_letter, template_for
from app.report.diagram import BodyDiagram
from app.report.renderer import HEADER_SPACE_MM
from app.rules import interpret
from tests.report.conftest import SENDER

SCALE = 2.0  # pixels per point
REGION_FILL = (0xFB, 0xF8, 0xF4)  # the .region fill of resources/body_map/*.svg


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return sum(abs(a - b) for a, b in zip(pixel[:3], colour, strict=True)) <= tolerance


def _diagram_only(template):
    """The template with the body chart alone at the top of the page and no heading."""
    headings = {k: v for k, v in template.wording.headings.items() if k != "body_diagram"}
    wording = dataclasses.replace(template.wording, headings=MappingProxyType(headings))
    return dataclasses.replace(template, sections=("body_diagram",), wording=wording)


def _pixels_around(image, x: float, y: float, radius: int = 4) -> list[tuple[int, ...]]:
    cx, cy = round(x * SCALE), round(y * SCALE)
    return [image.getpixel((cx + dx, cy + dy)) for dx in range(-radius, radius + 1)
            for dy in range(-radius, radius + 1)]


def test_marked_region_shows_the_symptom_colour_on_the_rendered_page(exam_with, kb):
    exam = exam_with("l5-foot-drop")  # left lateral_leg: pain (shared/examples/l5-foot-drop.json)
    assert "pain" in exam.symptom_kinds("left", "lateral_leg")
    template = _diagram_only(template_for("spinal_surgery"))
    pdf = build_letter(exam, interpret(exam, kb), kb, "spinal_surgery", SENDER,
                       template=template)

    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=SCALE).to_pil().convert("RGB")
    page_width, page_height = page.get_size()
    margins = template.page
    frame_width = page_width - (margins.margin_left_mm + margins.margin_right_mm) * mm
    frame_top = page_height - (margins.margin_top_mm + HEADER_SPACE_MM) * mm
    diagram = BodyDiagram(exam.symptoms, frame_width, template.style.diagram_height_mm * mm)

    def on_page(key: tuple[str, str]) -> tuple[float, float]:
        element = next(e for e in region_elements("front") if e.key == key)
        local_x, local_y = diagram.to_local("front", *element.centre)
        x = margins.margin_left_mm * mm + local_x
        y_from_top = page_height - (frame_top - diagram.height + local_y)
        return x, y_from_top

    pain = _rgb(symptom_styles()["pain"].colour)
    tint = tuple(round(TINT_OPACITY * c + (1 - TINT_OPACITY) * b)
                 for c, b in zip(pain, REGION_FILL, strict=True))
    marked = _pixels_around(image, *on_page(("left", "lateral_leg")))
    assert any(_near(p, tint) or _near(p, pain) for p in marked)

    unmarked = _pixels_around(image, *on_page(("right", "lateral_leg")))
    assert not any(_near(p, tint) or _near(p, pain) for p in unmarked)
    assert any(_near(p, REGION_FILL, 12) for p in unmarked)


def test_no_marks_means_no_diagram_and_says_so(exam_with, kb):
    from tests.report.conftest import pages_text

    exam = dataclasses.replace(exam_with("l5-foot-drop"), symptoms=MappingProxyType({}))
    pdf = build_letter(exam, interpret(exam, kb), kb, "spinal_surgery", SENDER)
    text = " ".join(pages_text(pdf))
    assert "Body chart (patient's left and right as labelled) none recorded" in " ".join(
        text.split())


def test_replayed_unmarked_parts_give_the_bytes_a_fresh_drawing_gives(exam_with, kb):
    """The unmarked parts of a view are drawn from operators recorded by an earlier letter;
    the letter must come out byte for byte as when every part is drawn afresh."""
    from app.report import diagram

    def letter(stem: str) -> bytes:
        exam = exam_with(stem)
        return build_letter(exam, interpret(exam, kb), kb, "gp", SENDER)

    diagram._recordings.clear()
    fresh = letter("c7-radiculopathy")  # nothing recorded yet: every part drawn by renderPDF
    letter("l5-foot-drop")  # other regions marked: the views' other parts recorded
    recorded = len(diagram._recordings)
    assert letter("c7-radiculopathy") == fresh
    assert len(diagram._recordings) == recorded  # nothing new: all shared parts replayed


def test_a_letter_after_prepare_letters_is_the_letter_built_without_it(exam_with, kb):
    """`prepare_letters` records the views' parts ahead of time; the letters built on those
    recordings come out byte for byte as letters drawn afresh."""
    from app.report import diagram
    from app.report.renderer import prepare_letters

    exams = [exam_with(stem) for stem in ("l5-foot-drop", "c7-radiculopathy")]
    diagram._recordings.clear()
    fresh = [build_letter(exam, interpret(exam, kb), kb, "gp", SENDER) for exam in exams]
    diagram._recordings.clear()
    prepare_letters()
    assert diagram._recordings
    assert [build_letter(exam, interpret(exam, kb), kb, "gp", SENDER) for exam in exams] == fresh
