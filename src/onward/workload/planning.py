"""Planning: capacity, the load forecast, priorities and drift. One of the parts of `WorkloadService`.

Reads go through lean column queries (no ORM objects): the workload page over 2,000 open tasks must stay
well under 50 ms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from onward.errors import BadInput, NotFound
from onward.workload import analytics
from onward.workload.forecast import CapacityPeriod, DayException, DayHours, Forecast, forecast
from onward.workload.models import (
    ACTIVE_STATUSES,
    WEEKDAYS,
    Capacity,
    CapacityException,
    Job,
    Responsibility,
    Task,
    TaskDependency,
)
from onward.workload.ranking import ActiveTask, explain_all, rank
from onward.workload.schemas import CapacityExceptionView, CapacityView, PriorityView
from onward.workload.urgency import Coefficients

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from onward.workspace import Workspace

# Used until the person says otherwise: a 40-hour week, Monday to Friday.
DEFAULT_DAY_HOURS = (8.0, 8.0, 8.0, 8.0, 8.0, 0.0, 0.0)
MeetingHours = Callable[[dt.date, int], Sequence[float]]


def spread_day_hours(weekly_hours: float | None, days: dict[str, float], current: Sequence[float]) -> tuple[float, ...]:
    """Return hours per weekday from a weekly total and/or some days' hours (see `set_capacity`)."""
    for name, value in days.items():
        if name not in WEEKDAYS:
            raise BadInput(f"'{name}' is not a weekday (use {', '.join(WEEKDAYS)})")
        if not 0 <= value <= 24:
            raise BadInput(f"{name}: hours in a day go from 0 to 24, not {value}")
    if weekly_hours is None:
        return tuple(days.get(name, current[i]) for i, name in enumerate(WEEKDAYS))
    if not 0 <= weekly_hours <= 168:
        raise BadInput(f"weekly hours go from 0 to 168, not {weekly_hours}")
    rest = [name for name in WEEKDAYS[:5] if name not in days]
    left = weekly_hours - sum(days.values())
    if left < -1e-9:
        raise BadInput(f"the days you gave add up to {sum(days.values()):g} h, more than the {weekly_hours:g} h week")
    if not rest and abs(left) > 1e-9:
        raise BadInput(f"the days you gave add up to {sum(days.values()):g} h, not the {weekly_hours:g} h week")
    return tuple(days.get(name, round(left / len(rest), 4) if name in rest else 0.0) for name in WEEKDAYS)


