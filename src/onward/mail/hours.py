"""After hours: when the person sends mail, week by week, and how soon they answer. One of the parts
`MailService` (service.py) is made of; the counting itself is analytics.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import aliased

from onward.hours import WorkingHours
from onward.mail.analytics import SentPattern, WeekCount, response_buckets, sent_pattern
from onward.mail.models import MailMessage

if TYPE_CHECKING:
    from onward.workspace import Workspace

STREAM = 5000  # rows fetched at a time: 100,000 sent messages never sit in memory at once


class MailHours:
    """Sent mail against the working hours of the settings (ONWARD_WORK_START, _END, _DAYS, _TIMEZONE)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @property
    def working_hours(self) -> WorkingHours:
        return WorkingHours.from_settings(self.workspace.settings)

    def _sent_moments(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> Iterator[dt.datetime]:
        query = select(MailMessage.sent_at).where(MailMessage.direction == "sent")
        if since is not None:
            query = query.where(MailMessage.sent_at >= since)
        if until is not None:
            query = query.where(MailMessage.sent_at < until)
        with self.workspace.session() as session:
            yield from session.scalars(query.execution_options(yield_per=STREAM))

    def pattern(self) -> SentPattern:
        """Every sent message counted by the person's clock: hours, weekdays, weeks, latest each day."""
        return sent_pattern(self._sent_moments(), self.working_hours)

    def sent_after_hours_by_week(self, start: dt.date, end: dt.date) -> list[WeekCount]:
        """Sent messages and those sent after hours, per week (Monday start), for the weeks from `start`'s to
        `end`'s, empty weeks included: the numbers `onward mail hours --json` prints under "weeks"."""
        hours = self.working_hours
        first, last = start - dt.timedelta(days=start.weekday()), end - dt.timedelta(days=end.weekday())
        # a day's margin either side in UTC; each moment is then placed on the person's own calendar
        since = dt.datetime.combine(first - dt.timedelta(days=1), dt.time())
        until = dt.datetime.combine(last + dt.timedelta(days=8), dt.time())
        moments = (
            moment
            for moment in self._sent_moments(since, until)
            if first <= hours.local(moment.replace(tzinfo=dt.UTC)).date() < last + dt.timedelta(days=7)
        )
        return sent_pattern(moments, hours, first_week=first, last_week=last).weeks

    def response_times(self) -> list[tuple[str, int]]:
        """How soon the person answered received messages (replies matched by In-Reply-To), in buckets."""
        asked = aliased(MailMessage)
        query = (
            select(MailMessage.sent_at, asked.sent_at)
            .join(asked, asked.message_key == MailMessage.in_reply_to)
            .where(MailMessage.direction == "sent", asked.direction == "received", MailMessage.in_reply_to != "")
        )
        with self.workspace.session() as session:
            rows = session.execute(query.execution_options(yield_per=STREAM))
            return response_buckets(reply - message for reply, message in rows)
