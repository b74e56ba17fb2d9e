"""The composition root: builds every domain service once, from settings, and hands each its peers.

The web app and the CLI get their services here and nowhere else; no domain imports this module. Importing it
registers every domain's models (onward.domains), so the store, export and backup know every table.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onward.background import Reporter
from onward.domains import REGISTRY, load_models, resolve
from onward.errors import Conflict
from onward.settings import Settings
from onward.store import Store
from onward.today import TodayItem
from onward.workspace import Preferences, Workspace

if TYPE_CHECKING:
    from onward.feedback.service import FeedbackService
    from onward.fit.matching.service import MatchingService
    from onward.fit.service import FitService
    from onward.mail.service import MailService
    from onward.network.schemas import Person
    from onward.network.service import NetworkService
    from onward.reflection.service import ReflectionService
    from onward.store.backup import Restored
    from onward.wellbeing.peers import SupportPerson
    from onward.wellbeing.service import WellbeingService
    from onward.workload.files.service import WorkloadImports
    from onward.workload.service import WorkloadService

load_models()


class Services:
    """Every domain service of one workspace, built on first use."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @classmethod
    def local(cls, settings: Settings, database_url: str | None = None) -> Services:
        """Return the services of local mode's single owner, migrating the database first."""
        store = Store(database_url or settings.resolved_database_url())
        return cls(Workspace(settings, store, store.local_owner_id()))

    @property
    def store(self) -> Store:
        return self.workspace.store

    @property
    def today(self) -> dt.date:
        return self.workspace.today

    # Each domain service is built once, here, and handed the peers it uses (the arrows of DESIGN.md).

    @cached_property
    def workload(self) -> WorkloadService:
        from onward.workload.service import WorkloadService

        # Meetings from the imported calendar take hours off each forecast week.
        return WorkloadService(self.workspace, self.workload_imports.meeting_hours_by_week)

    @cached_property
    def workload_imports(self) -> WorkloadImports:
        from onward.workload.files.service import WorkloadImports

        return WorkloadImports(self.workspace)

    @cached_property
    def fit(self) -> FitService:
        from onward.fit.service import FitService

        return FitService(self.workspace, self.workload)

    @cached_property
    def fit_matching(self) -> MatchingService:
        from onward.fit.matching.service import MatchingService

        return MatchingService(self.workspace, self.fit)

    @cached_property
    def wellbeing(self) -> WellbeingService:
        from onward.wellbeing.service import WellbeingService

        # Well-being reads its peers through Protocols of its own (onward.wellbeing.peers).
        return WellbeingService(
            self.workspace, workload=WorkloadPulseOf(self), mail=MailAfterHoursOf(self), support=SupportPeopleOf(self)
        )

    @cached_property
    def reflection(self) -> ReflectionService:
        from onward.reflection.service import ReflectionService

        # Each entry keeps this week's load; reflection reads it through its own LoadNow Protocol.
        return ReflectionService(self.workspace, WorkloadPulseOf(self))

    @cached_property
    def feedback(self) -> FeedbackService:
        from onward.feedback.service import FeedbackService

        # Whom to ask: plain names and addresses, or the network's contacts (feedback's own People Protocol).
        return FeedbackService(
            self.workspace, self.workload, people=PeopleToAskOf(self), one_page_report=self.one_page_report
        )

    def one_page_report(self) -> str:
        """Return the workload's one-page report for the manager as Markdown (what a 1:1 attaches)."""
        from onward.workload.report.page import render_markdown

        needs = [line for line in self.preferences.get("one_on_one_needs").splitlines() if line.strip()]
        report = self.workload.reports.one_on_one_report(person=self.preferences.get("name"), needs=needs)
        return render_markdown(report)

    @cached_property
    def mail(self) -> MailService:
        from onward.mail.service import MailService

        # mail -> workload: an accepted request becomes a task
        return MailService(self.workspace, self.workload)

    @cached_property
    def network(self) -> NetworkService:
        from onward.network.service import NetworkService

        # Outreach drafts say what role the person is after, from fit's ideal-role profile.
        return NetworkService(self.workspace, self.fit)

    @cached_property
    def preferences(self) -> Preferences:
        return Preferences(self.workspace)

    # ---- every domain's fillers, as their records in onward.domains name them ----

    def fill_demo(self) -> list[str]:
        """Add each domain's part of the demo workspace; return the domains that added data."""
        filled = []
        for domain in REGISTRY:
            if domain.demo:
                resolve(domain.demo)(self, self.today)
                filled.append(domain.name)
        return filled

    def fill_heavy_user(self, rng: random.Random, report: Any = None) -> None:
        """Add each domain's part of the heavy user (bench/); `report(domain, counts)` hears each one."""
        for domain in REGISTRY:
            if domain.heavy_user:
                counts = resolve(domain.heavy_user)(self, self.today, rng)
                if report is not None:
                    report(domain.name, counts)

    def today_items(self) -> list[TodayItem]:
        """Every domain's items for the first page's Today list, overdue first, in registry order."""
        items: list[TodayItem] = []
        for domain in REGISTRY:
            if domain.today:
                items.extend(resolve(domain.today)(self))
        return sorted(items, key=lambda item: not item.overdue)

    # ---- the whole workspace: export, import, backup, restore ----

    def is_empty(self) -> bool:
        """Return True when this owner has nothing stored yet."""
        return not self.store.owner_has_data(self.workspace.owner_id)

    def export(self) -> dict[str, Any]:
        """Return the whole workspace as a JSON-ready dict."""
        from onward.store.transfer import export_owner

        with self.workspace.session() as session:
            return export_owner(session, self.workspace.owner_id)

    def import_(self, data: Any, *, merge: bool = False, reporter: Reporter | None = None) -> dict[str, int]:
        """Add an export to the workspace (all or nothing); refuse a non-empty one unless merging."""
        from onward.store.transfer import import_owner

        if not merge and not self.is_empty():
            raise Conflict("the workspace already holds data; import with --merge to add to it")
        with self.workspace.session() as session:
            return import_owner(session, self.workspace.owner_id, data, merge=merge, reporter=reporter)

    def backup(self, destination: Path) -> dict[str, int]:
        from onward.store.backup import backup

        return backup(self.store, destination)

    def restore(self, source: Path) -> Restored:
        """Replace the database with a backup, after keeping a safety backup in the data folder's backups/."""
        from onward.store.backup import restore

        return restore(self.store, source, self.workspace.settings.data_dir / "backups")


