"""Letter test helpers: the shared example exams, their letters, and the letters' text."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.exam import Exam
from app.exchange.exam_files import exam_from_text, read_exam_file
from app.report import Sender, build_letter
from app.rules import interpret
from tests.conftest import SHARED_EXAMPLES

EXAMPLE_FILES = sorted(SHARED_EXAMPLES.glob("*.json"))
SENDER = Sender(name="Alex Examiner", profession="Physiotherapist", registration="PH123456",
                clinic="Riverside Physiotherapy", address="1 River Road", phone="01234 567890")


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces collapsed (table cells wrap)."""
    return " ".join(text.split())


@pytest.fixture(params=EXAMPLE_FILES, ids=lambda p: p.stem)
def example_exam(request: pytest.FixtureRequest, kb) -> Exam:
    return read_exam_file(request.param, kb.catalogue())


@pytest.fixture
def exam_with(kb) -> Callable[..., Exam]:
    """An example exam (by file stem) with parts of its document replaced."""

    def make(stem: str = "l5-foot-drop", **patient: object) -> Exam:
        document = json.loads(Path(SHARED_EXAMPLES / f"{stem}.json").read_text("utf-8"))
        document["patient"].update(patient)
        document["patient"] = {k: v for k, v in document["patient"].items() if v is not None}
        return exam_from_text(json.dumps(document), kb.catalogue(), stem)

    return make


@pytest.fixture
def letter_for(kb) -> Callable[..., bytes]:
    """The letter for an exam, to its recommended destination unless told otherwise."""

    def make(exam: Exam, destination: str | None = None, previous: Exam | None = None,
             sender: Sender = SENDER) -> bytes:
        result = interpret(exam, kb, previous=previous)
        return build_letter(exam, result, kb, destination or result.referral.to, sender,
                            previous)

    return make
