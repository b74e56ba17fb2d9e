"""The enjoyment × skill chart of the task audit, with the loved-and-good corner shaded."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from onward.charts import Highlight, Point, ScatterChart
from onward.fit.profile import CORE_SKILL
from onward.fit.schemas import QuadrantPoint

ENJOYMENT_X = {"without": 1.0, "like": 2.0, "love": 3.0}
ENJOYMENT_WORDS = {"without": "could do without", "like": "like", "love": "love"}
SPREAD = 0.22  # skill units between duties that share a cell, so each label stays readable
# The shading starts a little right of "like" so its labels stay clear of it; the plot runs on past "love"
# so the loved duties' names fit to the right of their points.
CORE = Highlight(x=(2.75, 4.1), y=(CORE_SKILL - 0.5, 5.8), label="Core of your ideal role")


def quadrant_chart(points: Sequence[QuadrantPoint]) -> ScatterChart:
    """Return the quadrant: each rated duty by enjoyment (across) and skill (up)."""
    cells: dict[tuple[str, int], list[QuadrantPoint]] = defaultdict(list)
    for point in points:
        cells[(point.enjoyment, point.skill)].append(point)
    placed: list[Point] = []
    for (enjoyment, skill), members in cells.items():
        middle = (len(members) - 1) / 2
        for i, point in enumerate(members):
            energy = "" if point.energy is None else f", energy {point.energy:+d}".replace("+0", "0")
            note = f"{ENJOYMENT_WORDS[enjoyment]}, skill {skill}{energy}"
            placed.append(Point(ENJOYMENT_X[enjoyment], skill + (middle - i) * SPREAD, point.name, note))
    return ScatterChart(
        points=placed,
        title="What you enjoy and what you are good at",
        x_label="how you feel about the duty",
        y_label="your skill (1–5)",
        x_range=(0.6, 4.1),
        y_range=(0.5, 5.8),
        width=720,
        height=380,
        x_ticks=[(x, ENJOYMENT_WORDS[e]) for e, x in ENJOYMENT_X.items()],
        y_ticks=[(float(s), str(s)) for s in range(1, 6)],
        highlight=CORE,
    )
