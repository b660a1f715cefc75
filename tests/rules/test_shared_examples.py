"""The four example exams of shared/examples give the answers their README names.

Source of the expected answers: /work/shared/examples/README.md (each a textbook pattern of
shared/reference/clinical.md: 4.2 foot drop, 5.4 rows 1/11/12, 4.3-4.4 C7).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.exam_codec import exam_from_document
from app.paths import resources_dir
from app.rules import interpret

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"

EXPECTED = {
    # file: (top site, top side, urgency, destination)
    "l5-foot-drop.json": ("root:L5", "left", "urgent", "spinal_surgery"),
    "peroneal-foot-drop.json": ("nerve:common_peroneal", "right", None, "neurology"),
    "cauda-equina.json": ("cauda_equina", "bilateral", "emergency", "emergency_department"),
    "c7-radiculopathy.json": ("root:C7", "right", None, None),
}


def _example(name: str) -> dict:
    for folder in (EXAMPLES, resources_dir() / "examples"):
        if (folder / name).is_file():
            return json.loads((folder / name).read_text(encoding="utf-8"))
    pytest.skip(f"example {name} is not available here")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shared_example_gives_the_named_answer(name, kb):
    site, side, urgency, destination = EXPECTED[name]
    result = interpret(exam_from_document(_example(name), kb.catalogue()), kb)
    top = result.hypotheses[0]
    assert (top.site, top.side) == (site, side)
    if urgency:
        assert result.urgency == urgency
    if destination:
        assert result.referral.to == destination


def test_peroneal_foot_drop_is_not_an_emergency(kb):
    result = interpret(exam_from_document(_example("peroneal-foot-drop.json"), kb.catalogue()), kb)
    assert result.urgency in ("routine", "soon")


def test_c7_example_raises_no_myelopathy(kb):
    result = interpret(exam_from_document(_example("c7-radiculopathy.json"), kb.catalogue()), kb)
    assert all(not h.site.startswith("myelopathy") for h in result.hypotheses[:1])
    assert result.urgency in ("routine", "soon")
