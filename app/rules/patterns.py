"""Pattern rules: support that comes from the shape of the findings, not from one finding.

- cauda equina vs conus (clinical.md 4.7, Medscape Table 1): an asymmetric lower-limb deficit
  and radicular leg pain favour the cauda equina; a symmetric deficit, with knee jerks
  preserved while ankle jerks are lost, favours the conus;
- polyneuropathy (clinical.md 3.1, 8.12): the same distal regions numb on both sides, and
  bilateral ankle-jerk loss in an older patient ("consider polyneuropathy");
- cord level (clinical.md 3.2, 4.1): cervical myelopathy and a brain lesion should touch the
  arm; with UMN signs confined to the legs and normal arms the thoracic cord fits better;
- age (8.12): wherever an age-dependent reflex was set aside as non-localising, every
  hypothesis that would have used it says so (`loc.reflex.age_non_localising`, no weight).
"""

from __future__ import annotations

from math import fsum

from app.domain.interpretation import Evidence
from app.domain.knowledge import KnowledgeBase
from app.domain.vocabulary import LIMB_SIDES
from app.rules.findings import Findings
from app.rules.fit import Fit
from app.rules.profiles import Profile, ProfileIndex

PATTERN_SUPPORT = 0.5
_ASYMMETRY = 0.25  # |left - right| / (left + right) above this is asymmetric


def apply_patterns(fit: Fit, profile: Profile, findings: Findings, kb: KnowledgeBase,
                   index: ProfileIndex) -> None:
    """Add the pattern evidence that applies to `fit` (module docstring); it applies to few
    candidates, so its sentences are written whether or not the hypothesis is shown."""
    if profile.kind in ("cauda_equina", "conus"):
        _sacral_patterns(fit, profile, findings, kb, index)
    if profile.kind == "polyneuropathy":
        _polyneuropathy_patterns(fit, findings, kb, index)
    if profile.site == "myelopathy:cervical" or profile.kind == "central":
        _needs_arm_involvement(fit, profile, findings, kb, index)


def _leg_mass(findings: Findings, index: ProfileIndex, side: str) -> tuple[float, str]:
    """Total lower-limb deficit on `side`, and the path of its largest finding."""
    items = [(mass, f"strength.{s}.{m}") for (s, m), mass in findings.weak.items()
             if s == side and index.muscle_limb[m] == "lower"]
    items += [(mass, f"reflexes.{s}.{r}") for (s, r), mass in findings.reduced.items()
              if s == side and index.reflex_limb[r] == "lower"]
    items += [(mass, f"symptoms.{s}.{r}") for (s, r), mass in findings.deficits.items()
              if s == side and index.region_limb[r] == "lower"]
    if not items:
        return 0.0, ""
    return fsum(m for m, _ in items), max(items)[1]


def _sacral_patterns(fit: Fit, profile: Profile, findings: Findings, kb: KnowledgeBase,
                     index: ProfileIndex) -> None:
    source = kb.sites[profile.site].source
    (left, left_path), (right, right_path) = (_leg_mass(findings, index, s) for s in LIMB_SIDES)
    asymmetric = bool(left + right) and abs(left - right) / (left + right) > _ASYMMETRY
    if left + right:
        heavier = left_path if left >= right else right_path
        if asymmetric and profile.kind == "cauda_equina":
            fit.add_support(heavier, PATTERN_SUPPORT, Evidence(
                heavier, "The leg deficit is asymmetric, as is usual in cauda equina syndrome "
                "(conus lesions are symmetric).", "loc.cauda_equina.asymmetric",
                source))
        leg_pain = sorted(f"symptoms.{s}.{r}" for s, r in findings.pain
                          if s in LIMB_SIDES and index.region_limb[r] == "lower")
        if leg_pain and profile.kind == "cauda_equina":
            fit.add_support(leg_pain[0], PATTERN_SUPPORT, Evidence(
                leg_pain[0], "Radicular leg pain, usually more severe in cauda equina syndrome "
                "than in a conus lesion.", "loc.cauda_equina.radicular_pain",
                source))
        if not asymmetric and profile.kind == "conus":
            fit.add_support(heavier, PATTERN_SUPPORT, Evidence(
                heavier, "The leg deficit is symmetric, as in a conus medullaris lesion.",
                "loc.conus.symmetric", source))
    if profile.kind == "conus":
        spared = [r for r, limb in index.reflex_limb.items()
                  if limb == "lower" and r not in profile.reflexes]
        knees_kept = bool(spared) and all((s, r) in findings.normal_reflexes
                                          for s in LIMB_SIDES for r in spared)
        ankles_lost = any(profile.reflexes.get(r, 0.0) >= 1.0 for _, r in findings.reduced)
        if knees_kept and ankles_lost and not asymmetric:
            knee = f"reflexes.left.{spared[0]}"
            fit.add_support(knee, PATTERN_SUPPORT, Evidence(
                knee, "Knee jerks preserved while ankle jerks are lost: "
                "the conus pattern.", "loc.conus.knee_kept_ankle_lost",
                source))


