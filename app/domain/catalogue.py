"""The IDs an exam file may use, as the knowledge tables define them.

The exam codec validates against a `Catalogue` rather than against literal lists, so adding a
region or muscle to `resources/tables` is enough for files to accept it. `KnowledgeBase`
builds the catalogue from its tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Catalogue:
    regions: frozenset[str]
    midline_regions: frozenset[str]  # regions that also accept the side "midline"
    muscles: frozenset[str]
    reflexes: frozenset[str]  # graded on the NINDS 0-4 scale
    umn_signs: Mapping[str, tuple[str, ...]]  # sign -> the values it may take
    tests: frozenset[str]
    angle_tests: frozenset[str]  # tests that may carry an angle in degrees (SLR family)
    red_flags: frozenset[str]
    cues: frozenset[str]
