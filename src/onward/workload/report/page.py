"""The one page for the 1:1: what is on my plate, the weeks that break, what drifted, the proposed
hand-offs and what I need — rendered as HTML, Markdown or a one-page PDF (A4 or Letter).

`OneOnOneReport` is plain data (built by `WorkloadService.one_on_one_report`); the renderers here only format it,
so the web page, the CLI and the PDF always say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from onward.charts import BarChart, Series, data_table
from onward.workload.charts import OTHER_COLOUR

PAPER_SIZES = ("a4", "letter")
TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"


@dataclass
class ReportDuty:
    name: str
    origin: str
    open_tasks: int
    remaining_hours: float
    share: float  # of all remaining hours on the plate


@dataclass
class ReportWeek:
    start: dt.date
    hours_needed: float
    hours_available: float
    ratio: float


@dataclass
class ReportTask:
    title: str
    responsibility: str
    due: dt.date | None
    remaining_hours: float


@dataclass
class ReportChange:
    """A change already made: handed off (to whom), deferred or dropped."""

    key: str  # what the person ticks to keep it in the report
    title: str
    action: str  # handed_off | deferred | dropped
    colleague: str | None
    hours: float
    due: dt.date | None


@dataclass
class ReportHandoff:
    """A change the plan proposes that the person can make themselves (not made yet)."""

    key: str
    title: str
    action: str  # hand_off | defer | drop
    colleague: str | None
    hours: float
    reason: str


@dataclass
class ReportAsk:
    """Something only the manager can agree to, with the hours it frees."""

    key: str
    title: str
    kind: str  # move_deadline | more_help | drop_with_agreement
    hours: float
    due: dt.date | None
    new_due: dt.date | None
    hours_per_week: float | None
    reason: str


@dataclass
class ReportRating:
    """How the person rates a duty: shown only when they choose to share it."""

    duty: str
    enjoyment: str | None
    skill: int | None


@dataclass
class LoadSummary:
    hours_needed: float
    hours_available: float
    weeks_over: int


@dataclass
class OneOnOneReport:
    """Everything the one-page report says, in the order it says it."""

    person: str
    job_title: str
    employer: str
    today: dt.date
    weeks: list[ReportWeek]
    weeks_by_duty: dict[str, list[float]]
    duties: list[ReportDuty]
    overdue: list[ReportTask]
    temporary_overdue: list[str]  # "Grant reporting (temporary, was to end 2026-06-30)"
    outside_description_share: float  # share of planned hours on duties not in the job description
    before: LoadSummary | None  # the plate before the changes of the last CHANGES_DAYS days (None: none made)
    changes: list[ReportChange]
    handoffs: list[ReportHandoff]  # proposed, not made yet
    asks: list[ReportAsk]
    missing_hours: float  # hours that do not fit before their due dates without the asks
    handoff_feasible: bool  # everything fits before its due date without asking the manager
    breaking_weeks: list[str]  # "Week of 7 December: 9 h due that week do not fit" (overdue work: "This week")
    needs: list[str] = field(default_factory=list)
    ratings: list[ReportRating] | None = None  # only with the person's say-so (--with-ratings)
    choices: list[tuple[str, str]] = field(default_factory=list)  # every item the person may tick: (key, words)
    picked: list[str] | None = None  # the keys ticked (None: all)
    duty_colours: dict[str, str] = field(default_factory=dict)  # each duty's own colour, as on the pages

    @property
    def overloaded_weeks(self) -> list[ReportWeek]:
        return [week for week in self.weeks if week.ratio > 1.0]

    @property
    def hours_needed(self) -> float:
        return sum(week.hours_needed for week in self.weeks)

    @property
    def hours_available(self) -> float:
        return sum(week.hours_available for week in self.weeks)

    @property
    def hours_freed(self) -> float:
        return sum(item.hours for item in self.handoffs)

    @property
    def hours_changed(self) -> float:
        return sum(item.hours for item in self.changes)


def week_label(day: dt.date) -> str:
    return day.strftime("%b %-d")


def load_chart(report: OneOnOneReport, *, width: int = 720, height: int = 250) -> BarChart:
    """Return the chart of hours needed by duty against hours available, week by week."""
    labels = [week_label(week.start) for week in report.weeks]
    stacks = [
        Series(name, values, report.duty_colours.get(name, OTHER_COLOUR) if report.duty_colours else None)
        for name, values in report.weeks_by_duty.items()
    ]
    return BarChart(
        labels=labels,
        stacks=stacks,
        line=Series("Hours available", [week.hours_available for week in report.weeks]),
        title="Hours needed each week, by duty",
        y_label="hours",
        width=width,
        height=height,
    )


ACTION_WORDS = {"hand_off": "Hand off", "defer": "Defer", "drop": "Drop"}
CHANGE_WORDS = {"handed_off": "Handed off", "deferred": "Deferred", "dropped": "Dropped"}
ASK_WORDS = {"move_deadline": "Move a deadline", "more_help": "More help", "drop_with_agreement": "Drop, if you agree"}
CHANGES_DAYS = 28


def _hours(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") + " h"


def standing_words(report: OneOnOneReport) -> str:
    """Return the one sentence of where the person stands now, by the schedule (the same on every format)."""
    n = len(report.weeks)
    text = f"Next {n} weeks: {_hours(report.hours_needed)} of work for {_hours(report.hours_available)} available."
    if report.handoff_feasible and not report.asks:
        return text + " Scheduled in the best order, everything fits before its due date."
    return (
        text + f" Even scheduled in the best order, {_hours(report.missing_hours)} do not fit before their due dates."
    )


def before_words(report: OneOnOneReport) -> str | None:
    if report.before is None:
        return None
    b = report.before
    return (
        f"Before the changes below: {_hours(b.hours_needed)} of work in these weeks; now {_hours(report.hours_needed)}"
        f" ({_hours(b.hours_needed - report.hours_needed)} less)."
    )


def render_markdown(report: OneOnOneReport) -> str:
    """Return the report as Markdown (for email or notes)."""
    lines = [
        f"# One-on-one: {report.person or 'my workload'}",
        "",
        f"{report.job_title}{', ' + report.employer if report.employer else ''} · {report.today:%d %B %Y}",
        "",
        "## Where I stand",
        "",
        f"- {standing_words(report)}",
    ]
    if (words := before_words(report)) is not None:
        lines.append(f"- {words}")
    lines.append(f"- {report.outside_description_share:.0%} of planned hours are on duties outside my job description.")
    lines += ["", "| week | needed | available | load |", "|---|---:|---:|---:|"]
    for week in report.weeks:
        lines.append(
            f"| {week.start.isoformat()} | {week.hours_needed:.1f} | {week.hours_available:.1f} | {week.ratio:.0%} |"
        )
    lines += ["", "## On my plate", "", "| duty | origin | open tasks | hours | share |", "|---|---|---:|---:|---:|"]
    for duty in report.duties:
        lines.append(
            f"| {duty.name} | {duty.origin} | {duty.open_tasks} | {duty.remaining_hours:.1f} | {duty.share:.0%} |"
        )
    if report.overdue:
        lines += ["", "## Overdue", ""]
        lines += [f"- {t.title} ({t.responsibility}, due {t.due}, {_hours(t.remaining_hours)})" for t in report.overdue]
    if report.temporary_overdue:
        lines += ["", "## Drift from my job description", ""]
        lines += [f"- {item}" for item in report.temporary_overdue]
    if report.changes:
        lines += ["", "## What I have already changed", ""]
        for c in report.changes:
            who = f" to {c.colleague}" if c.colleague else ""
            due = f", due {c.due.isoformat()}" if c.due else ""
            lines.append(f"- **{CHANGE_WORDS[c.action]}{who}:** {c.title} ({_hours(c.hours)}{due})")
    lines += ["", "## What I propose", ""]
    if report.handoffs:
        for item in report.handoffs:
            who = f" to {item.colleague}" if item.colleague else ""
            lines.append(f"- **{ACTION_WORDS[item.action]}{who}:** {item.title} ({_hours(item.hours)}). {item.reason}")
        lines.append(f"\nThis frees {_hours(report.hours_freed)}.")
    elif not report.asks:
        lines.append("- Nothing needs to move: everything fits before its due date.")
    else:
        lines.append("- Nothing more I can change on my own.")
    if report.asks:
        lines += ["", "## What I need you to agree to", ""]
        for a in report.asks:
            lines.append(f"- **{ASK_WORDS[a.kind]}:** {a.title} ({_hours(a.hours)}). {a.reason}")
        lines += [f"- {item}" for item in report.breaking_weeks]
    if report.needs:
        lines += ["", "## What I need", ""] + [f"- {need}" for need in report.needs]
    if report.ratings:
        lines += ["", "## How I rate my duties (shared by choice)", ""]
        lines += [f"- {r.duty}: {r.enjoyment or 'not rated'}, skill {r.skill or '-'}" for r in report.ratings]
    return "\n".join(lines) + "\n"


def week_table(report: OneOnOneReport) -> str:
    """Return the weeks as the Markdown report has them (needed, available, load) as a chart table."""
    rows = [
        (f"{w.start:%b} {w.start.day}", [round(w.hours_needed, 1), round(w.hours_available, 1), round(w.ratio * 100)])
        for w in report.weeks
    ]
    return data_table("Hours needed each week", ["Needed", "Available", "Load %"], rows)


def render_html(report: OneOnOneReport, *, paper: str = "a4", standalone: bool = True) -> str:
    """Return the report as HTML: a full printable document, or the fragment shown inside a page."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}")
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    template = env.get_template("workload/_report.html")
    return template.render(
        report=report,
        chart=load_chart(report).svg(),
        # Inside the app the chart's numbers come as a table too, shown on a phone where the picture is too small
        # to read (onward.charts.data_table's class); the printed page has room for the chart alone.
        chart_table=None if standalone else week_table(report),
        paper=paper,
        standalone=standalone,
        actions=ACTION_WORDS,
        changes=CHANGE_WORDS,
        asks=ASK_WORDS,
        standing=standing_words(report),
        before=before_words(report),
    )


def render_pdf(report: OneOnOneReport, *, paper: str = "a4") -> bytes:
    """Return the report as a PDF that prints on one page (needs the `pdf` extra: WeasyPrint)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # pragma: no cover - depends on the installed extras and Pango
        from onward.errors import BadInput

        raise BadInput(
            "PDF needs WeasyPrint and the Pango library: pip install 'onward[pdf]' (and Debian's libpango-1.0-0); "
            "the HTML and Markdown formats work without them"
        ) from error
    pdf: bytes = HTML(string=render_html(report, paper=paper)).write_pdf()
    return pdf
