"""Well-being's views: each page's data, built once here (the page renders it, its /api twin and the CLI's
--json print it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from onward.attribution import CBI_SOURCE, WHO5_SOURCE, DataSource
from onward.charts import BarChart, LineChart, LineSeries, PixelCalendar, Series, Threshold
from onward.errors import BadInput, NotFound
from onward.wellbeing import instruments, trends
from onward.wellbeing.instruments import CBI, WHO5, Item, Reading, Scale
from onward.wellbeing.questionnaires import SUGGESTED_EVERY_DAYS
from onward.wellbeing.schemas import CheckInView, LowPointView, ResponseView
from onward.wellbeing.service import WellbeingService

NOT_A_DIAGNOSIS = (
    "This is not a diagnosis. A questionnaire can help you notice how you are doing and talk about it; only a "
    "conversation with a doctor or counsellor can tell you more."
)
TITLES = {CBI: "Copenhagen Burnout Inventory", WHO5: "WHO-5 Well-Being Index"}
SHORT = {CBI: "CBI", WHO5: "WHO-5"}
SOURCES = {CBI: CBI_SOURCE, WHO5: WHO5_SOURCE}
MINUTES = {CBI: "about three minutes", WHO5: "about a minute"}
RECENT_WEEKS = 8
DEFAULT_YEARS = 2  # the trends page's default reach; `all` goes back to the first check-in
PAGE_CHART_WEEKS = 12
NO_WORKLOAD = "Mistakes come from Workload: log them there and they appear here, week by week."
NO_MAIL = "After-hours mail comes from Mail: import your mailbox there and it appears here, week by week."


def _label(day: dt.date) -> str:
    return f"{day:%d %b %y}"


@dataclass
class QuestionnaireCard:
    instrument: str
    title: str
    href: str
    takes: str
    last_taken: dt.date | None
    last_scores: str  # e.g. "personal 62.5, work-related 64.3"
    suggestion: str


@dataclass
class WellbeingPage:
    today: dt.date
    check_in: CheckInView | None  # today's, to change
    saved: bool
    low_point: LowPointView | None
    after_hours_hint: str
    questionnaires: list[QuestionnaireCard]
    recent_weeks: list[trends.TrendWeek]  # newest first
    mood_chart: LineChart
    check_ins: int


def _scores_words(response: ResponseView) -> str:
    names = {s.key: s.name for s in instruments.scales_of(response.instrument)}
    parts = [
        f"{names[key].lower()} {value:g}" if value is not None else f"{names[key].lower()} not scored"
        for key, value in response.scores.items()
        if not (key == "client" and value is None and all(a is None for a in response.items[13:]))
    ]
    return ", ".join(parts)


def _card(instrument: str, last: ResponseView | None, today: dt.date) -> QuestionnaireCard:
    soon, late = SUGGESTED_EVERY_DAYS
    if last is None:
        suggestion = f"Takes {MINUTES[instrument]}. Every two to four weeks is plenty."
    else:
        days = (today - last.taken_on).days
        ago = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
        if days < soon:
            suggestion = f"Taken {ago}. Another in two to four weeks is plenty."
        elif days <= late:
            suggestion = f"Taken {ago}: a good time to take it again, whenever suits you."
        else:
            suggestion = f"Last taken {ago}. Take it again when you are ready."
    return QuestionnaireCard(
        instrument,
        TITLES[instrument],
        f"/wellbeing/survey/{instrument}",
        MINUTES[instrument],
        last.taken_on if last else None,
        _scores_words(last) if last else "",
        suggestion,
    )


def mood_chart(weeks: list[trends.TrendWeek], title: str = "Mood and energy, week by week") -> LineChart:
    return LineChart(
        title=title,
        y_label="Average of the week's check-ins, 1 (low) to 5 (good)",
        labels=[_label(w.start) for w in weeks],
        lines=[LineSeries("Mood", [w.mood for w in weeks]), LineSeries("Energy", [w.energy for w in weeks])],
        y_range=(1, 5),
    )


def wellbeing_page(service: WellbeingService, *, saved: bool = False) -> WellbeingPage:
    """The check-in form, the low-point message when there is one, the questionnaires and the recent weeks."""
    today = service.workspace.today
    recent = service.check_ins.all(since=today - dt.timedelta(days=400))
    responses = service.questionnaires.history()
    weeks = service.weeks(recent, last=PAGE_CHART_WEEKS, joined=False)
    hours = service.hours
    days = ", ".join(
        name.capitalize() for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun")) if i in hours.days
    )
    last = {
        kind: next((r for r in reversed(responses) if r.instrument == kind), None) for kind in instruments.INSTRUMENTS
    }
    return WellbeingPage(
        today=today,
        check_in=next((c for c in reversed(recent) if c.day == today), None),
        saved=saved,
        low_point=service.low_point.current(recent, responses),
        after_hours_hint=f"Outside {hours.start:%H:%M}–{hours.end:%H:%M} on {days}; on other days, all of it.",
        questionnaires=[_card(kind, last[kind], today) for kind in instruments.INSTRUMENTS],
        recent_weeks=list(reversed(weeks[-RECENT_WEEKS:])),
        mood_chart=mood_chart(weeks),
        check_ins=len(recent),
    )


# ---- trends ----


@dataclass
class TrendCharts:
    mood: LineChart
    pixels: PixelCalendar
    cbi: LineChart
    who5: LineChart
    sleep: LineChart
    after_hours: BarChart
    load: LineChart
    mistakes: BarChart | None
    mail: BarChart | None


@dataclass
class TrendPage:
    today: dt.date
    first_day: dt.date | None
    check_ins: int
    weeks: list[trends.TrendWeek]  # oldest first, from the first check-in's week
    rolling: list[trends.RollingPoint]  # 30-day averages at the end of each week
    questionnaires: list[ResponseView]
    charts: TrendCharts
    years: int | None = DEFAULT_YEARS  # how far back (None: since the first check-in)
    notes: list[str] = field(default_factory=list)  # what is missing, and where it would come from


def _score_chart(instrument: str, responses: list[ResponseView]) -> LineChart:
    taken = [r for r in responses if r.instrument == instrument]
    labels = [_label(r.taken_on) for r in taken]
    if instrument == CBI:
        lines = [LineSeries(s.name, [r.scores.get(s.key) for r in taken]) for s in instruments.CBI_SCALES]
        lines = [line for line in lines if any(v is not None for v in line.values)] or lines[:2]
        thresholds = [Threshold(instruments.CBI_HIGH, "high: 50 or more")]
        title = "Copenhagen Burnout Inventory: each scale, 0 to 100"
    else:
        lines = [LineSeries("WHO-5", [r.scores.get("wellbeing") for r in taken])]
        thresholds = [
            Threshold(instruments.WHO5_LOW, "low well-being: 50 or less"),
            Threshold(instruments.WHO5_PROFESSIONAL, "28 or less: talk to a professional"),
        ]
        title = "WHO-5 Well-Being Index, 0 to 100"
    return LineChart(title, "Score each time it was taken", labels, lines, (0, 100), thresholds)


def trend_page(service: WellbeingService, years: int | None = DEFAULT_YEARS) -> TrendPage:
    """The weeks of the last `years` years (None: since the first check-in), across year ends: mood and energy
    (30-day rolling averages), a year in pixels, questionnaire scores with their thresholds, sleep, after-hours
    work, and load, mistakes and after-hours mail against mood."""
    today = service.workspace.today
    has_mail = service.has_mail()
    if years is not None and not 1 <= years <= 50:
        raise BadInput(f"years: from 1 to 50, or all (not {years})")
    first = today - dt.timedelta(days=round(365.25 * years)) if years else None
    # The 30 days before the first week are read too: its rolling average looks back that far.
    rows = service.check_ins.all(since=first - dt.timedelta(days=37) if first else None)
    weeks = service.weeks(rows, last=years * 52 + 1 if years else None)
    earliest = first - dt.timedelta(days=first.weekday()) if first else None
    responses = [r for r in service.questionnaires.history() if earliest is None or r.taken_on >= earliest]
    ends = [min(w.start + dt.timedelta(days=6), today) for w in weeks]
    rolling = trends.rolling(rows, ends)
    labels = [_label(w.start) for w in weeks]
    every = max(len(weeks) // 8, 1)  # about eight dates under a bar chart, as under the line charts
    charts = TrendCharts(
        mood=LineChart(
            "Mood and energy, 30-day rolling average",
            "Average of the check-ins in the 30 days up to each week's end, 1 to 5",
            labels,
            [LineSeries("Mood", [p.mood for p in rolling]), LineSeries("Energy", [p.energy for p in rolling])],
            (1, 5),
        ),
        pixels=trends.year_in_pixels(rows, today),
        cbi=_score_chart(CBI, responses),
        who5=_score_chart(WHO5, responses),
        sleep=LineChart(
            "Sleep, average hours a night",
            "Hours",
            labels,
            [LineSeries("Sleep", [w.sleep_hours for w in weeks])],
            (0, 12),
        ),
        after_hours=BarChart(
            "Work after hours, each week",
            "Hours",
            labels,
            [Series("After hours", [w.after_hours_hours for w in weeks])],
            label_every=every,
            table_latest=True,
        ),
        load=LineChart(
            "Load and mood",
            "Load: hours needed over hours available that week (1 is a full week); mood 1 to 5 divided by 5",
            labels,
            [
                LineSeries("Load ratio", [w.load_ratio for w in weeks]),
                LineSeries("Mood / 5", [None if w.mood is None else round(w.mood / 5, 2) for w in weeks]),
            ],
            (0, max(2.0, *(w.load_ratio or 0.0 for w in weeks))),
            [Threshold(1.0, "a full week")],
        ),
        mistakes=None
        if service.workload is None
        else BarChart(
            "Mistakes logged, each week",
            "Mistakes",
            labels,
            [Series("Mistakes", [w.mistakes or 0 for w in weeks])],
            label_every=every,
            table_latest=True,
        ),
        mail=None
        if not has_mail
        else BarChart(
            "Mail sent after hours, each week",
            "Messages",
            labels,
            [Series("After-hours mail", [w.after_hours_mail or 0 for w in weeks])],
            label_every=every,
            table_latest=True,
        ),
    )
    notes = [note for missing, note in ((service.workload is None, NO_WORKLOAD), (not has_mail, NO_MAIL)) if missing]
    return TrendPage(
        today=today,
        first_day=next((c.day for c in rows if earliest is None or c.day >= earliest), None),
        check_ins=sum(1 for c in rows if earliest is None or c.day >= earliest),
        years=years,
        weeks=weeks,
        rolling=rolling,
        questionnaires=responses,
        charts=charts,
        notes=notes,
    )


# ---- questionnaires ----


@dataclass
class SurveyForm:
    instrument: str
    title: str
    intro: str
    items: list[Item]
    scales: list[Scale]
    source: DataSource
    not_a_diagnosis: str = NOT_A_DIAGNOSIS


def survey_form(instrument: str) -> SurveyForm:
    items = list(instruments.items_of(instrument))
    if instrument == CBI:
        intro = (
            "Nineteen questions in three parts: about you, about your work, and (if you work with clients, "
            "learners, patients or the public) about that work. Skip the third part if it does not apply. "
            "You may leave a question out; a part is scored when enough of it is answered."
        )
    else:
        intro = instruments.WHO5_INTRO
    return SurveyForm(
        instrument, TITLES[instrument], intro, items, list(instruments.scales_of(instrument)), SOURCES[instrument]
    )


@dataclass
class ScaleResult:
    key: str
    name: str
    score: float | None
    answered: int
    items: int
    minimum: int
    reading: Reading


@dataclass
class SurveyResult:
    response: ResponseView
    title: str
    scales: list[ScaleResult]
    change: str
    source: DataSource
    low_point: LowPointView | None
    not_a_diagnosis: str = NOT_A_DIAGNOSIS


def survey_result(service: WellbeingService, response_id: int) -> SurveyResult:
    response = service.questionnaires.get(response_id)
    kind = response.instrument
    if kind not in instruments.INSTRUMENTS:
        raise NotFound(f"there is no questionnaire {response_id}")
    items = instruments.items_of(kind)
    results = []
    for scale in instruments.scales_of(kind):
        value = response.scores.get(scale.key)
        answered = instruments.answered(kind, response.items, scale.key)
        if scale.optional and answered == 0:
            continue  # the client-related part was left out, as the form invites
        reading = instruments.read_cbi(value) if kind == CBI else instruments.read_who5(value)
        total = sum(1 for item in items if item.scale == scale.key)
        results.append(ScaleResult(scale.key, scale.name, value, answered, total, scale.minimum_answered, reading))
    change = ""
    if kind == WHO5:
        before = service.questionnaires.previous(response)
        change = instruments.change_words(
            before.scores.get("wellbeing") if before else None, response.scores.get("wellbeing")
        )
    return SurveyResult(response, TITLES[kind], results, change, SOURCES[kind], service.low_point.current())
