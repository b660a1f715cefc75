"""Letter templates as data: `reports/<name>.toml` merged over `reports/base.toml`, read strictly.

A template sets the page, the order of the sections, the wording and the styles of one kind of
letter (one per destination, plus the patient's copy). `base.toml` holds everything shared; a
destination file overrides only what differs (tables merge key by key, other values replace).
The merged result must match the schema below exactly: a missing key, an unknown key, a value of
the wrong type, an unknown section or an unknown `{placeholder}` in a sentence is a
`TemplateError` naming the file and the dotted key. Wording is plain text, never markup: the
renderer escapes it like any other text.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, get_args, get_origin, get_type_hints

from app.domain.vocabulary import DESTINATIONS, URGENCIES
from app.paths import reports_dir

BASE_TEMPLATE = "base"
PATIENT_COPY = "patient"
AUDIENCES = ("clinician", "patient")
PAGE_SIZES = ("A4", "LETTER")

# Every section the renderer can draw; a template lists the ones it wants, in order.
SECTIONS = (
    "letterhead", "banner", "addresses", "situation", "background", "red_flags",
    "body_diagram", "strength", "reflexes", "tests", "impression", "progress",
    "recommendation", "safety_netting", "signature", "sources",
    "plain_summary", "plain_findings", "plain_next_steps",
)

# The placeholders each sentence may use (anything else is a template error).
SENTENCE_FIELDS: Mapping[str, frozenset[str]] = MappingProxyType({
    "title": frozenset({"destination"}),
    "banner_headline": frozenset({"urgency", "destination"}),
    "banner_no_flag": frozenset({"urgency"}),
    "banner_other_destination": frozenset({"recommended"}),
    "reason_hypothesis": frozenset({"label"}),
    "reason_no_hypothesis": frozenset(),
    "urgency_because": frozenset({"urgency", "rules"}),
    "urgency_no_flag": frozenset({"urgency"}),
    "onset": frozenset({"date", "days"}),
    "onset_unknown": frozenset(),
    "age_sex": frozenset({"age", "sex"}),
    "indeterminate": frozenset(),
    "no_hypothesis": frozenset(),
    "progress_since": frozenset({"date"}),
    "progress_none": frozenset(),
    "progress_unchanged": frozenset({"items"}),
    "plain_greeting": frozenset({"name"}),
    "plain_seen_on": frozenset({"date"}),
    "plain_referred": frozenset({"destination"}),
    "plain_symptoms": frozenset({"side", "places"}),
    "plain_weak": frozenset({"movements"}),
    "plain_no_weakness": frozenset(),
    "safety_netting_intro": frozenset(),
    "patient_copy_note": frozenset(),
    "copies": frozenset(),
    "diagram_caption": frozenset(),
    "diagram_unavailable": frozenset(),
    "strength_legend": frozenset(),
    "reflex_legend": frozenset(),
    "strength_selection": frozenset(),
    "not_asked": frozenset({"items"}),
    "written_at": frozenset({"when"}),
})


class TemplateError(ValueError):
    """A letter template file is missing, unreadable or breaks the schema."""


@dataclass(frozen=True)
class PageSetup:
    size: str
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float


@dataclass(frozen=True)
class Content:
    hypotheses: int  # how many ranked hypotheses the impression lists
    evidence_per_hypothesis: int  # reasons for (and, separately, against) each one
    show_against: bool
    show_next_tests: bool
    # Muscles always listed for an involved limb ("not tested" if not graded): strength IDs.
    key_muscles: tuple[str, ...]


@dataclass(frozen=True)
class Wording:
    headings: Mapping[str, str]  # section -> heading (sections without one draw none)
    labels: Mapping[str, str]  # short fixed labels: "To", "From", "Left", ...
    sentences: Mapping[str, str]  # SENTENCE_FIELDS keys -> text with {placeholders}
    urgency: Mapping[str, str]  # urgency -> word in the banner
    urgency_plain: Mapping[str, str]  # urgency -> what it means for the patient
    destinations: Mapping[str, str]  # destination -> its name
    addressees: Mapping[str, str]  # destination -> the "To" line
    requests: Mapping[str, str]  # destination -> what this letter asks for
    answers: Mapping[str, str]  # red-flag and test answers: present, absent, positive, ...
    groups: Mapping[str, str]  # red-flag group -> heading
    sides: Mapping[str, str]  # left / right / midline / bilateral / none -> words
    safety_netting: Mapping[str, tuple[str, ...]]  # lumbar / cervical / general -> advice


@dataclass(frozen=True)
class LetterStyle:
    font_size: float
    leading: float
    small_size: float
    heading_size: float
    title_size: float
    text_colour: str
    muted_colour: str
    heading_colour: str
    rule_colour: str
    header_fill: str
    abnormal_fill: str
    diagram_height_mm: float  # the body chart's height at most
    urgency_colours: Mapping[str, str]  # urgency -> banner fill


@dataclass(frozen=True)
class LetterTemplate:
    name: str
    audience: str
    destinations: tuple[str, ...]  # the destinations this template writes to
    page: PageSetup
    sections: tuple[str, ...]
    content: Content
    wording: Wording
    style: LetterStyle

    def sentence(self, key: str, **values: object) -> str:
        """The sentence `key` with its placeholders filled (plain text, not yet escaped)."""
        return self.wording.sentences[key].format(**values)


def available_templates(folder: Path | None = None) -> tuple[str, ...]:
    """Names of the letter templates in `folder` (default: the bundled `reports/`)."""
    directory = folder or reports_dir()
    return tuple(sorted(p.stem for p in directory.glob("*.toml") if p.stem != BASE_TEMPLATE))


def template_for(destination: str, folder: Path | None = None) -> LetterTemplate:
    """The template that writes to `destination` (or the patient's copy for "patient")."""
    if destination == PATIENT_COPY:
        return load_template(PATIENT_COPY, folder)
    for name in available_templates(folder):
        template = load_template(name, folder)
        if destination in template.destinations:
            return template
    allowed = ", ".join((*DESTINATIONS, PATIENT_COPY))
    raise TemplateError(f"no letter template writes to {destination!r}; allowed: {allowed}")


def load_template(name: str, folder: Path | None = None) -> LetterTemplate:
    """Load `reports/<name>.toml` merged over `reports/base.toml`, checking it completely.

    A template is read again only when one of its two files has changed (or gone).
    """
    directory = (folder or reports_dir()).resolve()
    try:
        stamps = tuple((f.stat().st_mtime_ns, f.stat().st_size)
                       for f in (directory / f"{BASE_TEMPLATE}.toml", directory / f"{name}.toml"))
    except OSError:
        stamps = ()  # reading it below names the missing file
    return _load_template(name, directory, stamps)


@lru_cache(maxsize=64)
def _load_template(name: str, directory: Path, stamps: tuple) -> LetterTemplate:
    # `stamps` (the files' modification times and sizes) only keys the cache.
    merged = _merge(_read(directory / f"{BASE_TEMPLATE}.toml"), _read(directory / f"{name}.toml"))
    template = _build(LetterTemplate, merged, f"{name}.toml", "")
    _check(template, f"{name}.toml")
    return template


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise TemplateError(f"{path.name}: letter template is missing ({path})") from None
    except tomllib.TOMLDecodeError as err:
        raise TemplateError(f"{path.name}: not valid TOML ({err})") from None


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(cls: type, table: object, file: str, where: str) -> Any:
    """An instance of dataclass `cls` from a TOML table, refusing missing and unknown keys."""
    if not isinstance(table, dict):
        raise TemplateError(f"{file}: {where or '(top level)'} must be a table")
    hints = get_type_hints(cls)
    names = [f.name for f in fields(cls)]
    unknown = sorted(set(table) - set(names))
    if unknown:
        raise TemplateError(f"{file}: unknown key {_join(where, unknown[0])}; "
                            f"allowed: {', '.join(names)}")
    values = {}
    for name in names:
        key = _join(where, name)
        if name not in table:
            raise TemplateError(f"{file}: {key} is missing")
        values[name] = _value(hints[name], table[name], file, key)
    return cls(**values)


def _value(kind: Any, value: object, file: str, key: str) -> Any:
    origin = get_origin(kind)
    if origin is tuple:
        if not isinstance(value, list):
            raise TemplateError(f"{file}: {key} must be a list of text")
        return tuple(_value(str, item, file, f"{key}[{i}]") for i, item in enumerate(value))
    if origin is Mapping:
        if not isinstance(value, dict):
            raise TemplateError(f"{file}: {key} must be a table")
        item_kind = get_args(kind)[1]
        return MappingProxyType({k: _value(item_kind, v, file, _join(key, k))
                                 for k, v in value.items()})
    if isinstance(kind, type) and hasattr(kind, "__dataclass_fields__"):
        return _build(kind, value, file, key)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind in (str, bool) and type(value) is kind:
        return value
    raise TemplateError(f"{file}: {key} must be {kind.__name__}, not {type(value).__name__}")


def _check(template: LetterTemplate, file: str) -> None:
    """Cross-checks the schema cannot express: closed value sets and sentence placeholders."""
    _one_of(file, "audience", template.audience, AUDIENCES)
    _one_of(file, "page.size", template.page.size, PAGE_SIZES)
    for i, section in enumerate(template.sections):
        _one_of(file, f"sections[{i}]", section, SECTIONS)
    for i, destination in enumerate(template.destinations):
        _one_of(file, f"destinations[{i}]", destination, DESTINATIONS)
    wording, style = template.wording, template.style
    for key, table, required in (
        ("wording.urgency", wording.urgency, URGENCIES),
        ("wording.urgency_plain", wording.urgency_plain, URGENCIES),
        ("style.urgency_colours", style.urgency_colours, URGENCIES),
        ("wording.destinations", wording.destinations, DESTINATIONS),
        ("wording.addressees", wording.addressees, DESTINATIONS),
        ("wording.requests", wording.requests, DESTINATIONS),
        ("wording.sentences", wording.sentences, tuple(SENTENCE_FIELDS)),
    ):
        missing = [k for k in required if k not in table]
        if missing:
            raise TemplateError(f"{file}: {key} has no entry for {missing[0]!r}")
    for key in wording.headings:
        _one_of(file, f"wording.headings.{key}", key, SECTIONS)
    for key, text in wording.sentences.items():
        allowed = SENTENCE_FIELDS.get(key)
        if allowed is None:
            raise TemplateError(f"{file}: unknown sentence wording.sentences.{key}")
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        if used - allowed:
            raise TemplateError(f"{file}: wording.sentences.{key} uses {sorted(used - allowed)}; "
                                f"allowed placeholders: {sorted(allowed) or 'none'}")


def _one_of(file: str, key: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise TemplateError(f"{file}: {key} is {value!r}; allowed: {', '.join(allowed)}")


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
