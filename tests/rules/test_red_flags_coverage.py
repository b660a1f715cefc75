"""Every rule of red_flag_rules.csv is shown firing by at least one cited vignette, and the
CES 14-day rule has a vignette on each side of its boundary (tests/vignettes/red_flags)."""

from __future__ import annotations

import json
from pathlib import Path

VIGNETTES = Path(__file__).resolve().parents[1] / "vignettes"


def _expectations() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8"))["expect"]
            for path in sorted(VIGNETTES.rglob("*.json"))]


def test_every_rule_fires_in_some_vignette(kb):
    shown = {rule for expect in _expectations() for rule in expect.get("red_flags_include", ())}
    missing = sorted({rule.id for rule in kb.red_flag_rules} - shown)
    assert not missing, f"rules without a positive vignette: {missing}"


def test_the_ces_window_boundary_has_both_sides():
    folder = VIGNETTES / "red_flags"
    inside = json.loads((folder / "ces_boundary_14_days_is_new.json").read_text("utf-8"))
    outside = json.loads((folder / "ces_boundary_15_days_is_established.json").read_text("utf-8"))
    assert inside["exam"]["red_flags"]["urinary_hesitancy"]["onset_date"] == "2026-11-07"
    assert outside["exam"]["red_flags"]["urinary_hesitancy"]["onset_date"] == "2026-11-06"
    assert inside["expect"]["urgency"] == "emergency"
    assert outside["expect"]["urgency"] == "urgent"
