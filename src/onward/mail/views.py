"""Mail's views: each page's data, built once here from the mail service. The page renders it, its `/api` twin
returns it, and `onward mail hours --json` / `onward mail requests --json` print the same objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from onward.charts import BarChart, Series
from onward.errors import BadInput
from onward.mail.analytics import SentPattern, WeekCount
from onward.mail.requests import SHOWN_STATES, RequestView
from onward.mail.service import MailService
from onward.mail.sources import FORMATS
from onward.settings import DAY_NAMES

TREND_WEEKS = 26  # weeks drawn in the trend chart (the JSON has every week)
LATEST_DAYS = 28  # days listed under "latest each day"
COMPARE_WEEKS = 4  # the trend sentence compares the last four weeks with the four before
WEEKDAYS = tuple(name.capitalize() for name in DAY_NAMES)


@dataclass
class HoursSummary:
    """The numbers of `onward mail hours --json`: the person's sent mail, hours on their own clock."""

    sent_total: int
    after_hours_total: int
    by_hour: list[int]
    by_weekday: list[int]
    weeks: list[WeekCount]


@dataclass
class HeatCell:
    hour: int
    count: int
    level: int  # 0 (none) to 5 (the busiest hour), for shading
    after_hours: bool


@dataclass
class HeatRow:
    weekday: str
    cells: list[HeatCell]


@dataclass
class LatestDay:
    day: dt.date
    latest: str  # "23:40"
    after_hours: bool


@dataclass
class WorkingDay:
    """The working hours the counts use, in words and as settings."""

    start: str
    end: str
    days: list[str]
    zone: str


@dataclass
class HoursPage:
    summary: HoursSummary
    working: WorkingDay
    heatmap: list[HeatRow]
    trend: BarChart
    trend_words: str
    latest_by_day: list[LatestDay]
    response_times: list[tuple[str, int]]
    replies: int


@dataclass
class ImportStatus:
    """The import the web page started: what it reads, how far it is, and what it did."""

    label: str
    state: str  # "", "reading", "ready", "failed", …
    percent: int
    error: str = ""
    imported: int = 0
    duplicates: int = 0
    broken: int = 0
    requests: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def running(self) -> bool:
        return self.state not in ("", "ready", "failed", "waiting")


@dataclass
class MailOverview:
    sent: int
    received: int
    me: list[str]
    me_guessed: bool
    latest_week: WeekCount | None
    trend_words: str
    requests: dict[str, int]
    upcoming: list[RequestView]
    import_status: ImportStatus
    formats: tuple[str, ...] = FORMATS
    keep_bodies: bool = False


@dataclass
class RequestsPage:
    requests: list[RequestView]
    state: str
    counts: dict[str, int]
    states: dict[str, str] = field(default_factory=lambda: dict(SHOWN_STATES))
    me: list[str] = field(default_factory=list)


@dataclass
class MessagePage:
    message: RequestView
    states: dict[str, str] = field(default_factory=lambda: dict(SHOWN_STATES))


def hours_summary(pattern: SentPattern) -> HoursSummary:
    return HoursSummary(
        sent_total=pattern.sent_total,
        after_hours_total=pattern.after_hours_total,
        by_hour=pattern.by_hour,
        by_weekday=pattern.by_weekday,
        weeks=pattern.weeks,
    )


def trend_words(weeks: list[WeekCount]) -> str:
    """A plain sentence on the after-hours share: the last four weeks against the four before."""
    recent, before = weeks[-COMPARE_WEEKS:], weeks[-2 * COMPARE_WEEKS : -COMPARE_WEEKS]
    sent_recent = sum(w.sent for w in recent)
    if not sent_recent:
        return "No mail sent in the last four weeks of your mailbox."
    share = round(100 * sum(w.after_hours for w in recent) / sent_recent)
    words = f"In the last four weeks, {share}% of the mail you sent went outside your working hours"
    sent_before = sum(w.sent for w in before)
    if not sent_before:
        return words + "."
    earlier = round(100 * sum(w.after_hours for w in before) / sent_before)
    if share < earlier:
        return words + f", down from {earlier}% the four weeks before."
    if share > earlier:
        return words + f", up from {earlier}% the four weeks before."
    return words + ", the same as the four weeks before."


