"""Builds the `KnowledgeBase` from `resources/tables`, failing loudly on any inconsistency.

Checked here, so the rules can trust the data: exact columns, no blank or duplicate keys,
every root is a real root, every nerve or site reference names a site in `sites.csv`, every
`source` key is in `sources.csv`, root shares add up to 1, the nerve tree has no cycles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType

from app.domain import vocabulary as v
from app.domain.knowledge import (
    Cue,
    KnowledgeBase,
    Muscle,
    NeuroTest,
    RedFlag,
    Reflex,
    Region,
    Site,
    Source,
    UmnSign,
)
from app.knowledge.csv_table import KnowledgeError, Row, Table, read_table
from app.knowledge.red_flag_rules import COLUMNS as RED_FLAG_RULE_COLUMNS
from app.knowledge.red_flag_rules import load_red_flag_rules
from app.paths import tables_dir

__all__ = ["KnowledgeError", "load_knowledge"]

_EVIDENCE = ("V", "K", "L", "S")
_SITE_LIMBS = ("upper", "lower", "both", "trunk")


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Load and cross-check every table in `directory` (default: the bundled tables)."""
    folder = directory or tables_dir()
    tables: dict[str, Table] = {}

    def table(name: str, columns: Iterable[str], optional_blank: Iterable[str] = ()) -> Table:
        tables[name] = read_table(folder / name, tuple(columns), tuple(optional_blank))
        return tables[name]

    sources = {
        row.text("key"): Source(row.text("key"), row.text("citation"),
                                row.choice("evidence", _EVIDENCE))
        for row in table("sources.csv", ("key", "citation", "evidence"))
    }
    cite = _SourceChecker(sources)

    site_rows = table("sites.csv", ("id", "kind", "label", "limb", "parent", "roots",
                                    "destination", "urgency", "source"),
                      optional_blank=("parent", "roots"))
    sites = {row.text("id"): _site(row, cite) for row in site_rows}
    _check_site_tree(sites, site_rows)

    def site_ref(row: Row, column: str, value: str) -> str:
        if value not in sites:
            raise row.fail(column, f"names {value!r}, which is not a site in sites.csv")
        return value

    muscles = {}
    for row in table("muscles.csv", ("id", "movement", "muscle", "limb", "roots", "nerve",
                                     "peripheral_nerve", "source")):
        muscles[row.text("id")] = Muscle(
            id=row.text("id"), movement=row.text("movement"), muscle=row.text("muscle"),
            limb=row.choice("limb", ("upper", "lower")), roots=_frozen(row.weights("roots",
                                                                                  v.ROOTS)),
            nerve=site_ref(row, "nerve", row.text("nerve")),
            peripheral_nerve=row.text("peripheral_nerve"), source=cite(row))

    regions = {}
    for row in table("regions.csv", ("id", "label", "limb", "midline", "distal", "dermatomes_core",
                                     "dermatomes_variable", "nerves_core", "nerves_variable",
                                     "source"),
                     optional_blank=("dermatomes_core", "dermatomes_variable", "nerves_core",
                                     "nerves_variable")):
        regions[row.text("id")] = Region(
            id=row.text("id"), label=row.text("label"),
            limb=row.choice("limb", ("upper", "lower", "trunk")), midline=row.flag("midline"),
            distal=row.flag("distal"),
            dermatomes_core=_roots(row, "dermatomes_core"),
            dermatomes_variable=_roots(row, "dermatomes_variable"),
            nerves_core=frozenset(site_ref(row, "nerves_core", s) for s in
                                  row.items("nerves_core")),
            nerves_variable=frozenset(site_ref(row, "nerves_variable", s) for s in
                                      row.items("nerves_variable")),
            source=cite(row))

    reflexes = {}
    for row in table("reflexes.csv", ("id", "label", "limb", "roots", "nerve", "age_dependent",
                                      "source")):
        reflexes[row.text("id")] = Reflex(
            id=row.text("id"), label=row.text("label"), limb=row.choice("limb", ("upper", "lower")),
            roots=_frozen(row.weights("roots", v.ROOTS)),
            nerve=site_ref(row, "nerve", row.text("nerve")),
            age_dependent=row.flag("age_dependent"), source=cite(row))

    umn_signs = {}
    for row in table("umn_signs.csv", ("id", "label", "limb", "values", "abnormal", "source")):
        values = row.items("values")
        abnormal = frozenset(row.items("abnormal"))
        if not abnormal <= set(values):
            raise row.fail("abnormal", "names a value not listed in 'values'")
        umn_signs[row.text("id")] = UmnSign(
            id=row.text("id"), label=row.text("label"), limb=row.choice("limb", ("upper", "lower")),
            values=(*values, v.NOT_TESTABLE), abnormal=abnormal, source=cite(row))
    _check_disjoint(reflexes, umn_signs, "reflexes.csv", "umn_signs.csv")

    tests = {}
    for row in table("tests.csv", ("id", "label", "limb", "takes_angle", "sites", "source")):
        tests[row.text("id")] = NeuroTest(
            id=row.text("id"), label=row.text("label"), limb=row.choice("limb", ("upper", "lower")),
            takes_angle=row.flag("takes_angle"),
            sites=frozenset(site_ref(row, "sites", s) for s in row.items("sites")),
            source=cite(row))

    red_flags = {}
    for row in table("red_flags.csv", ("id", "label", "group", "question", "source")):
        red_flags[row.text("id")] = RedFlag(
            id=row.text("id"), label=row.text("label"), group=row.choice("group",
                                                                          v.RED_FLAG_GROUPS),
            question=row.text("question"), source=cite(row))

    cues = {}
    for row in table("cues.csv", ("id", "label", "supports", "source"),
                     optional_blank=("supports",)):
        cues[row.text("id")] = Cue(
            id=row.text("id"), label=row.text("label"),
            supports=frozenset(site_ref(row, "supports", s) for s in row.items("supports")),
            source=cite(row))

    red_flag_rules = load_red_flag_rules(
        table("red_flag_rules.csv", RED_FLAG_RULE_COLUMNS), red_flags=red_flags,
        muscles=muscles, regions=regions, cite=cite)

    return KnowledgeBase(
        sources=_frozen(sources), muscles=_frozen(muscles), regions=_frozen(regions),
        reflexes=_frozen(reflexes), umn_signs=_frozen(umn_signs), tests=_frozen(tests),
        red_flags=_frozen(red_flags), cues=_frozen(cues), sites=_frozen(sites),
        red_flag_rules=red_flag_rules,
        table_versions=_frozen({name: t.version for name, t in tables.items()}),
    )


