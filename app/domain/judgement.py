"""The judgement calls of clinical.md section 8 that a clinic may set, with their defaults.

Each default is the reference's proposal; docs/judgement-calls.md says why. The engine receives
a `JudgementSettings`; the app stores the clinic's choice in its settings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JudgementSettings:
    # 8.8: MRC grade at or below which weakness is "severe/major" (foot drop = DF <= 3, Lothian).
    severe_weakness_mrc: str = "3"
    # 8.5: CES symptoms newer than this many days (or of unknown onset) go to the ED now (GIRFT).
    ces_onset_window_days: int = 14
    # 8.5: Cornwall's variant also sends older, stable CES features to the ED.
    ces_older_than_window_to_ed: bool = False
    # 8.7: a motor deficit counts as "new" when its onset is this recent (or unknown, or the
    # course is worsening); an older, stable deficit does not fire the new-deficit rule.
    new_deficit_window_days: int = 14
    # 8.14: spinal pain NRS (back or neck) from which pain counts as "severe" for infection.
    severe_pain_nrs: int = 7
    # 8.13: one definite UMN sign is enough for an urgent spinal referral (the safest choice).
    single_umn_sign_is_urgent: bool = True
    # 8.13: findings whose onset is this many days before the exam or fewer appeared within about
    # a day, which counts as rapid progression (stroke or acute cord compression: EMERGENCY).
    acute_onset_days: int = 1
    # 8.12: from this age bilateral absent ankle jerks are non-localising (Vrancken 2006).
    ankle_reflex_age_threshold: int = 60
