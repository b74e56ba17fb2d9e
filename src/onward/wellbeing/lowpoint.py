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

import bisect
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


class Signals:
    """Everything the signs are judged from, indexed once so judging any day is a few lookups.

    Mood: prefix sums of check-ins and moods per day, so a week's mean costs O(1). Questionnaires: sorted by
    date, so the latest on or before a day is a bisection. An episode's walk back over a year stays cheap.
    """

    def __init__(
        self,
        today: dt.date,
        check_ins: Sequence[CheckInView],
        who5: Sequence[tuple[dt.date, float | None]],
        cbi_work: Sequence[tuple[dt.date, float | None]],
    ) -> None:
        self.origin = today - dt.timedelta(days=LOOK_BACK_DAYS + 21)
        length = (today - self.origin).days + 2
        counts, sums = [0] * length, [0] * length
        for c in check_ins:
            i = (c.day - self.origin).days + 1
            if 0 < i < length:
                counts[i] += 1
                sums[i] += c.mood
        for i in range(1, length):
            counts[i] += counts[i - 1]
            sums[i] += sums[i - 1]
        self.counts, self.sums = counts, sums
        # Sorted by date only (stable): of two taken the same day, the one taken later stays last.
        self.who5 = sorted(((day, value) for day, value in who5 if value is not None), key=lambda pair: pair[0])
        self.cbi = sorted(((day, value) for day, value in cbi_work if value is not None), key=lambda pair: pair[0])
        self.who5_days = [day for day, _value in self.who5]
        self.cbi_days = [day for day, _value in self.cbi]

    def week_mood(self, last: dt.date) -> float | None:
        """Return the mean mood of the 7 days up to `last`, or None with fewer than 3 check-ins in them."""
        return self._week_mood_at((last - self.origin).days + 1)

    def held_by_day(self, today: dt.date) -> list[bool]:
        """Return, for each day from the first one indexed to `today`, whether any sign held: one sweep over the
        days (the same rules as `on`, without the words), so an episode's start is found in a millisecond."""
        days = (today - self.origin).days + 1
        held = [False] * days
        w, c = 0, 0  # questionnaires taken up to the day being swept
        for i in range(days):
            day = self.origin + dt.timedelta(days=i)
            while w < len(self.who5) and self.who5[w][0] <= day:
                w += 1
            while c < len(self.cbi) and self.cbi[c][0] <= day:
                c += 1
            if w:
                taken, value = self.who5[w - 1]
                if (day - taken).days <= WHO5_FRESH_DAYS and value <= instruments.WHO5_PROFESSIONAL:
                    held[i] = True
                    continue
            fresh = c >= 2 and (day - self.cbi[c - 1][0]).days <= CBI_FRESH_DAYS
            if fresh and min(self.cbi[c - 1][1], self.cbi[c - 2][1]) >= instruments.CBI_HIGH:
                held[i] = True
                continue
            held[i] = self._mood_falling(i + 1)
        return held

    def _week_mood_at(self, b: int) -> float | None:
        """The mean mood of the 7 days ending at prefix index `b` (None: fewer than 3 check-ins)."""
        if b <= 0:
            return None
        a = max(b - 7, 0)
        n = self.counts[b] - self.counts[a]
        return (self.sums[b] - self.sums[a]) / n if n >= MOOD_WEEK_CHECK_INS else None

    def _mood_falling(self, b: int) -> bool:
        now, before, earlier = self._week_mood_at(b), self._week_mood_at(b - 7), self._week_mood_at(b - 14)
        if now is None or before is None or earlier is None:
            return False
        return now < before < earlier and earlier - now >= MOOD_FALL

    def on(self, day: dt.date) -> list[str]:
        """Return the signs that held on `day`, judged with what was known then, in plain words (empty: none)."""
        signs = []
        seen = bisect.bisect_right(self.who5_days, day)  # everything taken on or before `day`
        last = self.who5[seen - 1] if seen else None
        if last and (day - last[0]).days <= WHO5_FRESH_DAYS and last[1] <= instruments.WHO5_PROFESSIONAL:
            signs.append(f"your WHO-5 on {last[0].isoformat()} was {last[1]:.0f}, which is 28 or less")
        now, before, earlier = (self.week_mood(day - dt.timedelta(days=7 * k)) for k in (0, 1, 2))
        falling = now is not None and before is not None and earlier is not None and now < before < earlier
        if falling and now is not None and earlier is not None and earlier - now >= MOOD_FALL:
            signs.append(f"your mood has gone down two weeks in a row (from {earlier:.1f} to {now:.1f} on average)")
        taken = bisect.bisect_right(self.cbi_days, day)
        work = self.cbi[max(taken - 2, 0) : taken]
        fresh = len(work) == 2 and (day - work[-1][0]).days <= CBI_FRESH_DAYS
        if fresh and all(value >= instruments.CBI_HIGH for _taken, value in work):
            signs.append("your last two work-related burnout scores (CBI) were 50 or more")
        return signs


def episode(
    today: dt.date,
    check_ins: Sequence[CheckInView],
    responses: Sequence[ResponseView],
) -> tuple[dt.date, list[str]] | None:
    """Return (the day the current episode began, today's signs), or None when no sign holds today."""
    who5 = [(r.taken_on, r.scores.get("wellbeing")) for r in responses if r.instrument == instruments.WHO5]
    cbi = [(r.taken_on, r.scores.get("work")) for r in responses if r.instrument == instruments.CBI]
    signals = Signals(today, check_ins, who5, cbi)
    signs = signals.on(today)
    if not signs:
        return None
    held = signals.held_by_day(today)
    start = today
    for back in range(1, min(LOOK_BACK_DAYS, len(held))):
        if not held[-1 - back]:
            break
        start = today - dt.timedelta(days=back)
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
