"""The red-flag rule table loads strictly: every mistake is an error naming line and column."""

from __future__ import annotations

import shutil

import pytest

from app.knowledge import load_knowledge
from app.knowledge.csv_table import KnowledgeError
from app.paths import tables_dir

HEADER = "id,label,trigger,urgency,destination,text,source"
GOOD = ('demo,demo rule,"any:red_flags.fever",urgent,gp,"Fever: {findings}. See GP.",'
        "yusuf2019")


@pytest.fixture
def tables(tmp_path):
    folder = tmp_path / "tables"
    shutil.copytree(tables_dir(), folder)
    return folder


def load_with(tables, *rows: str):
    (tables / "red_flag_rules.csv").write_text("\n".join(["# version: test", HEADER, *rows]),
                                               encoding="utf-8")
    return load_knowledge(tables)


def test_bundled_rules_load_in_table_order(kb):
    ids = [rule.id for rule in kb.red_flag_rules]
    assert ids[0] == "ces_new" and len(ids) == len(set(ids)) >= 20
    assert kb.table_versions["red_flag_rules.csv"]


def test_a_good_row_parses_into_clauses(tables):
    rule, = load_with(tables, GOOD).red_flag_rules
    clause, = rule.trigger
    assert (clause.quantifier, [str(f) for f in clause.facts]) == ("any", ["red_flags.fever"])


def test_timing_arguments_and_weights_parse(tables):
    row = ('demo,demo,"score>=2:recent.derived.severe_weakness(knee_extension)*2|'
           'derived.age_at_least(70)",soon,gp,"x {findings}",downie2013')
    clause, = load_with(tables, row).red_flag_rules[0].trigger
    first, second = clause.facts
    assert (clause.quantifier, clause.threshold) == ("score", 2)
    assert (first.timing, first.args, first.weight) == ("recent", ("knee_extension",), 2)
    assert (second.name, second.args, second.weight) == ("age_at_least", ("70",), 1)


@pytest.mark.parametrize("trigger, problem", [
    ("any:red_flags.no_such_flag", "not a red flag"),
    ("any:derived.no_such_fact", "not a known fact"),
    ("any:derived.severe_weakness(no_such_muscle)", "not muscles"),
    ("any:derived.severe_weakness", "needs arguments"),
    ("any:derived.neuro_deficit(1)", "takes no arguments"),
    ("any:derived.age_at_least(old)", "whole number"),
    ("any:derived.region_symptom(nowhere,numbness)", "not a region"),
    ("any:derived.region_symptom(saddle,itching)", "symptom kinds"),
    ("any:red_flags.fever(1)", "takes no arguments"),
    ("any:soon.red_flags.fever", "time qualifier"),
    ("any:history.fever", "not one of"),
    ("some:red_flags.fever", "quantifier"),
    ("any:red_flags.fever*2", "weight outside"),
    ("score>=0:red_flags.fever", "at least 1"),
    ("any:red_flags.fever;none:red_flags.night_pain", "'none' may not name"),
    ("any:red_flags.fever;none:derived.rapid_progression", "'none' may not name"),
    ("none:derived.neuro_deficit", "needs an any, all or score clause"),
    ("red_flags.fever", "quantifier:fact"),
])
def test_bad_triggers_are_named(tables, trigger, problem):
    row = f'bad,bad,"{trigger}",urgent,gp,"x {{findings}}",yusuf2019'
    with pytest.raises(KnowledgeError) as err:
        load_with(tables, row)
    assert "red_flag_rules.csv line 3, column 'trigger'" in str(err.value)
    assert problem in str(err.value)


@pytest.mark.parametrize("row, column", [
    ('bad,bad,"any:red_flags.fever",very_urgent,gp,"x",yusuf2019', "urgency"),
    ('bad,bad,"any:red_flags.fever",urgent,pharmacy,"x",yusuf2019', "destination"),
    ('bad,bad,"any:red_flags.fever",urgent,gp,"x",no_such_source', "source"),
    ('bad,bad,"any:red_flags.fever",urgent,gp,"x {age}",yusuf2019', "text"),
    ('bad,bad,"any:red_flags.fever",urgent,gp,"x {",yusuf2019', "text"),
    ('bad,bad,"any:red_flags.fever",urgent,gp,"x",', "source"),
])
def test_bad_cells_are_named(tables, row, column):
    with pytest.raises(KnowledgeError, match=f"column '{column}'"):
        load_with(tables, row)


def test_duplicate_rule_ids_are_refused(tables):
    with pytest.raises(KnowledgeError, match="duplicates line 3"):
        load_with(tables, GOOD, GOOD)


def test_missing_rule_table_is_refused(tables):
    (tables / "red_flag_rules.csv").unlink()
    with pytest.raises(KnowledgeError, match=r"red_flag_rules\.csv: knowledge table is missing"):
        load_knowledge(tables)
