"""The loader refuses broken anatomy tables with an error naming the file, line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.knowledge import load_knowledge
from app.knowledge.csv_table import KnowledgeError
from app.paths import tables_dir


@pytest.fixture
def tables(tmp_path: Path) -> Path:
    folder = tmp_path / "tables"
    shutil.copytree(tables_dir(), folder)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(folder: Path, name: str, row: str) -> None:
    with (folder / name).open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")


def fails(folder: Path, *words: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    for word in words:
        assert word in str(caught.value)


def test_the_bundled_tables_load(tables):
    assert load_knowledge(tables).sites


def test_duplicate_key(tables):
    append(tables, "muscles.csv",
           "hip_flexion,hip flexion,iliopsoas,lower,L2:1,plexus:lumbosacral,femoral,mrc_aids")
    fails(tables, "muscles.csv", "duplicates line")


def test_unknown_root_in_a_muscle(tables):
    edit(tables, "muscles.csv", "L4:0.6;L5:0.4,nerve:deep_peroneal",
         "L4:0.6;L9:0.4,nerve:deep_peroneal")
    fails(tables, "muscles.csv", "'roots'", "L9")


def test_unknown_root_in_a_region(tables):
    edit(tables, "regions.csv", "first_web_space,first web space (foot),lower,no,yes,L5,",
         "first_web_space,first web space (foot),lower,no,yes,L7,")
    fails(tables, "regions.csv", "dermatomes_core", "L7")


def test_unknown_root_site(tables):
    append(tables, "sites.csv", "root:X9,root,X9 nerve root,upper,,,neurology,routine,mrc_aids")
    fails(tables, "sites.csv", "root:X9")


def test_unknown_nerve_in_a_muscle(tables):
    edit(tables, "muscles.csv", "nerve:superior_gluteal,", "nerve:middle_gluteal,")
    fails(tables, "muscles.csv", "nerve:middle_gluteal", "not a site")


def test_unknown_site_in_a_test(tables):
    edit(tables, "tests.csv", "nerve:common_peroneal,stevens2015", "nerve:peroneal,stevens2015")
    fails(tables, "tests.csv", "nerve:peroneal")


def test_unknown_parent_in_the_nerve_tree(tables):
    edit(tables, "sites.csv", "lower,nerve:common_peroneal,L4;L5,", "lower,nerve:fibular,L4;L5,")
    fails(tables, "sites.csv", "parent")


def test_missing_source_key(tables):
    edit(tables, "reflexes.csv", "esene2012;hamstring1982", "esene2012;nowhere2020")
    fails(tables, "reflexes.csv", "nowhere2020", "sources.csv")


def test_bad_header(tables):
    edit(tables, "cues.csv", "id,label,supports,source", "id,label,sites,source")
    fails(tables, "cues.csv", "header")


def test_root_shares_must_add_up(tables):
    edit(tables, "muscles.csv", "L4:0.6;L5:0.4,nerve:deep_peroneal",
         "L4:0.6;L5:0.6,nerve:deep_peroneal")
    fails(tables, "muscles.csv", "add up to 1")


def test_abnormal_umn_value_must_be_a_listed_value(tables):
    edit(tables, "umn_signs.csv", "flexor;extensor;equivocal,extensor",
         "flexor;extensor;equivocal,babinski")
    fails(tables, "umn_signs.csv", "abnormal")


def test_midline_flag_must_be_yes_or_no(tables):
    edit(tables, "regions.csv", "saddle,saddle (perineum and perianal),lower,yes,",
         "saddle,saddle (perineum and perianal),lower,maybe,")
    fails(tables, "regions.csv", "midline", "yes or no")
