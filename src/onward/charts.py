"""One way to draw a chart: small, dependency-free SVG used by pages, reports and PDFs alike.

A view holds a chart as data (`BarChart`, `ScatterChart`: the series, labels and axes), so a page's JSON twin
carries numbers, not pictures; templates draw it with the `chart` global (web/pages.py), which calls
`.svg()`. `stacked_bars` and `scatter` do the drawing. Every text that comes from the user is escaped here.
No inline style attributes (the pages' CSP forbids them); colours are presentation attributes from one palette
chosen for contrast and colour-blind safety (Okabe–Ito).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
INK = "#1f2933"
GRID = "#d9dee3"
HIGHLIGHT_FILL = "#e3f4ea"
HIGHLIGHT_INK = "#1e6b3a"
POINT_LABEL_CHARS = 28
LEGEND_CHARS = 40
TABLE_ROWS = 12  # a line chart's table on a phone: its latest rows
CHAR_WIDTH = 6.2  # average width of an 11px system-ui character, for keeping labels inside the chart


@dataclass(frozen=True)
class Series:
    """One named series; `colour` fixes its colour (e.g. a duty's own), else it takes its place in the palette."""

    name: str
    values: Sequence[float]
    colour: str | None = None


@dataclass(frozen=True)
class Highlight:
    """A region of a scatter chart to shade and name, e.g. the loved-and-good corner."""

    x: tuple[float, float]
    y: tuple[float, float]
    label: str

    def contains(self, x: float, y: float) -> bool:
        return min(self.x) <= x <= max(self.x) and min(self.y) <= y <= max(self.y)


@dataclass(frozen=True)
class BarChart:
    """Bars stacked by series for each label (e.g. hours by duty per week), with an optional line."""

    title: str
    y_label: str
    labels: Sequence[str]
    stacks: Sequence[Series]
    line: Series | None = None
    width: int = 720
    height: int = 280
    kind: str = "bars"
    label_every: int | None = None  # write every n-th label only (long series); None: the usual thinning
    table_latest: bool = False  # a long series of past weeks: its table holds the latest TABLE_ROWS only

    def svg(self) -> str:
        return stacked_bars(
            self.labels,
            self.stacks,
            title=self.title,
            y_label=self.y_label,
            line=self.line,
            width=self.width,
            height=self.height,
            label_every=self.label_every,
        )

    def table(self) -> str:
        """Return the same numbers as an HTML table (shown instead of the picture on a phone)."""
        heads = [s.name for s in self.stacks]
        first = max(len(self.labels) - TABLE_ROWS, 0) if self.table_latest else 0
        rows = []
        for i, label in enumerate(self.labels[first:], start=first):
            cells = [self.stacks[k].values[i] for k in range(len(heads))]
            if len(heads) > 1:
                cells.append(sum(cells))
            if self.line is not None:
                cells.append(self.line.values[i])
            rows.append((label, cells))
        names = [*heads, *(["Total"] if len(heads) > 1 else []), *([self.line.name] if self.line else [])]
        return data_table(self.title if not first else f"{self.title} (the latest {len(rows)})", names, rows)


@dataclass(frozen=True)
class Point:
    """A point of a scatter chart; `note` replaces the numbers in its tooltip (e.g. "love, skill 5")."""

    x: float
    y: float
    label: str = ""
    note: str = ""


@dataclass(frozen=True)
class ScatterChart:
    """Labelled points on fixed axes (see `scatter`)."""

    title: str
    x_label: str
    y_label: str
    points: Sequence[Point]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    width: int = 480
    height: int = 320
    x_ticks: Sequence[tuple[float, str]] = ()
    y_ticks: Sequence[tuple[float, str]] = ()
    highlight: Highlight | None = None
    ticks: bool = False
    kind: str = "scatter"

    def svg(self) -> str:
        notes = [p.note or f"{_fmt(p.x)}, {_fmt(p.y)}" for p in self.points] if any(p.note for p in self.points) else ()
        return scatter(
            [(p.x, p.y, p.label) for p in self.points],
            title=self.title,
            x_label=self.x_label,
            y_label=self.y_label,
            x_range=self.x_range,
            y_range=self.y_range,
            width=self.width,
            height=self.height,
            x_ticks=self.x_ticks,
            y_ticks=self.y_ticks,
            highlight=self.highlight,
            notes=notes,
            ticks=self.ticks,
        )


def nice_scale(highest: float, most: int = 5) -> list[float]:
    """Return round tick values from 0 to just above `highest` (1, 2, 2.5 or 5 times a power of ten apart),
    at most `most` steps, so an axis reads 0, 10, 20, 30, 40 and never 0, 8.75, 17.5."""
    if not highest > 0 or math.isinf(highest):
        return [0.0, 0.25, 0.5, 0.75, 1.0]
    power = 10.0 ** math.floor(math.log10(highest / most))
    for multiple in (1.0, 2.0, 2.5, 5.0, 10.0, 20.0):
        step = multiple * power
        count = max(math.ceil(highest / step - 1e-9), 1)
        if count <= most:
            return [round(step * i, 10) for i in range(count + 1)]
    raise AssertionError("unreachable: 20 x the power always fits")


def thinned(labels: Sequence[str], slot: float) -> int:
    """Return n such that writing every n-th label keeps the labels from touching, `slot` px apart."""
    widest = max((len(label) for label in labels), default=0) * CHAR_WIDTH + 8
    return max(math.ceil(widest / slot), 1) if slot > 0 else 1


def _fmt(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 or value >= 10 else f"{value:.1f}"


def stacked_bars(
    labels: Sequence[str],
    stacks: Sequence[Series],
    *,
    title: str,
    y_label: str,
    line: Series | None = None,
    width: int = 720,
    height: int = 280,
    label_every: int | None = None,
) -> str:
    """Return SVG of bars stacked by series for each label, with an optional line (e.g. capacity)."""
    left, right, top, bottom = 48, 12, 28, 64
    # A long legend wraps onto more rows: the picture grows taller instead of cutting it off.
    legend_rows = _legend_rows([s.name for s in stacks], line.name if line else None, left, width)
    full_height = height + 14 * (legend_rows - 1)
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(s.values[i] for s in stacks) for i in range(len(labels))]
    highest = max([*totals, *(line.values if line else []), 0.0])
    ticks = nice_scale(highest)
    y_top = ticks[-1]
    n = max(len(labels), 1)
    slot = plot_w / n
    bar_w = max(slot * 0.7, 1.0)
    every = label_every or thinned(labels, slot)

    def y(value: float) -> float:
        return top + plot_h - (value / y_top) * plot_h

    summary = "; ".join(
        f"{label}: {_fmt(total)}" + (f" of {_fmt(line.values[i])}" if line else "")
        for i, (label, total) in enumerate(zip(labels, totals, strict=True))
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {full_height}" '
        f'role="img" aria-labelledby="chart-title" font-family="system-ui, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title><desc>{escape(y_label)}. {escape(summary)}</desc>",
        f'<text x="{left}" y="16" font-size="13" font-weight="600" fill="{INK}">{escape(title)}</text>',
    ]
    for tick in ticks:
        ty = y(tick)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="{GRID}"/>')
        parts.append(f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" fill="{INK}">{_fmt(tick)}</text>')
    for i, label in enumerate(labels):
        x = left + i * slot + (slot - bar_w) / 2
        base = 0.0
        for k, series in enumerate(stacks):
            value = series.values[i]
            if value <= 0:
                continue
            y0, y1 = y(base + value), y(base)
            colour = series.colour or PALETTE[k % len(PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y0:.1f}" width="{bar_w:.1f}" height="{max(y1 - y0, 0.5):.1f}" '
                f'fill="{colour}"><title>{escape(series.name)}, {escape(label)}: {_fmt(value)}</title></rect>'
            )
            base += value
        if i % every == 0:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
                f'fill="{INK}">{escape(label)}</text>'
            )
    if line is not None and line.values:
        points = " ".join(f"{left + i * slot + slot / 2:.1f},{y(v):.1f}" for i, v in enumerate(line.values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="2.5" stroke-dasharray="6 3"/>'
        )
    colours = [s.colour or PALETTE[k % len(PALETTE)] for k, s in enumerate(stacks)]
    parts.append(_legend([s.name for s in stacks], line.name if line else None, left, height - 24, width, colours))
    parts.append("</svg>")
    return "".join(parts)


def _legend_name(name: str) -> str:
    """Return a legend's words, shortened with an ellipsis only past LEGEND_CHARS (never cut mid-word silently)."""
    return name if len(name) <= LEGEND_CHARS else name[: LEGEND_CHARS - 1].rstrip() + "…"


def _legend_rows(names: Sequence[str], line_name: str | None, x0: float, width: int) -> int:
    """Return how many rows `_legend` needs (the same wrapping rule)."""
    rows, x = 1, x0
    for name in names:
        step = 18 + 6.5 * len(escape(_legend_name(name)))
        if x + step > width:
            rows, x = rows + 1, x0
        x += step
    if line_name and x + 120 > width:
        rows += 1
    return rows


def _legend(
    names: Sequence[str],
    line_name: str | None,
    x0: float,
    y0: float,
    width: int,
    colours: Sequence[str] = (),
) -> str:
    parts = []
    x, y = x0, y0
    for k, name in enumerate(names):
        label = escape(_legend_name(name))
        step = 18 + 6.5 * len(label)
        if x + step > width:
            x, y = x0, y + 14
        colour = colours[k] if k < len(colours) else PALETTE[k % len(PALETTE)]
        parts.append(f'<rect x="{x:.0f}" y="{y - 8:.0f}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14:.0f}" y="{y + 1:.0f}" fill="{INK}">{label}</text>')
        x += step
    if line_name:
        if x + 120 > width:
            x, y = x0, y + 14
        parts.append(
            f'<line x1="{x:.0f}" x2="{x + 16:.0f}" y1="{y - 3:.0f}" y2="{y - 3:.0f}" stroke="{INK}" '
            f'stroke-width="2.5" stroke-dasharray="6 3"/>'
        )
        parts.append(f'<text x="{x + 20:.0f}" y="{y + 1:.0f}" fill="{INK}">{escape(line_name)}</text>')
    return "".join(parts)


def scatter(
    points: Sequence[tuple[float, float, str]],
    *,
    title: str,
    x_label: str,
    y_label: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    width: int = 480,
    height: int = 320,
    x_ticks: Sequence[tuple[float, str]] = (),
    y_ticks: Sequence[tuple[float, str]] = (),
    highlight: Highlight | None = None,
    notes: Sequence[str] = (),
    ticks: bool = False,
) -> str:
    """Return SVG of labelled points (x, y, label) on fixed axes, e.g. enjoyment × skill or mistakes × load.

    `x_ticks`/`y_ticks` name positions on the axes (e.g. 3 → "love"); `ticks` instead writes the axes' values at
    their quarters. `highlight` shades one region (e.g. the loved-and-good corner) and rings the points inside it.
    `notes` (one per point) replace the numbers in each point's tooltip and description, e.g. "love, skill 5".
    A point with an empty label is drawn without text.
    """
    left, right, top, bottom = 48, 16, 28, 40 + (14 if x_ticks else 0)
    plot_w, plot_h = width - left - right, height - top - bottom
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range

    def px(v: float) -> float:
        return left + (v - x_lo) / ((x_hi - x_lo) or 1) * plot_w

    def py(v: float) -> float:
        return top + plot_h - (v - y_lo) / ((y_hi - y_lo) or 1) * plot_h

    described = [notes[i] if i < len(notes) else f"{_fmt(xv)}, {_fmt(yv)}" for i, (xv, yv, _label) in enumerate(points)]
    summary = "; ".join(f"{label}: {note}" for (_x, _y, label), note in zip(points, described, strict=True) if label)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'font-family="system-ui, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title><desc>{escape(x_label)} against {escape(y_label)}. {escape(summary)}</desc>",
        f'<text x="{left}" y="16" font-size="13" font-weight="600" fill="{INK}">{escape(title)}</text>',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="{GRID}"/>',
        f'<text x="{left + plot_w / 2:.0f}" y="{height - 8}" text-anchor="middle" fill="{INK}">'
        f"{escape(x_label)}</text>",
        f'<text x="12" y="{top + plot_h / 2:.0f}" text-anchor="middle" fill="{INK}" '
        f'transform="rotate(-90 12 {top + plot_h / 2:.0f})">{escape(y_label)}</text>',
    ]
    if ticks:
        for i in range(5):
            xv, yv = x_lo + (x_hi - x_lo) * i / 4, y_lo + (y_hi - y_lo) * i / 4
            parts.append(
                f'<text x="{px(xv):.1f}" y="{top + plot_h + 12}" text-anchor="middle" fill="{INK}">{_fmt(xv)}</text>'
            )
            parts.append(f'<text x="{left - 4}" y="{py(yv) + 4:.1f}" text-anchor="end" fill="{INK}">{_fmt(yv)}</text>')
    if highlight is not None:
        hx0, hx1 = sorted((px(highlight.x[0]), px(highlight.x[1])))
        hy0, hy1 = sorted((py(highlight.y[0]), py(highlight.y[1])))
        parts.append(
            f'<rect x="{hx0:.1f}" y="{hy0:.1f}" width="{hx1 - hx0:.1f}" height="{hy1 - hy0:.1f}" '
            f'fill="{HIGHLIGHT_FILL}" stroke="{PALETTE[2]}" stroke-dasharray="4 3"/>'
        )
        parts.append(
            f'<text x="{hx1 - 4:.1f}" y="{hy0 + 13:.1f}" text-anchor="end" font-weight="600" '
            f'fill="{HIGHLIGHT_INK}">{escape(highlight.label)}</text>'
        )
    for value, name in x_ticks:
        parts.append(
            f'<text x="{px(value):.1f}" y="{top + plot_h + 14}" text-anchor="middle" fill="{INK}">{escape(name)}</text>'
        )
    for value, name in y_ticks:
        parts.append(
            f'<text x="{left - 6}" y="{py(value) + 4:.1f}" text-anchor="end" fill="{INK}">{escape(name)}</text>'
        )
    for (xv, yv, label), note in zip(points, described, strict=True):
        inside = highlight is not None and highlight.contains(xv, yv)
        ring = f' stroke="{HIGHLIGHT_INK}" stroke-width="2"' if inside else ""
        parts.append(
            f'<circle cx="{px(xv):.1f}" cy="{py(yv):.1f}" r="5" fill="{PALETTE[0]}" fill-opacity="0.8"{ring}>'
            f"<title>{escape(label) + ': ' if label else ''}{escape(note)}</title></circle>"
        )
        if not label:
            continue
        text = label if len(label) <= POINT_LABEL_CHARS else label[: POINT_LABEL_CHARS - 1] + "…"
        # A label that would run past the right edge goes to the left of its point instead.
        if px(xv) + 7 + CHAR_WIDTH * len(text) > width - right:
            parts.append(
                f'<text x="{px(xv) - 8:.1f}" y="{py(yv) + 4:.1f}" text-anchor="end" fill="{INK}">{escape(text)}</text>'
            )
        else:
            parts.append(f'<text x="{px(xv) + 7:.1f}" y="{py(yv) + 4:.1f}" fill="{INK}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


# ---- lines with thresholds, and a calendar of coloured days (well-being's trends) ----


@dataclass(frozen=True)
class Threshold:
    """A horizontal line drawn across a line chart and named, e.g. "high (50)"."""

    value: float
    label: str


@dataclass(frozen=True)
class LineSeries:
    """One line; a None value is a gap (no data that week), never drawn as zero."""

    name: str
    values: Sequence[float | None]


@dataclass(frozen=True)
class LineChart:
    """Lines over labels on a fixed y range, with named threshold lines (e.g. rolling mood; WHO-5 with 50 and 28)."""

    title: str
    y_label: str
    labels: Sequence[str]
    lines: Sequence[LineSeries]
    y_range: tuple[float, float]
    thresholds: Sequence[Threshold] = ()
    width: int = 720
    height: int = 260
    kind: str = "lines"

    def svg(self) -> str:
        return lines_chart(self)

    def table(self) -> str:
        """Return the latest values as an HTML table (shown instead of the picture on a phone)."""
        latest = range(max(len(self.labels) - TABLE_ROWS, 0), len(self.labels))
        rows = [(self.labels[i], [line.values[i] for line in self.lines]) for i in latest]
        caption = self.title if len(latest) == len(self.labels) else f"{self.title} (the latest {len(latest)})"
        return data_table(caption, [line.name for line in self.lines], rows)


@dataclass(frozen=True)
class PixelDay:
    day: str  # YYYY-MM-DD
    value: int | None  # e.g. mood 1-5; None: no check-in that day
    note: str = ""


@dataclass(frozen=True)
class PixelCalendar:
    """A year in pixels: one square per day, a column per week (Monday on top), coloured by a 1-5 value."""

    title: str
    days: Sequence[PixelDay]  # consecutive days, oldest first, starting on a Monday
    value_names: Sequence[str] = ("1", "2", "3", "4", "5")
    colours: Sequence[str] = field(default=("#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"))
    kind: str = "pixels"

    def svg(self) -> str:
        return pixel_calendar(self)


def _points(values: Sequence[float | None], x: Sequence[float], y: object) -> list[list[tuple[float, float]]]:
    """Split a line into runs without gaps: each run is drawn on its own."""
    runs: list[list[tuple[float, float]]] = [[]]
    for xv, value in zip(x, values, strict=True):
        if value is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((xv, y(value)))  # type: ignore[operator]
    return [run for run in runs if run]


def lines_chart(chart: LineChart) -> str:
    """Return SVG of `chart`: its lines (gaps left open), thresholds dashed and named, every text escaped."""
    left, right, top, bottom = 48, 12, 28, 52
    width, height = chart.width, chart.height
    plot_w, plot_h = width - left - right, height - top - bottom
    low, high = chart.y_range
    n = max(len(chart.labels), 1)
    step = plot_w / max(n - 1, 1)
    xs = [left + i * step if n > 1 else left + plot_w / 2 for i in range(len(chart.labels))]

    def y(value: float) -> float:
        clipped = min(max(value, low), high)
        return top + plot_h - (clipped - low) / ((high - low) or 1) * plot_h

    summary = "; ".join(
        f"{line.name}: " + ", ".join("none" if v is None else _fmt(v) for v in line.values[-6:]) for line in chart.lines
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'font-family="system-ui, sans-serif" font-size="11">',
        f"<title>{escape(chart.title)}</title><desc>{escape(chart.y_label)}. Latest values: {escape(summary)}</desc>",
        f'<text x="{left}" y="16" font-size="13" font-weight="600" fill="{INK}">{escape(chart.title)}</text>',
    ]
    for i in range(5):
        value = low + (high - low) * i / 4
        ty = y(value)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="{GRID}"/>')
        parts.append(f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" fill="{INK}">{_fmt(value)}</text>')
    for threshold in chart.thresholds:
        ty = y(threshold.value)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="{PALETTE[5]}" '
            f'stroke-width="1.5" stroke-dasharray="5 4"/>'
        )
        parts.append(
            f'<text x="{width - right - 4}" y="{ty - 4:.1f}" text-anchor="end" fill="{INK}">'
            f"{escape(threshold.label)}</text>"
        )
    every = thinned(chart.labels, step if n > 1 else plot_w)
    for i, label in enumerate(chart.labels):
        if i % every == 0:
            parts.append(
                f'<text x="{xs[i]:.1f}" y="{top + plot_h + 14}" text-anchor="middle" fill="{INK}">'
                f"{escape(label)}</text>"
            )
    for k, line in enumerate(chart.lines):
        colour = PALETTE[k % len(PALETTE)]
        for run in _points(line.values, xs, y):
            if len(run) == 1:
                ((px, py),) = run
                parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>')
                continue
            points = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
            parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
    parts.append(_legend([line.name for line in chart.lines], None, left, height - 10, width))
    parts.append("</svg>")
    return "".join(parts)


def pixel_calendar(chart: PixelCalendar) -> str:
    """Return SVG of one square per day in week columns, coloured by value, each with its date as a tooltip."""
    cell, gap, left, top = 11, 2, 28, 26
    weeks = max((len(chart.days) + 6) // 7, 1)
    width = left + weeks * (cell + gap) + 8
    height = top + 7 * (cell + gap) + 30
    counted = [d.value for d in chart.days if d.value is not None]
    summary = f"{len(counted)} of {len(chart.days)} days have a value" + (
        f", average {sum(counted) / len(counted):.1f}" if counted else ""
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart pixels" viewBox="0 0 {width} {height}" role="img" '
        f'font-family="system-ui, sans-serif" font-size="10">',
        f"<title>{escape(chart.title)}</title><desc>{escape(summary)}</desc>",
        f'<text x="0" y="14" font-size="13" font-weight="600" fill="{INK}">{escape(chart.title)}</text>',
    ]
    for row, name in ((0, "Mon"), (3, "Thu"), (6, "Sun")):
        parts.append(f'<text x="0" y="{top + row * (cell + gap) + 9}" fill="{INK}">{name}</text>')
    for i, day in enumerate(chart.days):
        column, row = divmod(i, 7)
        x, y = left + column * (cell + gap), top + row * (cell + gap)
        if day.value is None:
            fill, words = "#ffffff", "no check-in"
            stroke = f' stroke="{GRID}"'
        else:
            fill = chart.colours[min(max(day.value, 1), len(chart.colours)) - 1]
            words = chart.value_names[min(max(day.value, 1), len(chart.value_names)) - 1]
            stroke = ""
        tip = f"{day.day}: {words}" + (f" ({day.note})" if day.note else "")
        parts.append(
            f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="2" fill="{fill}"{stroke}>'
            f"<title>{escape(tip)}</title></rect>"
        )
    x = left
    legend_y = top + 7 * (cell + gap) + 16
    for colour, name in zip(chart.colours, chart.value_names, strict=False):
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 13}" y="{legend_y}" fill="{INK}">{escape(name)}</text>')
        x += 18 + 6 * len(name)
    parts.append("</svg>")
    return "".join(parts)


def data_table(caption: str, names: Sequence[str], rows: Sequence[tuple[str, Sequence[float | None]]]) -> str:
    """Return an HTML table of a chart's numbers: a row per label, a column per series (every text escaped)."""
    head = "".join(f'<th scope="col" class="num">{escape(name)}</th>' for name in names)
    body = "".join(
        f'<tr><th scope="row">{escape(label)}</th>'
        + "".join(f'<td class="num">{"–" if v is None else _fmt(v)}</td>' for v in values)
        + "</tr>"
        for label, values in rows
    )
    return (
        f'<div class="chart-table"><table><caption>{escape(caption)}</caption>'
        f"<thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


Chart = BarChart | ScatterChart | LineChart | PixelCalendar