def _working(service: MailService) -> WorkingDay:
    hours = service.hours.working_hours
    return WorkingDay(
        start=f"{hours.start:%H:%M}",
        end=f"{hours.end:%H:%M}",
        days=[WEEKDAYS[d] for d in sorted(hours.days)],
        zone=str(getattr(hours.zone, "key", hours.zone)),
    )


def _heatmap(pattern: SentPattern, service: MailService) -> list[HeatRow]:
    hours = service.hours.working_hours
    busiest = max((count for row in pattern.heatmap for count in row), default=0)
    rows = []
    for weekday, counts in enumerate(pattern.heatmap):
        cells = []
        for hour, count in enumerate(counts):
            level = 0 if not count else max(1, round(5 * count / busiest))
            moment = dt.datetime(2024, 1, 1 + weekday, hour, 0, tzinfo=hours.zone)  # 2024-01-01 is a Monday
            cells.append(HeatCell(hour, count, level, hours.is_after_hours(moment)))
        rows.append(HeatRow(WEEKDAYS[weekday], cells))
    return rows


def _trend_chart(weeks: list[WeekCount]) -> BarChart:
    shown = weeks[-TREND_WEEKS:]
    return BarChart(
        title="Mail you sent each week",
        y_label="messages",
        labels=[f"{w.start:%d %b}" for w in shown],
        stacks=[
            Series("In working hours", [w.sent - w.after_hours for w in shown]),
            Series("After hours", [w.after_hours for w in shown]),
        ],
        table_latest=True,
    )


def hours(service: MailService) -> HoursPage:
    pattern = service.hours.pattern()
    working = service.hours.working_hours
    latest = []
    for day, clock in pattern.latest_by_day[-LATEST_DAYS:]:
        moment = dt.datetime.combine(day, clock, tzinfo=working.zone)
        if clock.hour < 5:
            moment += dt.timedelta(days=1)
        latest.append(LatestDay(day, f"{clock:%H:%M}", working.is_after_hours(moment)))
    responses = service.hours.response_times()
    return HoursPage(
        summary=hours_summary(pattern),
        working=_working(service),
        heatmap=_heatmap(pattern, service),
        trend=_trend_chart(pattern.weeks),
        trend_words=trend_words(pattern.weeks),
        latest_by_day=list(reversed(latest)),
        response_times=responses,
        replies=sum(count for _, count in responses),
    )


def import_status(service: MailService) -> ImportStatus:
    label, progress, result = service.imports.progress()
    if progress is None:
        return ImportStatus("", "", 0)
    percent = min(100, round(100 * progress.done / progress.total)) if progress.total else 0
    status = ImportStatus(label, progress.state, 100 if progress.ready else percent, progress.error)
    if result is not None:
        status.imported, status.duplicates, status.broken = result.imported, result.duplicates, result.broken
        status.requests, status.problems = result.requests, result.problems[:10]
    return status


def overview(service: MailService) -> MailOverview:
    counts = service.counts()
    stated = service.me.stated()
    me = stated or sorted(service.me.addresses())
    weeks = service.hours.pattern().weeks
    return MailOverview(
        sent=counts["sent"],
        received=counts["received"],
        me=me,
        me_guessed=not stated and bool(me),
        latest_week=weeks[-1] if weeks else None,
        trend_words=trend_words(weeks) if weeks else "",
        requests=service.requests.counts(),
        upcoming=service.requests.inbox(limit=5),
        import_status=import_status(service),
        keep_bodies=service.workspace.settings.mail_keep_bodies,
    )


def requests(service: MailService, state: str = "proposed") -> RequestsPage:
    if state != "all" and state not in SHOWN_STATES:
        raise BadInput(f"state must be one of {', '.join(SHOWN_STATES)} or all, not '{state}'")
    states = tuple(SHOWN_STATES) if state == "all" else (state,)
    return RequestsPage(
        requests=service.requests.inbox(states),
        state=state,
        counts=service.requests.counts(),
        me=sorted(service.me.addresses()),
    )


def message(service: MailService, message_id: int) -> MessagePage:
    return MessagePage(service.requests.get(message_id))
