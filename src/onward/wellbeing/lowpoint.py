"""The low point: when to say, calmly and once per episode, that things look heavy and who could help.

Signs (any one is enough), each judged with what was known on a day:
- the latest WHO-5 (taken in the four weeks before) is 28 or less;
- mood has fallen two weeks in a row: the mean mood of the last 7 days is below that of the 7 before, which is
  below that of the 7 before those, each week with at least 3 check-ins, and by half a point or more in all;
- the last two CBI work-related scores (the latest in the eight weeks before) are both 50 or more.
An episode is the run of days, up to today, on which some sign held; it starts on the first of them. Dismissing
the message remembers that start, so it stays away until a new episode begins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onward.wellbeing import instruments
from onward.wellbeing.schemas import CheckInView, LowPointView, ResponseView
from onward.workspace import Preferences

if TYPE_CHECKING:
    from onward.wellbeing.checkins import CheckIns
    from onward.wellbeing.peers import SupportPeople
    from onward.wellbeing.questionnaires import Questionnaires
    from onward.workspace import Workspace

WHO5_FRESH_DAYS = 28
CBI_FRESH_DAYS = 56
MOOD_WEEK_CHECK_INS = 3
MOOD_FALL = 0.5
LOOK_BACK_DAYS = 366  # an episode's start is looked for this far back at most
DISMISSED_KEY = "wellbeing.low_point_dismissed"
NO_PEOPLE = "Name the people you can lean on under Network, and they will be listed here."


def _week_mood(by_day: dict[dt.date, int], last: dt.date) -> float | None:
    moods = [by_day[d] for d in (last - dt.timedelta(days=i) for i in range(7)) if d in by_day]
    return sum(moods) / len(moods) if len(moods) >= MOOD_WEEK_CHECK_INS else None


def signs_on(
    day: dt.date,
    moods: dict[dt.date, int],
    who5: Sequence[tuple[dt.date, float | None]],
    cbi_work: Sequence[tuple[dt.date, float | None]],
) -> list[str]:
    """Return the signs that held on `day`, in plain words (empty: none). Lists are oldest first."""
    signs = []
    known = [(taken, value) for taken, value in who5 if taken <= day and value is not None]
    if known and (day - known[-1][0]).days <= WHO5_FRESH_DAYS and known[-1][1] <= instruments.WHO5_PROFESSIONAL:
        signs.append(f"your WHO-5 on {known[-1][0].isoformat()} was {known[-1][1]:.0f}, which is 28 or less")
    weeks = [_week_mood(moods, day - dt.timedelta(days=7 * k)) for k in (0, 1, 2)]
    now, before, earlier = weeks
    falling = now is not None and before is not None and earlier is not None and now < before < earlier
    if falling and earlier is not None and now is not None and earlier - now >= MOOD_FALL:
        signs.append(f"your mood has gone down two weeks in a row (from {earlier:.1f} to {now:.1f} on average)")
    work = [(taken, value) for taken, value in cbi_work if taken <= day and value is not None]
    fresh = len(work) >= 2 and (day - work[-1][0]).days <= CBI_FRESH_DAYS
    if fresh and all(value >= instruments.CBI_HIGH for _taken, value in work[-2:]):
        signs.append("your last two work-related burnout scores (CBI) were 50 or more")
    return signs


def episode(
    today: dt.date,
    check_ins: Sequence[CheckInView],
    responses: Sequence[ResponseView],
) -> tuple[dt.date, list[str]] | None:
    """Return (the day the current episode began, today's signs), or None when no sign holds today."""
    moods = {c.day: c.mood for c in check_ins if c.day > today - dt.timedelta(days=LOOK_BACK_DAYS + 21)}
    who5 = [(r.taken_on, r.scores.get("wellbeing")) for r in responses if r.instrument == instruments.WHO5]
    cbi = [(r.taken_on, r.scores.get("work")) for r in responses if r.instrument == instruments.CBI]
    signs = signs_on(today, moods, who5, cbi)
    if not signs:
        return None
    start = today
    for back in range(1, LOOK_BACK_DAYS):
        day = today - dt.timedelta(days=back)
        if not signs_on(day, moods, who5, cbi):
            break
        start = day
    return start, signs


class LowPoint:
    """The low-point message of one workspace: its signs, the support people, dismissing it for the episode."""

    def __init__(
        self,
        workspace: Workspace,
        check_ins: CheckIns,
        questionnaires: Questionnaires,
        support: SupportPeople | None = None,
    ) -> None:
        self.workspace = workspace
        self.check_ins = check_ins
        self.questionnaires = questionnaires
        self.support = support
        self.preferences = Preferences(workspace)

    def current(
        self,
        check_ins: Sequence[CheckInView] | None = None,
        responses: Sequence[ResponseView] | None = None,
        *,
        include_dismissed: bool = False,
    ) -> LowPointView | None:
        """Return the message to show now, or None (no sign today, or dismissed for this episode)."""
        today = self.workspace.today
        if check_ins is None:
            check_ins = self.check_ins.all(since=today - dt.timedelta(days=LOOK_BACK_DAYS + 21))
        found = episode(today, check_ins, self.questionnaires.history() if responses is None else responses)
        if found is None:
            return None
        since, reasons = found
        if not include_dismissed and self.preferences.get(DISMISSED_KEY) == since.isoformat():
            return None
        people = list(self.support.support_people()) if self.support is not None else []
        return LowPointView(
            since=since,
            reasons=reasons,
            people=people,
            people_hint="" if people else NO_PEOPLE,
            help_line=self.workspace.settings.professional_help_line,
        )

    def dismiss(self) -> None:
        """Put the message away until a new episode begins (nothing to dismiss: nothing changes)."""
        view = self.current(include_dismissed=True)
        if view is not None:
            self.preferences.set(DISMISSED_KEY, view.since.isoformat())
