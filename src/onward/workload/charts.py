"""The workload's charts as data (onward.charts), drawn the same on pages, in the JSON twins and the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from onward.charts import PALETTE, BarChart, Point, ScatterChart, Series
from onward.workload.analytics import Drift, MistakeWeek
from onward.workload.forecast import Forecast

# Seven colours for the biggest duties; the rest share the eighth as "Everything else".
MAX_DUTY_SERIES = 7
OTHER = "Everything else"
# Each duty's own colour: Okabe–Ito's seven, then five of Paul Tol's "muted" scheme (both chosen for colour-blind
# readers), so a dozen duties, across the current and past jobs, never share one.
DUTY_PALETTE = (*PALETTE[:7], "#332288", "#882255", "#999933", "#44AA99", "#AA4499")
MEETINGS_COLOUR = "#7b8794"  # neutral greys: meetings and the rest are not duties of their own
OTHER_COLOUR = "#bcc5ce"


class _Duty(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...


def colours_of_duties(duties: Iterable[_Duty]) -> dict[str, str]:
    """Return `duty_colours` of the duties given in any order (their ids say which was added first)."""
    return duty_colours(d.name for d in sorted(duties, key=lambda d: d.id))


def duty_colours(names_oldest_first: Iterable[str]) -> dict[str, str]:
    """Return each duty's own colour, by the order the duties were added: the same on every page and after any
    edit to hours or tasks (a colour by size would swap when two duties change places)."""
    colours: dict[str, str] = {}
    for name in names_oldest_first:
        colours.setdefault(name, DUTY_PALETTE[len(colours) % len(DUTY_PALETTE)])
    return colours


def week_label(day: dt.date) -> str:
    """Return a short week label such as 'Nov 30'."""
    return f"{day:%b} {day.day}"


def duty_series(
    forecast: Forecast, limit: int = MAX_DUTY_SERIES, colours: Mapping[str, str] | None = None
) -> list[Series]:
    """Return hours per week for the biggest duties over the horizon, the others summed as one series.

    `colours` (duty_colours) gives each duty its own colour; a name it lacks (tasks with no duty) is grey.
    """
    totals: dict[str, float] = {}
    for week in forecast.weeks:
        for name, hours in week.by_responsibility.items():
            totals[name] = totals.get(name, 0.0) + hours
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    shown, rest = ranked[:limit], ranked[limit:]
    series = [
        Series(
            name,
            [w.by_responsibility.get(name, 0.0) for w in forecast.weeks],
            None if colours is None else colours.get(name, OTHER_COLOUR),
        )
        for name in shown
    ]
    if rest:
        series.append(
            Series(
                OTHER,
                [sum(w.by_responsibility.get(n, 0.0) for n in rest) for w in forecast.weeks],
                None if colours is None else OTHER_COLOUR,
            )
        )
    return series


def load_chart(forecast: Forecast, *, colours: Mapping[str, str] | None = None, width: int = 720) -> BarChart:
    """Return the stacked bars of hours needed by duty (and meetings) against the hours-you-have line.

    `colours` (duty_colours of every duty) keeps each duty's colour the same wherever it is drawn.
    """
    labels = [week_label(w.start) for w in forecast.weeks]
    stacks = duty_series(forecast, MAX_DUTY_SERIES - (1 if _has_meetings(forecast) else 0), colours)
    if _has_meetings(forecast):
        # Meetings sit on the same bars, so the line is the whole working week before meetings.
        meetings = Series("Meetings", [w.meeting_hours for w in forecast.weeks], MEETINGS_COLOUR)
        stacks = [meetings, *stacks]
    return BarChart(
        labels=labels,
        stacks=stacks,
        line=Series("Hours you have", [w.capacity_hours for w in forecast.weeks]),
        title="Hours needed each week, by duty",
        y_label="hours",
        width=width,
    )


def _has_meetings(forecast: Forecast) -> bool:
    return any(w.meeting_hours > 0 for w in forecast.weeks)


def ratio_chart(forecast: Forecast, *, width: int = 720) -> BarChart:
    """Return bars of each week's load ratio against the line where the week just fits (1.0)."""
    labels = [week_label(w.start) for w in forecast.weeks]
    # A week with work but no hours at all has no ratio; it is drawn at the chart's top so it stands out.
    top = max([w.ratio for w in forecast.weeks if w.ratio is not None] + [1.5])
    ratios = [w.ratio if w.ratio is not None else (top if w.hours_needed > 0 else 0.0) for w in forecast.weeks]
    return BarChart(
        labels=labels,
        stacks=[Series("Hours needed ÷ hours available", ratios)],
        line=Series("Just fits (1.0)", [1.0] * len(labels)),
        title="Load ratio each week",
        y_label="ratio",
        width=width,
        height=220,
    )


def drift_chart(drift: Drift, *, width: int = 720) -> BarChart:
    """Return stacked bars of hours by the origin of their duty, past weeks then weeks ahead."""
    labels = [week_label(w.start) + ("" if w.planned else " ✓") for w in drift.weeks]
    return BarChart(
        labels=labels,
        stacks=[
            Series("In the job description", [w.described for w in drift.weeks]),
            Series("Added since", [w.added for w in drift.weeks]),
            Series("'Temporary'", [w.temporary for w in drift.weeks]),
        ],
        title="Hours by where the duty came from (✓ done, else planned)",
        y_label="hours",
        width=width,
    )


def mistakes_chart(weeks: Sequence[MistakeWeek], *, width: int = 480) -> ScatterChart:
    """Return a scatter of each week: load ratio across, mistakes up; weeks with mistakes are labelled."""
    ratios = [w.load_ratio for w in weeks if w.load_ratio is not None]
    points = [
        Point(w.load_ratio, float(w.mistakes), week_label(w.start) if w.mistakes else "")
        for w in weeks
        if w.load_ratio is not None
    ]
    return ScatterChart(
        points=points,
        title="Mistakes and load, week by week",
        x_label="load ratio that week (1 = just fits)",
        y_label="mistakes",
        x_range=(0.0, max([2.0, *ratios]) * 1.05),
        y_range=(0.0, max([4.0, *(w.mistakes for w in weeks)])),
        width=width,
        ticks=True,
    )
