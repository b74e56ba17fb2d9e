"""The fit domain's public API: the task audit, environment, ideal-role profile, applications and offers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from onward.errors import BadInput, NotFound
from onward.fit import comparison, profile, reminders
from onward.fit.models import (
    COLLABORATION,
    FOCUS,
    NEXT_STAGES,
    STAGES,
    WORK_MODES,
    Application,
    ApplicationEvent,
    Environment,
    Offer,
    RoleProfile,
)
from onward.fit.query import FitQuery, fit_query_from_duties
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
from onward.services import Workspace
from onward.workload.schemas import JobView, ResponsibilityView
from onward.workload.service import WorkloadService

MAX_TEAM, MAX_HOURS = 10_000, 100.0
ENVIRONMENT_FIELDS = tuple(f.name for f in dataclasses.fields(EnvironmentView) if f.name != "saved")


def _choice(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    if value in (None, ""):
        return None
    if value not in allowed:
        raise BadInput(f"{what} must be one of {', '.join(allowed)}, not '{value}'")
    return value


def _environment_view(row: Environment | None) -> EnvironmentView:
    if row is None:
        return EnvironmentView()
    return EnvironmentView(
        focus=row.focus,
        collaboration=row.collaboration,
        team_min=row.team_min,
        team_max=row.team_max,
        work_mode=row.work_mode,
        sector=row.sector,
        mission=row.mission,
        hours_per_week=row.hours_per_week,
        notes=row.notes,
        saved=True,
    )


def _application_view(row: Application, today: dt.date) -> ApplicationView:
    return ApplicationView(
        id=row.id,
        employer=row.employer,
        role_title=row.role_title,
        link=row.link,
        stage=row.stage,
        applied_on=row.applied_on,
        stage_since=row.stage_since,
        last_follow_up=row.last_follow_up,
        next_step=row.next_step,
        next_step_on=row.next_step_on,
        people_met=list(row.people_met or []),
        notes=row.notes,
        days_since_applying=(today - row.applied_on).days if row.applied_on else None,
        next_stages=list(NEXT_STAGES[row.stage]),
        has_offer=row.offer is not None,
        history=[EventView(e.stage, e.date, e.note) for e in row.events],
    )


def _offer_view(row: Offer) -> OfferView:
    return OfferView(
        id=row.id,
        application_id=row.application_id,
        employer=row.application.employer,
        role_title=row.application.role_title,
        salary=row.salary,
        currency=row.currency,
        hours_per_week=row.hours_per_week,
        work_mode=row.work_mode,
        team_size=row.team_size,
        main_duties=row.main_duties,
        start_date=row.start_date,
        deadline=row.deadline,
        notes=row.notes,
    )


def _clean_names(names: list[str] | None) -> list[str]:
    return [n.strip()[:200] for n in names or [] if n.strip()]


class FitService:
    """What the person loves and is good at, the environment they thrive in, and the roles they pursue."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @cached_property
    def workload(self) -> WorkloadService:
        return WorkloadService(self.workspace)

    @property
    def today(self) -> dt.date:
        return self.workspace.today

    # ---- task audit ----

    def duties(self) -> list[ResponsibilityView]:
        """Return every duty of every job, past ones included."""
        return self.workload.list_responsibilities()

    def rate_duty(
        self, duty_id: int, *, enjoyment: str | None = None, skill: int | None = None, energy: int | None = None
    ) -> ResponsibilityView:
        """Return the duty after recording its rating (love/like/without, skill 1–5, energy -2…+2)."""
        return self.workload.rate_responsibility(duty_id, enjoyment=enjoyment, skill=skill, energy=energy)

    def rate_task(self, task_id: int, *, enjoyment: str | None = None, skill: int | None = None) -> None:
        self.workload.rate_task(task_id, enjoyment=enjoyment, skill=skill)

    def add_past_job(
        self, title: str, *, employer: str = "", start_date: dt.date | None = None, end_date: dt.date | None
    ) -> JobView:
        """Return a job the person held before (it needs an end date on or before today)."""
        if end_date is None:
            raise BadInput(f"past job '{title}': when did it end? A past job needs an end date")
        if end_date > self.today:
            raise BadInput(f"past job '{title}': it ends {end_date}, after today ({self.today})")
        return self.workload.add_job(title, employer=employer, start_date=start_date, end_date=end_date)

    def add_duty(self, job_id: int, name: str, *, description: str = "") -> ResponsibilityView:
        """Return a new duty of a job (for example one from a past job, to rate it)."""
        return self.workload.add_responsibility(job_id, name, description=description)

    def _task_ratings(self) -> dict[int, list[TaskRating]]:
        # Read-only listing of the tasks under each duty, for rating them one by one. The workload
        # service has no task listing of its own yet; writes still go through it (rate_task).
        from onward.workload.models import Task

        with self.workspace.session() as session:
            rows = session.scalars(
                select(Task).where(Task.responsibility_id.is_not(None), Task.status != "dropped").order_by(Task.id)
            )
            out: dict[int, list[TaskRating]] = {}
            for task in rows:
                assert task.responsibility_id is not None
                out.setdefault(task.responsibility_id, []).append(
                    TaskRating(task.id, task.title, task.status, task.enjoyment, task.skill)
                )
            return out

    def audit(self) -> Audit:
        """Return every job with its duties and their ratings, and the rated duties as quadrant points."""
        duties = self.duties()
        tasks = self._task_ratings()
        jobs = [AuditJob(j.id, j.title, j.employer, j.start_date, j.end_date) for j in self.workload.list_jobs()]
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
            return _environment_view(session.scalar(select(Environment)))

    def save_environment(self, **values: Any) -> EnvironmentView:
        """Return the environment after saving the given fields (a field left out keeps its value)."""
        unknown = sorted(set(values) - set(ENVIRONMENT_FIELDS))
        if unknown:
            raise BadInput(f"the environment has no field(s) {', '.join(unknown)}")
        current = dataclasses.asdict(self.environment())
        current.pop("saved")
        current.update(values)
        focus = _choice(current["focus"], FOCUS, "focus")
        collaboration = _choice(current["collaboration"], COLLABORATION, "collaboration")
        work_mode = _choice(current["work_mode"], WORK_MODES, "work mode")
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
            duty_id: [t.title for t in tasks if t.enjoyment == "love"]
            for duty_id, tasks in self._task_ratings().items()
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
                people_met=_clean_names(people_met),
                notes=notes,
            )
            row.events.append(ApplicationEvent(stage=stage, date=day, note=""))
            session.add(row)
            session.flush()
            return _application_view(row, self.today)

    def list_applications(self) -> list[ApplicationView]:
        """Return every application: open ones first (furthest along first), then closed ones."""
        with self.workspace.session() as session:
            rows = session.scalars(
                select(Application).options(selectinload(Application.events), selectinload(Application.offer))
            ).all()
            views = [_application_view(row, self.today) for row in rows]
        order = {stage: i for i, stage in enumerate(("offer", "interviewing", "applied", "wishlist"))}
        return sorted(views, key=lambda a: (order.get(a.stage, 9), -(a.stage_since or dt.date.min).toordinal(), a.id))

    def get_application(self, application_id: int) -> ApplicationView:
        for application in self.list_applications():
            if application.id == application_id:
                return application
        raise NotFound(f"there is no application {application_id}")

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
            self._check_date(f"application {application_id} ({row.employer})", day)
            if row.stage_since is not None and day < row.stage_since:
                raise BadInput(
                    f"application {application_id} ({row.employer}): {day} is before it became "
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
                row.people_met = _clean_names(people_met)
            if notes is not None:
                row.notes = notes
        return self.get_application(application_id)

    def reminders(self) -> list[Reminder]:
        """Return today's gentle follow-up suggestions."""
        return reminders.reminders(self.list_applications(), self.today)

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
        mode = _choice(work_mode, WORK_MODES, "work mode")
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
            return _offer_view(row)

    def list_offers(self) -> list[OfferView]:
        with self.workspace.session() as session:
            rows = session.scalars(select(Offer).options(selectinload(Offer.application)).order_by(Offer.id))
            return [_offer_view(row) for row in rows]

    def compare_offers(self) -> OfferComparison:
        """Return every offer side by side against the ideal-role profile, each with a plain summary."""
        role = self.profile()
        groups = profile.DutyGroups(role.core, role.growing, role.also, role.fewer)
        fits = comparison.compare_offers(self.list_offers(), groups, role.environment)
        return OfferComparison(statement=role.statement, offers=fits)
