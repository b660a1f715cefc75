"""Strength over time: each key muscle's MRC grade across a patient's exams (matplotlib, no Qt).

`strength_figure(exams)` returns a matplotlib `Figure` (drawn by the app through the QtAgg
canvas, by the letter as pixels via `figure_rgb`, and as SVG or PNG via `figure_svg` /
`figure_png`). The muscles shown are
`chart_muscles(exams)`: those graded below 5 in at least one exam (the ones worth following),
strongest change first, at most `MAX_LINES`. Grades are placed on the ordered MRC scale
(0 .. 4- 4 4+ .. 5), lines at the same grade drawn a hair apart; `NT` and "not examined"
leave a gap, never a point.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image as PILImage

from app.domain.exam import Exam, SideKey
from app.domain.vocabulary import MRC_GRADES, mrc_rank

MAX_LINES = 8
_NORMAL = mrc_rank("5")
# Okabe-Ito: distinguishable with colour-vision deficiency.
_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
            "#F0E442")
_DODGE = 0.06  # grade units between lines drawn at the same grade
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def strength_series(exams: Sequence[Exam], muscle: SideKey) -> list[tuple[date, int | None]]:
    """(exam date, MRC rank or None) of one muscle across the exams, oldest first."""
    ordered = sorted(exams, key=lambda exam: exam.exam_date)
    return [(exam.exam_date, _rank(exam, muscle)) for exam in ordered]


def chart_muscles(exams: Sequence[Exam]) -> list[SideKey]:
    """Muscles graded below 5 in some exam, the largest change (then weakest) first."""
    graded = {key for exam in exams for key in exam.strength}
    followed = []
    for key in graded:
        ranks = [rank for _, rank in strength_series(exams, key) if rank is not None]
        if ranks and min(ranks) < _NORMAL:
            followed.append((-(max(ranks) - min(ranks)), min(ranks), key))
    return [key for *_, key in sorted(followed)][:MAX_LINES]


def strength_figure(exams: Sequence[Exam], label_of: Callable[[str], str] | None = None,
                    muscles: Sequence[SideKey] | None = None,
                    size: tuple[float, float] = (6.4, 3.2)) -> Figure:
    """The chart as a matplotlib Figure; `label_of(muscle_id)` names a muscle for people."""
    label_of = label_of or (lambda muscle_id: muscle_id.replace("_", " "))
    shown = list(muscles) if muscles is not None else chart_muscles(exams)
    figure = Figure(figsize=size, layout="constrained")
    axes = figure.add_subplot()
    for index, key in enumerate(shown):
        side, muscle_id = key
        points = strength_series(exams, key)
        dodge = (index - (len(shown) - 1) / 2) * _DODGE  # keeps equal lines apart
        axes.plot([when for when, _ in points],
                  [float("nan") if rank is None else rank + dodge for _, rank in points],
                  color=_COLOURS[index % len(_COLOURS)], marker=_MARKERS[index % len(_MARKERS)],
                  linewidth=1.8, label=f"{side.capitalize()} {label_of(muscle_id)}")
    axes.set_yticks(range(len(MRC_GRADES)), MRC_GRADES)
    axes.set_ylim(-0.4, len(MRC_GRADES) - 0.6)
    axes.set_ylabel("MRC grade")
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    if shown:
        axes.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize="small",
                    frameon=False)
        dates = sorted({exam.exam_date for exam in exams})
        axes.set_xticks(dates, [when.strftime("%d-%b-%Y") for when in dates])
        figure.autofmt_xdate(rotation=30, ha="right")
    else:
        axes.text(0.5, 0.5, "No muscle below grade 5 in these exams", ha="center",
                  va="center", transform=axes.transAxes, color="#555555")
        axes.set_xticks([])
    axes.set_title("Strength over time", loc="left", fontsize="medium")
    return figure


def figure_rgb(figure: Figure, dpi: int = 150) -> PILImage.Image:
    """The figure drawn by Agg at `dpi`: the pixels `figure_png` saves (the figure is opaque),
    without encoding and decoding a PNG, and drawn once (saving draws it twice, once only to
    lay it out): at 200 dpi ~100 ms instead of ~250 ms."""
    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    pixels = PILImage.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    return pixels.convert("RGB")


def figure_png(figure: Figure, dpi: int = 150) -> bytes:
    return _render(figure, "png", dpi)


def figure_svg(figure: Figure) -> bytes:
    return _render(figure, "svg", 72)


def _render(figure: Figure, kind: str, dpi: int) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    with rc_context({"svg.hashsalt": "nervechart"}):  # stable element ids in the SVG
        figure.savefig(buffer, format=kind, dpi=dpi, metadata=_NO_METADATA[kind])
    return buffer.getvalue()


# No software name or date in the files, so the letter's output is reproducible.
_NO_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def _rank(exam: Exam, muscle: SideKey) -> int | None:
    grade = exam.strength.get(muscle)
    return None if grade is None else mrc_rank(grade)
