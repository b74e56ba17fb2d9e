"""/-/patterns: every component on one page, for a visual check of the whole look at once."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter

from onward.charts import (
    BarChart,
    LineChart,
    LineSeries,
    PixelCalendar,
    PixelDay,
    Point,
    ScatterChart,
    Series,
    Threshold,
)
from onward.web.pages import page

router = APIRouter()


@dataclass
class PatternsPage:
    bar_chart: BarChart
    scatter_chart: ScatterChart
    line_chart: LineChart | None = None
    pixel_calendar: PixelCalendar | None = None


@page(router, "/-/patterns", "patterns.html", api_path="/api/-/patterns")
def patterns() -> PatternsPage:
    weeks = ["Nov 30", "Dec 7", "Dec 14", "Dec 21"]
    return PatternsPage(
        bar_chart=BarChart(
            labels=weeks,
            stacks=[Series("Programs", [20, 22, 18, 10]), Series("Grant reporting", [12, 16, 20, 4])],
            line=Series("Hours available", [38, 38, 38, 24]),
            title="Hours needed each week",
            y_label="hours",
        ),
        scatter_chart=ScatterChart(
            points=[Point(4.5, 5, "Workshops"), Point(2, 2, "Spreadsheets"), Point(3, 4, "Volunteers")],
            title="What I enjoy and what I am good at",
            x_label="enjoyment",
            y_label="skill",
            x_range=(1, 5),
            y_range=(1, 5),
        ),
        line_chart=LineChart(
            title="WHO-5 Well-Being Index",
            y_label="score",
            labels=weeks,
            lines=[LineSeries("WHO-5", [64, 48, None, 56])],
            y_range=(0, 100),
            thresholds=[Threshold(50, "50 or less: low")],
        ),
        pixel_calendar=PixelCalendar(
            "Mood, day by day",
            [PixelDay(f"2026-11-{day:02d}", [3, 4, None, 2, 5, 4, 3][day % 7]) for day in range(2, 30)],
        ),
    )
