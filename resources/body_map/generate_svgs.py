"""Draws front.svg and back.svg beside it (run: python resources/body_map/generate_svgs.py).

The figure is described once, for one half of the body, in "half coordinates": x is the distance
from the midline towards the patient's side (lateral), y runs down the page. Each body part is a
*sheet* that maps two parameters (along, across) to the page:

- the trunk and head: along = y, across = s in [0, 1] from the midline strip to the lateral edge;
- limbs, hands, fingers, feet and toes are *tubes*: an axis x(y) with a half-width w(y);
  along = y of the axis point, across = u in [-1, 1] from medial (-1) to lateral (+1).

A region is a patch of a sheet: across in [b0, b1], along between two piecewise-linear functions
of `across`, so neighbouring regions share their borders exactly. Each half is then mirrored to
the page: on the front view the patient's right is on the viewer's left, on the back view on the
viewer's right. Only stdlib; the output uses paths, ellipses and text, nothing else.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT, MIDLINE_X = 460, 900, 230.0
STEP = 3.0  # page units between samples along curved edges

Point = tuple[float, float]
Piecewise = Sequence[tuple[float, float]]  # (across, along) breakpoints; equal `across` = a step


def smooth(keys: Sequence[tuple[float, float]]) -> Callable[[float], float]:
    """A smooth function through (y, value) keys: smoothstep between neighbouring keys."""

    def value(y: float) -> float:
        if y <= keys[0][0]:
            return keys[0][1]
        for (y0, v0), (y1, v1) in itertools.pairwise(keys):
            if y <= y1:
                t = (y - y0) / (y1 - y0)
                t = t * t * (3 - 2 * t)
                return v0 + (v1 - v0) * t
        return keys[-1][1]

    return value


def piecewise(points: Piecewise, b: float) -> float:
    """Value at `b` of a piecewise-linear function given as (b, value) breakpoints."""
    if b <= points[0][0]:
        return points[0][1]
    for (b0, v0), (b1, v1) in itertools.pairwise(points):
        if b <= b1:
            return v0 if b1 == b0 else v0 + (v1 - v0) * (b - b0) / (b1 - b0)
    return points[-1][1]


def constant(value: float, b0: float, b1: float) -> Piecewise:
    return ((b0, value), (b1, value))


@dataclass(frozen=True)
class Sheet:
    """A part of the body: `point(along, across)` in half coordinates.

    `round_samples`: extra `along` values inside rounded ends, evenly spaced by angle, so a
    fingertip is drawn round rather than pointed.
    """

    point: Callable[[float, float], Point]
    round_samples: tuple[float, ...] = ()

    def samples(self, a0: float, a1: float) -> list[float]:
        """`along` values from a0 to a1 (in that order) for drawing a side."""
        n = max(1, int(abs(a1 - a0) / STEP))
        low, high = min(a0, a1), max(a0, a1)
        values = {a0 + (a1 - a0) * i / n for i in range(n + 1)}
        values |= {a for a in self.round_samples if low < a < high}
        return sorted(values, reverse=a1 < a0)


def band_sheet(edge: Callable[[float], float], midline_half_width: float) -> Sheet:
    """Trunk or head: across = s from the midline strip (0) to the lateral edge `edge(y)` (1)."""
    return Sheet(lambda y, s: (midline_half_width + s * (edge(y) - midline_half_width), y))


def trunk_sheet(edge_keys: Sequence[tuple[float, float]], midline_half_width: float) -> Sheet:
    return band_sheet(smooth(edge_keys), midline_half_width)


def clamped_sheet(edge_keys: Sequence[tuple[float, float]], midline_half_width: float) -> Sheet:
    """The trunk with across = x itself, clamped to the trunk: straight borders at a fixed
    distance from the spine (a fraction of the width would bend where the trunk widens)."""
    edge = smooth(edge_keys)
    return Sheet(lambda y, x: (min(max(x, midline_half_width), edge(y)), y))


def strip_sheet(half_width: float) -> Sheet:
    """The midline strip: across in [-1, 1] spans both sides."""
    return Sheet(lambda y, s: (s * half_width, y))


def tube(axis_keys: Sequence[tuple[float, float]], width_keys: Sequence[tuple[float, float]],
         rounded_end: float | None = None, rounded_start: float | None = None) -> Sheet:
    """A limb segment; `rounded_end`/`rounded_start` (a y) close it with a half-ellipse."""
    axis_x = smooth(axis_keys)
    half_width = smooth(width_keys)

    def width(y: float) -> float:
        w = half_width(y)
        depth = 0.0
        if rounded_end is not None and y > rounded_end - w:
            depth = min(1.0, (y - (rounded_end - w)) / w)
        if rounded_start is not None and y < rounded_start + w:
            depth = min(1.0, (rounded_start + w - y) / w)
        return w * math.sqrt(max(0.0, 1 - depth * depth))

    def point(y: float, u: float) -> Point:
        slope = (axis_x(y + 0.5) - axis_x(y - 0.5))
        norm = math.hypot(1.0, slope)
        nx, ny = 1.0 / norm, -slope / norm  # perpendicular to the axis, pointing lateral
        w = width(y)
        return (axis_x(y) + u * w * nx, y + u * w * ny)

    angles = [math.pi / 2 * i / 12 for i in range(12)]
    rounds = []
    if rounded_end is not None:
        w = half_width(rounded_end)
        rounds += [rounded_end - w * math.cos(t) for t in angles]
    if rounded_start is not None:
        w = half_width(rounded_start)
        rounds += [rounded_start + w * math.cos(t) for t in angles]
    return Sheet(point, tuple(rounds))


def straight_tube(base: Point, tip: Point, half_width: float, taper: float = 0.85) -> Sheet:
    """A finger or toe from `base` to `tip` (tip below base), rounded at the tip."""
    (x0, y0), (x1, y1) = base, tip
    return tube(((y0, x0), (y1, x1)), ((y0, half_width), (y1, half_width * taper)),
                rounded_end=y1)


@dataclass(frozen=True)
class Patch:
    sheet: Sheet
    b0: float
    b1: float
    lo: Piecewise
    hi: Piecewise

    def outline(self) -> list[Point]:
        """The closed outline: low edge b0->b1, side b1, high edge b1->b0, side b0."""
        return [*self._edge(self.lo, forward=True), *self._side(self.b1, down=True),
                *self._edge(self.hi, forward=False), *self._side(self.b0, down=False)]

    def _vertices(self, function: Piecewise) -> list[tuple[float, float]]:
        """(across, along) corners of an edge from b0 to b1, keeping steps as two corners."""
        inside = [(b, a) for b, a in function if self.b0 < b < self.b1]
        start = [a for b, a in function if b == self.b0]
        end = [a for b, a in function if b == self.b1]
        return [(self.b0, start[-1] if start else piecewise(function, self.b0)), *inside,
                (self.b1, end[0] if end else piecewise(function, self.b1))]

    def _edge(self, function: Piecewise, forward: bool) -> list[Point]:
        corners = self._vertices(function)
        points = [self.sheet.point(corners[0][1], corners[0][0])]
        for (b0, a0), (b1, a1) in itertools.pairwise(corners):
            (xa, ya), (xb, yb) = self.sheet.point(a0, b0), self.sheet.point(a1, b1)
            n = max(1, int(math.hypot(xb - xa, yb - ya) / STEP))
            points += [self.sheet.point(a0 + (a1 - a0) * i / n, b0 + (b1 - b0) * i / n)
                       for i in range(1, n + 1)]
        return points if forward else points[::-1]

    def _side(self, b: float, down: bool) -> list[Point]:
        pick = 0 if b == self.b1 else -1
        a0, a1 = (self._vertices(f)[pick][1] for f in (self.lo, self.hi))
        side = [self.sheet.point(a, b) for a in self.sheet.samples(a0, a1)[1:-1]]
        return side if down else side[::-1]


def patch(sheet: Sheet, b0: float, b1: float, lo: float | Piecewise,
          hi: float | Piecewise) -> Patch:
    lo = constant(lo, b0, b1) if isinstance(lo, (int, float)) else lo
    hi = constant(hi, b0, b1) if isinstance(hi, (int, float)) else hi
    return Patch(sheet, b0, b1, lo, hi)


@dataclass(frozen=True)
class Region:
    """One SVG element: `name` is the region ID (+ optional `.part`); sided or midline."""

    name: str
    patches: tuple[Patch, ...]
    midline: bool = False


@dataclass(frozen=True)
class Part:
    """A drawn body part: its regions, then its silhouette lines (open polylines).

    `sides`: both long sides of these patches are stroked; `lateral`: only the lateral one
    (the trunk, whose other side is the midline strip); `tips`: down one side, round the tip
    and back up the other (fingers, toes, heels).
    """

    title: str
    regions: tuple[Region, ...]
    sides: tuple[Patch, ...] = ()
    lateral: tuple[Patch, ...] = ()
    tips: tuple[Patch, ...] = ()


def region(name: str, *patches: Patch) -> Region:
    return Region(name, patches)


def midline(name: str, *patches: Patch) -> Region:
    return Region(name, patches, midline=True)


# ---------------------------------------------------------------- shared half-body geometry
MID_FRONT = 6.0
MID_BACK = 6.0

TRUNK_EDGE = (
    (92, 13), (118, 15), (127, 21), (134, 38), (143, 56), (152, 70), (161, 80), (169, 84),
    (186, 72), (204, 56), (230, 55), (268, 50), (300, 46), (330, 50), (362, 59), (392, 64),
    (410, 64), (450, 60),
)
HEAD_CENTRE_Y, HEAD_RX, HEAD_RY = 62.0, 33.5, 45.0


def head_edge(y: float) -> float:
    return HEAD_RX * math.sqrt(max(0.0, 1 - ((y - HEAD_CENTRE_Y) / HEAD_RY) ** 2))

LEG = tube(((385, 34), (500, 31), (605, 27), (700, 25), (800, 25)),
           ((385, 31.5), (410, 31), (450, 28), (525, 22.5), (580, 17.5), (603, 18),
            (625, 16), (655, 16.8), (700, 13.5), (760, 9.8), (800, 9.5)))
ARM = tube(((160, 68), (230, 78), (300, 91), (360, 101), (426, 111)),
           ((160, 15.5), (185, 15.5), (220, 13.2), (270, 12.2), (300, 11.6), (325, 12.6),
            (350, 11.8), (395, 9.2), (426, 8.2)))
PALM = tube(((420, 111), (445, 113), (472, 115)), ((420, 8.8), (440, 12.4), (472, 13.8)))
THUMB_TIP = (134.0, 476.0)
THUMB = straight_tube((120.0, 436.0), THUMB_TIP, 4.6)
FINGER_TIPS = {  # name -> (base x, tip x, tip y, half width)
    "index_finger": (124.5, 127.5, 503.0, 3.3),
    "middle_finger": (117.5, 118.5, 509.0, 3.4),
    "ring_finger": (110.5, 110.0, 505.0, 3.2),
    "little_finger": (103.8, 101.5, 495.0, 2.9),
}
FINGER_BASE_Y = 468.0
FINGER_ROOT_Y = 471.0  # where a finger leaves the palm (the palm's edge is at 472 +- 1)


def tip(name: str) -> float:
    return FINGER_TIPS[name][2]


def finger(name: str) -> Sheet:
    base_x, tip_x, tip_y, w = FINGER_TIPS[name]
    return straight_tube((base_x, FINGER_BASE_Y), (tip_x, tip_y), w)


def crease(u_lo_y: float, u_hi_y: float) -> Piecewise:
    """An oblique border across a tube from u=-1 (y0) to u=+1 (y1)."""
    return ((-1.0, u_lo_y), (1.0, u_hi_y))


def full(sheet: Sheet, lo: float | Piecewise, hi: float | Piecewise) -> Patch:
    return patch(sheet, -1.0, 1.0, lo, hi)


def hand_parts(front: bool) -> list[Part]:
    fingers = {name: finger(name) for name in FINGER_TIPS}
    digit_regions = []
    for name in ("index_finger", "middle_finger", "little_finger"):
        digit_regions.append(region(name, full(fingers[name], FINGER_ROOT_Y, tip(name))))
    ring, ring_tip = fingers["ring_finger"], tip("ring_finger")
    digit_regions.append(region("ring_finger_ulnar", patch(ring, -1, 0, FINGER_ROOT_Y, ring_tip)))
    digit_regions.append(region("ring_finger_radial", patch(ring, 0, 1, FINGER_ROOT_Y, ring_tip)))
    digits = Part("fingers", tuple(digit_regions),
                  tips=tuple(full(f, FINGER_BASE_Y + 2, tip(n)) for n, f in fingers.items()))
    thumb = Part("thumb", (region("thumb", full(THUMB, 447.0, THUMB_TIP[1])),),
                 tips=(patch(THUMB, -1, 1, crease(458, 447), THUMB_TIP[1]),))
    if front:
        palm_regions = (
            region("palm_medial", patch(PALM, -1, 0, 419, 472)),
            region("thenar", patch(PALM, 0.2, 1, 419, 452)),
            region("palm_lateral", patch(PALM, 0, 1, ((0, 419), (0.2, 419), (0.2, 452),
                                                      (1, 452)), 472)),
        )
    else:
        palm_regions = (
            region("dorsum_hand_ulnar", patch(PALM, -1, 0, 419, 472)),
            region("dorsum_hand_radial", patch(PALM, 0, 1, 419,
                                               ((0, 472), (0.4, 472), (0.4, 446), (1, 446)))),
            region("hand_first_web_space", patch(PALM, 0.4, 1, 446, 472)),
        )
    hand = Part("hand", palm_regions, sides=(full(PALM, 421, 472),))
    return [digits, hand, thumb]


ARM_TOP = crease(184, 168)  # lower at the axillary fold than at the top of the deltoid


def arm_part(front: bool) -> Part:
    if front:
        regions = (
            region("medial_upper_arm", patch(ARM, -1, 0, ARM_TOP, 282)),
            region("lateral_upper_arm", patch(ARM, 0, 1, ARM_TOP, 282)),
            region("medial_elbow", patch(ARM, -1, 0, 282, 320)),
            region("lateral_elbow", patch(ARM, 0, 1, 282, 320)),
            region("medial_forearm", patch(ARM, -1, 0, 320, 424)),
            region("lateral_forearm", patch(ARM, 0, 1, 320, 424)),
        )
    else:
        regions = (
            region("posterior_upper_arm", full(ARM, ARM_TOP, 305)),
            region("posterior_forearm", full(ARM, 305, 424)),
        )
    return Part("arm", regions, sides=(full(ARM, ARM_TOP, 424),))


TOES = (  # (base x, tip x, tip y, half width) along the front of the foot
    (16.5, 15.0, 856.0, 5.0), (25.5, 25.5, 854.0, 3.7), (32.5, 33.5, 851.5, 3.4),
    (39.0, 40.5, 848.5, 3.2), (45.5, 48.0, 846.5, 3.1),
)
TOE_BASE_Y = 836.0
FOOT = tube(((786, 25), (812, 28), (838, 31)), ((786, 10), (800, 13), (820, 17.5), (838, 19.5)))


def toe(index: int) -> Sheet:
    base_x, tip_x, tip_y, w = TOES[index]
    return straight_tube((base_x, TOE_BASE_Y), (tip_x, tip_y), w)


def toe_patch(index: int, base: float = TOE_BASE_Y) -> Patch:
    return full(toe(index), base, TOES[index][2])


def front_leg_parts() -> list[Part]:
    toes = Part("toes", (
        region("great_toe", toe_patch(0)),
        region("lesser_toes", *(toe_patch(i) for i in (1, 2, 3))),
    ), tips=tuple(toe_patch(i, TOE_BASE_Y + 3) for i in range(5)))
    foot = Part("foot", (
        region("medial_foot", patch(FOOT, -1, -0.55, 786, 840)),
        region("dorsum_foot", patch(FOOT, -0.55, 0.6, 786,
                                    ((-0.55, 826), (-0.15, 826), (-0.15, 840), (0.6, 840)))),
        region("first_web_space", patch(FOOT, -0.55, -0.15, 826, 840)),
        region("lateral_foot", patch(FOOT, 0.6, 1, 786, 840), toe_patch(4)),
    ), sides=(full(FOOT, 788, 838),))
    thigh_top = crease(431, 394)
    lateral_leg_lo = ((0, 632), (0.55, 632), (0.55, 578), (1, 578))
    leg = Part("leg", (
        region("medial_thigh", patch(LEG, -1, -0.45, thigh_top, 578)),
        region("anterior_thigh", patch(LEG, -0.45, 0.45, thigh_top, 578)),
        region("lateral_thigh", patch(LEG, 0.45, 1, thigh_top, 578)),
        region("medial_knee", patch(LEG, -1, -0.35, 578, 632)),
        region("anterior_knee", patch(LEG, -0.35, 0.55, 578, 632)),
        region("medial_leg", patch(LEG, -1, 0, 632, 766)),
        region("lateral_leg", patch(LEG, 0, 1, lateral_leg_lo, 766)),
        region("medial_ankle", patch(LEG, -1, 0, 766, 792)),
        region("lateral_ankle", patch(LEG, 0, 1, 766, 792)),
    ), sides=(full(LEG, 398, 790),))
    return [foot, toes, leg]


HEEL = tube(((784, 25), (832, 25)), ((784, 10.5), (800, 11.5), (832, 12.5)), rounded_end=834)
SOLE_X = 150.0
SOLE = tube(((652, SOLE_X - 2), (700, SOLE_X + 3), (740, SOLE_X)),
            ((640, 13), (660, 15), (690, 12), (722, 19.5), (744, 20)), rounded_start=628)
SOLE_TOES = (  # plantar toes, kneeling view: heel at the top, toes at the bottom, medial inward
    (SOLE_X - 13.0, SOLE_X - 15.0, 764.0, 6.0), (SOLE_X - 3.0, SOLE_X - 3.5, 760.0, 4.2),
    (SOLE_X + 5.0, SOLE_X + 5.5, 757.0, 3.9), (SOLE_X + 12.0, SOLE_X + 13.0, 754.0, 3.6),
    (SOLE_X + 18.0, SOLE_X + 20.0, 750.0, 3.2),
)
SOLE_TOE_BASE_Y = 740.0


def back_leg_parts() -> list[Part]:
    leg = Part("leg", (
        region("posterior_thigh", full(LEG, crease(440, 410), 586)),
        region("popliteal_fossa", full(LEG, 586, 630)),
        region("posterior_calf", full(LEG, 630, 792)),
    ), sides=(full(LEG, 420, 790),))
    heel = Part("heel", (region("heel", full(HEEL, 786, 834)),),
                tips=(full(HEEL, 788, 834),))
    sole_toes = [full(straight_tube((bx, SOLE_TOE_BASE_Y), (tx, ty), w), SOLE_TOE_BASE_Y, ty)
                 for bx, tx, ty, w in SOLE_TOES]
    sole_top = 628.0
    sole = Part("sole (inset)", (
        region("heel.plantar", patch(SOLE, -1, 1, ((-1, sole_top), (1, sole_top)), 668)),
        region("sole_medial", patch(SOLE, -1, 0.25, 668, 742),
               *sole_toes[:3]),
        region("sole_lateral", patch(SOLE, 0.25, 1, 668, 742),
               *sole_toes[3:]),
    ), sides=(full(SOLE, sole_top, 742),), tips=tuple(sole_toes))
    return [leg, heel, sole]


HEAD = band_sheet(head_edge, MID_BACK)
HEAD_STRIP = strip_sheet(MID_BACK)


def front_trunk_part() -> Part:
    trunk = trunk_sheet(TRUNK_EDGE, MID_FRONT)
    strip = strip_sheet(MID_FRONT)
    bottom = ((0, 432), (1, 398))
    return Part("trunk", (
        region("neck", patch(trunk, 0, 1, 92, 128)),
        region("shoulder_top", patch(trunk, 0.3, 1, 128, 160)),
        region("chest", patch(trunk, 0, 1, ((0, 128), (0.3, 128), (0.3, 160), (1, 160)),
                              ((0, 268), (0.72, 252), (0.72, 206), (1, 198)))),
        region("axilla", patch(trunk, 0.72, 1, ((0.72, 206), (1, 198)),
                               ((0.72, 252), (1, 244)))),
        region("abdomen", patch(trunk, 0, 1, ((0, 268), (0.72, 252), (0.72, 252), (1, 244)),
                                ((0, 400), (0.75, 360), (0.75, 342), (1, 342)))),
        region("groin", patch(trunk, 0, 0.75, ((0, 400), (0.75, 360)), bottom)),
        region("hip_lateral", patch(trunk, 0.75, 1, 342, bottom)),
        midline("neck", patch(strip, -1, 1, 92, 128)),
        midline("chest", patch(strip, -1, 1, 128, 268)),
        midline("abdomen", patch(strip, -1, 1, 268, ((-1, 432), (1, 432)))),
    ), lateral=(patch(trunk, 0, 1, 92, bottom),))


def back_trunk_part() -> Part:
    trunk = trunk_sheet(TRUNK_EDGE, MID_BACK)
    by_x = clamped_sheet(TRUNK_EDGE, MID_BACK)
    strip = strip_sheet(MID_BACK)
    fold = ((0, 452), (0.2, 448), (1, 416))
    spine_band = 26.0  # x of the border between the interscapular band and the scapula
    return Part("trunk", (
        region("neck", patch(trunk, 0, 1, 100, 128)),
        region("shoulder_top", patch(by_x, spine_band, 90, 128, 160)),
        region("upper_back", patch(by_x, MID_BACK, spine_band, 128, 236)),
        region("scapula", patch(by_x, spine_band, 90, 160, 236)),
        region("mid_back", patch(trunk, 0, 1, 236, 306)),
        region("low_back", patch(trunk, 0, 1, 306, 362)),
        region("sacroiliac", patch(trunk, 0, 0.45, 362, 394)),
        region("buttock", patch(trunk, 0.2, 1, ((0.2, 394), (0.45, 394), (0.45, 362), (1, 362)),
                                ((0.2, 448), (1, 416)))),
        region("saddle", patch(trunk, 0, 0.2, 394, ((0, 452), (0.2, 448)))),
        midline("neck", patch(strip, -1, 1, 100, 128)),
        midline("upper_back", patch(strip, -1, 1, 128, 236)),
        midline("mid_back", patch(strip, -1, 1, 236, 306)),
        midline("low_back", patch(strip, -1, 1, 306, 394)),
        midline("saddle", patch(strip, -1, 1, 394, 456)),
    ), lateral=(patch(trunk, 0, 1, 92, fold),))


def head_part(front: bool) -> Part:
    if front:
        return Part("head", ())
    return Part("head", (
        region("occiput", patch(HEAD, 0, 1, 70, 104)),
        midline("occiput", patch(HEAD_STRIP, -1, 1, 70, 104)),
    ))


def view_parts(front: bool) -> list[Part]:
    legs = front_leg_parts() if front else back_leg_parts()
    trunk = front_trunk_part() if front else back_trunk_part()
    return [*legs, trunk, head_part(front), arm_part(front), *hand_parts(front)]


# ---------------------------------------------------------------- writing the SVG
STYLE = """
    .region { fill: #fbf8f4; stroke: #a9a39c; stroke-width: 0.6; stroke-linejoin: round; }
    .outline { fill: none; stroke: #3b3733; stroke-width: 1.3; stroke-linejoin: round;
               stroke-linecap: round; }
    .detail { fill: none; stroke: #7d766f; stroke-width: 0.9; }
    .head { fill: #fbf8f4; stroke: #3b3733; stroke-width: 1.3; }
    .side { font-family: Helvetica, Arial, sans-serif; font-size: 17px; font-weight: bold;
            fill: #222222; text-anchor: middle; }
    .note { font-family: Helvetica, Arial, sans-serif; font-size: 10px; fill: #555555;
            text-anchor: middle; }
    .title { font-family: Helvetica, Arial, sans-serif; font-size: 15px; font-weight: bold;
             fill: #222222; text-anchor: middle; }
    .frame { fill: none; stroke: #9a948d; stroke-width: 0.8; stroke-dasharray: 4 3; }
"""


def page_x(x: float, patient_side: str, front: bool) -> float:
    """Half coordinates -> page: front shows the patient's right on the viewer's left."""
    towards_viewer_left = (patient_side == "right") == front
    return MIDLINE_X - x if towards_viewer_left else MIDLINE_X + x


def fmt(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def path_data(polygons: Sequence[Sequence[Point]]) -> str:
    return " ".join(
        "M" + " L".join(f"{fmt(x)},{fmt(y)}" for x, y in polygon) + " Z" for polygon in polygons
    )


def open_path(points: Sequence[Point]) -> str:
    return "M" + " L".join(f"{fmt(x)},{fmt(y)}" for x, y in points)


def mirrored(points: Sequence[Point], side: str, front: bool) -> list[Point]:
    return [(page_x(x, side, front), y) for x, y in points]


def side_lines(p: Patch) -> list[list[Point]]:
    """The two long sides of a patch, at across = b0 and b1."""
    return [[p.sheet.point(a, b) for a in p.sheet.samples(piecewise(p.lo, b), piecewise(p.hi, b))]
            for b in (p.b0, p.b1)]


def render_part(part: Part, front: bool, lines: list[str]) -> None:
    lines.append(f"  <!-- {part.title} -->")
    for side in ("right", "left"):
        for r in part.regions:
            if r.midline:
                continue
            polygons = [mirrored(p.outline(), side, front) for p in r.patches]
            lines.append(f'  <path id="{side}.{r.name}" class="region" d="{path_data(polygons)}"/>')
    for r in part.regions:
        if r.midline:
            polygons = [[(MIDLINE_X + x, y) for x, y in p.outline()] for p in r.patches]
            lines.append(f'  <path id="midline.{r.name}" class="region" '
                         f'd="{path_data(polygons)}"/>')
    for side in ("right", "left"):
        edges = [*(e for p in part.sides for e in side_lines(p)),
                 *(side_lines(p)[1] for p in part.lateral), *(tip_line(p) for p in part.tips)]
        for edge in edges:
            lines.append(f'  <path class="outline" d="{open_path(mirrored(edge, side, front))}"/>')


def tip_line(p: Patch) -> list[Point]:
    """Medial side down, round the tip, lateral side up: one stroke for a digit or the heel."""
    bottom = piecewise(p.hi, 0)
    down = [p.sheet.point(a, -1) for a in p.sheet.samples(piecewise(p.lo, -1), bottom)]
    up = [p.sheet.point(a, 1) for a in p.sheet.samples(bottom, piecewise(p.lo, 1))]
    return down + up[1:]




def head_outline(front: bool, lines: list[str]) -> None:
    cx = MIDLINE_X
    lines.append("  <!-- head -->")
    for sign in (-1, 1):
        lines.append(f'  <ellipse class="head" cx="{fmt(cx + sign * 33)}" cy="62" rx="5" ry="10"/>')
    lines.append(f'  <ellipse id="head-outline" class="head" cx="{fmt(cx)}" '
                 f'cy="{fmt(HEAD_CENTRE_Y)}" rx="{fmt(HEAD_RX)}" ry="{fmt(HEAD_RY)}"/>')
    if front:
        lines.append(f'  <path class="detail" d="M{fmt(cx - 14)},52 '
                     f'Q{fmt(cx - 9)},48 {fmt(cx - 4)},52 '
                     f'M{fmt(cx + 4)},52 Q{fmt(cx + 9)},48 {fmt(cx + 14)},52 '
                     f'M{fmt(cx)},58 L{fmt(cx - 3)},72 L{fmt(cx + 2)},73 '
                     f'M{fmt(cx - 9)},86 Q{fmt(cx)},91 {fmt(cx + 9)},86"/>')
    else:
        lines.append(f'  <path class="detail" '
                     f'd="M{fmt(cx - 28)},44 Q{fmt(cx)},30 {fmt(cx + 28)},44"/>')


def details(front: bool, lines: list[str]) -> None:
    cx = MIDLINE_X
    if front:
        lines.append(f'  <ellipse class="detail" cx="{fmt(cx)}" cy="322" rx="2.2" ry="3"/>')
    for side in ("right", "left"):
        if front:
            x = page_x(30, side, front)
            lines.append(f'  <ellipse class="detail" cx="{fmt(x)}" cy="602" rx="7" ry="9"/>')


def labels(front: bool, lines: list[str]) -> None:
    for side in ("right", "left"):
        x = page_x(150, side, front)
        lines.append(f'  <text class="note" x="{fmt(x)}" y="30">patient\'s</text>')
        lines.append(f'  <text class="side" x="{fmt(x)}" y="48">{side.upper()}</text>')
    title = "FRONT" if front else "BACK"
    lines.append(f'  <text class="title" x="{fmt(MIDLINE_X)}" y="888">{title}</text>')
    if not front:
        for side in ("right", "left"):
            x = page_x(SOLE_X + 3, side, front)
            lines.append(f'  <rect class="frame" x="{fmt(x - 36)}" y="600" width="72" '
                         f'height="180" rx="6"/>')
            lines.append(f'  <text class="note" x="{fmt(x)}" y="614">{side.upper()} sole</text>')
            lines.append(f'  <text class="note" x="{fmt(x)}" y="795">(kneeling)</text>')


def render(front: bool) -> str:
    view = "front" if front else "back"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" data-view="{view}" data-midline-x="{fmt(MIDLINE_X)}">',
        f"  <title>NerveChart body map, {view} view</title>",
        "  <!-- Generated by generate_svgs.py; region ids are <side>.<region>[.<part>]. -->",
        f"  <style>{STYLE}  </style>",
    ]
    parts = view_parts(front)
    head_index = next(i for i, p in enumerate(parts) if p.title == "head")
    for index, part in enumerate(parts):
        if index == head_index:
            head_outline(front, lines)
        render_part(part, front, lines)
    details(front, lines)
    labels(front, lines)
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def main() -> None:
    folder = Path(__file__).resolve().parent
    for front, name in ((True, "front.svg"), (False, "back.svg")):
        (folder / name).write_text(render(front), encoding="utf-8")


if __name__ == "__main__":
    main()
