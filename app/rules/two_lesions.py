"""Two lesions (e.g. double crush): when no single site explains the exam, a pair may.

About a third of foot-drop patients have a second, remote lesion (Yap; clinical.md 8.11), and
double crush (a root and a distal nerve) is common. The best single hypothesis is challenged
when it leaves a substantial share of the abnormal findings unexplained: each pair among the
leading single hypotheses is scored as one explanation (each finding explained as well as the
better member explains it; both members' contradictions and parsimony costs count, plus the cost
of a second lesion). A pair wins only when both members explain findings the other does not and
it clearly beats the best single site.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from math import fsum

from app.rules.fit import SCORE_PRIOR, Fit

MIN_UNEXPLAINED_SHARE = 0.15
MIN_OWN_CONTRIBUTION = 1.0
SECOND_LESION_COST = 1.0
MIN_ADVANTAGE = 0.05
PAIR_POOL = 8


@dataclass(frozen=True)
class Pair:
    first: Fit
    second: Fit
    score: float


def best_pair(ranked: Sequence[Fit], total_mass: float, best_score: float) -> Pair | None:
    """The pair of `ranked` (single lesions, best first) that should replace the best single
    hypothesis (score `best_score`), if any."""
    if not ranked or total_mass <= 0:
        return None
    if ranked[0].unexplained / total_mass < MIN_UNEXPLAINED_SHARE:
        return None
    winner: Pair | None = None
    # The leading PAIR_POOL hypotheses, and any tied with the last of them (ties are ordered
    # by side, so a cut inside a tie would make the answer depend on the side).
    floor = round(ranked[min(PAIR_POOL, len(ranked)) - 1].score, 9)
    pool = [f for f in ranked if round(f.score, 9) >= floor]
    for a, b in combinations(pool, 2):
        if a.site == b.site or (a.central and b.central):
            continue  # one cord or brain lesion already explains the signs below it
        paths = sorted(a.explained_by.keys() | b.explained_by.keys())
        explained = fsum(max(a.explained_by.get(p, 0.0), b.explained_by.get(p, 0.0))
                        for p in paths)
        # Rounded: sums in a different order (a mirrored exam) must not flip a decision.
        if (round(explained - b.explained, 9) < MIN_OWN_CONTRIBUTION
                or round(explained - a.explained, 9) < MIN_OWN_CONTRIBUTION):
            continue
        support = a.support + b.support
        cost = (_against_left(a, b) + _against_left(b, a) + a.breadth + b.breadth
                + SECOND_LESION_COST)
        score = (explained + support) / (total_mass + support + cost + SCORE_PRIOR)
        score = round(score, 9)
        if score > round(best_score + MIN_ADVANTAGE, 9) and (winner is None
                                                            or score > winner.score):
            first, second = sorted((a, b), key=lambda f: (-f.score, f.site, f.side))
            winner = Pair(first, second, score)
    return winner


def _against_left(fit: Fit, partner: Fit) -> float:
    """What counts against `fit` once `partner` is there: not a finding the partner explains
    (a weak muscle outside `fit`'s reach, a UMN sign the partner's cord lesion explains)."""
    return fsum(amount for path, amount in fit.against_by.items()
               if path not in partner.explained_by)
