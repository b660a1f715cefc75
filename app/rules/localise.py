"""Localisation: which site (root, nerve, plexus, cord, ...) best explains the findings.

`localise(exam, kb, settings)` returns ranked, sided hypotheses over the site vocabulary of
`sites.csv`, each with the findings for and against it (clinical.md sections 3, 4, 8, 10):

1. the exam is normalised (`findings`): absent and `NT` are not tested, never normal;
2. no abnormal examination finding: `non_radicular` when enough was examined (and no
   cauda-equina red flag is present), otherwise no hypothesis at all; red-flag answers never
   localise and never score (they are assessed by `red_flags`): the CES answers that fire a
   rule on their own only open the cauda equina and conus hypotheses (`candidates`);
3. every candidate site and side (`candidates`) is scored by its fit (`fit`, `patterns`);
   upper motor neuron evidence counts against every lower motor neuron site, so cord and brain
   hypotheses overtake a peripheral one that stays listed with the UMN sign against it;
4. a pair of sites replaces the best single one when it explains much more (`two_lesions`;
   a cord lesion is listed before its partner root);
5. only hypotheses worth reading are shown (`KEEP_RATIO` of the leader's score, or not
   separated from it, at most `MAX_HYPOTHESES`), but never without a cord or brain hypothesis
   that explains a definite UMN sign; each one's evidence leads with what separates it from
   its rivals;
6. the result is `indeterminate` when a rival is not separated from the leader (`separation`:
   its misfit, 1 - score, is under `SEPARATION_RATIO` times the leader's, or it is behind only
   by the parsimony cost of a wider lesion and no recorded finding that tells them apart
   favours the leader); `next_tests` then name the unexamined findings that separate them
   (`discriminators`), and `not_tested` lists the unexamined discriminators of the leading
   three.

Ties are broken by site ID and never by side, and a site scoring the same on both sides is
reported once, as bilateral, so mirroring an exam mirrors the answer.
Per knowledge base, the site profiles are built once (`profiles.profile_index`); evidence
sentences are written only for the hypotheses returned.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.exam import Exam
from app.domain.interpretation import Evidence, Hypothesis, NextTest
from app.domain.judgement import JudgementSettings
from app.domain.knowledge import KnowledgeBase
from app.rules.candidates import SIDED_KINDS, Candidate, bilateral_variants, candidates
from app.rules.discriminators import next_tests, not_tested
from app.rules.findings import Findings, normalise
from app.rules.fit import Fit, explain_fit, fit_site, site_phrase
from app.rules.patterns import age_notes, apply_patterns
from app.rules.profiles import ProfileIndex, profile_index
from app.rules.separation import fits_separated, scores_separated
from app.rules.two_lesions import Pair, best_pair

MAX_HYPOTHESES = 6
# A hypothesis scoring under this share of the leader's score (and separated from it) is not
# shown: it explains little and would only clutter the list.
KEEP_RATIO = 0.5
MAX_RIVALS = 3
MIN_TESTED_FOR_NORMAL = 4
_SIDE_ORDER = {"left": 0, "right": 1, "bilateral": 2, "none": 3}


@dataclass(frozen=True)
class Localisation:
    hypotheses: tuple[Hypothesis, ...]
    indeterminate: bool
    next_tests: tuple[NextTest, ...]
    not_tested: tuple[str, ...]


NO_LOCALISATION = Localisation(hypotheses=(), indeterminate=False, next_tests=(), not_tested=())


def localise(exam: Exam, kb: KnowledgeBase, settings: JudgementSettings) -> Localisation:
    """Rank the sites that could explain `exam` (module docstring)."""
    index = profile_index(kb)
    findings = normalise(exam, kb, settings)
    if findings.examined_mass <= 0:
        return _without_deficit(findings, kb)

    fits = [_fit(c, findings, kb, index) for c in candidates(findings, index)]
    fits = [f for f in fits if f.explained > 0]
    fits += [_fit(c, findings, kb, index) for c in bilateral_variants(fits, index)]
    ranked = sorted(_without_side_ties(fits), key=_rank_key)
    if not ranked:
        return NO_LOCALISATION
    pair = best_pair([f for f in ranked if not _bilateral_variant(f, index)],
                     findings.examined_mass, ranked[0].score)
    if pair and index.profiles[pair.first.site].lower_motor_neuron \
            and not index.profiles[pair.second.site].lower_motor_neuron:
        pair = Pair(pair.second, pair.first, pair.score)  # UMN override: the cord first
    leader = pair.score if pair else ranked[0].score
    shown = _shown(ranked, pair, leader, findings, index)

    for fit in shown:
        _explain(fit, findings, kb, index)
    nets = {id(f): f.net() for f in shown}
    hypotheses = [_hypothesis(f, nets[id(f)], [nets[id(r)] for r in _rivals(f, shown, pair)],
                              pair) for f in shown]

    close = [f for f in shown[1:] if not _in_pair(f, pair)
             and not (scores_separated(leader, f.score) if pair
                      else fits_separated(shown[0], f))][:MAX_RIVALS]
    indeterminate = bool(close)
    tests = next_tests([shown[0], *close], shown, findings, index, kb) if indeterminate else ()
    leading = shown[:3]
    return Localisation(hypotheses=tuple(hypotheses), indeterminate=indeterminate,
                        next_tests=tests, not_tested=not_tested(leading, findings, index))


def hypothesis_label(site_label: str, side: str) -> str:
    """"Left L5 nerve root", "Cauda equina syndrome (bilateral)", "No neurological deficit"."""
    if side in ("left", "right"):
        return f"{side.capitalize()} {site_label}"
    text = site_label[:1].upper() + site_label[1:]
    return f"{text} (bilateral)" if side == "bilateral" else text


def _fit(candidate: Candidate, findings: Findings, kb: KnowledgeBase, index: ProfileIndex
         ) -> Fit:
    """The score of one candidate (finding sentences are written later, if it is shown)."""
    profile = candidate.profile
    label = hypothesis_label(kb.sites[profile.site].label, candidate.side)
    fit = fit_site(profile, candidate.scope, candidate.side, label, findings)
    apply_patterns(fit, profile, findings, kb, index)
    return fit


def _explain(fit: Fit, findings: Findings, kb: KnowledgeBase, index: ProfileIndex) -> None:
    """Write the evidence sentences of a hypothesis that is shown."""
    profile = index.profiles[fit.site]
    explain_fit(fit, profile, findings, kb)
    age_notes(fit, profile, findings, kb)


def _bilateral_variant(fit: Fit, index: ProfileIndex) -> bool:
    """A root, nerve or plexus hypothesis on both sides (a pair member must be one lesion)."""
    return fit.side == "bilateral" and index.profiles[fit.site].kind in SIDED_KINDS


def _without_side_ties(fits: list[Fit]) -> list[Fit]:
    """Drop a site's left and right hypotheses when they score the same: the evidence is
    symmetric, its bilateral hypothesis stands for both, and no side is preferred."""
    scores: dict[tuple[str, str], float] = {(f.site, f.side): round(f.score, 9) for f in fits}
    tied = {site for (site, side), score in scores.items()
            if side == "left" and scores.get((site, "right")) == score}
    return [f for f in fits if not (f.site in tied and f.side in ("left", "right"))]


def _rank_key(fit: Fit) -> tuple[float, str, int]:
    return (-round(fit.score, 9), fit.site, _SIDE_ORDER[fit.side])


def _in_pair(fit: Fit, pair: Pair | None) -> bool:
    return pair is not None and (fit is pair.first or fit is pair.second)


def _shown(ranked: list[Fit], pair: Pair | None, leader: float, findings: Findings,
           index: ProfileIndex) -> list[Fit]:
    """The hypotheses worth showing, best first: the pair (if any), then those scoring at
    least `KEEP_RATIO` of the leader or not separated from it, at most `MAX_HYPOTHESES`.
    Both sides of the UMN override always stay listed: every cord or brain hypothesis that
    explains a definite UMN sign and, when one of them leads, the best peripheral one."""
    head = [pair.first, pair.second] if pair else []
    rest = [f for f in ranked if not _in_pair(f, pair)]
    worth = [f for f in rest if round(f.score - KEEP_RATIO * leader, 9) >= 0
             or not scores_separated(leader, f.score)]
    shown = worth[:MAX_HYPOTHESES - len(head)]
    dropped = rest[len(shown):]
    signs = {f"reflexes.{side}.{sign}" for side, sign in findings.umn_signs}
    kept = [f for f in dropped if not index.profiles[f.site].lower_motor_neuron
            and not signs.isdisjoint(f.explained_by)]
    lmn = index.profiles[(head or rest)[0].site].lower_motor_neuron
    if not lmn and not any(index.profiles[f.site].lower_motor_neuron for f in head + shown):
        kept += [f for f in dropped if index.profiles[f.site].lower_motor_neuron][:1]
    room = max(MAX_HYPOTHESES - len(head) - len(kept), 1)
    return head + shown[:room] + sorted(kept, key=_rank_key)


def _rivals(fit: Fit, shown: list[Fit], pair: Pair | None) -> list[Fit]:
    """What `fit` must be told apart from: for the leader, every other hypothesis shown;
    for the others, the leader (never a partner in the same pair)."""
    others = [o for o in shown
              if o is not fit and not (_in_pair(fit, pair) and _in_pair(o, pair))]
    return others if fit is shown[0] else others[:1]


def _hypothesis(fit: Fit, net: dict[str, float], rivals: list[dict[str, float]],
                pair: Pair | None) -> Hypothesis:
    """`fit` as shown: the findings that separate it from its rivals lead both lists (how much
    more each finding did for it (`net`) than for them, on average), then the rest."""
    count = max(len(rivals), 1)
    paths = {e.finding for e in (*fit.evidence_for, *fit.evidence_against)}
    advantage = {p: round(net.get(p, 0.0) - sum(r.get(p, 0.0) for r in rivals) / count, 9)
                 for p in paths}
    # Findings it explains (deficits, reflexes, signs) before those that only support it
    # (pain, tests, history, patterns): these never localise on their own.
    supporting = sorted(fit.evidence_for, key=lambda e: (e.finding not in fit.explained_by,
                                                         -advantage[e.finding]))
    against = sorted(fit.evidence_against, key=lambda e: advantage[e.finding])
    score = fit.score
    if pair is not None and (fit.site, fit.side) in ((pair.first.site, pair.first.side),
                                                     (pair.second.site, pair.second.side)):
        partner = pair.second if fit.site == pair.first.site and fit.side == pair.first.side \
            else pair.first
        score = pair.score
        only_partner = sorted(set(partner.explained_by) - set(fit.explained_by))
        supporting.insert(0, Evidence(
            only_partner[0] if only_partner else next(iter(partner.explained_by), ""),
            f"Two lesions: with {site_phrase(partner.label)} this explains findings that "
            "neither explains alone (second lesions are common: about a third of patients "
            "with foot drop have one).", "loc.two_lesions", "yap_foot_drop"))
    return Hypothesis(site=fit.site, side=fit.side, score=score, label=fit.label,
                      supporting=tuple(supporting), against=tuple(against))


def _without_deficit(findings: Findings, kb: KnowledgeBase) -> Localisation:
    """No abnormal examination finding: non-radicular if enough was examined and no
    cauda-equina red flag is present; otherwise nothing to localise (the red flags speak)."""
    tested = findings.tested_count()
    if tested < MIN_TESTED_FOR_NORMAL or findings.ces_flags:
        return NO_LOCALISATION
    site = kb.sites["non_radicular"]
    evidence = Evidence(
        "strength", f"{tested} muscles, reflexes and UMN signs examined, none abnormal, and no "
        "sensory deficit recorded.", "loc.non_radicular.all_normal", site.source)
    score = tested / (tested + MIN_TESTED_FOR_NORMAL)
    return Localisation(
        hypotheses=(Hypothesis(site=site.id, side="none", score=score,
                               label=hypothesis_label(site.label, "none"),
                               supporting=(evidence,)),),
        indeterminate=False, next_tests=(), not_tested=())