class _SourceChecker:
    """Returns a row's `source` cell after checking every key in it is a known source."""

    def __init__(self, sources: Mapping[str, Source]):
        self._sources = sources

    def __call__(self, row: Row) -> str:
        keys = row.items("source")
        for key in keys:
            if key not in self._sources:
                raise row.fail("source", f"cites {key!r}, which is not in sources.csv")
        return ";".join(keys)


def _site(row: Row, cite: _SourceChecker) -> Site:
    site_id = row.text("id")
    kind = row.choice("kind", v.SITE_KINDS)
    if kind == "root" and site_id.removeprefix("root:") not in v.ROOTS:
        raise row.fail("id", "is not root:<a real root>")
    return Site(
        id=site_id, kind=kind, label=row.text("label"), limb=row.choice("limb", _SITE_LIMBS),
        parent=row.optional("parent"), roots=_roots(row, "roots"),
        destination=row.choice("destination", v.DESTINATIONS),
        urgency=row.choice("urgency", v.URGENCIES), source=cite(row))


def _roots(row: Row, column: str) -> frozenset[str]:
    roots = row.items(column)
    for root in roots:
        if root not in v.ROOTS:
            raise row.fail(column, f"names {root!r}, which is not a spinal root")
    return frozenset(roots)


def _check_site_tree(sites: Mapping[str, Site], table: Table) -> None:
    rows = {row.text("id"): row for row in table}
    for site in sites.values():
        seen = {site.id}
        parent = site.parent
        while parent is not None:
            if parent not in sites:
                raise rows[site.id].fail("parent", "is not a site in sites.csv")
            if parent in seen:
                raise rows[site.id].fail("parent", "makes a cycle in the nerve tree")
            seen.add(parent)
            parent = sites[parent].parent


def _check_disjoint(a: Mapping, b: Mapping, a_name: str, b_name: str) -> None:
    both = sorted(set(a) & set(b))
    if both:
        raise KnowledgeError(f"{both} appear in both {a_name} and {b_name}")


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))