class Planning:
    """Capacity, forecast, priorities and drift of one workspace.

    `meeting_hours_by_week(first_monday, weeks)` gives the meeting hours of each forecast week (the calendar
    import provides it); without it, meetings take no hours.
    """

    def __init__(self, workspace: Workspace, meeting_hours_by_week: MeetingHours | None = None) -> None:
        self.workspace = workspace
        self.meeting_hours_by_week = meeting_hours_by_week

    # ---- capacity ----

    def capacity(self, on: dt.date | None = None) -> CapacityView:
        """Return the capacity in effect on a day (today by default) and the exceptions not yet over."""
        day = on or self.workspace.today
        with self.workspace.session() as session:
            row = (
                session.scalars(
                    select(Capacity).where(Capacity.starts <= day).order_by(Capacity.starts.desc()).limit(1)
                ).first()
                or session.scalars(select(Capacity).order_by(Capacity.starts).limit(1)).first()
            )
            exceptions = session.scalars(
                select(CapacityException).where(CapacityException.last_day >= day).order_by(CapacityException.first_day)
            )
            views = [CapacityExceptionView(e.id, e.first_day, e.last_day, e.hours_per_day, e.note) for e in exceptions]
            hours = tuple(row.day_hours) if row else DEFAULT_DAY_HOURS
            return CapacityView(
                weekly_hours=round(sum(hours), 4),
                day_hours=dict(zip(WEEKDAYS, hours, strict=True)),
                starts=row.starts if row else None,
                is_default=row is None,
                exceptions=views,
            )

    def set_capacity(
        self, *, weekly_hours: float | None = None, days: dict[str, float] | None = None, starts: dt.date | None = None
    ) -> CapacityView:
        """Set the hours from `starts` (today) on.

        A weekly total alone is spread over Monday to Friday. Days given keep their hours and the rest of
        the total is shared by the other weekdays (weekends stay free unless given). Days alone change only
        those days of the current capacity.
        """
        days = {k.lower()[:3]: float(v) for k, v in (days or {}).items()}
        if weekly_hours is None and not days:
            raise BadInput("give the weekly hours, some days' hours, or both")
        start = starts or self.workspace.today
        current = tuple(self.capacity(start).day_hours.values())
        hours = spread_day_hours(weekly_hours, days, current)
        with self.workspace.session() as session:
            row = session.scalars(select(Capacity).where(Capacity.starts == start)).first()
            if row is None:
                session.add(Capacity(starts=start, weekly_hours=round(sum(hours), 4), day_hours=list(hours)))
            else:
                row.weekly_hours, row.day_hours = round(sum(hours), 4), list(hours)
        return self.capacity(start)

    def add_capacity_exception(
        self, first_day: dt.date, last_day: dt.date, *, hours_per_day: float = 0.0, note: str = ""
    ) -> CapacityExceptionView:
        """Record days with other hours than usual (leave: 0 hours a day)."""
        if last_day < first_day:
            raise BadInput(f"the exception ends ({last_day}) before it starts ({first_day})")
        if not 0 <= hours_per_day <= 24:
            raise BadInput(f"hours per day go from 0 to 24, not {hours_per_day}")
        with self.workspace.session() as session:
            row = CapacityException(first_day=first_day, last_day=last_day, hours_per_day=hours_per_day, note=note)
            session.add(row)
            session.flush()
            return CapacityExceptionView(row.id, first_day, last_day, hours_per_day, note)

    def delete_capacity_exception(self, exception_id: int) -> None:
        with self.workspace.session() as session:
            done = session.execute(delete(CapacityException).where(CapacityException.id == exception_id))
            if not getattr(done, "rowcount", 0):
                raise NotFound(f"there is no capacity exception {exception_id}")

    def day_hours(self) -> DayHours:
        """Return the hours of any day, from every capacity period and exception."""
        with self.workspace.session() as session:
            rows = session.execute(select(Capacity.starts, Capacity.day_hours)).all()
            periods = [CapacityPeriod(starts, tuple(hours)) for starts, hours in rows]
            exceptions = [
                DayException(a, b, h)
                for a, b, h in session.execute(
                    select(
                        CapacityException.first_day, CapacityException.last_day, CapacityException.hours_per_day
                    ).order_by(CapacityException.id)
                )
            ]
        if not periods:
            periods = [CapacityPeriod(dt.date.min, DEFAULT_DAY_HOURS)]
        return DayHours(periods, exceptions)

    # ---- the forecast ----

    def active_tasks(self, *, changed_since: dt.date | None = None) -> list[ActiveTask]:
        """Return the open and waiting tasks with their duty's name, origin and ratings (a task's own rating
        first, else its duty's). With `changed_since`, also the tasks handed off, deferred or dropped since that
        day, as they were: the plate before those changes."""
        from sqlalchemy import and_, or_

        where: ColumnElement[bool] = Task.status.in_(ACTIVE_STATUSES)
        if changed_since is not None:
            gone = and_(Task.status.in_(("handed_off", "deferred", "dropped")), Task.completed >= changed_since)
            where = or_(where, gone)
        with self.workspace.session() as session:
            rows = session.execute(
                select(
                    Task.id,
                    Task.title,
                    Task.responsibility_id,
                    Responsibility.name,
                    Responsibility.origin,
                    Task.due,
                    func.coalesce(Task.remaining_hours, Task.effort_hours, 0.0),
                    Task.importance,
                    Task.status,
                    func.coalesce(Task.entered, func.date(Task.created_at)),
                    Task.recurrence,
                    Task.locked,
                    func.coalesce(Responsibility.can_hand_off, True),
                    func.coalesce(Task.enjoyment, Responsibility.enjoyment),
                    func.coalesce(Task.skill, Responsibility.skill),
                    Task.effort_hours,
                )
                .outerjoin(Responsibility, Task.responsibility_id == Responsibility.id)
                .where(where)
                .order_by(Task.id)
            ).all()
        # The row is the tuple: no per-row Python beyond it (the workload page reads 2,000 of them).
        return list(map(ActiveTask._make, rows))

    def load_forecast(self, weeks: int | None = None, *, tasks: Sequence[ActiveTask] | None = None) -> Forecast:
        """Return the week-by-week forecast (see workload/forecast.py for the rule)."""
        horizon = weeks if weeks is not None else self.workspace.settings.forecast_weeks
        if not 1 <= horizon <= 104:
            raise BadInput(f"the forecast covers 1 to 104 weeks, not {horizon}")
        today = self.workspace.today
        planned = tasks if tasks is not None else self.active_tasks()
        meetings: Sequence[float] = ()
        if self.meeting_hours_by_week is not None:
            from onward.workload.dates import week_start

            meetings = self.meeting_hours_by_week(week_start(today), horizon)
        return forecast(planned, today=today, weeks=horizon, day_hours=self.day_hours(), meeting_hours_by_week=meetings)

    # ---- priorities ----

    def coefficients(self) -> Coefficients:
        """Return the urgency coefficients and quadrant thresholds from the settings."""
        s = self.workspace.settings
        return Coefficients(
            due=s.urgency_due,
            importance=s.urgency_importance,
            age=s.urgency_age,
            age_max_days=s.urgency_age_max_days,
            blocking=s.urgency_blocking,
            blocked=s.urgency_blocked,
            waiting=s.urgency_waiting,
            urgent_from=s.urgent_from,
            important_from=s.important_from,
        )

    def priorities(self, *, tasks: Sequence[ActiveTask] | None = None, explain: bool = True) -> list[PriorityView]:
        """Return every open and waiting task with its urgency, most urgent first.

        With `explain`, each carries its urgency terms; without, they are left empty (ranking 2,000 tasks stays
        fast) and `explain(views)` fills in the ones a page shows.
        """
        active = list(tasks) if tasks is not None else self.active_tasks()
        with self.workspace.session() as session:
            links = session.execute(select(TaskDependency.task_id, TaskDependency.depends_on_id)).all()
        return rank(active, [(a, b) for a, b in links], self.workspace.today, self.coefficients(), explain=explain)

    def explain(self, views: Sequence[PriorityView]) -> None:
        """Fill in the urgency terms of these priorities (each term's factor, weight, points and reason)."""
        explain_all(views, self.workspace.today, self.coefficients())

    # ---- drift ----

    def duty_facts(self) -> list[analytics.DutyFacts]:
        with self.workspace.session() as session:
            load = (
                select(
                    Task.responsibility_id.label("duty"),
                    func.count(Task.id).label("n"),
                    func.sum(func.coalesce(Task.remaining_hours, Task.effort_hours, 0.0)).label("hours"),
                )
                .where(Task.status.in_(ACTIVE_STATUSES))
                .group_by(Task.responsibility_id)
                .subquery()
            )
            rows = session.execute(
                select(
                    Responsibility.id,
                    Responsibility.name,
                    Job.title,
                    Responsibility.origin,
                    Responsibility.expected_end,
                    load.c.n,
                    load.c.hours,
                )
                .join(Job, Responsibility.job_id == Job.id)
                .outerjoin(load, load.c.duty == Responsibility.id)
                .order_by(Responsibility.id)
            ).all()
        return [analytics.DutyFacts(i, n, j, o, e, int(c or 0), float(h or 0.0)) for i, n, j, o, e, c, h in rows]

    def drift(self, weeks: int | None = None, past_weeks: int = 12) -> analytics.Drift:
        """Return temporary duties past their end and the weekly share of hours outside the job description."""
        today = self.workspace.today
        from onward.workload.dates import week_start

        since = week_start(today) - dt.timedelta(days=7 * past_weeks)
        with self.workspace.session() as session:
            done = [
                analytics.DoneWork(completed, float(hours or 0.0), origin)
                for completed, hours, origin in session.execute(
                    select(Task.completed, func.coalesce(Task.effort_hours, 0.0), Responsibility.origin)
                    .join(Responsibility, Task.responsibility_id == Responsibility.id)
                    .where(Task.status == "done", Task.completed >= since, Task.completed < today)
                )
                if completed is not None
            ]
        return analytics.drift(self.duty_facts(), done, self.load_forecast(weeks), today=today, past_weeks=past_weeks)
