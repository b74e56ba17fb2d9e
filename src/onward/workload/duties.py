"""Jobs and their duties (responsibilities, shown to people as "duties"), and how the person rates each duty.

One of the parts of `WorkloadService` (service.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, literal, select

from onward.errors import BadInput, NotFound
from onward.workload.models import ACTIVE_STATUSES, ORIGINS, Job, Responsibility, Task, check_rating
from onward.workload.schemas import JobView, ResponsibilityView
from onward.workspace import Workspace


def _job_view(job: Job) -> JobView:
    return JobView(job.id, job.employer, job.title, job.description, job.start_date, job.end_date)


class Duties:
    """The jobs of one workspace and their duties."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    # ---- jobs ----

    def add_job(
        self,
        title: str,
        *,
        employer: str = "",
        description: str = "",
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
    ) -> JobView:
        if not title.strip():
            raise BadInput("Job title is needed")
        if start_date and end_date and end_date < start_date:
            raise BadInput(f"job '{title}': it ends ({end_date}) before it starts ({start_date})")
        with self.workspace.session() as session:
            job = Job(
                title=title.strip(),
                employer=employer.strip(),
                description=description,
                start_date=start_date,
                end_date=end_date,
            )
            session.add(job)
            session.flush()
            return _job_view(job)

    def list_jobs(self) -> list[JobView]:
        """Return every job, current ones (no end date) first, newest start first."""
        with self.workspace.session() as session:
            jobs = session.scalars(
                select(Job).order_by(Job.end_date.is_not(None), Job.start_date.desc().nulls_last(), Job.id)
            )
            return [_job_view(job) for job in jobs]

    def current_job(self) -> JobView | None:
        """Return the job the person holds now (the newest without an end date), if any."""
        current = [job for job in self.list_jobs() if job.end_date is None]
        return current[0] if current else None

    # ---- responsibilities ----

    def add_responsibility(
        self,
        job_id: int,
        name: str,
        *,
        origin: str = "described",
        description: str = "",
        expected_end: dt.date | None = None,
        can_hand_off: bool = True,
    ) -> ResponsibilityView:
        if not name.strip():
            raise BadInput("Duty name is needed")
        if origin not in ORIGINS:
            raise BadInput(f"responsibility '{name}': origin must be one of {', '.join(ORIGINS)}")
        with self.workspace.session() as session:
            if session.get(Job, job_id) is None:
                raise NotFound(f"there is no job {job_id}")
            duty = Responsibility(
                job_id=job_id,
                name=name.strip(),
                origin=origin,
                description=description,
                expected_end=expected_end,
                can_hand_off=can_hand_off,
            )
            session.add(duty)
            session.flush()
            duty_id = duty.id
        return self.get_responsibility(duty_id)

    def list_responsibilities(self, job_id: int | None = None, *, open_load: bool = True) -> list[ResponsibilityView]:
        """Return duties (of one job, or all) with their open-task count and remaining hours.

        `open_load=False` leaves the count and hours at 0, for callers that already hold the open tasks.
        """
        with self.workspace.session() as session:
            load = (
                select(
                    Task.responsibility_id,
                    func.count(Task.id).label("open_tasks"),
                    func.coalesce(func.sum(func.coalesce(Task.remaining_hours, Task.effort_hours, 0.0)), 0.0).label(
                        "hours"
                    ),
                )
                .where(Task.status.in_(ACTIVE_STATUSES))
                .group_by(Task.responsibility_id)
                .subquery()
            )
            query = (
                (
                    select(Responsibility, Job.title, load.c.open_tasks, load.c.hours).outerjoin(
                        load, load.c.responsibility_id == Responsibility.id
                    )
                    if open_load
                    else select(Responsibility, Job.title, literal(0), literal(0.0))
                )
                .join(Job, Responsibility.job_id == Job.id)
                .order_by(Job.id, Responsibility.id)
            )
            if job_id is not None:
                query = query.where(Responsibility.job_id == job_id)
            return [
                ResponsibilityView(
                    id=duty.id,
                    job_id=duty.job_id,
                    job_title=job_title,
                    name=duty.name,
                    description=duty.description,
                    origin=duty.origin,
                    expected_end=duty.expected_end,
                    enjoyment=duty.enjoyment,
                    skill=duty.skill,
                    energy=duty.energy,
                    can_hand_off=duty.can_hand_off,
                    open_tasks=int(open_tasks or 0),
                    remaining_hours=float(hours or 0.0),
                )
                for duty, job_title, open_tasks, hours in session.execute(query)
            ]

    def get_responsibility(self, responsibility_id: int) -> ResponsibilityView:
        for duty in self.list_responsibilities():
            if duty.id == responsibility_id:
                return duty
        raise NotFound(f"there is no responsibility {responsibility_id}")

    def rate_responsibility(
        self,
        responsibility_id: int,
        *,
        enjoyment: str | None = None,
        skill: int | None = None,
        energy: int | None = None,
    ) -> ResponsibilityView:
        """Record how the person feels about a duty (love/like/without), their skill 1–5, energy -2…+2."""
        check_rating(enjoyment, skill, energy)
        with self.workspace.session() as session:
            duty = session.get(Responsibility, responsibility_id)
            if duty is None:
                raise NotFound(f"there is no responsibility {responsibility_id}")
            if enjoyment is not None:
                duty.enjoyment = enjoyment
            if skill is not None:
                duty.skill = skill
            if energy is not None:
                duty.energy = energy
        return self.get_responsibility(responsibility_id)
