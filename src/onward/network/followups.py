"""Follow-ups and keeping in touch: what is due today, who is past their cadence, and the follow-ups as an
iCalendar file.

Each follow-up becomes a short event at the start of the person's working day (onward.hours): on a day off it
moves to the next working day, and it never falls in quiet hours. Its UID stays the same across exports, so a
calendar that imports the file again updates the event instead of adding a second.
"""

from __future__ import annotations

import datetime as dt

import icalendar
from sqlalchemy import Text, cast, func, select

from onward.hours import WorkingHours
from onward.network import cadence, queries
from onward.network.contacts import ContactBook, json_list
from onward.network.models import Contact, Interaction
from onward.network.schemas import Due, FollowUp, LosingTouch
from onward.workspace import Workspace

PRODID = "-//Onward//Network follow-ups//EN"
EVENT_MINUTES = 15


def follow_up_moment(day: dt.date, hours: WorkingHours) -> dt.datetime:
    """Return when a follow-up on `day` shows in a calendar: the start of that (or the next) working day,
    moved past quiet hours if the working day starts inside them."""
    for _ in range(7):
        if not hours.days or day.weekday() in hours.days:
            break
        day += dt.timedelta(days=1)
    moment = dt.datetime.combine(day, hours.start, tzinfo=hours.zone)
    if hours.is_quiet(moment):
        moment = dt.datetime.combine(day, hours.quiet_end, tzinfo=hours.zone)
    return moment


class FollowUps:
    """Follow-ups due, the losing-touch list, and the .ics export."""

    def __init__(self, workspace: Workspace, book: ContactBook) -> None:
        self.workspace = workspace
        self.book = book

    def open_follow_ups(self, *, until: dt.date | None = None) -> list[FollowUp]:
        """Return the follow-ups not yet done (up to `until`, or all), the earliest first."""
        today = self.workspace.today
        query = (
            select(
                Interaction.id,
                Interaction.contact_id,
                Contact.name,
                Interaction.follow_up_on,
                Interaction.kind,
                Interaction.on,
            )
            .join(Contact, Contact.id == Interaction.contact_id)
            .where(Interaction.follow_up_on.is_not(None), Interaction.follow_up_done.is_(False))
            .order_by(Interaction.follow_up_on, Interaction.id)
        )
        if until is not None:
            query = query.where(Interaction.follow_up_on <= until)
        with self.workspace.session() as session:
            rows = session.execute(query).all()
        found = []
        for interaction_id, contact_id, name, day, kind, on in rows:
            if day is not None:  # the query asks for follow-ups only; this tells the type checker so
                found.append(
                    FollowUp(interaction_id, contact_id, name, day, f"{kind} on {on.isoformat()}", (today - day).days)
                )
        return found

    def losing_touch(self) -> list[LosingTouch]:
        """Return the people not contacted for longer than their cadence, the longest overdue first."""
        today = self.workspace.today
        found = []
        with self.workspace.session() as session:
            by_tag = self.book.tag_cadences(session)
            if queries.ascii_tags(by_tag):  # the database finds them; a tag SQL cannot case-fold takes the walk
                for row in queries.losing_touch_rows(session, by_tag, today):
                    since = row.last or row.met_on or row.created_at.date()
                    found.append(LosingTouch(row.id, row.name, row.last, since, row.cadence, row.beyond))
                return sorted(found, key=lambda lt: (-lt.days_overdue, lt.name.casefold()))
            rows = session.execute(
                select(
                    Contact.id,
                    Contact.name,
                    Contact.cadence_days,
                    cast(Contact.tags, Text).label("tags"),
                    Contact.met_on,
                    Contact.created_at,
                )
            ).all()
            candidates = [(r, cadence.effective_cadence(r.cadence_days, json_list(r.tags), by_tag)) for r in rows]
            candidates = [(r, days) for r, days in candidates if days]
            if not candidates:
                return []
            newest = select(Interaction.contact_id, func.max(Interaction.on)).group_by(Interaction.contact_id)
            last: dict[int, dt.date] = {}
            for contact_id, day in session.execute(newest):  # not dict(result): a Result has .keys()
                last[contact_id] = day
        for row, days in candidates:
            contacted = last.get(row.id)
            beyond = cadence.days_beyond(days, contacted, row.met_on, row.created_at.date(), today)
            if beyond is not None:
                since = contacted or row.met_on or row.created_at.date()
                found.append(LosingTouch(row.id, row.name, contacted, since, days or 0, beyond))
        return sorted(found, key=lambda lt: (-lt.days_overdue, lt.name.casefold()))

    def due(self) -> Due:
        """Return the follow-ups due today or overdue, and the losing-touch list."""
        today = self.workspace.today
        return Due(today=today, follow_ups=self.open_follow_ups(until=today), losing_touch=self.losing_touch())

    def calendar(self) -> bytes:
        """Return every open follow-up as an iCalendar file of events (RFC 5545)."""
        hours = WorkingHours.from_settings(self.workspace.settings)
        cal = icalendar.Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("x-wr-calname", "Onward follow-ups")
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        for follow_up in self.open_follow_ups():
            start = follow_up_moment(follow_up.on, hours).astimezone(dt.UTC)
            event = icalendar.Event()
            event.add("uid", f"follow-up-{follow_up.interaction_id}@network.onward")
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=EVENT_MINUTES))
            event.add("summary", f"Follow up with {follow_up.contact_name}")
            event.add("description", f"After the {follow_up.about}.")
            cal.add_component(event)
        data: bytes = cal.to_ical()
        return data
