"""When a rival hypothesis counts as separated from the leader (clinical.md 4.2 rule 6, 8.11).

Scores crowd towards 1 when much is explained, so separation is a ratio of misfits, not a gap:
the rival is separated when its misfit (1 - score) is at least `SEPARATION_RATIO` times the
leader's (`scores_separated`).

Parsimony orders hypotheses but never separates them on its own. A wider lesion (a plexus, a
cord) pays a parsimony cost (`Fit.breadth`) in its score; when the rival is separated only
because of that cost (its score without it, `Fit.evidence_score`, is not separated), the leader
stays separated only if the findings recorded that tell the two apart favour the leader
(`fits_separated`). A finding tells them apart when it did clearly more for one than for the
other (`DISCRIMINATING_NET`): a muscle one of them spares (spread to an adjacent root), a skin
region only one supplies, a history cue or provocation test that supports only one. With none
of them recorded, or with them pointing the other way, the two stay unseparated and the
next tests name what would tell them apart. Example: an L5 root pattern with only L5 muscles
examined does not separate the L5 root from the lumbosacral plexus (clinical.md 4.2: the same
weak muscles in both columns); an examined adjacent-root muscle, back pain or a positive SLR
does.
"""

from __future__ import annotations

from math import fsum

from app.rules.fit import Fit

SEPARATION_RATIO = 1.3
# A recorded finding tells two hypotheses apart when its net contribution (explained + support
# - against) differs by at least this much between them: a history cue or test (0.4), a normal
# muscle that one should weaken (0.5 or more), a skin region only one supplies. The small
# differences of shared muscles (a plexus carries a muscle's every root, a root most of them)
# stay below it.
DISCRIMINATING_NET = 0.25


def scores_separated(leader: float, rival: float) -> bool:
    """True when a rival scoring `rival` is separated from a leader scoring `leader`."""
    return round(1.0 - rival, 9) >= round(SEPARATION_RATIO * (1.0 - leader), 9)


def fits_separated(leader: Fit, rival: Fit) -> bool:
    """True when `rival` is separated from `leader` by the findings (module docstring)."""
    if not scores_separated(leader.score, rival.score):
        return False
    if scores_separated(leader.evidence_score, rival.evidence_score):
        return True
    return discriminating_balance(leader, rival) > 0


def discriminating_balance(first: Fit, second: Fit) -> float:
    """How much the recorded findings that tell `first` and `second` apart favour `first`
    (negative: they favour `second`; 0: none was recorded)."""
    net_first, net_second = first.net(), second.net()
    differences = (net_first.get(path, 0.0) - net_second.get(path, 0.0)
                   for path in net_first.keys() | net_second.keys())
    return round(fsum(d for d in differences if abs(d) >= DISCRIMINATING_NET), 9)