def _needs_arm_involvement(fit: Fit, profile: Profile, findings: Findings, kb: KnowledgeBase,
                           index: ProfileIndex) -> None:
    arm = [f"strength.{s}.{m}" for s, m in findings.weak if index.muscle_limb[m] == "upper"]
    arm += [f"reflexes.{s}.{r}" for s, r in (*findings.reduced, *findings.brisk)
            if index.reflex_limb[r] == "upper"]
    arm += [f"reflexes.{s}.{u}" for s, u in findings.umn_signs if kb.umn_signs[u].limb == "upper"]
    arm += [f"symptoms.{s}.{r}" for s, r in findings.deficits if index.region_limb[r] == "upper"]
    if not any(path.split(".")[1] in fit.scope for path in arm):
        first_sign = min(path for path, *_ in findings.umn_items)
        fit.add_against(first_sign, PATTERN_SUPPORT * 2, Evidence(
            first_sign,
            "No arm finding: upper motor neuron signs confined to the legs fit a "
            f"thoracic cord lesion better than {fit.label[:1].lower() + fit.label[1:]}.",
            "loc.umn.legs_only", kb.sites[profile.site].source))


def _polyneuropathy_patterns(fit: Fit, findings: Findings, kb: KnowledgeBase,
                             index: ProfileIndex) -> None:
    source = kb.sites["polyneuropathy"].source
    distal = {side: {r for s, r in findings.deficits if s == side and r in index.distal_regions}
              for side in LIMB_SIDES}
    shared = sorted(distal["left"] & distal["right"])
    if shared:
        first = f"symptoms.left.{shared[0]}"
        fit.add_support(first, PATTERN_SUPPORT, Evidence(
            first, "Distal sensory loss in the same regions on both "
            "sides (glove-and-stocking pattern).", "loc.polyneuropathy.symmetric_distal",
            source))
    if findings.age_set_aside and shared:
        path = "reflexes.{}.{}".format(*sorted(findings.age_set_aside)[0])
        fit.add_support(path, PATTERN_SUPPORT, Evidence(
            path, f"Both ankle jerks reduced at age {findings.age} with symmetric distal "
            "sensory loss: consider polyneuropathy.", "loc.polyneuropathy.ankle_jerks_with_age",
            "vrancken2006"))


def age_notes(fit: Fit, profile: Profile, findings: Findings, kb: KnowledgeBase) -> None:
    """Say, on a hypothesis shown, which age-dependent reflexes were set aside."""
    for side, reflex_id in sorted(findings.age_set_aside):
        if side in fit.scope and reflex_id in profile.reflexes:
            reflex = kb.reflexes[reflex_id]
            fit.evidence_against.append(Evidence(
                f"reflexes.{side}.{reflex_id}",
                f"{side.capitalize()} {reflex.label} reduced, but reduced on both sides at age "
                f"{findings.age}: common in healthy people over 60, so not used for or against.",
                "loc.reflex.age_non_localising", "vrancken2006;lim2009"))
