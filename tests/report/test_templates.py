"""Letter templates are data loaded strictly: every bundled one is complete, and a broken one is
refused with a message naming the file and the key (app/report/template.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from app.domain.vocabulary import DESTINATIONS
from app.paths import reports_dir
from app.report import PATIENT_COPY, TemplateError, available_templates, template_for
from app.report.renderer import LetterRenderer
from app.report.template import load_template


def test_every_bundled_template_loads_and_renders_all_its_sections():
    for name in available_templates():
        LetterRenderer(load_template(name))  # refuses a section without a builder


def test_each_destination_has_exactly_one_template():
    owners = {d: [n for n in available_templates() if d in load_template(n).destinations]
              for d in DESTINATIONS}
    assert all(len(names) == 1 for names in owners.values()), owners
    assert template_for(PATIENT_COPY).audience == "patient"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for file in reports_dir().glob("*.toml"):
        shutil.copy(file, tmp_path / file.name)
    return tmp_path


def _append(folder: Path, name: str, text: str) -> None:
    with (folder / f"{name}.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n" + text + "\n")


@pytest.mark.parametrize(("addition", "message"), [
    ("[content]\nshow_scores = true", "spinal_surgery.toml: unknown key content.show_scores"),
    ("[page]\nsize = \"A3\"", "spinal_surgery.toml: page.size is 'A3'; allowed: A4, LETTER"),
    ("[page]\nmargin_top_mm = \"wide\"", "page.margin_top_mm must be float, not str"),
    ("[wording.sentences]\ntitle = \"To {patient_name}\"", "uses ['patient_name']"),
    ("[wording.sentences]\ngreeting = \"Hi\"", "unknown sentence wording.sentences.greeting"),
    ("[wording.headings]\nappendix = \"Appendix\"", "wording.headings.appendix is 'appendix'"),
])
def test_broken_template_is_refused_naming_the_key(folder, addition, message):
    _append(folder, "spinal_surgery", addition)
    with pytest.raises(TemplateError, match=re.escape(message)):
        load_template("spinal_surgery", folder)


def test_unknown_section_is_refused(folder):
    text = (folder / "gp.toml").read_text("utf-8").replace('"letterhead"', '"letterheads"', 1)
    (folder / "gp.toml").write_text(text, "utf-8")
    with pytest.raises(TemplateError, match=r"gp.toml: sections\[0\] is 'letterheads'"):
        load_template("gp", folder)


def test_missing_key_is_refused(folder):
    text = (folder / "base.toml").read_text("utf-8").replace("title_size = 14\n", "")
    (folder / "base.toml").write_text(text, "utf-8")
    with pytest.raises(TemplateError, match=re.escape("style.title_size is missing")):
        load_template("neurology", folder)


def test_missing_urgency_wording_is_refused(folder):
    text = (folder / "base.toml").read_text("utf-8").replace('soon = "SOON"\n', "")
    (folder / "base.toml").write_text(text, "utf-8")
    with pytest.raises(TemplateError, match=re.escape("wording.urgency has no entry for 'soon'")):
        load_template("gp", folder)


def test_unknown_destination_and_missing_file_are_named(folder):
    with pytest.raises(TemplateError, match="no letter template writes to 'dentistry'"):
        template_for("dentistry", folder)
    (folder / "neurology.toml").unlink()
    with pytest.raises(TemplateError, match="no letter template writes to 'neurology'"):
        template_for("neurology", folder)
    with pytest.raises(TemplateError, match=r"neurology\.toml: letter template is missing"):
        load_template("neurology", folder)


def test_invalid_toml_is_named(folder):
    _append(folder, "gp", "[page")
    with pytest.raises(TemplateError, match=re.escape("gp.toml: not valid TOML")):
        load_template("gp", folder)
