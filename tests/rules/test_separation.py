"""Parsimony orders hypotheses but never separates them alone (app/rules/separation.py).

Sources: clinical.md 4.2 (L5 root and lumbosacral plexus columns share their weak muscles;
minimal rule 2 tells them apart by back pain, SLR and pelvic history), 4.1 motor row (a plexus
lesion spreads to adjacent roots), 4.4 (C8 root vs lower trunk: APB), and the safety principle
"where findings do not separate two sites, say indeterminate and name the test that would".
"""

from __future__ import annotations

from app.rules.fit import Fit
from app.rules.separation import discriminating_balance, fits_separated
from tests.rules.localise_helpers import exam_doc, run

L5_MUSCLES = {"ankle_dorsiflexion": "3", "great_toe_extension": "3", "ankle_eversion": "4",
              "ankle_inversion": "4", "hip_abduction": "4"}


def fit(site: str, explained: float, breadth: float = 0.0, **by_path: float) -> Fit:
    """A scored hypothesis whose net contribution per finding path is `by_path`."""
    result = Fit(site=site, side="left", scope=frozenset({"left"}), label=site,
                 explained=explained, unexplained=0.2, breadth=breadth)
    for path, amount in by_path.items():
        if amount > 0:
            result.add_support(path, amount)
        else:
            result.add_against(path, -amount)
    return result


def test_a_rival_behind_only_by_its_breadth_is_not_separated():
    root, plexus = fit("root:L5", 3.0), fit("plexus:lumbosacral", 3.0, breadth=1.0)
    assert discriminating_balance(root, plexus) == 0
    assert not fits_separated(root, plexus)


def test_recorded_findings_that_favour_the_leader_let_parsimony_stand():
    root = fit("root:L5", 3.0, **{"tests.left.slr": 0.4})
    plexus = fit("plexus:lumbosacral", 3.0, breadth=1.0)
    assert discriminating_balance(root, plexus) > 0
    assert fits_separated(root, plexus)


def test_recorded_findings_that_favour_the_rival_keep_them_unseparated():
    root = fit("root:L5", 3.0)
    plexus = fit("plexus:lumbosacral", 3.0, breadth=1.0,
                 **{"history.cues.pelvic_surgery_or_haematoma": 0.4})
    assert discriminating_balance(root, plexus) < 0
    assert not fits_separated(root, plexus)


def test_small_differences_on_shared_muscles_do_not_count_as_discriminating():
    root = fit("root:L5", 3.0)
    root.explained_by["strength.left.ankle_dorsiflexion"] = 0.72  # L4 0.6 / L5 0.4
    plexus = fit("plexus:lumbosacral", 3.0, breadth=1.0)
    plexus.explained_by["strength.left.ankle_dorsiflexion"] = 0.9
    assert discriminating_balance(root, plexus) == 0


def test_the_l5_pattern_alone_names_adjacent_root_muscles_and_is_mirrored(kb):
    for side in ("left", "right"):
        result = run(exam_doc(strength={side: dict(L5_MUSCLES)}), kb)
        assert result.indeterminate
        assert {h.site for h in result.hypotheses[:2]} == {"root:L5", "plexus:lumbosacral"}
        proposed = {t.finding for t in result.next_tests}
        assert f"strength.{side}.ankle_plantarflexion" in proposed


def test_a_recorded_provocation_test_is_not_proposed_again(kb):
    hand = {"finger_abduction": "4", "thumb_ip_flexion": "4", "finger_flexion": "4",
            "thumb_extension": "4"}
    untested = run(exam_doc(strength={"left": hand}), kb)
    assert "tests.left.spurling" in {t.finding for t in untested.next_tests}
    negative = run(exam_doc(strength={"left": hand},
                            tests={"left": {"spurling": {"result": "negative"}}}), kb)
    assert "tests.left.spurling" not in {t.finding for t in negative.next_tests}
