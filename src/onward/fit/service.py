"""The fit domain's public API: the task audit, environment, ideal-role profile, applications and offers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from onward.errors import BadInput, NotFound
from onward.fit import comparison, profile, reminders, row_views
from onward.fit.matching.query import FitQuery, fit_query_from_duties
from onward.fit.models import (
    CLOSED_STAGES,
    COLLABORATION,
    FOCUS,
    NEXT_STAGES,
    OPEN_STAGES,
    STAGES,
    WORK_MODES,
    Application,
    ApplicationEvent,
    Environment,
    Offer,
    RoleProfile,
)
from onward.fit.schemas import (
    ApplicationView,
    Audit,
    AuditDuty,
    AuditJob,
    EnvironmentView,
    EventView,
    OfferComparison,
    OfferView,
    QuadrantPoint,
    Reminder,
    RoleProfileView,
    TaskRating,
)
from onward.workload.schemas import JobView, ResponsibilityView
from onward.workload.service import WorkloadService
from onward.workspace import Workspace

MAX_TEAM, MAX_HOURS = 10_000, 100.0
TASKS_PER_DUTY = 15  # tasks offered for rating one by one under each duty on the audit
APPLICATION_COLUMNS = (
    Application.id,
    Application.employer,
    Application.role_title,
    Application.link,
    Application.stage,
    Application.applied_on,
    Application.stage_since,
    Application.last_follow_up,
    Application.next_step,
    Application.next_step_on,
    Application.people_met,
    Application.notes,
)
ENVIRONMENT_FIELDS = tuple(f.name for f in dataclasses.fields(EnvironmentView) if f.name != "saved")


class FitService:
    """What the person loves and is good at, the environment they thrive in, and the roles they pursue."""

    def __init__(self, workspace: Workspace, workload: WorkloadService) -> None:
        self.workspace = workspace
        self.workload = workload  # the one workload service, with the calendar's meeting hours

    @property
    def today(self) -> dt.date:
        return self.workspace.today

    # ---- task audit ----

    def duties(self) -> list[ResponsibilityView]:
        """Return every duty of every job, past ones included."""
        return self.workload.duties.list_responsibilities()

    def rate_duty(
        self, duty_id: int, *, enjoyment: str | None = None, skill: int | None = None, energy: int | None = None
    ) -> ResponsibilityView:
        """Return the duty after recording its rating (love/like/without, skill 1–5, energy -2…+2)."""
        return self.workload.duties.rate_responsibility(duty_id, enjoyment=enjoyment, skill=skill, energy=energy)

    def rate_task(self, task_id: int, *, enjoyment: str | None = None, skill: int | None = None) -> None:
        self.workload.tasks.rate_task(task_id, enjoyment=enjoyment, skill=skill)

    def add_past_job(
        self, title: str, *, employer: str = "", start_date: dt.date | None = None, end_date: dt.date | None
    ) -> JobView:
        """Return a job the person held before (it needs an end date on or before today)."""
        if end_date is None:
            raise BadInput(f"past job '{title}': end date is needed (when did it end?)")
        if end_date > self.today:
            raise BadInput(f"past job '{title}': end date {end_date} is after today ({self.today})")
        if start_date is not None and start_date > end_date:
            raise BadInput(f"past job '{title}': start date {start_date} is after its end date ({end_date})")
        return self.workload.duties.add_job(title, employer=employer, start_date=start_date, end_date=end_date)

    def add_responsibility(self, job_id: int, name: str, *, description: str = "") -> ResponsibilityView:
        """Return a new duty of a job (for example one from a past job, to rate it)."""
        return self.workload.duties.add_responsibility(job_id, name, description=description)

    def _task_ratings(self, *, loved_only: bool = False) -> dict[int, list[TaskRating]]:
        """Return, per duty, the tasks worth rating one by one (TASKS_PER_DUTY newest of each; every loved one)."""
        per_duty = None if loved_only else TASKS_PER_DUTY
        return {
            duty: [TaskRating(t.id, t.title, t.status, t.enjoyment, t.skill) for t in tasks]
            for duty, tasks in self.workload.tasks.to_rate(per_duty=per_duty, loved_only=loved_only).items()
        }

    def audit(self) -> Audit:
        """Return every job with its duties and their ratings, and the rated duties as quadrant points."""
        duties = self.duties()
        tasks = self._task_ratings()
        jobs = [AuditJob(j.id, j.title, j.employer, j.start_date, j.end_date) for j in self.workload.duties.list_jobs()]
        by_id = {job.id: job for job in jobs}
        points = []
        for d in duties:
            core = profile.in_core(d.enjoyment, d.skill)
            by_id[d.job_id].duties.append(
                AuditDuty(d.id, d.name, d.description, d.enjoyment, d.skill, d.energy, core, tasks.get(d.id, []))
            )
            if d.enjoyment and d.skill:
                points.append(QuadrantPoint(d.id, d.name, d.job_title, d.enjoyment, d.skill, d.energy, core))
        rated = sum(1 for d in duties if d.enjoyment)
        return Audit(jobs=jobs, points=points, rated=rated, unrated=len(duties) - rated)

    # ---- environment ----

    def environment(self) -> EnvironmentView:
        with self.workspace.session() as session:
            return row_views.environment_view(session.scalar(select(Environment)))

    def save_environment(self, **values: Any) -> EnvironmentView:
        """Return the environment after saving the given fields (a field left out keeps its value)."""
        unknown = sorted(set(values) - set(ENVIRONMENT_FIELDS))
        if unknown:
            raise BadInput(f"the environment has no field(s) {', '.join(unknown)}")
        current = dataclasses.asdict(self.environment())
        current.pop("saved")
        current.update(values)
        focus = row_views.choice(current["focus"], FOCUS, "focus")
        collaboration = row_views.choice(current["collaboration"], COLLABORATION, "collaboration")
        work_mode = row_views.choice(current["work_mode"], WORK_MODES, "work mode")
        team_min, team_max, hours = current["team_min"], current["team_max"], current["hours_per_week"]
        for what, size in (("smallest team size", team_min), ("largest team size", team_max)):
            if size is not None and not 1 <= size <= MAX_TEAM:
                raise BadInput(f"{what} must be from 1 to {MAX_TEAM}, not {size}")
        if team_min is not None and team_max is not None and team_max < team_min:
            raise BadInput(f"team size: the largest ({team_max}) is smaller than the smallest ({team_min})")
        if hours is not None and not 0 < hours <= MAX_HOURS:
            raise BadInput(f"hours per week must be more than 0 and at most {MAX_HOURS:g}, not {hours:g}")
        with self.workspace.session() as session:
            row = session.scalar(select(Environment))
            if row is None:
                row = Environment()
                session.add(row)
            row.focus, row.collaboration, row.work_mode = focus, collaboration, work_mode
            row.team_min, row.team_max, row.hours_per_week = team_min, team_max, hours
            row.sector = (current["sector"] or "").strip()[:200]
            row.mission = (current["mission"] or "").strip()
            row.notes = current["notes"] or ""
        return self.environment()

    # ---- ideal-role profile ----

    def profile(self) -> RoleProfileView:
        """Return the ideal-role profile: the statement in force (the person's, else generated) and its parts."""
        duties = self.duties()
        environment = self.environment()
        groups = profile.group_duties(duties)
        generated = profile.generate_statement(groups, environment)
        with self.workspace.session() as session:
            row = session.scalar(select(RoleProfile))
            edited = row is not None and bool(row.statement.strip())
            statement = row.statement if row is not None and edited else generated
            differs = edited and row is not None and row.based_on != generated
            label = row.label if row is not None else ""
        rated = sum(1 for d in duties if d.enjoyment)
        return RoleProfileView(
            statement=statement,
            generated=generated,
            edited=edited,
            generated_differs=differs,
            label=label,
            core=groups.core,
            growing=groups.growing,
            also=groups.also,
            fewer=groups.fewer,
            environment=environment,
            rated=rated,
            unrated=len(duties) - rated,
        )

    def edit_profile(self, *, statement: str | None = None, label: str | None = None) -> RoleProfileView:
        """Return the profile after keeping the person's own statement and/or role label.

        An empty statement goes back to the generated one.
        """
        generated = self.profile().generated
        with self.workspace.session() as session:
            row = session.scalar(select(RoleProfile))
            if row is None:
                row = RoleProfile(label="", statement="", based_on="")
                session.add(row)
            if statement is not None:
                # Saving the generated text unchanged (say, with a new label) is not an edit of one's own.
                own = statement.strip() if statement.strip() != generated.strip() else ""
                row.statement = own
                row.based_on = generated if own else ""
            if label is not None:
                row.label = label.strip()[:200]
        return self.profile()

    def use_generated_statement(self) -> RoleProfileView:
        """Return the profile after dropping the person's own wording in favour of the generated one."""
        return self.edit_profile(statement="")

    def fit_query(self) -> FitQuery:
        """Return what the person is looking for, for matching occupations and postings."""
        environment = self.environment()
        wants_focus = {"focus": True, "variety": False}.get(environment.focus or "")
        query = fit_query_from_duties(self.duties(), wants_focus=wants_focus)
        return dataclasses.replace(
            query,
            collaborative={"collaborative": True, "independent": False}.get(environment.collaboration or ""),
            team_size=environment.team_size,
            work_mode=environment.work_mode,
        )

    def profile_export(self) -> dict[str, Any]:
        """Return the whole profile as a JSON-ready dict."""
        data = dataclasses.asdict(self.profile())
        return {"format": "onward-role-profile", "version": 1, "date": self.today.isoformat(), **data}

    def json_resume(self, name: str = "") -> dict[str, Any]:
        """Return the profile as a JSON Resume fragment (`basics` and `skills`)."""
        role = self.profile()
        loved_tasks = {
            duty_id: [t.title for t in tasks] for duty_id, tasks in self._task_ratings(loved_only=True).items()
        }
        return profile.json_resume(
            name=name, label=role.label, summary=role.statement, duties=self.duties(), loved_tasks=loved_tasks
        )

    # ---- applications ----

    def _application(self, session: Any, application_id: int) -> Application:
        row = session.get(Application, application_id)
        if row is None:
            raise NotFound(f"there is no application {application_id}")
        assert isinstance(row, Application)
        return row

    def _check_date(self, what: str, day: dt.date) -> None:
        if day > self.today:
            raise BadInput(f"{what}: {day} is after today ({self.today}); record it once it has happened")

    def add_application(
        self,
        employer: str,
        role_title: str,
        *,
        link: str = "",
        stage: str = "wishlist",
        on: dt.date | None = None,
        next_step: str = "",
        next_step_on: dt.date | None = None,
        people_met: list[str] | None = None,
        notes: str = "",
    ) -> ApplicationView:
        """Return a new application, its history starting at `stage` (wishlist or applied) on `on`."""
        if not employer.strip() or not role_title.strip():
            raise BadInput("an application needs an employer and a role title")
        if stage not in ("wishlist", "applied"):
            raise BadInput(f"a new application starts as wishlist or applied, not '{stage}'; advance it from there")
        day = on or self.today
        self._check_date(f"application to {employer.strip()}", day)
        with self.workspace.session() as session:
            row = Application(
                employer=employer.strip()[:200],
                role_title=role_title.strip()[:200],
                link=link.strip()[:1000],
                stage=stage,
                applied_on=day if stage == "applied" else None,
                stage_since=day,
                next_step=next_step.strip()[:500],
                next_step_on=next_step_on,
                people_met=row_views.clean_names(people_met),
                notes=notes,
            )
            row.events.append(ApplicationEvent(stage=stage, date=day, note=""))
            session.add(row)
            session.flush()
            application_id = row.id
        return self.get_application(application_id)

    def _load_applications(
        self, session: Session, *conditions: Any, newest: int | None = None
    ) -> list[ApplicationView]:
        # Plain column selects: a long-time user has hundreds of applications, and ORM objects for each
        # row and event would cost more than the page itself.
        query = select(*APPLICATION_COLUMNS).where(*conditions)
        if newest is not None:
            query = query.order_by(Application.stage_since.desc(), Application.id.desc()).limit(newest)
        rows = session.execute(query).all()
        history: dict[int, list[EventView]] = defaultdict(list)
        events = select(
            ApplicationEvent.application_id, ApplicationEvent.stage, ApplicationEvent.date, ApplicationEvent.note
        ).order_by(ApplicationEvent.id)
        offers = select(Offer.application_id)
        if conditions:
            ids = [row.id for row in rows]
            events = events.where(ApplicationEvent.application_id.in_(ids))
            offers = offers.where(Offer.application_id.in_(ids))
        for application_id, stage, day, note in session.execute(events):
            history[application_id].append(EventView(stage, day, note))
        offered = set(session.scalars(offers))
        today = self.today  # read once: settings lookups add up over hundreds of rows
        return [row_views.application_view(row, today, history[row.id], row.id in offered) for row in rows]

    def list_applications(self, *, stages: tuple[str, ...] | None = None) -> list[ApplicationView]:
        """Return the applications (in `stages`, or all): open ones first, furthest along first, then closed."""
        with self.workspace.session() as session:
            found = self._load_applications(session, *([Application.stage.in_(stages)] if stages else []))
        order = {stage: i for i, stage in enumerate(("offer", "interviewing", "applied", "wishlist"))}
        return sorted(found, key=lambda a: (order.get(a.stage, 9), -(a.stage_since or dt.date.min).toordinal(), a.id))

    def closed_applications(self, newest: int) -> tuple[list[ApplicationView], int]:
        """Return the `newest` applications that came to an end (no reply counts), and how many there are."""
        with self.workspace.session() as session:
            closed = Application.stage.in_(CLOSED_STAGES)
            total = int(session.scalar(select(func.count(Application.id)).where(closed)) or 0)
            return self._load_applications(session, closed, newest=newest), total

    def get_application(self, application_id: int) -> ApplicationView:
        with self.workspace.session() as session:
            found = self._load_applications(session, Application.id == application_id)
        if not found:
            raise NotFound(f"there is no application {application_id}")
        return found[0]

    def advance(self, application_id: int, stage: str, *, on: dt.date | None = None, note: str = "") -> ApplicationView:
        """Return the application after moving it to `stage` on `on` (today by default), kept in its history."""
        if stage not in STAGES:
            raise BadInput(f"stage must be one of {', '.join(STAGES)}, not '{stage}'")
        day = on or self.today
        with self.workspace.session() as session:
            row = self._application(session, application_id)
            allowed = NEXT_STAGES[row.stage]
            if stage not in allowed:
                options = f"it can go to {', '.join(allowed)}" if allowed else "that stage is final"
                raise BadInput(f"application {application_id} ({row.employer}) is {row.stage}; {options}")
            self._check_date(f"application {application_id} ({row.employer}): date", day)
            if row.stage_since is not None and day < row.stage_since:
                raise BadInput(
                    f"application {application_id} ({row.employer}): date {day} is before it became "
                    f"{row.stage} ({row.stage_since})"
                )
            row.stage, row.stage_since = stage, day
            if stage == "applied":
                row.applied_on = day
            row.events.append(ApplicationEvent(stage=stage, date=day, note=note.strip()))
        return self.get_application(application_id)

    def record_follow_up(self, application_id: int, *, on: dt.date | None = None, note: str = "") -> ApplicationView:
        """Return the application after noting a follow-up was sent (reminders then wait for the next step)."""
        day = on or self.today
        with self.workspace.session() as session:
            row = self._application(session, application_id)
            self._check_date(f"follow-up with {row.employer}", day)
            row.last_follow_up = day
            row.events.append(ApplicationEvent(stage=row.stage, date=day, note=note.strip() or "Followed up"))
        return self.get_application(application_id)

    def set_next_step(
        self,
        application_id: int,
        next_step: str,
        *,
        on: dt.date | None = None,
        people_met: list[str] | None = None,
        notes: str | None = None,
    ) -> ApplicationView:
        """Return the application with its next step (and, when given, people met and notes) updated."""
        with self.workspace.session() as session:
            row = self._application(session, application_id)
            row.next_step, row.next_step_on = next_step.strip()[:500], on if next_step.strip() else None
            if people_met is not None:
                row.people_met = row_views.clean_names(people_met)
            if notes is not None:
                row.notes = notes
        return self.get_application(application_id)

    def reminders(self, applications: list[ApplicationView] | None = None) -> list[Reminder]:
        """Return today's gentle follow-up suggestions (about `applications`, or all open ones)."""
        if applications is None:
            applications = self.list_applications(stages=OPEN_STAGES)
        return reminders.reminders(applications, self.today)

    # ---- offers ----

    def add_offer(
        self,
        application_id: int,
        *,
        salary: float | None = None,
        currency: str = "",
        hours_per_week: float | None = None,
        work_mode: str | None = None,
        team_size: int | None = None,
        main_duties: str = "",
        start_date: dt.date | None = None,
        deadline: dt.date | None = None,
        notes: str = "",
        on: dt.date | None = None,
    ) -> OfferView:
        """Return the offer recorded for an application (moving the application to "offer" if needed)."""
        mode = row_views.choice(work_mode, WORK_MODES, "work mode")
        if salary is not None and salary < 0:
            raise BadInput(f"salary cannot be negative (got {salary:g})")
        if hours_per_week is not None and not 0 < hours_per_week <= MAX_HOURS:
            raise BadInput(f"hours per week must be more than 0 and at most {MAX_HOURS:g}, not {hours_per_week:g}")
        if team_size is not None and not 1 <= team_size <= MAX_TEAM:
            raise BadInput(f"team size must be from 1 to {MAX_TEAM}, not {team_size}")
        code = currency.strip().upper()
        if code and (len(code) != 3 or not code.isalpha()):
            raise BadInput(f"currency should be a three-letter code such as USD or EUR, not '{currency}'")
        application = self.get_application(application_id)
        if application.has_offer:
            raise BadInput(f"application {application_id} ({application.employer}) already has an offer")
        if application.stage != "offer":
            if "offer" not in application.next_stages:
                raise BadInput(
                    f"application {application_id} ({application.employer}) is {application.stage}; "
                    "an offer can be added once you have applied"
                )
            self.advance(application_id, "offer", on=on, note="Offer received")
        with self.workspace.session() as session:
            row = Offer(
                application_id=application_id,
                salary=salary,
                currency=code,
                hours_per_week=hours_per_week,
                work_mode=mode,
                team_size=team_size,
                main_duties=main_duties.strip(),
                start_date=start_date,
                deadline=deadline,
                notes=notes,
            )
            session.add(row)
            session.flush()
            session.refresh(row, ["application"])
            return row_views.offer_view(row)

    def offer_count(self) -> int:
        with self.workspace.session() as session:
            return int(session.scalar(select(func.count(Offer.id))) or 0)

    def list_offers(self) -> list[OfferView]:
        with self.workspace.session() as session:
            rows = session.scalars(select(Offer).options(selectinload(Offer.application)).order_by(Offer.id))
            return [row_views.offer_view(row) for row in rows]

    def compare_offers(self) -> OfferComparison:
        """Return every offer side by side against the ideal-role profile, each with a plain summary."""
        role = self.profile()
        groups = profile.DutyGroups(role.core, role.growing, role.also, role.fewer)
        fits = comparison.compare_offers(self.list_offers(), groups, role.environment)
        return OfferComparison(statement=role.statement, offers=fits)
