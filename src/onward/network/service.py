"""The network domain's public API: contacts, imports, interactions, suggestions, outreach and follow-ups.

Made of small parts with one job each; callers say which they use (`network.contacts.add(...)`,
`network.imports.import_data(...)`). Other domains read people through `people()` and `support_people()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from onward.fit.service import FitService
from onward.network import queries, suggestions
from onward.network.contacts import ContactBook
from onward.network.duplicates import Duplicates
from onward.network.followups import FollowUps
from onward.network.imports import ContactImports
from onward.network.interactions import Interactions
from onward.network.outreach import Outreach
from onward.network.schemas import ContactView, LosingTouch, Person, Suggestions
from onward.workspace import Preferences, Workspace


class NetworkService:
    """The people who can help, what passed between them and the person, and what to do next."""

    def __init__(self, workspace: Workspace, fit: FitService) -> None:
        self.workspace = workspace
        self.contacts = ContactBook(workspace)
        self.imports = ContactImports(workspace, self.contacts)
        self.interactions = Interactions(workspace)
        self.follow_ups = FollowUps(workspace, self.contacts)
        self.duplicates = Duplicates(workspace, self.contacts)
        self.outreach = Outreach(self.contacts, self.interactions, fit, Preferences(workspace))

    @property
    def today(self) -> dt.date:
        return self.workspace.today

    def suggestions(
        self, contacts: list[ContactView] | None = None, losing: list[LosingTouch] | None = None
    ) -> Suggestions:
        """Return who to reach out to, in groups, each with the reason (over `contacts` and `losing` when the
        caller already has them: a page that shows several parts reads the address book once)."""
        target = self.outreach.target()
        words = suggestions.words_of(" ".join([target.label, *target.loved, *target.growing, target.sector]))
        employers = self.outreach.open_employers()
        losing = self.follow_ups.losing_touch() if losing is None else losing
        if contacts is None:  # only the contacts that can change what is shown, not the whole address book
            year_ago = self.today - dt.timedelta(days=365)
            with self.workspace.session() as session:
                ids, other_mentors = queries.suggestion_candidates(
                    session, words, employers, [lt.contact_id for lt in losing], year_ago, suggestions.SHOWN
                )
            return suggestions.suggest(self.contacts.of_ids(ids), losing, self.today, words, employers, other_mentors)
        return suggestions.suggest(contacts, losing, self.today, words, employers)

    # ---- for other domains ----

    def support_people(self) -> list[Person]:
        """Return the contacts marked as someone the person can lean on, each with a name and how to reach them."""
        return self.contacts.support_people()

    def people(self, contact_ids: Sequence[int] | None = None) -> list[Person]:
        """Return the contacts named (or every contact), each with a name and e-mail, by name."""
        return self.contacts.people(contact_ids)