class WorkloadPulseOf:
    """The workload as well-being (onward.wellbeing.peers.WorkloadPulse) and reflection (LoadNow) read it.

    Takes the Services, not the workload service, so those pages build the workload only when a check-in or
    an entry asks for this week's load or the trends ask for mistakes.
    """

    def __init__(self, services: Services) -> None:
        self.services = services

    def current_load_ratio(self) -> float | None:
        """This week's hours needed / hours available (0 in a week with nothing planned); None: no hours set."""
        weeks = self.services.workload.planning.load_forecast(1).weeks
        if not weeks or weeks[0].ratio is None:
            return None
        return round(weeks[0].ratio, 3)

    def mistakes_by_week(self, first_monday: dt.date, weeks: int) -> dict[dt.date, int]:
        end = first_monday + dt.timedelta(days=7 * weeks)
        counts: dict[dt.date, int] = {}
        for mistake in self.services.workload.mistakes.list_mistakes():
            if first_monday <= mistake.happened_on < end:
                monday = mistake.happened_on - dt.timedelta(days=mistake.happened_on.weekday())
                counts[monday] = counts.get(monday, 0) + 1
        return counts


class MailAfterHoursOf:
    """Mail as well-being reads it (onward.wellbeing.peers.AfterHoursMail): sent after hours, week by week."""

    def __init__(self, services: Services) -> None:
        self.services = services
        # Placing years of sent mail on the person's clock takes a while (100,000 messages: most of a second),
        # so the weeks are kept until the mailbox changes (its counts and newest message, one quick query).
        self._kept: tuple[object, dict[dt.date, int]] | None = None

    def has_mail(self) -> bool:
        return self.services.mail.counts()["sent"] > 0

    def sent_after_hours_by_week(self, first_monday: dt.date, weeks: int) -> dict[dt.date, int]:
        key = (self.services.mail.version(), first_monday, weeks)
        if self._kept is not None and self._kept[0] == key:
            return dict(self._kept[1])
        last = first_monday + dt.timedelta(days=7 * (weeks - 1))
        counted = {
            week.start: week.after_hours for week in self.services.mail.sent_after_hours_by_week(first_monday, last)
        }
        self._kept = (key, counted)
        return dict(counted)


class SupportPeopleOf:
    """The network's support contacts as well-being reads them (onward.wellbeing.peers.SupportPeople)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def support_people(self) -> list[SupportPerson]:
        from onward.wellbeing.peers import SupportPerson

        return [
            SupportPerson(person.name, how_to_reach=person.phone or person.email)
            for person in self.services.network.support_people()
        ]


class PeopleToAskOf:
    """The network's contacts as feedback chooses whom to ask (onward.feedback.people.People)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def people_to_ask(self) -> list[Person]:
        return self.services.network.people()
