"""Section builders by name: each takes a `LetterContext` and returns flowables.

`SECTION_BUILDERS` covers every name in `app.report.template.SECTIONS`; a template picks and
orders them, and a renderer subclass may replace any entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from reportlab.platypus import Flowable

from app.report.context import LetterContext
from app.report.sections import examination, identity, plain, sbar

SectionBuilder = Callable[[LetterContext], list[Flowable]]

SECTION_BUILDERS: Mapping[str, SectionBuilder] = MappingProxyType({
    "letterhead": identity.letterhead,
    "banner": identity.banner,
    "addresses": identity.addresses,
    "situation": sbar.situation,
    "background": sbar.background,
    "red_flags": examination.red_flags,
    "body_diagram": examination.body_diagram,
    "strength": examination.strength,
    "reflexes": examination.reflexes,
    "tests": examination.tests,
    "impression": sbar.impression,
    "progress": sbar.progress,
    "recommendation": sbar.recommendation,
    "safety_netting": sbar.safety_netting,
    "signature": identity.signature,
    "sources": identity.sources,
    "plain_summary": plain.plain_summary,
    "plain_findings": plain.plain_findings,
    "plain_next_steps": plain.plain_next_steps,
})
