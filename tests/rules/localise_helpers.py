"""Small builders shared by the localisation tests."""

from __future__ import annotations

import json
from pathlib import Path

from app.domain.exam_codec import exam_from_document
from app.rules.interpret import DEFAULT_SETTINGS
from app.rules.localise import Localisation, localise
from tests.conftest import SHARED_EXAMPLES

VIGNETTES = Path(__file__).resolve().parents[1] / "vignettes" / "localisation"


def exam_doc(**parts) -> dict:
    return {"format": "nervechart.exam/1", "exam_date": "2026-11-21", **parts}


def run(doc: dict, kb, settings=DEFAULT_SETTINGS) -> Localisation:
    return localise(exam_from_document(doc, kb.catalogue()), kb, settings)


def shared(name: str) -> dict:
    return json.loads((SHARED_EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def hypothesis(result: Localisation, site: str, side: str):
    return next(h for h in result.hypotheses if (h.site, h.side) == (site, side))
