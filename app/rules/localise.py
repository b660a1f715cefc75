"""Localisation: which site (root, nerve, plexus, cord, ...) best explains the findings.

`localise(exam, kb, settings)` returns ranked, sided hypotheses over the site vocabulary of
`sites.csv`, each with the findings for and against it (clinical.md sections 3, 4, 8, 10):

1. the exam is normalised (`findings`): absent and `NT` are not tested, never normal;
2. no abnormal examination finding: `non_radicular` when enough was examined (and no
   cauda-equina red flag is present), otherwise no hypothesis at all; red-flag answers alone
   never localise (they are assessed by `red_flags`);
3. every candidate site and side (`candidates`) is scored by its fit (`fit`, `patterns`);
   upper motor neuron evidence counts against every lower motor neuron site, so cord and brain
   hypotheses overtake a peripheral one that stays listed with the UMN sign against it;
4. a pair of sites replaces the best single one when it explains much more (`two_lesions`);
5. the result is `indeterminate` when a rival is not separated from the leader (its misfit,
   1 - score, is under `SEPARATION_RATIO` times the leader's); `next_tests` then name the
   unexamined findings that separate them (`discriminators`), and `not_tested` lists the
   unexamined discriminators of the leading three.

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
from app.rules.fit import Fit, fit_site, site_phrase
from app.rules.patterns import apply_patterns
from app.rules.profiles import ProfileIndex, profile_index
from app.rules.two_lesions import Pair, best_pair

MAX_HYPOTHESES = 6
# The leader is separated from a rival when the rival's misfit (1 - score) is at least this many
# times the leader's: scores crowd towards 1 when much is explained, so a ratio, not a gap.
SEPARATION_RATIO = 1.3
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
    total = findings.total_mass

    fits = [_fit(c, findings, kb, index, explain=False) for c in candidates(findings, index)]
    fits = [f for f in fits if f.explained > 0]
    fits += [_fit(c, findings, kb, index, explain=False) for c in bilateral_variants(fits, index)]
    ranked = sorted(_without_side_ties(fits), key=_rank_key)
    if not ranked:
        return NO_LOCALISATION
    pair = best_pair([f for f in ranked if not _bilateral_variant(f, index)], total,
                     ranked[0].score)
    shown = _shown(ranked, pair)

    detailed = {(f.site, f.side): _fit(Candidate(index.profiles[f.site], f.scope, f.side),
                                       findings, kb, index, explain=True) for f in shown}
    hypotheses = [_hypothesis(detailed[(f.site, f.side)], pair) for f in shown]

    leader = pair.score if pair else ranked[0].score
    rivals = [f for f in shown[1:] if pair is None or f not in (pair.first, pair.second)]
    close = [f for f in rivals if not _separated(leader, f.score)][:MAX_RIVALS]
    indeterminate = bool(close)
    top = detailed[(shown[0].site, shown[0].side)]
    group = [top, *(detailed[(f.site, f.side)] for f in close)]
    tests = next_tests(group, findings, index, kb) if indeterminate else ()
    leading = [detailed[(f.site, f.side)] for f in shown[:3]]
    return Localisation(hypotheses=tuple(hypotheses), indeterminate=indeterminate,
                        next_tests=tests, not_tested=not_tested(leading, findings, index, kb))


def hypothesis_label(site_label: str, side: str) -> str:
    """"Left L5 nerve root", "Cauda equina syndrome (bilateral)", "No neurological deficit"."""
    if side in ("left", "right"):
        return f"{side.capitalize()} {site_label}"
    text = site_label[:1].upper() + site_label[1:]
    return f"{text} (bilateral)" if side == "bilateral" else text


def _fit(candidate: Candidate, findings: Findings, kb: KnowledgeBase, index: ProfileIndex,
         explain: bool) -> Fit:
    profile = candidate.profile
    label = hypothesis_label(kb.sites[profile.site].label, candidate.side)
    fit = fit_site(profile, candidate.scope, candidate.side, label, findings, kb, index, explain)
    apply_patterns(fit, profile, findings, kb, index, explain)
    return fit


def _separated(leader: float, rival: float) -> bool:
    return (1.0 - rival) >= SEPARATION_RATIO * (1.0 - leader)


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


def _shown(ranked: list[Fit], pair: Pair | None) -> list[Fit]:
    if pair is None:
        return ranked[:MAX_HYPOTHESES]
    rest = [f for f in ranked if f is not pair.first and f is not pair.second]
    return [pair.first, pair.second, *rest[:MAX_HYPOTHESES - 2]]


def _hypothesis(fit: Fit, pair: Pair | None) -> Hypothesis:
    supporting = list(fit.evidence_for)
    score = fit.score
    if pair is not None and (fit.site, fit.side) in ((pair.first.site, pair.first.side),
                                                     (pair.second.site, pair.second.side)):
        partner = pair.second if fit.site == pair.first.site and fit.side == pair.first.side \
            else pair.first
        score = pair.score
        only_partner = sorted(set(partner.explained_by) - set(fit.explained_by))
        supporting.insert(0, Evidence(
            only_partner[0] if only_partner else next(iter(partner.explained_by), ""),
            f"Two lesions: together with {site_phrase(partner.label)} this explains findings "
            "that neither explains alone (double crush or a second lesion; about a third of "
            "foot-drop patients have one).", "loc.two_lesions", "yap_foot_drop"))
    return Hypothesis(site=fit.site, side=fit.side, score=score, label=fit.label,
                      supporting=tuple(supporting), against=tuple(fit.evidence_against))


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
