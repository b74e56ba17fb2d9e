"""Interactions: a coffee, call, message or e-mail logged against a contact, its outcome and follow-up date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from onward.errors import BadInput, NotFound
from onward.network.models import INTERACTION_KINDS, Contact, Interaction
from onward.network.schemas import InteractionView
from onward.workspace import Workspace


def _view(row: Interaction, name: str) -> InteractionView:
    return InteractionView(
        row.id, row.contact_id, name, row.kind, row.on, row.notes, row.outcome, row.follow_up_on, row.follow_up_done
    )


class Interactions:
    """What passed between the person and a contact; the newest gives the contact's last contact."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def log(
        self,
        contact_id: int,
        kind: str,
        *,
        on: dt.date | None = None,
        notes: str = "",
        outcome: str = "",
        follow_up_on: dt.date | None = None,
    ) -> InteractionView:
        """Return the interaction logged with a contact (today by default)."""
        if kind not in INTERACTION_KINDS:
            raise BadInput(f"kind must be one of {', '.join(INTERACTION_KINDS)}, not '{kind}'")
        today = self.workspace.today
        day = on or today
        if day > today:
            raise BadInput(f"date: {day} is after today ({today}); log it once it has happened, or set a follow-up")
        if follow_up_on is not None and follow_up_on < day:
            raise BadInput(f"follow up on: {follow_up_on} is before the {kind} itself ({day})")
        with self.workspace.session() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotFound(f"there is no contact {contact_id}")
            row = Interaction(
                contact_id=contact_id,
                kind=kind,
                on=day,
                notes=notes.strip(),
                outcome=outcome.strip()[:40],
                follow_up_on=follow_up_on,
                follow_up_done=False,
            )
            session.add(row)
            session.flush()
            return _view(row, contact.name)

    def of_contact(self, contact_id: int) -> list[InteractionView]:
        """Return a contact's interactions, newest first."""
        with self.workspace.session() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotFound(f"there is no contact {contact_id}")
            rows = session.scalars(
                select(Interaction)
                .where(Interaction.contact_id == contact_id)
                .order_by(Interaction.on.desc(), Interaction.id.desc())
            )
            return [_view(row, contact.name) for row in rows]

    def follow_up_done(self, interaction_id: int, done: bool = True) -> InteractionView:
        """Return the interaction with its follow-up marked done (it leaves the Today list and the calendar)."""
        with self.workspace.session() as session:
            row = session.get(Interaction, interaction_id)
            if row is None:
                raise NotFound(f"there is no interaction {interaction_id}")
            if row.follow_up_on is None:
                raise BadInput(f"interaction {interaction_id} has no follow-up to mark done")
            row.follow_up_done = done
            contact = session.get(Contact, row.contact_id)
            return _view(row, contact.name if contact else "")
