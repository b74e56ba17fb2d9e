"""Outreach: a drafted message per contact from fit's ideal-role profile, and "sent" logged as an interaction."""

from __future__ import annotations

import datetime as dt

from onward.errors import BadInput
from onward.fit.service import FitService
from onward.network import draft
from onward.network.contacts import ContactBook
from onward.network.interactions import Interactions
from onward.network.schemas import Draft, InteractionView
from onward.workspace import Preferences

RECENT_DAYS = 90
# Applications still in progress (fit's open stages): their employers make a contact there worth asking.
OPEN_STAGES = ("wishlist", "applied", "interviewing", "offer")
FOLLOW_UP_AFTER = 7  # days: a gentle nudge a week on, if no reply came


class Outreach:
    """Drafts a message that says what role the person is after, and records it once sent."""

    def __init__(self, book: ContactBook, interactions: Interactions, fit: FitService, preferences: Preferences):
        self.book = book
        self.interactions = interactions
        self.fit = fit
        self.preferences = preferences

    def target(self) -> draft.Profile:
        """Return what the drafts say of the role the person is after (from fit's ideal-role profile)."""
        role = self.fit.profile()
        return draft.Profile(label=role.label, loved=role.core, growing=role.growing, sector=role.environment.sector)

    def open_employers(self) -> set[str]:
        return {a.employer for a in self.fit.list_applications(stages=OPEN_STAGES)}

    def draft(self, contact_id: int) -> Draft:
        """Return a short message to a contact with a clear ask, ready to edit, copy or open in the mail app."""
        contact = self.book.get(contact_id)
        profile = self.target()
        about = draft.About(
            first_name=draft.first_name(contact.name),
            how_met=contact.how_met,
            role=contact.role,
            organisation=contact.organisation,
            relationship=contact.relationship,
            met_recently=contact.met_on is not None and (self.book.today - contact.met_on).days <= RECENT_DAYS,
        )
        subject = draft.subject(profile)
        body = draft.body(profile, about, self.preferences.get("name"))
        based_on = []
        if profile.label:
            based_on.append(f"your ideal role: {profile.label}")
        if profile.loved:
            based_on.append(f"what you love and do best: {', '.join(profile.loved[:3])}")
        if not profile.label and not profile.loved:
            based_on.append("no ideal-role profile yet: rate your duties in Fit for a sharper message")
        if contact.how_met:
            based_on.append(f"how you met: {contact.how_met}")
        if contact.role or contact.organisation:
            based_on.append(f"their work: {' at '.join(p for p in (contact.role, contact.organisation) if p)}")
        return Draft(
            contact_id=contact.id,
            name=contact.name,
            email=contact.email,
            subject=subject,
            body=body,
            mailto=draft.mailto(contact.email, subject, body),
            based_on=based_on,
        )

    def mark_sent(
        self,
        contact_id: int,
        text: str,
        *,
        on: dt.date | None = None,
        follow_up_on: dt.date | None = None,
        follow_up: bool = True,
    ) -> InteractionView:
        """Return the interaction recording the message as sent (a follow-up a week on unless told otherwise)."""
        if not text.strip():
            raise BadInput("message is empty: there is nothing to send yet")
        contact = self.book.get(contact_id)
        day = on or self.book.today
        if follow_up and follow_up_on is None:
            follow_up_on = day + dt.timedelta(days=FOLLOW_UP_AFTER)
        return self.interactions.log(
            contact_id,
            "email" if contact.email else "message",
            on=day,
            notes=text,
            outcome="sent",
            follow_up_on=follow_up_on if follow_up else None,
        )
